"""PDF: one module per engine that draws a page into the page model
(`pdfium`, the default; `plumber`, the reference), the page workers that
open the file and lay out every page (`pages`), run in a child process
bounded in memory and time (`worker`), and the reader that builds the
document from their layouts (`reader`).  What is computed from the page
model — lines, paragraphs, tables, stitching, furniture — is in
`read.layout`, shared with OFD; another engine is one more module here that
produces a `PageModel`.

Nothing is imported here: the page workers must not load attrs, the models
or `regex` (the CLI forks them before it imports those)."""

"""Word (.docx): the body walk into paragraphs and table grids (`reader`),
automatic list numbering rendered as a reader sees it (`numbering`), the text
of embedded w:altChunk parts (`chunks`), and the WordprocessingML names and
value readers they share (`wordml`).

Nothing is imported here: each module loads when it is first asked for."""

"""The page model and everything computed from it, whatever engine drew the
page (PDFium, pdfplumber, OFD): `page_model` is what an engine produces —
characters with boxes, ruling lines, what was painted; from it come lines
(`lines`), ruled tables and the page layout (`tables`), tables without
ruling lines (`borderless`, its column words in `labels`, the grids it
infers fitted and joined across pages in `inferred`), hidden text
(`hidden`), page furniture (`furniture`), paragraphs (`paragraphs`), tables
stitched across pages (`stitch`), and the document's blocks (`blocks`).

Nothing is imported here: the PDF page workers lay pages out and must not
load attrs, the models or `regex`."""

"""The page model and everything computed from it, whatever engine drew the
page (PDFium, pdfplumber, OFD): `page_model` is what an engine produces —
characters with boxes, ruling lines, what was painted; from it come lines
(`lines`), ruled tables and the page layout (`tables`), tables without
ruling lines (`borderless`, its column words in `labels`, the grids it
infers fitted and joined across pages in `inferred`), hidden text
(`hidden`), page furniture (`furniture`), paragraphs (`paragraphs`), tables
stitched across pages (`stitch`), and the document's blocks (`blocks`).

Nothing of the stage is imported here: the PDF page workers lay pages out
and must not load attrs, the models or `regex`.  Only the cache of the
generated methods of the records these modules define with dataclasses is
installed first (`_support/dataclass_code.py`)."""

from ..._support import dataclass_code

dataclass_code.install()

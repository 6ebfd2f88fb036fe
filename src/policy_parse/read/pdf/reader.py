"""PDF reader: an engine draws each page into the page model; lines,
tables, stitching and furniture are computed from that model, whatever
engine drew it (docs/pdf.md, "Pipeline"; STYLE.md, "Many readers, one page
model").

    engine (pdf.pdfium | pdf.plumber)  →  PageModel per page
    layout.tables.page_to_layout       →  Layout: lines in the body / in cells
    layout.blocks.BlockBuilder         →  paragraphs, stitched tables, residue

`read_pdf` is the public entry: it starts the workers that draw and lay out
the pages (`pdf.pages`, bounded in memory and time by `pdf.worker`) unless
they were started already (`start_pdf`), and builds the document from their
layouts.  Nothing here knows the
sample: margins, column positions and line widths are measured on the file
being read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import attrs

from ...errors import CorruptFileError, EmptyDocumentError, NoTextLayerError
from ...models import Document, Residue, Source, Span
from ..block_furniture import without_page_furniture
from ..layout.blocks import BlockBuilder
from ..layout.tables import Layout
from ..limits import Limits
from ..ocr.report import no_text_error, ocr_residue, ocr_source
from .pages import ENGINE_NAMES, Damage, StartedPages, read_layouts, start_pages

__all__ = [
    "ENGINES",
    "PageFold",
    "PdfEngine",
    "layouts_to_document",
    "parse_pdf",
    "read_pdf",
    "start_pdf",
]

PdfEngine = Literal["pdfium", "pdfplumber", "ocr"]
ENGINES: tuple[PdfEngine, ...] = ENGINE_NAMES
"""The PDF engines that read a text layer, the default first ("ocr", which
reads every page from its image, is apart: read.ocr)."""


# Above this share of unreadable characters the text layer is garbage, not a
# notice with a few odd symbols (a private-use bullet, a lost glyph).
_GARBLED_SHARE = 0.3


def _residue(damage: Damage) -> Residue:
    page, messages = damage
    more = f" (and {len(messages) - 1} more)" if len(messages) > 1 else ""
    where = f"page {page}" if page else "the file's structure"
    return Residue(
        text="",
        reason=f"damaged PDF content in {where}, text may be missing: {messages[0][:200]}{more}",
        span=Span(page=page),
    )


def parse_pdf(
    data: bytes,
    source: Source,
    limits: Limits,
    password: str | None,
    engine: str = "pdfium",
) -> Document:
    """Parse in the current process, all pages in turn."""
    what = source.path or "the PDF"
    _, layouts, damage = read_layouts(data, what, limits.max_pages, password, engine)
    return layouts_to_document(layouts, damage, source)


class PageFold:
    """Pages folded into the document one at a time, in page order, as the
    workers send them (`StartedPages.finish`): each layout is taken apart
    into blocks and residue (`BlockBuilder`) and the counts the checks need,
    then dropped, so the caller never holds every page's layout.  Pages read
    by OCR are kept (`source.ocr` names them; scans are few and slow)."""

    __slots__ = ("_blocks", "_drawn", "_garbled", "_has_text", "_pages", "_read")

    def __init__(self) -> None:
        self._blocks = BlockBuilder()
        self._pages = 0
        self._has_text = False
        self._drawn = 0
        self._garbled = 0
        self._read: list[Layout] = []

    def add(self, lay: Layout) -> None:
        self._pages += 1
        self._has_text = self._has_text or lay.has_text
        self._drawn += lay.drawn
        self._garbled += lay.garbled
        if lay.ocr is not None:
            self._read.append(lay)
        self._blocks.add(lay)

    def document(self, damage: list[Damage], source: Source, *, allow_ocr: bool = True) -> Document:
        """Every page is in: the document, after the checks that need the
        whole file (a text layer at all, and a readable one).
        `allow_ocr=False`: OCR was turned off, which the error says."""
        what = source.path or "the PDF"
        if not self._pages:
            raise CorruptFileError(f"{what} has no pages")
        if not self._has_text:
            raise no_text_error(what, self._read, allow_ocr=allow_ocr)
        if self._garbled > _GARBLED_SHARE * self._drawn:
            raise NoTextLayerError(
                f"{what}'s text layer is unreadable: {self._garbled} of its {self._drawn} "
                "characters have no Unicode meaning (unmapped glyphs or private-use codes, a "
                "font without a ToUnicode map); read its pages from their image instead: "
                "ocr=True (CLI: --ocr)"
            )
        blocks, residue = self._blocks.finish()
        if not blocks and not residue:
            raise EmptyDocumentError(f"{what} holds no text")
        # A PDF made of text copied from another keeps its page numbers in
        # the body, where no page's edge sets them aside: as the .txt copy.
        blocks, furniture = without_page_furniture(list(blocks))
        found = tuple(residue) + tuple(furniture) + tuple(_residue(d) for d in damage)
        if self._read:
            source = attrs.evolve(source, ocr=ocr_source(self._read))
            found += tuple(r for lay in self._read for r in ocr_residue(lay))
        return Document(source=source, blocks=tuple(blocks), residue=found)


def layouts_to_document(
    layouts: list[Layout], damage: list[Damage], source: Source, *, allow_ocr: bool = True
) -> Document:
    """Every page's layout, in page order → the document (`PageFold`)."""
    fold = PageFold()
    for lay in layouts:
        fold.add(lay)
    return fold.document(damage, source, allow_ocr=allow_ocr)


def start_pdf(
    data: bytes,
    what: str,
    limits: Limits,
    *,
    password: str | None = None,
    engine: str = "pdfium",
    allow_ocr: bool = True,
) -> StartedPages:
    """Start the workers reading a PDF's pages within `limits`; `read_pdf`
    (`started=`) collects them.  `allow_ocr=False`: no page is read by OCR."""
    return start_pages(
        data,
        what,
        password=password,
        engine=engine,
        workers=limits.pdf_workers,
        memory_bytes=limits.pdf_memory_bytes,
        seconds=limits.pdf_seconds,
        max_pages=limits.max_pages,
        ocr_page_seconds=limits.ocr_page_seconds,
        allow_ocr=allow_ocr,
    )


def read_pdf(
    data: bytes,
    source: Source,
    limits: Limits,
    *,
    password: str | None = None,
    engine: PdfEngine = "pdfium",
    while_waiting: Callable[[], None] | None = None,
    started: StartedPages | None = None,
    allow_ocr: bool = True,
) -> Document:
    """Read a PDF notice into a `Document`, in workers bounded by `limits`
    (`while_waiting` runs here meanwhile).
    `engine` picks who draws the pages: "pdfium" (default, fast) or
    "pdfplumber" (the pure-Python reference).  `started`: workers already
    reading the file (`start_pdf`, or the CLI's early start); `data` is then
    not read (its caller may pass b"" and keep no copy: `StartedPages.let_go`)."""
    if started is None:
        started = start_pdf(
            data,
            source.path or "the PDF",
            limits,
            password=password,
            engine=engine,
            allow_ocr=allow_ocr,
        )
    fold = PageFold()
    damage = started.finish(fold.add, while_waiting)
    return fold.document(damage, source, allow_ocr=started.allow_ocr)

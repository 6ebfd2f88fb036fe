"""PDF reader: an engine draws each page into the page model; lines,
tables, stitching and furniture are computed from that model, whatever
engine drew it (docs/pdf.md, "Pipeline"; STYLE.md, "Many readers, one page
model").

    engine (pdf.pdfium | pdf.plumber)  →  PageModel per page
    layout.tables.page_to_layout       →  Layout: lines in the body / in cells
    layout.blocks.layouts_to_blocks    →  paragraphs, stitched tables, residue

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

from ...errors import CorruptFileError, EmptyDocumentError, NoTextLayerError, OcrNotInstalledError
from ...models import Document, Residue, Source, Span
from ..layout.blocks import layouts_to_blocks
from ..layout.tables import Layout
from ..limits import Limits
from .pages import ENGINE_NAMES, Damage, StartedPages, read_layouts, start_pages

__all__ = [
    "ENGINES",
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


def layouts_to_document(layouts: list[Layout], damage: list[Damage], source: Source) -> Document:
    """Every page's layout, in page order → the document, after the checks
    that need the whole file (a text layer at all, and a readable one)."""
    what = source.path or "the PDF"
    if not layouts:
        raise CorruptFileError(f"{what} has no pages")
    if not any(lay.has_text for lay in layouts):
        raise _no_text(what, layouts)
    drawn = sum(lay.drawn for lay in layouts)
    garbled = sum(lay.garbled for lay in layouts)
    if garbled > _GARBLED_SHARE * drawn:
        raise NoTextLayerError(
            f"{what}'s text layer is unreadable: {garbled} of its {drawn} characters have no "
            "Unicode meaning (unmapped glyphs or private-use codes, a font without a ToUnicode "
            "map); read its pages from their image instead: ocr=True (CLI: --ocr)"
        )
    blocks, residue = layouts_to_blocks(layouts)
    if not blocks and not residue:
        raise EmptyDocumentError(f"{what} holds no text")
    found = tuple(residue) + tuple(_residue(d) for d in damage)
    read = [lay for lay in layouts if lay.ocr is not None]
    if read:
        source = attrs.evolve(source, ocr=_ocr_source(read))
        found += tuple(r for lay in read for r in _ocr_residue(lay))
    return Document(source=source, blocks=tuple(blocks), residue=found)


def _no_text(what: str, layouts: list[Layout]) -> NoTextLayerError:
    from ..ocr import INSTALL_HINT, available

    if any(lay.ocr is not None for lay in layouts):
        return NoTextLayerError(
            f"{what} has no text layer, and OCR found no text on its pages either"
        )
    if not available():
        return OcrNotInstalledError(
            f"{what} has no text layer (scanned or image-only pages); the OCR that reads "
            f"scans is an optional extra: {INSTALL_HINT}"
        )
    return NoTextLayerError(
        f"{what} has no text layer, and no page image large enough to be a scan for OCR to read"
    )


def _ocr_source(read: list[Layout]) -> str:
    """`source.ocr`: the engine and the pages it read."""
    engine = next(lay.ocr.engine for lay in read if lay.ocr is not None)
    pages = [lay.page for lay in read]
    runs: list[list[int]] = []
    for p in pages:
        if runs and p == runs[-1][-1] + 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    said = ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
    return f"{engine}; pages {said}"


def _rounded(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    x0, top, x1, bottom = box
    return (round(x0, 1), round(top, 1), round(x1, 1), round(bottom, 1))


def _ocr_residue(lay: Layout) -> list[Residue]:
    """What OCR doubted on a page (kept in the text) and the seals it set aside."""
    facts = lay.ocr
    if facts is None:
        return []
    out = [
        Residue(
            text="",
            reason=f"OCR doubt: read with confidence {score:.2f}: {text}",
            span=Span(page=lay.page, bbox=_rounded(box)),
        )
        for text, score, box in facts.doubts
    ]
    out.extend(
        Residue(text="", reason="seal", span=Span(page=lay.page, bbox=_rounded(box)))
        for box in facts.seals
    )
    return out


def start_pdf(
    data: bytes,
    what: str,
    limits: Limits,
    *,
    password: str | None = None,
    engine: str = "pdfium",
) -> StartedPages:
    """Start the workers reading a PDF's pages within `limits`; `read_pdf`
    (`started=`) collects them."""
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
) -> Document:
    """Read a PDF notice into a `Document`, in workers bounded by `limits`
    (`while_waiting` runs here meanwhile).
    `engine` picks who draws the pages: "pdfium" (default, fast) or
    "pdfplumber" (the pure-Python reference).  `started`: workers already
    reading `data` (`start_pdf`, or the CLI's early start)."""
    if started is None:
        started = start_pdf(
            data, source.path or "the PDF", limits, password=password, engine=engine
        )
    layouts, damage = started.finish(while_waiting)
    return layouts_to_document(layouts, damage, source)

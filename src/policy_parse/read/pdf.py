"""PDF reader: an engine draws each page into the page model; lines,
tables, stitching and furniture are computed from that model, whatever
engine drew it (docs/pdf.md, "Pipeline"; STYLE.md, "Many readers, one page
model").

    engine (pdf_pdfium | pdf_plumber)  →  PageModel per page
    layout_tables.page_to_layout       →  Layout: lines in the body / in cells
    layout_blocks.layouts_to_blocks    →  paragraphs, stitched tables, residue

`read_pdf` is the public entry: checks, the worker process that bounds
memory and time (`_pdfworker`), the engine choice.  Nothing here knows the
sample: margins, column positions and line widths are measured on the file
being read.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import Literal

from ..errors import CorruptFileError, EmptyDocumentError, InputTooLargeError, NoTextLayerError
from ..models import Document, Residue, Source, Span
from ._pdfworker import run_bounded_each
from .layout_blocks import layouts_to_blocks
from .layout_tables import Layout, page_to_layout
from .limits import Limits
from .page_model import Engine

__all__ = ["ENGINES", "PdfEngine", "layouts_to_document", "parse_pdf", "read_layouts", "read_pdf"]

PdfEngine = Literal["pdfium", "pdfplumber"]
ENGINES: tuple[PdfEngine, ...] = ("pdfium", "pdfplumber")
"""The PDF engines, the default first."""


# Above this share of unreadable characters the text layer is garbage, not a
# notice with a few odd symbols (a private-use bullet, a lost glyph).
_GARBLED_SHARE = 0.3


def _damage(messages: list[str], page: int | None) -> Residue:
    more = f" (and {len(messages) - 1} more)" if len(messages) > 1 else ""
    where = f"page {page}" if page else "the file's structure"
    return Residue(
        text="",
        reason=f"damaged PDF content in {where}, text may be missing: {messages[0][:200]}{more}",
        span=Span(page=page),
    )


def _open(engine: str, data: bytes, password: str | None, what: str) -> Engine:
    if engine == "pdfium":
        from .pdf_pdfium import PdfiumEngine

        return PdfiumEngine(data, password, what)
    if engine == "pdfplumber":
        from .pdf_plumber import PlumberEngine

        return PlumberEngine(data, password, what)
    raise ValueError(f"unknown PDF engine {engine!r}: choose one of {', '.join(ENGINES)}")


def read_layouts(
    data: bytes,
    what: str,
    limits: Limits,
    password: str | None,
    engine: str,
    part: int = 0,
    parts: int = 1,
) -> tuple[int, list[Layout], list[Residue]]:
    """The page count, and the layouts and damage of the pages whose index is
    `part` modulo `parts` (every page by default).  What a worker runs: the
    engine touches the file only here."""
    damage: list[Residue] = []
    doc = _open(engine, data, password, what)
    try:
        count = doc.page_count()
        if count > limits.max_pages:
            raise InputTooLargeError(
                f"{what} has {count} pages, over the {limits.max_pages}-page limit "
                "(Limits.max_pages)"
            )
        if doc.damage and part == 0:
            damage.append(_damage(doc.damage, None))
        layouts = []
        for page in doc.pages(part, parts):
            layouts.append(page_to_layout(page))
            if page.damage:
                damage.append(_damage(page.damage, page.number))
    finally:
        doc.close()
    return count, layouts, damage


def parse_pdf(
    data: bytes,
    source: Source,
    limits: Limits,
    password: str | None,
    engine: str = "pdfium",
) -> Document:
    """Parse in the current process, all pages in turn."""
    what = source.path or "the PDF"
    _, layouts, damage = read_layouts(data, what, limits, password, engine)
    return layouts_to_document(layouts, damage, source)


def layouts_to_document(layouts: list[Layout], damage: list[Residue], source: Source) -> Document:
    """Every page's layout, in page order → the document, after the checks
    that need the whole file (a text layer at all, and a readable one)."""
    what = source.path or "the PDF"
    if not layouts:
        raise CorruptFileError(f"{what} has no pages")
    if not any(lay.has_text for lay in layouts):
        raise NoTextLayerError(
            f"{what} has no text layer (scanned or image-only pages): run OCR on it first; "
            "OCR is out of scope for policy_parse"
        )
    drawn = sum(lay.drawn for lay in layouts)
    garbled = sum(lay.garbled for lay in layouts)
    if garbled > _GARBLED_SHARE * drawn:
        raise NoTextLayerError(
            f"{what}'s text layer is unreadable: {garbled} of its {drawn} characters have no "
            "Unicode meaning (unmapped glyphs or private-use codes, a font without a ToUnicode "
            "map); run OCR on it first, OCR is out of scope for policy_parse"
        )
    blocks, residue = layouts_to_blocks(layouts)
    if not blocks and not residue:
        raise EmptyDocumentError(f"{what} holds no text")
    return Document(source=source, blocks=tuple(blocks), residue=tuple(residue + damage))


def _looks_truncated(data: bytes) -> bool:
    # A complete file ends with %%EOF (perhaps followed by a little junk);
    # the engines would otherwise rebuild a cut-off file silently, minus the
    # text that was cut off.
    return b"%%EOF" not in data[-2048:]


def read_pdf(
    data: bytes,
    source: Source,
    limits: Limits,
    *,
    password: str | None = None,
    engine: PdfEngine = "pdfium",
    while_waiting: Callable[[], None] | None = None,
) -> Document:
    """Read a PDF notice into a `Document`, in workers bounded by `limits`
    (`while_waiting` runs here meanwhile).
    `engine` picks who draws the pages: "pdfium" (default, fast) or
    "pdfplumber" (the pure-Python reference)."""
    if engine not in ENGINES:
        raise ValueError(f"unknown PDF engine {engine!r}: choose one of {', '.join(ENGINES)}")
    what = source.path or "the PDF"
    if _looks_truncated(data):
        raise CorruptFileError(
            f"{what} is truncated (no %%EOF at its end): the download or copy was cut off"
        )
    # Imported here, before the fork, so every worker inherits the module
    # instead of importing it again (a long-running caller reads many files).
    if engine == "pdfium":
        from . import pdf_pdfium  # noqa: F401
    else:
        import pdfplumber  # noqa: F401

        from . import pdf_plumber  # noqa: F401

    parts = _workers(limits)
    answers = run_bounded_each(
        read_layouts,
        [(data, what, limits, password, engine, part, parts) for part in range(parts)],
        memory_bytes=limits.pdf_memory_bytes,
        seconds=limits.pdf_seconds,
        what=what,
        while_waiting=while_waiting,
    )
    layouts = sorted((lay for _, lays, _ in answers for lay in lays), key=lambda lay: lay.page)
    damage = sorted((d for _, _, ds in answers for d in ds), key=lambda d: d.span.page or 0)
    return layouts_to_document(layouts, damage, source)


def _workers(limits: Limits) -> int:
    """How many workers share the pages: `Limits.pdf_workers`, at most one
    per CPU this process may use, and one where workers cannot be forked
    (other threads alive: each would be a fresh interpreter, started one
    after another, _pdfworker)."""
    if threading.active_count() > 1:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cpus = os.cpu_count() or 1
    return max(1, min(limits.pdf_workers, cpus))

"""The PDF page workers' side: open the file with an engine, draw every
`parts`-th page into the page model and lay it out (docs/pdf.md, "Bounded
resources").

Nothing here imports attrs, the models or `regex`, so a caller can fork the
workers before it has imported them: the CLI starts a PDF's workers right
after reading its arguments and imports the rest of the pipeline while they
read, so the import costs no wall time (`StartedPages`).  Damage travels as
plain (page, messages) pairs and becomes `Residue` in the caller (`pdf.reader`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Generator
from typing import Any, Literal

from ...errors import CorruptFileError, InputTooLargeError
from .. import limit_defaults as _default
from ..layout.page_model import Engine
from ..layout.tables import Layout, page_to_layout
from .worker import Children, finish_each, forkable, start_each

__all__ = [
    "ENGINE_NAMES",
    "OCR_ENGINE",
    "Damage",
    "StartedPages",
    "looks_truncated",
    "open_engine",
    "read_layouts",
    "read_pages",
    "start_pages",
    "stated_pages",
    "truncated_error",
    "workers_for",
    "workers_for_file",
]

ENGINE_NAMES: tuple[Literal["pdfium", "pdfplumber"], ...] = ("pdfium", "pdfplumber")
"""The PDF engines, the default first."""

Damage = tuple[int | None, list[str]]
"""What an engine could not read: (page number, or None for the file's
structure; its messages)."""


def looks_truncated(data: bytes) -> bool:
    """A complete file ends with %%EOF (perhaps followed by a little junk);
    the engines would otherwise rebuild a cut-off file silently, minus the
    text that was cut off."""
    return b"%%EOF" not in data[-2048:]


def truncated_error(what: str) -> CorruptFileError:
    return CorruptFileError(
        f"{what} is truncated (no %%EOF at its end): the download or copy was cut off"
    )


OCR_ENGINE = "ocr"
"""Every page read from its image (read.ocr), the text layer ignored."""


def _check_engine(engine: str) -> None:
    if engine not in (*ENGINE_NAMES, OCR_ENGINE):
        names = ", ".join((*ENGINE_NAMES, OCR_ENGINE))
        raise ValueError(f"unknown PDF engine {engine!r}: choose one of {names}")


def _check_ocr(engine: str, allow_ocr: bool) -> None:
    if engine == OCR_ENGINE and not allow_ocr:
        raise ValueError("the ocr engine reads every page by OCR: it cannot run with OCR off")


def open_engine(
    engine: str,
    data: bytes,
    password: str | None,
    what: str,
    allow_ocr: bool = True,
    ocr_installed: bool | None = None,
) -> Engine:
    """The engine; with the `[ocr]` extra installed and `allow_ocr`, wrapped
    so that a page with no text layer is read by OCR (every page for "ocr").
    `allow_ocr=False` (CLI: --no-ocr) reads the text layer only, as without
    the extra.  `ocr_installed`: whether the extra is installed, when the
    caller asked already (`start_pages` asks once for all its workers; the
    question is ~45 `stat`s of `sys.path`); None asks here."""
    _check_engine(engine)
    _check_ocr(engine, allow_ocr)
    base: Engine
    if engine == "pdfplumber":
        from .plumber import PlumberEngine

        base = PlumberEngine(data, password, what)
    else:
        from .pdfium import PdfiumEngine

        base = PdfiumEngine(data, password, what)
    if engine == OCR_ENGINE or (allow_ocr and _installed(ocr_installed)):
        from ..ocr.engine import OcrEngine

        return OcrEngine(base, data, password, what, always=engine == OCR_ENGINE)
    return base


def _installed(known: bool | None) -> bool:
    """Whether the `[ocr]` extra is installed: `known`, or asked now."""
    if known is not None:
        return known
    from ..ocr import available

    return available()


def read_pages(
    data: bytes,
    what: str,
    max_pages: int,
    password: str | None,
    engine: str,
    part: int = 0,
    parts: int = 1,
    allow_ocr: bool = True,
    ocr_installed: bool | None = None,
) -> Generator[tuple[Layout, list[Damage]], None, tuple[int, list[Damage]]]:
    """Each page whose index is `part` modulo `parts` (every page by
    default), as it is read: its layout and damage (the file's own damage
    comes with the first page of part 0).  Returns the page count and the
    damage no page carried (a file without pages).  What a worker runs,
    streaming its pages to the caller (`pdf.child`); the engine touches the
    file only here.  `ocr_installed` as for `open_engine`."""
    doc = open_engine(engine, data, password, what, allow_ocr, ocr_installed)
    try:
        count = doc.page_count()
        if count > max_pages:
            raise InputTooLargeError(
                f"{what} has {count} pages, over the {max_pages}-page limit (Limits.max_pages)"
            )
        damage: list[Damage] = []
        if doc.damage and part == 0:
            damage.append((None, list(doc.damage)))
        for page in doc.pages(part, parts):
            layout = page_to_layout(page)
            if page.damage:
                damage.append((page.number, list(page.damage)))
            yield layout, damage
            damage = []
    finally:
        doc.close()
    return count, damage


def read_layouts(
    data: bytes,
    what: str,
    max_pages: int,
    password: str | None,
    engine: str,
    part: int = 0,
    parts: int = 1,
    allow_ocr: bool = True,
) -> tuple[int, list[Layout], list[Damage]]:
    """`read_pages` in this process, gathered: the page count, and the
    layouts and damage of its pages."""
    pages = read_pages(data, what, max_pages, password, engine, part, parts, allow_ocr)
    layouts: list[Layout] = []
    damage: list[Damage] = []
    while True:
        try:
            layout, more = next(pages)
        except StopIteration as stop:
            count, left = stop.value
            return count, layouts, left + damage
        layouts.append(layout)
        damage.extend(more)


# A second worker pays only where one worker would still be reading after
# the caller has imported the text stages (~150 ms of a CLI run): every
# worker is another process on the machine's cores beside the caller, and
# on a two-core machine the 23-page sample cost ~40 ms more CPU and more
# wall time with two than with one (benchmarks/README.md, issue 26).  So a
# file whose page tree says it has at most this many pages is read by one
# worker.  A file with no fonts is all images, read by OCR at seconds a
# page, and keeps every worker.
PAGES_PER_WORKER = 50

# A page tree node, and a count in it (PDF 32000-1, 7.7.3.2).
_PAGES_NODE = re.compile(rb"/Type\s*/Pages\b")
_COUNT = re.compile(rb"/Count\s+(\d{1,7})")
_NODES_LOOKED_AT = 64
_NODE_REACH = 16384  # bytes either side of `/Type /Pages` (a /Kids array of ~2000 pages)


def stated_pages(data: bytes) -> int | None:
    """The page count the file's page tree states, where it is visible in
    the bytes: the largest `/Count` in a `/Pages` dictionary (the root's),
    looked for between the dictionary's `<<` and `>>` around its
    `/Type /Pages`.  None where none is visible (the tree inside a
    compressed object stream).  A guess that only sets how many workers
    read the file, never what is read; it looks at a bounded number of
    bytes whatever the file holds."""
    counts: list[int] = []
    for k, node in enumerate(_PAGES_NODE.finditer(data)):
        if k == _NODES_LOOKED_AT:
            break
        before = data[max(0, node.start() - _NODE_REACH) : node.start()]
        before = before[before.rfind(b"<<") + 1 :]  # from the dictionary's start
        after = data[node.end() : node.end() + _NODE_REACH]
        end = after.find(b">>")
        after = after[:end] if end >= 0 else after
        counts.extend(int(m[1]) for m in _COUNT.finditer(before + b" " + after))
    return max(counts) if counts else None


def workers_for_file(wanted: int, data: bytes) -> int:
    """`workers_for(wanted)`, but one for a file of text (it names a font)
    whose stated page count is at most `PAGES_PER_WORKER`."""
    parts = workers_for(wanted)
    if parts > 1 and b"/Font" in data:
        pages = stated_pages(data)
        if pages is not None and pages <= PAGES_PER_WORKER:
            return 1
    return parts


def workers_for(wanted: int) -> int:
    """How many workers share the pages: `wanted` (`Limits.pdf_workers`), at
    most one per CPU this process may use, and one where workers cannot be
    forked (`worker.forkable`: each would be a fresh interpreter, started
    one after another)."""
    if not forkable():
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cpus = os.cpu_count() or 1
    return max(1, min(wanted, cpus))


class StartedPages:
    """Page workers reading one PDF, started and not yet waited for.
    `finish()` waits (within the clock started with them), handing every
    page's layout on in page order as it arrives, and returns the damage;
    `cancel()` stops them.  Use it once: `finish` or `cancel`, then it is
    spent."""

    __slots__ = (
        "_children",
        "allow_ocr",
        "data",
        "engine",
        "memory_bytes",
        "password",
        "seconds",
        "what",
    )

    def __init__(
        self,
        children: Children,
        *,
        data: bytes,
        what: str,
        password: str | None,
        engine: str,
        memory_bytes: int,
        seconds: float,
        allow_ocr: bool = True,
    ) -> None:
        self._children = children
        self.allow_ocr = allow_ocr
        self.data = data
        self.what = what
        self.password = password
        self.engine = engine
        self.memory_bytes = memory_bytes
        self.seconds = seconds

    def let_go(self) -> None:
        """Drop this reference to the file's bytes, once the caller has what
        it needs of them (its hash): workers forked already read their own
        copy, so a long file is not held by the caller for the whole parse.
        Workers that run later, one after another (`worker.Children`, not
        forked), keep theirs: then nothing is dropped."""
        if self._children.forked:
            self.data = b""

    def finish(
        self, on_layout: Callable[[Layout], None], while_waiting: Any = None
    ) -> list[Damage]:
        """Wait for the workers (`while_waiting()` runs here first); every
        layout goes to `on_layout` in page order, as soon as the pages before
        it are in, and is not kept here.  The damage, in page order."""
        order = _PageOrder(on_layout)
        answers = finish_each(
            self._children, what=self.what, while_waiting=while_waiting, on_part=order.add
        )
        order.flush()
        damage = [d for _, left in answers for d in left] + order.damage
        return sorted(damage, key=lambda d: d[0] or 0)

    def cancel(self) -> None:
        """Stop the workers and reap them (a caller that failed meanwhile)."""
        self._children.cancel()


class _PageOrder:
    """The workers' pages, each worker's in order but the workers interleaved,
    put back in page order: a page is handed on once every page before it
    has been, so what waits here is what one worker is ahead of another."""

    __slots__ = ("_ahead", "_next", "_on_layout", "damage")

    def __init__(self, on_layout: Callable[[Layout], None]) -> None:
        self._on_layout = on_layout
        self._ahead: dict[int, Layout] = {}
        self._next = 1
        self.damage: list[Damage] = []

    def add(self, _: int, item: tuple[Layout, list[Damage]]) -> None:
        layout, damage = item
        self.damage.extend(damage)
        self._ahead[layout.page] = layout
        while self._next in self._ahead:
            self._on_layout(self._ahead.pop(self._next))
            self._next += 1

    def flush(self) -> None:
        """The pages still waiting (a page number missing before them), in
        page order."""
        for page in sorted(self._ahead):
            self._on_layout(self._ahead.pop(page))


def _ocr_seconds(
    data: bytes,
    password: str | None,
    engine: str,
    parts: int,
    max_pages: int,
    per_page: float,
    allow_ocr: bool = True,
    ocr_installed: bool | None = None,
) -> float:
    """The time the workers may need on top of `pdf_seconds` to read pages
    by OCR: `per_page` for every page of the busiest worker, when OCR may
    run at all (asked for, or the extra installed for pages with no text).
    The page count is PDFium's (already imported here); a file it cannot
    open gets nothing more, and the worker reports why.  `ocr_installed`
    as for `open_engine`."""
    if per_page <= 0 or (engine != OCR_ENGINE and not (allow_ocr and _installed(ocr_installed))):
        return 0.0
    from .library import Document, PdfiumError

    try:
        doc = Document(data, password)
    except PdfiumError:
        return 0.0
    try:
        count = min(len(doc), max_pages)
    finally:
        doc.close()
    return per_page * -(-count // parts)


def start_pages(
    data: bytes,
    what: str,
    *,
    password: str | None,
    engine: str,
    workers: int = _default.PDF_WORKERS,
    memory_bytes: int = _default.PDF_MEMORY_BYTES,
    seconds: float = _default.PDF_SECONDS,
    max_pages: int = _default.MAX_PAGES,
    ocr_page_seconds: float = _default.OCR_PAGE_SECONDS,
    allow_ocr: bool = True,
) -> StartedPages:
    """Check what can be checked without the engine (its name, a cut-off
    file), then fork the workers that read the pages, each within
    `memory_bytes`, all within `seconds` from now.  The budget's defaults
    are `Limits()`'s."""
    _check_engine(engine)
    _check_ocr(engine, allow_ocr)
    if looks_truncated(data):
        raise truncated_error(what)
    # Imported here, before the fork, so every worker inherits the module
    # instead of importing it again (a long-running caller reads many files).
    preload: tuple[str, ...] = (f"{__package__}.pdfium",)
    if engine != "pdfplumber":
        from . import pdfium  # noqa: F401
    else:
        import pdfplumber  # noqa: F401

        from . import plumber  # noqa: F401

        preload = ("pdfplumber", f"{__package__}.plumber")

    parts = workers_for_file(workers, data)
    # Asked once here for every worker, which would each ask again.
    installed = _installed(None) if allow_ocr and engine != OCR_ENGINE else None
    seconds += _ocr_seconds(
        data, password, engine, parts, max_pages, ocr_page_seconds, allow_ocr, installed
    )
    children = start_each(
        read_pages,
        [
            (data, what, max_pages, password, engine, part, parts, allow_ocr, installed)
            for part in range(parts)
        ],
        memory_bytes=memory_bytes,
        seconds=seconds,
        preload=preload,
    )
    return StartedPages(
        children,
        data=data,
        what=what,
        password=password,
        engine=engine,
        memory_bytes=memory_bytes,
        seconds=seconds,
        allow_ocr=allow_ocr,
    )

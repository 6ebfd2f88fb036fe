"""The OCR engine: a PDF engine's pages, with the pages that have no text
layer (or every page, when OCR is asked for) read from their image instead
(docs/formats.md, "Scans"; limits in docs/security.md, "OCR").

It wraps the engine that reads the text layer (`pdf.pdfium` or
`pdf.plumber`), so a file mixing typed and scanned pages keeps its typed
pages as they are.  A page to OCR is rendered by PDFium at `DPI`, its ink
channel straightened (`ocr.image`), read by RapidOCR with one onnxruntime
thread (the page workers are the parallelism), and its lines placed as
characters (`ocr.chars`); the page's `OcrFacts` say who read it and what
it doubted, and the reader turns them into `source.ocr` and residue.

The recogniser is loaded once per worker, on the first page that needs it:
a file with a text layer never imports it.  Loading it maps about half a
GiB of address space (onnxruntime's arenas and the models), more than the
PDF budget (`Limits.pdf_memory_bytes`) allows, so the worker raises its own
memory ceiling by `OCR_MEMORY_BYTES` first, once, and only then.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..layout.page_model import Edge, Engine, OcrFacts, PageModel, PaintKind
from ..layout.tables import find_tables

if TYPE_CHECKING:
    from .compose import Picture

__all__ = ["DPI", "OCR_MEMORY_BYTES", "OcrEngine", "describe", "needs_ocr", "read_pictures"]

DPI = 200  # rendering resolution: the recogniser reads 12 pt text well from 150 dpi up
OCR_MEMORY_BYTES = 1536 * 1024 * 1024  # added to a worker's ceiling before its first OCR page
_PX_PER_PT = DPI / 72

_recognizer: Any = None


def describe() -> str:
    """The OCR engine and its versions, as `source.ocr` says them."""
    from importlib.metadata import PackageNotFoundError, version

    def v(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:  # pragma: no cover - installed without metadata
            return "?"

    return f"rapidocr {v('rapidocr')} (PP-OCR models bundled), onnxruntime {v('onnxruntime')}"


_raised = False


def _raise_ceiling() -> None:
    """Lift this worker's address-space ceiling by `OCR_MEMORY_BYTES`
    (a soft limit may go up to the hard one), once, before the first page
    it reads by OCR imports OpenCV and onnxruntime and loads the model."""
    global _raised
    if _raised:
        return
    _raised = True
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows: no ceiling was set
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY:
        return
    wanted = soft + OCR_MEMORY_BYTES
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    except (ValueError, OSError):  # pragma: no cover
        pass


def recognizer() -> Any:
    """RapidOCR with its bundled models, one thread, quiet: once per process."""
    global _recognizer
    if _recognizer is None:
        import cv2
        from rapidocr import RapidOCR

        cv2.setNumThreads(1)
        _recognizer = RapidOCR(
            params={
                "Global.log_level": "critical",
                # Lines under the default 0.5 are kept: they go to residue
                # with their confidence, not away (ocr.chars).
                "Global.text_score": 0.3,
                "Global.use_cls": False,  # pages are upright after deskew
                "EngineConfig.onnxruntime.intra_op_num_threads": 1,
                "EngineConfig.onnxruntime.inter_op_num_threads": 1,
                # Reused buffers instead of an allocation per call: ~5 %.
                "EngineConfig.onnxruntime.enable_cpu_mem_arena": True,
                # The detector's input, long side.  1280 px halves its CPU
                # but joined a cell's two lines of unit names on a held-out
                # scan (benchmarks/README.md, "ocr.py").
                "Det.limit_type": "max",
                "Det.limit_side_len": 1600,
                # One line at a time: a batch pads every line to its widest,
                # and one thread gains nothing from batching (-20 % CPU).
                "Rec.rec_batch_num": 1,
            }
        )
    return _recognizer


# A scan's image covers most of its page; a logo or a small figure does not.
_SCAN_SHARE = 0.5


def needs_ocr(page: PageModel) -> bool:
    """A page that draws no text and an image over most of it: a scan."""
    if any(c.text.strip() for c in page.chars) or page.hidden:
        return False
    area = page.width * page.height
    return any(
        p.kind is PaintKind.IMAGE
        and (p.box[2] - p.box[0]) * (p.box[3] - p.box[1]) >= _SCAN_SHARE * area
        for p in page.paints
    )


def _box(quad: Any) -> tuple[int, int, int, int]:
    xs = [float(p[0]) for p in quad]
    ys = [float(p[1]) for p in quad]
    return int(min(xs)), int(min(ys)), int(max(xs)) + 1, int(max(ys)) + 1


def read_image(rgb: Any, number: int, width: float, height: float) -> PageModel:
    """One page's image (RGB at `DPI`) → its page model."""
    _raise_ceiling()
    import numpy as np

    # Imported by the first page read by OCR: every PDF's page worker wraps
    # its engine in this one, and a page with a text layer needs neither
    # (8.5M instructions of each worker's start with them).
    from . import chars as _chars
    from . import image as _image

    gray, colour = _image.ink_channel(rgb)
    if _image.blank(gray):  # nothing to read: the model is not even loaded
        return PageModel(number, width, height, [], [], ocr=OcrFacts(engine=describe()))
    gray, angle = _image.deskew(gray)
    red = _image.rotate(_image.red_mask(rgb), angle) if colour else None
    seals = _image.red_boxes(red, _PX_PER_PT) if red is not None else []
    result = recognizer()(np.dstack([gray, gray, gray]))
    boxes = list(result.boxes) if result.boxes is not None else []
    lines: list[_chars.OcrLine] = []
    pixel_boxes = []
    k = _PX_PER_PT
    for quad, text, score in zip(boxes, result.txts or (), result.scores or (), strict=True):
        x0, top, x1, bottom = _box(quad)
        pixel_boxes.append((max(0, x0), max(0, top), x1, bottom))
        share = 0.0
        if red is not None:
            ink = gray[top:bottom, x0:x1] < 128
            region = red[top:bottom, x0:x1] > 0
            total = int(ink.sum()) + int(region.sum())
            share = float(region.sum()) / total if total else 0.0
        lines.append(
            _chars.OcrLine(text, (x0 / k, top / k, x1 / k, bottom / k), float(score), share)
        )
    edges = [
        Edge(o, a / k, b / k, c / k, d / k)
        for o, a, b, c, d in _image.ruling_segments(gray, pixel_boxes, k)
    ]
    cells = [box for table in find_tables(edges) for box in table.cells]
    placed = _chars.place_lines(lines, cells)
    facts = OcrFacts(
        engine=describe(),
        doubts=placed.doubts,
        guesses=placed.guesses,
        seals=[(a / k, b / k, c / k, d / k) for a, b, c, d in seals],
    )
    return PageModel(
        number=number,
        width=width,
        height=height,
        chars=placed.chars,
        edges=edges if placed.chars else [],
        hidden=placed.hidden,
        ocr=facts,
    )


class OcrEngine:
    """`base`'s pages, each page that needs it (or all: `always`) read by OCR."""

    def __init__(self, base: Engine, data: bytes, password: str | None, what: str, *, always: bool):
        self._base = base
        self._data = data
        self._password = password
        self._what = what
        self._always = always
        self._pdf: Any = None
        self.damage = base.damage  # the same list: the base engine adds to it

    def page_count(self) -> int:
        return self._base.page_count()

    def pages(self, part: int = 0, parts: int = 1) -> Iterator[PageModel]:
        for page in self._base.pages(part, parts):
            if self._always or needs_ocr(page):
                yield self._ocr(page)
            else:
                yield page

    def _ocr(self, page: PageModel) -> PageModel:
        import pypdfium2 as pdfium  # type: ignore[import-untyped]

        _raise_ceiling()  # rendering at DPI and OpenCV count against it too
        if self._pdf is None:
            self._pdf = pdfium.PdfDocument(self._data, password=self._password or None)
        pdf_page = self._pdf[page.number - 1]
        try:
            bitmap = pdf_page.render(scale=_PX_PER_PT, rev_byteorder=True)
            rgb = bitmap.to_numpy()[:, :, :3]
        finally:
            pdf_page.close()
        return read_image(rgb, page.number, page.width, page.height)

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
        self._base.close()


def read_pictures(page: PageModel, pictures: Sequence[Picture]) -> tuple[PageModel, list[str]]:
    """A page drawn only with pictures (`ocr.compose`: an OFD scan) → its
    page model, and the names of the pictures that could not be read."""
    _raise_ceiling()
    from .compose import compose

    rgb, left_out = compose(pictures, page.width, page.height, _PX_PER_PT)
    return read_image(rgb, page.number, page.width, page.height), left_out

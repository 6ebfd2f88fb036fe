"""The pdfplumber engine (the reference): pdfminer's characters and drawn
objects → `PageModel`.  Slower than PDFium (it interprets content streams in
Python) but independent of it, so the cross-engine test can hold each
engine to the other's records.

The page is interpreted here rather than through `pdfplumber.Page.layout`,
with pdfplumber's own device and pdfminer's interpreter plus two small
hooks, because `layout.hidden` needs what pdfminer drops: the text render
mode (`Tr`, kept in the text state only) and the ExtGState opacity (`gs`,
ignored).  Walking pdfminer's layout tree in order also gives every object
its place in the content (`Char.order`, `Paint.order`); each object becomes
the same dict `page.chars`/`page.rects` would hold."""

from __future__ import annotations

import io
import itertools
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any

from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTItem
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import literal_name
from pdfplumber.page import PDFPageAggregatorWithMarkedContent

from ...errors import CorruptFileError, EncryptedDocumentError, PolicyParseError
from ..layout.page_model import Char, Edge, PageModel, Paint, PaintKind, is_white

__all__ = ["PlumberEngine"]


def _cause(exc: BaseException) -> BaseException:
    """pdfplumber wraps pdfminer's errors as PdfminerException(original)."""
    if exc.args and isinstance(exc.args[0], BaseException):
        return exc.args[0]
    return exc


@contextmanager
def _translated(what: str) -> Iterator[None]:
    """Turn pdfminer/pdfplumber failures into PolicyParseErrors, keeping the
    original as __cause__."""
    try:
        yield
    except PolicyParseError:
        raise
    except MemoryError:
        raise
    except RecursionError as exc:
        raise CorruptFileError(
            f"{what}: its object structure is nested too deeply or loops; the file is damaged"
        ) from exc
    except Exception as exc:
        inner = _cause(exc)
        if isinstance(inner, MemoryError):
            # pdfplumber wraps even this: the worker turns it into
            # InputTooLargeError with the budget in the message.
            raise MemoryError(str(inner)) from exc  # noqa: TRY004
        name = type(inner).__name__
        if name in ("PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning"):
            raise EncryptedDocumentError(
                f"{what} is encrypted and the password is missing or wrong: "
                "pass password=... (CLI: --password)"
            ) from exc
        raise CorruptFileError(
            f"{what} is damaged and cannot be read ({name}: {inner}); re-download or re-export it"
        ) from exc


class _Warnings(logging.Handler):
    """Collects what pdfminer/pdfplumber log while reading a damaged file, so
    it becomes residue (text may be missing there) instead of stderr noise."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.messages) < 1000:
            self.messages.append(record.getMessage())


def _edges(obj: dict[str, Any]) -> list[Edge]:
    """A drawn object's straight horizontal/vertical segments, as
    pdfplumber's `obj_to_edges` cuts them."""
    kind = obj.get("object_type")
    x0, x1, top, bottom = (float(obj[k]) for k in ("x0", "x1", "top", "bottom"))
    if kind == "rect":
        return [
            Edge("h", x0, top, x1, top),
            Edge("h", x0, bottom, x1, bottom),
            Edge("v", x0, top, x0, bottom),
            Edge("v", x1, top, x1, bottom),
        ]
    if kind == "line":
        if top == bottom:
            return [Edge("h", x0, top, x1, bottom)]
        if x0 == x1:
            return [Edge("v", x0, top, x1, bottom)]
        return []
    out = []
    pts = obj.get("pts") or []
    for (ax, ay), (bx, by) in itertools.pairwise(pts):
        if ax == bx and ay != by:
            out.append(Edge("v", ax, min(ay, by), bx, max(ay, by)))
        elif ay == by and ax != bx:
            out.append(Edge("h", min(ax, bx), ay, max(ax, bx), by))
    return out


def _visible_edges(drawn: dict[str, list[dict[str, Any]]]) -> list[Edge]:
    """Only the rules a reader can see.  Word and Writer sometimes draw white
    or unstroked borders ("invisible ruling lines"): fed to the table finder
    they split one cell into two rows."""
    out: list[Edge] = []
    for obj in (*drawn["line"], *drawn["rect"], *drawn["curve"]):
        stroked = obj.get("stroke", True) and not is_white(obj.get("stroking_color"))
        filled = obj.get("fill", False) and not is_white(obj.get("non_stroking_color"))
        if stroked or (filled and obj.get("object_type") == "rect"):
            out.extend(_edges(obj))
    return out


class _Interpreter(PDFPageInterpreter):
    """pdfminer's interpreter, also following the opacity an ExtGState sets
    (`/GS1 gs` with `ca`, `CA`), which pdfminer ignores: a translucent box
    over text hides nothing, and text at opacity 0 shows nothing.  Kept on
    the graphics state, through `q`/`Q`."""

    def do_gs(self, name: Any) -> None:
        states = resolve1(self.resources.get("ExtGState")) if self.resources else None
        state = resolve1(states.get(literal_name(name))) if isinstance(states, dict) else None
        if not isinstance(state, dict):
            return
        for key, attr in (("ca", "fill_alpha"), ("CA", "stroke_alpha")):
            value = resolve1(state.get(key))
            if isinstance(value, (int, float)):
                setattr(self.graphicstate, attr, min(1.0, max(0.0, float(value))))

    def get_current_state(self) -> Any:
        ctm, text, graphic = super().get_current_state()
        for attr in ("fill_alpha", "stroke_alpha"):
            setattr(graphic, attr, getattr(self.graphicstate, attr, 1.0))
        return ctm, text, graphic


class _Device(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's device, noting on each character the text render mode
    it was drawn in and on each object the opacities (`_Interpreter`)."""

    _render = 0
    _alphas = (1.0, 1.0)

    def render_string(self, textstate: Any, seq: Any, ncs: Any, graphicstate: Any) -> None:
        self._render = textstate.render
        self._alphas = _alphas(graphicstate)
        super().render_string(textstate, seq, ncs, graphicstate)

    def render_char(self, *args: Any, **kwargs: Any) -> float:
        adv: float = super().render_char(*args, **kwargs)
        item = self.cur_item._objs[-1]
        item.render = self._render  # type: ignore[attr-defined]
        item.alphas = self._alphas  # type: ignore[attr-defined]
        return adv

    def paint_path(
        self, graphicstate: Any, stroke: bool, fill: bool, evenodd: bool, path: Any
    ) -> None:
        # pdfminer paints a path of several subpaths one subpath at a time,
        # through this method again: mark what each call added.
        seen = len(self.cur_item._objs)
        super().paint_path(graphicstate, stroke, fill, evenodd, path)
        alphas = _alphas(graphicstate)
        for item in self.cur_item._objs[seen:]:
            item.alphas = alphas  # type: ignore[attr-defined]


def _alphas(graphicstate: Any) -> tuple[float, float]:
    return getattr(graphicstate, "fill_alpha", 1.0), getattr(graphicstate, "stroke_alpha", 1.0)


def _layout_objects(items: Sequence[LTItem]) -> Iterator[LTItem]:
    """pdfminer's layout tree in content order, figures (form XObjects,
    images) opened as `pdfplumber.Page.iter_layout_objects` opens them."""
    for obj in items:
        if isinstance(obj, LTContainer):
            yield from _layout_objects(obj._objs)
        else:
            yield obj


def _char_white(ch: dict[str, Any], render: int, alphas: tuple[float, float]) -> bool:
    """Whether the colours the render mode paints in all fail to show (white,
    or at opacity 0, as PDFium reads them): fill (modes 0, 4), stroke (1, 5)
    or both (2, 6)."""
    fill = render in (0, 2, 4, 6)
    stroke = render in (1, 2, 5, 6)
    if not (fill or stroke):
        return False
    return (not fill or alphas[0] == 0 or is_white(ch.get("non_stroking_color"))) and (
        not stroke or alphas[1] == 0 or is_white(ch.get("stroking_color"))
    )


def _paint(kind: PaintKind, order: int, d: dict[str, Any], white: bool, alpha: float) -> Paint:
    box = (float(d["x0"]), float(d["top"]), float(d["x1"]), float(d["bottom"]))
    return Paint(kind=kind, order=order, box=box, white=white, alpha=alpha)


class PlumberEngine:
    """Pages of one PDF through pdfplumber."""

    def __init__(self, data: bytes, password: str | None, what: str) -> None:
        import pdfplumber

        self._what = what
        self._handler = _Warnings()
        self._loggers = [logging.getLogger(n) for n in ("pdfminer", "pdfplumber")]
        self._saved = [(lg.propagate, lg.level) for lg in self._loggers]
        for lg in self._loggers:
            lg.addHandler(self._handler)
            lg.propagate = False
            lg.setLevel(logging.WARNING)
        self._pdf: Any = None
        try:
            with _translated(what):
                self._pdf = pdfplumber.open(io.BytesIO(data), password=password or "")
            with _translated(what):
                # Counted from the page tree without building pdfplumber's
                # page objects: a file with far more pages than
                # Limits.max_pages would otherwise exhaust the memory budget
                # and be misreported as a decompression bomb.
                self._count = sum(1 for _ in PDFPage.create_pages(self._pdf.doc))
        except BaseException:
            self.close()
            raise
        self.damage: list[str] = list(self._handler.messages)

    def page_count(self) -> int:
        return self._count

    @property
    def _pages(self) -> Any:
        return self._pdf.pages

    def page(self, number: int) -> PageModel:
        """One page (1-based): the PDFium engine's fallback (pdf.pdfium)."""
        seen = len(self._handler.messages)
        if number > len(self._pages):
            # PDFium counts a page this engine's reading of the damaged file lacks.
            raise CorruptFileError(
                f"{self._what}: page {number} is damaged and cannot be read "
                f"(the file's page tree holds {len(self._pages)} readable pages)"
            )
        page = self._pages[number - 1]
        with _translated(f"{self._what}, page {number}"):
            model = self._read(page, number)
            page.close()
        model.damage = self._handler.messages[seen:]
        return model

    def pages(self, part: int = 0, parts: int = 1) -> Iterator[PageModel]:
        for i in range(part + 1, len(self._pages) + 1, parts):
            page = self._pages[i - 1]
            seen = len(self._handler.messages)
            with _translated(f"{self._what}, page {i}"):
                model = self._read(page, i)
                page.close()
            model.damage = self._handler.messages[seen:]
            yield model

    @staticmethod
    def _read(page: Any, number: int) -> PageModel:
        height = float(page.height)
        device = _Device(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
        _Interpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
        chars: list[Char] = []
        paints: list[Paint] = []
        drawn: dict[str, list[dict[str, Any]]] = {"line": [], "rect": [], "curve": []}
        for order, obj in enumerate(_layout_objects(device.get_result()._objs)):
            if isinstance(obj, LTChar):
                ch = page.process_object(obj)
                if not ch["text"]:
                    continue
                size = float(ch.get("size") or (ch["bottom"] - ch["top"]) or 1.0)
                # The baseline: the text matrix's origin (layout.page_model.Char).
                bottom = height - float(ch["matrix"][5])
                render = int(getattr(obj, "render", 0))
                chars.append(
                    Char(
                        text=ch["text"],
                        x0=float(ch["x0"]),
                        x1=float(ch["x1"]),
                        top=bottom - size,
                        bottom=bottom,
                        size=size,
                        white=_char_white(ch, render, getattr(obj, "alphas", (1.0, 1.0))),
                        render=render,
                        order=order,
                    )
                )
            elif isinstance(obj, LTCurve):
                d = page.process_object(obj)
                drawn[d["object_type"]].append(d)
                if d.get("fill"):
                    kind = PaintKind.RECT if d["object_type"] == "rect" else PaintKind.SHAPE
                    alpha = getattr(obj, "alphas", (1.0, 1.0))[0]
                    white = alpha == 0 or is_white(d.get("non_stroking_color"))
                    paints.append(_paint(kind, order, d, white, alpha))
            elif isinstance(obj, LTImage):
                paints.append(_paint(PaintKind.IMAGE, order, page.process_object(obj), False, 1.0))
        edges = _visible_edges(drawn) if any(c.text.strip() for c in chars) else []
        crop = tuple(float(v) for v in page.cropbox)
        return PageModel(
            number=number,
            width=float(page.width),
            height=height,
            chars=chars,
            edges=edges,
            paints=paints,
            crop=crop if crop != tuple(float(v) for v in page.mediabox) else None,  # type: ignore[arg-type]
        )

    def close(self) -> None:
        # Closing walks the page list again; on a file that failed above it
        # fails the same way, and the first error is the one to report.
        if self._pdf is not None:
            with suppress(Exception):
                self._pdf.close()
            self._pdf = None
        for lg, (propagate, level) in zip(self._loggers, self._saved):
            lg.removeHandler(self._handler)
            lg.propagate = propagate
            lg.setLevel(level)

"""The PDFium engine (default): pypdfium2's characters and path objects →
`PageModel`.  PDFium interprets the content streams in C, about ten times
faster than pdfminer on the sample (benchmarks/README.md), and ships as a
binary wheel with no system library.

What PDFium gives differs from pdfminer in two ways the page model hides:
it adds characters the PDF does not draw (spaces and line breaks it infers:
`FPDFText_IsGenerated`), which are skipped, and reports a hyphen at a line's
end as U+0002 (U+FFFE in page text), which is read back as "-"; and its character boxes are the
glyphs' ink, so the page model's em box is rebuilt from the baseline origin
and the type size (layout.page_model.Char).

One gap is real: a text object of a single glyph whose font is neither
embedded nor installed (a CJK font on a server without CJK fonts) has no
width for PDFium, and its text page leaves the glyph out.  A page where that
happens is drawn by the pdfplumber engine instead (it reads widths from the
PDF's /W array), so no text is lost; so is a page PDFium refuses to load from a damaged page tree
that pdfminer walks.  `fallback_pages` counts such pages.

For `layout.hidden` the page-object walk that finds ruling lines also notes
each text object's render mode and whether its colours show, every filled
path and image (`Paint`) and the order they were painted in.  Characters
are tied to their text object (one `FPDFText_GetTextObject` call each) only
on a page where that can matter: a text object is white or in a render mode
other than fill, or a filled rectangle is painted after text.  Elsewhere
every character carries the first text object's order, which no decision
can tell apart (docs/pdf.md, "Page furniture").
"""

from __future__ import annotations

import ctypes
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ...errors import CorruptFileError, EncryptedDocumentError
from ..layout.page_model import Box, Char, Edge, PageModel, Paint, PaintKind, subpaths_to_edges
from .bindings import NATIVE as _NATIVE
from .bindings import Handle, by_address, unchecked
from .characters import chars_py, text_object
from .library import (
    ERR_PASSWORD,
    FS_MATRIX,
    OBJ_FORM,
    OBJ_IMAGE,
    OBJ_PATH,
    OBJ_TEXT,
    SEGMENT_BEZIERTO,
    SEGMENT_MOVETO,
    Document,
    Page,
    PdfiumError,
    lib,
)
from .upright import turn_upright

__all__ = ["PdfiumEngine"]

_FORM_DEPTH = 8  # nested form XObjects followed for ruling lines
# Pages a worker reads before it opens the document afresh (`_reopen`): on
# a 1000-page file, 58 MiB of PDFium's memory per 500 pages became 9 MiB
# at 50, with no more CPU (benchmarks/README.md).
_REOPEN_PAGES = 50
_WHITE = 0.95 * 255

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _mul(m: Matrix, n: Matrix) -> Matrix:
    """`m` then `n` (PDF row-vector convention)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (
        a * A + b * C,
        a * B + b * D,
        c * A + d * C,
        c * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    )


def _matrix(obj: Any) -> Matrix:
    fm = FS_MATRIX()
    if not lib.FPDFPageObj_GetMatrix(obj, fm):
        return _IDENTITY
    return (fm.a, fm.b, fm.c, fm.d, fm.e, fm.f)


_P, _I = ctypes.c_void_p, ctypes.c_int
_form_count = by_address(lib.FPDFFormObj_CountObjects, _I, _P)
_form_object = by_address(lib.FPDFFormObj_GetObject, _P, _P, ctypes.c_ulong)
_fill_color = by_address(lib.FPDFPageObj_GetFillColor, _I, _P, _P, _P, _P, _P)
_stroke_color = by_address(lib.FPDFPageObj_GetStrokeColor, _I, _P, _P, _P, _P, _P)


# Per page object, in the walk (a page's text objects run to hundreds).
_object_at = unchecked(lib.FPDFPage_GetObject, Handle)
_type_of = unchecked(lib.FPDFPageObj_GetType, _I)
_bounds_of = unchecked(lib.FPDFPageObj_GetBounds, _I)
_render_mode_of = unchecked(lib.FPDFTextObj_GetTextRenderMode, _I)
_fill_color_of = unchecked(lib.FPDFPageObj_GetFillColor, _I)


def _form_child(form: Handle, k: int) -> Handle:
    """Object `k` of a form XObject (rare: through the typed call, its
    index being an unsigned long)."""
    return Handle(_form_object(form.value, k))


# Scratch out-parameters, their addresses and byref()s (a worker parses one
# file at a time).
_RGBA = tuple(ctypes.c_uint() for _ in range(4))
_RGBA_AT = tuple(ctypes.addressof(v) for v in _RGBA)
_BOUNDS = (ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float())
_RGBA_REF = tuple(ctypes.byref(v) for v in _RGBA)
_BOUNDS_REF = tuple(ctypes.byref(v) for v in _BOUNDS)

# Render modes that fill, and that stroke (the others paint nothing).
_FILLS = frozenset({0, 2, 4, 6})
_STROKES = frozenset({1, 2, 5, 6})


@dataclass(slots=True)
class _Walk:
    """What one page's object walk gathers."""

    height: float  # the y of the page's top edge, in PDF user space
    edges: list[Edge] = field(default_factory=list)
    unmeasured: list[int] = field(default_factory=list)  # text objects PDFium gives no width
    # (text object address, order, white, render mode)
    texts: list[tuple[int, int, bool, int]] = field(default_factory=list)
    marked: bool = False  # a text object is white or not simply filled
    paints: list[Paint] = field(default_factory=list)


def _rgba(getter: Any, addr: int) -> tuple[int, int, int, int] | None:
    """A page object's fill or stroke colour as PDFium converts it (RGB and
    the graphics state's alpha, 0–255), None when it has none."""
    if not getter(addr, *_RGBA_AT):
        return None
    r, g, b, a = _RGBA
    return r.value, g.value, b.value, a.value


def _white(getter: Any, addr: int) -> bool:
    rgba = _rgba(getter, addr)
    return rgba is not None and (rgba[3] == 0 or min(rgba[:3]) >= _WHITE)


def _pointer(addr: int) -> Handle:
    """A page object's address as a pointer."""
    return Handle(addr)


class PdfiumEngine:
    """Pages of one PDF through PDFium."""

    def __init__(self, data: bytes, password: str | None, what: str) -> None:
        self._what = what
        self._data = data
        self._password = password
        self._plumber: Any = None
        self.fallback_pages = 0
        self.damage: list[str] = []
        try:
            self._pdf = Document(data, password)
        except PdfiumError as exc:
            if exc.code == ERR_PASSWORD:
                raise EncryptedDocumentError(
                    f"{what} is encrypted and the password is missing or wrong: "
                    "pass password=... (CLI: --password)"
                ) from exc
            raise CorruptFileError(
                f"{what} is damaged and cannot be read ({exc}); re-download or re-export it"
            ) from exc

    def page_count(self) -> int:
        return len(self._pdf)

    def pages(self, part: int = 0, parts: int = 1) -> Iterator[PageModel]:
        for k, i in enumerate(range(part, len(self._pdf), parts)):
            if k and k % _REOPEN_PAGES == 0:
                self._reopen()
            try:
                page = self._pdf.page(i)
            except PdfiumError as exc:
                # PDFium refuses some damaged page trees (a cycle) that
                # pdfminer walks; when both see the same pages, let it try.
                if self._plumber_engine().page_count() != len(self._pdf):
                    raise CorruptFileError(
                        f"{self._what}, page {i + 1} is damaged and cannot be read ({exc})"
                    ) from exc
                yield self._fallback(i + 1)
                continue
            try:
                yield self._read(page, i + 1)
            finally:
                page.close()

    def _reopen(self) -> None:
        """The document closed and opened again from its bytes: PDFium keeps
        every object it has parsed until the document closes, so memory
        would otherwise grow with every page read (docs/pdf.md, "Bounded
        resources").  It opened once, so it opens again."""
        self._pdf.close()
        self._pdf = Document(self._data, self._password)

    def close(self) -> None:
        self._pdf.close()
        if self._plumber is not None:
            self._plumber.close()

    def _read(self, page: Page, number: int) -> PageModel:
        turn_upright(page)
        width, height = page.size()
        top_y, crop = float(height), None
        media, cropbox = page.mediabox(), page.cropbox()
        if cropbox != media:
            # PDFium's page size is the crop box's, its coordinates the
            # user space's: keep the media box as the page (as pdfminer
            # does) and the crop box beside it.
            width, height = media[2] - media[0], media[3] - media[1]
            top_y = float(media[3])
            crop = (
                float(cropbox[0]),
                top_y - cropbox[3],
                float(cropbox[2]),
                top_y - cropbox[1],
            )
        walk = _Walk(height=top_y)
        praw = page.raw
        _walk(
            praw,
            lib.FPDFPage_CountObjects(praw),
            _object_at,
            _IDENTITY,
            walk,
            0,
            0,
        )
        textpage = page.textpage()
        try:
            chars = self._chars(textpage, top_y, walk)
            if walk.unmeasured and self._lost(textpage, walk.unmeasured):
                return self._fallback(number)
        finally:
            lib.FPDFText_ClosePage(textpage)
        edges = walk.edges
        if not any(c.text.strip() for c in chars):
            edges = []
        return PageModel(
            number=number,
            width=float(width),
            height=float(height),
            chars=chars,
            edges=edges,
            paints=walk.paints,
            crop=crop,
        )

    @staticmethod
    def _lost(tp: Any, unmeasured: list[int]) -> bool:
        """Whether one of the zero-width text objects has no character in the
        text page (PDFium dropped it)."""
        seen = {text_object(tp, i) for i in range(lib.FPDFText_CountChars(tp))}
        return any(addr not in seen for addr in unmeasured)

    def _plumber_engine(self) -> Any:
        from .plumber import PlumberEngine

        if self._plumber is None:
            self._plumber = PlumberEngine(self._data, self._password, self._what)
        return self._plumber

    def _fallback(self, number: int) -> PageModel:
        self.fallback_pages += 1
        model: PageModel = self._plumber_engine().page(number)
        self.damage.extend(self._plumber.damage)
        self._plumber.damage.clear()
        return model

    @staticmethod
    def _chars(tp: Any, height: float, walk: _Walk) -> list[Char]:
        """The text page's characters, skipping those PDFium generated,
        through the compiled loop where it is built (`_NATIVE`), else
        `characters.chars_py`: the same `Char`s either way."""
        # Tie characters to their text objects only where it can matter
        # (module docstring).
        first = walk.texts[0][1] if walk.texts else 0
        tie = walk.marked or any(p.kind is PaintKind.RECT and p.order > first for p in walk.paints)
        texts = {a: (o, w, r) for a, o, w, r in walk.texts} if tie else None
        if _NATIVE is not None:
            chars: list[Char] = _NATIVE.chars(
                ctypes.cast(tp, ctypes.c_void_p).value, height, texts, first
            )
            return chars
        return chars_py(tp, height, texts, first)


def _walk(
    parent: Any, count: int, get: Any, ctm: Matrix, walk: _Walk, depth: int, order: int
) -> int:
    """The `count` page objects of `parent` (a page's typed pointer, or a
    form XObject's `Handle`) and of the forms in it, in content order from
    `order`: ruling lines, paints, text objects' facts.  Returns the next
    order.  Text objects are most of a page's objects; their branch is kept
    short, its calls unchecked (`_unchecked`)."""
    texts = walk.texts
    left, bottom, right, top = _BOUNDS
    b0, b1, b2, b3 = _BOUNDS_REF
    r, g, b, a = _RGBA
    r_ref, g_ref, b_ref, a_ref = _RGBA_REF
    type_of, bounds_of, render_mode_of, fill_color_of = (
        _type_of,
        _bounds_of,
        _render_mode_of,
        _fill_color_of,
    )
    text_kind = OBJ_TEXT
    # The compiled loop takes each run of text objects (most of a page's
    # objects) in one call; the others come back here.
    native = _NATIVE.walk_texts if _NATIVE is not None else None
    at = ctypes.cast(parent, ctypes.c_void_p).value
    in_form = get is not _object_at
    k = 0
    while k < count:
        if native is not None:
            k, order, marked = native(at, in_form, k, count, order, texts, walk.unmeasured)
            walk.marked = walk.marked or marked
            if k >= count:
                break
        obj = get(parent, k)
        k += 1
        kind = type_of(obj)
        if kind == text_kind:
            if bounds_of(obj, b0, b1, b2, b3) and -1e-3 < right.value - left.value < 1e-3:
                walk.unmeasured.append(obj.value)
            render = render_mode_of(obj)
            if render == 0:
                # _white inlined: this runs for every text object.
                white = bool(fill_color_of(obj, r_ref, g_ref, b_ref, a_ref)) and (
                    (r.value >= _WHITE and g.value >= _WHITE and b.value >= _WHITE) or a.value == 0
                )
            else:
                addr = obj.value
                white = (render in _FILLS or render in _STROKES) and (
                    (render not in _FILLS or _white(_fill_color, addr))
                    and (render not in _STROKES or _white(_stroke_color, addr))
                )
                walk.marked = True
            texts.append((obj.value, order, white, render))
            if white:
                walk.marked = True
            order += 1
            continue
        elif kind == OBJ_FORM:
            if depth < _FORM_DEPTH:
                m = _mul(_matrix(_pointer(obj.value)), ctm)
                count_in = _form_count(obj.value)
                order = _walk(obj, count_in, _form_child, m, walk, depth + 1, order)
            continue
        elif kind == OBJ_PATH:
            walk.edges.extend(_path_facts(obj.value, ctm, walk, order))
        elif kind == OBJ_IMAGE and bounds_of(obj, b0, b1, b2, b3):
            box = _page_box(ctm, walk.height, (left.value, bottom.value, right.value, top.value))
            walk.paints.append(Paint(kind=PaintKind.IMAGE, order=order, box=box))
        order += 1
    return order


def _page_box(m: Matrix, height: float, bounds: tuple[float, float, float, float]) -> Box:
    """Bounds (PDF x0, y0, x1, y1 in the space `m` maps to the page) as a
    top-left-origin box."""
    a, b, c, d, e, f = m
    x0, y0, x1, y1 = bounds
    xs, ys = [], []
    for x, y in ((x0, y0), (x0, y1), (x1, y0), (x1, y1)):
        xs.append(a * x + c * y + e)
        ys.append(height - (b * x + d * y + f))
    return (min(xs), min(ys), max(xs), max(ys))


PathReads = tuple[
    int,
    int,
    Matrix | None,
    tuple[int, int, int, int] | None,
    tuple[int, int, int, int] | None,
    list[tuple[float, float, int, bool]],
]
"""What `_path_facts` reads of a path object: its fill mode, whether it is
stroked, its matrix (None: PDFium gives none), its stroke colour where it is
stroked and its fill colour where it is filled (each None where PDFium gives
none), and its segments: (x, y, type, closes its subpath) each."""


def _path_reads(addr: int) -> PathReads | None:
    """`PathReads` of the path object at `addr` (None: PDFium gives no draw
    mode), in one call to the compiled loop where it is built (`_NATIVE`),
    else a ctypes call per fact and four per segment; a point PDFium cannot
    give is the previous one either way (0, 0 before the first)."""
    if _NATIVE is not None:
        native: PathReads | None = _NATIVE.path_facts(addr)
        return native
    obj = _pointer(addr)
    fm = FS_MATRIX()
    matrix = (fm.a, fm.b, fm.c, fm.d, fm.e, fm.f) if lib.FPDFPageObj_GetMatrix(obj, fm) else None
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not lib.FPDFPath_GetDrawMode(obj, fill, stroke):
        return None
    x, y = ctypes.c_float(), ctypes.c_float()
    segments = []
    for k in range(lib.FPDFPath_CountSegments(obj)):
        seg = lib.FPDFPath_GetPathSegment(obj, k)
        lib.FPDFPathSegment_GetPoint(seg, x, y)
        closes = bool(lib.FPDFPathSegment_GetClose(seg))
        segments.append((x.value, y.value, int(lib.FPDFPathSegment_GetType(seg)), closes))
    return (
        fill.value,
        stroke.value,
        matrix,
        _rgba(_stroke_color, addr) if stroke.value else None,
        _rgba(_fill_color, addr) if fill.value else None,
        segments,
    )


def _path_facts(addr: int, ctm: Matrix, walk: _Walk, order: int) -> list[Edge]:
    """A path's visible straight horizontal/vertical segments: stroked in a
    colour that shows, or a filled rectangle that shows (Word draws thin
    filled rectangles as borders).  White or unstroked borders are left out:
    fed to the table finder they split one cell into two rows.  A filled
    path, whatever its colour, is also noted as a `Paint` (one per rectangle
    of `re re f`, as pdfminer splits it)."""
    reads = _path_reads(addr)
    if reads is None:
        return []
    fill, stroke, matrix, stroke_rgba, rgba, segments = reads
    m = _mul(matrix or _IDENTITY, ctm)
    stroked = bool(stroke) and not (
        stroke_rgba is not None and (stroke_rgba[3] == 0 or min(stroke_rgba[:3]) >= _WHITE)
    )
    white_fill = rgba is not None and (rgba[3] == 0 or min(rgba[:3]) >= _WHITE)
    alpha = rgba[3] / 255 if rgba is not None else 1.0
    filled = bool(fill) and not white_fill
    if not (stroked or fill):
        return []
    height = walk.height
    a, b, c, d, e, f = m
    subpaths: list[list[tuple[float, float]]] = []
    curved = False
    for x, y, t, closes in segments:
        px = a * x + c * y + e
        py = height - (b * x + d * y + f)
        if t == SEGMENT_MOVETO or not subpaths:
            subpaths.append([(px, py)])
        elif t == SEGMENT_BEZIERTO:
            curved = True
            subpaths.append([(px, py)])  # a curve is no rule; start afresh
            continue
        else:
            subpaths[-1].append((px, py))
        if closes and subpaths[-1][0] != subpaths[-1][-1]:
            subpaths[-1].append(subpaths[-1][0])
    rects = not curved and bool(subpaths) and all(_is_rect(s) for s in subpaths)
    if fill and subpaths:
        if rects:
            for s in subpaths:
                walk.paints.append(
                    Paint(
                        kind=PaintKind.RECT,
                        order=order,
                        box=_bbox(s),
                        white=white_fill,
                        alpha=alpha,
                    )
                )
        else:
            pts = [p for s in subpaths for p in s]
            walk.paints.append(
                Paint(
                    kind=PaintKind.SHAPE, order=order, box=_bbox(pts), white=white_fill, alpha=alpha
                )
            )
    if not (stroked or filled):
        return []
    if not stroked and not rects:
        return []
    return subpaths_to_edges(subpaths)


def _bbox(pts: list[tuple[float, float]]) -> Box:
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


def _is_rect(pts: list[tuple[float, float]]) -> bool:
    """A closed axis-aligned quadrilateral (the `re` operator's shape)."""
    if len(pts) != 5 or pts[0] != pts[-1]:
        return False
    return all(
        abs(ax - bx) < 1e-3 or abs(ay - by) < 1e-3 for (ax, ay), (bx, by) in itertools.pairwise(pts)
    )

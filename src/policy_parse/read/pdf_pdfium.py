"""The PDFium engine (default): pypdfium2's characters and path objects →
`PageModel`.  PDFium interprets the content streams in C, about ten times
faster than pdfminer on the sample (benchmarks/README.md), and ships as a
binary wheel with no system library.

What PDFium gives differs from pdfminer in two ways the page model hides:
it adds characters the PDF does not draw (spaces and line breaks it infers:
`FPDFText_IsGenerated`), which are skipped, and reports a hyphen at a line's
end as U+0002 (U+FFFE in page text), which is read back as "-"; and its character boxes are the
glyphs' ink, so the page model's em box is rebuilt from the baseline origin
and the type size (page_model.Char).

One gap is real: a text object of a single glyph whose font is neither
embedded nor installed (a CJK font on a server without CJK fonts) has no
width for PDFium, and its text page leaves the glyph out.  A page where that
happens is drawn by the pdfplumber engine instead (it reads widths from the
PDF's /W array), so no text is lost; so is a page PDFium refuses to load from a damaged page tree
that pdfminer walks.  `fallback_pages` counts such pages.
"""

from __future__ import annotations

import ctypes
import itertools
from collections.abc import Iterator
from typing import Any

import pypdfium2 as pdfium  # type: ignore[import-untyped]
from pypdfium2 import raw

from ..errors import CorruptFileError, EncryptedDocumentError
from .page_model import Char, Edge, PageModel, subpaths_to_edges

__all__ = ["PdfiumEngine"]

_FORM_DEPTH = 8  # nested form XObjects followed for ruling lines
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
    fm = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, fm):
        return _IDENTITY
    return (fm.a, fm.b, fm.c, fm.d, fm.e, fm.f)


def _white(getter: Any, obj: Any) -> bool:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not getter(obj, r, g, b, a):
        return False
    return a.value == 0 or min(r.value, g.value, b.value) >= _WHITE


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
            self._pdf = pdfium.PdfDocument(data, password=password or None)
        except pdfium.PdfiumError as exc:
            if exc.err_code == raw.FPDF_ERR_PASSWORD:
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
        for i in range(part, len(self._pdf), parts):
            try:
                page = self._pdf[i]
            except pdfium.PdfiumError as exc:
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

    def close(self) -> None:
        self._pdf.close()
        if self._plumber is not None:
            self._plumber.close()

    def _read(self, page: Any, number: int) -> PageModel:
        width, height = page.get_size()
        edges: list[Edge] = []
        unmeasured: list[int] = []  # text objects PDFium gives no width
        praw = page.raw
        for k in range(raw.FPDFPage_CountObjects(praw)):
            self._walk(raw.FPDFPage_GetObject(praw, k), _IDENTITY, height, edges, unmeasured, 0)
        textpage = page.get_textpage()
        try:
            chars = self._chars(textpage.raw, height)
            if unmeasured and self._lost(textpage.raw, unmeasured):
                return self._fallback(number)
        finally:
            textpage.close()
        if not any(c.text.strip() for c in chars):
            edges = []
        return PageModel(
            number=number, width=float(width), height=float(height), chars=chars, edges=edges
        )

    @staticmethod
    def _lost(tp: Any, unmeasured: list[int]) -> bool:
        """Whether one of the zero-width text objects has no character in the
        text page (PDFium dropped it)."""
        seen = {
            ctypes.cast(raw.FPDFText_GetTextObject(tp, i), ctypes.c_void_p).value
            for i in range(raw.FPDFText_CountChars(tp))
        }
        return any(addr not in seen for addr in unmeasured)

    def _plumber_engine(self) -> Any:
        from .pdf_plumber import PlumberEngine

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
    def _chars(tp: Any, height: float) -> list[Char]:
        n = raw.FPDFText_CountChars(tp)
        if n <= 0:
            return []
        text = _page_text(tp, n)
        box = raw.FS_RECTF()
        ox, oy = ctypes.c_double(), ctypes.c_double()
        # byref() made once: ctypes' per-call argument conversion was a
        # third of the time spent per character.
        box_ref, ox_ref, oy_ref = ctypes.byref(box), ctypes.byref(ox), ctypes.byref(oy)
        is_generated = raw.FPDFText_IsGenerated
        loose = raw.FPDFText_GetLooseCharBox
        origin = raw.FPDFText_GetCharOrigin
        font_size = raw.FPDFText_GetFontSize
        out: list[Char] = []
        append = out.append
        last_top = last_bottom = float("nan")
        size = bottom = 0.0
        for i in range(n):
            ch = text[i] if text is not None else chr(raw.FPDFText_GetUnicode(tp, i))
            if ch in _MAYBE_GENERATED and is_generated(tp, i) == 1:
                continue
            if ch == "\x00":
                continue
            if ch in _HYPHEN_MARKS:
                # PDFium's mark for a hyphen it thinks ends a line (U+0002
                # per character, U+FFFE in page text): the PDF draws "-"
                # there (清数D-|LAB), and "-" it stays.
                ch = "-"
            loose(tp, i, box_ref)
            if box.top != last_top or box.bottom != last_bottom:
                # A new run (font, size or baseline changed): the loose box's
                # height comes from the font's ascent and descent at its size,
                # so an unchanged box means an unchanged size and baseline —
                # two calls saved for most characters.
                last_top, last_bottom = box.top, box.bottom
                size = font_size(tp, i) or 1.0
                origin(tp, i, ox_ref, oy_ref)
                bottom = height - oy.value
            append(Char(ch, box.left, box.right, bottom - size, bottom, size))
        return out

    def _walk(
        self,
        obj: Any,
        ctm: Matrix,
        height: float,
        out: list[Edge],
        unmeasured: list[int],
        depth: int,
    ) -> None:
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_FORM and depth < _FORM_DEPTH:
            m = _mul(_matrix(obj), ctm)
            for k in range(raw.FPDFFormObj_CountObjects(obj)):
                self._walk(raw.FPDFFormObj_GetObject(obj, k), m, height, out, unmeasured, depth + 1)
        elif kind == raw.FPDF_PAGEOBJ_PATH:
            out.extend(_path_edges(obj, _mul(_matrix(obj), ctm), height))
        elif kind == raw.FPDF_PAGEOBJ_TEXT:
            left, bottom, right, top = _BOUNDS
            if raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top) and (
                abs(right.value - left.value) < 1e-3
            ):
                unmeasured.append(ctypes.cast(obj, ctypes.c_void_p).value or 0)


# Scratch for FPDFPageObj_GetBounds (a worker parses one file at a time).
_BOUNDS = (ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float())

# PDFium generates only spaces and line breaks; others need no check.
_MAYBE_GENERATED = frozenset(" \r\n")
_HYPHEN_MARKS = frozenset("\x02\ufffe")


def _page_text(tp: Any, n: int) -> str | None:
    """All `n` characters in one call, one per index; None when the text
    holds characters outside the BMP (two UTF-16 units for one index)."""
    buf = ctypes.create_string_buffer(2 * (n + 1))
    got = raw.FPDFText_GetText(tp, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    text = buf.raw[: 2 * max(0, got - 1)].decode("utf-16-le", errors="surrogatepass")
    return text if len(text) == n else None


def _path_edges(obj: Any, m: Matrix, height: float) -> list[Edge]:
    """A path's visible straight horizontal/vertical segments: stroked in a
    colour that shows, or a filled rectangle that shows (Word draws thin
    filled rectangles as borders).  White or unstroked borders are left out:
    fed to the table finder they split one cell into two rows."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, fill, stroke):
        return []
    stroked = bool(stroke.value) and not _white(raw.FPDFPageObj_GetStrokeColor, obj)
    filled = bool(fill.value) and not _white(raw.FPDFPageObj_GetFillColor, obj)
    if not (stroked or filled):
        return []
    a, b, c, d, e, f = m
    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[list[tuple[float, float]]] = []
    curved = False
    for k in range(raw.FPDFPath_CountSegments(obj)):
        seg = raw.FPDFPath_GetPathSegment(obj, k)
        raw.FPDFPathSegment_GetPoint(seg, x, y)
        px = a * x.value + c * y.value + e
        py = height - (b * x.value + d * y.value + f)
        t = raw.FPDFPathSegment_GetType(seg)
        if t == raw.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([(px, py)])
        elif t == raw.FPDF_SEGMENT_BEZIERTO:
            curved = True
            subpaths.append([(px, py)])  # a curve is no rule; start afresh
            continue
        else:
            subpaths[-1].append((px, py))
        if raw.FPDFPathSegment_GetClose(seg) and subpaths[-1][0] != subpaths[-1][-1]:
            subpaths[-1].append(subpaths[-1][0])
    if not stroked and (curved or not all(_is_rect(s) for s in subpaths)):
        return []
    return subpaths_to_edges(subpaths)


def _is_rect(pts: list[tuple[float, float]]) -> bool:
    """A closed axis-aligned quadrilateral (the `re` operator's shape)."""
    if len(pts) != 5 or pts[0] != pts[-1]:
        return False
    return all(
        abs(ax - bx) < 1e-3 or abs(ay - by) < 1e-3 for (ax, ay), (bx, by) in itertools.pairwise(pts)
    )

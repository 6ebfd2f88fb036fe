"""A text page's characters in Python (`chars_py`): the reference the
compiled loop (`_native.chars`) reproduces, and what runs without it
(docs/pdf.md, "The compiled character loop").  What each character carries
and why: `read.pdf.pdfium`'s docstring."""

from __future__ import annotations

import ctypes
from typing import Any

from ..layout.page_model import Char
from .bindings import by_address, unchecked
from .library import FS_RECTF, lib

__all__ = ["chars_py", "text_object"]

_P, _I = ctypes.c_void_p, ctypes.c_int
text_object = by_address(lib.FPDFText_GetTextObject, _P, _P, _I)

# Per character, in the text page.
_loose_box = unchecked(lib.FPDFText_GetLooseCharBox, _I)
_char_origin = unchecked(lib.FPDFText_GetCharOrigin, _I)
_font_size = unchecked(lib.FPDFText_GetFontSize, ctypes.c_double)

# PDFium generates only spaces and line breaks; others need no check.
_MAYBE_GENERATED = frozenset(" \r\n")
_HYPHEN_MARKS = frozenset("\x02\ufffe")
_SPECIAL = _MAYBE_GENERATED | _HYPHEN_MARKS | {"\x00"}


def _page_text(tp: Any, n: int) -> str | None:
    """All `n` characters in one call, one per index; None when the text
    holds characters outside the BMP (two UTF-16 units for one index)."""
    buf = ctypes.create_string_buffer(2 * (n + 1))
    got = lib.FPDFText_GetText(tp, 0, n, buf)
    text = buf.raw[: 2 * max(0, got - 1)].decode("utf-16-le", errors="surrogatepass")
    return text if len(text) == n else None


def chars_py(
    tp: Any, height: float, texts: dict[int, tuple[int, bool, int]] | None, first: int
) -> list[Char]:
    """The character loop in Python: the reference `_native.chars`
    reproduces (the characters are tied to their text objects' facts
    when `texts` is given, else all carry `first`'s order)."""
    n = lib.FPDFText_CountChars(tp)
    if n <= 0:
        return []
    facts = (first, False, 0)
    last_obj: int | None = -1
    tp_at = ctypes.cast(tp, ctypes.c_void_p).value
    text = _page_text(tp, n)
    box = FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    # byref() made once: ctypes' per-call argument conversion was a
    # third of the time spent per character.
    box_ref, ox_ref, oy_ref = ctypes.byref(box), ctypes.byref(ox), ctypes.byref(oy)
    # The box's four floats read in one call, not four field lookups.
    box_floats = memoryview(box).cast("B").cast("f").tolist
    is_generated = lib.FPDFText_IsGenerated
    loose, origin, font_size = _loose_box, _char_origin, _font_size
    new = object.__new__
    out: list[Char] = []
    append = out.append
    last_top = last_bottom = float("nan")
    size = bottom = 0.0
    if text is None:
        text = "".join(chr(lib.FPDFText_GetUnicode(tp, i)) for i in range(n))
    for i, ch in enumerate(text):
        if ch in _SPECIAL:  # one test for the common character
            if ch in _MAYBE_GENERATED and is_generated(tp, i) == 1:
                continue
            if ch == "\x00":
                continue
            if ch in _HYPHEN_MARKS:
                # PDFium's mark for a hyphen it thinks ends a line (U+0002
                # per character, U+FFFE in page text): the PDF draws "-"
                # there (清数D-|LAB), and "-" it stays.
                ch = "-"
        if texts is not None:
            obj = text_object(tp_at, i)
            if obj != last_obj:
                last_obj = obj
                facts = texts.get(obj, (first, False, 0))
        loose(tp, i, box_ref)
        left, top, right, low = box_floats()
        if top != last_top or low != last_bottom:
            # A new run (font, size or baseline changed): the loose box's
            # height comes from the font's ascent and descent at its size,
            # so an unchanged box means an unchanged size and baseline —
            # two calls saved for most Latin characters.  (A CJK font
            # with no ascent or descent gets its glyph's ink box
            # instead, which changes with nearly every glyph.)
            last_top, last_bottom = top, low
            size = font_size(tp, i) or 1.0
            origin(tp, i, ox_ref, oy_ref)
            bottom = height - oy.value
        # The Char's slots set here, not by its __init__: a Python call
        # with nine arguments per character cost twice these stores.
        c = new(Char)
        c.text = ch
        c.x0 = left
        c.x1 = right
        c.top = bottom - size
        c.bottom = bottom
        c.size = size
        c.order, c.white, c.render = facts
        append(c)
    return out

"""Word's w:sym: a character drawn from a symbol font by glyph number
(a Wingdings ■ or ① before a measure, a Symbol bullet).  It holds no text
of its own, so a reader that reads only w:t loses it.  It is read as the
character the glyph shows (`data/symbols.toml`), or, for a glyph no table
names, kept as residue with its font and number: never dropped."""

from __future__ import annotations

import functools
from typing import Any

from ... import data
from .wordml import W

__all__ = ["SYMBOL_REASON", "symbol_text"]

SYMBOL_REASON = "symbol character (w:sym) the reader cannot map to a character, not read"

_FONT = W + "font"
_CHAR = W + "char"
_PRIVATE = range(0xF000, 0xF100)  # F0 + the symbol font's byte


@functools.cache
def _fonts() -> dict[str, dict[int, str]]:
    return {
        font: {int(byte, 16): ch for byte, ch in table.items()}
        for font, table in data.load("symbols").items()
    }


def symbol_text(sym: Any) -> tuple[str, str | None]:
    """(the text to read, or "") and, for a glyph no table names, what to
    keep as residue (its font and number, "Wingdings F0E0"), else None."""
    font = sym.get(_FONT) or ""
    code = sym.get(_CHAR) or ""
    unknown = f"{font} {code}".strip()
    try:
        n = int(code, 16)
    except ValueError:
        return "", unknown
    table = _fonts().get(font.replace(" ", "").lower())
    if table is not None and (n in _PRIVATE or n < 0x100):
        ch = table.get(n & 0xFF)
        return (ch, None) if ch is not None else ("", unknown)
    if n < 0x20 or 0xD800 <= n <= 0xF8FF or n >= 0x110000:
        return "", unknown  # a control, a surrogate, a private glyph number
    return chr(n), None  # a Unicode character drawn by w:sym

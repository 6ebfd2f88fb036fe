"""Labels in corner quotes: …。「牵头单位：A；配合单位：B」 / 『牵头单位：A』.

A copy set in traditional style (or a portal's card) writes the closing
annotation in corner quotes where most notices use （）.  Read as written the
quotes held no annotation: the measure came out with no unit (probe10 said
so with `unread_label`).  A corner-quoted group whose text opens with a
label (segment/labels.py, the words of data/annotations.toml) is that
annotation in brackets; any other quotation (「放管服」改革) stays as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._support.lazy_regex import lazy_compile
from .labels import is_label_line

if TYPE_CHECKING:
    import regex

__all__ = ["mended_corners"]

_CORNER = lazy_compile(r"「(?P<a>[^「」]+)」|『(?P<b>[^『』]+)』")


def mended_corners(text: str) -> str:
    """`text` with each corner-quoted label group written （…）, or as it is."""
    if "「" not in text and "『" not in text:
        return text  # the common line: no corner quote
    return _CORNER.sub(_bracketed, text)


def _bracketed(m: regex.Match[str]) -> str:
    body = m["a"] or m["b"]
    return f"（{body}）" if is_label_line(body) else m[0]

"""Headings whose numeral a space follows instead of 、: 一 总体要求.

Some portals print a part heading's numeral with a space (or an indent of
full-width spaces) where the notice writes 、, and the outline grammar reads
`一、` only: `一 总体要求` is then text, its measures fall under the heading
before, and a measure between two such headings may be read as a lead-in
with no finding.  Where lines opening with a Chinese numeral and a space
count 一, 二, 三 … in order (two at least), they are headings: `respaced`
writes their 、 back, and the reader says so (a `spaced_numerals` info
finding).  A numeral and a space met once, or out of order, stays text.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..._support.chinese_numerals import cn_to_int
from ..._support.lazy_regex import lazy_compile

__all__ = ["respaced"]

# Indent, a numeral of a part (一 … 九十九), a gap, then the heading's text.
_SPACED = lazy_compile(
    r"^([ \t\u3000]*)([一二三四五六七八九十]{1,3})[ \u3000\u00a0]+(?=[\p{Han}“《])"
)
_MIN = 2
_NUMERALS = frozenset("一二三四五六七八九十")


def respaced(lines: Sequence[str]) -> tuple[list[str], int] | None:
    """`lines` with 、 after the numerals of headings written with a space,
    and how many; None when no run of such headings counts 一, 二 … ."""
    hits: list[tuple[int, str, str, str]] = []  # line, indent, numeral, rest
    want = 1
    for k, line in enumerate(lines):
        # The numeral first, past the indent: most lines fail this in C
        # before the pattern is tried.
        if line.lstrip(" \t\u3000")[:1] not in _NUMERALS:
            continue
        m = _SPACED.match(line)
        if m is None:
            continue
        try:
            value = cn_to_int(m[2])
        except ValueError:
            continue
        if value == want:
            hits.append((k, m[1], m[2], line[m.end() :]))
            want += 1
    if len(hits) < _MIN:
        return None
    out = list(lines)
    for k, indent, numeral, rest in hits:
        out[k] = f"{indent}{numeral}、{rest}"
    return out, len(hits)

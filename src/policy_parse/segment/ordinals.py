"""Items written 一是……, 二是……, 三是…… on lines of their own: a list the
notice counts in words, not with markers.

A plan (or a measure's parts) may be written so, each item a paragraph of
its own opening with an ordinal and 是.  Inside a sentence 一是 is no
marker, nor is one line opening so (一是一，二是二): only where such lines
count on, 一是, 二是 … in reading order from 一, is each a marker, of a style
of its own (`cn_shi`), numbered by its ordinal.  The numbers are the
parser's: the notice writes none, so the outline says so (`ordinal_items`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .._support.chinese_numerals import cn_to_int
from .._support.lazy_regex import lazy_compile
from .guesses import Note, line_of
from .header import Line

__all__ = ["ORDINAL", "counted_ordinals", "ordinal_note"]

ORDINAL = lazy_compile(r"^[ \t\u3000]*(?P<n>[一二三四五六七八九十]{1,3})是(?=[^\s是，,。：:])")


def counted_ordinals(texts: Iterable[str]) -> frozenset[str]:
    """The lines opening 一是, 二是 … that count on from 一 in reading order,
    at least two of them (a run that starts again at 一 is another list)."""
    found: list[str] = []
    run: list[str] = []
    expected = 1
    for text in texts:
        m = ORDINAL.match(text)
        if m is None:
            continue
        n = cn_to_int(m["n"])
        if n == 1:
            if len(run) >= 2:
                found.extend(run)
            run, expected = [text], 2
        elif n == expected and run:
            run.append(text)
            expected += 1
    if len(run) >= 2:
        found.extend(run)
    return frozenset(found)


def ordinal_note(lines: Sequence[Line]) -> Note | None:
    """The outline's note that its items 一是, 二是 … were numbered by the
    parser (1, 2 … or N-1, N-2 … under a measure N), or None."""
    counted = counted_ordinals(ln.text for ln in lines)
    if not counted:
        return None
    first = next(ln for ln in lines if ln.text in counted)
    fields = (("line", line_of(first.span)), ("count", str(len(counted))))
    return ("ordinal_items", fields)

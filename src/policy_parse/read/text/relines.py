"""A notice whose line breaks were lost: every paragraph on one line.

A text taken from a database field, or copied from a page whose paragraphs
were `<span>`s, can arrive as one long line (or a few), the outline markers
still in it: `…如下：一、总体要求（一）…。（二）…。1.推进…（县发改委负责）2.…`.
Read as it is, it has no measure at all.  Where the text has almost no line
breaks for its length and outline markers stand after sentence ends,
`relined` breaks the line before each such marker, and the reader says so
(a `relined` info finding): the breaks are a guess, the markers are not.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..._support.lazy_regex import lazy_compile

__all__ = ["relined"]

# A line this long, in a text of at most _FEW_LINES lines holding text, lost
# its breaks (a paragraph of a notice runs to a few hundred characters).
_LONG = 200
_FEW_LINES = 5
# Markers that open an outline item (一、 （一） 1. 1、 （1）), after what ends a
# sentence, an annotation or a lead-in (。；：！？ and closing brackets), or
# after a space (where a break became one, as after a heading).
_BREAK = lazy_compile(
    r"(?:(?<=[。；;：:！？）)】〕])[ \t\u3000]*|[ \t\u3000]+)"
    r"(?=[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|\d{1,3}[.．、](?!\d)|[（(]\d{1,3}[）)])"
)
_MIN_BREAKS = 3


def relined(lines: Sequence[str]) -> tuple[list[str], int] | None:
    """`lines` with a break before each outline marker of a line that lost
    its breaks, and how many breaks were made; None when no line did."""
    texts: list[str] = []
    for ln in lines:  # most texts have more lines than a relined one: told early
        if ln.strip():
            texts.append(ln)
            if len(texts) > _FEW_LINES:
                return None
    if not any(len(ln) >= _LONG for ln in texts):
        return None
    out: list[str] = []
    made = 0
    for line in lines:
        if len(line) < _LONG:
            out.append(line)
            continue
        pieces = _BREAK.split(line)
        if len(pieces) - 1 < _MIN_BREAKS:
            out.append(line)
            continue
        out.extend(pieces)
        made += len(pieces) - 1
    return (out, made) if made else None

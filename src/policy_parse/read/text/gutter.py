"""Line numbers an editor or a code viewer pasted at the left of every line.

A notice copied out of a viewer that numbers its lines (a code block, a
diff, an online editor) comes with `1 标题` / `2 一、重点任务` /
`3 1.推进…（牵头单位：A）`.  Read as written, the gutter's numbers count on
as a list whose dots were lost (segment/markers.py): every line became
a measure, the title measure 1, and a measure's units went to another.
Where the first non-blank line opens with a number and a gap, the numbers
count on by one a line (blank lines numbered or not), and at least two of them go on with a marker of their own after
the gap (`2 一、`, `3 1.`) or one numbers a blank line (`2 ` alone), the
numbers are the gutter's, not the notice's:
`ungutted` takes them out, and the reader says so (`line_numbers`).  A line
with no number in step is one a copy wrapped after the gutter was pasted,
and keeps its text.  A list that lost its dots (`1 推进…` / `2 加强…`)
writes no second marker after the number, so it stays as it is.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..._support.lazy_regex import lazy_compile

__all__ = ["ungutted"]

# Indent, the gutter's number, the one space or tab after it (or the end of
# a numbered blank line): what follows is the line as it was, a table's
# leading tab (an empty first cell) or an indent included.
_GUTTER = lazy_compile(r"^[ \t\u3000\u00a0]*(\d{1,5})(?:[ \t\u3000\u00a0]|$)")
# After the gap, a marker of the notice's own: 一、 （一） 1. 1、 （1） ① 第一部分.
_MARKER = lazy_compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）]"
    r"|[\d０-９]{1,3}[.．、﹒。](?!\d)|[\u2460-\u2473]|第[一二三四五六七八九十\d]{1,3}[部章条])"
)
_MIN_LINES = 3
_MIN_MARKED = 2


def _numbered(lines: Sequence[str]) -> list[tuple[int, int]] | None:
    """(line, end of the gap) for each line whose number counts on from the
    last one's (by one, or by one a line where the blank lines between were
    numbered and lost their numbers), from the first non-blank line, which
    must open with one; None where it does not.  A line that opens with no
    number, or with one out of step, is a line the copy wrapped (a wrap
    after the gutter was pasted) and keeps its text."""
    found: list[tuple[int, int]] = []
    last: int | None = None
    blanks = 0
    for k, line in enumerate(lines):
        if not line.strip():
            blanks += 1
            continue
        m = _GUTTER.match(line)
        if last is None:
            if m is None:
                return None
            last, blanks = int(m[1]), 0
            found.append((k, m.end()))
            continue
        if m is not None and int(m[1]) in (last + 1, last + 1 + blanks):
            last, blanks = int(m[1]), 0
            found.append((k, m.end()))
        else:
            blanks = 0
    return found


def ungutted(lines: Sequence[str]) -> tuple[list[str], int] | None:
    """`lines` without the line numbers pasted at their left, and how many
    lines lost one; None where the text has no such gutter."""
    first = next((line for line in lines if line.strip()), "")
    if not first.lstrip(" \t\u3000\u00a0")[:1].isdigit():
        return None  # the first line opens with no number: no gutter (tested in C)
    found = _numbered(lines)
    if found is None or len(found) < _MIN_LINES:
        return None
    marked = sum(1 for k, end in found if _MARKER.match(lines[k][end:].lstrip(" \t\u3000\u00a0")))
    # A number before a blank line numbers no item: a list never does that.
    blank = any(not lines[k][end:].strip() for k, end in found)
    if marked < _MIN_MARKED and not blank:
        return None
    out = list(lines)
    for k, end in found:
        out[k] = lines[k][end:]
    return out, len(found)

"""Tabs on a PDF line: a tab draws nothing, it only moves the pen to the
next tab stop, so a table whose cells a writer parted by tabs (序号⇥工作任务⇥
责任单位) reaches the page as white gaps with no glyph in them (docs/pdf.md,
"Text of a line").  Read as nothing, the cells run together
(`1新增…个县卫健局…`); read back as tabs, the row is the .txt's and the text
path rebuilds the table from it.

A gap between two inked characters, at least one of them wide (CJK), with
no space glyph in it, is a tab when it is wider than what the line's own
spacing explains:

* justification: the line's median gap between two wide characters (a
  justified or letter-spaced line spreads every such gap alike, so a line
  of equal gaps holds no tab, however wide they are);
* CJK/Latin spacing: a layout engine sets about a fifth to a quarter em
  between a CJK character and a digit or Latin letter (`2024年`), so a gap
  with a narrow side must be wider by that much again.

Gaps between two narrow characters stay the word spaces `lines` inserts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from math import floor, isfinite
from operator import attrgetter, sub

from .page_model import Char

__all__ = ["WIDE_GAP", "count_tabs", "find_tabs", "line_tabs", "tab_lines"]

# Room beyond the line's justification, in ems of the larger neighbour, from
# which a gap between two wide characters is a tab: a quarter em is the
# narrowest a tab stop left in the specimens (16 pt CJK on a 36 pt grid).
_WIDE_GAP = 0.2
WIDE_GAP = _WIDE_GAP  # for _passes.tab_lines (lines._page_tabs)
# The same with a narrow neighbour: CJK/Latin spacing (0.2-0.25 em) first.
_MIXED_GAP = 0.45

# A character that starts within this many ems of a stop stands on it
# (the engines' positions differ by hundredths of a point).
_ON_STOP = 0.05
# A narrow gap wider than the page's usual CJK/Latin spacing by this many
# ems is more than that spacing (a layout engine sets it alike everywhere,
# to a hundredth of a point).
_SPACING_SPREAD = 0.02
# The nearest stop any tab reached is tried as this many steps at most (a
# first cell, 序号, ends within a stop or two of the margin).
_MOST_STOPS = 24

_X0, _X1, _SIZE = attrgetter("x0"), attrgetter("x1"), attrgetter("size")


def find_tabs(chars: Sequence[Char], is_wide: Callable[[str], bool]) -> list[int]:
    """The indices `i` of `chars` (one line, by x0) with a tab in front of
    `chars[i]`; `is_wide` judges one character (`lines.is_wide`).  Most
    lines hold no white as wide as a fifth of their first character's type,
    or no gap as wide as a fifth of their smallest: those are passed in
    C-level sums and maps, not a loop."""
    if len(chars) < 2:
        return []
    # The white the line holds, its gaps summed: most lines hold none worth
    # a look (two sums in C, no list).
    white = sum(map(_X0, chars)) - chars[0].x0 - sum(map(_X1, chars)) + chars[-1].x1
    if not white >= _WIDE_GAP * chars[0].size:
        return []
    gaps = list(map(sub, map(_X0, islice(chars, 1, None)), map(_X1, chars)))
    if max(gaps) < _WIDE_GAP * min(map(_SIZE, chars)):
        return []
    if not isfinite(sum(map(_X0, chars)) + sum(map(_X1, chars)) + sum(map(_SIZE, chars))):
        return []  # a broken position: no stop can be measured from it
    ink = [c.text.strip() != "" for c in chars]
    ends = [is_wide(c.text[-1:]) for c in chars]  # wide on its right side
    starts = [is_wide(c.text[:1]) for c in chars]  # and on its left
    spread = sorted(
        max(g, 0.0)
        for k, g in enumerate(gaps)
        if ink[k] and ink[k + 1] and ends[k] and starts[k + 1]
    )
    base = spread[len(spread) // 2] if spread else 0.0
    return [
        k + 1
        for k, g in enumerate(gaps)
        if ink[k]
        and ink[k + 1]
        and (ends[k] or starts[k + 1])
        and g - base
        >= (_WIDE_GAP if ends[k] and starts[k + 1] else _MIXED_GAP)
        * max(chars[k].size, chars[k + 1].size)
    ]


def tab_lines(groups: Sequence[Sequence[Char]], wide_gap: float = _WIDE_GAP) -> list[int]:
    """The indices of the lines of `groups` (characters by x0) that may hold
    a tab: the others `find_tabs` would give [] (fewer than two characters,
    a float field that is not finite, or no gap as wide as `wide_gap` times
    the line's smallest size).  A character that is not a `Char`, or a field
    not a float, leaves the line to `find_tabs`.  `_passes.tab_lines` gives
    the same in C, where a page's lines skip Python (issue 26)."""
    return [i for i, cs in enumerate(groups) if _may_hold_tab(cs, wide_gap)]


def _may_hold_tab(chars: Sequence[Char], wide_gap: float) -> bool:
    """`tab_lines`' test of one line, in the order `_passes.c` makes it."""
    if len(chars) < 2:
        return False
    for c in chars:
        if type(c) is not Char:
            return True
        x0, x1, size = c.x0, c.x1, c.size
        if type(x0) is not float or type(x1) is not float or type(size) is not float:
            return True
        if not (isfinite(x0) and isfinite(x1) and isfinite(size)):
            return False
    gaps: Iterator[float] = map(sub, map(_X0, islice(chars, 1, None)), map(_X1, chars))
    sizes: Iterator[float] = map(_SIZE, chars)
    return max(gaps) >= wide_gap * min(sizes)


def count_tabs(
    lines: Sequence[Sequence[Char]], found: Sequence[list[int]], is_wide: Callable[[str], bool]
) -> list[dict[int, int]]:
    """Per line, index → how many tabs the gap in front of that character
    holds (`found`: `find_tabs` of each line; index 0: tabs in front of
    the line).  One each, unless the tab stops are known: the widest step,
    one em or more, that every gap of these lines ends on, measured from
    their leftmost character (the margin).  Then a gap that passes several
    stops holds as many tabs (`4⇥⇥推动…`: an empty cell), a line holding a
    tab that starts on a stop has as many in front, and a gap with a narrow
    side too narrow for `find_tabs` is a tab too where it ends on a stop
    and is wider than the CJK/Latin spacing these lines show elsewhere
    (`技局⇥2024年…`)."""
    starts = [cs[0].x0 for cs, f in zip(lines, found, strict=True) if f]
    if not starts:
        return [{} for _ in lines]
    origin = min(starts)
    size = max(_median([cs[i].size for cs, f in zip(lines, found, strict=True) for i in f]), 1.0)
    tol = _ON_STOP * size
    at = [cs[i].x0 - origin for cs, f in zip(lines, found, strict=True) for i in f]
    step = _step(at, size, tol)
    if step is None:
        return [dict.fromkeys(f, 1) for f in found]
    mixed = [_mixed_gaps(cs, is_wide) for cs in lines]
    spacing = _median([g for m in mixed for _, g in m]) + _SPACING_SPREAD * size
    out: list[dict[int, int]] = []
    for cs, f, m in zip(lines, found, mixed, strict=True):
        narrow = [
            i
            for i, g in m
            if g > spacing
            and abs(cs[i].x0 - origin - step * round((cs[i].x0 - origin) / step)) <= tol
        ]
        tabs = {
            i: max(
                1,
                round((cs[i].x0 - origin) / step) - floor((cs[i - 1].x1 - origin + tol) / step),
            )
            for i in sorted({*f, *narrow})
        }
        # A row of cells that starts on a stop right of the margin: tabs in
        # front (an empty first cell, or a row wrapped right before a tab).
        lead = round((cs[0].x0 - origin) / step) if f else 0
        if lead >= 1 and abs(cs[0].x0 - origin - lead * step) <= tol:
            tabs[0] = lead
        out.append(tabs)
    return out


def _mixed_gaps(chars: Sequence[Char], is_wide: Callable[[str], bool]) -> list[tuple[int, float]]:
    """(index, gap in front of it) where one side is wide, the other narrow,
    both inked, and the gap is narrower than `find_tabs` reads as a tab."""
    out = []
    for k in range(1, len(chars)):
        a, b = chars[k - 1], chars[k]
        if not (a.text.strip() and b.text.strip()):
            continue
        if is_wide(a.text[-1:]) == is_wide(b.text[:1]):
            continue
        g = b.x0 - a.x1
        if 0.05 * b.size < g < _MIXED_GAP * max(a.size, b.size):
            out.append((k, g))
    return out


def _median(values: list[float]) -> float:
    values = sorted(values)
    return values[len(values) // 2] if values else 0.0


def line_tabs(chars: Sequence[Char], is_wide: Callable[[str], bool]) -> dict[int, int]:
    """`count_tabs` of one line on its own (its stops measured from its
    own first character)."""
    found = find_tabs(chars, is_wide)
    return count_tabs([chars], [found], is_wide)[0] if found else {}


def _step(at: list[float], size: float, tol: float) -> float | None:
    """The widest tab step, one em or more, that puts every position of `at`
    on a stop (a multiple of it, within `tol`), or None.  Every stop is a
    multiple of the step, the nearest one too: the step is that one's
    distance over a whole number."""
    if len({round(e) for e in at}) < 2:
        return None  # one stop tells no step
    first = min(at)
    for k in range(1, _MOST_STOPS + 1):
        s = first / k
        if s < size:
            break
        if all(abs(e - s * round(e / s)) <= tol for e in at):
            return s
    return None

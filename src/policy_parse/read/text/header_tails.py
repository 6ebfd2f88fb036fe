"""A space-aligned header whose cells a narrow column wrapped: the second
line holds their tails, each under its cell (牵头 / 单位, 完成 / 时限).

A PDF's table copied with its layout kept (columns apart by spaces) writes a
header cell too wide for its column on two lines, the second part under the
first.  Read as a body row, the header named no units column (`牵头`, `配合`
name none) and every row's units were lost, with a `table_no_units` finding.
The tails are placed by where they stand: each under the header cell that
starts in the same display column (a CJK character is two columns wide), and
joined to it only when the whole names a column (data/columns.toml).  A copy
that took each line's leading spaces off (a portal's trim, or its indent put
in their place) lost where the tails stood: then they go in order to the
cells that name no column alone, when there are exactly as many of them and
each whole names one (牵头 配合 / 单位 单位).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from ..._support.lazy_regex import lazy_compile
from .tables import column_role

__all__ = ["tails_below"]

_PIECE = lazy_compile(r"[^ \u3000]+")
_SLACK = 2  # display columns a tail may stand off its cell's start


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _starts(line: str, cells: Sequence[str]) -> list[int] | None:
    """The display column each of `cells` starts at in `line`, found in
    order; None when one is not written there as it is (letter-spaced)."""
    starts: list[int] = []
    at = 0
    for cell in cells:
        found = line.find(cell, at)
        if found < 0:
            return None
        starts.append(_width(line[:found]))
        at = found + len(cell)
    return starts


def tails_below(header: str, below: str, cells: Sequence[str]) -> list[str] | None:
    """`cells` (the header's, as written on `header`) with the pieces of the
    line `below` joined to the cells they stand under, or None when `below`
    is no such line: a piece under no cell's start, two under one, or one
    whose joined text names no column."""
    if "\t" in header or "\t" in below or not below.strip():
        return None
    starts = _starts(header, cells)
    if starts is None:
        return None
    return _by_place(below, cells, starts) or _in_order(below, cells)


def _by_place(below: str, cells: Sequence[str], starts: Sequence[int]) -> list[str] | None:
    out = list(cells)
    used: set[int] = set()
    for m in _PIECE.finditer(below):
        col = _width(below[: m.start()])
        j = min(range(len(starts)), key=lambda i: abs(starts[i] - col))
        if abs(starts[j] - col) > _SLACK or j in used:
            return None
        joined = out[j] + m.group()
        if column_role(joined) is None:
            return None
        out[j] = joined
        used.add(j)
    return out if used else None


def _in_order(below: str, cells: Sequence[str]) -> list[str] | None:
    """The tails of a line whose leading spaces were taken off, in order,
    to the cells that name no column alone: exactly one each."""
    tails = _PIECE.findall(below)
    short = [j for j, c in enumerate(cells) if column_role(c) is None]
    if not tails or len(tails) != len(short):
        return None
    out = list(cells)
    for j, tail in zip(short, tails, strict=True):
        out[j] += tail
        if column_role(out[j]) is None:
            return None
    return out

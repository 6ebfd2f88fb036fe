"""The winning alignment as records: the cells it placed and their text.

The aligner (read/text/align.py) returns an `Aligned`; the grid
(read/text/grid.py) and the table reader (read/text/rebuild.py) read it.
Kept apart so that both can read the result without the search.
"""

from __future__ import annotations

import attrs

from ..._support.records import NamedTuple
from .cells import GAP, SPACE, Stream
from .header import Column

__all__ = [
    "DOUBT",
    "REPEAT",
    "ROW_MAX",
    "SURPLUS",
    "TITLE",
    "Aligned",
    "Placed",
    "cell_text",
    "joiner",
]

# The aligner's (align.py) verdicts, here so that the table rebuild can read
# them without importing the aligner before a table needs it.
# Below this margin over the best alignment, the runner-up makes a row doubtful:
# a units cell that is the lead with an empty 配合单位 (a gap of 0.8) or the
# supporters under a lead merged from above (1.8) differ by 1.0.
DOUBT = 2.0
# A row dearer than this (or with a cell in no column) cannot be aligned.
ROW_MAX = 12.0

# What a placed cell is besides a column: a title row, a repeated header, a
# cell in no column.
TITLE, REPEAT, SURPLUS = -1, -2, -3


class Placed(NamedTuple):
    """One cell of the winning alignment (a tuple: a long table has many)."""

    start: int  # first atom
    end: int  # after the last atom
    column: int  # a column, or TITLE / REPEAT / SURPLUS
    new_row: bool


@attrs.frozen(kw_only=True)
class Aligned:
    """The winning alignment: its cells, its cost and the runner-up's."""

    columns: tuple[Column, ...]
    placed: tuple[Placed, ...]
    cost: float
    runner_up: float | None
    row_cost: tuple[float, ...]  # per row of `rows()`
    doubt: tuple[float, ...]  # per row: the margin of its best other reading

    def rows(self) -> list[list[Placed]]:
        out: list[list[Placed]] = []
        for p in self.placed:
            if p.new_row or not out:
                out.append([])
            out[-1].append(p)
        return out


def joiner(stream: Stream, i: int) -> str:
    """What stands between atoms i-1 and i in one cell's text."""
    s = stream.seps[i]
    if s.inline is not None:
        return " " if s.inline in (SPACE, GAP) else ""
    if s.full:
        # A cut at the wrap width: inside a word, or on a space (kept).
        return " " if s.spaced else ""
    return "\n"


def cell_text(stream: Stream, start: int, end: int) -> str:
    atoms = stream.atoms
    if end == start + 1:
        return atoms[start].text  # most cells are one piece
    parts = [atoms[start].text]
    for i in range(start + 1, end):
        parts.append(joiner(stream, i))
        parts.append(atoms[i].text)
    return "".join(parts)

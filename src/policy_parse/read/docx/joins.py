"""A 分工表 that Word shows as one table but the file holds as two.

A clerk who presses Enter inside a table, or pastes its second half, splits
it: two w:tbl with only an empty paragraph between them.  Read apart, the
second half has no header row and the segmenter would set it aside as a
second table.  Word draws the halves one under the other, column for
column, so the reader joins them when the second half has the first's
number of columns and does not open with a header row of its own
(a header it repeats word for word is kept as a repeated header row).  A
vertical merge the split cut (the 方面 or 牵头单位 cell of the first half
going on in the second) is a merge again.  The join is a guess, and the
reader says it made it (ReadNote "docx_table_joined").
"""

from __future__ import annotations

import attrs

from ...models import Table
from ..text.tables import looks_like_header

__all__ = ["join_split_table"]


def join_split_table(first: Table, second: Table, orphans: set[tuple[int, int]]) -> Table | None:
    """`first` with `second`'s rows below it, or None when `second` is a
    table of its own.  `orphans`: (table, cell) of the vertical-merge
    continuations the reader found in a first row, with nothing above."""
    if not first.rows or not second.rows:
        return None
    width = len(first.rows[0].cells)
    if any(len(row.cells) != width for row in second.rows):
        return None
    if not any(looks_like_header([c.text for c in row.cells]) for row in first.rows[:3]):
        return None  # the first half is no 分工表 either
    head = [c.text for c in second.rows[0].cells]
    repeats = any(head == [c.text for c in row.cells] for row in first.rows[:3])
    if looks_like_header(head) and not repeats:
        return None
    rows = list(second.rows)
    t = second.span.table
    top = rows[0]
    cells = tuple(
        attrs.evolve(c, merged_up=True) if (t, i) in orphans and not c.text else c
        for i, c in enumerate(top.cells)
    )
    rows[0] = attrs.evolve(top, cells=cells, repeat_header=top.repeat_header or repeats)
    return attrs.evolve(first, rows=(*first.rows, *rows))

"""Tables continued across pages: repeated header rows marked, a row cut by
the page break joined back (docs/pdf.md, "Tables").

Linear in the table's length: the number column is found from running
per-column counts kept on the grid (`Grid.counts`), updated with each page's
rows and with each cell the stitcher changes, never recounted over the whole
table at a page break.
"""

from __future__ import annotations

from ..._support.lazy_regex import lazy_compile
from .tables import Grid, GridCell

__all__ = ["append_grid", "same_columns"]

_NUMBER_CELL = lazy_compile(r"^\s*\d+(?:[-.．]\d+)*\s*$")
_TERMINAL = frozenset("。！？；;!?")


def same_columns(a: Grid, b: Grid, tol: float) -> bool:
    if len(a.col_x) != len(b.col_x):
        return False
    if len(a.rows[0]) != len(b.rows[0]):
        return False
    wa = [x - a.col_x[0] for x in a.col_x] + [a.bbox[2] - a.col_x[0]]
    wb = [x - b.col_x[0] for x in b.col_x] + [b.bbox[2] - b.col_x[0]]
    return abs(a.col_x[0] - b.col_x[0]) <= tol and all(abs(x - y) <= tol for x, y in zip(wa, wb))


def cell_key(cell: GridCell) -> str | None:
    """A cell's text without spaces (None for a covered slot): asked of
    every cell as each page's rows are tallied and compared, so written
    without a generator."""
    if cell.bbox is None:
        return None
    lines = cell.lines
    if len(lines) == 1:
        return lines[0].text.replace(" ", "")
    return "".join([ln.text for ln in lines]).replace(" ", "")


def _row_key(row: list[GridCell]) -> tuple[str | None, ...]:
    return tuple(cell_key(c) for c in row)


def _tally(counts: list[list[int]], c: int, key: str | None, sign: int) -> None:
    if key:
        counts[0][c] += sign
        if _NUMBER_CELL.match(key):
            counts[1][c] += sign


def _counts(grid: Grid) -> list[list[int]]:
    """[filled, numbers] per column, counted once when the table starts."""
    if grid.counts is None:
        ncols = len(grid.rows[0])
        grid.counts = [[0] * ncols, [0] * ncols]
        for row in grid.rows:
            for c, cell in enumerate(row):
                _tally(grid.counts, c, cell_key(cell), 1)
    return grid.counts


def _number_column(grid: Grid) -> int | None:
    """The column holding measure numbers: the one whose filled body cells
    are mostly bare numbers (1, 36, 3.1).  Found by content, not position."""
    filled, numbers = _counts(grid)
    best, best_n = None, 0
    for c, (f, n) in enumerate(zip(filled, numbers)):
        if f and n >= max(2, f // 2) and n > best_n:
            best, best_n = c, n
    return best


def _owner(grid: Grid, col: int) -> tuple[GridCell, int] | None:
    """The cell whose text shows in `col` of the last row (and its column):
    follow vertical merges up and horizontal ones left to the region's own
    cell."""
    r, c = len(grid.rows) - 1, col
    while r >= 0 and c >= 0:
        cell = grid.rows[r][c]
        if cell.bbox is not None:
            return cell, c
        if cell.merged_left and not cell.merged_up:
            c -= 1
        else:
            r -= 1
    return None


def _unfinished(text: str) -> bool:
    return bool(text) and text[-1] not in _TERMINAL


def _is_prose(text: str) -> bool:
    # Prose cells (国家重点任务, 具体落实举措) are sentences; labels and unit
    # lists have no sentence punctuation.
    return any(p in text for p in "，。；,;")


def _extend(into: Grid, owner: tuple[GridCell, int], cell: GridCell) -> None:
    """Move `cell`'s lines to the end of `owner`'s, keeping the counts true."""
    counts = _counts(into)
    o, col = owner
    _tally(counts, col, cell_key(o), -1)
    o.lines.extend(cell.lines)
    _tally(counts, col, cell_key(o), 1)


def _stitch_break(into: Grid, first: list[GridCell]) -> bool:
    """Join what a page break cut: the first body row on the new page
    (`first`) against the table so far.  Returns True when `first` was
    absorbed whole.

    A cell of `first` continues the cell above it (the owner of the region
    showing in that column of the last row) when that text is unfinished —
    not ending in 。；！？.  The whole row is the rest of a row cut by the
    break when it has no number of its own (a new measure row starts with
    its 序号) and every cell that brings text continues one.  Otherwise only
    prose cells that continue an unfinished sentence are moved up: that is
    a merged region whose text flowed past the break into the next row
    (Writer does this), while a new sub-row such as 36-2 under 36 starts
    after a finished sentence and stays a row of its own."""
    num = _number_column(into)
    numbered = bool(cell_key(first[num])) if num is not None else bool(cell_key(first[0]))
    owners = [_owner(into, c) for c in range(len(first))]
    brings = [c for c, cell in enumerate(first) if cell_key(cell)]

    def continues(c: int) -> bool:
        o = owners[c]
        return o is not None and _unfinished(cell_key(o[0]) or "")

    if not brings:
        return False
    if not numbered and all(continues(c) for c in brings):
        for c in brings:
            owner = owners[c]
            assert owner is not None
            _extend(into, owner, first[c])
        return True
    for c in brings:
        o = owners[c]
        if o is not None and continues(c) and _is_prose(cell_key(o[0]) or ""):
            _extend(into, o, first[c])
            first[c].lines = []
            if first[c].bbox is not None:
                first[c].bbox = None
                first[c].merged_up = True
    return False


def append_grid(into: Grid, new: Grid) -> None:
    """Continue `into` with the rows of `new` (the same table on the next page)."""
    counts = _counts(into)
    # 1. Repeated header rows: leading rows equal to the table's leading rows.
    k = 0
    while (
        k < len(new.rows)
        and k < len(into.rows)
        and not into.repeat[k]
        and _row_key(new.rows[k]) == _row_key(into.rows[k])
        and any(_row_key(new.rows[k]))
    ):
        new.repeat[k] = True
        k += 1
    body = [i for i in range(len(new.rows)) if not new.repeat[i]]
    # Nothing to stitch to while the table so far is only its header (a
    # table that starts at a page foot with just the header row drawn).
    if body and len(into.rows) > max(k, 1):
        # 2. What the page break cut is joined back.
        first = body[0]
        if _stitch_break(into, new.rows[first]):
            into.row_pages[-1] = new.page
            del new.rows[first]
            del new.repeat[first]
            del new.row_pages[first]
    for row in new.rows:
        for c, cell in enumerate(row):
            _tally(counts, c, cell_key(cell), 1)
    into.rows.extend(new.rows)
    into.repeat.extend(new.repeat)
    into.row_pages.extend(new.row_pages)

"""Grids inferred from text alignment (layout.borderless), once their
characters are placed: cells fitted to their column's text, cells merged
over rows joined back, a page continuing the table laid out in the page
before's columns, and where the guess is reported (docs/pdf.md, "Tables
without ruling lines")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .labels import label_role
from .lines import wraps_into
from .page_model import Box

if TYPE_CHECKING:  # tables calls this module
    from .tables import Grid, GridCell, Layout

__all__ = ["GRID_REASON", "GridRuns", "Settler", "inferred_grids", "rejoin", "settle", "tighten"]

GRID_REASON = "table grid inferred from text alignment (no ruling lines)"
"""The residue reason of every inferred table (its box and pages): the
normalize stage reports it as a structure finding."""


def tighten(grid: Grid) -> None:
    """Each column's cells narrowed to the ink of the column (a point to
    spare), so the reader measures a cell's width as the text's width: the
    column boundary lies in the middle of a white channel, and a line that
    fills its column must read as wrapped (`blocks._cell_text`)."""
    ncols = len(grid.col_x)
    lo = [
        min((ln.x0 for row in grid.rows for ln in row[c].lines), default=None) for c in range(ncols)
    ]
    hi = [
        max((ln.x1 for row in grid.rows for ln in row[c].lines), default=None) for c in range(ncols)
    ]
    for row in grid.rows:
        for c, cell in enumerate(row):
            a, b = lo[c], hi[c]
            if cell.bbox is None or a is None or b is None:
                continue
            x0, top, x1, bottom = cell.bbox
            if x1 - x0 <= 0:
                continue
            # A cell merged across columns keeps its own extent.
            if x1 > (grid.col_x[c + 1] if c + 1 < ncols else grid.bbox[2]) + 0.5:
                continue
            cell.bbox = (max(x0, a - 1.0), top, min(x1, b + 1.0), bottom)


# A sentence ends here.
_TERMINAL = frozenset("。！？；;!?")
# The columns whose cells a merge over rows may hold: text, not units.
_MERGING = frozenset({"text", "national_task"})


def rejoin(grid: Grid) -> None:
    """Cells merged over rows, joined back where the text shows it: in a
    text column (by its header label: the measure, a 国家重点任务, a group),
    a cell whose sentence does not end and whose last line is full (the
    next line would not have fit: `wraps_into`) continues in the cell below,
    which becomes part of it (merged up, as a ruled merge reads).  Without
    rules a merged cell's text runs on across the rows it spans.  Unit
    columns are left alone: a list may end on a full line by chance.  The
    measure's text joins only a row without a number of its own."""
    rows = grid.rows
    if grid.inferred != "header" or len(rows) < 3:
        return
    roles = [label_role("".join(ln.text for ln in head.lines)) for head in rows[0]]
    number = roles.index("number") if "number" in roles else None

    def numbered(r: int) -> bool:
        return number is not None and any(ln.text.strip() for ln in rows[r][number].lines)

    for c, role in enumerate(roles):
        if role not in _MERGING:
            continue
        for r in range(2, len(rows)):
            below = rows[r][c]
            # A measure's own text never runs into the next measure's row
            # (a cell clipped at its column's edge looks unfinished too).
            if below.bbox is None or not below.lines or (role == "text" and numbered(r)):
                continue
            k = r - 1
            while k > 1 and rows[k][c].bbox is None and rows[k][c].merged_up:
                k -= 1
            above = rows[k][c]
            if above.bbox is None or not above.lines:
                continue
            last = above.lines[-1]
            if last.text[-1] in _TERMINAL or not wraps_into(
                last, above.bbox[2] - 1.0 - last.x1, below.lines[0]
            ):
                continue
            above.lines.extend(below.lines)
            rows[r][c] = type(below)(bbox=None, merged_up=True)


def _home(edges: Sequence[float], x0: float, x1: float) -> int | None:
    """The column between `edges` that holds [x0, x1] whole, if one does."""
    for k in range(len(edges) - 1):
        if edges[k] - 0.5 <= x0 and x1 <= edges[k + 1] + 0.5:
            return k
    return None


def _spans_columns(grid: Grid, cell: GridCell, c: int) -> bool:
    right = grid.col_x[c + 1] if c + 1 < len(grid.col_x) else grid.bbox[2]
    return cell.bbox is not None and cell.bbox[2] > right + 0.5


def _regrid(grid: Grid, prev: Grid) -> bool:
    """Lay `grid` out in `prev`'s columns where its text allows: each of its
    columns holds text that lies within one column of `prev`, no two in the
    same (a column empty on this page shows no channel of its own: its
    neighbours' channels merged).  A cell spanning the table stays one cell.
    False, and `grid` unchanged, where the text crosses one of `prev`'s
    column edges."""
    from .tables import GridCell

    edges = [*prev.col_x, prev.bbox[2]]
    home: dict[int, int] = {}
    for c in range(len(grid.col_x)):
        lines = [
            ln
            for row in grid.rows
            if row[c].bbox is not None and not _spans_columns(grid, row[c], c)
            for ln in row[c].lines
        ]
        if not lines:
            continue
        k = _home(edges, min(ln.x0 for ln in lines), max(ln.x1 for ln in lines))
        if k is None or k in home.values():
            return False
        home[c] = k
    if len(grid.col_x) == len(prev.col_x):
        # A column with no text here (only merged cells) keeps its place.
        for c in range(len(grid.col_x)):
            if c not in home and c not in home.values():
                home[c] = c
    rows: list[list[GridCell]] = []
    for row in grid.rows:
        boxes = [cell.bbox for cell in row if cell.bbox is not None]
        top, bottom = min(b[1] for b in boxes), max(b[3] for b in boxes)
        out = [GridCell(bbox=(edges[k], top, edges[k + 1], bottom)) for k in range(len(edges) - 1)]
        for c, cell in enumerate(row):
            if cell.bbox is None:
                if cell.merged_up and c in home:
                    out[home[c]] = GridCell(bbox=None, merged_up=True)
                continue
            if _spans_columns(grid, cell, c):
                out[0] = GridCell(bbox=(edges[0], top, edges[-1], bottom), lines=cell.lines)
                for k in range(1, len(out)):
                    out[k] = GridCell(bbox=None, merged_left=True)
                break
            if c in home:
                out[home[c]].lines = cell.lines
        rows.append(out)
    grid.rows = rows
    grid.col_x = list(prev.col_x)
    grid.bbox = (prev.bbox[0], grid.bbox[1], prev.bbox[2], grid.bbox[3])
    grid.counts = None
    return True


class Settler:
    """Across pages, one page at a time in page order (so a reader folding
    pages in as they arrive need not keep them: `blocks.BlockBuilder`).  An
    inferred grid right after an inferred grid (on the page before, as the
    page's first table), whose text the earlier grid's column edges cut
    nowhere, is laid out in those columns (its own edges lie elsewhere in
    the same white channels, or a column empty on this page left none): the
    stitcher then sees one table.  A header-less candidate is kept only so;
    every other candidate's page gets its lines back, as they were before
    any grid was tried."""

    __slots__ = ("_last", "_page")

    def __init__(self) -> None:
        self._last: Grid | None = None  # the page before's last grid
        self._page: int | None = None  # the page before's number

    def add(self, lay: Layout) -> Layout:
        """The page, settled: itself, or a copy without its grid."""
        from .tables import _measure_padding

        first = lay.grids[0] if lay.grids else None
        if first is not None and first.inferred:
            last = self._last
            if (
                last is not None
                and bool(last.inferred)
                and self._page == lay.page - 1
                and _regrid(first, last)
            ):
                tighten(first)
                _measure_padding(first)
            elif first.inferred == "gaps":
                lay = replace(lay, grids=[], lines=first.fallback or [], stray=[])
        self._page = lay.page
        self._last = lay.grids[-1] if lay.grids else None
        return lay


def settle(layouts: Sequence[Layout]) -> list[Layout]:
    """Every page `Settler` settles, in order."""
    settler = Settler()
    return [settler.add(lay) for lay in layouts]


class GridRuns:
    """(first page, last page, box on the first page, rounded) of every run
    of pages whose grids were inferred from text alignment: one per table,
    however many pages it runs over; gathered page by page, in page order."""

    __slots__ = ("runs",)

    def __init__(self) -> None:
        self.runs: list[tuple[int, int, Box]] = []

    def add(self, lay: Layout) -> None:
        out = self.runs
        grid = next((g for g in lay.grids if g.inferred), None)
        if grid is None:
            return
        if out and out[-1][1] == lay.page - 1:
            out[-1] = (out[-1][0], lay.page, out[-1][2])
            return
        box = (
            round(grid.bbox[0], 2),
            round(grid.bbox[1], 2),
            round(grid.bbox[2], 2),
            round(grid.bbox[3], 2),
        )
        out.append((lay.page, lay.page, box))


def inferred_grids(layouts: Sequence[Layout]) -> list[tuple[int, int, Box]]:
    """`GridRuns` over every page."""
    runs = GridRuns()
    for lay in layouts:
        runs.add(lay)
    return runs.runs

"""A page's characters → cells or body, in the tables its ruling lines draw.

The tables are found by `ruled_tables.find_tables` (pdfplumber's lattice
algorithm; re-exported here), or, on a page with no ruled table, on the
rulings `borderless.infer_rulings` draws where the text's alignment shows
an unruled one.

`page_to_layout` then assigns each character to the cell holding its centre
by bisection over the grid's row tops and column edges (not by trying every
cell), groups each cell's characters and the body's into lines, and lets the
characters go.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from . import compiled
from .borderless import infer_rulings
from .hidden import split_hidden
from .inferred import rejoin, tighten
from .lines import Line, dedupe, group_lines
from .page_model import Char, OcrFacts, PageModel
from .ruled_tables import Box, RawTable, find_tables

__all__ = ["Grid", "GridCell", "Layout", "RawTable", "find_tables", "page_to_layout"]


_TEXT = attrgetter("text")


# ---------------------------------------------------------------------------
# Grids: a table on one page, later stitched over several


@dataclass(slots=True)
class GridCell:
    bbox: Box | None  # None: covered by a merge
    lines: list[Line] = field(default_factory=list)
    merged_up: bool = False
    merged_left: bool = False

    def __reduce__(self) -> tuple[type[GridCell], tuple[Any, ...]]:
        # As Line's: a table's cells cross the pipe by the hundred, and as
        # the constructor's arguments they pickle and unpickle without the
        # dict of slot names a slots object's state is by default.
        return (GridCell, (self.bbox, self.lines, self.merged_up, self.merged_left))


@dataclass(slots=True)
class Grid:
    """One ruled table on one page (later: stitched over several pages)."""

    page: int
    bbox: Box
    col_x: list[float]  # left edge of each grid column
    rows: list[list[GridCell]]
    row_pages: list[int]
    repeat: list[bool]
    pad_left: float = 0.0
    pad_right: float = 0.0
    # Running counts per column for the stitcher (layout.stitch): filled
    # body cells and bare-number cells; None until first needed.
    counts: list[list[int]] | None = None
    # "" ruled; "header"/"gaps": inferred from text alignment below a header
    # / on a page without one (layout.borderless), `fallback` then holding
    # the page's lines for when it continues no table.
    inferred: str = ""
    fallback: list[Line] | None = None


@dataclass(slots=True)
class Layout:
    page: int
    width: float
    height: float
    lines: list[Line]  # body lines: outside every table
    grids: list[Grid]
    stray: list[Line]  # text inside a table's frame but in none of its cells
    hidden: list[tuple[Line, str]]  # text a reader cannot see, with the reason
    has_text: bool
    drawn: int = 0  # characters other than spaces
    garbled: int = 0  # of them, unreadable: (cid:N), private use, U+FFFD
    ocr: OcrFacts | None = None  # the page was read by OCR (PageModel.ocr)


def _table_to_grid(table: RawTable, page: int) -> tuple[Grid, list[list[int]]] | None:
    """The grid, and for every slot the index of the cell box showing there
    (-1: none), so a character is placed by two bisections."""
    rows = table.rows
    if not rows:
        return None
    ncols = len(rows[0])
    if ncols < 2:
        # A framed box (a note, a stamp) is prose, not a table.  A single row
        # of several columns is kept: a table's header drawn at a page foot.
        return None
    boxes = table.cells
    index = {b: k for k, b in enumerate(boxes)}
    tops = sorted({b[1] for b in boxes})
    col_x = sorted({b[0] for b in boxes})
    grid_rows: list[list[GridCell]] = []
    slots: list[list[int]] = []
    for r, row in enumerate(rows):
        out: list[GridCell] = []
        slot_row: list[int] = []
        for c, bbox in enumerate(row):
            if bbox is not None:
                out.append(GridCell(bbox=bbox))
                slot_row.append(index[bbox])
                continue
            # pdfplumber gives None where a merged region covers the slot:
            # find the region; from above → vertical merge, from the left →
            # horizontal (a 2×2 region's lower-right slot counts as vertical).
            x, y = col_x[c] + 0.5, tops[r] + 0.5
            owner = next((b for b in boxes if b[0] <= x <= b[2] and b[1] <= y <= b[3]), None)
            cell = GridCell(bbox=None)
            if owner is not None and owner[1] < tops[r] - 0.1:
                cell.merged_up = True
            elif owner is not None:
                cell.merged_left = True
            out.append(cell)
            slot_row.append(index[owner] if owner is not None else -1)
        grid_rows.append(out)
        slots.append(slot_row)
    grid = Grid(
        page=page,
        bbox=table.bbox,
        col_x=col_x,
        rows=grid_rows,
        row_pages=[page] * len(grid_rows),
        repeat=[False] * len(grid_rows),
    )
    return grid, slots


def _measure_padding(grid: Grid) -> None:
    """Cell padding, measured: the smallest distance from a cell's rule to
    the text inside it, over the whole table (Word and Writer use one padding
    per table)."""
    lefts, rights = [], []
    for row in grid.rows:
        for cell in row:
            if cell.bbox is None:
                continue
            for ln in cell.lines:
                lefts.append(ln.x0 - cell.bbox[0])
                rights.append(cell.bbox[2] - ln.x1)
    grid.pad_left = max(0.0, min(lefts)) if lefts else 0.0
    grid.pad_right = max(0.0, min(rights)) if rights else 0.0


def _place_chars(
    chars: list[Char], table: RawTable, grid: Grid, slots: list[list[int]]
) -> tuple[dict[int, list[Char]], list[Char], list[Char]]:
    """The characters whose centre lies in a cell, by the index of the cell
    box holding it; those inside the table's frame but in no cell (stray);
    and those outside the frame.  A cell is found by two bisections over the
    row tops and column edges (`slots`); where the slot has no box (an
    irregular grid) by a scan, the first box in row-major order winning on
    a shared rule, as a scan over all cells would.  Centres are computed in
    the loop, no function called per character."""
    boxes = table.cells
    tops = sorted({b[1] for b in boxes})
    xs = grid.col_x
    # Every row of `slots`, and the rows, led by a copy of the first: a
    # bisection's index (one past the slot, 0 before the first edge) is then
    # the slot's index as it is, with no max() call per character.
    lead = [[row[0], *row] for row in slots]
    lead.insert(0, lead[0])
    per_box: dict[int, list[Char]] = defaultdict(list)
    rest: list[Char] = []
    stray: list[Char] = []
    passes = compiled.PASSES
    if passes is not None and passes.place(
        chars, grid.bbox, tops, xs, lead, boxes, per_box, stray, rest
    ):
        return per_box, stray, rest  # the loop below, in C
    gx0, gtop, gx1, gbottom = grid.bbox
    for c in chars:
        mx = (c.x0 + c.x1) / 2
        my = (c.top + c.bottom) / 2
        if not (gx0 <= mx <= gx1 and gtop <= my <= gbottom):
            rest.append(c)
            continue
        owner = lead[bisect_left(tops, my)][bisect_left(xs, mx)]
        if owner >= 0:
            b = boxes[owner]
            if b[0] <= mx <= b[2] and b[1] <= my <= b[3]:
                per_box[owner].append(c)
                continue
        k = next((i for i, b in enumerate(boxes) if b[0] <= mx <= b[2] and b[1] <= my <= b[3]), -1)
        if k >= 0:
            per_box[k].append(c)
        else:
            stray.append(c)
    return per_box, stray, rest


def _lay_tables(
    tables: list[RawTable], chars: list[Char], number: int, grids: list[Grid], stray: list[Char]
) -> list[Char]:
    """Each table's grid (appended to `grids`) with its cells' lines; the
    characters inside a frame but in no cell go to `stray`; those outside
    every table are returned."""
    remaining = chars
    for table in tables:
        made = _table_to_grid(table, number)
        if made is None:
            continue
        grid, slots = made
        grids.append(grid)
        per_box, lost, remaining = _place_chars(remaining, table, grid, slots)
        stray.extend(lost)
        index = {b: k for k, b in enumerate(table.cells)}
        for row in grid.rows:
            for cell in row:
                if cell.bbox is not None:
                    cell.lines = group_lines(per_box.get(index[cell.bbox], ()), number)
        _measure_padding(grid)
    return remaining


def page_to_layout(page: PageModel) -> Layout:
    """One page's characters → de-duplicated lines, in tables or in the body.
    The page's characters are not kept: only lines leave this function."""
    number = page.number
    chars = dedupe(split_hidden(page))
    # Each distinct text counted in C, then judged once (a page repeats its
    # characters): in the compiled passes where built (tally: a fifth of
    # Counter's instructions, which calls attrgetter per character).
    passes = compiled.PASSES
    counts = passes.tally(chars) if passes is not None else None
    if counts is None:
        counts = Counter(map(_TEXT, chars))
    inked = [(text, n) for text, n in counts.items() if text.strip()]
    drawn = sum(n for _, n in inked)
    has_text = bool(drawn) or any(c.text.strip() for c, _ in page.hidden)
    grids: list[Grid] = []
    stray: list[Char] = []
    remaining = chars
    if drawn and page.edges:
        remaining = _lay_tables(find_tables(page.edges), remaining, number, grids, stray)
    if drawn and not grids:
        # No ruled table: a grid standing in the text's alignment, if any.
        inferred = infer_rulings(remaining)
        if inferred is not None:
            unplaced = remaining
            remaining = _lay_tables(find_tables(inferred.edges), remaining, number, grids, stray)
            for grid in grids:
                grid.inferred = "header" if inferred.headed else "gaps"
                if not inferred.headed:
                    grid.fallback = group_lines(unplaced, number)
                tighten(grid)
                rejoin(grid)
                _measure_padding(grid)
    hidden = _hidden_lines(page.hidden, number)
    return Layout(
        page=number,
        width=page.width,
        height=page.height,
        lines=group_lines(remaining, number),
        grids=grids,
        stray=group_lines(stray, number),
        hidden=hidden,
        has_text=has_text,
        drawn=drawn,
        garbled=sum(n for text, n in inked if _garbled(text)),
        ocr=page.ocr,
    )


@functools.lru_cache(maxsize=1 << 14)
def _garbled(text: str) -> bool:
    """A character the text layer cannot name: pdfminer's "(cid:N)" for a
    glyph without a Unicode mapping, a private-use code point (a font's own
    numbering), U+FFFD, or a control character — PDFium passes the glyph
    numbers of a font without a ToUnicode map on as code points, and low
    glyph numbers land there.  Cached: asked once per distinct text of every
    page, and a notice draws a few thousand distinct characters."""
    if text.startswith("(cid:"):
        return True
    o = ord(text[0])
    return 0xE000 <= o <= 0xF8FF or o >= 0xF0000 or o == 0xFFFD or o < 0x20 or 0x7F <= o <= 0x9F


def _hidden_lines(hidden: list[tuple[Char, str]], page: int) -> list[tuple[Line, str]]:
    by_reason: dict[str, list[Char]] = defaultdict(list)
    for c, reason in hidden:
        by_reason[reason].append(c)
    return [(ln, reason) for reason, cs in by_reason.items() for ln in group_lines(cs, page)]

"""Ruling lines → tables, and a page's characters → cells or body.

`find_tables` is pdfplumber's lattice algorithm (`table.py`: snap, join,
intersections, smallest cells, contiguous groups, rows by top edge) ported
to the page model's `Edge`s, so every engine finds tables the same way and
pdfplumber need not be imported.  The defaults are pdfplumber's: snap and
join within 3 pt, intersections within 3 pt, edges of at least 3 pt.

`page_to_layout` then assigns each character to the cell holding its centre
by bisection over the grid's row tops and column edges (not by trying every
cell), groups each cell's characters and the body's into lines, and lets the
characters go.
"""

from __future__ import annotations

import functools
import itertools
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
from .page_model import Char, Edge, OcrFacts, PageModel

__all__ = ["Grid", "GridCell", "Layout", "RawTable", "find_tables", "page_to_layout"]

Box = tuple[float, float, float, float]
Point = tuple[float, float]

_SNAP = 3.0
_JOIN = 3.0
_INTERSECT = 3.0
_MIN_LENGTH = 3.0
_MIN_LENGTH_PREFILTER = 1.0

_TEXT = attrgetter("text")


@dataclass(slots=True)
class RawTable:
    bbox: Box
    cells: list[Box]
    rows: list[list[Box | None]]  # None where a merged region covers the slot


def _length(e: Edge) -> float:
    return (e.bottom - e.top) if e.orientation == "v" else (e.x1 - e.x0)


def _snap(edges: list[Edge], orientation: str) -> list[Edge]:
    """Edges within `_SNAP` of each other (on their cross axis) move to the
    average of their cluster, as pdfplumber's `snap_objects`."""
    if not edges:
        return []

    def pos(e: Edge) -> float:
        return e.x0 if orientation == "v" else e.top

    values = sorted({pos(e) for e in edges})
    cluster_of: dict[float, int] = {}
    cid, last = 0, values[0]
    for v in values:
        if v > last + _SNAP:
            cid += 1
        cluster_of[v] = cid
        last = v
    clusters: dict[int, list[Edge]] = defaultdict(list)
    for e in edges:
        clusters[cluster_of[pos(e)]].append(e)
    out: list[Edge] = []
    for k in sorted(clusters):
        group = clusters[k]
        avg = sum(pos(e) for e in group) / len(group)
        for e in group:
            if orientation == "v":
                d = avg - e.x0
                out.append(Edge("v", e.x0 + d, e.top, e.x1 + d, e.bottom))
            else:
                d = avg - e.top
                out.append(Edge("h", e.x0, e.top + d, e.x1, e.bottom + d))
    return out


def _join(edges: list[Edge], orientation: str) -> list[Edge]:
    """Edges on one line whose ends are within `_JOIN` become one edge."""
    if orientation == "h":
        edges = sorted(edges, key=lambda e: e.x0)
    else:
        edges = sorted(edges, key=lambda e: e.top)
    joined = [edges[0]]
    for e in edges[1:]:
        last = joined[-1]
        if orientation == "h":
            if e.x0 <= last.x1 + _JOIN:
                if e.x1 > last.x1:
                    joined[-1] = Edge("h", last.x0, last.top, e.x1, last.bottom)
            else:
                joined.append(e)
        elif e.top <= last.bottom + _JOIN:
            if e.bottom > last.bottom:
                joined[-1] = Edge("v", last.x0, last.top, last.x1, e.bottom)
        else:
            joined.append(e)
    return joined


def _merge(edges: list[Edge]) -> list[Edge]:
    edges = [e for e in edges if _length(e) >= _MIN_LENGTH_PREFILTER]
    v = _snap([e for e in edges if e.orientation == "v"], "v")
    h = _snap([e for e in edges if e.orientation == "h"], "h")
    out: list[Edge] = []
    for orientation, group in (("v", v), ("h", h)):
        by_line: dict[float, list[Edge]] = defaultdict(list)
        for e in group:
            by_line[e.x0 if orientation == "v" else e.top].append(e)
        for key in sorted(by_line):
            out.extend(_join(by_line[key], orientation))
    return [e for e in out if _length(e) >= _MIN_LENGTH]


_Pair = tuple[set[Edge], set[Edge]]  # the vertical and horizontal edges through a point


def _intersections(edges: list[Edge]) -> dict[Point, tuple[set[Edge], set[Edge]]]:
    vs = sorted((e for e in edges if e.orientation == "v"), key=lambda e: (e.x0, e.top))
    hs = sorted((e for e in edges if e.orientation == "h"), key=lambda e: (e.top, e.x0))
    tops = [h.top for h in hs]
    out: dict[Point, tuple[set[Edge], set[Edge]]] = {}
    t = _INTERSECT
    for v in vs:
        # Only horizontal edges whose height lies within the vertical's span.
        lo = bisect_left(tops, v.top - t)
        for h in hs[lo:]:
            if h.top > v.bottom + t:
                break
            if h.x0 - t <= v.x0 <= h.x1 + t:
                vertex = (v.x0, h.top)
                pair = out.get(vertex)
                if pair is None:
                    pair = out[vertex] = (set(), set())
                pair[0].add(v)
                pair[1].add(h)
    return out


def _cells(inter: dict[Point, tuple[set[Edge], set[Edge]]]) -> list[Box]:
    """Smallest rectangles whose four corners are intersections connected by
    edges (pdfplumber's `intersections_to_cells`)."""
    points = sorted(inter)
    by_x: dict[float, list[Point]] = defaultdict(list)
    by_y: dict[float, list[Point]] = defaultdict(list)
    for p in points:
        by_x[p[0]].append(p)
        by_y[p[1]].append(p)

    def connects(p1: Point, p2: Point, s1: _Pair, s2: _Pair) -> bool:
        """Whether an edge through `p1` (its edges `s1`) runs on to `p2`.
        Sets tested for a common edge, none made (isdisjoint); each point's
        sets looked up once per use, not per test: this runs ~3,300 times on
        the 23-page sample."""
        if p1[0] == p2[0] and not s1[0].isdisjoint(s2[0]):
            return True
        return p1[1] == p2[1] and not s1[1].isdisjoint(s2[1])

    cells: list[Box] = []
    for pt in points:
        at = inter[pt]
        col = by_x[pt[0]]
        row = by_y[pt[1]]
        below = col[bisect_left(col, pt) + 1 :]
        right: list[tuple[Point, _Pair]] | None = None  # looked up when first needed
        found = None
        for b in below:
            at_b = inter[b]
            if not connects(pt, b, at, at_b):
                continue
            if right is None:
                right = [(r, inter[r]) for r in row[bisect_left(row, pt) + 1 :]]
            for r, at_r in right:
                if not connects(pt, r, at, at_r):
                    continue
                corner = (r[0], b[1])
                at_c = inter.get(corner)
                if (
                    at_c is not None
                    and connects(corner, r, at_c, at_r)
                    and connects(corner, b, at_c, at_b)
                ):
                    found = (pt[0], pt[1], corner[0], corner[1])
                    break
            if found:
                break
        if found:
            cells.append(found)
    return cells


def _corners(b: Box) -> tuple[Point, Point, Point, Point]:
    return ((b[0], b[1]), (b[0], b[3]), (b[2], b[1]), (b[2], b[3]))


def _group_cells(cells: list[Box]) -> list[list[Box]]:
    """Cells sharing corners, transitively, form one table (pdfplumber's
    `cells_to_tables`, kept pass for pass so both give the same groups)."""
    remaining = list(cells)
    corners: set[Point] = set()
    current: list[Box] = []
    tables: list[list[Box]] = []
    while remaining:
        before = len(current)
        keep: list[Box] = []
        for cell in remaining:
            cc = _corners(cell)
            if not current or not corners.isdisjoint(cc):
                corners.update(cc)
                current.append(cell)
            else:
                keep.append(cell)
        remaining = keep
        if len(current) == before:
            tables.append(current)
            corners = set()
            current = []
    if current:
        tables.append(current)
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def find_tables(edges: list[Edge]) -> list[RawTable]:
    """Ruled tables drawn by `edges` (visible rules only), top to bottom."""
    merged = _merge(edges)
    if not merged:
        return []
    out = []
    for cells in _group_cells(_cells(_intersections(merged))):
        xs = sorted({c[0] for c in cells})
        rows: list[list[Box | None]] = []
        for _, row_cells in itertools.groupby(
            sorted(cells, key=lambda c: (c[1], c[0])), key=lambda c: c[1]
        ):
            at = {c[0]: c for c in row_cells}
            rows.append([at.get(x) for x in xs])
        bbox = (
            min(c[0] for c in cells),
            min(c[1] for c in cells),
            max(c[2] for c in cells),
            max(c[3] for c in cells),
        )
        out.append(RawTable(bbox=bbox, cells=cells, rows=rows))
    return out


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

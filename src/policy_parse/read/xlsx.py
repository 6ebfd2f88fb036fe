"""Spreadsheet reader: a 分工表 published as an .xlsx of its own (an .xls is
read by read/xls.py into the same grid, or converted to .xlsx by
read/legacy.py when xlrd is not installed).

openpyxl reads in read-only mode (streamed rows, no full object model),
after `safety.check_zip` has vetted the package as for a .docx.  Read-only
mode has no merged-cell list, so the sheet's ``<mergeCell ref="A2:A5"/>``
entries are read from its XML part directly.

What becomes what, per visible sheet in workbook order:

* the rows above the first row with two or more filled cells (a title such
  as "…分工表" merged across the columns) are `Paragraph`s;
* from that row on, every row is a `Row` of one `Cell` per column, the sheet
  one `Table`; a merged range keeps its text in its top-left cell, the cells
  to its right are ``merged_left`` and those below ``merged_up`` (as the
  Word reader reads w:gridSpan and w:vMerge);
* wholly empty rows are skipped; cell text is its non-blank lines, each
  stripped; numbers print as written (1.0 → "1"), dates as ISO dates;
  formulas give their cached value;
* hidden sheets become residue, "hidden sheet <name>", row by row, and so
  does a value under a merged range ("text in a merged continuation cell");
  a hidden row is residue "hidden row" (its cells joined by tabs), each
  cell of a hidden column residue "hidden column": what Excel does not show
  is no part of the table, but never lost;
* a formula cell whose file stores no cached value (a writer that never
  calculated it) is empty in the table and residue "formula with no cached
  value", its formula as written — never silently empty.

The sheet's declared dimension is ignored (a crafted one could claim
A1:XFD1048576); a grid over `MAX_CELLS` is refused; merged ranges are
clipped to the data grid and a cell covered twice (overlapping ranges) keeps
the first range, so a few kilobytes of merges cost what the data costs.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable
from typing import Any

from lxml import etree
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

from ..errors import CorruptFileError, EmptyDocumentError, InputTooLargeError, PolicyParseError
from ..models import Cell, Document, Paragraph, Residue, Row, Source, Span, Table
from .limits import Limits
from .safety import PACKAGE_ERRORS, check_zip

__all__ = [
    "MAX_CELLS",
    "Grid",
    "bounded_grid",
    "grid_to_blocks",
    "hidden_and_uncached",
    "read_xlsx",
    "text_of",
]

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
MAX_CELLS = 2_000_000
_CORRUPT = PACKAGE_ERRORS


def read_xlsx(data: bytes, source: Source, limits: Limits) -> Document:
    """Read a workbook into a `Document` (module docstring: what becomes what)."""
    check_zip(data, limits, expect="excel")
    blocks: list[Paragraph | Table] = []
    residue: list[Residue] = []
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for t, ws in enumerate(workbook.worksheets):
                grid = _sheet_grid(ws, zf)
                hidden_and_uncached(grid, t, residue)
                if getattr(ws, "sheet_state", "visible") != "visible":
                    text = "\n".join("\t".join(c for c in row if c) for row in grid if any(row))
                    if text:
                        residue.append(
                            Residue(
                                text=text, reason=f"hidden sheet {ws.title}", span=Span(table=t)
                            )
                        )
                    continue
                blocks.extend(grid_to_blocks(grid, t, residue))
        workbook.close()
    except PolicyParseError:
        raise
    except _CORRUPT as exc:
        raise CorruptFileError(f"not a readable .xlsx ({type(exc).__name__}: {exc})") from exc
    if not blocks and not residue:
        raise EmptyDocumentError("the workbook holds no text")
    return Document(source=source, blocks=tuple(blocks), residue=tuple(residue))


def text_of(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.date | dt.datetime | dt.time):
        text = value.isoformat()
    else:
        text = str(value)
    lines = (line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


class Grid(list[list[str]]):
    """Cell texts by row and column, plus what the sheet's XML says of them
    (0-based): merged ranges (inclusive), hidden rows and columns, formulas
    with no cached value."""

    merges: list[tuple[int, int, int, int]]
    hidden_rows: set[int]
    hidden_cols: set[int]
    uncached: dict[tuple[int, int], str]


def _sheet_grid(ws: Any, zf: zipfile.ZipFile) -> Grid:
    ws.reset_dimensions()  # never trust the declared A1:XFD1048576
    rows = ([text_of(v) for v in values] for values in ws.iter_rows(values_only=True))
    grid = bounded_grid(rows, ws.title)
    width = len(grid[0]) if grid else 0
    facts = _sheet_facts(zf, getattr(ws, "_worksheet_path", None), len(grid), width)
    grid.merges, grid.hidden_rows, grid.hidden_cols, grid.uncached = facts
    return grid


def bounded_grid(rows: Iterable[list[str]], sheet: str, *, drop_empty_tail: bool = False) -> Grid:
    """A sheet's rows of cell texts → its grid, each row cut after its last
    written cell and padded to the widest: refused past `MAX_CELLS`, counted
    as the rows come (a sheet may declare a million empty rows) and again as
    a rectangle.  `drop_empty_tail`: empty rows after the last written one
    are no part of it (.xls)."""
    out: list[list[str]] = []
    cells = 0
    for row in rows:
        while row and not row[-1]:
            row.pop()
        out.append(row)
        cells += max(len(row), 1)
        if cells > MAX_CELLS:
            raise InputTooLargeError(f"sheet {sheet!r} has over {MAX_CELLS} cells")
    while drop_empty_tail and out and not out[-1]:
        out.pop()
    width = max((len(r) for r in out), default=0)
    if width * len(out) > MAX_CELLS:
        raise InputTooLargeError(
            f"sheet {sheet!r} spans {len(out)} rows × {width} columns, over {MAX_CELLS} cells"
        )
    return Grid(r + [""] * (width - len(r)) for r in out)


_Facts = tuple[list[tuple[int, int, int, int]], set[int], set[int], dict[tuple[int, int], str]]


def _sheet_facts(zf: zipfile.ZipFile, member: str | None, height: int, width: int) -> _Facts:
    """What read-only openpyxl does not give, streamed from the sheet part:
    merged ranges clipped to the `height` × `width` data grid (each cell
    covered once, by the first range), hidden rows and columns inside it,
    and formula cells with no cached value."""
    merges: list[tuple[int, int, int, int]] = []
    hidden_rows: set[int] = set()
    hidden_cols: set[int] = set()
    uncached: dict[tuple[int, int], str] = {}
    if not member or not height or not width:
        return merges, hidden_rows, hidden_cols, uncached
    taken: set[tuple[int, int]] = set()
    tags = (_MAIN + "mergeCell", _MAIN + "row", _MAIN + "col", _MAIN + "c")
    with zf.open(member.lstrip("/")) as f:
        for _, el in etree.iterparse(
            f, events=("end",), tag=tags, resolve_entities=False, no_network=True
        ):
            tag = el.tag[len(_MAIN) :]
            if tag == "mergeCell" and (box := _clipped(el.get("ref"), height, width)):
                cells = {
                    (r, c) for r in range(box[0], box[2] + 1) for c in range(box[1], box[3] + 1)
                }
                if not cells & taken:  # an overlapping range is dropped whole
                    taken |= cells
                    merges.append(box)
            elif tag == "row" and el.get("hidden") in ("1", "true"):
                if (r := _int(el.get("r"))) is not None and 0 < r <= height:
                    hidden_rows.add(r - 1)
            elif tag == "col" and el.get("hidden") in ("1", "true"):
                lo, hi = _int(el.get("min")), _int(el.get("max"))
                if lo is not None and hi is not None:
                    hidden_cols.update(range(max(lo, 1) - 1, min(hi, width)))
            elif tag == "c" and not _has_value(el):
                formula = el.find(_MAIN + "f")
                if formula is not None and formula.text and (ref := el.get("r")):
                    _, row, _, _ = range_boundaries(ref)
                    col = range_boundaries(ref)[0]
                    if row is not None and col is not None:
                        uncached[(row - 1, col - 1)] = "=" + formula.text
            if tag != "c":  # a cell is cleared with its row
                el.clear()
    return merges, hidden_rows, hidden_cols, uncached


def _has_value(cell: Any) -> bool:
    """A cached value: <v> with text, or an inline string (<is>)."""
    v = cell.find(_MAIN + "v")
    return (v is not None and bool(v.text)) or cell.find(_MAIN + "is") is not None


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def _clipped(ref: str | None, height: int, width: int) -> tuple[int, int, int, int] | None:
    """A merged range (0-based, inclusive) cut to the data grid; None when
    it is malformed, outside the grid, or a single cell once cut."""
    if not ref:
        return None
    try:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
    except (ValueError, TypeError):
        return None
    if min_row is None or min_col is None or max_row is None or max_col is None:
        return None
    r0, c0 = min_row - 1, min_col - 1
    r1, c1 = min(max_row, height) - 1, min(max_col, width) - 1
    if r0 >= height or c0 >= width or (r0, c0) == (r1, c1) or r1 < r0 or c1 < c0:
        return None
    return r0, c0, r1, c1


def hidden_and_uncached(grid: Grid, t: int, residue: list[Residue]) -> None:
    """Take hidden rows and columns out of `grid` as residue, and say where a
    formula has no cached value (its cell stays empty)."""
    for (r, c), formula in sorted(grid.uncached.items()):
        if r < len(grid) and c < len(grid[r]) and not grid[r][c]:
            span = Span(table=t, row=r, cell=c)
            residue.append(Residue(text=formula, reason="formula with no cached value", span=span))
    if not grid.hidden_rows and not grid.hidden_cols:
        return
    for r, values in enumerate(grid):
        if r in grid.hidden_rows:
            text = "\t".join(v for v in values if v)
            if text:
                residue.append(Residue(text=text, reason="hidden row", span=Span(table=t, row=r)))
            continue
        for c in sorted(grid.hidden_cols):
            if c < len(values) and values[c]:
                span = Span(table=t, row=r, cell=c)
                residue.append(Residue(text=values[c], reason="hidden column", span=span))
    keep_cols = [c for c in range(len(grid[0]) if grid else 0) if c not in grid.hidden_cols]
    old_rows = [r for r in range(len(grid)) if r not in grid.hidden_rows]
    new_row = {r: k for k, r in enumerate(old_rows)}
    new_col = {c: k for k, c in enumerate(keep_cols)}
    merges = []
    for r0, c0, r1, c1 in grid.merges:
        rows = [new_row[r] for r in range(r0, r1 + 1) if r in new_row]
        cols = [new_col[c] for c in range(c0, c1 + 1) if c in new_col]
        # A range whose anchor is hidden is dropped (its text went to residue).
        if rows and cols and r0 in new_row and c0 in new_col and (len(rows), len(cols)) != (1, 1):
            merges.append((rows[0], cols[0], rows[-1], cols[-1]))
    grid[:] = [[grid[r][c] for c in keep_cols] for r in old_rows]
    grid.merges = merges


def grid_to_blocks(grid: Grid, t: int, residue: list[Residue]) -> list[Paragraph | Table]:
    covered: dict[tuple[int, int], str] = {}  # (row, col) → "up" | "left"
    for r0, c0, r1, c1 in grid.merges:
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    covered[(r, c)] = "left" if c > c0 else "up"
    out: list[Paragraph | Table] = []
    rows: list[Row] = []
    for r, values in enumerate(grid):
        filled = [v for c, v in enumerate(values) if v and (r, c) not in covered]
        if not filled and not any((r, c) in covered for c in range(len(values))):
            continue  # an empty row
        if not rows and len(filled) <= 1:
            if filled:
                out.append(Paragraph(text=filled[0], span=Span(table=t, row=r)))
            continue
        cells = []
        for c, v in enumerate(values):
            how = covered.get((r, c))
            span = Span(table=t, row=r, cell=c)
            if how and v:
                # A value under a merge (Excel clears it, other writers may
                # not) is never displayed: kept, as the Word reader keeps
                # text in a vMerge continuation.
                residue.append(
                    Residue(text=v, reason="text in a merged continuation cell", span=span)
                )
            if how == "up":
                cells.append(Cell(text="", span=span, merged_up=True))
            elif how == "left":
                cells.append(Cell(text="", span=span, merged_left=True))
            else:
                cells.append(Cell(text=v, span=span))
        rows.append(Row(cells=tuple(cells), span=Span(table=t, row=r)))
    if rows:
        out.append(Table(rows=tuple(rows), span=Span(table=t)))
    return out

"""Spreadsheet reader: a 分工表 published as an .xlsx of its own (an .xls is
converted to .xlsx by read/legacy.py first).

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
  does a value under a merged range ("text in a merged continuation cell").

The sheet's declared dimension is ignored (a crafted one could claim
A1:XFD1048576); a grid over `_MAX_CELLS` is refused.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from lxml import etree
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

from ..errors import CorruptFileError, EmptyDocumentError, InputTooLargeError, PolicyParseError
from ..models import Cell, Document, Paragraph, Residue, Row, Source, Span, Table
from .limits import Limits
from .safety import PACKAGE_ERRORS, check_zip

__all__ = ["read_xlsx"]

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_MAX_CELLS = 2_000_000
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
                if getattr(ws, "sheet_state", "visible") != "visible":
                    text = "\n".join("\t".join(c for c in row if c) for row in grid if any(row))
                    if text:
                        residue.append(
                            Residue(
                                text=text, reason=f"hidden sheet {ws.title}", span=Span(table=t)
                            )
                        )
                    continue
                blocks.extend(_grid_to_blocks(grid, t, residue))
        workbook.close()
    except PolicyParseError:
        raise
    except _CORRUPT as exc:
        raise CorruptFileError(f"not a readable .xlsx ({type(exc).__name__}: {exc})") from exc
    if not blocks and not residue:
        raise EmptyDocumentError("the workbook holds no text")
    return Document(source=source, blocks=tuple(blocks), residue=tuple(residue))


def _text(value: Any) -> str:
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


class _Grid(list[list[str]]):
    """Cell texts by row and column, plus the merged ranges (0-based, inclusive)."""

    merges: list[tuple[int, int, int, int]]


def _sheet_grid(ws: Any, zf: zipfile.ZipFile) -> _Grid:
    ws.reset_dimensions()  # never trust the declared A1:XFD1048576
    rows: list[list[str]] = []
    cells = 0
    for values in ws.iter_rows(values_only=True):
        row = [_text(v) for v in values]
        while row and not row[-1]:
            row.pop()
        rows.append(row)
        cells += max(len(row), 1)
        if cells > _MAX_CELLS:
            raise InputTooLargeError(f"sheet {ws.title!r} has over {_MAX_CELLS} cells")
    width = max((len(r) for r in rows), default=0)
    if width * len(rows) > _MAX_CELLS:
        raise InputTooLargeError(
            f"sheet {ws.title!r} spans {len(rows)} rows × {width} columns, over {_MAX_CELLS} cells"
        )
    grid = _Grid(r + [""] * (width - len(r)) for r in rows)
    grid.merges = []
    for ref in _merge_refs(zf, getattr(ws, "_worksheet_path", None)):
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        if min_row is None or min_col is None or max_row is None or max_col is None:
            continue
        grid.merges.append((min_row - 1, min_col - 1, max_row - 1, max_col - 1))
    return grid


def _merge_refs(zf: zipfile.ZipFile, member: str | None) -> list[str]:
    """The ``ref`` of every <mergeCell> in the sheet part, streamed."""
    if not member:
        return []
    member = member.lstrip("/")
    refs: list[str] = []
    with zf.open(member) as f:
        for _, el in etree.iterparse(
            f, events=("end",), tag=_MAIN + "mergeCell", resolve_entities=False, no_network=True
        ):
            ref = el.get("ref")
            if ref:
                refs.append(ref)
            el.clear()
    return refs


def _grid_to_blocks(grid: _Grid, t: int, residue: list[Residue]) -> list[Paragraph | Table]:
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

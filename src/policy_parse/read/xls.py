"""Excel 97–2003 (.xls, BIFF8) read by xlrd, without LibreOffice (issue 26).

xlrd is the well-kept reader of the legacy format (pure Python, no
dependencies; it reads .xls only since 2.0).  It is the `[legacy]` extra
rather than a dependency: a .xls 分工表 is rare, and without xlrd the file
still reads, converted by LibreOffice (read/legacy.py), as before.

The sheet becomes the grid the .xlsx reader builds (read/xlsx.py), and the
.xlsx rules do the rest: title rows as paragraphs, the table, merges as
`merged_left`/`merged_up`, hidden sheets, rows and columns as residue.  An
.xls stores every formula's last value, so none is left uncached.  Values:
numbers print as written (1.0 → "1"), dates (by the cell's format) as ISO
dates, booleans as True/False and errors as Excel shows them (#N/A), as
openpyxl gives them for an .xlsx.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
from typing import Any

from ..errors import CorruptFileError, EmptyDocumentError, PolicyParseError
from ..models import Document, Paragraph, Residue, Source, Span, Table
from .limits import Limits
from .xlsx import Grid, bounded_grid, grid_to_blocks, hidden_and_uncached, text_of

__all__ = ["available", "read_xls"]


def available() -> bool:
    """Whether xlrd (the `[legacy]` extra) is installed."""
    import importlib.util

    return importlib.util.find_spec("xlrd") is not None


def read_xls(data: bytes, source: Source, limits: Limits) -> Document:
    """Read an .xls workbook into a `Document` (module docstring)."""
    import xlrd

    corrupt = (xlrd.XLRDError, xlrd.compdoc.CompDocError, *_DAMAGE)
    try:
        # on_demand: sheets are parsed as they are asked for, one at a time
        # xlrd writes its warnings to a log, stdout by default: not ours to print
        book = xlrd.open_workbook(
            file_contents=data,
            formatting_info=True,
            on_demand=True,
            # rows as long as their last cell: a damaged record claiming cell
            # (65535, 65535) would otherwise pad every row to it (gigabytes)
            ragged_rows=True,
            logfile=io.StringIO(),
        )
    except corrupt as exc:
        raise CorruptFileError(f"not a readable .xls ({type(exc).__name__}: {exc})") from exc
    blocks: list[Paragraph | Table] = []
    residue: list[Residue] = []
    try:
        for t in range(book.nsheets):
            sheet = book.sheet_by_index(t)
            grid = _sheet_grid(sheet, book.datemode)
            hidden_and_uncached(grid, t, residue)
            if sheet.visibility != 0:
                text = "\n".join("\t".join(c for c in row if c) for row in grid if any(row))
                if text:
                    reason = f"hidden sheet {sheet.name}"
                    residue.append(Residue(text=text, reason=reason, span=Span(table=t)))
                continue
            blocks.extend(grid_to_blocks(grid, t, residue))
            book.unload_sheet(t)
    except PolicyParseError:
        raise
    except corrupt as exc:
        raise CorruptFileError(f"not a readable .xls ({type(exc).__name__}: {exc})") from exc
    finally:
        book.release_resources()
    if not blocks and not residue:
        raise EmptyDocumentError("the workbook holds no text")
    return Document(source=source, blocks=tuple(blocks), residue=tuple(residue))


# What xlrd raises on damaged records besides its own errors: it unpacks
# and indexes bytes as the file says, and asserts what it expects.
_DAMAGE = (
    ValueError,
    IndexError,
    KeyError,
    TypeError,
    AssertionError,
    AttributeError,
    struct.error,
    EOFError,
    OverflowError,
    RecursionError,  # a damaged directory whose tree loops (compdoc walks it recursively)
)


def _sheet_grid(sheet: Any, datemode: int) -> Grid:
    """The sheet's cell texts, merges (xlrd's ranges end exclusive) and
    hidden rows and columns, cut to the cells that hold something."""
    rows = ([_value(cell, datemode) for cell in sheet.row(r)] for r in range(sheet.nrows))
    grid = bounded_grid(rows, sheet.name, drop_empty_tail=True)
    height = len(grid)
    width = len(grid[0]) if grid else 0
    grid.merges = []
    taken: set[tuple[int, int]] = set()
    for rlo, rhi, clo, chi in sheet.merged_cells:
        r1, c1 = min(rhi, height) - 1, min(chi, width) - 1
        if rlo >= height or clo >= width or r1 < rlo or c1 < clo or (rlo, clo) == (r1, c1):
            continue
        cells = {(r, c) for r in range(rlo, r1 + 1) for c in range(clo, c1 + 1)}
        if not cells & taken:  # an overlapping range is dropped whole, as for .xlsx
            taken |= cells
            grid.merges.append((rlo, clo, r1, c1))
    grid.hidden_rows = {r for r, info in sheet.rowinfo_map.items() if info.hidden and r < height}
    grid.hidden_cols = {c for c, info in sheet.colinfo_map.items() if info.hidden and c < width}
    grid.uncached = {}
    return grid


def _value(cell: Any, datemode: int) -> str:
    import xlrd

    kind = cell.ctype
    if kind == xlrd.XL_CELL_DATE:
        try:
            value: Any = xlrd.xldate.xldate_as_datetime(cell.value, datemode)
        except (xlrd.xldate.XLDateError, OverflowError, ValueError):
            value = cell.value
        if isinstance(value, dt.datetime) and value.date() == dt.date(1899, 12, 31):
            value = value.time()  # a time of day with no date
        return text_of(value)
    if kind == xlrd.XL_CELL_BOOLEAN:
        return text_of(bool(cell.value))
    if kind == xlrd.XL_CELL_ERROR:
        return str(xlrd.error_text_from_code.get(cell.value, f"#ERR{cell.value}"))
    return text_of(cell.value)

"""Paragraph properties that place text in tables and lists, and a table
row's definition ([MS-DOC] 2.4.3 "Overview of Tables", 2.6.2 and 2.6.3).

A Word 97 table is paragraphs marked in-table (sprmPFInTable, and
sprmPItap for the nesting depth); a cell ends with a cell mark (0x07) —
in a nested table, with a paragraph mark marked sprmPFInnerTableCell —
and a row with a row mark carrying sprmPFTtp / sprmPFInnerTtp, whose
properties hold the row's definition: sprmTDefTable gives each cell's
right edge and its merges, as RTF's \\cellx does, so the row is handed to
the same builder as an RTF row (`rtf.state.RowDef`).
"""

from __future__ import annotations

import struct

import attrs

from ..rtf.state import RowDef
from .sprms import sprms

__all__ = ["Para", "para_props", "row_def"]

_IN_TABLE, _TTP, _ITAP = 0x2416, 0x2417, 0x6649
_INNER_CELL, _INNER_TTP = 0x244B, 0x244C
_ILVL, _ILFO = 0x260A, 0x460B
_DEF_TABLE, _HEADER, _VERT_MERGE = 0xD608, 0x3404, 0xD62B
_TC80 = 20
MAX_NESTING = 64  # Word nests tables 64 deep at most


@attrs.frozen
class Para:
    """What the walk needs of one paragraph's properties."""

    level: int = 0  # table depth: 0 in the body
    row_end: bool = False  # the paragraph is a row mark (sprmPFTtp / sprmPFInnerTtp)
    cell_end: bool = False  # a nested table's cell mark (sprmPFInnerTableCell)
    ilfo: int | None = None  # list format override, 1-based; 0 none; None: the style's
    ilvl: int | None = None


def list_props(grpprl: bytes) -> tuple[int | None, int | None]:
    """(ilfo, ilvl) a grpprl sets, None where it sets none (a style's)."""
    para = para_props(grpprl)
    return para.ilfo, para.ilvl


def para_props(grpprl: bytes) -> Para:
    """The table and list properties of a paragraph's grpprl."""
    in_table = ttp = inner_cell = inner_ttp = False
    itap = -1
    ilfo: int | None = None
    ilvl: int | None = None
    for op, arg in sprms(grpprl):
        if op == _IN_TABLE:
            in_table = bool(arg[0])
        elif op == _TTP:
            ttp = bool(arg[0])
        elif op == _ITAP:
            itap = struct.unpack_from("<i", arg)[0]
        elif op == _INNER_CELL:
            inner_cell = bool(arg[0])
        elif op == _INNER_TTP:
            inner_ttp = bool(arg[0])
        elif op == _ILFO:
            ilfo = struct.unpack_from("<h", arg)[0]
        elif op == _ILVL:
            ilvl = arg[0]
    level = itap if itap >= 0 else int(in_table)
    level = min(max(level, 0), MAX_NESTING)
    if level and not in_table and itap < 0:
        level = 0
    nested = level > 1
    return Para(
        level=level,
        row_end=(inner_ttp if nested else ttp) and level > 0,
        cell_end=nested and inner_cell,
        ilfo=None if ilfo is None else max(ilfo, 0),
        ilvl=None if ilvl is None else min(ilvl, 8),
    )


def row_def(grpprl: bytes) -> RowDef | None:
    """The row definition a row mark's properties carry (None: none)."""
    row: RowDef | None = None
    header = False
    merges: list[tuple[int, int]] = []
    for op, arg in sprms(grpprl):
        if op == _DEF_TABLE and arg:
            row = RowDef()
            n = arg[0]
            if 1 + 2 * (n + 1) > len(arg):
                n = max((len(arg) - 3) // 2, 0)
            edges = struct.unpack_from(f"<{n + 1}h", arg, 1) if n else ()
            if not edges:
                row.cells = []
                continue
            row.left = edges[0]
            tcs = 1 + 2 * (n + 1)
            for i in range(n):
                vmerge = hmerge = ""
                at = tcs + _TC80 * i
                if at + 2 <= len(arg):
                    flags = arg[at] | arg[at + 1] << 8
                    if flags & 0x0001:  # fFirstMerged
                        hmerge = "restart"
                    elif flags & 0x0002:  # fMerged
                        hmerge = "continue"
                    if flags & 0x0020:  # fVertMerge
                        vmerge = "restart" if flags & 0x0040 else "continue"
                row.cells.append((max(edges[i + 1], edges[0]), vmerge, hmerge))
        elif op == _HEADER and arg:
            header = bool(arg[0])
        elif op == _VERT_MERGE and len(arg) >= 2:
            merges.append((arg[0], arg[1]))
    if row is not None:
        row.header = header
        for itc, how in merges:  # sprmTVertMerge: 1 merged with the cell above, 3 first
            if itc < len(row.cells):
                right, _, hmerge = row.cells[itc]
                row.cells[itc] = (right, {1: "continue", 3: "restart"}.get(how, ""), hmerge)
    return row

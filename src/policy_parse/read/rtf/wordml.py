"""What the RTF walker hands on → the WordprocessingML body the .docx reader
walks.

An RTF document and a .docx say the same things (paragraphs, runs, tables
of rows of cells, merges, hidden runs), and a notice saved as .rtf must read
as it does saved as .docx.  So the builder writes the few elements the
.docx reader's walk looks at (w:p, w:r, w:t, w:vanish; w:tbl, w:tblGrid,
w:tr, w:tc, w:gridSpan, w:gridBefore, w:vMerge, w:hMerge, w:tblHeader),
and that walk does the rest: merged and nested cells, frames, hidden text as
residue, 分工表s pasted as paragraphs, the limits — one set of rules for
both formats, the rules LibreOffice's conversion used to reach.

RTF has no table grid: each row lists its cells' right edges (`\\cellxN`,
from the row's `\\trleftN`).  The grid is every edge of every row of the
table, sorted; a cell spans the grid columns between its left and right
edges, as LibreOffice lays the table out and writes its .docx.
"""

from __future__ import annotations

import bisect
import re

from lxml import etree

from ...errors import InputTooLargeError
from ..docx.wordml import VAL, W
from ..limits import Limits
from .state import HIDDEN, SHADED, WHITE, RowDef

__all__ = ["Builder"]

_P, _R, _T, _RPR, _VANISH = W + "p", W + "r", W + "t", W + "rPr", W + "vanish"
_COLOR, _SHD, _FILL = W + "color", W + "shd", W + "fill"
_PICT, _TXBX = W + "pict", W + "txbxContent"
_TBL, _GRID, _COL, _TR, _TC = W + "tbl", W + "tblGrid", W + "gridCol", W + "tr", W + "tc"
_TRPR, _TCPR = W + "trPr", W + "tcPr"
# Characters XML cannot hold (C0 controls but tab and line feed, lone
# surrogates, U+FFFE/FFFF): RTF can write them (\'01, \u2); each becomes
# U+FFFD, so that the text keeps its length and nothing vanishes.
_NOT_XML = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")


class _Table:
    __slots__ = ("rows", "tbl", "tc", "tr")

    def __init__(self, tbl: etree._Element) -> None:
        self.tbl = tbl
        self.tr: etree._Element | None = None
        self.tc: etree._Element | None = None
        # (w:tr, its row definition or None, its w:tc in order)
        self.rows: list[tuple[etree._Element, list[RowDef | None], list[etree._Element]]] = []


class Builder:
    """A `walker.Sink` building a w:body."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.body = etree.Element(W + "body")
        self.runs: list[tuple[list[str], int]] = []  # (text parts, look) of the open paragraph
        self.boxes: list[list[str]] = []  # the lines of text boxes anchored in it
        self.tables: list[_Table] = []  # open tables, outermost first
        self.body_paragraphs = 0
        self.residues: list[tuple[str, str, int]] = []  # (text, reason, body paragraph)

    # -- the walker's calls ---------------------------------------------------

    def text(self, text: str, look: int) -> None:
        if self.runs and self.runs[-1][1] == look:
            self.runs[-1][0].append(text)
        else:
            self.runs.append(([text], look))

    def end_paragraph(self, level: int) -> None:
        self.place(self.paragraph(), level)

    def end_cell(self, level: int) -> None:
        self.place(self.paragraph(), level)
        self.tables[level - 1].tc = None

    def end_row(self, level: int, row: RowDef | None) -> None:
        if self.runs or self.boxes:  # text after the last \cell of the row: a cell of its own
            self.end_cell(level)
        self.close_deeper(level)
        if len(self.tables) < level:
            return  # a row that had no cell
        table = self.tables[level - 1]
        if table.tr is None:
            return
        if row is not None:
            kept = RowDef()
            kept.left, kept.header, kept.cells = row.left, row.header, list(row.cells)
            kept.shaded = set(row.shaded)
            table.rows[-1][1][0] = kept
        table.tr = table.tc = None

    def text_box(self, lines: list[str]) -> None:
        self.boxes.append(lines)

    def residue(self, text: str, reason: str) -> None:
        self.residues.append((text, reason, self.body_paragraphs))

    def end_document(self, level: int) -> None:
        if self.runs or self.boxes:
            self.place(self.paragraph(), level)
        self.close_deeper(0)

    # -- building -------------------------------------------------------------

    def paragraph(self) -> etree._Element:
        p = etree.Element(_P)
        for parts, look in self.runs:
            r = etree.SubElement(p, _R)
            if look:
                rpr = etree.SubElement(r, _RPR)
                if look & HIDDEN:
                    etree.SubElement(rpr, _VANISH)
                if look & WHITE:
                    etree.SubElement(rpr, _COLOR).set(VAL, "FFFFFF")
                if look & SHADED:
                    etree.SubElement(rpr, _SHD).set(_FILL, "FFFF00")
            etree.SubElement(r, _T).text = _NOT_XML.sub("\ufffd", "".join(parts))
        for lines in self.boxes:  # w:pict/w:txbxContent: the .docx reader's text box
            box = etree.SubElement(etree.SubElement(etree.SubElement(p, _R), _PICT), _TXBX)
            for line in lines:
                run = etree.SubElement(etree.SubElement(box, _P), _R)
                etree.SubElement(run, _T).text = _NOT_XML.sub("\ufffd", line)
        self.runs, self.boxes = [], []
        return p

    def place(self, p: etree._Element, level: int) -> None:
        self.close_deeper(max(level, 0))
        if level <= 0:
            self.body.append(p)
            self.body_paragraphs += 1
        else:
            self.cell(level).append(p)

    def cell(self, level: int) -> etree._Element:
        """The open cell of the table at `level`, opening tables, a row and
        a cell where none is open."""
        while len(self.tables) < level:
            parent = self.cell(len(self.tables)) if self.tables else self.body
            self.tables.append(_Table(etree.SubElement(parent, _TBL)))
        table = self.tables[level - 1]
        if table.tr is None:
            table.tr = etree.SubElement(table.tbl, _TR)
            table.rows.append((table.tr, [None], []))
        if table.tc is None:
            table.tc = etree.SubElement(table.tr, _TC)
            table.rows[-1][2].append(table.tc)
        return table.tc

    def close_deeper(self, level: int) -> None:
        while len(self.tables) > level:
            _finish(self.tables.pop(), self.limits)


def _finish(table: _Table, limits: Limits) -> None:
    """Give a closed table its grid, and each row and cell its place in it."""
    edges: set[int] = set()
    for _, (row,), _ in table.rows:
        if row is not None and row.cells:
            edges.add(row.left)
            edges.update(right for right, _, _ in row.cells)
    grid = sorted(edges)
    width = max(len(grid) - 1, 0)
    if width > limits.max_grid_columns:
        raise InputTooLargeError(
            f"RTF table's rows put {len(grid)} distinct cell edges (\\cellx), over the "
            f"{limits.max_grid_columns}-column limit (Limits.max_grid_columns)"
        )
    widest = 0
    for tr, (row,), cells in table.rows:
        at = 0  # the grid column the next cell starts at
        if row is not None and row.cells and grid:
            at = bisect.bisect_left(grid, row.left)
            if at:
                _set(tr, _TRPR, "gridBefore", at)
        if row is not None and row.header:
            trpr = _child(tr, _TRPR, first=True)
            etree.SubElement(trpr, W + "tblHeader")
        defs = row.cells if row is not None else []
        for i, tc in enumerate(cells):
            span = 1
            if i < len(defs):
                right, vmerge, hmerge = defs[i]
                end = bisect.bisect_left(grid, right)
                span = max(end - at, 1)
                fill = i in row.shaded if row is not None else False
                tcpr = (
                    _child(tc, _TCPR, first=True)
                    if (vmerge or hmerge or span > 1 or fill)
                    else None
                )
                if tcpr is not None:
                    if fill:
                        etree.SubElement(tcpr, _SHD).set(_FILL, "FFFF00")
                    if span > 1:
                        etree.SubElement(tcpr, W + "gridSpan").set(VAL, str(span))
                    if vmerge:
                        _merge(tcpr, "vMerge", vmerge)
                    if hmerge:
                        _merge(tcpr, "hMerge", hmerge)
            at += span
        widest = max(widest, at)
    grid_el = etree.Element(_GRID)
    for _ in range(max(width, widest)):
        etree.SubElement(grid_el, _COL)
    table.tbl.insert(0, grid_el)


def _merge(tcpr: etree._Element, tag: str, how: str) -> None:
    el = etree.SubElement(tcpr, W + tag)
    if how == "restart":
        el.set(VAL, "restart")


def _child(parent: etree._Element, tag: str, *, first: bool = False) -> etree._Element:
    el = parent.find(tag)
    if el is None:
        el = etree.Element(tag)
        if first:
            parent.insert(0, el)
        else:
            parent.append(el)
    return el


def _set(tr: etree._Element, props: str, tag: str, n: int) -> None:
    etree.SubElement(_child(tr, props, first=True), W + tag).set(VAL, str(n))

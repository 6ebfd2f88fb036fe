"""PDF reader (pdfplumber): body lines joined into paragraphs, ruled tables
stitched across pages, page-number footers set aside as residue.

The reader runs in three steps, each a plain function over the previous
step's output so a debugger can stop between them (docs/pdf.md):

1. `read_page` — the only code that talks to pdfplumber: one page's
   characters and ruled tables as plain records; `page_to_layout` groups
   the de-duplicated characters into `_Line`s, in the body or in a cell.
2. `layouts_to_blocks` — body lines joined into paragraphs with margins
   inferred from the document's own lines; tables continued across pages
   (repeated header rows marked, rows split by a page break joined back);
   footers and 续表 markers moved to residue.
3. `read_pdf` — the public entry: checks, the worker process that bounds
   memory and time (`_pdfworker`), error translation.

Nothing here knows the sample: margins, column positions and line widths are
measured on the file being read.
"""

from __future__ import annotations

import io
import logging
import statistics
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any

import regex

from ..errors import (
    CorruptFileError,
    EmptyDocumentError,
    EncryptedDocumentError,
    InputTooLargeError,
    NoTextLayerError,
    PolicyParseError,
)
from ..models import Cell, Document, Paragraph, Residue, Row, Source, Span, Table
from ._pdfworker import run_bounded
from .limits import Limits

__all__ = ["parse_pdf", "read_pdf"]

# ---------------------------------------------------------------------------
# Character classes and patterns

# CJK ideographs, kana, CJK symbols and punctuation, full-width forms: between
# two of these a gap is layout (justification), never a word space.
_WIDE = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019]"
)
# Characters that may not begin a line (kinsoku): when one of them starts the
# next line, the character before it was carried over too.
_NO_LINE_START = set("，。、；：？！）》」』】〕〉’”…·%)]},.;:!?－—ー")
# Characters that may not end a line: they are carried to the next line
# together with the character after them.
_NO_LINE_END = set("（《「『【〔〈‘“([{")

_NEW_ITEM = regex.compile(
    r"""
    ^\s*(?:
        \d+(?:-\d+)*\s*[.．、](?!\d)     # 1.  36-1.  1、  (not 5.8亿)
      | [（(]\s*[一二三四五六七八九十百零\d]+\s*[）)]   # （一） （1）
      | [一二三四五六七八九十百]+\s*、    # 一、
      | 第[一二三四五六七八九十百\d]+[部章条节款项]   # 第一章
      | 附件                             # 附件 / 附件：
      | [•·●■◆▪\-–—]\s                 # bullets
    )
    """,
    regex.VERBOSE,
)

_PAGE_NUMBER = regex.compile(
    r"""
    ^\s*(?:
        [-—–－]?\s*\d{1,4}\s*[-—–－]?                 # 3   - 3 -   —3—
      | 第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?   # 第3页  第3页 共9页
      | \d{1,4}\s*/\s*\d{1,4}                        # 3/9
      | (?i:page)\s*\d{1,4}(?:\s*(?i:of)\s*\d{1,4})?  # Page 3 of 9
    )\s*$
    """,
    regex.VERBOSE,
)

# 续表 / 续表1 / （续表） / 续上表: the table above goes on.
_CONTINUED = regex.compile(r"^\s*[（(]?\s*续(?:上)?表\s*\d*\s*[）)]?\s*[:：]?\s*$")

_NUMBER_CELL = regex.compile(r"^\s*\d+(?:[-.．]\d+)*\s*$")
_TERMINAL = set("。！？；;!?")

# ---------------------------------------------------------------------------
# Step 1: pdfplumber → plain layout records


@dataclass
class _Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass
class _Line:
    page: int  # 1-based
    chars: list[_Char]
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0

    def __post_init__(self) -> None:
        cs = self.chars
        self.x0 = min(c.x0 for c in cs)
        self.x1 = max(c.x1 for c in cs)
        self.top = min(c.top for c in cs)
        self.bottom = max(c.bottom for c in cs)
        self.size = statistics.median(c.size for c in cs)
        self.text = _chars_to_text(cs)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (round(self.x0, 2), round(self.top, 2), round(self.x1, 2), round(self.bottom, 2))

    def first_unit_width(self) -> float:
        """Width of what could not be split from the line's start: the first
        character plus any kinsoku partner, or a whole Latin/digit word."""
        cs = [c for c in self.chars if c.text.strip()]
        if not cs:
            return 0.0
        if _is_narrow_word(cs[0].text):
            end = 0
            while (
                end + 1 < len(cs)
                and _is_narrow_word(cs[end + 1].text)
                and (cs[end + 1].x0 - cs[end].x1 < 0.2 * cs[end].size)
            ):
                end += 1
            return cs[end].x1 - cs[0].x0
        end = 0
        if cs[0].text in _NO_LINE_END and len(cs) > 1:
            end = 1
        while end + 1 < len(cs) and cs[end + 1].text in _NO_LINE_START:
            end += 1
        return cs[end].x1 - cs[0].x0


def _is_narrow_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "-_/.%&'")


def _is_wide(ch: str) -> bool:
    return bool(_WIDE.match(ch))


def _chars_to_text(chars: Sequence[_Char]) -> str:
    """Characters of one line in x order → text.  Space glyphs the PDF draws
    are kept; a space is *inserted* only for a visible gap between two narrow
    (Latin/digit) characters, never next to a CJK character — that is the
    spurious-space trap of pdfplumber's x_tolerance."""
    out: list[str] = []
    prev: _Char | None = None
    for c in chars:
        if prev is not None and c.text != " " and prev.text != " ":
            gap = c.x0 - prev.x1
            if gap > 0.25 * max(c.size, prev.size) and not (
                _is_wide(c.text[:1]) or _is_wide(prev.text[-1:])
            ):
                out.append(" ")
        if c.text == " " and out and out[-1] == " ":
            continue
        out.append(c.text)
        prev = c
    return "".join(out).strip()


def _group_lines(chars: Iterable[_Char], page: int) -> list[_Line]:
    """Cluster characters into lines by their vertical middle, then sort each
    line left to right.  A character joins a line when its middle lies within
    half a character height of the line's middle."""
    ordered = sorted(chars, key=lambda c: ((c.top + c.bottom) / 2, c.x0))
    groups: list[list[_Char]] = []
    mids: list[float] = []
    for c in ordered:
        mid = (c.top + c.bottom) / 2
        if groups and abs(mid - mids[-1]) <= 0.5 * max(c.size, 1.0):
            groups[-1].append(c)
            # running mean keeps a long line from drifting
            n = len(groups[-1])
            mids[-1] += (mid - mids[-1]) / n
        else:
            groups.append([c])
            mids.append(mid)
    lines = []
    for g in groups:
        g.sort(key=lambda c: c.x0)
        line = _Line(page=page, chars=g)
        if line.text:
            lines.append(line)
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return lines


@dataclass
class _GridCell:
    bbox: tuple[float, float, float, float] | None  # None: covered by a merge
    lines: list[_Line] = field(default_factory=list)
    merged_up: bool = False
    merged_left: bool = False


@dataclass
class _Grid:
    """One ruled table on one page (later: stitched over several pages)."""

    page: int
    bbox: tuple[float, float, float, float]
    col_x: list[float]  # left edge of each grid column
    rows: list[list[_GridCell]]
    row_pages: list[int]
    repeat: list[bool]
    pad_left: float = 0.0
    pad_right: float = 0.0


@dataclass
class _Layout:
    page: int
    width: float
    height: float
    lines: list[_Line]  # body lines: outside every table
    grids: list[_Grid]
    stray: list[_Line]  # text inside a table's frame but in none of its cells
    has_text: bool


def _is_white(color: Any) -> bool:
    """A colour that does not show on paper: white gray/RGB, or CMYK with no
    ink.  None and patterns count as visible (pdfminer's default is black)."""
    if isinstance(color, (int, float)):
        color = (color,)
    if not isinstance(color, (tuple, list)) or not color:
        return False
    if not all(isinstance(v, (int, float)) for v in color):
        return False
    if len(color) == 4:
        return all(v <= 0.05 for v in color)
    return all(v >= 0.95 for v in color)


def _table_settings(page: Any) -> dict[str, Any] | None:
    """Settings for pdfplumber's table finder that use only the rules a
    reader can see.  Word and Writer sometimes draw white or unstroked
    borders ("invisible ruling lines"): fed to the finder they split one cell
    into two rows.  None when fewer than two visible rules remain (no table)."""
    drawn = (*page.lines, *page.rects, *page.curves)
    rules = []
    for obj in drawn:
        stroked = obj.get("stroke", True) and not _is_white(obj.get("stroking_color"))
        filled = obj.get("fill", False) and not _is_white(obj.get("non_stroking_color"))
        if stroked or (filled and obj.get("object_type") == "rect"):
            rules.append(obj)
    if len(rules) < 2:
        return None
    if len(rules) == len(drawn):
        return {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
    return {
        "vertical_strategy": "explicit",
        "horizontal_strategy": "explicit",
        "explicit_vertical_lines": rules,
        "explicit_horizontal_lines": rules,
    }


def _inside(c: _Char, bbox: tuple[float, float, float, float]) -> bool:
    mx = (c.x0 + c.x1) / 2
    my = (c.top + c.bottom) / 2
    return bbox[0] <= mx <= bbox[2] and bbox[1] <= my <= bbox[3]


def _dedupe(chars: list[_Char], tol: float = 1.0) -> list[_Char]:
    """Drop a character drawn again over itself (fake bold: the same glyph
    twice, a fraction of a point apart).  pdfplumber's `dedupe_chars` does
    the same but sorts and clusters the whole page; hashing into `tol`-sized
    buckets is linear and was a third of the reader's time on the sample."""
    seen: dict[tuple[str, int, int], list[_Char]] = {}
    out: list[_Char] = []
    for c in chars:
        bx, by = int(c.x0 // tol), int(c.top // tol)
        dup = False
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for o in seen.get((c.text, bx + dx, by + dy), ()):
                    if (
                        abs(o.x0 - c.x0) <= tol
                        and abs(o.top - c.top) <= tol
                        and abs(o.size - c.size) <= 0.01
                    ):
                        dup = True
                        break
        if dup and c.text.strip():
            continue
        seen.setdefault((c.text, bx, by), []).append(c)
        out.append(c)
    return out


Box = tuple[float, float, float, float]


@dataclass
class _RawTable:
    bbox: Box
    cells: list[Box]
    rows: list[list[Box | None]]  # pdfplumber's grid: None where a merge covers


@dataclass
class _RawPage:
    number: int
    width: float
    height: float
    chars: list[_Char]
    tables: list[_RawTable]


def _box(b: Sequence[Any]) -> Box:
    return (float(b[0]), float(b[1]), float(b[2]), float(b[3]))


def read_page(page: Any, number: int) -> _RawPage:
    """The only code that touches a pdfplumber page: its characters and its
    ruled tables as plain records.  Everything after this is our own logic,
    so a failure here is the file's fault and one later is ours."""
    chars = [
        _Char(
            text=ch["text"],
            x0=float(ch["x0"]),
            x1=float(ch["x1"]),
            top=float(ch["top"]),
            bottom=float(ch["bottom"]),
            size=float(ch.get("size") or (ch["bottom"] - ch["top"]) or 1.0),
        )
        for ch in page.chars
        if ch["text"]
    ]
    tables: list[_RawTable] = []
    settings = _table_settings(page) if any(c.text.strip() for c in chars) else None
    if settings is not None:
        for t in page.find_tables(settings):
            tables.append(
                _RawTable(
                    bbox=_box(t.bbox),
                    cells=[_box(b) for b in t.cells],
                    rows=[[_box(b) if b is not None else None for b in r.cells] for r in t.rows],
                )
            )
    return _RawPage(
        number=number,
        width=float(page.width),
        height=float(page.height),
        chars=chars,
        tables=tables,
    )


def page_to_layout(raw: _RawPage) -> _Layout:
    """One page's characters → de-duplicated lines, in tables or in the body."""
    number = raw.number
    chars = _dedupe(raw.chars)
    has_text = any(c.text.strip() for c in chars)
    grids: list[_Grid] = []
    for table in raw.tables:
        grid = _table_to_grid(table, number)
        if grid is not None:
            grids.append(grid)
    stray: list[_Char] = []
    remaining = chars
    for grid in grids:
        cells = [(cell, cell.bbox) for row in grid.rows for cell in row if cell.bbox]
        rest: list[_Char] = []
        per_cell: dict[int, list[_Char]] = {}
        for c in remaining:
            if not _inside(c, grid.bbox):
                rest.append(c)
                continue
            for k, (_, bbox) in enumerate(cells):
                if _inside(c, bbox):
                    per_cell.setdefault(k, []).append(c)
                    break
            else:
                stray.append(c)
        for k, (cell, _) in enumerate(cells):
            cell.lines = _group_lines(per_cell.get(k, ()), number)
        _measure_padding(grid)
        remaining = rest
    return _Layout(
        page=number,
        width=raw.width,
        height=raw.height,
        lines=_group_lines(remaining, number),
        grids=grids,
        stray=_group_lines(stray, number),
        has_text=has_text,
    )


def _table_to_grid(table: _RawTable, page: int) -> _Grid | None:
    rows = table.rows
    if not rows:
        return None
    ncols = len(rows[0])
    if ncols < 2:
        # A framed box (a note, a stamp) is prose, not a table.  A single row
        # of several columns is kept: a table's header drawn at a page foot.
        return None
    boxes = table.cells
    tops = sorted({b[1] for b in boxes})
    col_x = sorted({b[0] for b in boxes})
    grid_rows: list[list[_GridCell]] = []
    for r, row in enumerate(rows):
        out: list[_GridCell] = []
        for c, bbox in enumerate(row):
            if bbox is not None:
                out.append(_GridCell(bbox=bbox))
                continue
            # pdfplumber gives None where a merged region covers the slot:
            # find the region; from above → vertical merge, from the left →
            # horizontal (a 2×2 region's lower-right slot counts as vertical).
            x, y = col_x[c] + 0.5, tops[r] + 0.5
            owner = next((b for b in boxes if b[0] <= x <= b[2] and b[1] <= y <= b[3]), None)
            cell = _GridCell(bbox=None)
            if owner is not None and owner[1] < tops[r] - 0.1:
                cell.merged_up = True
            elif owner is not None:
                cell.merged_left = True
            out.append(cell)
        grid_rows.append(out)
    return _Grid(
        page=page,
        bbox=table.bbox,
        col_x=col_x,
        rows=grid_rows,
        row_pages=[page] * len(grid_rows),
        repeat=[False] * len(grid_rows),
    )


def _measure_padding(grid: _Grid) -> None:
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


# ---------------------------------------------------------------------------
# Step 2: layouts → blocks


def _ends_in_punctuation(line: _Line) -> bool:
    last = line.text[-1:]
    return bool(last) and (last in _NO_LINE_START or last in _NO_LINE_END or not last.isalnum())


def _join_texts(a: str, b: str) -> str:
    """Glue a wrapped line to the next.  CJK text wraps anywhere, even inside
    a Latin word (清数D-L | AB in the sample family), so no space is added;
    in mostly-Latin text a wrap falls between words and one space is."""
    if a and b and _is_narrow_word(a[-1]) and a[-1] != "-" and _is_narrow_word(b[0]):
        tail = a[-40:]
        if sum(1 for ch in tail if _is_wide(ch)) < len(tail) / 2:
            return a + " " + b
    return a + b


def _wraps_into(line: _Line, free: float, nxt: _Line) -> bool:
    """The line break after `line` is a wrap (not one the writer typed) when
    the room left on the line is smaller than the first unbreakable piece of
    the next line: had it fit, the layout engine would have put it there."""
    slack = 0.3 * line.size
    return free < nxt.first_unit_width() + slack


def _cluster_edge(values: Sequence[float], *, low: bool, tol: float) -> tuple[float, int]:
    """The margin: the outermost value that at least two lines share (within
    `tol`), so one stray line cannot move it, with the number of lines that
    share it; the outermost value and 1 when no two lines agree."""
    if not values:
        return 0.0, 0
    ordered = sorted(values, reverse=not low)
    for v in ordered:
        n = sum(1 for w in values if abs(w - v) <= tol)
        if n >= 2:
            return v, n
    return ordered[0], 1


@dataclass
class _Margins:
    left: float
    right: float
    pitch: float  # median distance between consecutive line tops


def _margins(layouts: Sequence[_Layout]) -> dict[tuple[int, int], _Margins]:
    """Left and right text edges per page geometry (portrait and landscape
    sections differ), measured on all body lines of pages of that size."""
    groups: dict[tuple[int, int], list[_Line]] = {}
    pitches: dict[tuple[int, int], list[float]] = {}
    for lay in layouts:
        key = (round(lay.width), round(lay.height))
        groups.setdefault(key, []).extend(lay.lines)
        ps = pitches.setdefault(key, [])
        for a, b in zip(lay.lines, lay.lines[1:]):
            if b.top > a.top:
                ps.append(b.top - a.top)
    out = {}
    for key, lines in groups.items():
        if not lines:
            out[key] = _Margins(0.0, float(key[0]), 0.0)
            continue
        size = statistics.median(ln.size for ln in lines)
        left, _ = _cluster_edge([ln.x0 for ln in lines], low=True, tol=0.25 * size)
        # Punctuation may hang past the right margin (Writer and Word both
        # allow it), so only lines ending in a letter vote for the margin.
        right, votes = _cluster_edge(
            [ln.x1 for ln in lines if not _ends_in_punctuation(ln)] or [ln.x1 for ln in lines],
            low=False,
            tol=0.25 * size,
        )
        if votes < 3:
            # Too few full lines to tell (a one-page letter, a page of short
            # lines): assume margins roughly symmetric, as both Word's default
            # and GB/T 9704 (28 mm | 26 mm) have them.
            right = max(right, key[0] - left - 0.05 * key[0])
        out[key] = _Margins(
            left=left,
            right=right,
            pitch=statistics.median(pitches[key]) if pitches[key] else 0.0,
        )
    return out


def _split_furniture(lay: _Layout) -> tuple[list[_Line], list[Residue], bool]:
    """Take page-number footers/headers and 续表 markers out of the body lines.
    Returns the remaining lines, the residue and whether a 续表 marker was seen."""
    residue: list[Residue] = []
    lines = list(lay.lines)
    continued = False
    keep: list[_Line] = []
    for ln in lines:
        if _PAGE_NUMBER.match(ln.text):
            above = [o.bottom for o in lines if o is not ln] + [g.bbox[3] for g in lay.grids]
            below = [o.top for o in lines if o is not ln] + [g.bbox[1] for g in lay.grids]
            if all(ln.bottom <= t + 0.1 for t in below) or all(ln.top >= b - 0.1 for b in above):
                residue.append(
                    Residue(
                        text=ln.text,
                        reason="page number (header/footer)",
                        span=Span(page=ln.page, bbox=ln.bbox),
                    )
                )
                continue
        if _CONTINUED.match(ln.text):
            continued = True
            residue.append(
                Residue(
                    text=ln.text,
                    reason="table continuation marker (续表)",
                    span=Span(page=ln.page, bbox=ln.bbox),
                )
            )
            continue
        keep.append(ln)
    return keep, residue, continued


def _same_columns(a: _Grid, b: _Grid, tol: float) -> bool:
    if len(a.col_x) != len(b.col_x):
        return False
    if len(a.rows[0]) != len(b.rows[0]):
        return False
    wa = [x - a.col_x[0] for x in a.col_x] + [a.bbox[2] - a.col_x[0]]
    wb = [x - b.col_x[0] for x in b.col_x] + [b.bbox[2] - b.col_x[0]]
    return abs(a.col_x[0] - b.col_x[0]) <= tol and all(abs(x - y) <= tol for x, y in zip(wa, wb))


def _cell_key(cell: _GridCell) -> str | None:
    if cell.bbox is None:
        return None
    return "".join(ln.text for ln in cell.lines).replace(" ", "")


def _row_key(row: list[_GridCell]) -> tuple[str | None, ...]:
    return tuple(_cell_key(c) for c in row)


def _number_column(grid: _Grid) -> int | None:
    """The column holding measure numbers: the one whose filled body cells
    are mostly bare numbers (1, 36, 3.1).  Found by content, not position."""
    best, best_n = None, 0
    ncols = len(grid.rows[0])
    for c in range(ncols):
        filled = [k for row in grid.rows if (k := _cell_key(row[c]))]
        n = sum(1 for k in filled if _NUMBER_CELL.match(k))
        if filled and n >= max(2, len(filled) // 2) and n > best_n:
            best, best_n = c, n
    return best


def _owner(grid: _Grid, col: int) -> _GridCell | None:
    """The cell whose text shows in `col` of the last row: follow vertical
    merges up and horizontal ones left to the region's own cell."""
    r, c = len(grid.rows) - 1, col
    while r >= 0 and c >= 0:
        cell = grid.rows[r][c]
        if cell.bbox is not None:
            return cell
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


def _stitch_break(into: _Grid, first: list[_GridCell]) -> bool:
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
    numbered = bool(_cell_key(first[num])) if num is not None else bool(_cell_key(first[0]))
    owners = [_owner(into, c) for c in range(len(first))]
    brings = [c for c, cell in enumerate(first) if _cell_key(cell)]

    def continues(c: int) -> bool:
        o = owners[c]
        return o is not None and _unfinished(_cell_key(o) or "")

    if not brings:
        return False
    if not numbered and all(continues(c) for c in brings):
        for c in brings:
            owner = owners[c]
            assert owner is not None
            owner.lines.extend(first[c].lines)
        return True
    for c in brings:
        o = owners[c]
        if o is not None and continues(c) and _is_prose(_cell_key(o) or ""):
            o.lines.extend(first[c].lines)
            first[c].lines = []
            if first[c].bbox is not None:
                first[c].bbox = None
                first[c].merged_up = True
    return False


def _append_grid(into: _Grid, new: _Grid) -> None:
    """Continue `into` with the rows of `new` (the same table on the next page)."""
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
    into.rows.extend(new.rows)
    into.repeat.extend(new.repeat)
    into.row_pages.extend(new.row_pages)


def _cell_text(cell: _GridCell, width: float) -> str:
    """A cell's lines joined: wraps glued, typed line breaks kept as "\\n"."""
    parts: list[str] = []
    lines = cell.lines
    for i, ln in enumerate(lines):
        if i and _wraps_into(lines[i - 1], width - (lines[i - 1].x1 - lines[i - 1].x0), ln):
            parts[-1] = _join_texts(parts[-1], ln.text)
        else:
            parts.append(ln.text)
    return "\n".join(parts)


def _grid_to_table(grid: _Grid, first_page: int) -> Table:
    rows: list[Row] = []
    for r, row in enumerate(grid.rows):
        cells: list[Cell] = []
        page = grid.row_pages[r]
        for cell in row:
            if cell.bbox is None:
                cells.append(
                    Cell(
                        text="",
                        span=Span(page=page),
                        merged_up=cell.merged_up,
                        merged_left=cell.merged_left and not cell.merged_up,
                    )
                )
                continue
            inner = cell.bbox[2] - cell.bbox[0] - grid.pad_left - grid.pad_right
            pages = sorted({ln.page for ln in cell.lines}) or [page]
            cells.append(
                Cell(
                    text=_cell_text(cell, inner),
                    span=Span(
                        page=pages[0],
                        end_page=pages[-1] if pages[-1] != pages[0] else None,
                        bbox=tuple(round(v, 2) for v in cell.bbox),  # type: ignore[arg-type]
                    ),
                )
            )
        boxes = [c.bbox for c in row if c.bbox is not None]
        rbbox = (
            (
                round(min(b[0] for b in boxes), 2),
                round(min(b[1] for b in boxes), 2),
                round(max(b[2] for b in boxes), 2),
                round(max(b[3] for b in boxes), 2),
            )
            if boxes
            else None
        )
        rows.append(
            Row(cells=tuple(cells), span=Span(page=page, bbox=rbbox), repeat_header=grid.repeat[r])
        )
    last_page = max(grid.row_pages)
    return Table(
        rows=tuple(rows),
        span=Span(
            page=first_page,
            end_page=last_page if last_page != first_page else None,
            bbox=tuple(round(v, 2) for v in grid.bbox),  # type: ignore[arg-type]
        ),
    )


@dataclass
class _Para:
    lines: list[_Line]
    text: str


def layouts_to_blocks(
    layouts: Sequence[_Layout],
) -> tuple[list[Paragraph | Table], list[Residue]]:
    """Body lines → paragraphs, page grids → stitched tables, in reading order."""
    margins = _margins(layouts)
    residue: list[Residue] = []
    # Reading order on each page: tables and lines by their top edge.
    items: list[tuple[str, Any, _Layout, bool]] = []  # kind, obj, layout, continued-marker
    for lay in layouts:
        lines, res, continued = _split_furniture(lay)
        residue.extend(res)
        for s in lay.stray:
            residue.append(
                Residue(
                    text=s.text,
                    reason="text inside a table frame but outside its cells",
                    span=Span(page=s.page, bbox=s.bbox),
                )
            )
        seq: list[tuple[float, str, Any]] = [(ln.top, "line", ln) for ln in lines]
        seq += [(g.bbox[1], "grid", g) for g in lay.grids]
        seq.sort(key=lambda t: (t[0], t[1] == "line"))
        for _, kind, obj in seq:
            items.append((kind, obj, lay, continued))

    blocks: list[Any] = []  # _Para | (_Grid, first_page)
    prev_item: tuple[str, Any, _Layout] | None = None
    for kind, obj, lay, continued in items:
        m = margins[(round(lay.width), round(lay.height))]
        if kind == "grid":
            grid: _Grid = obj
            if (
                blocks
                and isinstance(blocks[-1], tuple)
                and prev_item is not None
                and prev_item[0] == "grid"
                and prev_item[2].page == lay.page - 1
                and grid is lay.grids[0]
            ):
                into: _Grid = blocks[-1][0]
                tol = max(2.0, 0.01 * lay.width)
                if _same_columns(into, grid, tol) or (
                    continued and len(into.rows[0]) == len(grid.rows[0])
                ):
                    _append_grid(into, grid)
                    prev_item = (kind, grid, lay)
                    continue
            blocks.append((grid, lay.page))
            prev_item = (kind, grid, lay)
            continue
        line: _Line = obj
        if (
            blocks
            and isinstance(blocks[-1], _Para)
            and prev_item is not None
            and prev_item[0] == "line"
        ):
            prev_line: _Line = prev_item[1]
            prev_lay: _Layout = prev_item[2]
            pm = margins[(round(prev_lay.width), round(prev_lay.height))]
            if _continues_paragraph(prev_line, pm, line, m, same_page=prev_lay is lay):
                para: _Para = blocks[-1]
                para.lines.append(line)
                para.text = _join_texts(para.text, line.text)
                prev_item = (kind, line, lay)
                continue
        blocks.append(_Para(lines=[line], text=line.text))
        prev_item = (kind, line, lay)

    out: list[Paragraph | Table] = []
    for b in blocks:
        if isinstance(b, _Para):
            span = Span(page=b.lines[0].page, bbox=b.lines[0].bbox)
            for ln in b.lines[1:]:
                span = span.cover(Span(page=ln.page, bbox=ln.bbox))
            out.append(Paragraph(text=b.text, span=span))
        else:
            out.append(_grid_to_table(b[0], b[1]))
    return out, residue


def _continues_paragraph(
    prev: _Line, pm: _Margins, line: _Line, m: _Margins, *, same_page: bool
) -> bool:
    """Join `line` to the paragraph ending with `prev` when `prev` runs to the
    right margin (the next piece would not have fit), `line` starts at the
    left margin (no indent; or both centred, see below), does not open a new numbered item,
    is set in the same type size and, on the same page, follows at the usual
    line pitch (a wider gap is paragraph spacing)."""
    if abs(prev.size - line.size) > 0.15 * prev.size:
        return False
    if _NEW_ITEM.match(line.text):
        return False
    if same_page and pm.pitch and line.top - prev.top > 1.35 * pm.pitch:
        return False
    if line.x0 <= m.left + 0.5 * line.size:
        return _wraps_into(prev, pm.right - prev.x1, line)
    # An indented line opens a paragraph — unless both lines are centred and
    # the first is full: a long centred title the layout engine wrapped (a
    # title the writer broke by hand has a short first line).
    axis = (m.left + m.right) / 2
    centred = all(abs((ln.x0 + ln.x1) / 2 - axis) <= 0.5 * ln.size for ln in (prev, line))
    free = (pm.right - pm.left) - (prev.x1 - prev.x0)
    return same_page and centred and _wraps_into(prev, free, line)


# ---------------------------------------------------------------------------
# Step 3: the entry point


def _cause(exc: BaseException) -> BaseException:
    """pdfplumber wraps pdfminer's errors as PdfminerException(original)."""
    if exc.args and isinstance(exc.args[0], BaseException):
        return exc.args[0]
    return exc


@contextmanager
def _translated(what: str) -> Iterator[None]:
    """Turn pdfminer/pdfplumber failures into PolicyParseErrors, keeping the
    original as __cause__."""
    try:
        yield
    except PolicyParseError:
        raise
    except MemoryError:
        raise
    except RecursionError as exc:
        raise CorruptFileError(
            f"{what}: its object structure is nested too deeply or loops; the file is damaged"
        ) from exc
    except Exception as exc:
        inner = _cause(exc)
        if isinstance(inner, MemoryError):
            # pdfplumber wraps even this: the worker turns it into
            # InputTooLargeError with the budget in the message.
            raise MemoryError(str(inner)) from exc  # noqa: TRY004
        name = type(inner).__name__
        if name in ("PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning"):
            raise EncryptedDocumentError(
                f"{what} is encrypted and the password is missing or wrong: "
                "pass password=... (CLI: --password)"
            ) from exc
        raise CorruptFileError(
            f"{what} is damaged and cannot be read ({name}: {inner}); re-download or re-export it"
        ) from exc


class _Warnings(logging.Handler):
    """Collects what pdfminer/pdfplumber log while reading a damaged file, so
    it becomes residue (text may be missing there) instead of stderr noise."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.messages) < 1000:
            self.messages.append(record.getMessage())


@contextmanager
def _collect_warnings() -> Iterator[_Warnings]:
    handler = _Warnings()
    loggers = [logging.getLogger(name) for name in ("pdfminer", "pdfplumber")]
    saved = [(lg.propagate, lg.level) for lg in loggers]
    for lg in loggers:
        lg.addHandler(handler)
        lg.propagate = False
        lg.setLevel(logging.WARNING)
    try:
        yield handler
    finally:
        for lg, (propagate, level) in zip(loggers, saved):
            lg.removeHandler(handler)
            lg.propagate = propagate
            lg.setLevel(level)


def _damage(messages: list[str], page: int | None) -> Residue:
    more = f" (and {len(messages) - 1} more)" if len(messages) > 1 else ""
    where = f"page {page}" if page else "the file's structure"
    return Residue(
        text="",
        reason=f"damaged PDF content in {where}, text may be missing: {messages[0][:200]}{more}",
        span=Span(page=page),
    )


def parse_pdf(data: bytes, source: Source, limits: Limits, password: str | None) -> Document:
    """Parse in the current process (the worker calls this)."""
    with _collect_warnings() as warned:
        return _parse_pdf(data, source, limits, password, warned)


def _parse_pdf(
    data: bytes, source: Source, limits: Limits, password: str | None, warned: _Warnings
) -> Document:
    import pdfplumber

    what = source.path or "the PDF"
    damage: list[Residue] = []
    with _translated(what):
        pdf = pdfplumber.open(io.BytesIO(data), password=password or "")
    try:
        with _translated(what):
            pages = pdf.pages
        if len(pages) > limits.max_pages:
            raise InputTooLargeError(
                f"{what} has {len(pages)} pages, over the {limits.max_pages}-page limit "
                "(Limits.max_pages)"
            )
        if warned.messages:
            damage.append(_damage(warned.messages, None))
        layouts = []
        for i, page in enumerate(pages, start=1):
            seen = len(warned.messages)
            with _translated(f"{what}, page {i}"):
                raw = read_page(page, i)
                page.close()
            layouts.append(page_to_layout(raw))
            if len(warned.messages) > seen:
                damage.append(_damage(warned.messages[seen:], i))
    finally:
        # Closing walks the page list again; on a file that failed above it
        # fails the same way, and the first error is the one to report.
        with suppress(Exception):
            pdf.close()
    if not layouts:
        raise CorruptFileError(f"{what} has no pages")
    if not any(lay.has_text for lay in layouts):
        raise NoTextLayerError(
            f"{what} has no text layer (scanned or image-only pages): run OCR on it first; "
            "OCR is out of scope for policy_parse"
        )
    blocks, residue = layouts_to_blocks(layouts)
    if not blocks and not residue:
        raise EmptyDocumentError(f"{what} holds no text")
    return Document(source=source, blocks=tuple(blocks), residue=tuple(residue + damage))


def _looks_truncated(data: bytes) -> bool:
    # A complete file ends with %%EOF (perhaps followed by a little junk);
    # pdfminer would otherwise rebuild a cut-off file silently, minus the text
    # that was cut off.
    return b"%%EOF" not in data[-2048:]


def read_pdf(
    data: bytes, source: Source, limits: Limits, *, password: str | None = None
) -> Document:
    """Read a PDF notice into a `Document`, in a worker bounded by `limits`."""
    what = source.path or "the PDF"
    if _looks_truncated(data):
        raise CorruptFileError(
            f"{what} is truncated (no %%EOF at its end): the download or copy was cut off"
        )
    # Imported here, before the fork, so every worker inherits the module
    # instead of importing it again (a long-running caller reads many files).
    import pdfplumber  # noqa: F401

    return run_bounded(
        parse_pdf,
        data,
        source,
        limits,
        password,
        memory_bytes=limits.pdf_memory_bytes,
        seconds=limits.pdf_seconds,
        what=what,
    )

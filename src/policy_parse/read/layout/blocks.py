"""Page layouts → the document's blocks in reading order: paragraphs joined
across lines and pages, tables stitched across pages, furniture as residue."""

from __future__ import annotations

import functools
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ... import data
from ..._support.lazy_regex import lazy_compile
from ...models import Cell, Paragraph, Residue, Row, Span, Table
from ..text.paragraphs import tables_in_paragraphs
from .furniture import split_furniture
from .inferred import GRID_REASON, GridRuns, Settler
from .lines import Line, join_texts, wraps_into
from .paragraphs import Margins, MarginTally, continues_paragraph
from .stitch import append_grid, same_columns
from .tables import Grid, GridCell, Layout

__all__ = ["BlockBuilder", "layouts_to_blocks", "names_at_break"]


def _cell_text(cell: GridCell, width: float) -> str:
    """A cell's lines joined: wraps glued, typed line breaks kept as "\\n".
    A full line followed by another may be either; it is kept apart when
    both sides read as units (`_units_apart`): two names, one a line."""
    lines = cell.lines
    if len(lines) < 2:  # most cells: nothing to join
        return lines[0].text.strip() if lines else ""
    parts: list[str] = []
    prev: Line | None = None
    for ln in lines:
        text = ln.text.strip()  # a row of cells' white (lines._text_loop) in a cell
        if (
            prev is not None
            and wraps_into(prev, width - (prev.x1 - prev.x0), ln)
            and not _units_apart(parts[-1], text)
        ):
            parts[-1] = join_texts(parts[-1], text)
        else:
            parts.append(text)
        prev = ln
    return "\n".join(parts)


# Between two units of one list (segment.grammar.UNIT_SEPARATORS, which the
# reader may not import), and whitespace.
_SEPARATOR = lazy_compile(r"[、，,；;／/\s]")


@functools.cache
def _wrap_words() -> tuple[
    tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], int, int
]:
    units = data.load("units")
    wrap, look = units["wrap"], units["look"]
    return (
        tuple(units["endings"]),
        tuple(wrap["no_end"]),
        tuple(wrap["branches"]),
        tuple(look["not_in"]),
        wrap["min_chars"],
        look["max_chars"],
    )


@functools.lru_cache(maxsize=4096)
def _is_unit(name: str) -> bool:
    """`name` reads as one unit (data/units.toml [wrap], [look]): kept per
    name, since a table's units cells name the same few units row after row."""
    endings, _, _, not_in, min_chars, max_chars = _wrap_words()
    return (
        min_chars <= len(name) <= max_chars
        and name.endswith(endings)
        and not any(word in name for word in not_in)
    )


def _units_apart(before: str, after: str) -> bool:
    """The break between `before` (a cell's text so far) and `after` (its next
    line) is one the clerk typed between two names, not a wrap inside one:
    the last item before it and the first after it each read as a unit
    (data/units.toml [wrap]).  区财政局 / 区税务局: yes; 区人力资源和社会 /
    保障局, 区市场监督管理局 / 城东分局, 各县(区)政 / 府: no."""
    endings, no_end, branches, _, _, _ = _wrap_words()
    if not before.endswith(endings):
        # Its last item ends as it does, so it is no unit: most breaks, in
        # a prose cell, are told apart here without cutting either side.
        return False
    head = _SEPARATOR.split(before)[-1]
    tail = _SEPARATOR.split(after, maxsplit=1)[0]
    if not head:  # `before` ends with a separator: nothing there to be a unit
        return False
    # A branch is written after its parent without the level both start with
    # (区市场监督管理局 / 城东分局); 区综合行政执法局 / 区消防救援大队 are two.
    branch = tail.endswith(branches) and tail[0] != head[0]
    return _is_unit(head) and _is_unit(tail) and not head.endswith(no_end) and not branch


# Where a name starts or ends in a paragraph's list: a separator, a label's
# colon, a sentence end, a bracket, a space (as segment.wrapping reads them).
_ITEM_EDGE = lazy_compile(r"[、，,；;：:。（(）)\s]")


def names_at_break(before: str, after: str) -> tuple[str, str] | None:
    """The two names that meet at a wrap that may fall on the space between
    them in a list (`…责任单位：区科技局` / `区统计局 区财政局`; glued, they would
    read as one unit), or None.  A paragraph keeps such a wrap as a line
    break, for the segmenter to read as the space it was and say so
    (segment.wrapping.units_apart); a units cell of a table copied as text
    keeps it too (read/text/grid.py).  The names read as units
    (`_units_apart`), and each starts with a level of government
    (data/units.toml `suffix_heads`) or has a space on its far side (or a
    label's colon, before the first)."""
    edges = list(_ITEM_EDGE.finditer(before))
    head = before[edges[-1].end() :] if edges else before
    end = _ITEM_EDGE.search(after)
    tail = after[: end.start()] if end else after
    if not head or not tail or not _units_apart(head, tail):
        return None
    levels = data.load("units")["suffix_heads"]
    if (head[0] in levels or (bool(edges) and edges[-1][0] in "：: \u3000")) and (
        tail[0] in levels or (end is not None and end[0].isspace())
    ):
        return head, tail
    return None


class _Rounded:
    """A table's coordinates rounded to 2 places, each value one shared float:
    the cells of a column share their x, those of a row their y, so a long
    table's boxes cost a tuple each, not four new floats.  Only floats other
    than zero are shared: -0.0 and 0.0 (or 12 and 12.0) are equal as keys
    but print apart.  Each float met is rounded once (`round(v, 2)` formats
    the number in decimal, some thirty times a dict look-up): the same grid
    line bounds every cell of its column or row."""

    __slots__ = ("_raw", "_seen")

    def __init__(self) -> None:
        self._seen: dict[float, float] = {}
        self._raw: dict[float, float] = {}  # a float other than zero → its rounding

    def __call__(self, v: float) -> float:
        if type(v) is float and v:
            r = self._raw.get(v)
            if r is None:
                r = round(v, 2)
                r = self._raw[v] = self._seen.setdefault(r, r) if r else r
            return r
        r = round(v, 2)
        return self._seen.setdefault(r, r) if r and type(r) is float else r

    def box(self, values: Iterable[float]) -> tuple[float, ...]:
        """Every value of a box, as `__call__` rounds each (written out: a
        table's every cell comes here)."""
        raw, seen = self._raw, self._seen
        out = []
        for v in values:
            if type(v) is float and v:
                r = raw.get(v)
                if r is None:
                    r = round(v, 2)
                    r = raw[v] = seen.setdefault(r, r) if r else r
            else:
                r = round(v, 2)
                if r and type(r) is float:
                    r = seen.setdefault(r, r)
            out.append(r)
        return tuple(out)


def _grid_to_table(grid: Grid, first_page: int) -> Table:
    rows: list[Row] = []
    rnd = _Rounded()
    for r, row in enumerate(grid.rows):
        cells: list[Cell] = []
        page = grid.row_pages[r]
        covered: Span | None = None  # one for the row's merged slots (spans are frozen)
        for cell in row:
            if cell.bbox is None:
                covered = covered or Span(page=page)
                cells.append(
                    Cell(
                        text="",
                        span=covered,
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
                        bbox=rnd.box(cell.bbox),  # type: ignore[arg-type]
                    ),
                )
            )
        boxes = [c.bbox for c in row if c.bbox is not None]
        rbbox = (
            (
                rnd(min(b[0] for b in boxes)),
                rnd(min(b[1] for b in boxes)),
                rnd(max(b[2] for b in boxes)),
                rnd(max(b[3] for b in boxes)),
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


@dataclass(slots=True)
class _Para:
    """A paragraph being joined: its span's page, end page and box as
    `Span.cover` would fold its lines' spans, without a `Span` per line."""

    page: int | None
    end_page: int | None
    bbox: tuple[float, ...]
    text: str

    def cover(self, page: int | None, bbox: tuple[float, ...]) -> None:
        """`Span.cover` of this span and a line's (page, box)."""
        mine = self.bbox
        if mine and bbox and self.page == page:
            self.bbox = (
                min(mine[0], bbox[0]),
                min(mine[1], bbox[1]),
                max(mine[2], bbox[2]),
                max(mine[3], bbox[3]),
            )
        last = self.end_page or self.page
        self.end_page = page if last is None else last if page is None else max(last, page)
        self.page = (
            page if self.page is None else self.page if page is None else min(self.page, page)
        )


# A body line waiting for the margins: the line, its page's geometry (the
# key of `margins`) and the serial number of its page.
_Waiting = tuple[Line, tuple[int, int], int]

_FIGURES = 6  # x0, x1, top, bottom, size, first_unit
_PLACES = 3  # page, geometry, serial
_NO_FIGURES = (0.0,) * _FIGURES
_FLOAT = {float}


class _Run:
    """Body lines in a row, waiting until every page is in (the margins that
    join them are voted on the whole document): each line's text, its six
    figures in one array of doubles and its page, page geometry and page
    serial in one array of integers, not a `Line` and its float objects
    (about a fifth of the memory).  `waiting()` gives the lines back, equal
    to those put in, one at a time.  A line whose figures are not all
    floats (none is met today) is kept as it came, so nothing is
    converted."""

    __slots__ = ("_figures", "_kept", "_places", "_texts")

    def __init__(self) -> None:
        self._texts: list[str] = []
        self._figures = array("d")
        self._places = array("q")
        self._kept: dict[int, Line] = {}

    def add(self, line: Line, geometry: int, serial: int) -> None:
        figures: tuple[float, ...] = (
            line.x0,
            line.x1,
            line.top,
            line.bottom,
            line.size,
            line.first_unit,
        )
        page = line.page
        if type(page) is not int or set(map(type, figures)) != _FLOAT:
            self._kept[len(self._texts)] = line
            figures, page = _NO_FIGURES, 0
        self._texts.append(line.text)
        self._figures.extend(figures)
        self._places.extend((page, geometry, serial))

    def waiting(self, geometries: list[tuple[int, int]]) -> Iterator[_Waiting]:
        f, p, kept = self._figures, self._places, self._kept
        for i, text in enumerate(self._texts):
            a, b = _FIGURES * i, _PLACES * i
            line = kept.get(i) or Line(
                p[b], text, f[a], f[a + 1], f[a + 2], f[a + 3], f[a + 4], f[a + 5]
            )
            yield line, geometries[p[b + 1]], p[b + 2]


class BlockBuilder:
    """Layouts in page order → blocks, one page at a time, so a reader can
    fold each page in as it arrives and drop it (pdf.reader).  A stitched
    table becomes a `Table` as soon as an item after it shows it goes on no
    further; body lines in a row wait as a run until every page is in,
    since whether a line break ends a paragraph depends on the margins,
    measured on the whole document (`paragraphs.margins`)."""

    __slots__ = (
        "_blocks",
        "_geometries",
        "_inferred",
        "_open",
        "_pages",
        "_prev",
        "_settler",
        "_tally",
        "residue",
    )

    def __init__(self) -> None:
        self._settler = Settler()
        self._inferred = GridRuns()
        self._tally = MarginTally()
        self.residue: list[Residue] = []
        self._blocks: list[Table | _Run] = []
        self._geometries: dict[tuple[int, int], int] = {}  # page sizes met, numbered
        self._open: tuple[Grid, int] | None = None  # the last table, maybe going on
        self._prev: tuple[str, int] | None = None  # the last item's kind and page
        self._pages = 0

    def add(self, lay: Layout) -> None:
        """The next page: its furniture set aside, its lines and tables in
        reading order (by their top edge) after the pages before it; an
        inferred grid first kept or given back (`inferred.Settler`)."""
        lay = self._settler.add(lay)
        self._inferred.add(lay)
        self._tally.add(lay)
        lines, res, continued = split_furniture(lay)
        self.residue.extend(res)
        seq: list[tuple[float, str, Any]] = [(ln.top, "line", ln) for ln in lines]
        seq += [(g.bbox[1], "grid", g) for g in lay.grids]
        seq.sort(key=lambda t: (t[0], t[1] == "line"))
        key = (round(lay.width), round(lay.height))
        geometry = self._geometries.setdefault(key, len(self._geometries))
        serial = self._pages
        self._pages += 1
        for _, kind, obj in seq:
            if kind == "grid":
                self._grid(obj, lay, continued)
            else:
                self._line(obj, geometry, serial)
            self._prev = (kind, lay.page)

    def _grid(self, grid: Grid, lay: Layout, continued: bool) -> None:
        if self._open is not None and self._prev == ("grid", lay.page - 1) and grid is lay.grids[0]:
            into = self._open[0]
            tol = max(2.0, 0.01 * lay.width)
            if same_columns(into, grid, tol) or (
                continued and len(into.rows[0]) == len(grid.rows[0])
            ):
                append_grid(into, grid)
                return
        self._close()
        self._open = (grid, lay.page)

    def _line(self, line: Line, geometry: int, serial: int) -> None:
        if self._prev is None or self._prev[0] != "line":
            self._close()
            self._blocks.append(_Run())
        run = self._blocks[-1]
        assert isinstance(run, _Run)
        run.add(line, geometry, serial)

    def _close(self) -> None:
        """The open table goes on no further: made final, its grid dropped."""
        if self._open is not None:
            self._blocks.append(_grid_to_table(*self._open))
            self._open = None

    def finish(self) -> tuple[list[Paragraph | Table], list[Residue]]:
        """Every page is in: the runs of lines joined into paragraphs; the
        inferred grids' residue first.  A table set as lines of cells kept
        apart by runs of spaces (no ruling, no grid inferred) is rebuilt
        from its paragraphs by the text path, as the Word and web-page
        readers rebuild one (read/text/paragraphs.py)."""
        self._close()
        self.residue[:0] = [
            Residue(
                text="",
                reason=GRID_REASON,
                span=Span(page=first, end_page=last if last != first else None, bbox=box),
            )
            for first, last, box in self._inferred.runs
        ]
        marg = self._tally.margins()
        geometries = list(self._geometries)
        out: list[Paragraph | Table] = []
        blocks, self._blocks = self._blocks[::-1], []
        rnd = _Rounded()
        while blocks:  # each run dropped once it is paragraphs
            block = blocks.pop()
            if isinstance(block, Table):
                out.append(block)
            else:
                out.extend(_paragraphs(block.waiting(geometries), marg, rnd))
        found, left = tables_in_paragraphs(out)
        return found, [*self.residue, *left]


def _paragraphs(
    run: Iterable[_Waiting], marg: dict[tuple[int, int], Margins], rnd: _Rounded
) -> list[Paragraph]:
    """Consecutive body lines → paragraphs (`continues_paragraph`); a
    paragraph's span covers its lines', taken in order as they join.  A
    line's box is `Line.bbox`, rounded through `rnd` (its lines share their
    edges with the lines above and below)."""
    paras: list[_Para] = []
    prev: _Waiting | None = None
    for line, key, serial in run:
        bbox = rnd.box((line.x0, line.top, line.x1, line.bottom))
        if prev is not None:
            prev_line, prev_key, prev_serial = prev
            if continues_paragraph(
                prev_line, marg[prev_key], line, marg[key], same_page=prev_serial == serial
            ):
                para = paras[-1]
                para.cover(line.page, bbox)
                if para.text.endswith(" "):  # a row of cells wrapped in a run
                    para.text = f"{para.text.rstrip()}  {line.text.lstrip()}"
                elif names_at_break(para.text[-40:], line.text) is not None:
                    para.text = f"{para.text}\n{line.text}"
                else:
                    para.text = join_texts(para.text, line.text)
                prev = (line, key, serial)
                continue
        paras.append(_Para(page=line.page, end_page=None, bbox=bbox, text=line.text))
        prev = (line, key, serial)
    return [
        Paragraph(
            text=p.text.rstrip(),
            span=Span(page=p.page, end_page=p.end_page, bbox=p.bbox),  # type: ignore[arg-type]
        )
        for p in paras
    ]


def layouts_to_blocks(
    layouts: Sequence[Layout],
) -> tuple[list[Paragraph | Table], list[Residue]]:
    """Body lines → paragraphs, page grids → stitched tables, in reading order.
    A grid inferred from text alignment is reported where it stands."""
    builder = BlockBuilder()
    for lay in layouts:
        builder.add(lay)
    return builder.finish()

"""A 分工表 printed without ruling lines (an Excel sheet without gridlines, a
Word table with its borders off, a WPS export): its grid inferred from the
text's alignment, as ruling lines the lattice finder (`tables.find_tables`)
then reads like drawn ones (docs/pdf.md, "Tables without ruling lines").

Only a page with no ruled table is looked at (`tables.page_to_layout`), in
two ways:

- *headed*: a line whose words are column labels (data/columns.toml, the
  words the text reader knows a 分工表 header by: two of them, one the 序号
  or the measure text) starts a table.  Each pair of neighbouring labels must
  keep a white channel between them in every line below; the first line that
  fills one ends the table (prose after it), unless it is one short line
  followed by lines that keep every channel (a group title spanning the
  table).  Columns split in the middle of each channel;
- *continued*: a page with no header whose lines keep at least two white
  channels from its first line on.  Such a grid is only a candidate:
  `settle` keeps it where it continues an inferred table of the page before
  with the same columns, and otherwise gives the page its lines back.

Rows start where the 序号 column holds a number (the lowest wide white band
above it, so a number centred in its row still starts it at the row's top),
or, without a number column, at every band wider than a line gap.  Every
grid inferred here is marked (`Grid.inferred`) and reported
(`GRID_REASON`): the grid is a guess.

Runs in the page workers: no attrs, no models, no `regex`.
"""

from __future__ import annotations

import functools
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import TYPE_CHECKING

from ... import data
from .lines import wraps_into
from .page_model import Box, Char, Edge

if TYPE_CHECKING:  # tables calls this module
    from .tables import Grid, GridCell, Layout

__all__ = ["GRID_REASON", "Inferred", "infer_rulings", "inferred_grids", "label_role", "settle"]

GRID_REASON = "table grid inferred from text alignment (no ruling lines)"
"""The residue reason of every inferred table (its box and pages): the
normalize stage reports it as a structure finding."""

# Ink closer than this (in type sizes) is one chunk of a line; a header's
# labels and a row's cells stand further apart.
_CHUNK_GAP = 0.6
# The narrowest white channel between two columns, in points.
_MIN_CHANNEL = 2.0
# A channel white over this many lines of a header-less page is a column
# edge: a later line that fills it ends the table.
_SETTLED = 3
# A band between two lines wider than the median line gap by this much (in
# type sizes) is a row gap.
_ROW_GAP = 0.25
# A white band narrower than this (points) is no band (rounding between
# two lines set solid).
_MIN_BAND = 0.5
# A blank band this many type sizes high ends a table: a row gap is never
# so wide, the page number under the table is.
_END_GAP = 2.5


def _apart(lines: Sequence[_Line], end: int) -> bool:
    """Line `end` stands below a blank too high for a row gap."""
    above = max(ln.bottom for ln in lines[:end])
    return lines[end].top - above > _END_GAP * max(lines[end].size, lines[end - 1].size)


@dataclass(slots=True)
class _Line:
    """Characters sharing a vertical middle, cut into chunks at wide gaps."""

    top: float
    bottom: float
    size: float
    chunks: list[tuple[float, float, str]]  # x0, x1, text (no spaces)


@dataclass(slots=True)
class Inferred:
    """Ruling lines drawn where a grid stands unruled; `headed`: found from
    a header on the page (else a continuation candidate)."""

    edges: list[Edge]
    headed: bool


# ---------------------------------------------------------------------------
# Column labels (data/columns.toml)


def _norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


@functools.cache
def _labels() -> tuple[dict[str, str], tuple[str, ...], dict[str, str]]:
    """Every label → its role ("extra" for a remarks column); the unit nouns;
    every role word a noun may follow → its role (牵头 + 单位, 高新区 + 责任部门)."""
    cols = data.load("columns")
    words: dict[str, str] = {}
    for role, names in cols["roles"].items():
        for name in names:
            words[_norm(name)] = role
    for name in cols.get("extra", {}).get("words", []):
        words.setdefault(_norm(name), "extra")
    pattern = cols["pattern"]
    stems: dict[str, str] = {}
    for role in ("lead", "support", "responsible"):
        for w in pattern.get(role, []):
            stems[_norm(w)] = role
    return words, tuple(_norm(n) for n in pattern["nouns"]), stems


@functools.cache
def label_role(text: str) -> str | None:
    """The role a header label names, from the column words alone: a listed
    word, a role word followed by a unit noun (牵头负责部门), or either after
    a level prefix (高新区责任部门, 市级牵头单位).  Traditional labels are
    not converted here (the workers load no OpenCC)."""
    h = _norm(text)
    if not h or len(h) > 16:
        return None
    words, nouns, stems = _labels()
    prefixes = data.load("columns")["prefixes"]
    candidates = [h] + [
        h[len(p) :]
        for p in (*prefixes["local"], *prefixes["upper"])
        if h.startswith(p) and len(h) > len(p)
    ]
    for c in candidates:
        if c in words:
            return words[c]
        for noun in nouns:
            if c.endswith(noun) and c[: -len(noun)] in stems:
                return stems[c[: -len(noun)]]
    return None


def _is_header(roles: Sequence[str | None]) -> bool:
    """Two labels naming roles, one the 序号 or the measure text (as the text
    reader's `looks_like_header`), and most chunks labels."""
    named = [r for r in roles if r is not None and r != "extra"]
    known = sum(r is not None for r in roles)
    return len(named) >= 2 and bool({"number", "text"} & set(named)) and 2 * known > len(roles)


# ---------------------------------------------------------------------------
# Lines, chunks, channels


def _lines(chars: Sequence[Char]) -> list[_Line]:
    """Inked characters clustered by vertical middle (as `lines.group_lines`),
    each line cut into chunks where the gap passes `_CHUNK_GAP` type sizes."""
    inked = sorted(
        (c for c in chars if c.text.strip()), key=lambda c: ((c.top + c.bottom) / 2, c.x0)
    )
    groups: list[list[Char]] = []
    mid = 0.0
    for c in inked:
        m = (c.top + c.bottom) / 2
        if groups and abs(m - mid) <= 0.5 * max(1.0, c.size):
            groups[-1].append(c)
            mid += (m - mid) / len(groups[-1])
        else:
            groups.append([c])
            mid = m
    out = []
    for g in groups:
        g.sort(key=lambda c: c.x0)
        chunks: list[tuple[float, float, str]] = []
        x0, x1, text = g[0].x0, g[0].x1, g[0].text
        for prev, c in pairwise(g):
            if c.x0 - max(x1, prev.x1) > _CHUNK_GAP * max(c.size, prev.size):
                chunks.append((x0, x1, _norm(text)))
                x0, x1, text = c.x0, c.x1, c.text
            else:
                x1, text = max(x1, c.x1), text + c.text
        chunks.append((x0, x1, _norm(text)))
        sizes = sorted(c.size for c in g)
        out.append(
            _Line(
                top=min(c.top for c in g),
                bottom=max(c.bottom for c in g),
                size=sizes[len(sizes) // 2],
                chunks=chunks,
            )
        )
    out.sort(key=lambda ln: ln.top)
    return out


def _add_ink(ink: list[tuple[float, float]], spans: Sequence[tuple[float, float]]) -> None:
    """Merge `spans` into the sorted, disjoint intervals `ink` (in place)."""
    for a, b in spans:
        ink.append((a, b))
    ink.sort()
    merged: list[tuple[float, float]] = []
    for a, b in ink:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    ink[:] = merged


def _white(ink: Sequence[tuple[float, float]], lo: float, hi: float) -> list[tuple[float, float]]:
    """The white intervals of [lo, hi] at least `_MIN_CHANNEL` wide."""
    out = []
    x = lo
    for a, b in ink:
        if b <= x:
            continue
        if a >= hi:
            break
        if a - x >= _MIN_CHANNEL:
            out.append((x, a))
        x = max(x, b)
    if hi - x >= _MIN_CHANNEL:
        out.append((x, hi))
    return out


def _spans(line: _Line) -> list[tuple[float, float]]:
    return [(a, b) for a, b, _ in line.chunks]


# ---------------------------------------------------------------------------
# Header


def _header_at(
    lines: list[_Line], i: int
) -> tuple[list[tuple[float, float, str]], int, int] | None:
    """The header's labels if line `i` is a header line, with its first line
    and the line past its last: chunks joined where
    the joined text is a label (序 号 letter-spaced), the lines just above and
    below (a label wrapped in a narrow column: 牵头 / 单位) joined to the
    chunk they stand over or under."""
    line = lines[i]
    chunks = _join_spaced(line.chunks)
    if len(chunks) < 2:
        return None
    if not _is_header([label_role(t) for _, _, t in chunks]):
        return None
    # Wrapped labels: a near line all of whose chunks sit over or under one.
    band = [i, i + 1]
    for j in (i - 1, i + 1):
        if not 0 <= j < len(lines):
            continue
        other = lines[j]
        if abs((other.top + other.bottom) - (line.top + line.bottom)) / 2 > 1.6 * line.size:
            continue
        joined = list(chunks)
        ok = True
        for a, b, t in other.chunks:
            k = next((k for k, c in enumerate(joined) if a < c[1] and c[0] < b), None)
            if k is None:
                ok = False
                break
            c = joined[k]
            text = t + c[2] if j < i else c[2] + t
            joined[k] = (min(a, c[0]), max(b, c[1]), text)
        before = sum(label_role(t) is not None for _, _, t in chunks)
        if ok and sum(label_role(t) is not None for _, _, t in joined) > before:
            chunks = joined
            band[j > i] = j + (j > i)
    return chunks, band[0], band[1]


def _join_spaced(chunks: list[tuple[float, float, str]]) -> list[tuple[float, float, str]]:
    """Neighbouring chunks joined where together they are a label."""
    out: list[tuple[float, float, str]] = []
    k = 0
    while k < len(chunks):
        best = k
        for j in range(k + 1, min(len(chunks), k + 8)):
            if label_role("".join(c[2] for c in chunks[k : j + 1])) is not None:
                best = j
        if best > k and label_role(chunks[k][2]) is None:
            out.append((chunks[k][0], chunks[best][1], "".join(c[2] for c in chunks[k : best + 1])))
            k = best + 1
        else:
            out.append(chunks[k])
            k += 1
    return out


# ---------------------------------------------------------------------------
# The table's extent and columns


def _channel_in(
    ink: Sequence[tuple[float, float]], a: float, b: float
) -> tuple[float, float] | None:
    """The widest white channel between x = a and x = b."""
    whites = _white(ink, a, b)
    return max(whites, key=lambda w: w[1] - w[0]) if whites else None


def _headed(
    lines: list[_Line], header_end: int, labels: list[tuple[float, float, str]]
) -> tuple[int, list[float], list[int]]:
    """Below a header ending before line `header_end`: the index past the
    table's last line, the column boundaries, and the lines that span the
    table (group titles)."""
    centres = [(a + b) / 2 for a, b, _ in labels]
    ink: list[tuple[float, float]] = []
    _add_ink(ink, [(a, b) for a, b, _ in labels])

    def keeps(extra: Sequence[tuple[float, float]]) -> bool:
        trial = list(ink)
        _add_ink(trial, extra)
        return all(
            _channel_in(trial, centres[k], centres[k + 1]) is not None
            for k in range(len(centres) - 1)
        )

    spanning: list[int] = []
    end = header_end
    while end < len(lines) and not _apart(lines, end):
        spans = _spans(lines[end])
        if keeps(spans):
            _add_ink(ink, spans)
            end += 1
            continue
        # A group title across the table: one chunk, the next line fits.
        nxt = end + 1
        if len(lines[end].chunks) == 1 and nxt < len(lines) and keeps(_spans(lines[nxt])):
            spanning.append(end)
            end += 1
            continue
        break
    bounds = []
    for k in range(len(centres) - 1):
        ch = _channel_in(ink, centres[k], centres[k + 1])
        assert ch is not None
        bounds.append((ch[0] + ch[1]) / 2)
    return end, bounds, spanning


def _headless(lines: list[_Line]) -> tuple[int, int, list[float], list[int]] | None:
    """A page with no header: from its first line of several chunks, the
    lines that keep every settled channel (white over `_SETTLED` lines) and
    at least two channels (three columns) in all; (first, past the last,
    boundaries, the lines spanning the table)."""
    first = next((i for i, ln in enumerate(lines) if len(ln.chunks) >= 2), None)
    if first is None:
        return None
    ink: list[tuple[float, float]] = []
    _add_ink(ink, _spans(lines[first]))

    def channels(xs: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
        return _white(xs, xs[0][0], xs[-1][1])

    ages = dict.fromkeys(channels(ink), 1)

    def trial(k: int) -> tuple[list[tuple[float, float]], list[tuple[float, float]]] | None:
        """Ink and channels with line `k` added, None if it fills a settled one."""
        more = list(ink)
        _add_ink(more, _spans(lines[k]))
        now = channels(more)
        settled = [ch for ch, age in ages.items() if age >= _SETTLED]
        if any(not any(n[0] < s[1] and s[0] < n[1] for n in now) for s in settled):
            return None
        return more, now

    spanning: list[int] = []
    end = first + 1
    while end < len(lines) and not _apart(lines, end):
        step = trial(end)
        if step is None:
            # A group title across the table: one chunk, the next line fits.
            nxt = end + 1
            if (
                len(lines[end].chunks) == 1
                and nxt < len(lines)
                and not _apart(lines, nxt)
                and trial(nxt) is not None
            ):
                spanning.append(end)
                end += 1
                continue
            break
        ink, now = step
        ages = {
            n: max((age for ch, age in ages.items() if n[0] < ch[1] and ch[0] < n[1]), default=0)
            + 1
            for n in now
        }
        end += 1
    found = channels(ink)
    if len(found) < 2 or end - first - len(spanning) < 2:
        return None
    return first, end, [(a + b) / 2 for a, b in found], [k - first for k in spanning]


# ---------------------------------------------------------------------------
# Rows


def _is_number(text: str) -> bool:
    """A 序号 cell: 7, 36-1, 3.1."""
    t = text.rstrip(".、")
    return bool(t) and t[0].isdigit() and all(ch.isdigit() or ch in "-.－—" for ch in t)


def _bands(lines: Sequence[_Line]) -> list[tuple[float, float]]:
    """White horizontal bands between consecutive lines (top, bottom)."""
    out = []
    bottom = lines[0].bottom
    for ln in lines[1:]:
        if ln.top - bottom >= _MIN_BAND:
            out.append((bottom, ln.top))
        bottom = max(bottom, ln.bottom)
    return out


def _row_rules(body: list[_Line], bounds: list[float], number_col: int | None) -> list[float]:
    """Where rows start in the body (y of each rule between two rows)."""
    if len(body) < 2:
        return []
    bands = _bands(body)
    if not bands:
        return []
    # The narrowest band is a line gap inside a cell (or, where no cell
    # wraps, a row gap like every other).
    line_gap = min(b - a for a, b in bands)
    size = sorted(ln.size for ln in body)[len(body) // 2]
    wide = [(a, b) for a, b in bands if b - a > line_gap + _ROW_GAP * size]
    if number_col is None:
        return [(a + b) / 2 for a, b in (wide or bands)]
    rules: list[float] = []
    previous = body[0].top
    for ln in body:
        cell = [t for a, b, t in ln.chunks if _column(bounds, (a + b) / 2) == number_col]
        if not cell or not _is_number(cell[0]) or ln.top <= body[0].top:
            continue
        # The lowest wide band above the number (its row's top, where the
        # number is centred in a tall row), else the band just above it.
        above = [w for w in wide if previous <= w[0] and w[1] <= ln.top + 0.01]
        near = [w for w in bands if w[1] <= ln.top + 0.01]
        pick = above[-1] if above else (near[-1] if near else None)
        if pick is not None:
            y = (pick[0] + pick[1]) / 2
            if not rules or y > rules[-1]:
                rules.append(y)
        previous = ln.top
    return rules


def _column(bounds: Sequence[float], x: float) -> int:
    return bisect_left(bounds, x)


def _number_column(
    body: list[_Line], bounds: list[float], labels: list[tuple[float, float, str]] | None
) -> int | None:
    """The 序号 column: named by the header, or (no header) the column whose
    chunks are mostly bare numbers."""
    if labels is not None:
        for a, b, t in labels:
            if label_role(t) == "number":
                return _column(bounds, (a + b) / 2)
        return None
    counts: dict[int, list[int]] = {}
    for ln in body:
        for a, b, t in ln.chunks:
            c = counts.setdefault(_column(bounds, (a + b) / 2), [0, 0])
            c[0] += 1
            c[1] += _is_number(t)
    best = [(n, c) for c, (f, n) in counts.items() if n >= 2 and 2 * n >= f]
    return max(best)[1] if best else None


# ---------------------------------------------------------------------------
# Rulings


def infer_rulings(chars: Sequence[Char]) -> Inferred | None:
    """Ruling lines for the unruled table on a page's visible characters, or
    None where no header (and no continued column layout) is found."""
    lines = _lines(chars)
    if len(lines) < 2:
        return None
    for i in range(len(lines)):
        header = _header_at(lines, i)
        if header is None:
            continue
        labels, first, header_end = header
        end, bounds, spanning = _headed(lines, header_end, labels)
        body = lines[header_end:end]
        if not body:
            return None
        return Inferred(
            _edges(
                lines[first:end],
                header_end - first,
                bounds,
                [s - first for s in spanning],
                _number_column(body, bounds, labels),
            ),
            headed=True,
        )
    found = _headless(lines)
    if found is None:
        return None
    first, end, bounds, spanning = found
    # Lines of one chunk above (the end of a row cut by the page break) that
    # cross no boundary and stand close.
    while (
        first > 0
        and not _apart(lines, first)
        and all(_column(bounds, a) == _column(bounds, b) for a, b in _spans(lines[first - 1]))
    ):
        first -= 1
        spanning = [k + 1 for k in spanning]
    body = lines[first:end]
    plain = [ln for k, ln in enumerate(body) if k not in spanning]
    return Inferred(
        _edges(body, 0, bounds, spanning, _number_column(plain, bounds, None)), headed=False
    )


def _edges(
    table: list[_Line],
    header_lines: int,
    bounds: list[float],
    spanning: list[int],
    number_col: int | None,
) -> list[Edge]:
    """The rulings of the table made of `table` (its first `header_lines`
    lines the header): a frame, a rule under the header, one between rows,
    one at each column boundary; no boundary crosses a spanning line."""
    x0 = min(c[0] for ln in table for c in ln.chunks) - 1.0
    x1 = max(c[1] for ln in table for c in ln.chunks) + 1.0
    top = table[0].top - 1.0
    bottom = max(ln.bottom for ln in table) + 1.0
    rows = [top]
    if header_lines:
        head_bottom = max(ln.bottom for ln in table[:header_lines])
        rows.append((head_bottom + table[header_lines].top) / 2)
    for s in spanning:
        ln = table[s]
        above = max(t.bottom for t in table[:s])
        below = table[s + 1].top if s + 1 < len(table) else ln.bottom + 1.0
        rows += [(above + ln.top) / 2, (ln.bottom + below) / 2]
    rows += _row_rules(table[header_lines:], bounds, number_col)
    rows.append(bottom)
    ys: list[float] = []
    for y in sorted(rows):
        if top <= y <= bottom and (not ys or y - ys[-1] > 0.5):
            ys.append(round(y, 2))
    edges = [Edge("h", x0, y, x1, y) for y in ys]
    edges += [Edge("v", x0, top, x0, bottom), Edge("v", x1, top, x1, bottom)]
    # A boundary stops at every spanning line.
    cuts = [top]
    for s in spanning:
        ln = table[s]
        cuts += [
            max(ys_ for ys_ in ys if ys_ <= ln.top),
            min(ys_ for ys_ in ys if ys_ >= ln.bottom),
        ]
    cuts.append(bottom)
    for x in bounds:
        if not x0 < x < x1:
            continue
        for a, b in zip(cuts[::2], cuts[1::2]):
            if b > a:
                edges.append(Edge("v", x, a, x, b))
    return edges


# ---------------------------------------------------------------------------
# Over the whole document


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
    columns are left alone: a list may end on a full line by chance."""
    rows = grid.rows
    if grid.inferred != "header" or len(rows) < 3:
        return
    for c, head in enumerate(rows[0]):
        if label_role("".join(ln.text for ln in head.lines)) not in _MERGING:
            continue
        for r in range(2, len(rows)):
            below = rows[r][c]
            if below.bbox is None or not below.lines:
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


def settle(layouts: Sequence[Layout]) -> list[Layout]:
    """Across pages.  An inferred grid right after an inferred grid (on the
    page before, as the page's first table), whose text the earlier grid's
    column edges cut nowhere, is laid out in those columns (its own edges
    lie elsewhere in the same white channels, or a column empty on this
    page left none): the stitcher then sees one table.  A header-less
    candidate is kept only so; every other candidate's page gets its lines
    back, as they were before any grid was tried."""
    from .tables import _measure_padding

    out: list[Layout] = []
    last: Grid | None = None
    for lay in layouts:
        first = lay.grids[0] if lay.grids else None
        if first is not None and first.inferred:
            if (
                last is not None
                and bool(last.inferred)
                and out[-1].page == lay.page - 1
                and _regrid(first, last)
            ):
                tighten(first)
                _measure_padding(first)
            elif first.inferred == "gaps":
                lay = replace(lay, grids=[], lines=first.fallback or [], stray=[])
        out.append(lay)
        last = lay.grids[-1] if lay.grids else None
    return out


def inferred_grids(layouts: Sequence[Layout]) -> list[tuple[int, int, Box]]:
    """(first page, last page, box on the first page, rounded) of every run
    of pages whose grids were inferred from text alignment: one per table,
    however many pages it runs over."""
    out: list[tuple[int, int, Box]] = []
    for lay in layouts:
        grid = next((g for g in lay.grids if g.inferred), None)
        if grid is None:
            continue
        if out and out[-1][1] == lay.page - 1:
            out[-1] = (out[-1][0], lay.page, out[-1][2])
            continue
        box = (
            round(grid.bbox[0], 2),
            round(grid.bbox[1], 2),
            round(grid.bbox[2], 2),
            round(grid.bbox[3], 2),
        )
        out.append((lay.page, lay.page, box))
    return out

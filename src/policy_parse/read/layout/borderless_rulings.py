"""The rulings drawn for a table printed without them, once
layout.borderless has found its header, extent and columns: where each row
starts (a number in the 序号 column, else a wide white band; sub-rows under
one merged 序号), and the frame, header rule, row rules and column
boundaries as `Edge`s the lattice finder reads like drawn ones.  Split from
layout/borderless.py.

Runs in the page workers: no attrs, no models, no `regex`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from .borderless_lines import TextLine
from .labels import label_role
from .page_model import Edge

# A band between two lines wider than the median line gap by this much (in
# type sizes) is a row gap.
_ROW_GAP = 0.25
# A white band narrower than this (points) is no band (rounding between
# two lines set solid).
_MIN_BAND = 0.5


# ---------------------------------------------------------------------------
# Rows


def _is_number(text: str) -> bool:
    """A 序号 cell: 7, 36-1, 3.1."""
    t = text.rstrip(".、")
    return bool(t) and t[0].isdigit() and all(ch.isdigit() or ch in "-.－—" for ch in t)


def _bands(lines: Sequence[TextLine]) -> list[tuple[float, float]]:
    """White horizontal bands between consecutive lines (top, bottom)."""
    out = []
    bottom = lines[0].bottom
    for ln in lines[1:]:
        if ln.top - bottom >= _MIN_BAND:
            out.append((bottom, ln.top))
        bottom = max(bottom, ln.bottom)
    return out


def _row_rules(
    body: list[TextLine], bounds: list[float], number_col: int | None, text_col: int | None = None
) -> list[float]:
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
        if not _is_number(ln.column_text(bounds, number_col)) or ln.top <= body[0].top:
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
    numbered = [ln.top for ln in body if _is_number(ln.column_text(bounds, number_col))]
    if text_col is not None and numbered:
        rules = sorted(
            rules + _sub_rows(body, bounds, wide, rules, numbered[0], (number_col, text_col))
        )
    return rules


def _sub_rows(
    body: list[TextLine],
    bounds: list[float],
    wide: list[tuple[float, float]],
    rules: list[float],
    first: float,
    cols: tuple[int, int],
) -> list[float]:
    """Rows without a number of their own (sub-rows under one merged 序号:
    a task and its units each): below the first numbered row, a wide band
    after a task that ends its sentence, followed by a line with a new task
    and text in another column (a unit), none in the 序号 column.  A second
    paragraph inside one cell is no such band: the row's other cells run
    on beside it, or it brings no unit.  `first`: the top of the first
    numbered line; `cols`: the 序号 and the measure's columns."""
    number_col, text_col = cols
    out = []
    for a, b in wide:
        y = (a + b) / 2
        if y <= first or any(abs(y - r) < 0.5 for r in rules):
            continue
        after = next((ln for ln in body if ln.top >= b - 0.01), None)
        before = [
            t for ln in body if ln.bottom <= a + 0.01 if (t := ln.column_text(bounds, text_col))
        ]
        if after is None or not before or before[-1][-1:] not in ("。", "；", "！", "？", ";"):
            continue
        filled = {bisect_left(bounds, x) for x, _ in after.glyphs}
        if text_col in filled and number_col not in filled and len(filled - {text_col}) >= 1:
            out.append(y)
    return out


def _text_column(bounds: list[float], labels: list[tuple[float, float, str]]) -> int | None:
    """The measure's column: the last label naming the measure text (an
    earlier one groups, as the text reader reads it)."""
    texts = [_column(bounds, (a + b) / 2) for a, b, t in labels if label_role(t) == "text"]
    return texts[-1] if texts else None


def _column(bounds: Sequence[float], x: float) -> int:
    return bisect_left(bounds, x)


def _number_column(
    body: list[TextLine], bounds: list[float], labels: list[tuple[float, float, str]] | None
) -> int | None:
    """The 序号 column: named by the header, or (no header) the column whose
    lines are mostly bare numbers."""
    if labels is not None:
        for a, b, t in labels:
            if label_role(t) == "number":
                return _column(bounds, (a + b) / 2)
        return None
    counts: dict[int, list[int]] = {}
    for ln in body:
        for col in {bisect_left(bounds, x) for x, _ in ln.glyphs}:
            c = counts.setdefault(col, [0, 0])
            c[0] += 1
            c[1] += _is_number(ln.column_text(bounds, col))
    best = [(n, c) for c, (f, n) in counts.items() if n >= 2 and 2 * n >= f]
    return max(best)[1] if best else None


# ---------------------------------------------------------------------------
# Rulings


def _edges(
    table: list[TextLine],
    header_lines: int,
    bounds: list[float],
    spanning: list[int],
    number_col: int | None,
    text_col: int | None = None,
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
    rows += _row_rules(table[header_lines:], bounds, number_col, text_col)
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

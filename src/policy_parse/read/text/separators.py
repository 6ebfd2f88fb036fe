"""The prices of the separators: what a space, a tab, a bar or a line break
means in this table — the atoms on both sides in one cell (JOIN), in two
cells of a row (CELL), or in two rows (ROW).

What a separator means differs from table to table, so its prices are
learnt: first from how the header itself was written (`separator_prices`
with no learnt table), then again from the first alignment's own choices
(`learn_prices`).  Joining two pieces of unlike kinds costs more.  The
aligner (read/text/align.py) reads these per separator.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable

import attrs

from .cells import GAP, PIPE, SPACE, TAB, Mode, Stream
from .fit import Shape, shape_of
from .header import Header

__all__ = ["CELL", "INF", "JOIN", "ROW", "Prices", "learn_prices", "separator_prices"]

INF = math.inf
JOIN, CELL, ROW = 0, 1, 2


def _priors(header: Header, stream: Stream) -> dict[tuple[object, ...], list[float]]:
    """Prices of JOIN / CELL / ROW for each kind of separator, from the
    header: what stood between its cells is a cell boundary, what followed
    it a row boundary."""
    out: dict[tuple[object, ...], list[float]] = {
        (PIPE,): [INF, 0.05, 12.0],
        (TAB,): [INF, 0.05, 12.0],
        (GAP,): [3.0, 0.1, 6.0],
        (SPACE,): [0.7, 0.7, 6.0],
    }
    after = stream.seps[0].key if stream.atoms else None
    cell = header.cell_sep.key if header.cell_sep is not None else None
    if cell is not None and cell == after:
        out[cell] = [2.5, 0.4, 0.9]
    else:
        if cell is not None:
            out[cell] = [2.5, 0.3, 1.5]
        if after is not None:
            out[after] = [1.5, 2.0, 0.2]
    return out


def _default(key: tuple[object, ...], header: Header) -> list[float]:
    """A line separator the header did not show: weaker ones join, stronger
    ones part cells or rows."""
    cell = header.cell_sep
    _, blanks, bars, *_ = key
    if cell is None:
        return [1.2, 1.5, 1.0]
    strength = (bars, blanks)
    base = (cell.bars, cell.blanks)
    if strength < base:
        return [0.8, 1.5, 2.5]
    return [4.0, 1.2, 0.7]


def _prior(
    key: tuple[object, ...], priors: dict[tuple[object, ...], list[float]], header: Header
) -> list[float]:
    """The prior prices of a separator.  A line that filled the width a PDF
    copy wraps at was most likely cut inside a cell: the same separator on a
    shorter line, with joining made cheaper."""
    if key[0] != "line" or not key[-1]:
        return priors.get(key) or _default(key, header)
    short = (*key[:-1], False)
    j, c, r = priors.get(short) or _default(short, header)
    return [min(j, 0.5), c + 0.7, r + 0.7]


@attrs.define
class Prices:
    """Per separator: the price of each decision and the blank lines that
    stand for empty cells."""

    join: list[float]
    cell: list[float]
    row: list[float]
    soft: list[int]
    joinable: list[bool]


def separator_prices(
    stream: Stream,
    header: Header,
    learnt: dict[tuple[object, ...], list[float]] | None,
    simplify: Callable[[str], str] | None = None,
) -> Prices:
    priors = _priors(header, stream)
    table = learnt or priors
    seps = stream.seps
    atoms = stream.atoms
    n = len(seps)
    join = [INF] * n
    cell = [INF] * n
    row = [INF] * n
    soft = [0] * n
    joinable = [False] * n
    hc = header.cell_sep
    # Line breaks inside a cell: up to the blank lines the header put between
    # its own cells (none when the header stood on one line).
    if hc is not None:
        base_blanks, base_bars = hc.blanks, hc.bars
    else:
        base_blanks, base_bars = (seps[0].blanks if atoms else 0), 0
    row_end = seps[0]  # what followed the header: how a row ends, where it differs
    last = len(seps) - 1
    # A long table shares a few Sep records over all its separators
    # (read/text/cells.py): their prices are looked up once per record.
    by_sep: dict[int, list[float]] = {}
    for i, s in enumerate(seps):
        jcr = by_sep.get(id(s))
        if jcr is None:
            key = s.key
            jcr = by_sep[id(s)] = table.get(key) or _prior(key, priors, header)
        j, c, r = jcr
        join[i], cell[i], row[i] = j, c, r
        if s.inline is None and hc is not None:
            # Blank (or bar) lines beyond those that part cells, or rows where a
            # row ends with more (the header's own end), stand for empty cells;
            # blank lines closing the text stand for none.
            if hc.bars:
                soft[i] = max(0, s.bars - max(hc.bars, row_end.bars))
            elif i < last:
                soft[i] = max(0, s.blanks - max(hc.blanks, row_end.blanks))
        elif s.inline is None and header.mode is Mode.PIPE:
            soft[i] = s.bars  # a lone | in a pipe table closes an empty cell
        if 0 < i < len(atoms) and atoms[i].text and atoms[i - 1].text and j < INF:
            a, b = atoms[i - 1].text, atoms[i].text
            if simplify is not None:
                a, b = simplify(a), simplify(b)
            join[i] = max(0.05, j + _unlike(a, b))
            if s.inline in (SPACE, GAP):
                joinable[i] = True
            elif s.inline is None and not s.barred:
                # Weaker than what parts cells; as strong only where that is a
                # bare line break (a line re-wrapped inside a cell looks alike),
                # or where the header stood on one line (rows apart by it).
                here, base = (s.bars, s.blanks), (base_bars, base_blanks)
                joinable[i] = here < base or (here == base and (hc is None or base == (0, 0)))
    return Prices(join=join, cell=cell, row=row, soft=soft, joinable=joinable)


def _unlike(before: str, after: str) -> float:
    """The price of joining two pieces of unlike kinds into one cell: a cell
    holds one kind of value, so a bare number, a list of units, a deadline, a
    person or a finished sentence next to a piece of another kind more likely
    ends its cell than goes on with the next piece."""
    a, b = shape_of(before), shape_of(after)
    ka, kb = _piece_kind(a, before), _piece_kind(b, after)
    price = 0.0
    if "number" in (ka, kb) or (ka is not None and kb is not None and ka != kb):
        price += 2.0
    if a.others and a.units >= 0.5 and not b.number:
        # A list of units whose last name was cut (…县生态环 / 境服务中心):
        # joined, the name is whole again.
        whole = shape_of(before + after)
        if whole.others < a.others + b.others:
            price -= 1.5
    if ka == kb == "units" and (a.items == 1) != (b.items == 1):
        # Units one per line (县甲局 / 县乙局) are one cell's lines; a
        # name and a punctuated list less likely so.
        price += 0.5
    return price


def _piece_kind(sh: Shape, text: str) -> str | None:
    """What a piece surely is, or None (a fragment, a phrase)."""
    if sh.number:
        return "number"
    if sh.items and not sh.others and not sh.numbered and not sh.titled:
        return "units"
    if sh.deadline:
        return "deadline"
    if sh.person:
        return "person"
    if text.rstrip().endswith(_SENTENCE_END) and sh.length >= 6:
        return "sentence"
    return None


_SENTENCE_END = ("。", "；", ";", "！", "？")


def learn_prices(
    stream: Stream, trace: list[tuple[int, int, int, int, bool]], header: Header
) -> dict[tuple[object, ...], list[float]]:
    """Prices re-estimated from an alignment's own choices: how often each
    kind of separator joined, parted cells or parted rows, smoothed by the
    prior."""
    counts: dict[tuple[object, ...], Counter[int]] = {}
    for start, end, _, _, new_row in trace:
        key = stream.seps[start].key
        counts.setdefault(key, Counter())[ROW if new_row else CELL] += 1
        for i in range(start + 1, end):
            counts.setdefault(stream.seps[i].key, Counter())[JOIN] += 1
    priors = _priors(header, stream)
    out: dict[tuple[object, ...], list[float]] = {}
    alpha = 3.0
    for key, cnt in counts.items():
        if key[0] != "line" and key not in priors:
            continue
        prior = _prior(key, priors, header)
        p = [math.exp(-c) if c < INF else 0.0 for c in prior]
        z = sum(p)
        p = [x / z for x in p]
        total = sum(cnt.values())
        new = []
        for d in (JOIN, CELL, ROW):
            if prior[d] == INF:
                new.append(INF)
                continue
            q = (cnt[d] + alpha * p[d]) / (total + alpha)
            new.append(-math.log(max(q, 1e-6)))
        out[key] = new
    return out

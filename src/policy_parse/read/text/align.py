"""A stream of cells aligned to rows × columns, as a sequence aligner does.

The stream (read/text/cells.py) is a run of atoms with what separated them;
the header (read/text/header.py) gives the columns and the kind of value each
holds.  The alignment reads the atoms left to right and, at every separator,
decides one of three things:

- JOIN: the atom goes on the cell before (a line wrapped inside a cell, two
  unit names on two lines of one cell, a letter-spaced word);
- CELL: it starts the next cell of the same row, in any later column — the
  columns skipped are *gaps* (a cell written as nothing, or as a blank line
  more than usual, which the separator counts);
- ROW: it starts a new row, in any column — columns skipped at the front of
  the row were merged from the row above (a rowspan), columns left at the end
  of the previous row are gaps.

A cell may also stand alone as a row (a group title), be the header again (a
page break), or fit no column at all (one cell too many: that row cannot be
aligned).  Every choice has a price: the cell's fit to the column's kind
(read/text/fit.py), the gaps', and the separator's.  What a separator means
differs from table to table (a blank line ends a row in one, a cell in the
next), so its prices are learnt: first from how the header itself was
written, then again from the first alignment's own choices (one round of
re-estimation).  Dynamic programming finds the cheapest alignment; a backward
pass gives, for every cell, the cheapest alignment that places it otherwise,
so the rows whose runner-up is close are known and reported as doubtful.

The work is linear in the atoms: a cell spans at most `MAX_JOIN` atoms and a
row at most the header's columns, so each atom is weighed against a fixed
band of predecessors.
"""

# ruff: noqa: PLR1730, FURB136
# (The per-piece loops compare with `<` rather than call min(): 1.7 million
# min() calls took a sixth of a 10,000-row table's time; see
# benchmarks/bench_flat_table.py.)
from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Callable, Sequence
from typing import NamedTuple

import attrs

from ...models import Alignment, Cell, Residue, Row, Span, Table
from .cells import GAP, PIPE, SPACE, TAB, Mode, Sep, Stream
from .fit import EMPTY_COST, Shape, cost, shape_of, surplus_cost, title_cost
from .header import Column, Header, Kind
from .tables import norm_header

__all__ = ["MAX_JOIN", "Aligned", "align"]

MAX_JOIN = 12  # atoms in one cell at most (a long text wrapped over lines)
LEARN_ATOMS = 1500  # atoms the separators' meaning is learnt from
INF = math.inf
# Below this margin over the best alignment, the runner-up makes a row doubtful:
# a units cell that is the lead with an empty 配合单位 (a gap of 0.8) or the
# supporters under a lead merged from above (1.8) differ by 1.0.
DOUBT = 2.0
# A row dearer than this (or with a cell in no column) cannot be aligned.
ROW_MAX = 12.0
DROP_SOFT = 0.15  # a blank line more than usual that stands for no cell
DROP_TRAILING = 0.2  # an empty cell written last on its line that stands for no cell

# Gaps: a column a row does not write.  At the front of a row it was merged
# from the row above (a rowspan); elsewhere it was left out.
_LEAD_GAP = {
    Kind.NUMBER: 0.8,
    Kind.TEXT: 4.0,
    Kind.GROUP: 0.3,
    Kind.LEAD: 1.0,
    Kind.SUPPORT: 2.5,
    Kind.PERSONS: 0.8,
    Kind.DEADLINE: 0.8,
    Kind.EXTRA: 1.5,
}
_GAP = {
    Kind.NUMBER: 2.5,
    Kind.TEXT: 4.5,
    Kind.GROUP: 1.2,
    Kind.LEAD: 1.8,
    Kind.SUPPORT: 0.8,
    Kind.PERSONS: 1.0,
    Kind.DEADLINE: 0.9,
    Kind.EXTRA: 0.4,
}
# Kinds whose cell left out is the one above (a merged cell) in any position.
_MERGING = {Kind.NUMBER, Kind.GROUP, Kind.LEAD, Kind.PERSONS, Kind.DEADLINE}

JOIN, CELL, ROW = 0, 1, 2
_DEBUG: dict[int, tuple[int, int, int, float]] | None = None  # set by a debugging session
# What a placed cell is besides a column: a title row, a repeated header, a
# cell in no column.
TITLE, REPEAT, SURPLUS = -1, -2, -3
_NO_COLUMN = -9  # no cell of the winner spans these atoms


_SPAN = 16  # > MAX_JOIN: a span's key is its start * _SPAN + its length


@attrs.define
class _FitCache:
    """The cells' prices, kept from the learning pass to the full one: per
    span (start * _SPAN + length) and per text."""

    spans: dict[int, tuple[list[float], float, float, str]] = attrs.Factory(dict)
    texts: dict[str, tuple[list[float], float, float, str]] = attrs.Factory(dict)


class Placed(NamedTuple):
    """One cell of the winning alignment (a tuple: a long table has many)."""

    start: int  # first atom
    end: int  # after the last atom
    column: int  # a column, or TITLE / REPEAT / SURPLUS
    new_row: bool


@attrs.frozen(kw_only=True)
class Aligned:
    """The winning alignment: its cells, its cost and the runner-up's."""

    columns: tuple[Column, ...]
    placed: tuple[Placed, ...]
    cost: float
    runner_up: float | None
    row_cost: tuple[float, ...]  # per row of `rows()`
    doubt: tuple[float, ...]  # per row: the margin of its best other reading

    def rows(self) -> list[list[Placed]]:
        out: list[list[Placed]] = []
        for p in self.placed:
            if p.new_row or not out:
                out.append([])
            out[-1].append(p)
        return out


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
class _Prices:
    """Per separator: the price of each decision and the blank lines that
    stand for empty cells."""

    join: list[float]
    cell: list[float]
    row: list[float]
    soft: list[int]
    joinable: list[bool]


def _prices(
    stream: Stream,
    header: Header,
    learnt: dict[tuple[object, ...], list[float]] | None,
    simplify: Callable[[str], str] | None = None,
) -> _Prices:
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
    for i, s in enumerate(seps):
        key = s.key
        j, c, r = table.get(key) or _prior(key, priors, header)
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
    return _Prices(join=join, cell=cell, row=row, soft=soft, joinable=joinable)


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


def _gap_tables(
    columns: Sequence[Column], mode: Mode
) -> tuple[list[float], list[float], list[float]]:
    lead = [_LEAD_GAP[c.kind] for c in columns]
    if mode in (Mode.PIPE, Mode.TAB):
        # Where empty cells are written (| |, two tabs), a cell left out
        # anywhere was merged from above: priced as a rowspan, dearer in a
        # column no rowspan covers.
        gap = [_LEAD_GAP[c.kind] + (0.0 if c.kind in _MERGING else 2.0) for c in columns]
    else:
        gap = [_GAP[c.kind] for c in columns]
    empty = [EMPTY_COST[c.kind] for c in columns]
    return lead, gap, empty


def _seq_cost(cols: range, e: int, gap: list[float], empty: list[float]) -> float:
    """Columns `cols` skipped, `e` of them written as blank (or bar) lines: the
    written empties stand where they explain the most."""
    total = sum(gap[c] for c in cols)
    savings = sorted((gap[c] - empty[c] for c in cols), reverse=True)
    used = 0
    for saved in savings[:e]:
        if saved <= 0:
            break
        total -= saved
        used += 1
    return total + DROP_SOFT * (e - used)


def _joiner(stream: Stream, i: int) -> str:
    s = stream.seps[i]
    if s.inline is not None:
        return " " if s.inline in (SPACE, GAP) else ""
    return "" if s.full else "\n"


def cell_text(stream: Stream, start: int, end: int) -> str:
    atoms = stream.atoms
    parts = [atoms[start].text]
    for i in range(start + 1, end):
        parts.append(_joiner(stream, i))
        parts.append(atoms[i].text)
    return "".join(parts)


def _repeats(stream: Stream, header: Header) -> dict[int, int]:
    """Atom index → end of a repeat of a header row starting there."""
    rows = []
    for hrow in header.rows:
        texts = [norm_header(t) for t, _ in hrow if t.strip()]
        if texts:
            rows.append(texts)
    out: dict[int, int] = {}
    atoms = stream.atoms
    first = {r[0] for r in rows}
    for i, a in enumerate(atoms):
        if not a.text or norm_header(a.text) not in first:
            continue
        for texts in rows:
            k, j = i, 0
            while j < len(texts) and k < len(atoms):
                if not atoms[k].text:
                    k += 1
                    continue
                if norm_header(atoms[k].text) != texts[j]:
                    break
                k += 1
                j += 1
            if j == len(texts):
                out[i] = k
                break
    return out


def _run(
    stream: Stream,
    header: Header,
    columns: Sequence[Column],
    prices: _Prices,
    simplify: Callable[[str], str] | None = None,
    *,
    doubts: bool = True,
    fit_cache: _FitCache | None = None,
) -> tuple[Aligned, list[tuple[int, int, int, int, bool]]]:
    """One Viterbi pass forward, and with `doubts` one backward and the
    runner-up of every cell.  `fit_cache` keeps the cells' prices from one
    pass to the next (they do not depend on the separators' prices)."""
    atoms = stream.atoms
    N = len(atoms)
    n = len(columns)
    DONE = n  # state: the row is complete (a title, a repeated header)
    kinds = tuple(c.kind for c in columns)
    lead_gap, gap, empty = _gap_tables(columns, header.mode)
    lead_sum = [0.0] * (n + 1)
    for c in range(n):
        lead_sum[c + 1] = lead_sum[c] + lead_gap[c]
    # trail_u[s]: columns after s left out; with soft empties computed on demand.
    # Between tabs an empty cell is written, but an editor trims the tabs
    # ending a line (a Word paragraph's, a row's trailing whitespace): a row's
    # last cells left out are priced as where no empty is written.
    tail = [_GAP[c.kind] for c in columns] if header.mode is Mode.TAB else gap
    trail_u = [sum(tail[s + 1 :]) for s in range(n)] + [0.0]

    def trail(s: int, e: int) -> float:
        if not e:
            return trail_u[s]
        if s == DONE:
            return DROP_SOFT * e
        return _seq_cost(range(s + 1, n), e, tail, empty)

    join_p, cell_p, row_p, soft, joinable = (
        prices.join,
        prices.cell,
        prices.row,
        prices.soft,
        prices.joinable,
    )
    # join_sum[k]: sum of join prices of separators 1..k-1.
    join_sum = [0.0] * (N + 1)
    for i in range(1, N):
        join_sum[i + 1] = join_sum[i] + (join_p[i] if joinable[i] else 0.0)
    # first_start[k]: the earliest atom a cell ending at atom k may start at.
    first_start = [0] * N
    for k in range(N):
        first_start[k] = k
        while first_start[k] > 0 and k - first_start[k] + 1 < MAX_JOIN and joinable[first_start[k]]:
            first_start[k] -= 1
    repeats = _repeats(stream, header)
    repeat_ends: dict[int, list[int]] = {}
    for i, k in repeats.items():
        repeat_ends.setdefault(k, []).append(i)

    # Rows written a | b | |, not framed by bars, may pad the cells a rowspan
    # took from their front with empty cells at the end; framed
    # (| a | b |) and tab-separated rows keep every cell in its place.
    pads_rows = header.mode is Mode.PIPE and not header.framed
    # An empty atom with only empty atoms after it on its line (a b | | |).
    trailing_empty = [False] * N
    for i in range(N - 1, -1, -1):
        last = i + 1 == N or atoms[i + 1].line != atoms[i].line
        trailing_empty[i] = not atoms[i].text and (last or trailing_empty[i + 1])
    if fit_cache is None:
        fit_cache = _FitCache()
    spans, texts = fit_cache.spans, fit_cache.texts
    in_place = not pads_rows and header.mode in (Mode.PIPE, Mode.TAB)

    def fits(i: int, k: int) -> tuple[list[float], float, float, str]:
        # A cell's prices depend on its text, and an empty cell's surplus on
        # where it stands: kept per text (a table repeats its unit names,
        # deadlines and empty cells) and per span (keyed i * SPAN + length).
        key = i * _SPAN + k - i
        got = spans.get(key)
        if got is None:
            text = atoms[i].text if k == i + 1 else cell_text(stream, i, k)
            got = texts.get(text)
            if got is None:
                sh = shape_of(simplify(text) if simplify is not None else text)
                got = (_costs(sh, kinds), title_cost(sh), surplus_cost(sh), text)
                texts[text] = got
            if not text:
                surplus = got[2]
                if in_place:
                    # Framed and tab-separated rows write every cell in its place.
                    surplus = 4.0
                if (trailing_empty[i] and pads_rows) or atoms[i].droppable:
                    # An empty cell closing its line (a | b | |) may pad a row whose
                    # rowspan cells were left out at the front (tests/read/test_text_align.py).
                    surplus = DROP_TRAILING
                got = (got[0], got[1], surplus, text)
            spans[key] = got
        return got

    F = [[INF] * (n + 1) for _ in range(N + 1)]
    # back[k][s]: how state s after atom k was reached, as one int (see
    # _code; -1 for not at all): a tuple per entry made a 10,000-row table
    # hold some 300,000 tuples, and the garbage collector walked them all.
    n1 = n + 1
    W = n + 3  # the column codes: SURPLUS, REPEAT, TITLE, then 0..n-1, plus 3
    back = [[-1] * n1 for _ in range(N + 1)]
    F[0][DONE] = 0.0
    # Entering atom i: as a new row (the cheapest end of the row before, from
    # which state) and as a later cell of the same row (per column, from
    # which state).  F[i] is final once atom i is reached: computed once.
    row_in = [INF] * (N + 1)
    row_from = [-1] * (N + 1)
    into_v: list[list[float] | None] = [None] * (N + 1)
    into_from: list[list[int]] = [[]] * (N + 1)

    def enter(i: int) -> None:
        Fi = F[i]
        e = soft[i]
        rbase, rfrom = INF, -1
        for s in range(n1):
            v = Fi[s]
            if v < INF:
                v += trail_u[s] if not e else trail(s, e)
                if v < rbase:
                    rbase, rfrom = v, s
        row_in[i] = rbase + row_p[i]
        row_from[i] = rfrom
        cp = cell_p[i]
        into = [INF] * n
        frm = [-1] * n
        if cp < INF:
            if e == 0:
                run, run_from = INF, -1
                for c in range(1, n):
                    prev = Fi[c - 1]
                    if run < INF:
                        run += gap[c - 1]
                    if prev < run:
                        run, run_from = prev, c - 1
                    if run < INF:
                        into[c] = run + cp
                        frm[c] = run_from
            else:
                for c in range(1, n):
                    best, bfrom = INF, -1
                    for st in range(c):
                        if Fi[st] < INF:
                            v = Fi[st] + _seq_cost(range(st + 1, c), e, gap, empty)
                            if v < best:
                                best, bfrom = v, st
                    if best < INF:
                        into[c] = best + cp
                        frm[c] = bfrom
        into_v[i] = into
        into_from[i] = frm

    for k in range(1, N + 1):
        Fk = F[k]
        bk = back[k]
        lo = first_start[k - 1]
        for i in range(lo, k):
            iv = into_v[i]
            if iv is None:
                enter(i)
                iv = into_v[i]
                assert iv is not None
            ifrom = into_from[i]
            Fi = F[i]
            e = soft[i]
            jc = join_sum[k] - join_sum[i + 1] if k > i + 1 else 0.0
            col_fit, t_fit, s_fit, text = fits(i, k)
            rbase = row_in[i]
            if rbase < INF:
                base = rbase + jc
                code = ((i * n1 + row_from[i]) * W + 3) * 2 + 1  # column 0, a new row
                if i == lo:
                    # Nothing reached atom k yet: every column's first offer wins
                    # (the prices are finite).
                    Fk[:n] = [base + ls + cf for ls, cf in zip(lead_sum, col_fit)]
                    bk[:n] = range(code, code + 2 * n, 2)
                    Fk[DONE] = base + t_fit
                    bk[DONE] = code + 2 * TITLE
                else:
                    for c in range(n):
                        v = base + lead_sum[c] + col_fit[c]
                        if v < Fk[c]:
                            Fk[c] = v
                            bk[c] = code + 2 * c
                    v = base + t_fit
                    if v < Fk[DONE]:
                        Fk[DONE] = v
                        bk[DONE] = code + 2 * TITLE
            cp = cell_p[i] + jc
            if cp < INF:
                for c in range(1, n):
                    w = iv[c]
                    if w < INF:
                        v = w + jc + col_fit[c]
                        if v < Fk[c]:
                            Fk[c] = v
                            bk[c] = ((i * n1 + ifrom[c]) * W + c + 3) * 2
                # A cell in no column: the state stays.
                extra = cp + s_fit + DROP_SOFT * e
                for st in range(n):
                    fs = Fi[st]
                    if fs < INF:
                        v = fs + extra
                        if v < Fk[st]:
                            Fk[st] = v
                            bk[st] = (i * n1 + st) * W * 2  # SURPLUS + 3 == 0
            if not text and Fi[DONE] < INF:
                # An empty cell after a title: the title spans it.
                v = Fi[DONE] + DROP_SOFT * e
                if v < Fk[DONE]:
                    Fk[DONE] = v
                    bk[DONE] = (i * n1 + DONE) * W * 2
        for i in repeat_ends.get(k, ()):
            if into_v[i] is None:
                enter(i)
            v = row_in[i] + 0.3
            if v < Fk[DONE]:
                Fk[DONE] = v
                bk[DONE] = ((i * n1 + row_from[i]) * W + REPEAT + 3) * 2 + 1

    final = [F[N][s] + trail(s, soft[N]) if F[N][s] < INF else INF for s in range(n1)]
    end_state = min(range(n1), key=final.__getitem__)
    best = final[end_state]

    # Back-trace the winner.
    placed: list[Placed] = []
    k, s = N, end_state
    while k > 0:
        entry = back[k][s]
        assert entry >= 0
        rest, new_row = divmod(entry, 2)
        rest, col = divmod(rest, W)
        i, prev = divmod(rest, n1)
        placed.append(Placed(i, k, col - 3, bool(new_row)))
        k, s = i, prev
    placed.reverse()

    if not doubts:
        trace = [(p.start, p.end, p.column, 0, p.new_row) for p in placed]
        return (
            Aligned(
                columns=tuple(columns),
                placed=tuple(placed),
                cost=best,
                runner_up=None,
                row_cost=(),
                doubt=(),
            ),
            trace,
        )

    # Backward pass: B[i][s], the cheapest way from state s before atom i to the end.
    # (Plain comparisons rather than min(): this loop runs per atom and column.)
    B = [[INF] * (n + 1) for _ in range(N + 1)]
    for st in range(n + 1):
        B[N][st] = trail(st, soft[N])
    for i in range(N - 1, -1, -1):
        Bi = B[i]
        e = soft[i]
        row_best = INF  # the cheapest continuation after a row boundary at i
        cell_best = [INF] * n  # per column c: cheapest continuation placing a cell at c
        surplus_best = [INF] * (n + 1)
        k_hi = i + MAX_JOIN if i + MAX_JOIN < N else N
        for k in range(i + 1, k_hi + 1):
            if k > i + 1 and not joinable[k - 1]:
                break
            if first_start[k - 1] > i:
                break
            jc = join_sum[k] - join_sum[i + 1] if k > i + 1 else 0.0
            col_fit, t_fit, s_fit, text = fits(i, k)
            Bk = B[k]
            for c in range(n):
                bkc = Bk[c]
                if bkc < INF:
                    v = col_fit[c] + jc + bkc
                    w = lead_sum[c] + v
                    if w < row_best:
                        row_best = w
                    if v < cell_best[c]:
                        cell_best[c] = v
                    w = s_fit + jc + bkc
                    if w < surplus_best[c]:
                        surplus_best[c] = w
            bkd = Bk[DONE]
            if bkd < INF:
                w = t_fit + jc + bkd
                if w < row_best:
                    row_best = w
                if not text and bkd < surplus_best[DONE]:
                    surplus_best[DONE] = bkd
        if i in repeats and B[repeats[i]][DONE] + 0.3 < row_best:
            row_best = B[repeats[i]][DONE] + 0.3
        row_on = row_p[i] + row_best
        cp = cell_p[i]
        # to_right[s]: the cheapest later cell of the row after column s.
        to_right = [INF] * n
        if e == 0:
            run = INF
            for st in range(n - 2, -1, -1):
                nxt = cell_best[st + 1]
                run = nxt if nxt < run + gap[st + 1] else run + gap[st + 1]
                to_right[st] = run
        else:
            for st in range(n - 1):
                for c in range(st + 1, n):
                    if cell_best[c] < INF:
                        w = _seq_cost(range(st + 1, c), e, gap, empty) + cell_best[c]
                        if w < to_right[st]:
                            to_right[st] = w
        for st in range(n):
            v = (trail_u[st] if not e else trail(st, e)) + row_on
            w = cp + to_right[st]
            if w < v:
                v = w
            if surplus_best[st] < INF:
                w = cp + surplus_best[st] + DROP_SOFT * e
                if w < v:
                    v = w
            Bi[st] = v
        v = trail(DONE, e) + row_on
        if surplus_best[DONE] < INF:
            w = surplus_best[DONE] + DROP_SOFT * e
            if w < v:
                v = w
        Bi[DONE] = v

    # Through-costs: for each cell of the winner, the cheapest alignment that
    # places its first atom otherwise (another column, another extent).
    win = {p.start * _SPAN + p.end - p.start: p.column for p in placed}
    alt_at = [INF] * N  # per atom: the cheapest alignment not placing it as the winner does
    for k in range(1, N + 1):
        Bk = B[k]
        for i in range(first_start[k - 1], k):
            col_fit, t_fit, s_fit, text = fits(i, k)
            if not text:
                continue
            Fi = F[i]
            jc = join_sum[k] - join_sum[i + 1] if k > i + 1 else 0.0
            iv = into_v[i]
            if iv is None:
                enter(i)
                iv = into_v[i]
                assert iv is not None
            rbase = row_in[i] + jc
            won = win.get(i * _SPAN + k - i, _NO_COLUMN)
            # The cheapest placement other than the winner's (the first of equals).
            alt, alt_c = INF, _NO_COLUMN
            for c in range(n):
                into_c = iv[c] + jc
                via_row = rbase + lead_sum[c]
                v = (via_row if via_row < into_c else into_c) + col_fit[c] + Bk[c]
                if v < alt and c != won:
                    alt, alt_c = v, c
            v = rbase + t_fit + Bk[DONE]
            if v < alt and won != TITLE:
                alt, alt_c = v, TITLE
            if won != SURPLUS:
                extra = cell_p[i] + jc + s_fit
                for st in range(n):
                    if Fi[st] < INF:
                        v = Fi[st] + extra + Bk[st]
                        if v < alt:
                            alt, alt_c = v, SURPLUS
            if alt < INF:
                for a in range(i, k):
                    if alt < alt_at[a]:
                        alt_at[a] = alt
                        if _DEBUG is not None:
                            _DEBUG[a] = (i, k, alt_c, alt)

    trace = [(p.start, p.end, p.column, 0, p.new_row) for p in placed]
    aligned = Aligned(
        columns=tuple(columns),
        placed=tuple(placed),
        cost=best,
        runner_up=None,
        row_cost=(),
        doubt=(),
    )
    rows = aligned.rows()
    row_cost: list[float] = []
    doubt: list[float] = []
    for r in rows:
        a, b = r[0].start, r[-1].end
        inside = [alt_at[t] for t in range(a, b) if atoms[t].text]
        margin = min(inside, default=INF) - best
        doubt.append(margin)
        # The row's own share of the cost: F after it minus F before it.
        row_cost.append(_row_share(F, r, n))
    runner = min(alt_at, default=INF)
    return (
        attrs.evolve(
            aligned,
            runner_up=None if runner == INF else runner,
            row_cost=tuple(row_cost),
            doubt=tuple(doubt),
        ),
        trace,
    )


def _row_share(F: list[list[float]], row: list[Placed], n: int) -> float:
    first, last = row[0], row[-1]
    before = min(v for v in F[first.start] if v < INF)
    state = n if last.column in (TITLE, REPEAT) else last.column
    if last.column == SURPLUS:
        after = min(v for v in F[last.end] if v < INF)
    else:
        after = F[last.end][state]
    return after - before


def _learn(
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


@functools.lru_cache(maxsize=8192)
def _costs(sh: Shape, kinds: tuple[Kind, ...]) -> list[float]:
    return [cost(sh, kd) for kd in kinds]


def _prefix(stream: Stream, atoms: int) -> Stream:
    if len(stream.atoms) <= atoms:
        return stream
    return attrs.evolve(stream, atoms=stream.atoms[:atoms], seps=(*stream.seps[:atoms], Sep()))


def align(
    stream: Stream,
    header: Header,
    columns: Sequence[Column],
    simplify: Callable[[str], str] | None = None,
) -> Aligned:
    """The cheapest alignment of `stream` to `columns`, prices learnt once.
    `simplify` converts a Traditional table's cells before they are judged
    (the words that judge them are Simplified)."""
    fit_cache = _FitCache()
    # What the separators mean is learnt from the first rows: a long table
    # says nothing more about it, and the work stays linear.
    sample = _prefix(stream, LEARN_ATOMS)
    first = _prices(sample, header, None, simplify)
    _, trace = _run(sample, header, columns, first, simplify, doubts=False, fit_cache=fit_cache)
    learnt = _learn(sample, trace, header)
    again = _prices(stream, header, learnt, simplify)
    second, _ = _run(stream, header, columns, again, simplify, fit_cache=fit_cache)
    return second


# --- the grid -------------------------------------------------------------------------


def _span(stream: Stream, start: int, end: int) -> Span:
    a = stream.atoms
    return _lines_span(a[start].line + 1, a[end - 1].line + 1)


@functools.lru_cache(maxsize=65536)
def _lines_span(first: int, last: int) -> Span:
    """One frozen Span per line range: the cells of a line share it."""
    return Span(start_line=first, end_line=last)


def to_table(
    stream: Stream, header: Header, aligned: Aligned, rows: Sequence[Sequence[Placed]]
) -> Table:
    """The header rows and the aligned rows as a `Table` grid: a cell the row
    left out at its front (or in a grouping column) is `merged_up`."""
    out: list[Row] = []
    for hrow in header.rows:
        cells = [Cell(text=t, span=Span(start_line=ln + 1, end_line=ln + 1)) for t, ln in hrow]
        if len(hrow) < len(aligned.columns):
            # An implied column (a 序号 the header did not write) has no header text.
            cells = _with_implied(cells, aligned.columns, hrow[0][1] if hrow else 0)
        out.append(Row(cells=tuple(cells), span=cells[0].span.cover(cells[-1].span)))
    n = len(aligned.columns)
    kinds = [c.kind for c in aligned.columns]
    for r in rows:
        span = _span(stream, r[0].start, r[-1].end)
        if r[0].column in (TITLE, REPEAT):
            texts = [cell_text(stream, p.start, p.end) for p in r if p.column in (TITLE, REPEAT)]
            if r[0].column == REPEAT:
                texts = [stream.atoms[t].text for t in range(r[0].start, r[0].end)]
            cells = [Cell(text=t, span=span) for t in texts if t or r[0].column == REPEAT]
            out.append(Row(cells=tuple(cells), span=span))
            continue
        by_col: dict[int, Placed] = {p.column: p for p in r if p.column >= 0}
        first_col = min(by_col, default=n)
        grid: list[Cell] = []
        for c in range(n):
            p = by_col.get(c)
            if p is not None:
                grid.append(
                    Cell(text=cell_text(stream, p.start, p.end), span=_span(stream, p.start, p.end))
                )
            else:
                merged = c < first_col or kinds[c] in _MERGING
                grid.append(
                    Cell(text="", span=span, merged_up=merged and kinds[c] is not Kind.SUPPORT)
                )
        out.append(Row(cells=tuple(grid), span=span))
    roles = tuple(c.role for c in aligned.columns)
    return Table(
        rows=tuple(out),
        span=out[0].span.cover(out[-1].span),
        alignment=Alignment(
            cost=round(aligned.cost, 2),
            runner_up=None if aligned.runner_up is None else round(aligned.runner_up, 2),
            doubtful=(),
            roles=roles,
        ),
    )


def _with_implied(cells: list[Cell], columns: Sequence[Column], line: int) -> list[Cell]:
    out: list[Cell] = []
    it = iter(cells)
    for col in columns:
        if col.implied:
            out.append(Cell(text="", span=Span(start_line=line + 1, end_line=line + 1)))
        else:
            out.append(next(it))
    return out


def residue_of(stream: Stream, row: Sequence[Placed], reason: str) -> list[Residue]:
    out: list[Residue] = []
    for p in row:
        text = cell_text(stream, p.start, p.end)
        if text:
            out.append(Residue(text=text, reason=reason, span=_span(stream, p.start, p.end)))
    return out

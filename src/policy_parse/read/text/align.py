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
(read/text/fit.py), the gaps' (read/text/gaps.py), and the separator's
(read/text/separators.py).  What a separator means
differs from table to table (a blank line ends a row in one, a cell in the
next), so its prices are learnt: first from how the header itself was
written, then again from the first alignment's own choices (one round of
re-estimation).  Dynamic programming finds the cheapest alignment; a backward
pass gives, for every cell, the cheapest alignment that places it otherwise,
so the rows whose runner-up is close are known and reported as doubtful.
The result is an `Aligned` (read/text/placed.py), laid out as a grid by
read/text/grid.py.

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
from collections.abc import Callable, Sequence

import attrs

from .cells import Mode, Sep, Stream
from .fit import Shape, cost, shape_of, surplus_cost, title_cost
from .gaps import DROP_SOFT, GAP_PRICE, gap_tables, seq_cost
from .header import Column, Header, Kind
from .placed import REPEAT, SURPLUS, TITLE, Aligned, Placed, cell_text
from .separators import INF, Prices, learn_prices, separator_prices
from .tables import norm_header

__all__ = ["DOUBT", "MAX_JOIN", "ROW_MAX", "Aligned", "align"]

MAX_JOIN = 12  # atoms in one cell at most (a long text wrapped over lines)
LEARN_ATOMS = 1500  # atoms the separators' meaning is learnt from
# Below this margin over the best alignment, the runner-up makes a row doubtful:
# a units cell that is the lead with an empty 配合单位 (a gap of 0.8) or the
# supporters under a lead merged from above (1.8) differ by 1.0.
DOUBT = 2.0
# A row dearer than this (or with a cell in no column) cannot be aligned.
ROW_MAX = 12.0
DROP_TRAILING = 0.2  # an empty cell written last on its line that stands for no cell
_DEBUG: dict[int, tuple[int, int, int, float]] | None = None  # set by a debugging session
_NO_COLUMN = -9  # no cell of the winner spans these atoms


_SPAN = 16  # > MAX_JOIN: a span's key is its start * _SPAN + its length


@attrs.define
class _FitCache:
    """The cells' prices, kept from the learning pass to the full one: per
    span (start * _SPAN + length) and per text."""

    spans: dict[int, tuple[list[float], float, float, str]] = attrs.Factory(dict)
    texts: dict[str, tuple[list[float], float, float, str]] = attrs.Factory(dict)


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
    prices: Prices,
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
    lead_gap, gap, empty = gap_tables(columns, header.mode)
    lead_sum = [0.0] * (n + 1)
    for c in range(n):
        lead_sum[c + 1] = lead_sum[c] + lead_gap[c]
    # trail_u[s]: columns after s left out; with soft empties computed on demand.
    # Between tabs an empty cell is written, but an editor trims the tabs
    # ending a line (a Word paragraph's, a row's trailing whitespace): a row's
    # last cells left out are priced as where no empty is written.
    tail = [GAP_PRICE[c.kind] for c in columns] if header.mode is Mode.TAB else gap
    trail_u = [sum(tail[s + 1 :]) for s in range(n)] + [0.0]

    def trail(s: int, e: int) -> float:
        if not e:
            return trail_u[s]
        if s == DONE:
            return DROP_SOFT * e
        return seq_cost(range(s + 1, n), e, tail, empty)

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
                            v = Fi[st] + seq_cost(range(st + 1, c), e, gap, empty)
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
                        w = seq_cost(range(st + 1, c), e, gap, empty) + cell_best[c]
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
    first = separator_prices(sample, header, None, simplify)
    _, trace = _run(sample, header, columns, first, simplify, doubts=False, fit_cache=fit_cache)
    learnt = learn_prices(sample, trace, header)
    again = separator_prices(stream, header, learnt, simplify)
    second, _ = _run(stream, header, columns, again, simplify, fit_cache=fit_cache)
    return second

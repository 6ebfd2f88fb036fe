"""The backward pass, and with it the runner-up of every cell.

B[i][s] is the cheapest way from state s before atom i to the end; with the
forward tables (read/text/forward.py) it gives, for every cell of the
winner, the cheapest alignment that places it otherwise (the through-cost).
Rows whose runner-up comes close are reported as doubtful (read/text/align.py).
The through-costs of the cells starting at atom i need B after them only, so
they are weighed in the same visit of atom i as B[i], sharing its look-ups
(a pass of their own cost a tenth more of the alignment).
"""

# ruff: noqa: PLR1730, FURB136
# (The per-piece loops compare with `<` rather than call min(): 1.7 million
# min() calls took a sixth of a 10,000-row table's time; see
# benchmarks/bench_flat_table.py.  Nor list comprehensions or map() over the
# columns: Python 3.11 makes a function and a frame per comprehension, and
# over 5 columns this pass took 225 M instructions that way, 154 M as loops.)
from __future__ import annotations

from .gaps import DROP_SOFT
from .lattice import MAX_JOIN, SPAN, Lattice
from .placed import SURPLUS, TITLE, Placed
from .separators import INF

__all__ = ["backward"]

_NO_COLUMN = -9  # no cell of the winner spans these atoms


def backward(lat: Lattice, placed: list[Placed]) -> list[float]:
    """Per atom: the cheapest alignment that does not place it as the winner
    (`placed`) does, found by the backward pass."""
    N, n, DONE, trail, trail_u, soft, joinable, first_start, join_sum = (
        lat.N,
        lat.n,
        lat.DONE,
        lat.trail,
        lat.trail_u,
        lat.soft,
        lat.joinable,
        lat.first_start,
        lat.join_sum,
    )
    fits, lead_sum, repeats, row_p, cell_p, gap, seq = (
        lat.fits,
        lat.lead_sum,
        lat.repeats,
        lat.row_p,
        lat.cell_p,
        lat.gap,
        lat.seq,
    )
    F, into_v, enter, row_in = lat.F, lat.into_v, lat.enter, lat.row_in
    # The winner's cells by span (start * SPAN + length): the through-cost of
    # a span leaves out the winner's own placement of it.
    win = {p.start * SPAN + p.end - p.start: p.column for p in placed}
    win_get = win.get
    alt_at = [INF] * N  # per atom: the cheapest alignment not placing it as the winner does
    # B[i][s], the cheapest way from state s before atom i to the end.
    # (Plain comparisons rather than min(): this loop runs per atom and column.)
    B = [[INF] * (n + 1) for _ in range(N + 1)]
    for st in range(n + 1):
        B[N][st] = trail(st, soft[N])
    spans_get = lat.spans.get
    for i in range(N - 1, -1, -1):
        Bi = B[i]
        e = soft[i]
        Fi = F[i]
        iv = into_v[i]
        if iv is None:
            enter(i)
            iv = into_v[i]
            assert iv is not None
        rin = row_in[i]
        cpi = cell_p[i]
        # The one-atom cell at i first: every band holds it, and the bests
        # start from it.  (An unreachable Bk[c] or F[i][c] is INF: INF plus
        # a price stays INF and wins no comparison, so no test for it.)
        jc = 0.0
        got = spans_get(i * SPAN + 1)
        col_fit, t_fit, s_fit, text = got if got is not None else fits(i, i + 1)
        Bk = B[i + 1]
        bkd = Bk[DONE]
        row_best = INF  # the cheapest continuation after a row boundary at i
        cell_best = []  # per column c: cheapest continuation placing a cell at c
        surplus_best = []  # per state: the same after a cell in no column
        sj = s_fit + jc
        if text:
            # With the through-cost of this cell: its cheapest placement
            # other than the winner's.  (jc is 0 here: x + 0.0 is x.)
            won = win_get(i * SPAN + 1, _NO_COLUMN)
            extra = cpi + jc + s_fit if won != SURPLUS else INF
            alt = INF
            for c in range(n):
                bkc = Bk[c]
                cf = col_fit[c]
                ls = lead_sum[c]
                v = cf + jc + bkc
                w = ls + v
                if w < row_best:
                    row_best = w
                cell_best.append(v)
                surplus_best.append(sj + bkc)
                into_c = iv[c]
                via_row = rin + ls
                w = (via_row if via_row < into_c else into_c) + cf + bkc
                if w < alt and c != won:
                    alt = w
                w = Fi[c] + extra + bkc
                if w < alt:
                    alt = w
            w = rin + t_fit + bkd
            if w < alt and won != TITLE:
                alt = w
            if alt < alt_at[i]:
                alt_at[i] = alt
            surplus_done = INF
        else:
            for c in range(n):
                bkc = Bk[c]
                v = col_fit[c] + jc + bkc
                w = lead_sum[c] + v
                if w < row_best:
                    row_best = w
                cell_best.append(v)
                surplus_best.append(sj + bkc)
            surplus_done = bkd
        if bkd < INF:
            w = t_fit + jc + bkd
            if w < row_best:
                row_best = w
        # Then the cells of more atoms starting at i (a line wrapped inside).
        k_hi = i + MAX_JOIN if i + MAX_JOIN < N else N
        for k in range(i + 2, k_hi + 1):
            if not joinable[k - 1] or first_start[k - 1] > i:
                break
            jc = join_sum[k] - join_sum[i + 1]
            col_fit, t_fit, s_fit, text = fits(i, k)
            Bk = B[k]
            bkd = Bk[DONE]
            sj = s_fit + jc
            if text:
                won = win_get(i * SPAN + k - i, _NO_COLUMN)
                rbase = rin + jc
                extra = cpi + jc + s_fit if won != SURPLUS else INF
                alt = INF
                for c in range(n):
                    bkc = Bk[c]
                    cf = col_fit[c]
                    ls = lead_sum[c]
                    v = cf + jc + bkc
                    w = ls + v
                    if w < row_best:
                        row_best = w
                    if v < cell_best[c]:
                        cell_best[c] = v
                    w = sj + bkc
                    if w < surplus_best[c]:
                        surplus_best[c] = w
                    into_c = iv[c] + jc
                    via_row = rbase + ls
                    w = (via_row if via_row < into_c else into_c) + cf + bkc
                    if w < alt and c != won:
                        alt = w
                    w = Fi[c] + extra + bkc
                    if w < alt:
                        alt = w
                w = rbase + t_fit + bkd
                if w < alt and won != TITLE:
                    alt = w
                if alt < INF:
                    for a in range(i, k):
                        if alt < alt_at[a]:
                            alt_at[a] = alt
            else:
                for c in range(n):
                    bkc = Bk[c]
                    v = col_fit[c] + jc + bkc
                    w = lead_sum[c] + v
                    if w < row_best:
                        row_best = w
                    if v < cell_best[c]:
                        cell_best[c] = v
                    w = sj + bkc
                    if w < surplus_best[c]:
                        surplus_best[c] = w
                if bkd < surplus_done:
                    surplus_done = bkd
            if bkd < INF:
                w = t_fit + jc + bkd
                if w < row_best:
                    row_best = w
        if i in repeats and B[repeats[i]][DONE] + 0.3 < row_best:
            row_best = B[repeats[i]][DONE] + 0.3
        row_on = row_p[i] + row_best
        de = DROP_SOFT * e
        if e == 0:
            # From the last column back: the row ends at i, or a later cell of
            # it follows (run: the cheapest after column st), or a cell in no
            # column does.
            run = INF
            for st in range(n - 1, -1, -1):
                v = trail_u[st] + row_on
                w = cpi + run
                if w < v:
                    v = w
                w = cpi + surplus_best[st] + de
                if w < v:
                    v = w
                Bi[st] = v
                nxt = cell_best[st]
                w = run + gap[st]
                run = nxt if nxt < w else w
        else:
            # to_right[s]: the cheapest later cell of the row after column s.
            to_right = [INF] * n
            for st in range(n - 1):
                for c in range(st + 1, n):
                    if cell_best[c] < INF:
                        w = seq(st + 1, c, e) + cell_best[c]
                        if w < to_right[st]:
                            to_right[st] = w
            for st in range(n):
                v = trail(st, e) + row_on
                w = cpi + to_right[st]
                if w < v:
                    v = w
                w = cpi + surplus_best[st] + de
                if w < v:
                    v = w
                Bi[st] = v
        v = trail(DONE, e) + row_on
        if surplus_done < INF:
            w = surplus_done + de
            if w < v:
                v = w
        Bi[DONE] = v
    return alt_at

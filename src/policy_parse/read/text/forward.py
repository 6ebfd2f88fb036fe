"""The forward pass: the cheapest alignment, and the winner traced back.

One Viterbi pass over the lattice (read/text/lattice.py): F[k][s], the
cheapest alignment of the atoms before k that leaves the row in state s (a
column, or DONE), each reached from a band of at most `MAX_JOIN` atoms
before.  `back` keeps how, so `winner` reads the cheapest alignment back.
"""

# (The per-piece loops compare with `<` rather than call min(): 1.7 million
# min() calls took a sixth of a 10,000-row table's time; see
# benchmarks/bench_flat_table.py.)
from __future__ import annotations

from .gaps import DROP_SOFT
from .lattice import SPAN, Fits, Lattice
from .placed import REPEAT, TITLE, Placed
from .separators import INF

__all__ = ["forward", "winner"]


def forward(lat: Lattice) -> None:
    """Fill `lat.F` and `lat.back`."""
    N, n, DONE, n1, W, F, back, first_start, into_v, into_from = (
        lat.N,
        lat.n,
        lat.DONE,
        lat.n1,
        lat.W,
        lat.F,
        lat.back,
        lat.first_start,
        lat.into_v,
        lat.into_from,
    )
    enter, soft, join_sum, fits, row_in, row_from, lead_sum, cell_p, repeat_ends = (
        lat.enter,
        lat.soft,
        lat.join_sum,
        lat.fits,
        lat.row_in,
        lat.row_from,
        lat.lead_sum,
        lat.cell_p,
        lat.repeat_ends,
    )
    trail_u, row_p, gap = lat.trail_u, lat.row_p, lat.gap
    spans_get = lat.spans.get
    title_code = 2 * TITLE
    for k in range(1, N + 1):
        Fk = F[k]
        bk = back[k]
        lo = first_start[k - 1]
        # Atom k-1 is reached here first (every band ends at it): F[k-1] is
        # final.  Entered here when no blank line stands before it and a cell
        # may start there (lattice.py's `enter`, written out: a call per atom
        # cost more than its loops), else by `enter`.
        j = k - 1
        cp = cell_p[j]
        if soft[j] or cp == INF:
            enter(j)
        else:
            Fj = F[j]
            rbase, rfrom = INF, -1
            for s in range(n1):
                v = Fj[s] + trail_u[s]
                if v < rbase:
                    rbase, rfrom = v, s
            rin = row_in[j] = rbase + row_p[j]
            row_from[j] = rfrom
            into = [INF]
            frm = [-1]
            run, run_from = INF, -1
            if lo == j and rin < INF:
                # The band is the one-atom cell at j (most are): the ways into
                # j and the offers at k in one loop over the columns, each
                # offer as the loop below makes it.
                fit = spans_get(j * SPAN + 1)
                if fit is None:
                    fit = fits(j, k)
                col_fit, t_fit, s_fit, text = fit
                jc = 0.0
                base = rin + jc
                code = ((j * n1 + rfrom) * W + 3) * 2 + 1  # column 0, a new row
                extra = cp + jc + s_fit + DROP_SOFT * soft[j]
                v = base + lead_sum[0] + col_fit[0]
                w = Fj[0] + extra
                if w < v:
                    Fk[0] = w
                    bk[0] = j * n1 * W * 2
                else:
                    Fk[0] = v
                    bk[0] = code
                for c in range(1, n):
                    prev = Fj[c - 1]
                    run += gap[c - 1]
                    if prev < run:
                        run, run_from = prev, c - 1
                    ic = run + cp
                    into.append(ic)
                    frm.append(run_from)
                    cf = col_fit[c]
                    v = base + lead_sum[c] + cf
                    b = code + 2 * c
                    w = ic + jc + cf
                    if w < v:
                        v = w
                        b = ((j * n1 + run_from) * W + c + 3) * 2
                    w = Fj[c] + extra
                    if w < v:
                        v = w
                        b = (j * n1 + c) * W * 2
                    Fk[c] = v
                    bk[c] = b
                Fk[DONE] = base + t_fit
                bk[DONE] = code + title_code
                if not text and Fj[DONE] < INF:
                    # An empty cell after a title: the title spans it.
                    v = Fj[DONE] + DROP_SOFT * soft[j]
                    if v < Fk[DONE]:
                        Fk[DONE] = v
                        bk[DONE] = (j * n1 + DONE) * W * 2
                lo = k  # the band is done
            else:
                for c in range(1, n):
                    prev = Fj[c - 1]
                    run += gap[c - 1]
                    if prev < run:
                        run, run_from = prev, c - 1
                    into.append(run + cp)
                    frm.append(run_from)
            into_v[j] = into
            into_from[j] = frm
        for i in range(lo, k):
            iv = into_v[i]
            assert iv is not None
            Fi = F[i]
            jc = join_sum[k] - join_sum[i + 1] if k > i + 1 else 0.0
            fit = spans_get(i * SPAN + k - i)
            if fit is None:
                fit = fits(i, k)
            col_fit, t_fit, s_fit, text = fit
            rbase = row_in[i]
            cp = cell_p[i] + jc
            if i == lo and rbase < INF and cp < INF:
                # Nothing reached atom k yet (the common case: most cells are
                # one piece, and a band has one atom): per column at once, its
                # offers in the order of the loops below — as a new row's cell,
                # as a later cell of the row, as a cell in no column.
                base = rbase + jc
                code = ((i * n1 + row_from[i]) * W + 3) * 2 + 1  # column 0, a new row
                ifrom = into_from[i]
                extra = cp + s_fit + DROP_SOFT * soft[i]
                v = base + lead_sum[0] + col_fit[0]
                w = Fi[0] + extra
                if w < v:
                    Fk[0] = w
                    bk[0] = i * n1 * W * 2
                else:
                    Fk[0] = v
                    bk[0] = code
                for c in range(1, n):
                    cf = col_fit[c]
                    v = base + lead_sum[c] + cf
                    b = code + 2 * c
                    w = iv[c] + jc + cf
                    if w < v:
                        v = w
                        b = ((i * n1 + ifrom[c]) * W + c + 3) * 2
                    w = Fi[c] + extra
                    if w < v:
                        v = w
                        b = (i * n1 + c) * W * 2
                    Fk[c] = v
                    bk[c] = b
                Fk[DONE] = base + t_fit
                bk[DONE] = code + title_code
            else:
                _offers(lat, k, i, i == lo, jc, fit)
            if not text and Fi[DONE] < INF:
                # An empty cell after a title: the title spans it.
                v = Fi[DONE] + DROP_SOFT * soft[i]
                if v < Fk[DONE]:
                    Fk[DONE] = v
                    bk[DONE] = (i * n1 + DONE) * W * 2
        if k in repeat_ends:
            for i in repeat_ends[k]:
                v = row_in[i] + 0.3
                if v < Fk[DONE]:
                    Fk[DONE] = v
                    bk[DONE] = ((i * n1 + row_from[i]) * W + REPEAT + 3) * 2 + 1


def _offers(lat: Lattice, k: int, i: int, first: bool, jc: float, fit: Fits) -> None:
    """Atom k reached from a cell starting at atom i: as a new row's cell,
    as a later cell of the row, as a cell in no column (the general case of
    `forward`'s loop)."""
    n, DONE, n1, W = lat.n, lat.DONE, lat.n1, lat.W
    Fk, bk, Fi, iv = lat.F[k], lat.back[k], lat.F[i], lat.into_v[i]
    assert iv is not None
    lead_sum = lat.lead_sum
    col_fit, t_fit, s_fit, _ = fit
    rbase = lat.row_in[i]
    if rbase < INF:
        base = rbase + jc
        code = ((i * n1 + lat.row_from[i]) * W + 3) * 2 + 1  # column 0, a new row
        if first:
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
    cp = lat.cell_p[i] + jc
    if cp < INF:
        # (An unreachable state's INF plus a price stays INF and wins no
        # comparison: no test for it.)
        ifrom = lat.into_from[i]
        for c in range(1, n):
            v = iv[c] + jc + col_fit[c]
            if v < Fk[c]:
                Fk[c] = v
                bk[c] = ((i * n1 + ifrom[c]) * W + c + 3) * 2
        # A cell in no column: the state stays.
        extra = cp + s_fit + DROP_SOFT * lat.soft[i]
        for st in range(n):
            v = Fi[st] + extra
            if v < Fk[st]:
                Fk[st] = v
                bk[st] = (i * n1 + st) * W * 2  # SURPLUS + 3 == 0


def winner(lat: Lattice) -> tuple[list[Placed], float]:
    """The cheapest alignment's cells and its cost, read back from `lat.back`."""
    N, n1, W, F, back, trail, soft = lat.N, lat.n1, lat.W, lat.F, lat.back, lat.trail, lat.soft
    final = [F[N][s] + trail(s, soft[N]) if F[N][s] < INF else INF for s in range(n1)]
    end_state = min(range(n1), key=final.__getitem__)
    best = final[end_state]

    # Back-trace the winner.
    placed: list[Placed] = []
    k, s = N, end_state
    # (Shifts and remainders rather than divmod's tuples, and the tuple made
    # directly rather than through Placed's Python-level __new__: one per cell.)
    make, append = tuple.__new__, placed.append
    while k > 0:
        entry = back[k][s]
        assert entry >= 0
        rest = entry >> 1
        q = rest // W  # i * n1 + prev
        col = rest - q * W
        i, prev = q // n1, q % n1
        append(make(Placed, (i, k, col - 3, bool(entry & 1))))
        k, s = i, prev
    placed.reverse()
    return placed, best

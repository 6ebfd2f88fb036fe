"""The alignment's lattice: what the passes over a stream share.

Per atom: the separators' prices, their running sums, where a cell ending
there may start, where the header is written again; per column: the gaps'
prices; the cells' prices (`fits`, kept per text and span); and the forward
pass's tables (F, back, the cheapest ways into an atom), filled by
read/text/forward.py and read by read/text/backward.py.  Built once per
pass by `lattice`, so the passes stay apart without recomputing it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

import attrs

from .cells import Mode, Stream
from .fit import Shape, cost, shape_of, surplus_cost, title_cost
from .gaps import DROP_SOFT, GAP_PRICE, gap_tables, seq_cost
from .header import Column, Header, Kind
from .placed import cell_text
from .separators import INF, Prices
from .tables import norm_header

__all__ = ["MAX_JOIN", "SPAN", "FitCache", "Lattice", "lattice"]

MAX_JOIN = 12  # atoms in one cell at most (a long text wrapped over lines)
DROP_TRAILING = 0.2  # an empty cell written last on its line that stands for no cell
SPAN = 16  # > MAX_JOIN: a span's key is its start * SPAN + its length


@attrs.define
class FitCache:
    """The cells' prices, kept from the learning pass to the full one: per
    span (start * SPAN + length) and per text."""

    spans: dict[int, tuple[list[float], float, float, str]] = attrs.Factory(dict)
    texts: dict[str, tuple[list[float], float, float, str]] = attrs.Factory(dict)


def find_repeats(stream: Stream, header: Header) -> dict[int, int]:
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


@functools.lru_cache(maxsize=8192)
def costs(sh: Shape, kinds: tuple[Kind, ...]) -> list[float]:
    return [cost(sh, kd) for kd in kinds]


Fits = tuple[list[float], float, float, str]  # per column, as a title, as surplus; the text


@attrs.define
class Lattice:
    """What the forward and backward passes share (see the module's docstring)."""

    stream: Stream
    N: int
    n: int
    DONE: int  # state: the row is complete (a title, a repeated header)
    n1: int
    W: int  # the column codes: SURPLUS, REPEAT, TITLE, then 0..n-1, plus 3
    lead_sum: list[float]
    gap: list[float]
    empty: list[float]
    trail_u: list[float]
    trail: Callable[[int, int], float]
    seq: Callable[[int, int, int], float]  # gaps.seq_cost of columns a..b-1, kept
    cell_p: list[float]
    row_p: list[float]
    soft: list[int]
    joinable: list[bool]
    join_sum: list[float]
    first_start: list[int]
    repeats: dict[int, int]
    repeat_ends: dict[int, list[int]]
    fits: Callable[[int, int], Fits]
    spans: dict[int, Fits]  # what `fits` keeps per span (start * SPAN + length)
    F: list[list[float]]  # F[k][s]: the cheapest alignment of atoms before k ending in state s
    back: list[list[int]]  # back[k][s]: how F[k][s] was reached, one int (read/text/forward.py)
    row_in: list[float]
    row_from: list[int]
    into_v: list[list[float] | None]
    into_from: list[list[int]]
    enter: Callable[[int], None]


def lattice(
    stream: Stream,
    header: Header,
    columns: Sequence[Column],
    prices: Prices,
    simplify: Callable[[str], str] | None = None,
    fit_cache: FitCache | None = None,
) -> Lattice:
    """The lattice of one pass, its forward tables empty.  `fit_cache` keeps
    the cells' prices from one pass to the next (they do not depend on the
    separators' prices)."""
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

    # Gaps with blank lines that may stand for empty cells: priced once per
    # (first column, end, blank lines) — a long table asks the same few
    # questions at every such separator.
    seq_memo: dict[tuple[int, int, int], float] = {}
    trail_memo: dict[tuple[int, int], float] = {}

    def seq(a: int, b: int, e: int) -> float:
        """seq_cost of columns a..b-1 skipped, `e` blank lines written."""
        v = seq_memo.get((a, b, e))
        if v is None:
            v = seq_memo[a, b, e] = seq_cost(range(a, b), e, gap, empty)
        return v

    def trail(s: int, e: int) -> float:
        if not e:
            return trail_u[s]
        if s == DONE:
            return DROP_SOFT * e
        v = trail_memo.get((s, e))
        if v is None:
            v = trail_memo[s, e] = seq_cost(range(s + 1, n), e, tail, empty)
        return v

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
    repeats = find_repeats(stream, header)
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
        fit_cache = FitCache()
    spans, texts = fit_cache.spans, fit_cache.texts
    in_place = not pads_rows and header.mode in (Mode.PIPE, Mode.TAB)

    def fits(i: int, k: int) -> tuple[list[float], float, float, str]:
        # A cell's prices depend on its text, and an empty cell's surplus on
        # where it stands: kept per text (a table repeats its unit names,
        # deadlines and empty cells) and per span (keyed i * SPAN + length).
        key = i * SPAN + k - i
        got = spans.get(key)
        if got is None:
            text = atoms[i].text if k == i + 1 else cell_text(stream, i, k)
            got = texts.get(text)
            if got is None:
                sh = shape_of(simplify(text) if simplify is not None else text)
                got = (costs(sh, kinds), title_cost(sh), surplus_cost(sh), text)
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
        # (An unreachable state's INF plus a price stays INF and wins no
        # comparison: the loops add without testing for it.)
        Fi = F[i]
        e = soft[i]
        rbase, rfrom = INF, -1
        if not e:
            for s in range(n1):
                v = Fi[s] + trail_u[s]
                if v < rbase:
                    rbase, rfrom = v, s
        else:
            for s in range(n1):
                v = Fi[s]
                if v < INF:
                    v += trail(s, e)
                    if v < rbase:
                        rbase, rfrom = v, s
        row_in[i] = rbase + row_p[i]
        row_from[i] = rfrom
        cp = cell_p[i]
        if cp < INF:
            if e == 0:
                into = [INF]
                frm = [-1]
                run, run_from = INF, -1
                for c in range(1, n):
                    prev = Fi[c - 1]
                    run += gap[c - 1]
                    if prev < run:
                        run, run_from = prev, c - 1
                    into.append(run + cp)
                    frm.append(run_from)
            else:
                into = [INF] * n
                frm = [-1] * n
                for c in range(1, n):
                    best, bfrom = INF, -1
                    for st in range(c):
                        if Fi[st] < INF:
                            v = Fi[st] + seq(st + 1, c, e)
                            if v < best:
                                best, bfrom = v, st
                    if best < INF:
                        into[c] = best + cp
                        frm[c] = bfrom
        else:
            into = [INF] * n
            frm = [-1] * n
        into_v[i] = into
        into_from[i] = frm

    return Lattice(
        stream=stream,
        N=N,
        n=n,
        DONE=DONE,
        n1=n1,
        W=W,
        lead_sum=lead_sum,
        gap=gap,
        empty=empty,
        trail_u=trail_u,
        trail=trail,
        seq=seq,
        cell_p=cell_p,
        row_p=row_p,
        soft=soft,
        joinable=joinable,
        join_sum=join_sum,
        first_start=first_start,
        repeats=repeats,
        repeat_ends=repeat_ends,
        fits=fits,
        spans=spans,
        F=F,
        back=back,
        row_in=row_in,
        row_from=row_from,
        into_v=into_v,
        into_from=into_from,
        enter=enter,
    )

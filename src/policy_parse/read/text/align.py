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
(read/text/separators.py).  What a separator means differs from table to
table (a blank line ends a row in one, a cell in the next), so its prices
are learnt: first from how the header itself was written, then again from
the first alignment's own choices (one round of re-estimation).  Dynamic programming finds the cheapest alignment; a backward
pass gives, for every cell, the cheapest alignment that places it otherwise,
so the rows whose runner-up is close are known and reported as doubtful.
The passes are read/text/forward.py and read/text/backward.py, over what
read/text/lattice.py sets up; the result is an `Aligned`
(read/text/placed.py), laid out as a grid by read/text/grid.py.

The work is linear in the atoms: a cell spans at most `MAX_JOIN` atoms and a
row at most the header's columns, so each atom is weighed against a fixed
band of predecessors.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from .backward import backward
from .cells import Sep, Stream
from .forward import forward, winner
from .header import Column, Header
from .lattice import MAX_JOIN, FitCache, lattice
from .placed import DOUBT, REPEAT, ROW_MAX, SURPLUS, TITLE, Aligned, Placed
from .separators import INF, Prices, learn_prices, separator_prices

__all__ = ["DOUBT", "MAX_JOIN", "ROW_MAX", "Aligned", "align"]

LEARN_ATOMS = 1500  # atoms the separators' meaning is learnt from
# DOUBT (a runner-up this close makes a row doubtful) and ROW_MAX (a row
# dearer than this cannot be aligned) live in placed.py.


def _run(
    stream: Stream,
    header: Header,
    columns: Sequence[Column],
    prices: Prices,
    simplify: Callable[[str], str] | None = None,
    *,
    doubts: bool = True,
    fit_cache: FitCache | None = None,
) -> tuple[Aligned, list[tuple[int, int, int, int, bool]]]:
    """One Viterbi pass forward, and with `doubts` one backward and the
    runner-up of every cell.  `fit_cache` keeps the cells' prices from one
    pass to the next (they do not depend on the separators' prices).  The
    trace (what `learn_prices` reads) comes with the pass without `doubts`
    only."""
    lat = lattice(stream, header, columns, prices, simplify, fit_cache)
    forward(lat)
    placed, best = winner(lat)
    atoms, F, n = stream.atoms, lat.F, lat.n

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
    alt_at = backward(lat, placed)

    # (No trace here: only the learning pass's is read, and a long table's
    # would be a tuple per cell.)
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
        # The cheapest runner-up through a written cell of the row (a plain
        # loop: no comprehension's frame per row of a long table).
        least = INF
        for t in range(r[0].start, r[-1].end):
            if atoms[t].text and alt_at[t] < least:
                least = alt_at[t]
        margin = least - best
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
        [],
    )


def _row_share(F: list[list[float]], row: list[Placed], n: int) -> float:
    # (min over the whole state list: the winner passes through the row, so
    # a state is reachable, and an unreachable one is INF, never the least.)
    first, last = row[0], row[-1]
    before = min(F[first.start])
    state = n if last.column in (TITLE, REPEAT) else last.column
    if last.column == SURPLUS:
        after = min(F[last.end])
    else:
        after = F[last.end][state]
    return after - before


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
    fit_cache = FitCache()
    # What the separators mean is learnt from the first rows: a long table
    # says nothing more about it, and the work stays linear.
    sample = _prefix(stream, LEARN_ATOMS)
    first = separator_prices(sample, header, None, simplify)
    _, trace = _run(sample, header, columns, first, simplify, doubts=False, fit_cache=fit_cache)
    learnt = learn_prices(sample, trace, header)
    again = separator_prices(stream, header, learnt, simplify)
    second, _ = _run(stream, header, columns, again, simplify, fit_cache=fit_cache)
    return second

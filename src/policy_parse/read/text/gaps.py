"""The prices of gaps: a column a row does not write.

At the front of a row a column left out was merged from the row above (a
rowspan); elsewhere it was left out, or written as a blank (or bar) line
more than usual, which stands for an empty cell where it explains the most.
The aligner (read/text/align.py) adds these to the cells' and separators'
prices.
"""

from __future__ import annotations

from collections.abc import Sequence

from .cells import Mode
from .fit import EMPTY_COST
from .header import Column, Kind

__all__ = ["DROP_SOFT", "GAP_PRICE", "LEAD_GAP", "MERGING", "gap_tables", "seq_cost"]

DROP_SOFT = 0.15  # a blank line more than usual that stands for no cell

# Gaps: a column a row does not write.  At the front of a row it was merged
# from the row above (a rowspan); elsewhere it was left out.
LEAD_GAP = {
    Kind.NUMBER: 0.8,
    Kind.TEXT: 4.0,
    Kind.GROUP: 0.3,
    Kind.LEAD: 1.0,
    Kind.SUPPORT: 2.5,
    Kind.PERSONS: 0.8,
    Kind.DEADLINE: 0.8,
    Kind.EXTRA: 1.5,
}
GAP_PRICE = {
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
MERGING = {Kind.NUMBER, Kind.GROUP, Kind.LEAD, Kind.PERSONS, Kind.DEADLINE}


def gap_tables(
    columns: Sequence[Column], mode: Mode
) -> tuple[list[float], list[float], list[float]]:
    lead = [LEAD_GAP[c.kind] for c in columns]
    if mode in (Mode.PIPE, Mode.TAB):
        # Where empty cells are written (| |, two tabs), a cell left out
        # anywhere was merged from above: priced as a rowspan, dearer in a
        # column no rowspan covers.
        gap = [LEAD_GAP[c.kind] + (0.0 if c.kind in MERGING else 2.0) for c in columns]
    else:
        gap = [GAP_PRICE[c.kind] for c in columns]
    empty = [EMPTY_COST[c.kind] for c in columns]
    return lead, gap, empty


def seq_cost(cols: range, e: int, gap: list[float], empty: list[float]) -> float:
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

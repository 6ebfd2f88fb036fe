"""Reconciliation: where the prose list and the 分工表 disagree.

`measures_to_discrepancies` pairs prose measures with table rows
(pairing.py: by text written once on each side, by id, by number, by
similar text), checks each side's numbering and reports a renumbered pair
once (numbering.py), then compares each pair's text, lead, supporting
units, deadline and placement (findings.py).  Every finding is a
`Discrepancy` with a stable code (docs/discrepancies.md).  Severity says
what a supervision office must do: *error* — the two statements of one
measure contradict each other (or one is missing); *warning* — probably a
clerk's slip worth a look; *info* — a harmless variation the parser
resolved (an abbreviation, a notice with one side only).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..models import Discrepancy, Kind, Measure, Notice, Severity, TableEntry
from .common import pair_finding
from .findings import (
    Texts,
    alias_findings,
    deadline_findings,
    deadline_one_side,
    placement_findings,
    repeated_terms,
    text_findings,
    unit_findings,
)
from .numbering import numbering_findings
from .pairing import Pair, comparable_text, pair_measures

__all__ = ["comparable_text", "measures_to_discrepancies", "reconcile"]


def _one_sided(measures: Sequence[Measure], table: Sequence[TableEntry]) -> list[Discrepancy]:
    if measures and not table:
        msg = "the notice has no 分工表: the prose list is not reconciled against a table"
        return [pair_finding(Kind.MISSING_IN_TABLE, Severity.INFO, None, None, None, msg)]
    if table and not measures:
        msg = "the notice has no prose list: the 分工表 is not reconciled against one"
        return [pair_finding(Kind.MISSING_IN_PROSE, Severity.INFO, None, None, None, msg)]
    return []


def measures_to_discrepancies(
    measures: Sequence[Measure], table: Sequence[TableEntry]
) -> tuple[Discrepancy, ...]:
    # A table-only notice's measures are views of its rows: nothing to pair.
    measures = [m for m in measures if m.origin == "prose"]
    out = _one_sided(measures, table)
    texts = Texts(measures, table)
    pairs = pair_measures(measures, table, (texts.prose, texts.every_row))
    # A table that writes no number took its numbers from the prose it
    # repeats (normalize.assemble._join_by_text): its numbering is the prose's.
    writes_numbers = any(e.written_number for e in table)
    numbered = [k for k, e in enumerate(table) if e.number is not None and e.id and writes_numbers]
    t_index = {k: j for j, k in enumerate(numbered)}
    renumbered = [
        (p.prose, t_index[p.table])
        for p in pairs
        if p.prose is not None
        and p.table is not None
        and p.table in t_index
        and measures[p.prose].number != table[p.table].number
    ]
    out += numbering_findings(
        [(m.section or m.part, m.number, m.id) for m in measures],  # type: ignore[misc]
        [
            (table[k].section or table[k].part, table[k].number, table[k].id)  # type: ignore[misc]
            for k in numbered
        ],
        renumbered,
    )
    for e in table:
        if e.number is None:
            msg = f"table row {e.row} has no number and follows no numbered row"
            out.append(pair_finding(Kind.NUMBERING, Severity.WARNING, None, None, e.text[:40], msg))

    # A deadline one side leaves out is said only where both sides write
    # deadlines: a table with no 时限 column leaves them to the prose, and a
    # prose list that never repeats the table's 时限 (the common shape, the
    # sample's) leaves them to the table — per measure, either is noise.
    dated = any(e.deadline is not None and "deadline" not in e.inherited for e in table) and any(
        m.deadline is not None for m in measures
    )
    for pair in pairs:
        out += _pair_findings(pair, measures, table, texts, dated=dated)
    return tuple(out)


def _pair_findings(
    pair: Pair,
    measures: Sequence[Measure],
    table: Sequence[TableEntry],
    texts: Texts,
    *,
    dated: bool = False,
) -> list[Discrepancy]:
    out: list[Discrepancy] = []
    p = None if pair.prose is None else measures[pair.prose]
    t = None if pair.table is None else table[pair.table]
    mid = p.id if p is not None else t.id if t is not None else None
    if p is not None and t is None and table:
        msg = f"measure {mid} is in the prose list but not in the table"
        out.append(pair_finding(Kind.MISSING_IN_TABLE, Severity.ERROR, mid, p.text, None, msg))
    elif t is not None and p is None and measures:
        msg = f"measure {mid} is in the table but not in the prose list"
        out.append(pair_finding(Kind.MISSING_IN_PROSE, Severity.ERROR, mid, None, t.text, msg))
    if p is not None:
        other = [*t.lead, *t.support] if t else ()
        out += alias_findings(mid, "prose", [*p.lead, *p.support], other)
        out += repeated_terms(mid, "prose", p.text, [*p.lead, *p.support])
    if t is not None:
        other = [*p.lead, *p.support] if p else ()
        out += alias_findings(mid, "table", [*t.lead, *t.support], other)
        out += repeated_terms(mid, "table", t.text, [*t.lead, *t.support])
        # A table on its own: a row copied from the row above is still a slip.
        if (
            not measures
            and pair.table is not None
            and (copied := texts.copied("table", pair.table, before_only=True))
        ):
            msg = f"the table text of {mid} repeats that of {copied} word for word"
            found = pair_finding(Kind.DUPLICATE_TEXT, Severity.ERROR, mid, None, t.text, msg)
            # No prose to differ from: its own words (messages.toml [note]).
            fields = (("measure", mid or ""), ("copied", copied))
            out.append(attrs.evolve(found, note="copied_row", fields=fields))
    if p is not None and t is not None and mid is not None:
        assert pair.prose is not None and pair.table is not None
        out += text_findings(mid, pair.prose, pair.table, p, t, texts)
        out += unit_findings(mid, p, t)
        out += deadline_findings(mid, p, t)
        if dated:
            out += deadline_one_side(mid, p, t)
        out += placement_findings(mid, p, t)
    return out


def reconcile(notice: Notice) -> tuple[Discrepancy, ...]:
    """The discrepancies between a notice's prose list and its table."""
    return measures_to_discrepancies(notice.measures, notice.table)

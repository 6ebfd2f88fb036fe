"""Reconciliation: where the prose list and the 分工表 disagree.

`measures_to_discrepancies` pairs prose measures with table rows by number
and compares text, lead unit and supporting units; it also checks numbering
on each side and repeated list items.  Every finding is a `Discrepancy` with
a stable code (docs/discrepancies.md).  Severity says what a supervision
office must do: *error* — the two statements of one measure contradict each
other (or one is missing); *warning* — probably a clerk's slip worth a look;
*info* — a harmless variation the parser resolved (an abbreviation, a
sub-row without its own number).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from .models import (
    Discrepancy,
    Kind,
    Measure,
    MeasureNo,
    Notice,
    Severity,
    TableEntry,
    Unit,
    UnitStatus,
)
from .segment.grammar import REPEATED_TERM, WHITESPACE

__all__ = ["comparable_text", "measures_to_discrepancies", "reconcile"]

_TRAILING = "。.；;，, "


def comparable_text(text: str) -> str:
    """Text as compared: widths unified, whitespace and end punctuation gone."""
    return WHITESPACE.sub("", unicodedata.normalize("NFKC", text)).rstrip(_TRAILING)


def _d(kind: Kind, sev: Severity, no: MeasureNo | None, prose: object, table: object, msg: str) -> Discrepancy:
    return Discrepancy(
        kind=kind,
        severity=sev,
        measure=None if no is None else str(no),
        prose=prose,  # type: ignore[arg-type]
        table=table,  # type: ignore[arg-type]
        message=msg,
    )


def _names(units: Iterable[Unit]) -> tuple[str, ...]:
    return tuple(u.name for u in units)


def _match_units(mine: Sequence[Unit], theirs: Sequence[Unit]) -> tuple[list[str], list[str]]:
    """Units on each side not found on the other.  An ambiguous abbreviation
    matches one of its candidates that the other side names and this side
    does not name already (金融局 beside 财政金融局 can only be 金融招商局)."""
    left = [u.name for u in mine]
    right = [u.name for u in theirs]

    def settle(units: Sequence[Unit], own: list[str], other: list[str]) -> None:
        for u in units:
            if u.status is UnitStatus.AMBIGUOUS and u.name in own:
                fits = [c for c in u.candidates if c in other and c not in own]
                if len(fits) == 1:
                    own[own.index(u.name)] = fits[0]

    settle(mine, left, right)
    settle(theirs, right, left)
    only_left = [n for n in left if n not in right]
    only_right = [n for n in right if n not in left]
    return only_left, only_right


def _alias_findings(
    no: MeasureNo | None, side: str, units: Sequence[Unit], other: Sequence[Unit] = ()
) -> list[Discrepancy]:
    out = []
    other_side = "table" if side == "prose" else "prose"
    own_names = {u.name for u in units}
    other_names = {u.name for u in other}
    for u in units:
        values: tuple[object, object]
        if u.status is UnitStatus.RESOLVED:
            values = (u.written, None) if side == "prose" else (None, u.written)
            out.append(
                _d(Kind.ALIAS, Severity.INFO, no, *values,
                   f"the {side} writes {u.written} for {u.name}, the full name used elsewhere in the notice")
            )
        elif u.status is UnitStatus.AMBIGUOUS:
            values = (u.written, None) if side == "prose" else (None, u.written)
            out.append(
                _d(Kind.ALIAS, Severity.WARNING, no, *values,
                   f"the {side} writes {u.written}, which could be any of "
                   + "、".join(u.candidates) + _hint(u, own_names, other_names, other_side))
            )
    return out


def _hint(u: Unit, own: set[str], other: set[str], other_side: str) -> str:
    fits = [c for c in u.candidates if c in other and c not in own]
    if len(fits) == 1:
        return f"; read as {fits[0]}, which the {other_side} names here"
    return "; check which department is meant"


def _repeated_terms(no: MeasureNo | None, side: str, text: str, units: Sequence[Unit]) -> list[Discrepancy]:
    out = []
    for m in REPEATED_TERM.finditer(text):
        values = (m["term"], None) if side == "prose" else (None, m["term"])
        out.append(
            _d(Kind.REPEATED_TERM, Severity.WARNING, no, *values,
               f"the {side} text lists {m['term']} twice in a row")
        )
    seen: set[str] = set()
    for u in units:
        if u.name in seen:
            values = (u.written, None) if side == "prose" else (None, u.written)
            out.append(
                _d(Kind.REPEATED_TERM, Severity.WARNING, no, *values,
                   f"the {side} names {u.name} twice among the units")
            )
        seen.add(u.name)
    return out


def _numbering(numbers: Sequence[MeasureNo], side: str) -> list[Discrepancy]:
    """Gaps, repeats and disorder in one side's main numbers and sub-numbers."""
    out: list[Discrepancy] = []
    seen: set[MeasureNo] = set()
    prev: MeasureNo | None = None
    for no in numbers:
        if no in seen:
            out.append(_d(Kind.NUMBERING, Severity.ERROR, no, *_side(side, str(no)),
                          f"the {side} numbers two measures {no}"))
        elif prev is not None:
            p, n = prev.parts, no.parts
            if n[0] == p[0]:
                expected = (p[1] + 1) if len(p) > 1 and len(n) > 1 else None
                if expected is not None and n[1] != expected:
                    out.append(_d(Kind.NUMBERING, Severity.WARNING, no, *_side(side, str(no)),
                                  f"the {side} goes from {prev} to {no}"))
            elif n[0] == p[0] + 1:
                if len(n) > 1 and n[1] != 1:
                    out.append(_d(Kind.NUMBERING, Severity.WARNING, no, *_side(side, str(no)),
                                  f"the {side} starts {n[0]} at sub-number {n[1]}"))
            elif n[0] > p[0] + 1:
                missing = "、".join(str(k) for k in range(p[0] + 1, n[0]))
                out.append(_d(Kind.NUMBERING, Severity.WARNING, no, *_side(side, str(no)),
                              f"the {side} jumps from {prev} to {no}: no measure {missing}"))
            else:
                out.append(_d(Kind.NUMBERING, Severity.WARNING, no, *_side(side, str(no)),
                              f"the {side} has {no} after {prev}: out of order"))
        seen.add(no)
        prev = no
    return out


def _side(side: str, value: object) -> tuple[object, object]:
    return (value, None) if side == "prose" else (None, value)


def measures_to_discrepancies(
    measures: Sequence[Measure], table: Sequence[TableEntry]
) -> tuple[Discrepancy, ...]:
    out: list[Discrepancy] = []
    has_prose, has_table = bool(measures), bool(table)
    by_no_table: dict[MeasureNo, TableEntry] = {}
    for e in table:
        if e.number is not None:
            by_no_table.setdefault(e.number, e)
    by_no_prose: dict[MeasureNo, Measure] = {}
    for m in measures:
        by_no_prose.setdefault(m.number, m)

    out += _numbering([m.number for m in measures], "prose")
    out += _numbering([e.number for e in table if e.number is not None], "table")
    for e in table:
        if e.number is None:
            out.append(_d(Kind.NUMBERING, Severity.WARNING, None, None, e.text[:40],
                          f"table row {e.row} has no number and follows no numbered row"))
        elif e.number_inferred and not e.written_number:
            out.append(_d(Kind.NUMBERING, Severity.INFO, e.number, str(e.number) if e.number in by_no_prose else None, "",
                          f"table row {e.row} has no 序号 of its own; read as {e.number}, the next part of the measure above"))

    prose_texts = {m.number: comparable_text(m.text) for m in measures}
    table_texts = {e.number: comparable_text(e.text) for e in table if e.number is not None}
    order = [m.number for m in measures]
    order += [e.number for e in table if e.number is not None and e.number not in by_no_prose]

    for no in order:
        p, t = by_no_prose.get(no), by_no_table.get(no)
        if p is not None and t is None:
            if has_table:
                out.append(_d(Kind.MISSING_IN_TABLE, Severity.ERROR, no, p.text, None,
                              f"measure {no} is in the prose list but not in the table"))
        elif t is not None and p is None:
            if has_prose:
                out.append(_d(Kind.MISSING_IN_PROSE, Severity.ERROR, no, None, t.text,
                              f"measure {no} is in the table but not in the prose list"))
        if p is not None:
            out += _alias_findings(no, "prose", [*p.lead, *p.support], [*t.lead, *t.support] if t else ())
            out += _repeated_terms(no, "prose", p.text, [*p.lead, *p.support])
        if t is not None:
            out += _alias_findings(no, "table", [*t.lead, *t.support], [*p.lead, *p.support] if p else ())
            out += _repeated_terms(no, "table", t.text, [*t.lead, *t.support])
        if p is None or t is None:
            continue

        pt, tt = prose_texts[no], table_texts[no]
        if pt != tt:
            copied_from = next(
                (o for o in _neighbours(order, no) if prose_texts.get(o) == pt), None
            )
            table_copied = next(
                (o for o in _neighbours(order, no) if table_texts.get(o) == tt), None
            )
            if copied_from is not None:
                out.append(_d(Kind.DUPLICATE_TEXT, Severity.ERROR, no, p.text, t.text,
                              f"the prose text of {no} repeats that of {copied_from}; the table has its own text for {no}"))
            elif table_copied is not None:
                out.append(_d(Kind.DUPLICATE_TEXT, Severity.ERROR, no, p.text, t.text,
                              f"the table text of {no} repeats that of {table_copied}; the prose has its own text for {no}"))
            else:
                out.append(_d(Kind.TEXT_MISMATCH, Severity.WARNING, no, p.text, t.text,
                              f"the prose and the table word measure {no} differently"))

        lead_p, lead_t = _match_units(p.lead, t.lead)
        if lead_p or lead_t:
            out.append(_d(Kind.LEAD_MISMATCH, Severity.ERROR, no, _names(p.lead), _names(t.lead),
                          f"measure {no}: the prose names {'、'.join(_names(p.lead)) or 'no lead'} as lead, "
                          f"the table {'、'.join(_names(t.lead)) or 'no lead'}"))
        sup_p, sup_t = _match_units(p.support, t.support)
        # A lead that moved into the other side's supporters is one finding, not two.
        sup_p = [n for n in sup_p if n not in _names(t.lead)]
        sup_t = [n for n in sup_t if n not in _names(p.lead)]
        if sup_p or sup_t:
            sev = Severity.ERROR if sup_p and sup_t else Severity.WARNING
            parts = []
            if sup_p:
                parts.append("only the prose names " + "、".join(sup_p))
            if sup_t:
                parts.append("only the table names " + "、".join(sup_t))
            out.append(_d(Kind.UNITS_MISMATCH, sev, no, _names(p.support), _names(t.support),
                          f"measure {no}: supporting units differ: " + "; ".join(parts)))
    return tuple(out)


def _neighbours(order: Sequence[MeasureNo], no: MeasureNo) -> list[MeasureNo]:
    k = order.index(no)
    return [order[j] for j in (k - 1, k + 1) if 0 <= j < len(order)]


def reconcile(notice: Notice) -> tuple[Discrepancy, ...]:
    """The discrepancies between a notice's prose list and its table."""
    return measures_to_discrepancies(notice.measures, notice.table)

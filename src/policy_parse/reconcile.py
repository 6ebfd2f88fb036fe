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


def _d(
    kind: Kind, sev: Severity, mid: str | None, prose: object, table: object, msg: str
) -> Discrepancy:
    return Discrepancy(
        kind=kind,
        severity=sev,
        measure=mid,
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


def _one_side(
    kind: Kind, sev: Severity, mid: str | None, side: str, value: object, msg: str
) -> Discrepancy:
    """A finding about one side only: its value goes under that side's name."""
    prose, table = (value, None) if side == "prose" else (None, value)
    return _d(kind, sev, mid, prose, table, msg)


def _alias_findings(
    no: str | None, side: str, units: Sequence[Unit], other: Sequence[Unit] = ()
) -> list[Discrepancy]:
    out = []
    other_side = "table" if side == "prose" else "prose"
    own_names = {u.name for u in units}
    other_names = {u.name for u in other}
    for u in units:
        if u.status is UnitStatus.RESOLVED:
            msg = f"the {side} writes {u.written} for {u.name}, the full name used elsewhere in the notice"
            out.append(_one_side(Kind.ALIAS, Severity.INFO, no, side, u.written, msg))
        elif u.status is UnitStatus.AMBIGUOUS:
            msg = (
                f"the {side} writes {u.written}, which could be any of "
                + "、".join(u.candidates)
                + _hint(u, own_names, other_names, other_side)
            )
            out.append(_one_side(Kind.ALIAS, Severity.WARNING, no, side, u.written, msg))
    return out


def _hint(u: Unit, own: set[str], other: set[str], other_side: str) -> str:
    fits = [c for c in u.candidates if c in other and c not in own]
    if len(fits) == 1:
        return f"; read as {fits[0]}, which the {other_side} names here"
    return "; check which department is meant"


def _repeated_terms(
    no: str | None, side: str, text: str, units: Sequence[Unit]
) -> list[Discrepancy]:
    out = [
        _one_side(
            Kind.REPEATED_TERM,
            Severity.WARNING,
            no,
            side,
            m["term"],
            f"the {side} text lists {m['term']} twice in a row",
        )
        for m in REPEATED_TERM.finditer(text)
    ]
    seen: set[str] = set()
    for u in units:
        if u.name in seen:
            msg = f"the {side} names {u.name} twice among the units"
            out.append(_one_side(Kind.REPEATED_TERM, Severity.WARNING, no, side, u.written, msg))
        seen.add(u.name)
    return out


def _numbering(numbers: Sequence[tuple[MeasureNo, str]], side: str) -> list[Discrepancy]:
    """Gaps, repeats and disorder in one side's main numbers and sub-numbers."""
    out: list[Discrepancy] = []
    seen: set[MeasureNo] = set()
    prev: MeasureNo | None = None
    for no, mid in numbers:
        sev, msg = Severity.WARNING, None
        if no in seen:
            sev, msg = Severity.ERROR, f"the {side} numbers two measures {no}"
        elif prev is not None:
            p, n = prev.parts, no.parts
            if n[0] == p[0]:
                if len(p) > 1 and len(n) > 1 and n[1] != p[1] + 1:
                    msg = f"the {side} goes from {prev} to {no}"
            elif n[0] == p[0] + 1:
                if len(n) > 1 and n[1] != 1:
                    msg = f"the {side} starts {n[0]} at sub-number {n[1]}"
            elif n[0] > p[0] + 1:
                missing = "、".join(str(k) for k in range(p[0] + 1, n[0]))
                msg = f"the {side} jumps from {prev} to {no}: no measure {missing}"
            else:
                msg = f"the {side} has {no} after {prev}: out of order"
        if msg is not None:
            out.append(_one_side(Kind.NUMBERING, sev, mid, side, str(no), msg))
        seen.add(no)
        prev = no
    return out


def measures_to_discrepancies(
    measures: Sequence[Measure], table: Sequence[TableEntry]
) -> tuple[Discrepancy, ...]:
    out: list[Discrepancy] = []
    if measures and not table:
        out.append(
            _d(
                Kind.MISSING_IN_TABLE,
                Severity.INFO,
                None,
                None,
                None,
                "the notice has no 分工表: the prose list is not reconciled against a table",
            )
        )
    if table and not measures:
        out.append(
            _d(
                Kind.MISSING_IN_PROSE,
                Severity.INFO,
                None,
                None,
                None,
                "the notice has no prose list: the 分工表 is not reconciled against one",
            )
        )
    by_id_table: dict[str, TableEntry] = {}
    for e in table:
        if e.id is not None:
            by_id_table.setdefault(e.id, e)
    by_id_prose: dict[str, Measure] = {}
    for m in measures:
        by_id_prose.setdefault(m.id, m)

    out += _numbering_by_section([(m.section or m.part, m.number, m.id) for m in measures], "prose")
    out += _numbering_by_section(
        [(e.section or e.part, e.number, e.id) for e in table if e.number is not None and e.id],
        "table",
    )
    for e in table:
        if e.number is None:
            out.append(
                _d(
                    Kind.NUMBERING,
                    Severity.WARNING,
                    None,
                    None,
                    e.text[:40],
                    f"table row {e.row} has no number and follows no numbered row",
                )
            )

    texts = _Texts(measures, table)
    order = texts.prose_order + [i for i in texts.table_order if i not in by_id_prose]
    for mid in order:
        p, t = by_id_prose.get(mid), by_id_table.get(mid)
        if p is not None and t is None and table:
            out.append(
                _d(
                    Kind.MISSING_IN_TABLE,
                    Severity.ERROR,
                    mid,
                    p.text,
                    None,
                    f"measure {mid} is in the prose list but not in the table",
                )
            )
        elif t is not None and p is None and measures:
            out.append(
                _d(
                    Kind.MISSING_IN_PROSE,
                    Severity.ERROR,
                    mid,
                    None,
                    t.text,
                    f"measure {mid} is in the table but not in the prose list",
                )
            )
        if p is not None:
            out += _alias_findings(
                mid, "prose", [*p.lead, *p.support], [*t.lead, *t.support] if t else ()
            )
            out += _repeated_terms(mid, "prose", p.text, [*p.lead, *p.support])
        if t is not None:
            out += _alias_findings(
                mid, "table", [*t.lead, *t.support], [*p.lead, *p.support] if p else ()
            )
            out += _repeated_terms(mid, "table", t.text, [*t.lead, *t.support])
        if (
            t is not None
            and not measures
            and (copied := texts.copied("table", mid, before_only=True))
        ):
            # A table on its own: a row copied from the row above is still a slip.
            out.append(
                _d(
                    Kind.DUPLICATE_TEXT,
                    Severity.ERROR,
                    mid,
                    None,
                    t.text,
                    f"the table text of {mid} repeats that of {copied} word for word",
                )
            )
        if p is not None and t is not None:
            out += _text_findings(mid, p, t, texts)
            out += _unit_findings(mid, p, t)
    return tuple(out)


def _numbering_by_section(
    items: Sequence[tuple[str | None, MeasureNo, str]], side: str
) -> list[Discrepancy]:
    """Numbering checks; where ids carry the section, each section on its own."""
    if all(i == str(n) for _, n, i in items):
        return _numbering([(n, i) for _, n, i in items], side)
    out: list[Discrepancy] = []
    groups: dict[str | None, list[tuple[MeasureNo, str]]] = {}
    for section, n, i in items:
        groups.setdefault(section, []).append((n, i))
    for group in groups.values():
        out += _numbering(group, side)
    return out


class _Texts:
    """Each side's comparable texts, and which neighbour a text was copied from."""

    def __init__(self, measures: Sequence[Measure], table: Sequence[TableEntry]) -> None:
        self.text = {
            "prose": {m.id: comparable_text(m.text) for m in measures},
            "table": {e.id: comparable_text(e.text) for e in table if e.id is not None},
        }
        self.prose_order = [m.id for m in measures]
        self.table_order = [e.id for e in table if e.id is not None]
        self._pos = {
            "prose": {mid: k for k, mid in enumerate(self.prose_order)},
            "table": {mid: k for k, mid in enumerate(self.table_order)},
        }

    def copied(self, side: str, mid: str, *, before_only: bool = False) -> str | None:
        """The neighbour on this side whose text this measure's text repeats."""
        order = self.prose_order if side == "prose" else self.table_order
        k = self._pos[side][mid]
        for j in (k - 1,) if before_only else (k - 1, k + 1):
            if 0 <= j < len(order) and self.text[side][order[j]] == self.text[side][mid]:
                return order[j]
        return None


def _text_findings(mid: str, p: Measure, t: TableEntry, texts: _Texts) -> list[Discrepancy]:
    if texts.text["prose"][mid] == texts.text["table"][mid]:
        return []
    for side, other in (("prose", "table"), ("table", "prose")):
        if (src := texts.copied(side, mid)) is not None:
            msg = f"the {side} text of {mid} repeats that of {src}; the {other} has its own text for {mid}"
            return [_d(Kind.DUPLICATE_TEXT, Severity.ERROR, mid, p.text, t.text, msg)]
    return [
        _d(
            Kind.TEXT_MISMATCH,
            Severity.WARNING,
            mid,
            p.text,
            t.text,
            f"the prose and the table word measure {mid} differently",
        )
    ]


def _unit_findings(mid: str, p: Measure, t: TableEntry) -> list[Discrepancy]:
    out: list[Discrepancy] = []
    lead_p, lead_t = _match_units(p.lead, t.lead)
    if lead_p or lead_t:
        out.append(
            _d(
                Kind.LEAD_MISMATCH,
                Severity.ERROR,
                mid,
                _names(p.lead),
                _names(t.lead),
                f"measure {mid}: the prose names {'、'.join(_names(p.lead)) or 'no lead'} as lead, "
                f"the table {'、'.join(_names(t.lead)) or 'no lead'}",
            )
        )
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
        out.append(
            _d(
                Kind.UNITS_MISMATCH,
                sev,
                mid,
                _names(p.support),
                _names(t.support),
                f"measure {mid}: supporting units differ: " + "; ".join(parts),
            )
        )
    return out


def reconcile(notice: Notice) -> tuple[Discrepancy, ...]:
    """The discrepancies between a notice's prose list and its table."""
    return measures_to_discrepancies(notice.measures, notice.table)

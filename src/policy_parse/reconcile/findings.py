"""What one measure's two statements say differently: text, lead,
supporting units, deadline, placement; and what one side says oddly on its
own (abbreviations, a word written twice)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import attrs

from .._support.lazy_regex import lazy_compile
from .._support.memo import text_cache
from ..models import Deadline, Discrepancy, Kind, Measure, Severity, TableEntry, Unit, UnitStatus
from ..segment.grammar import REPEATED_TERM
from .common import names, one_side, pair_finding
from .pairing import comparable_text

__all__ = [
    "Texts",
    "alias_findings",
    "deadline_findings",
    "deadline_one_side",
    "placement_findings",
    "repeated_terms",
    "text_findings",
    "unit_findings",
]


class Texts:
    """Each side's comparable texts in order, and which neighbour a text was
    copied from.  Table positions count only rows with an id."""

    def __init__(self, measures: Sequence[Measure], table: Sequence[TableEntry]) -> None:
        self.prose = [comparable_text(m.text) for m in measures]
        self.every_row = [comparable_text(e.text) for e in table]  # by table index
        self.table_rows = [k for k, e in enumerate(table) if e.id is not None]
        self.table = [self.every_row[k] for k in self.table_rows]
        self._pos = {k: j for j, k in enumerate(self.table_rows)}
        self._ids: dict[str, list[str | None]] = {
            "prose": [m.id for m in measures],
            "table": [table[k].id for k in self.table_rows],
        }

    def of(self, side: str, index: int) -> str:
        return self.prose[index] if side == "prose" else self.table[self._pos[index]]

    def copied(self, side: str, index: int, *, before_only: bool = False) -> str | None:
        """The id of the neighbour on this side whose text this one repeats."""
        texts = self.prose if side == "prose" else self.table
        k = index if side == "prose" else self._pos[index]
        for j in (k - 1,) if before_only else (k - 1, k + 1):
            # No text at all (a column not read as the text's) copies nothing.
            if 0 <= j < len(texts) and texts[k] and texts[j] == texts[k]:
                return self._ids[side][j]
        return None


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


def alias_findings(
    no: str | None, side: str, units: Sequence[Unit], other: Sequence[Unit] = ()
) -> list[Discrepancy]:
    out = []
    other_side = "table" if side == "prose" else "prose"
    own_names = {u.name for u in units}
    other_names = {u.name for u in other}
    for u in units:
        if u.status is UnitStatus.RESOLVED:
            msg = f"the {side} writes {u.written} for {u.name}, the full name used elsewhere in the notice"
            out.append(one_side(Kind.ALIAS, Severity.INFO, no, side, u.written, msg))
        elif u.status is UnitStatus.AMBIGUOUS:
            msg = (
                f"the {side} writes {u.written}, which could be any of "
                + "、".join(u.candidates)
                + _hint(u, own_names, other_names, other_side)
            )
            d = one_side(Kind.ALIAS, Severity.WARNING, no, side, u.written, msg)
            # The catalogue's wording names the candidates, and the one the
            # other side fits, as this message does (data/messages.toml [note]).
            fit = _fit(u, own_names, other_names)
            fields: tuple[tuple[str, str], ...] = (("candidates", "、".join(u.candidates)),)
            note = "ambiguous_alias"
            if fit is not None:
                fields, note = (*fields, ("fit", fit)), "ambiguous_alias_fits"
            out.append(attrs.evolve(d, note=note, fields=fields))
    return out


def _fit(u: Unit, own: set[str], other: set[str]) -> str | None:
    fits = [c for c in u.candidates if c in other and c not in own]
    return fits[0] if len(fits) == 1 else None


def _hint(u: Unit, own: set[str], other: set[str], other_side: str) -> str:
    fits = [c for c in u.candidates if c in other and c not in own]
    if len(fits) == 1:
        return f"; read as {fits[0]}, which the {other_side} names here"
    return "; check which department is meant"


# Asked of the prose and then the table text of each measure: mostly the same text.
@text_cache(65536)
def _may_repeat(text: str) -> bool:
    """A cheap necessary condition for REPEATED_TERM: some list item is the
    start of the item after it (most texts have none, and the pattern's
    back-reference is tried at every list position)."""
    items = _LIST_ITEM.split(text)
    return any(len(a) >= 2 and b.startswith(a) for a, b in itertools.pairwise(items))


# REPEATED_TERM's items: text between the characters no item holds.
_LIST_ITEM = lazy_compile(r"[、，,；;。：:（）()“”\"]")


def repeated_terms(
    no: str | None, side: str, text: str, units: Sequence[Unit]
) -> list[Discrepancy]:
    out = [
        one_side(
            Kind.REPEATED_TERM,
            Severity.WARNING,
            no,
            side,
            m["term"],
            f"the {side} text lists {m['term']} twice in a row",
        )
        for m in (REPEATED_TERM.finditer(text) if _may_repeat(text) else ())
    ]
    seen: set[str] = set()
    for u in units:
        if u.name in seen:
            msg = f"the {side} names {u.name} twice among the units"
            out.append(one_side(Kind.REPEATED_TERM, Severity.WARNING, no, side, u.written, msg))
        seen.add(u.name)
    return out


def text_findings(
    mid: str, i: int, k: int, p: Measure, t: TableEntry, texts: Texts
) -> list[Discrepancy]:
    if texts.of("prose", i) == texts.of("table", k):
        return []
    for side, other, index in (("prose", "table", i), ("table", "prose", k)):
        if (src := texts.copied(side, index)) is not None:
            msg = f"the {side} text of {mid} repeats that of {src}; the {other} has its own text for {mid}"
            return [pair_finding(Kind.DUPLICATE_TEXT, Severity.ERROR, mid, p.text, t.text, msg)]
    msg = f"the prose and the table word measure {mid} differently"
    return [pair_finding(Kind.TEXT_MISMATCH, Severity.WARNING, mid, p.text, t.text, msg)]


def unit_findings(mid: str, p: Measure, t: TableEntry) -> list[Discrepancy]:
    out: list[Discrepancy] = []
    lead_p, lead_t = _match_units(p.lead, t.lead)
    if lead_p or lead_t:
        msg = (
            f"measure {mid}: the prose names {'、'.join(names(p.lead)) or 'no lead'} as lead, "
            f"the table {'、'.join(names(t.lead)) or 'no lead'}"
        )
        severity = Severity.ERROR
        if _lead_unsaid(p, t):
            # （A、B负责） beside a table that puts A in its 牵头 column: the
            # same units, one side silent on who leads — no contradiction.
            severity = Severity.WARNING
            msg += "; both sides list the same units, one does not say which leads"
        out.append(
            pair_finding(Kind.LEAD_MISMATCH, severity, mid, names(p.lead), names(t.lead), msg)
        )
    sup_p, sup_t = _match_units(p.support, t.support)
    # A lead that moved into the other side's supporters is one finding, not two.
    sup_p = [n for n in sup_p if n not in names(t.lead)]
    sup_t = [n for n in sup_t if n not in names(p.lead)]
    if sup_p or sup_t:
        sev = Severity.ERROR if sup_p and sup_t else Severity.WARNING
        parts = []
        if sup_p:
            parts.append("only the prose names " + "、".join(sup_p))
        if sup_t:
            parts.append("only the table names " + "、".join(sup_t))
        out.append(
            pair_finding(
                Kind.UNITS_MISMATCH,
                sev,
                mid,
                names(p.support),
                names(t.support),
                f"measure {mid}: supporting units differ: " + "; ".join(parts),
            )
        )
    return out


def _lead_unsaid(p: Measure, t: TableEntry) -> bool:
    """One side names no lead, and both sides name the same units in all."""
    if p.lead and t.lead:
        return False
    only_p, only_t = _match_units([*p.lead, *p.support], [*t.lead, *t.support])
    return not only_p and not only_t


def _same_deadline(a: Deadline, b: Deadline) -> bool:
    if a.kind == "unknown" or b.kind == "unknown":
        return comparable_text(a.written) == comparable_text(b.written)
    return (a.kind, a.value) == (b.kind, b.value)


def _shown(d: Deadline) -> str:
    return d.written if d.value is None or d.value == d.written else f"{d.written} ({d.value})"


def deadline_findings(mid: str, p: Measure, t: TableEntry) -> list[Discrepancy]:
    """Deadlines compared as structured values (2021年6月底前 and 2021年6月30日前
    agree); only where both sides state one."""
    if p.deadline is None or t.deadline is None or _same_deadline(p.deadline, t.deadline):
        return []
    msg = (
        f"measure {mid}: the prose sets the deadline {_shown(p.deadline)}, "
        f"the table {_shown(t.deadline)}"
    )
    severity = Severity.ERROR
    if "deadline" in t.unmarked and "deadline" in t.inherited:
        # The row's 时限 cell is empty in a copy that shows no merges: the
        # row above's deadline was taken for it (normalize.deadline_cells).
        # Contradiction only if it was a merge; else the table says nothing.
        severity = Severity.WARNING
        msg += " (the table's cell is empty: the row above's, taken for it as a merged cell's)"
    return [
        pair_finding(
            Kind.DEADLINE_MISMATCH, severity, mid, p.deadline.written, t.deadline.written, msg
        )
    ]


def deadline_one_side(mid: str, p: Measure, t: TableEntry) -> list[Discrepancy]:
    """A deadline one side states and the other does not (info): a
    supervisor checks a 时限 against both.  The caller asks only where the
    table writes deadlines at all — a table with no 时限 column leaves every
    measure's deadline to the prose, and saying so per measure is noise."""
    if (p.deadline is None) == (t.deadline is None):
        return []
    if t.deadline is not None and "deadline" in t.inherited:
        return []  # the row above's, taken for an empty cell: the table says none
    stated = p.deadline if p.deadline is not None else t.deadline
    assert stated is not None
    prose = p.deadline.written if p.deadline is not None else None
    table = t.deadline.written if t.deadline is not None else None
    side = "prose" if prose is not None else "table"
    msg = f"measure {mid}: only the {side} sets a deadline, {_shown(stated)}; the other states none"
    found = pair_finding(Kind.DEADLINE_MISMATCH, Severity.INFO, mid, prose, table, msg)
    # Both sides' values for the catalogue (data/messages.toml [note]); — for none.
    fields = (("measure", mid), ("prose", prose or "—"), ("table", table or "—"))
    return [attrs.evolve(found, note="deadline_one_side", fields=fields)]


def _place(part: str | None, section: str | None) -> str:
    return ", ".join(
        f"{label} {v}" for label, v in (("part", part), ("section", section)) if v is not None
    )


def placement_findings(mid: str, p: Measure, t: TableEntry) -> list[Discrepancy]:
    """Part and section numbers, compared where both sides state them (a table
    without 方面/任务 columns states none)."""
    keys = [
        (a, b)
        for a, b in ((p.part, t.part), (p.section, t.section))
        if a is not None and b is not None
    ]
    if all(a == b for a, b in keys):
        return []
    part_known = p.part is not None and t.part is not None
    sec_known = p.section is not None and t.section is not None
    where_p = _place(p.part if part_known else None, p.section if sec_known else None)
    where_t = _place(t.part if part_known else None, t.section if sec_known else None)
    written = ", ".join(w for w in (t.part_written, t.section_written) if w)
    msg = f"measure {mid}: the prose files it under {where_p}, the table under {where_t}"
    if written:
        msg += f" ({written})"
    return [pair_finding(Kind.PLACEMENT_MISMATCH, Severity.WARNING, mid, where_p, where_t, msg)]

"""Segmented pieces → the normalised `Notice` (without its reconciliation).

Numbers become `MeasureNo`s (a table row with no 序号 of its own continues
the measure above: as its next sub-number, 36 → 36-1, 36-2, or as a second
task of the same measure, as the notice shows: `_table_numbers`), unit lists become
`Unit`s resolved against the notice's own inventory of names, deadlines
become structured values.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

import attrs

from ..models import (
    Evidence,
    Measure,
    MeasureNo,
    Notice,
    Part,
    Section,
    Source,
    TableEntry,
    Unit,
)
from ..segment import Segmented
from ..segment.levels import restarts_per_heading
from ..segment.markers import match_marker
from ..segment.prose import ProseMeasure
from ..segment.table import TableRow, join_cell_lines
from .abbreviations import Inventory
from .deadlines import parse_deadline
from .numbers import parse_written
from .row_units import (
    PUNCT_OR_SPACE,
    Pairs,
    once,
    role_word_residue,
    row_evidence,
    unit_cell,
    unit_pairs,
    units_of_row,
)
from .units import split_units


def _marker(text: str) -> str:
    m = match_marker(text)
    return m.written if m else ""


def _heading_number(text: str) -> tuple[str | None, str]:
    m = match_marker(text)
    if m is None:
        return None, text.strip()
    return m.number, m.rest


def _prose_units(m: ProseMeasure) -> tuple[Pairs, Pairs, Evidence]:
    """(lead, support) pairs of a prose measure and how they were found.
    A measure whose annotation marks no lead is led by what its heading names
    (一、甲局牵头工作: segment.headings), else, where the notice stated that the
    first unit listed leads (列第一位者为牵头单位), by its first unit: the
    heading speaks for these items, the convention for any list."""
    if m.annotation is None or not m.annotation.names_units:
        # （一）标题（A牵头，B配合） over items naming no unit: the heading's.
        given = m.heading_units
        if given is not None and (given.lead or not m.heading_lead):
            lead, support = unit_pairs(given.lead), unit_pairs(given.support)
            if m.first_is_lead and not lead and support:
                lead, support = support[:1], support[1:]
            return lead, support, Evidence.SECTION
    if m.annotation is None:
        if m.heading_lead:
            return unit_pairs(m.heading_lead), [], Evidence.SECTION
        return [], [], Evidence.NONE
    lead, support = unit_pairs(m.annotation.lead), unit_pairs(m.annotation.support)
    evidence = Evidence.ANNOTATION if lead or support else Evidence.NONE
    # （一）标题（牵头单位：A；配合单位：B） over 1.…（配合单位：C）: A leads it.
    heading_lead = m.heading_lead or (m.heading_units.lead if m.heading_units else ())
    if heading_lead and not lead:
        lead, evidence = unit_pairs(heading_lead), Evidence.SECTION
    if m.first_is_lead and not lead and support:
        lead, support = support[:1], support[1:]
        evidence = Evidence.CONVENTION
    # Two annotations of one measure (〔A牵头，B参与〕 … （A、C牵头，B参与）):
    # each unit once, and a lead never also among the supporters.
    lead = once(lead, set())
    return lead, once(support, {e for _, e in lead}), evidence


def _join_by_text(prose: tuple[ProseMeasure, ...], rows: tuple[TableRow, ...]) -> dict[int, int]:
    """Row → prose measure whose text it repeats, verbatim or nearly (the
    prose may add a title sentence: 加强X。注重…。 beside the row's 注重…),
    each measure once, in order."""
    if not prose or not rows:
        return {}
    texts = [_bare(m.text) for m in prose]
    out: dict[int, int] = {}
    used: set[int] = set()
    for r, row in enumerate(rows):
        mine = _bare(join_cell_lines(row.get("text")))
        if len(mine) < _JOIN_MIN_CHARS:
            continue
        hits = [p for p, t in enumerate(texts) if p not in used and mine in t]
        if len(hits) == 1:
            out[r] = hits[0]
            used.add(hits[0])
    return out


_JOIN_MIN_CHARS = 8  # a shorter text repeats by chance


def _bare(text: str) -> str:
    return PUNCT_OR_SPACE.sub("", unicodedata.normalize("NFKC", text))


def _first_listed_leads(
    prose: tuple[ProseMeasure, ...],
    prose_units: list[tuple[Pairs, Pairs]],
    rows: tuple[TableRow, ...],
    numbers: list[tuple[MeasureNo | None, bool]],
) -> bool:
    """Whether the prose shows a combined column's first unit leading: on most
    measures paired by number where the prose names a lead and the row a
    unit, the prose's lead is the row's first-listed unit."""
    row_first: dict[MeasureNo, str] = {}
    for row, (number, _) in zip(rows, numbers, strict=True):
        combined = unit_pairs([unit_cell(row.get("combined"))])
        if number is not None and combined and number not in row_first:
            row_first[number] = combined[0][1]
    paired = agree = 0
    for m, (lead, _) in zip(prose, prose_units, strict=True):
        if m.number is None or not lead or m.number not in row_first:
            continue
        paired += 1
        agree += _same_unit(lead[0][1], row_first[m.number])
    return paired > 0 and agree * 2 > paired


def _same_unit(a: str, b: str) -> bool:
    """One name, maybe abbreviated on one side (市场局 / 市场监管局)."""
    if a == b or a in b or b in a:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) < 2 or short[0] != long[0] or short[-1] != long[-1]:
        return False
    rest = iter(long)
    return all(c in rest for c in short)  # its characters in order: an abbreviation


def _row_headings(row: TableRow) -> tuple[str | None, str | None]:
    """The row's part and section numbers, where the table has those columns."""
    roles_seen = {r for r, _ in row.values}
    section = _heading_number(row.get("section"))[0] if "section" in roles_seen else None
    part = _heading_number(row.get("part"))[0] if "part" in roles_seen else None
    return part, section


def _restart_keys(
    rows: Sequence[TableRow], headings: Sequence[tuple[str | None, str | None]]
) -> list[str | None]:
    """The heading each row's number may start again under: its section's or
    part's number, or, for a part written with no number (the caption of each
    分工表 of a notice with two, segment._Blocks), its order among such parts
    (1, 2 …), so that ids tell 1/1 from 2/1."""
    order: dict[str, str] = {}
    keys: list[str | None] = []
    for row, (part, section) in zip(rows, headings, strict=True):
        text = row.get("part").strip()
        if part is None and text:
            part = order.setdefault(text, str(len(order) + 1))
        keys.append(section or part)
    return keys


def _table_numbers(
    rows: tuple[TableRow, ...], row_units: list[tuple[Pairs, Pairs]], prose: set[MeasureNo]
) -> list[tuple[MeasureNo | None, bool, bool]]:
    """(number, inferred, joins the row above) of every row.

    Rows that continue the number above (a 序号 merged down, or left empty
    under it) are one measure or several, as the notice shows
    (docs/formats.md, "Sub-rows without a 序号"):

    * several, numbered 36-1, 36-2 …, when the prose numbers such parts;
    * one, the later rows joined to the first, when they write nothing but
      their task (their units and deadline merged from above, or empty), or
      when the prose has the measure itself and the later rows add units of
      their own and nothing else (`_joinable`);
    * otherwise several again, numbers the notice never wrote, which the
      `merged_number` finding says (normalize.structure).

    Joined rows keep every name and text they wrote: a row that repeats a
    unit or writes a deadline of its own is never joined."""
    out: list[tuple[MeasureNo | None, bool, bool]] = []
    k = 0
    while k < len(rows):
        row = rows[k]
        written = row.number or row.number_inherited
        try:
            base: MeasureNo | None = parse_written(written) if written else None
        except ValueError:
            base = None
        j = k + 1
        while j < len(rows) and not rows[j].number and rows[j].number_inherited == written:
            j += 1
        if base is not None and j - k > 1:
            depth = len(base.parts)
            parts_numbered = any(
                len(n.parts) > depth and n.parts[:depth] == base.parts for n in prose
            )
            group, units = rows[k:j], row_units[k:j]
            one = _joinable(group, units, own_units=False) or (
                base in prose and _joinable(group, units, own_units=True)
            )
            if one and not parts_numbered:
                out.append((base, not row.number, False))
                out.extend((base, True, True) for _ in range(j - k - 1))
            else:
                out.extend((base.sub(i + 1), True, False) for i in range(j - k))
        else:
            out.extend((base, not row.number, False) for _ in range(j - k))
        k = j
    return out


# What a row joined to the one above may write of its own: its task.
_TASK_ROLES = frozenset({"number", "text", "national_task"})
_UNIT_ROLES = frozenset({"lead", "support", "combined"})


def _joinable(
    rows: tuple[TableRow, ...], units: list[tuple[Pairs, Pairs]], *, own_units: bool
) -> bool:
    """Every row after the first writes only its task (any other cell empty
    or a copy from above); with `own_units`, units too, none named before."""
    seen = {e for _, e in (*units[0][0], *units[0][1])}
    for row, (lead, support) in zip(rows[1:], units[1:], strict=True):
        for role, value in row.values:
            if not value or role in row.inherited or role in _TASK_ROLES:
                continue
            if not (own_units and role in _UNIT_ROLES):
                return False
        if own_units:
            copied = set(row.inherited)  # merged down: the row above's units again
            own_lead = [] if copied & {"lead", "combined"} else lead
            own_support = [] if copied & {"support", "combined"} else support
            names = [e for _, e in (*own_lead, *own_support)]
            if len(set(names)) < len(names) or set(names) & seen:
                return False
            seen.update(names)
    return True


def _join_entries(a: TableEntry, b: TableEntry) -> TableEntry:
    """Row `b` joined to the measure `a` it continues: both task texts, each
    unit once (a lead never among the supporters), the span over both."""

    def more(have: tuple[Unit, ...], new: tuple[Unit, ...], seen: set[str]) -> tuple[Unit, ...]:
        out = list(have)
        for u in new:
            if u.name not in seen:
                seen.add(u.name)
                out.append(u)
        return tuple(out)

    lead_names = {u.name for u in a.lead}
    lead = more(a.lead, b.lead, lead_names)
    support = tuple(u for u in a.support if u.name not in lead_names)
    support = more(support, b.support, lead_names | {u.name for u in support})

    def own(mine: str | None, theirs: str | None, role: str) -> str | None:
        # b's copy of a merged cell is a's text, not a second one.
        if not theirs or role in b.inherited:
            return mine
        return f"{mine}\n{theirs}" if mine else theirs

    return attrs.evolve(
        a,
        text=own(a.text, b.text, "text") or "",
        national_task=own(a.national_task, b.national_task, "national_task"),
        deadline=a.deadline or b.deadline,
        upper_units=more(a.upper_units, b.upper_units, {u.name for u in a.upper_units}),
        lead=lead,
        support=support,
        leaders=tuple(dict.fromkeys((*a.leaders, *b.leaders))),
        extra=tuple(dict.fromkeys((*a.extra, *b.extra))),
        span=a.span.cover(b.span),
    )


def segmented_to_notice(
    seg: Segmented, source: Source, aliases: Mapping[str, str] | None = None
) -> Notice:
    prose = seg.outline.measures
    rows = seg.table.rows if seg.table else ()

    prose_found = [_prose_units(m) for m in prose]
    prose_units = [(lead, sup) for lead, sup, _ in prose_found]
    prose_numbers = {m.number for m in prose if m.number is not None}
    row_units = [units_of_row(r) for r in rows]
    numbers = _table_numbers(rows, row_units, prose_numbers)
    first_leads = seg.table_first_is_lead or _first_listed_leads(
        prose, prose_units, rows, [(n, inferred) for n, inferred, _ in numbers]
    )
    # `first_leads` only splits a combined cell (责任单位 alone): without one,
    # the rows' units and numbers read above stand.
    if not first_leads and any(r.get("combined") for r in rows):
        row_units = [units_of_row(r, first_leads) for r in rows]
        numbers = _table_numbers(rows, row_units, prose_numbers)
    role_words = role_word_residue(rows, row_units)
    # A table with no numbers is joined to the prose by its text: each row
    # takes the number of the measure it repeats, and a measure the prose
    # annotates with no unit takes its row's units.
    joined = _join_by_text(prose, rows) if not any(n for n, _, _ in numbers) else {}
    for r, p in joined.items():
        numbers[r] = (prose[p].number, True, False)
        if prose[p].annotation is None:
            prose_units[p] = row_units[r]
            prose_found[p] = (*row_units[r], Evidence.TABLE)
    # A table-only notice whose rows write no 序号 at all (no such column, or
    # its cells empty: Word's automatic numbers are not in the text) counts
    # its rows: numbers the parser gave (normalize.structure `row_order`).
    if (
        not prose
        and not any(n for n, _, _ in numbers)
        and not any(r.number_inherited for r in rows)
    ):
        numbers = [(parse_written(str(k + 1)), True, False) for k in range(len(rows))]
    local = Inventory(
        (e for lead, sup in [*prose_units, *row_units] for _, e in [*lead, *sup]), aliases
    )
    upper_pairs = [unit_pairs([r.get("upper")]) for r in rows]
    upper = Inventory(e for ps in upper_pairs for _, e in ps)

    def units(inv: Inventory, pairs: Pairs) -> tuple[Unit, ...]:
        return tuple(inv.unit(w, e) for w, e in pairs)

    measures = tuple(
        Measure(
            id=m.id,
            number=m.number,
            written_number=m.written_number,
            part=m.part,
            section=m.section,
            text=m.text,
            lead=units(local, lead),
            support=units(local, sup),
            annotation=m.annotation.written if m.annotation else None,
            deadline=parse_deadline(m.deadline) if m.deadline else None,
            leaders=m.annotation.leaders if m.annotation else (),
            span=m.span,
            evidence=evidence,
        )
        for m, (lead, sup, evidence) in zip(prose, prose_found)
    )

    entries: list[TableEntry] = []
    firsts: list[int] = []  # the row each entry starts at
    headings = [_row_headings(row) for row in rows]
    keys = _restart_keys(rows, headings)
    restart = restarts_per_heading(
        (key, n) for (n, _, joins), key in zip(numbers, keys) if n and not joins
    )
    for k, (row, (number, inferred, joins), (lead, sup), up, (part, section)) in enumerate(
        zip(rows, numbers, row_units, upper_pairs, headings)
    ):
        entry = TableEntry(
            id=None if number is None else f"{keys[k]}/{number}" if restart else str(number),
            row=row.row,
            number=number,
            written_number=row.number,
            number_inferred=inferred,
            part=part,
            section=section,
            part_written=row.get("part") or None,
            section_written=row.get("section") or None,
            inherited=row.inherited,
            unmarked=row.unmarked,
            national_task=join_cell_lines(row.get("national_task")) or None,
            text=join_cell_lines(row.get("text")),
            deadline=parse_deadline(row.get("deadline")),
            upper_units=units(upper, up),
            lead=units(local, lead),
            support=units(local, sup),
            leaders=tuple(split_units(row.get("leaders") or "")),
            extra=tuple(
                (_header_name(seg, i), v) for i, (r, v) in enumerate(row.values) if r == "extra"
            ),
            span=row.span,
        )
        if joins and entries:
            entries[-1] = _join_entries(entries[-1], entry)
        else:
            entries.append(entry)
            firsts.append(k)

    if not measures and entries:
        measures = tuple(
            _row_as_measure(e, row_evidence(rows[k], *row_units[k]))
            for e, k in zip(entries, firsts)
        )
    return Notice(
        source=source,
        header=seg.header,
        parts=seg.outline.parts or _parts_from_table(rows),
        parts_from_table=not seg.outline.parts,
        measures=measures,
        table=tuple(entries),
        table_header=seg.table.header if seg.table else (),
        table_header_repeats=seg.table.repeated_headers if seg.table else 0,
        table_alignment=seg.table.alignment if seg.table else None,
        table_caption=seg.table_caption,
        residue=(*seg.residue, *role_words),
    )


def _row_as_measure(e: TableEntry, evidence: Evidence) -> Measure:
    """A table-only notice's measure is its row: without this `notice.measures`
    was empty while the JSON listed every row."""
    return Measure(
        id=e.id,
        number=e.number,
        written_number=e.written_number,
        part=e.part,
        section=e.section,
        text=e.text,
        lead=e.lead,
        support=e.support,
        leaders=e.leaders,
        annotation=None,
        deadline=e.deadline,
        span=e.span,
        origin="table",
        evidence=evidence,
    )


def _header_name(seg: Segmented, column: int) -> str:
    header = seg.table.header if seg.table else ()
    # A row may have more cells than the header (a stray cell in pasted text).
    return header[column] if column < len(header) and header[column] else f"column {column + 1}"


def _parts_from_table(rows: tuple[TableRow, ...]) -> tuple[Part, ...]:
    """Parts and sections named in a table's 方面/任务 columns, in order."""
    parts: list[Part] = []
    for row in rows:
        p_text, s_text = row.get("part"), row.get("section")
        if p_text:
            number, title = _heading_number(p_text)
            if not parts or parts[-1].title != title:
                parts.append(
                    Part(number=number or str(len(parts) + 1), written=_marker(p_text), title=title)
                )
        if s_text:
            number, title = _heading_number(s_text)
            if not parts:
                parts.append(Part(number=None, written="", title=None))
            secs = parts[-1].sections
            if not secs or secs[-1].title != title:
                sec = Section(
                    number=number or str(len(secs) + 1), written=_marker(s_text), title=title
                )
                parts[-1] = Part(
                    number=parts[-1].number,
                    written=parts[-1].written,
                    title=parts[-1].title,
                    sections=(*secs, sec),
                )
    return tuple(parts)

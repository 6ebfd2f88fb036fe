"""Segmented pieces → the normalised `Notice` (without its reconciliation).

Numbers become `MeasureNo`s (a table row with no 序号 of its own becomes the
next sub-number of the measure above: 36 → 36-1, 36-2), unit lists become
`Unit`s resolved against the notice's own inventory of names, deadlines
become structured values.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

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
from ..segment.annotations import marked_leads
from ..segment.levels import restarts_per_heading
from ..segment.markers import match_marker
from ..segment.prose import ProseMeasure
from ..segment.table import TableRow, join_cell_lines
from .deadlines import parse_deadline
from .numbers import parse_written
from .units import Inventory, split_units, written_units

Pairs = list[tuple[str, str]]


def _pairs(values: Iterable[str]) -> Pairs:
    out: Pairs = []
    for v in values:
        out.extend(written_units(v))
    return out


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
    if m.annotation is None:
        if m.heading_lead:
            return _pairs(m.heading_lead), [], Evidence.SECTION
        return [], [], Evidence.NONE
    lead, support = _pairs(m.annotation.lead), _pairs(m.annotation.support)
    evidence = Evidence.ANNOTATION if lead or support else Evidence.NONE
    if m.heading_lead and not lead:
        lead, evidence = _pairs(m.heading_lead), Evidence.SECTION
    if m.first_is_lead and not lead and support:
        lead, support = support[:1], support[1:]
        evidence = Evidence.CONVENTION
    # Two annotations of one measure (〔A牵头，B参与〕 … （A、C牵头，B参与）):
    # each unit once, and a lead never also among the supporters.
    lead = _once(lead, set())
    return lead, _once(support, {e for _, e in lead}), evidence


def _once(pairs: Pairs, seen: set[str]) -> Pairs:
    out: Pairs = []
    for w, e in pairs:
        if e not in seen:
            seen.add(e)
            out.append((w, e))
    return out


def _row_units(row: TableRow) -> tuple[Pairs, Pairs]:
    """(lead, support) pairs of a table row, by the columns it has.  A unit
    marked in its cell (县卫健局（牵头）、县教育局) leads whatever the column.
    Without a lead column, the first unit of a combined column leads
    (`_row_evidence` says that is a guess)."""
    marked: list[str] = []
    cells: dict[str, str] = {}
    for role in ("combined", "support"):
        leads, rest = marked_leads(row.get(role) or "")
        marked.extend(leads)
        cells[role] = rest
    if marked:
        lead = _pairs([row.get("lead") or "", *marked])
        return lead, _once(_pairs([cells["support"], cells["combined"]]), {e for _, e in lead})
    combined = _pairs([row.get("combined")])
    lead = _pairs([row.get("lead")]) if row.get("lead") else combined[:1]
    support = _pairs([row.get("support")]) if row.get("support") else combined[1:]
    if row.get("lead") and combined:
        support = support + combined
    return lead, support


def _row_evidence(row: TableRow, lead: Pairs, support: Pairs) -> Evidence:
    """How a table-only notice's row found its units: a lead taken as the
    first unit of a combined column, with no lead column and no mark, is a guess."""
    if not lead and not support:
        return Evidence.NONE
    guessed = bool(lead) and not row.get("lead") and bool(row.get("combined"))
    if guessed and not marked_leads(row.get("combined") or "")[0]:
        return Evidence.GUESSED
    return Evidence.TABLE


def _row_headings(row: TableRow) -> tuple[str | None, str | None]:
    """The row's part and section numbers, where the table has those columns."""
    roles_seen = {r for r, _ in row.values}
    section = _heading_number(row.get("section"))[0] if "section" in roles_seen else None
    part = _heading_number(row.get("part"))[0] if "part" in roles_seen else None
    return part, section


def _table_numbers(rows: tuple[TableRow, ...]) -> list[tuple[MeasureNo | None, bool]]:
    """Row numbers: a row that continues the number above is a sub-row."""
    out: list[tuple[MeasureNo | None, bool]] = []
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
            out.extend((base.sub(i + 1), True) for i in range(j - k))
        else:
            out.extend((base, not row.number) for _ in range(j - k))
        k = j
    return out


def segmented_to_notice(
    seg: Segmented, source: Source, aliases: Mapping[str, str] | None = None
) -> Notice:
    prose = seg.outline.measures
    rows = seg.table.rows if seg.table else ()

    prose_found = [_prose_units(m) for m in prose]
    prose_units = [(lead, sup) for lead, sup, _ in prose_found]
    row_units = [_row_units(r) for r in rows]
    local = Inventory(
        (e for lead, sup in [*prose_units, *row_units] for _, e in [*lead, *sup]), aliases
    )
    upper_pairs = [_pairs([r.get("upper")]) for r in rows]
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
    numbers = _table_numbers(rows)
    headings = [_row_headings(row) for row in rows]
    restart = restarts_per_heading(
        (section or part, n) for (n, _), (part, section) in zip(numbers, headings) if n
    )
    for row, (number, inferred), (lead, sup), up, (part, section) in zip(
        rows, numbers, row_units, upper_pairs, headings
    ):
        entries.append(
            TableEntry(
                id=None
                if number is None
                else f"{section or part}/{number}"
                if restart
                else str(number),
                row=row.row,
                number=number,
                written_number=row.number,
                number_inferred=inferred,
                part=part,
                section=section,
                part_written=row.get("part") or None,
                section_written=row.get("section") or None,
                inherited=row.inherited,
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
        )

    if not measures and entries:
        measures = tuple(
            _row_as_measure(e, _row_evidence(r, *units))
            for e, r, units in zip(entries, rows, row_units)
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
        table_caption=seg.table_caption,
        residue=seg.residue,
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

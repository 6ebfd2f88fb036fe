"""Segmented pieces → the normalised `Notice` (without its reconciliation).

Numbers become `MeasureNo`s (a table row with no 序号 of its own becomes the
next sub-number of the measure above: 36 → 36-1, 36-2), unit lists become
`Unit`s resolved against the notice's own inventory of names, deadlines
become structured values.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

from ..lazy_regex import lazy_compile
from ..models import (
    Measure,
    MeasureNo,
    Notice,
    Part,
    Residue,
    Section,
    Source,
    TableEntry,
    Unit,
)
from ..segment import Segmented
from ..segment.annotations import Annotation, lead_markers, marked_leads, parse_phrase
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


def _prose_units(m: ProseMeasure) -> tuple[Pairs, Pairs]:
    """(lead, support) pairs of a prose measure.  Where the notice stated that
    the first unit listed leads (列第一位者为牵头单位), an annotation that marks
    no lead of its own gets its first unit as the lead."""
    if m.annotation is None:
        return [], []
    lead, support = _pairs(m.annotation.lead), _pairs(m.annotation.support)
    if m.first_is_lead and not lead and support:
        lead, support = support[:1], support[1:]
    # Two annotations of one measure (〔A牵头，B参与〕 … （A、C牵头，B参与）):
    # each unit once, and a lead never also among the supporters.
    lead = _once(lead, set())
    return lead, _once(support, {e for _, e in lead})


def _once(pairs: Pairs, seen: set[str]) -> Pairs:
    out: Pairs = []
    for w, e in pairs:
        if e not in seen:
            seen.add(e)
            out.append((w, e))
    return out


def _row_units(row: TableRow, first_leads: bool = True) -> tuple[Pairs, Pairs]:
    """(lead, support) pairs of a table row, by the columns it has.  A unit
    marked in its cell (县卫健局（牵头）、县教育局) or a phrase in the cell
    (县甲局牵头，县乙局配合) leads whatever the column.  A combined column
    (责任单位 alone) gives its first unit the lead only where the notice shows
    that it does (`first_leads`, docs/formats.md "The combined column")."""
    marked: list[str] = []
    cells: dict[str, str] = {}
    for role in ("combined", "support"):
        text = _unit_cell(row.get(role) or "")
        leads, rest = marked_leads(text)
        if not leads and (phrase := _lead_phrase(text)) is not None:
            leads, rest = list(phrase.lead), "、".join(phrase.support)
        marked.extend(leads)
        cells[role] = rest
    lead_cell = _unit_cell(row.get("lead"))
    if marked:
        lead = _pairs([lead_cell, *marked])
        return lead, _once(_pairs([cells["support"], cells["combined"]]), {e for _, e in lead})
    combined = _pairs([cells["combined"]])
    first, others = (combined[:1], combined[1:]) if first_leads else ([], combined)
    lead = _pairs([lead_cell]) if lead_cell else first
    support = _pairs([cells["support"]]) if cells["support"] else others
    if lead_cell and combined:
        support = support + combined
    return lead, support


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
    return _PUNCT_OR_SPACE.sub("", unicodedata.normalize("NFKC", text))


def _role_words(rows: tuple[TableRow, ...], row_units: list[tuple[Pairs, Pairs]]) -> list[Residue]:
    """The role words a units cell held beside its units (县甲局牵头，县乙局配合,
    县卫健局（牵头）): read as who leads, kept as residue so no written word
    goes missing."""
    out: list[Residue] = []
    for row, (lead, support) in zip(rows, row_units, strict=True):
        cells = "".join(
            row.get(r) for r in ("lead", "combined", "support") if r not in row.inherited
        )
        left = _PUNCT_OR_SPACE.sub("", cells)
        for written, _ in (*lead, *support):
            left = left.replace(_PUNCT_OR_SPACE.sub("", written), "", 1)
        if left:
            out.append(Residue(text=left, reason=_ROLE_WORDS, span=row.span))
    return out


_ROLE_WORDS = "role words of a table cell, read as its lead and supporters"
_PUNCT_OR_SPACE = lazy_compile(r"[\p{P}\p{S}\p{Z}\s]+")


def _unit_cell(text: str) -> str:
    """A units cell without the full stop a clerk ended it with (…集团。)."""
    return "\n".join(line.rstrip().rstrip("。") for line in text.split("\n")).strip()


def _lead_phrase(text: str) -> Annotation | None:
    """县甲局牵头，县乙局配合 in a units cell: a phrase naming its own lead."""
    if not text or not any(m in text for m in lead_markers()):
        return None
    phrase = parse_phrase(text)
    return phrase if phrase is not None and phrase.lead else None


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
        combined = _pairs([_unit_cell(row.get("combined"))])
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

    prose_units = [_prose_units(m) for m in prose]
    numbers = _table_numbers(rows)
    first_leads = seg.table_first_is_lead or _first_listed_leads(prose, prose_units, rows, numbers)
    row_units = [_row_units(r, first_leads) for r in rows]
    role_words = _role_words(rows, row_units)
    # A table with no numbers is joined to the prose by its text: each row
    # takes the number of the measure it repeats, and a measure the prose
    # annotates with no unit takes its row's units.
    joined = _join_by_text(prose, rows) if not any(n for n, _ in numbers) else {}
    for r, p in joined.items():
        numbers[r] = (prose[p].number, True)
        if prose[p].annotation is None:
            prose_units[p] = row_units[r]
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
        )
        for m, (lead, sup) in zip(prose, prose_units)
    )

    entries: list[TableEntry] = []
    restart = len({n for n, _ in numbers if n}) < len([n for n, _ in numbers if n])
    for row, (number, inferred), (lead, sup), up in zip(rows, numbers, row_units, upper_pairs):
        roles_seen = {r for r, _ in row.values}
        section = _heading_number(row.get("section"))[0] if "section" in roles_seen else None
        part = _heading_number(row.get("part"))[0] if "part" in roles_seen else None
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
        measures = tuple(_row_as_measure(e) for e in entries)
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


def _row_as_measure(e: TableEntry) -> Measure:
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

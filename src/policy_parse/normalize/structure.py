"""`structure` findings: where the parser had to guess the notice's shape.

A parser that is right on tidy notices and quietly wrong elsewhere is worse
than none: a user feeding it thousands of notices from hundreds of issuers
cannot check each by hand.  So each guess is reported as a warning, ahead of
the reconciliation's findings: the outline's own notes (no annotation at any
level, a heading level taken as measures), few annotated measures, a measure
text far longer than the rest, text that looks like a table but gave no rows
(the reader's residue says so), a 分工表 none of whose rows names a
unit (its units column named in words no list knows) or whose header has a
column naming units that was read as a remark, a unit whose name does not look like one
(an annotation cut in the wrong place), a lead taken as a combined column's
first unit with no stated convention, a table grid a PDF reader inferred
from the text's alignment (no ruling lines), rows under one merged 序号 numbered
5-1, 5-2 where the notice numbers no such parts, a measure with no unit
whose closing bracket holds responsibility words no rule read, a last
measure whose lead is the notice's last line `主办单位：某局` (maybe a web
page's footer: normalize/sponsor.py), an empty 时限 cell of a table copied
as text given the deadline above or left empty (normalize/deadline_cells.py),
units written 同上 / 同第3项 and read as those of the measure named (info:
normalize/same_as.py),
and a notice with no measure at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from .._support import numeric
from .._support.lazy_regex import lazy_compile
from .._support.ranges import ranges_text
from ..data import load
from ..models import (
    Discrepancy,
    Evidence,
    Kind,
    Measure,
    Notice,
    ReadNote,
    Severity,
    TableEntry,
    Unit,
)
from ..segment.annotations import names_only_units
from ..segment.grammar import TRAILING_PAREN
from ..segment.levels import Note
from ..segment.table_header import header_to_roles
from .deadline_cells import blank_deadlines, copied_deadlines
from .same_as import written_references
from .sponsor import sponsor_line_doubt
from .units import ending_guessed, looks_like_unit, spaced_name

# The reason a reader gives text with column words that yielded no rows.
TABLE_TEXT_REASON = "looks like a table"
# The reason it gives a row of a table flattened to text that fits no column
# layout (read/text/rebuild.py).
UNALIGNED_REASON = "table row that cannot be aligned"
# The reason a PDF reader gives a table grid it inferred from the text's
# alignment, the page having no ruling lines (read/layout/borderless.py).
GRID_REASON = "table grid inferred from text alignment"


def _finding(note: str, measure: str | None = None, **fields: object) -> Discrepancy:
    """A warning whose words come from the catalogue's [note] entry `note`:
    `message` in English, `note` and `fields` to render it in any language."""
    values = tuple((k, str(v)) for k, v in fields.items())
    return Discrepancy(
        kind=Kind.STRUCTURE,
        severity=Severity.WARNING,
        measure=measure,
        prose=None,
        table=None,
        message=load("messages")["note"][note]["en"].format(**dict(values)),
        note=note,
        fields=values,
    )


def _references(notice: Notice) -> list[Discrepancy]:
    """Units written 同上 / 同第3项, read as those of the measure or row
    named (normalize/same_as.py): info, the notice's own shorthand."""
    out = []
    table_only = bool(notice.measures) and notice.measures[0].origin == "table"
    items: list[Measure | TableEntry] = [*notice.measures, *(() if table_only else notice.table)]
    for item in items:
        refs = written_references([u.written for u in (*item.lead, *item.support)])
        if refs:
            f = _finding("units_by_reference", item.id, written="、".join(refs))
            out.append(attrs.evolve(f, severity=Severity.INFO))
    return out


def reader_findings(notes: Iterable[ReadNote]) -> list[Discrepancy]:
    """What a reader chose where the file allows another reading (text a
    web page hides until its script runs, read as shown): info, not a
    warning, since the notice's shape is not in doubt."""
    return [attrs.evolve(_finding(n.note, **dict(n.fields)), severity=Severity.INFO) for n in notes]


def structure_findings(
    notice: Notice, outline_notes: Iterable[Note] = ()
) -> tuple[Discrepancy, ...]:
    """Every guess behind `notice`, as `structure` warnings."""
    data = load("structure")
    out = [_finding(key, **dict(fields)) for key, fields in outline_notes]
    measures = notice.measures
    if not measures and not notice.table:
        out.append(_finding("no_measures"))
    # A measure whose heading names its units (evidence `section`) is as good
    # as annotated: the heading wrote them once for it.
    annotated = sum(
        1 for m in measures if m.annotation is not None or m.evidence is Evidence.SECTION
    )
    if measures and annotated and annotated * 2 < len(measures):
        out.append(_finding("few_annotated", annotated=annotated, total=len(measures)))
    if len(measures) >= data["long_text_min_measures"]:
        median = numeric.median([len(m.text) for m in measures])
        for m in measures:
            if median and len(m.text) >= data["long_text_factor"] * median:
                ratio = round(len(m.text) / median)
                out.append(_finding("long_text", m.id, ratio=ratio, length=len(m.text)))
    out.extend(_odd_units(notice))
    out.extend(_shared_endings(notice))
    out.extend(_unread_annotations(notice))
    out.extend(_finding("guessed_lead", m.id) for m in measures if m.evidence is Evidence.GUESSED)
    out.extend(_merged_numbers(notice))
    out.extend(
        _finding("deadline_from_above", e.id, row=e.row, value=e.deadline.written)
        for e in copied_deadlines(notice)
        if e.deadline is not None
    )
    if blank := blank_deadlines(notice):
        rows = ranges_text([e.row for e in blank])
        out.append(_finding("deadline_left_blank", rows=rows, count=len(blank)))
    if (sponsor := sponsor_line_doubt(notice)) is not None:
        out.append(_finding("sponsor_line", sponsor[0], line=sponsor[1]))
    out.extend(_references(notice))
    if _rows_counted(notice):
        out.append(_finding("row_order", rows=len(notice.table)))
    out.extend(
        _finding("table_text", text=r.text[:40])
        for r in notice.residue
        if r.reason.startswith(TABLE_TEXT_REASON)
    )
    if notice.table and not any(e.lead or e.support or e.upper_units for e in notice.table):
        # A units column named in words no list knows is read as a remark:
        # every row would come out with no unit, unsaid.
        header = "、".join(h for h in notice.table_header if h.strip())
        out.append(_finding("table_no_units", rows=len(notice.table), header=header[:60]))
    elif notice.table and (unread := _unread_unit_columns(notice.table_header)):
        out.append(_finding("unit_column_unread", columns="、".join(unread)))
    unaligned = sorted(
        {
            r.span.start_line
            for r in notice.residue
            if r.reason.startswith(UNALIGNED_REASON) and r.span.start_line is not None
        }
    )
    if unaligned:
        out.append(_finding("table_unaligned", lines="、".join(str(n) for n in unaligned)))
    inferred = sorted(
        {
            p
            for r in notice.residue
            if r.reason.startswith(GRID_REASON) and r.span.page
            for p in range(r.span.page, (r.span.end_page or r.span.page) + 1)
        }
    )
    if inferred:
        out.append(_finding("table_grid_inferred", pages=ranges_text(inferred)))
    return tuple(out)


def _unread_unit_columns(header: Sequence[str]) -> list[str]:
    """Header cells read as remarks although they name units (牵头单位及责任人:
    a unit noun of data/columns.toml [pattern] inside): their column's units,
    a lead maybe, are in no record."""
    roles = header_to_roles(list(header)) if header else None
    if roles is None:
        return []
    nouns = load("columns")["pattern"]["nouns"]
    return [
        h.strip()
        for h, r in zip(header, roles, strict=False)
        if r == "extra" and any(map(h.__contains__, nouns))
    ]


def _merged_numbers(notice: Notice) -> list[Discrepancy]:
    """Rows under one merged 序号, each with units of its own, read as
    measures 5-1, 5-2 … although the prose numbers no such parts: numbers
    the notice never wrote (normalize.assemble._table_numbers).  One finding
    per such row, naming the number written and the rows under it."""
    prose = {m.number for m in notice.measures if m.origin == "prose"}
    guessed = [
        e
        for e in notice.table
        if e.number_inferred
        and e.number is not None
        and len(e.number.parts) > 1
        and e.number not in prose
    ]
    parents = [str(e.number).rsplit("-", 1)[0] for e in guessed]
    return [
        _finding("merged_number", e.id, number=parent, rows=parents.count(parent))
        for e, parent in zip(guessed, parents, strict=True)
    ]


def _rows_counted(notice: Notice) -> bool:
    """A table-only notice whose rows write no 序号: each row was numbered by
    its place, 1, 2 … (normalize.assemble), numbers the notice never wrote."""
    prose = any(m.origin == "prose" for m in notice.measures)
    table = notice.table
    return (
        bool(table)
        and not prose
        and not any(e.written_number for e in table)
        and all(e.number_inferred and e.number is not None for e in table)
    )


def _unread_annotations(notice: Notice) -> list[Discrepancy]:
    """A prose measure with no unit whose text still ends in a bracket
    holding responsibility words (data/structure.toml `annotation_words`):
    an annotation in a form no rule reads, its units in no record —
    （甲局携手乙局推进） would otherwise pass as part of the measure's text."""
    words = tuple(load("structure")["annotation_words"])
    remarks = tuple(load("annotations")["bare"]["not_units"])
    out: list[Discrepancy] = []
    for m in notice.measures:
        if m.origin != "prose" or m.lead or m.support:
            continue
        tail = TRAILING_PAREN.search(m.text)
        body = tail["body"].strip() if tail is not None else ""
        if any(map(body.__contains__, words)) and not body.startswith(remarks):
            out.append(_finding("unread_annotation", m.id, text=body[:40]))
        elif tail is None and (last := _labelled_tail(m.text)):
            out.append(_finding("unread_label", m.id, text=last[:40]))
        elif tail is None and (last := _phrase_tail(m.text)):
            out.append(_finding("unread_phrase", m.id, text=last[:40]))
    return out


def _shared_endings(notice: Notice) -> list[Discrepancy]:
    """区教育、卫健、文旅局 read as 区教育局, 区卫健局, 区文旅局: the ending (and
    the level) written once for a run of names (normalize.units
    ending_guessed).  The clerk may have meant another (区卫健委): one
    finding per measure and side naming each guessed name, unless the notice
    writes that name in full elsewhere, or a full name it abbreviates
    (县交通局 of 县交通运输局)."""
    sides: list[tuple[str, str | None, tuple[Unit, ...]]] = [
        ("prose", m.id, (*m.lead, *m.support)) for m in notice.measures
    ]
    sides += [("table", e.id, (*e.upper_units, *e.lead, *e.support)) for e in notice.table]
    in_full = {u.expanded for _, _, units in sides for u in units if u.expanded == u.written}
    out: list[Discrepancy] = []
    for side, measure, units in sides:
        guessed = tuple(
            dict.fromkeys(
                f"{u.written}→{u.expanded}"
                for u in units
                if u.expanded not in in_full
                and u.name not in in_full  # resolved to a name written in full
                and ending_guessed(u.written, u.expanded)
            )
        )
        if guessed:
            out.append(
                _on_side(
                    _finding("shared_ending", measure, units="、".join(guessed)), side, guessed
                )
            )
    return out


def _labelled_tail(text: str) -> str:
    """The measure's last sentence when it opens with a role label
    (data/structure.toml `label_words`) and more after it: 牵头部门甲局，
    配合部门乙局 — not 各责任单位要… (a sentence about the units)."""
    sentences = [s for s in _SENTENCE_END.split(text.strip()) if s.strip()]
    # 「牵头单位：甲局」: a quote a WeChat copy set round the labels (probe10).
    last = sentences[-1].strip().lstrip('「『“"') if sentences else ""
    labels = load("structure")["label_words"]
    return last if any(last.startswith(w) and len(last) > len(w) for w in labels) else ""


_SENTENCE_END = lazy_compile(r"[。；;]")


def _phrase_tail(text: str) -> str:
    """The measure's last sentence when, after a sentence before it, it ends
    in a role marker (data/annotations.toml [phrases]: 牵头, 配合, 负责 …):
    县甲局牵头（含乙），县丙局配合 — a phrase no rule read."""
    sentences = [s for s in _SENTENCE_END.split(text.strip()) if s.strip()]
    if len(sentences) < 2:
        return ""
    last = sentences[-1].strip()
    p = load("annotations")["phrases"]
    markers = sorted((*p["lead_marker"], *p["support_markers"], *p["shared_markers"]), key=len)
    clause = _CLAUSE.split(last)[-1].strip()
    # The units before the marker must end like units: …提供智力支持 and
    # 由企业自主负责 are sentences, not phrases.
    ends = [m for m in markers if clause.endswith(m) and len(clause) > len(m)]
    units = clause[: -len(ends[-1])] if ends else ""
    return last if units and names_only_units([units.removeprefix("由")]) else ""


_CLAUSE = lazy_compile(r"[，,]")


def _odd_units(notice: Notice) -> list[Discrepancy]:
    """A unit whose name does not look like one (normalize.units.looks_like_unit):
    one finding per measure and side, the odd names on their side."""
    out: list[Discrepancy] = []
    sides: list[tuple[str, str | None, tuple[Unit, ...]]] = [
        ("prose", m.id, (*m.lead, *m.support)) for m in notice.measures
    ]
    sides += [("table", e.id, (*e.upper_units, *e.lead, *e.support)) for e in notice.table]
    for side, measure, units in sides:
        odd = tuple(
            dict.fromkeys(
                u.name for u in units if not looks_like_unit(u.name) or spaced_name(u.written)
            )
        )
        if odd:
            out.append(_on_side(_finding("odd_unit", measure, units="、".join(odd)), side, odd))
    return out


def _on_side(finding: Discrepancy, side: str, names: tuple[str, ...]) -> Discrepancy:
    """`finding` with `names` as the values of the side they were read on."""
    if side == "prose":
        return attrs.evolve(finding, prose=names)
    return attrs.evolve(finding, table=names)

"""The prose list: parts, sections and measures with their annotations.

lines_to_outline reads the lines as items (segment.items), folds a measure's
inner enumeration into it, takes each marker style's level from the
document (segment.levels), and builds the parts, sections and measures:
sub-measures, unnumbered tasks N-1 / N-2, lead-ins and ids.  Where the
outline had to be guessed, it says so in `notes` (normalize.structure turns
them into `structure` findings).  One measure's record and the builder
that gathers its lines are segment.prose_measure's.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

import attrs

from .._support.records import NamedTuple
from ..models import MeasureNo, Part, Residue, Section
from . import guesses
from .annotations import Annotation
from .details import fold_details
from .division import Division, split_divisions
from .header import Line
from .headings import heading_lead, heading_units, label_lead
from .inner import fold_inner_items
from .items import Item, Paragraph, lines_to_items, split_trailers, trailer_reason
from .leading import shift_leading_labels
from .levels import (
    HEADING_STYLES,
    SUB_FORMS,
    Levels,
    Note,
    items_to_levels,
    restarts_per_heading,
)
from .markers import Marked
from .own_line_deadline import deadline_under
from .prose_measure import MeasureBuilder
from .prose_measure import ProseMeasure as ProseMeasure  # noqa: PLC0414 (re-exported)
from .tasks import MeasureTasks, Numbering, task_guesses
from .wrapping import Page


class Outline(NamedTuple):
    parts: tuple[Part, ...]
    measures: tuple[ProseMeasure, ...]
    residue: tuple[Residue, ...]
    notes: tuple[Note, ...] = ()  # where the outline was guessed (structure findings)


def lines_to_outline(
    lines: list[Line], *, first_is_lead: bool = False, page: Page | None = None
) -> Outline:
    """Outline lines → parts, sections, measures; stray lines become residue.

    lines_to_items → fold_inner_items → items_to_levels → _Outliner (one
    handler per level an item stands at) → _drop_lead_ins → _with_ids →
    fold_details.

    `first_is_lead`: the text above the outline stated that the first unit
    of an annotation is the lead (列第一位者为牵头单位).  `page`: the width
    the notice was wrapped at (segment.wrapping; default: read off `lines`).
    """
    lines, divisions, division_titles = split_divisions(lines)
    items, residue = lines_to_items(lines, first_is_lead, page)
    residue.extend(
        Residue(text=ln.text, reason=DIVISION_TITLE, span=ln.span) for ln in division_titles
    )
    items, folded = fold_inner_items(items)
    items, _ = shift_leading_labels(items)
    levels = items_to_levels(items)
    if levels is None:
        # No level holds measures (a lone 1.1 over a 分工表): the items are
        # prose outside any measure, set aside, never dropped.
        residue.extend(r for it in items for r in it.residue(OUTSIDE_REASON, heading=False))
        return Outline(parts=(), measures=(), residue=tuple(residue))
    if folded:
        levels = levels._replace(notes=(*levels.notes, *folded))
    out = _Outliner(levels=levels, numbering=Numbering.of(items, levels.measure), residue=residue)
    out.final = items[-1] if items else None
    for it in items:
        out.add(it)
    finished = [b.build() for b in out.builders]
    kept_measures = _with_ids(_drop_lead_ins(finished, out.residue, out.unplaced))
    kept_measures = fold_details(_divided(kept_measures, divisions))
    named = [guesses.named(n, pm.id) for pm in kept_measures for n in pm.guesses]
    return Outline(
        parts=tuple(out.parts),
        measures=tuple(kept_measures),
        residue=tuple(out.residue),
        notes=(*levels.notes, *out.unplaced, *named, *(d.note for d in divisions)),
    )


def _divided(measures: list[ProseMeasure], divisions: list[Division]) -> list[ProseMeasure]:
    """Each measure a division numbers (第1-3项由A牵头) that names no unit of
    its own takes the division's annotation (segment.division)."""
    if not divisions:
        return measures
    out: list[ProseMeasure] = []
    for pm in measures:
        own = pm.annotation is not None and pm.annotation.names_units
        given = next(
            (d.by_number[pm.number.main] for d in divisions if pm.number.main in d.by_number),
            None,
        )
        if not own and given is not None and len(pm.number.parts) == 1:
            pm = pm._replace(annotation=given)
        out.append(pm)
    return out


OUTSIDE_REASON = "prose line outside any measure"
DIVISION_TITLE = "heading of a paragraph giving units by measure number"


class Level(enum.Enum):
    """Where an item stands in the outline (segment.levels decides per style)."""

    SUB_FORM = "sub_form"  # 36-1, 3.1: a measure numbered after its parent
    PART = "part"
    SECTION = "section"
    MEASURE = "measure"
    SUB = "sub"  # （1） under a measure: its sub-measure
    OUTSIDE = "outside"  # a marker of no level here, or a sub-item under no measure


class _Cursor(NamedTuple):
    """Where the outline stands: the part, section and measure above the next item."""

    part: str | None = None
    section: str | None = None
    parent: MeasureNo | None = None
    part_lead: tuple[str, ...] = ()  # what the part's heading names (segment.headings)
    section_lead: tuple[str, ...] = ()
    part_units: Annotation | None = None
    section_units: Annotation | None = None


class _Outliner:
    """The items folded into parts, sections and measure builders, one
    handler per level (`_HANDLERS`)."""

    __slots__ = (
        "at",
        "builders",
        "final",
        "last",
        "levels",
        "numbering",
        "parts",
        "residue",
        "slipped",
        "unplaced",
    )

    def __init__(self, *, levels: Levels, numbering: Numbering, residue: list[Residue]) -> None:
        self.levels = levels
        self.numbering = numbering
        self.residue = residue
        self.parts: list[Part] = []
        self.builders: list[MeasureBuilder] = []
        self.unplaced: list[Note] = []  # guesses about items that made no measure
        self.at = _Cursor()
        self.last: MeasureNo | None = None  # the last measure-level number read
        self.slipped: str | None = None  # a style measures were written in by slip (style_slip)
        self.final: Item | None = None  # the outline's last item: a signature may stand under it

    def level(self, m: Marked) -> Level:
        lv = self.levels
        if m.style in SUB_FORMS:
            return Level.SUB_FORM
        if m.style == lv.part:
            return Level.PART
        if m.style == lv.section:
            return Level.SECTION
        if m.style == lv.measure:
            return Level.MEASURE
        if m.style in lv.sub and self.at.parent is not None:
            # 3﹒ read as a measure by slip: 4﹒ after it is measure 4, not 3-4.
            return Level.OUTSIDE if m.style == self.slipped and self._next(m) else Level.SUB
        return Level.OUTSIDE

    def _next(self, m: Marked) -> bool:
        """The marker's plain number is the next measure's."""
        last = self.last
        return (
            m.number.isdigit()
            and last is not None
            and len(last.parts) == 1
            and int(m.number) == last.main + 1
        )

    def add(self, it: Item) -> None:
        _HANDLERS[self.level(it.marker)](self, it)

    def start(self, no: MeasureNo, it: Item, notes: tuple[Note, ...] = ()) -> MeasureBuilder:
        m = it.marker
        b = MeasureBuilder(
            number=no,
            written_number=m.written,
            part=self.at.part,
            section=self.at.section,
            span=m.line.span,
            first_is_lead=it.first_is_lead,
            heading_lead=self.at.section_lead or self.at.part_lead,
            heading_units=self.at.section_units or self.at.part_units,
            guesses=notes,
        )
        self.builders.append(b)
        return b

    def set_aside(self, paragraphs: list[Paragraph], reason: str) -> None:
        self.residue.extend(
            Residue(text=p.text, reason=reason, span=p.line.span) for p in paragraphs
        )

    def _fill(self, builder: MeasureBuilder, it: Item) -> None:
        final = it is self.final
        kept, trailers = split_trailers(list(it.paragraphs), more_follow=not final, final=final)
        due, trailers = deadline_under(trailers)  # 2025年10月底前完成 on its own line
        builder.add(kept if due is None else [*kept, due])
        self.set_aside(trailers, trailer_reason(trailers, final=final))

    def on_sub_form(self, it: Item) -> None:
        self._fill(self.start(MeasureNo.parse(it.marker.number), it, it.guesses), it)

    def on_part(self, it: Item) -> None:
        m = it.marker
        self.at = _Cursor(part=m.number, part_lead=heading_lead(it), part_units=heading_units(it))
        self.parts.append(Part(number=m.number, written=m.written, title=m.rest))
        self.residue.extend(it.residue(_heading_reason(it), heading=True))
        self.unplaced.extend(it.guesses)

    def on_section(self, it: Item) -> None:
        m = it.marker
        self.at = self.at._replace(
            section=m.number,
            parent=None,
            section_lead=heading_lead(it),
            section_units=heading_units(it),
        )
        sec = Section(number=m.number, written=m.written, title=m.rest)
        if not self.parts:
            self.parts.append(Part(number=None, written="", title=None))
        self.parts[-1] = attrs.evolve(self.parts[-1], sections=(*self.parts[-1].sections, sec))
        self.residue.extend(it.residue(_heading_reason(it), heading=True))
        self.unplaced.extend(it.guesses)

    def on_measure(self, it: Item) -> None:
        m = it.marker
        parent = MeasureNo.parse(m.number)
        at = self.at  # _replace(parent=…), built directly: once per measure
        self.at = _Cursor(
            at.part,
            at.section,
            parent,
            at.part_lead,
            at.section_lead,
            at.part_units,
            at.section_units,
        )
        self.last = parent
        tasks = self.numbering.tasks_of(it)
        if self.numbering.splits(tasks):
            self._tasks(it, tasks, parent)
        else:
            self._fill(self.start(parent, it, it.guesses), it)

    def _tasks(self, it: Item, tasks: MeasureTasks, parent: MeasureNo) -> None:
        """Unnumbered measures: the item holds several tasks, each ended by
        its own annotation (in one paragraph or one per paragraph) → N-1,
        N-2 …; an unannotated first line is their lead-in."""
        m = it.marker
        units = list(tasks.units)
        if tasks.lead_in:
            self.residue.append(
                Residue(
                    text=m.written + "".join(p.text for p in units[0]),
                    reason=f"lead-in of the unnumbered measures under {parent}, "
                    "not itself a measure",
                    span=units[0][0].line.span,
                )
            )
            units = units[1:]
        notes = (*it.guesses, *task_guesses(units, m, parent))
        for k, unit in enumerate(units, start=1):
            b = self.start(parent.sub(k), it, notes)
            b.written_number = m.written if k == 1 and not tasks.lead_in else ""
            b.span = unit[0].line.span
            b.add(list(unit))
        trailers = [p for p in it.paragraphs if id(p) not in tasks.kept]
        self.set_aside(trailers, trailer_reason(trailers))

    def on_sub(self, it: Item) -> None:
        assert self.at.parent is not None  # Level.SUB needs a measure above
        self._fill(self.start(self.at.parent.sub(int(it.marker.number)), it, it.guesses), it)

    def on_outside(self, it: Item) -> None:
        m = it.marker
        if self._slipped(it):
            # １、２、 then 3﹒4﹒: a measure written in another style, its
            # number going on from the measures' — a guess, said.
            note = guesses.style_slip(m.line.span, m.written, str(self.last))
            self.slipped = m.style
            self.on_measure(attrs.evolve(it, guesses=(*it.guesses, note)))
            return
        self.residue.extend(it.residue(OUTSIDE_REASON, heading=False))
        self.unplaced.extend(it.guesses)
        if it.names_units:
            # Its units are in the residue, no measure's: say so.
            self.unplaced.append(guesses.annotated_outside(m.line.span, m.written))

    def _slipped(self, it: Item) -> bool:
        """An item of no level here that names units and whose plain number is
        the next measure's (the last measure has no sub-measure level of this
        style above it to hold it: it stands outside)."""
        return it.names_units and it.marker.style not in HEADING_STYLES and self._next(it.marker)


_HANDLERS: dict[Level, Callable[[_Outliner, Item], None]] = {
    Level.SUB_FORM: _Outliner.on_sub_form,
    Level.PART: _Outliner.on_part,
    Level.SECTION: _Outliner.on_section,
    Level.MEASURE: _Outliner.on_measure,
    Level.SUB: _Outliner.on_sub,
    Level.OUTSIDE: _Outliner.on_outside,
}


def _heading_reason(it: Item) -> str:
    """Why the lines under a heading's title are set aside."""
    if label_lead(it):
        return f"lead of the items under {it.marker.written.strip()}, named once for them"
    return OUTSIDE_REASON


def _drop_lead_ins(
    finished: list[ProseMeasure], residue: list[Residue], unplaced: list[Note]
) -> list[ProseMeasure]:
    """ "3．加快发展外贸新业态：" over 3.1, 3.2 …: a lead-in, not a measure."""

    def is_child(c: ProseMeasure, m: ProseMeasure) -> bool:
        n = len(m.number.parts)
        return (
            len(c.number.parts) > n
            and c.number.parts[:n] == m.number.parts
            and c.section == m.section
        )

    kept: list[ProseMeasure] = []
    for k, pm in enumerate(finished):
        children: list[ProseMeasure] = []
        if pm.annotation is None:
            # By index: a copy of the rest for every measure was quadratic.
            for c in (finished[j] for j in range(k + 1, len(finished))):
                if not is_child(c, pm):
                    break
                children.append(c)
        if children:
            residue.append(
                Residue(
                    text=f"{pm.written_number}{pm.text}",
                    reason=f"lead-in of measures {children[0].number}…{children[-1].number}, "
                    "not itself a measure",
                    span=pm.span,
                )
            )
            unplaced.extend(pm.guesses)
            continue
        kept.append(pm)
    return kept


def _with_ids(measures: list[ProseMeasure]) -> list[ProseMeasure]:
    """Where numbering restarts in each section (or part, when there are no
    sections), the id carries that heading's number: 3/4.  One number
    written twice in a run is a slip (a `numbering` finding), not a restart."""
    if not restarts_per_heading((m.section or m.part, m.number) for m in measures):
        return measures
    return [
        m._replace(id=f"{m.section or m.part}/{m.number}") if (m.section or m.part) else m
        for m in measures
    ]

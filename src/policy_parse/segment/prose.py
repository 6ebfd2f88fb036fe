"""The prose list: parts, sections and measures with their annotations.

lines_to_outline reads the lines as items (segment.items), folds a measure's
inner enumeration into it, takes each marker style's level from the
document (segment.levels), and builds the parts, sections and measures:
sub-measures, unnumbered tasks N-1 / N-2, lead-ins and ids.  Where the
outline had to be guessed, it says so in `notes` (normalize.structure turns
them into `structure` findings).
"""

from __future__ import annotations

from collections import Counter

import attrs

from ..models import MeasureNo, Part, Residue, Section, Span
from . import grammar as g
from . import guesses
from .annotations import Annotation
from .header import Line
from .headings import heading_lead, label_lead
from .items import Item, Paragraph, lines_to_items, split_trailers, trailer_reason
from .levels import HEADING_STYLES, SUB_FORMS, Note, items_to_levels, restarts_per_heading
from .markers import Marked, match_marker
from .wrapping import Page


@attrs.frozen(kw_only=True)
class ProseMeasure:
    id: str
    number: MeasureNo
    written_number: str
    part: str | None
    section: str | None
    text: str
    annotation: Annotation | None
    deadline: str | None
    span: Span
    first_is_lead: bool = False  # the notice stated 列第一位者为牵头单位 above
    # The lead its part or section heading names for its items (segment.headings).
    heading_lead: tuple[str, ...] = ()
    # Where reading it picked one reading among several (segment.guesses):
    # notes that name no measure yet.
    guesses: tuple[Note, ...] = ()


@attrs.frozen(kw_only=True)
class Outline:
    parts: tuple[Part, ...]
    measures: tuple[ProseMeasure, ...]
    residue: tuple[Residue, ...]
    notes: tuple[Note, ...] = ()  # where the outline was guessed (structure findings)


@attrs.define
class MeasureBuilder:
    """One measure while its lines are read: text pieces, annotations, span."""

    number: MeasureNo
    written_number: str
    part: str | None
    section: str | None
    span: Span
    first_is_lead: bool = False
    heading_lead: tuple[str, ...] = ()
    guesses: tuple[Note, ...] = ()
    texts: list[str] = attrs.Factory(list)
    annotations: list[Annotation] = attrs.Factory(list)

    def add(self, paragraphs: list[Paragraph]) -> None:
        for p in paragraphs:
            if p.text:
                # A wrapped line joins the text; a second sentence-ending
                # paragraph starts a new line.  Only the last piece is looked
                # at, so joining stays linear in the measure's length.
                if self.texts and g.SENTENCE_END.search(self.texts[-1][-2:]):
                    self.texts.append("\n")
                self.texts.append(p.text.strip())
            self.annotations.extend(p.annotations)
            if p.line.span != self.span:
                self.span = self.span.cover(p.line.span)

    def build(self) -> ProseMeasure:
        ann: Annotation | None = None
        for a in self.annotations:
            ann = a if ann is None else ann.merged(a)
        return ProseMeasure(
            id=str(self.number),
            number=self.number,
            written_number=self.written_number,
            part=self.part,
            section=self.section,
            text="".join(self.texts).strip(),
            annotation=ann,
            deadline=ann.deadline if ann else None,
            span=self.span,
            first_is_lead=self.first_is_lead,
            heading_lead=self.heading_lead,
            guesses=self.guesses,
        )


def lines_to_outline(
    lines: list[Line], *, first_is_lead: bool = False, page: Page | None = None
) -> Outline:
    """Outline lines → parts, sections, measures; stray lines become residue.

    `first_is_lead`: the text above the outline stated that the first unit
    of an annotation is the lead (列第一位者为牵头单位).  `page`: the width
    the notice was wrapped at (segment.wrapping; default: read off `lines`).
    """
    items, conventions, residue = lines_to_items(lines, first_is_lead, page)
    items, conventions, folded = _fold_inner_items(items, conventions)
    levels = items_to_levels(items)
    if levels is None:
        return Outline(parts=(), measures=(), residue=tuple(residue))
    if folded:
        levels = attrs.evolve(levels, notes=(*levels.notes, *folded))
    measure_style, part_style, section_style = levels.measure, levels.part, levels.section
    sub_styles = levels.sub

    parts: list[Part] = []
    builders: list[MeasureBuilder] = []
    part_no: str | None = None
    section_no: str | None = None
    parent_no: MeasureNo | None = None
    part_lead: tuple[str, ...] = ()  # what the part's heading names (segment.headings)
    section_lead: tuple[str, ...] = ()

    def start(
        no: MeasureNo, m: Marked, convention: bool, guesses: tuple[Note, ...] = ()
    ) -> MeasureBuilder:
        b = MeasureBuilder(
            number=no,
            written_number=m.written,
            part=part_no,
            section=section_no,
            span=m.line.span,
            first_is_lead=convention,
            heading_lead=section_lead or part_lead,
            guesses=guesses,
        )
        builders.append(b)
        return b

    def set_aside(paragraphs: list[Paragraph], reason: str) -> None:
        residue.extend(Residue(text=p.text, reason=reason, span=p.line.span) for p in paragraphs)

    tasks = {id(it): _tasks(it) for it in items if it.marker.style == measure_style}
    # Where some measure item holds several unnumbered tasks under a title
    # line, the notice numbers its tasks that way: an item of the same style
    # with a title line and one annotated task is N-1 too, its title a
    # lead-in, rather than the title glued to the task's text.
    by_tasks = any(len(t[1]) >= 2 and t[2] for t in tasks.values())
    # Where some measure item holds several tasks at all, an item of the same
    # style whose title sentence opens its one task (（二）转变职能。深化…（A牵头）)
    # is N-1 as well: the level numbers its tasks (README: unnumbered tasks
    # inside a numbered paragraph are N-k), and its title stays in the text
    # as its siblings' does.
    holds_tasks = any(len(t[1]) >= 2 for t in tasks.values())
    unplaced: list[Note] = []  # guesses about items that made no measure
    for it, convention in zip(items, conventions, strict=True):
        m = it.marker
        body = list(it.paragraphs)
        if m.style in SUB_FORMS:
            builder = start(MeasureNo.parse(m.number), m, convention, it.guesses)
        elif m.style == part_style:
            part_no, section_no, parent_no = m.number, None, None
            part_lead, section_lead = heading_lead(it), ()
            parts.append(Part(number=m.number, written=m.written, title=m.rest))
            residue.extend(it.residue(_heading_reason(it), heading=True))
            unplaced.extend(it.guesses)
            continue
        elif m.style == section_style:
            section_no, parent_no = m.number, None
            section_lead = heading_lead(it)
            sec = Section(number=m.number, written=m.written, title=m.rest)
            if not parts:
                parts.append(Part(number=None, written="", title=None))
            parts[-1] = attrs.evolve(parts[-1], sections=(*parts[-1].sections, sec))
            residue.extend(it.residue(_heading_reason(it), heading=True))
            unplaced.extend(it.guesses)
            continue
        elif m.style == measure_style:
            parent_no = MeasureNo.parse(m.number)
            units, annotated_units, lead_in, kept_ids = tasks[id(it)]
            several = (
                len(annotated_units) >= 2
                or (by_tasks and lead_in and annotated_units)
                or (holds_tasks and len(units) == 1 == len(annotated_units) and _titled(units[0]))
            )
            if several and (len(units) - lead_in) == len(annotated_units):
                # Unnumbered measures: the item holds several tasks, each
                # ended by its own annotation (in one paragraph or one per
                # paragraph) → N-1, N-2 …; an unannotated first line is
                # their lead-in.
                if lead_in:
                    residue.append(
                        Residue(
                            text=m.written + "".join(p.text for p in units[0]),
                            reason=f"lead-in of the unnumbered measures under {parent_no}, "
                            "not itself a measure",
                            span=units[0][0].line.span,
                        )
                    )
                    units = units[1:]
                inline = _task_guesses(units, m, parent_no)
                for k, unit in enumerate(units, start=1):
                    b = start(parent_no.sub(k), m, convention, (*it.guesses, *inline))
                    b.written_number = m.written if k == 1 and not lead_in else ""
                    b.span = unit[0].line.span
                    b.add(unit)
                trailers = [p for p in it.paragraphs if id(p) not in kept_ids]
                set_aside(trailers, trailer_reason(trailers))
                continue
            builder = start(parent_no, m, convention, it.guesses)
        elif m.style in sub_styles and parent_no is not None:
            builder = start(parent_no.sub(int(m.number)), m, convention, it.guesses)
        else:
            residue.extend(it.residue("prose line outside any measure", heading=False))
            unplaced.extend(it.guesses)
            continue
        kept, trailers = split_trailers(body)
        builder.add(kept)
        set_aside(trailers, trailer_reason(trailers))

    finished = [b.build() for b in builders]
    kept_measures = _with_ids(_drop_lead_ins(finished, residue, unplaced))
    named = [guesses.named(n, pm.id) for pm in kept_measures for n in pm.guesses]
    return Outline(
        parts=tuple(parts),
        measures=tuple(kept_measures),
        residue=tuple(residue),
        notes=(*levels.notes, *unplaced, *named),
    )


def _task_guesses(units: list[list[Paragraph]], m: Marked, parent: MeasureNo) -> tuple[Note, ...]:
    """Where cutting an item into its tasks N-1, N-2 … was a guess."""
    if len(units) == 1:
        # One task numbered N-1 as its siblings' tasks are (a lead-in or a
        # title sentence above it): the notice writes N alone.
        return (guesses.lone_task(units[0][0].line.span, str(parent)),)
    return _inline_tasks(units, m, parent)


def _inline_tasks(units: list[list[Paragraph]], m: Marked, parent: MeasureNo) -> tuple[Note, ...]:
    """A guess, when the tasks N-1, N-2 … were cut out of one paragraph at
    its annotations and the notice writes no number for them: 甲。（A负责）乙。
    （B负责） under one number may be one measure whose units are both
    annotations' (docs/formats.md "Unnumbered tasks").  Tasks on lines of
    their own, or each opening with its own inner number （1）（2）, are
    the notice's own division."""
    lines = [u[0].line for u in units]
    if len(set(lines)) == len(lines):
        return ()
    if all(_numbered(u, k) for k, u in enumerate(units, start=1)):
        return ()
    counts = Counter(lines)
    line, count = counts.most_common(1)[0]
    return (guesses.inline_tasks(line.span, str(parent), count),)


def _numbered(unit: list[Paragraph], k: int) -> bool:
    """The task opens with the inner number k (（1）… (1)… 1.…), maybe after
    its topic's title sentence (深化改革。(1)全面落实…)."""
    text = unit[0].text.strip()
    starts = [0, *(i + 1 for i, c in enumerate(text[: _TITLE_MAX + 1]) if c == "。")]
    return any(
        (mark := match_marker(text[i:])) is not None and mark.number == str(k) for i in starts
    )


# A title sentence: short, and one clause.
_TITLE_MAX = 20
_CLAUSE_MARKS = ("，", ",", "；", ";", "：", ":", "、")


def _titled(unit: list[Paragraph]) -> bool:
    """转变政府职能。深化…: the task's paragraph opens with a title sentence
    (one clause of at most `_TITLE_MAX` characters) and goes on after it."""
    text = unit[0].text.strip()
    first, end, rest = text.partition("。")
    return (
        bool(end and rest.strip())
        and len(first) <= _TITLE_MAX
        and not any(c in first for c in _CLAUSE_MARKS)
    )


def _heading_reason(it: Item) -> str:
    """Why the lines under a heading's title are set aside."""
    if label_lead(it):
        return f"lead of the items under {it.marker.written.strip()}, named once for them"
    return "prose line outside any measure"


def _fold_inner_items(
    items: list[Item], conventions: list[bool]
) -> tuple[list[Item], list[bool], list[Note]]:
    """1.提升养老服务。（1）…；（2）…。 and then one annotation: the inner items
    are the measure's own words, the annotation closes the whole measure
    (specimens 39, 42), not item （2） alone.  Only for items of the style
    right under the parent's, when no item but the last carries an
    annotation, and the last's stands on a line of its own or the items
    before it end mid-sentence (；): one enumeration.  Items annotated each
    stay sub-measures 1-1, 1-2; 1.甲。 2.乙。（A负责） under 一、 are measures.
    Folding before an inline annotation is a guess: an `inner_items` note."""
    order: list[str] = []
    for it in items:
        if it.marker.style not in SUB_FORMS and it.marker.style not in order:
            order.append(it.marker.style)
    if len(order) < 2:
        return items, conventions, []
    below = {order[k]: order[k + 1] for k in range(len(order) - 1)}
    out: list[Item] = []
    kept: list[bool] = []
    notes: list[Note] = []
    k = 0
    while k < len(items):
        it, convention = items[k], conventions[k]
        j = k + 1
        inner = below.get(it.marker.style)
        if (
            inner is not None
            and it.marker.style not in HEADING_STYLES
            and j < len(items)
            and items[j].marker.style == inner
            and not it.annotated
        ):
            while j < len(items) and items[j].marker.style == inner:
                j += 1
        run = items[k + 1 : j]
        fold = len(run) >= 2 and not any(r.annotated for r in run[:-1]) and run[-1].annotated
        own_line = fold and _closed_by_line(run[-1])
        if fold and (own_line or all(_ends_mid_sentence(r) for r in run[:-1])):
            if not own_line:
                notes.append(("inner_items", (("marker", it.marker.written),)))
            paragraphs = list(it.paragraphs)
            lines = list(it.lines)
            for r in run:
                first, *rest = r.paragraphs
                paragraphs += [attrs.evolve(first, text=r.marker.written + first.text), *rest]
                lines += [r.marker.line, *r.lines]
            carried = (*it.guesses, *(n for r in run for n in r.guesses))
            it = attrs.evolve(it, paragraphs=tuple(paragraphs), lines=tuple(lines), guesses=carried)
        else:
            j = k + 1
        out.append(it)
        kept.append(convention)
        k = j
    return out, kept, notes


def _ends_mid_sentence(it: Item) -> bool:
    """（1）新建…； : an item of an enumeration that goes on."""
    return "".join(p.text for p in it.paragraphs).rstrip().endswith(("；", ";", "，", ",", "、"))


def _closed_by_line(it: Item) -> bool:
    """The item's annotations all stand on lines of their own after its text."""
    first, *rest = it.paragraphs
    return not first.annotations and all(not p.text for p in rest if p.annotations)


def _tasks(
    it: Item,
) -> tuple[list[list[Paragraph]], list[list[Paragraph]], bool, set[int]]:
    """A measure item's units of paragraphs (trailers left out), those that
    carry an annotation, whether the first carries none (a lead-in), and the
    ids of the kept paragraphs."""
    units = it.units()
    kept_units, _ = split_trailers([p for u in units for p in u])
    kept_ids = {id(p) for p in kept_units}
    units = [u for u in units if id(u[0]) in kept_ids]
    annotated_units = [u for u in units if any(p.annotations for p in u)]
    lead_in = bool(units) and not any(p.annotations for p in units[0])
    return units, annotated_units, lead_in, kept_ids


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
        attrs.evolve(m, id=f"{m.section or m.part}/{m.number}") if (m.section or m.part) else m
        for m in measures
    ]

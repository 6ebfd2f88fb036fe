"""The prose list: parts, sections and measures with their annotations.

Marker styles (一、 / 1、 / （一） / 1. / （1） ...) mean different levels in
different notices, so the depth is read off the document: the measure level
is the style whose items carry responsibility annotations (on the marker
line or on the lines under it), heading levels are the styles first seen
above it, and deeper styles are sub-measures (（1） under 3. → 3-1).  36-1
and 3.1 forms are sub-measures of their own style's level.  Where the level
had to be guessed, the outline says so in `notes` (normalize.structure turns
them into `structure` findings).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import attrs

from ..data import load
from ..lazy_regex import lazy_compile
from ..models import MeasureNo, Part, Residue, Section, Span
from . import grammar as g
from .annotations import (
    CLOSERS,
    OPENERS,
    Annotation,
    is_label_line,
    label_pattern,
    states_first_is_lead,
)
from .header import Line
from .markers import Marked, match_marker
from .placement import split_tasks

# A place where the outline was guessed: the catalogue key of its message
# (data/messages.toml [note]) and the values that fill it.
Note = tuple[str, tuple[tuple[str, str], ...]]


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


@attrs.frozen(kw_only=True)
class Outline:
    parts: tuple[Part, ...]
    measures: tuple[ProseMeasure, ...]
    residue: tuple[Residue, ...]
    notes: tuple[Note, ...] = ()  # where the outline was guessed (structure findings)


# Marker styles that name a section when only one heading level exists.
SECTION_STYLES = frozenset({"cn_paren"})

# Styles that are headings in most notices: taking one as measures is a guess.
HEADING_STYLES = frozenset({"part_word", "cn_dun"})

# 36-1 / 3.1 carry their parent's number: they are measures whatever style
# the plain measures use (1. or 1、), so they name no level of their own.
SUB_FORMS = frozenset({"ar_sub", "ar_dec"})

# A short line after a measure's annotation that ends no sentence: a caption
# (附表), a byline (记者…), a link (详见…) — not the measure's text.
_TRAILER_MAX = 30
TRAILER_REASON = "short line after the measure's annotation (a caption or byline?)"
_TRAILER_STOP = lazy_compile(r"[。；！？（(]")  # a sentence or a bracket: not a byline
CLOSING_REASON = "closing text after the last measure's annotation (signature, date, page footer)"


# --- items: a marker line and the lines under it ------------------------------------


@attrs.frozen(kw_only=True)
class _Paragraph:
    text: str  # without its annotations
    annotations: tuple[Annotation, ...]
    line: Line


def _paragraphs(text: str, line: Line, *, own_line: bool) -> list[_Paragraph]:
    """A paragraph as its tasks: one piece per annotation that closes one."""
    return [
        _Paragraph(text=t.text, annotations=t.annotations, line=line)
        for t in split_tasks(text, own_line=own_line)
    ]


@attrs.frozen(kw_only=True)
class _Item:
    marker: Marked
    paragraphs: tuple[_Paragraph, ...]  # the marker line's rest first
    lines: tuple[Line, ...]  # the source lines after the marker, as read (for residue)

    def residue(self, reason: str, *, heading: bool) -> list[Residue]:
        """The item set aside: every line but, for a heading, its title line."""
        lines = self.lines if heading else (self.marker.line, *self.lines)
        return [Residue(text=ln.text.strip(), reason=reason, span=ln.span) for ln in lines]

    @property
    def annotated(self) -> bool:
        return any(a.names_units or a.leaders for p in self.paragraphs for a in p.annotations)

    @property
    def names_units(self) -> bool:
        return any(a.names_units for p in self.paragraphs for a in p.annotations)

    def units(self) -> list[list[_Paragraph]]:
        """Paragraphs grouped as text + the annotation-only lines under it."""
        groups: list[list[_Paragraph]] = []
        for p in self.paragraphs:
            if p.text or not groups:
                groups.append([p])
            else:
                groups[-1].append(p)
        return groups


@attrs.define
class MeasureBuilder:
    """One measure while its lines are read: text pieces, annotations, span."""

    number: MeasureNo
    written_number: str
    part: str | None
    section: str | None
    span: Span
    first_is_lead: bool = False
    texts: list[str] = attrs.Factory(list)
    annotations: list[Annotation] = attrs.Factory(list)

    def add(self, paragraphs: list[_Paragraph]) -> None:
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
        )


def _split_trailers(paragraphs: list[_Paragraph]) -> tuple[list[_Paragraph], list[_Paragraph]]:
    """Short lines after the item's last annotation that end no sentence."""
    last = max((k for k, p in enumerate(paragraphs) if p.annotations), default=None)
    if last is None:
        return paragraphs, []
    tail = paragraphs[last + 1 :]
    if all(
        len(p.text) <= _TRAILER_MAX and not _TRAILER_STOP.search(p.text) and not p.annotations
        for p in tail
    ) or (_closing(tail) and not any(p.annotations for p in tail)):
        return paragraphs[: last + 1], tail
    return paragraphs, []


def _closing(tail: list[_Paragraph]) -> bool:
    """The plan's closing matter after its last measure: a line that is a
    date alone (the 成文日期 under the signature), a publication note
    (（此件公开发布）) or a portal's footer (上一篇：…, data/header.toml
    `footer_starts`) — no measure's text holds one, so what stands between
    the annotation and it (各单位要高度重视…, the 署名) closes the plan too."""
    starts = tuple(load("header")["footer_starts"])
    return any(
        g.DATE.match(t := p.text.strip()) or g.NOTE.match(t) or t.startswith(starts) for p in tail
    )


def _trailer_reason(trailers: list[_Paragraph]) -> str:
    return CLOSING_REASON if _closing(trailers) else TRAILER_REASON


# A wrapped line is a full line of the page; a shorter one is a title or a
# label (a section title over an unnumbered topic line).
_WRAPPED_MIN = 20
_ENDS = ("。", "；", ";", "！", "？", "：", ":", *CLOSERS)


@attrs.define
class _Raw:
    """One paragraph while its lines are read: pieces joined once, at the end."""

    pieces: list[str]
    span: Span
    label: bool  # it starts with a label (牵头单位：…): nothing wraps onto it

    @classmethod
    def of(cls, text: str, span: Span) -> _Raw:
        return cls(pieces=[text], span=span, label=is_label_line(text))

    def wraps(self, line: str) -> bool:
        """`line` goes on with this paragraph: its last line was a full line
        ended mid-sentence, and `line` is no label line and no bracket.  A
        label line goes on only while its value does: 牵头单位： alone (a PDF
        copy puts the value on the next line), or a list ended by 、."""
        last = self.pieces[-1].rstrip()
        if self.label:
            if is_label_line(line) or line.startswith(tuple(OPENERS)):
                return False
            text = "".join(self.pieces).strip()
            m = label_pattern().match(text)
            return (m is not None and m.end() == len(text)) or last.endswith(("、", "，", ","))
        if not last.endswith(_ENDS) and _bracket_open(self.pieces) and not is_label_line(line):
            # A bracket still open goes on, however short its line: a PDF copy
            # breaks an annotation where the page ends (specimen 43).
            return True
        return (
            len(last) >= _WRAPPED_MIN
            and not last.endswith(_ENDS)
            and not self.label
            and not is_label_line(line)
            and not line.startswith(tuple(OPENERS))
        )


def _bracket_open(pieces: list[str]) -> bool:
    """More brackets opened than closed in the paragraph so far."""
    depth = 0
    for piece in pieces:
        depth += sum(piece.count(c) for c in OPENERS) - sum(piece.count(c) for c in CLOSERS)
    return depth > 0


def _lines_to_items(
    lines: list[Line], first_is_lead: bool
) -> tuple[list[_Item], list[bool], list[Residue]]:
    """Lines → items (a marker line and the paragraphs under it), whether the
    first-unit-leads convention holds for each, and the lines before any."""
    residue: list[Residue] = []
    items: list[_Item] = []
    conventions: list[bool] = []  # per item: the convention holds from here on
    seen_convention = first_is_lead
    current: tuple[Marked, list[_Raw]] | None = None
    follow: list[Line] = []

    def close() -> None:
        if current is not None:
            marker, raws = current
            paragraphs: list[_Paragraph] = []
            for k, r in enumerate(raws):
                text = "".join(r.pieces)
                paragraphs.extend(_paragraphs(text, Line(text, r.span), own_line=k > 0))
            items.append(_Item(marker=marker, paragraphs=tuple(paragraphs), lines=tuple(follow)))
            conventions.append(seen_convention)

    for ln in lines:
        m = match_marker(ln.text)
        if m is not None:
            close()
            follow = []
            m = attrs.evolve(m, line=ln)
            current = (m, [_Raw(pieces=[m.rest], span=ln.span, label=False)])
        elif current is not None:
            follow.append(ln)
            raws = current[1]
            text = ln.text.strip()
            if raws[-1].wraps(text):
                # A line wrapped mid-sentence (PDF, pasted text): one paragraph.
                raws[-1].pieces.append(text)
                raws[-1].span = raws[-1].span.cover(ln.span)
            else:
                raws.append(_Raw.of(text, ln.span))
        else:
            residue.append(
                Residue(text=ln.text, reason="prose line outside any measure", span=ln.span)
            )
        seen_convention = seen_convention or states_first_is_lead(ln.text)
    close()
    return items, conventions, residue


@attrs.frozen(kw_only=True)
class _Levels:
    """Which marker style is which level of this notice's outline."""

    measure: str
    part: str | None
    section: str | None
    sub: frozenset[str]
    notes: tuple[Note, ...]  # where the level was guessed


def _covered(items: list[_Item], order: list[str], annotated: Counter[str]) -> Counter[str]:
    """Items of a style that is partly annotated, each of the others a parent
    whose items below are annotated: 1.推进改扩建。（1）…（A负责）（2）…（A负责）
    beside 2.新增学位。（B负责）.  Such a parent counts as annotated for its
    style, so its annotated siblings stay measures and its items become
    sub-measures — a level of annotated leaves among parents is a measure
    level, not a heading (none of a heading level's items is annotated but
    oddly, and then under it, not as a leaf)."""
    depth = {s: k for k, s in enumerate(order)}
    out: Counter[str] = Counter()
    for style in order:
        if not annotated[style]:
            continue
        covered, leaves, ok = 0, 0, True
        for k, it in enumerate(items):
            if it.marker.style != style:
                continue
            below = list(_children(items, k, depth))
            if not below:
                leaves += it.names_units
                ok = ok and it.names_units
            elif it.names_units:
                ok = False  # an annotated parent: a heading's odd annotation
            elif below and all(c.names_units for c in below if c.marker.style not in SUB_FORMS):
                covered += 1
            else:
                ok = False
        if ok and leaves and covered:
            out[style] += covered
    return out


def _children(items: list[_Item], k: int, depth: dict[str, int]) -> Iterator[_Item]:
    """The items under items[k]: those after it until one of its level or above."""
    mine = depth[items[k].marker.style]
    for it in items[k + 1 :]:
        style = it.marker.style
        if style not in SUB_FORMS and depth[style] <= mine:
            return
        yield it


def _items_to_levels(items: list[_Item]) -> _Levels | None:
    """The measure level is the most annotated style; styles above it are
    headings, styles below it sub-measures.  None when nothing is marked."""
    order: list[str] = []
    annotated: Counter[str] = Counter()
    naming: Counter[str] = Counter()  # annotations that name units, not persons only
    total: Counter[str] = Counter()
    # 1.1 / 36-1 carrying the annotations under a bare 1. (specimen 30): the
    # notice is annotated, only not at a level of its own.
    subs_annotated = False
    for it in items:
        style = it.marker.style
        if style in SUB_FORMS:
            subs_annotated = subs_annotated or it.annotated
            continue
        if style not in order:
            order.append(style)
        total[style] += 1
        annotated[style] += it.annotated
        naming[style] += it.names_units
    if not order:
        return None
    # （一）产业（责任领导：NAME）: a person over a heading makes no measure.
    annotated = +naming or +annotated  # + drops the styles counted 0
    annotated.update(_covered(items, order, annotated))
    notes: list[Note] = []
    # The shallowest style whose items are mostly annotated: deeper annotated
    # styles are its sub-measures (2.强化保障 over （1）…（A负责）); a heading
    # level with an odd annotation is not mostly annotated.
    mostly = [s for s in order if annotated[s] and 2 * annotated[s] >= total[s]]
    if mostly:
        measure_style = mostly[0]
    elif annotated:
        measure_style = annotated.most_common(1)[0][0]
    else:
        measure_style = order[-1]
    if not annotated and not subs_annotated:
        notes.append(("no_annotation", (("marker", _example(items, measure_style)),)))
    level = order.index(measure_style)
    if measure_style in HEADING_STYLES and level + 1 < len(order):
        notes.append(("heading_as_measures", (("marker", _example(items, measure_style)),)))
    headings = order[:level]
    part_style: str | None = headings[0] if headings else None
    section_style: str | None = headings[1] if len(headings) > 1 else None
    if len(headings) == 1 and headings[0] in SECTION_STYLES:
        # A lone heading level written （一） is a section with no part above.
        part_style, section_style = None, headings[0]
    return _Levels(
        measure=measure_style,
        part=part_style,
        section=section_style,
        sub=frozenset(order[level + 1 :]),
        notes=tuple(notes),
    )


def lines_to_outline(lines: list[Line], *, first_is_lead: bool = False) -> Outline:
    """Outline lines → parts, sections, measures; stray lines become residue.

    `first_is_lead`: the text above the outline stated that the first unit
    of an annotation is the lead (列第一位者为牵头单位).
    """
    items, conventions, residue = _lines_to_items(lines, first_is_lead)
    items, conventions, folded = _fold_inner_items(items, conventions)
    levels = _items_to_levels(items)
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

    def start(no: MeasureNo, m: Marked, convention: bool) -> MeasureBuilder:
        b = MeasureBuilder(
            number=no,
            written_number=m.written,
            part=part_no,
            section=section_no,
            span=m.line.span,
            first_is_lead=convention,
        )
        builders.append(b)
        return b

    def set_aside(paragraphs: list[_Paragraph], reason: str) -> None:
        residue.extend(Residue(text=p.text, reason=reason, span=p.line.span) for p in paragraphs)

    tasks = {id(it): _tasks(it) for it in items if it.marker.style == measure_style}
    # Where some measure item holds several unnumbered tasks under a title
    # line, the notice numbers its tasks that way: an item of the same style
    # with a title line and one annotated task is N-1 too, its title a
    # lead-in, rather than the title glued to the task's text.
    by_tasks = any(len(t[1]) >= 2 and t[2] for t in tasks.values())
    for it, convention in zip(items, conventions, strict=True):
        m = it.marker
        body = list(it.paragraphs)
        if m.style in SUB_FORMS:
            builder = start(MeasureNo.parse(m.number), m, convention)
        elif m.style == part_style:
            part_no, section_no, parent_no = m.number, None, None
            parts.append(Part(number=m.number, written=m.written, title=m.rest))
            residue.extend(it.residue("prose line outside any measure", heading=True))
            continue
        elif m.style == section_style:
            section_no, parent_no = m.number, None
            sec = Section(number=m.number, written=m.written, title=m.rest)
            if not parts:
                parts.append(Part(number=None, written="", title=None))
            parts[-1] = attrs.evolve(parts[-1], sections=(*parts[-1].sections, sec))
            residue.extend(it.residue("prose line outside any measure", heading=True))
            continue
        elif m.style == measure_style:
            parent_no = MeasureNo.parse(m.number)
            units, annotated_units, lead_in, kept_ids = tasks[id(it)]
            several = len(annotated_units) >= 2 or (by_tasks and lead_in and annotated_units)
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
                for k, unit in enumerate(units, start=1):
                    b = start(parent_no.sub(k), m, convention)
                    b.written_number = m.written if k == 1 and not lead_in else ""
                    b.span = unit[0].line.span
                    b.add(unit)
                trailers = [p for p in it.paragraphs if id(p) not in kept_ids]
                set_aside(trailers, _trailer_reason(trailers))
                continue
            builder = start(parent_no, m, convention)
        elif m.style in sub_styles and parent_no is not None:
            builder = start(parent_no.sub(int(m.number)), m, convention)
        else:
            residue.extend(it.residue("prose line outside any measure", heading=False))
            continue
        kept, trailers = _split_trailers(body)
        builder.add(kept)
        set_aside(trailers, _trailer_reason(trailers))

    finished = [b.build() for b in builders]
    kept_measures = _drop_lead_ins(finished, residue)
    return Outline(
        parts=tuple(parts),
        measures=tuple(_with_ids(kept_measures)),
        residue=tuple(residue),
        notes=levels.notes,
    )


def _fold_inner_items(
    items: list[_Item], conventions: list[bool]
) -> tuple[list[_Item], list[bool], list[Note]]:
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
    out: list[_Item] = []
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
            it = attrs.evolve(it, paragraphs=tuple(paragraphs), lines=tuple(lines))
        else:
            j = k + 1
        out.append(it)
        kept.append(convention)
        k = j
    return out, kept, notes


def _ends_mid_sentence(it: _Item) -> bool:
    """（1）新建…； : an item of an enumeration that goes on."""
    return "".join(p.text for p in it.paragraphs).rstrip().endswith(("；", ";", "，", ",", "、"))


def _closed_by_line(it: _Item) -> bool:
    """The item's annotations all stand on lines of their own after its text."""
    first, *rest = it.paragraphs
    return not first.annotations and all(not p.text for p in rest if p.annotations)


def _tasks(
    it: _Item,
) -> tuple[list[list[_Paragraph]], list[list[_Paragraph]], bool, set[int]]:
    """A measure item's units of paragraphs (trailers left out), those that
    carry an annotation, whether the first carries none (a lead-in), and the
    ids of the kept paragraphs."""
    units = it.units()
    kept_units, _ = _split_trailers([p for u in units for p in u])
    kept_ids = {id(p) for p in kept_units}
    units = [u for u in units if id(u[0]) in kept_ids]
    annotated_units = [u for u in units if any(p.annotations for p in u)]
    lead_in = bool(units) and not any(p.annotations for p in units[0])
    return units, annotated_units, lead_in, kept_ids


def _example(items: list[_Item], style: str) -> str:
    return next((it.marker.written for it in items if it.marker.style == style), style)


def _drop_lead_ins(finished: list[ProseMeasure], residue: list[Residue]) -> list[ProseMeasure]:
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
            for c in finished[k + 1 :]:
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
            continue
        kept.append(pm)
    return kept


def _with_ids(measures: list[ProseMeasure]) -> list[ProseMeasure]:
    """Where numbering restarts in each section (or part, when there are no
    sections), the id carries that heading's number: 3/4."""
    numbers = [m.number for m in measures]
    if len(set(numbers)) == len(numbers):
        return measures
    return [
        attrs.evolve(m, id=f"{m.section or m.part}/{m.number}") if (m.section or m.part) else m
        for m in measures
    ]

"""The prose list: parts, sections and measures with their annotations.

Marker styles (一、 / 1、 / （一） / 1. / （1） ...) mean different levels in
different notices, so the depth is read off the document: the measure level
is the style whose items carry responsibility annotations, heading levels are
the styles first seen above it, and deeper styles are sub-measures
(（1） under 3. → 3-1).  36-1 and 3.1 forms are sub-measures of their own
style's level.
"""

from __future__ import annotations

from collections import Counter

import attrs
import regex

from ..models import MeasureNo, Part, Residue, Section, Span
from ..normalize.numbers import cn_to_int
from . import grammar as g
from .annotations import Annotation, parse_annotation_line, split_trailing_annotation
from .header import Line


@attrs.frozen(kw_only=True)
class Marked:
    style: str
    number: str  # digits, "36-1" for sub-forms
    written: str  # the marker as written, e.g. "36-1." or "（一）"
    rest: str
    line: Line


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


@attrs.frozen(kw_only=True)
class Outline:
    parts: tuple[Part, ...]
    measures: tuple[ProseMeasure, ...]
    residue: tuple[Residue, ...]


def match_marker(text: str) -> Marked | None:
    m = g.MARKER.match(text)
    if m is None:
        return None
    style = next(s for s in g.STYLES if m[s] is not None)
    raw = m[style]
    if style in ("part_word", "cn_dun", "cn_paren"):
        number = str(cn_to_int(raw))
    else:
        number = "-".join(p for p in regex.split(r"\s*[-－—.．]\s*", raw) if p)
    rest = text[m.end() :].strip()
    return Marked(
        style=style, number=number, written=m[0].strip(), rest=rest, line=Line(text, Span())
    )


# Marker styles that name a section when only one heading level exists.
SECTION_STYLES = frozenset({"cn_paren"})


# 36-1 / 3.1 carry their parent's number: they are measures whatever style
# the plain measures use (1. or 1、), so they name no level of their own.
SUB_FORMS = frozenset({"ar_sub", "ar_dec"})


def is_outline_start(text: str) -> bool:
    return match_marker(text) is not None


def lines_to_outline(lines: list[Line]) -> Outline:
    """Outline lines → parts, sections, measures; stray lines become residue."""
    marked: list[tuple[Line, Marked | None]] = []
    for ln in lines:
        m = match_marker(ln.text)
        marked.append((ln, attrs.evolve(m, line=ln) if m else None))

    order: list[str] = []
    annotated: Counter[str] = Counter()
    for _ln, m in marked:
        if m is None or m.style in SUB_FORMS:
            continue
        if m.style not in order:
            order.append(m.style)
        if split_trailing_annotation(m.rest)[1] is not None:
            annotated[m.style] += 1
    if not order:
        return Outline(
            parts=(),
            measures=(),
            residue=tuple(
                Residue(text=ln.text, reason="prose line outside any measure", span=ln.span)
                for ln, _ in marked
            ),
        )
    measure_style = annotated.most_common(1)[0][0] if annotated else order[-1]
    level = order.index(measure_style)
    headings = order[:level]
    part_style: str | None = headings[0] if headings else None
    section_style: str | None = headings[1] if len(headings) > 1 else None
    if len(headings) == 1 and headings[0] in SECTION_STYLES:
        # A lone heading level written （一） is a section with no part above.
        part_style, section_style = None, headings[0]
    sub_styles = set(order[level + 1 :])

    parts: list[Part] = []
    measures: list[dict[str, object]] = []
    residue: list[Residue] = []
    part_no: str | None = None
    section_no: str | None = None
    current: dict[str, object] | None = None
    parent_no: MeasureNo | None = None

    def start_measure(no: MeasureNo, m: Marked) -> dict[str, object]:
        item: dict[str, object] = {
            "number": no,
            "written_number": m.written,
            "part": part_no,
            "section": section_no,
            "texts": [m.rest],
            "extra": [],
            "span": m.line.span,
        }
        measures.append(item)
        return item

    for ln, m in marked:
        style_of = m.style if m else None
        if m is not None and style_of in SUB_FORMS:
            current = start_measure(MeasureNo.parse(m.number), m)
        elif m is not None and style_of == part_style:
            part_no, section_no, current, parent_no = m.number, None, None, None
            parts.append(Part(number=m.number, written=m.written, title=m.rest))
        elif m is not None and style_of == section_style:
            section_no, current, parent_no = m.number, None, None
            sec = Section(number=m.number, written=m.written, title=m.rest)
            if not parts:
                parts.append(Part(number=None, written="", title=None))
            parts[-1] = attrs.evolve(parts[-1], sections=(*parts[-1].sections, sec))
        elif m is not None and style_of == measure_style:
            parent_no = MeasureNo.parse(m.number)
            current = start_measure(parent_no, m)
        elif m is not None and style_of in sub_styles and parent_no is not None:
            current = start_measure(parent_no.sub(int(m.number)), m)
        elif current is not None and (lab := parse_annotation_line(ln.text)):
            current["extra"].append((*lab, ln.text.strip()))  # type: ignore[attr-defined]
            current["span"] = current["span"].cover(ln.span)  # type: ignore[attr-defined]
        elif current is not None:
            # A paragraph that goes on from the measure above (a wrapped line
            # or a second paragraph of the same measure).
            current["texts"].append(ln.text.strip())  # type: ignore[attr-defined]
            current["span"] = current["span"].cover(ln.span)  # type: ignore[attr-defined]
        else:
            residue.append(
                Residue(text=ln.text, reason="prose line outside any measure", span=ln.span)
            )

    finished = [_finish(item) for item in measures]
    kept: list[ProseMeasure] = []

    def is_child(c: ProseMeasure, m: ProseMeasure) -> bool:
        n = len(m.number.parts)
        return (
            len(c.number.parts) > n
            and c.number.parts[:n] == m.number.parts
            and c.section == m.section
        )

    for k, pm in enumerate(finished):
        children: list[ProseMeasure] = []
        if pm.annotation is None:
            for c in finished[k + 1 :]:
                if not is_child(c, pm):
                    break
                children.append(c)
        if children:
            # "3．加快发展外贸新业态：" over 3.1, 3.2 …: a lead-in, not a measure.
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
    return Outline(parts=tuple(parts), measures=tuple(_with_ids(kept)), residue=tuple(residue))


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


def _finish(item: dict[str, object]) -> ProseMeasure:
    texts: list[str] = item["texts"]  # type: ignore[assignment]
    text = texts[0]
    for t in texts[1:]:
        text += ("\n" if g.SENTENCE_END.search(text) else "") + t
    text, ann = split_trailing_annotation(text)
    extra: list[tuple[str, str, str]] = item["extra"]  # type: ignore[assignment]
    deadline = ann.deadline if ann else None
    if extra:
        lead = [v for role, v, _ in extra if role == "lead"]
        support = [v for role, v, _ in extra if role == "support"]
        deadline = next((v for role, v, _ in extra if role == "deadline"), deadline)
        written = "\n".join(line for _, _, line in extra)
        if ann is not None:
            lead, support = [*ann.lead, *lead], [*ann.support, *support]
            written = ann.written + "\n" + written
        ann = Annotation(written=written, lead=tuple(lead), support=tuple(support))
    number: MeasureNo = item["number"]  # type: ignore[assignment]
    return ProseMeasure(
        id=str(number),
        number=number,
        written_number=item["written_number"],  # type: ignore[arg-type]
        part=item["part"],  # type: ignore[arg-type]
        section=item["section"],  # type: ignore[arg-type]
        text=text.strip(),
        annotation=ann,
        deadline=deadline,
        span=item["span"],  # type: ignore[arg-type]
    )

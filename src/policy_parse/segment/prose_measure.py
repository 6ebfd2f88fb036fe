"""One prose measure: the record the outline gives (ProseMeasure) and the
builder that gathers its lines, annotations and span while the outline is
read (MeasureBuilder).  Split from segment/prose.py, which walks the
outline and starts one builder per measure.
"""

from __future__ import annotations

from .._support.lazy_regex import lazy_compile
from .._support.records import NamedTuple
from ..data import load
from ..models import MeasureNo, Span
from . import grammar as g
from . import guesses
from .annotation_words import merged_all
from .annotations import Annotation
from .header import Line
from .items import Paragraph
from .levels import Note


class ProseMeasure(NamedTuple):
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
    # The units its heading's own annotation names (（一）标题（A牵头，B配合)),
    # its own where it names none (segment.headings.heading_units).
    heading_units: Annotation | None = None
    # Where reading it picked one reading among several (segment.guesses):
    # notes that name no measure yet.
    guesses: tuple[Note, ...] = ()


class MeasureBuilder:
    """One measure while its lines are read: text pieces, annotations, span.
    (A plain class, as the stage's other working records: building an attrs
    class costs start-up time, ~0.4 ms each; benchmarks/README.md.)"""

    __slots__ = (
        "annotations",
        "first_is_lead",
        "guesses",
        "heading_lead",
        "heading_units",
        "number",
        "numbers",
        "part",
        "section",
        "span",
        "texts",
        "written_number",
    )

    def __init__(
        self,
        *,
        number: MeasureNo,
        written_number: str,
        part: str | None,
        section: str | None,
        span: Span,
        first_is_lead: bool = False,
        heading_lead: tuple[str, ...] = (),
        heading_units: Annotation | None = None,
        guesses: tuple[Note, ...] = (),
    ) -> None:
        self.number = number
        self.written_number = written_number
        self.part = part
        self.section = section
        self.span = span
        self.first_is_lead = first_is_lead
        self.heading_lead = heading_lead
        self.heading_units = heading_units
        self.guesses = guesses
        self.texts: list[str] = []
        self.annotations: list[Annotation] = []
        self.numbers: list[Line] = []  # lines holding only a number, read into the text

    def add(self, paragraphs: list[Paragraph]) -> None:
        for p in paragraphs:
            if p.text:
                # A wrapped line joins the text; a second sentence-ending
                # paragraph starts a new line.  Only the last piece is looked
                # at, so joining stays linear in the measure's length.
                if self.texts and g.SENTENCE_END.search(self.texts[-1][-2:]):
                    self.texts.append("\n")
                self.texts.append(p.text.strip())
                self.numbers.extend(p.numbers)
            self.annotations.extend(p.annotations)
            if p.line.span != self.span:
                self.span = self.span.cover(p.line.span)

    def build(self) -> ProseMeasure:
        ann = merged_all(self.annotations)  # in one pass: thousands of label lines
        if ann is not None and (both := _in_both_roles(ann)):
            # The record keeps it as the lead (normalize.assemble): say so.
            self.guesses = (*self.guesses, guesses.lead_also_support(self.span, "、".join(both)))
        text = "".join(self.texts).strip()
        if self.numbers:
            self.guesses = (*self.guesses, *_numbers_in_text(self.numbers, text))
        return ProseMeasure(
            id=str(self.number),
            number=self.number,
            written_number=self.written_number,
            part=self.part,
            section=self.section,
            text=text,
            annotation=ann,
            deadline=ann.deadline if ann else None,
            span=self.span,
            first_is_lead=self.first_is_lead,
            heading_lead=self.heading_lead,
            heading_units=self.heading_units,
            guesses=self.guesses,
        )


# How much text a number_in_text note quotes on each side of the number.
_AROUND = 12


def _numbers_in_text(lines: list[Line], text: str) -> list[Note]:
    """Each line holding only a number that the measure's text took in
    (建设网络 / 1 / 加快服务。): a page number, or an item number that lost
    its dot, as likely as a figure the wrap put alone on its line — a guess,
    said with the text around the number."""
    notes = []
    at = 0
    for ln in lines:
        number = ln.text.strip()
        k = text.find(number, at)
        if k < 0:
            k = max(text.find(number), 0)
        at = k + len(number)
        around = text[max(k - _AROUND, 0) : at + _AROUND]
        notes.append(guesses.number_in_text(ln.span, number, around))
    return notes


def _in_both_roles(ann: Annotation) -> list[str]:
    """The names an annotation writes as lead and also among the units that
    help (a clause with a 配合 word: data/annotations.toml [roles] helping),
    as written (a shared suffix not expanded).  A lead named among the units
    responsible (A、B负责，A牵头; 其中A牵头; 责任单位：A、B) is no such slip."""

    def names(values: tuple[str, ...]) -> list[str]:
        return [n.strip() for v in values for n in g.UNIT_SEPARATORS.split(v) if n.strip()]

    leads = set(names(ann.lead))
    both = [n for n in dict.fromkeys(names(ann.support)) if n in leads]
    if not both:
        return []
    helping = tuple(load("annotations")["roles"]["helping"])
    clauses = [c for c in _CLAUSE_CUT.split(ann.written) if any(map(c.__contains__, helping))]
    return [n for n in both if any(n in c for c in clauses)]


_CLAUSE_CUT = lazy_compile(r"[；;，,。\n（）()【】〔〕]")

"""Where segmenting picked one reading of a line among several: a `Note`.

A note is the catalogue key of its message (data/messages.toml [note]) and
the values that fill it; normalize.structure turns each into a `structure`
finding.  A note about one item is kept on the item and the measure built
from it (`ProseMeasure.guesses`) until the measure has its id, and then
names it (`named`), so the finding lands on that measure's `doubts`.

Each note names the line and both readings, so a reader can check the
guess against the text without the parser.
"""

from __future__ import annotations

from ..models import Span

Note = tuple[str, tuple[tuple[str, str], ...]]

# The notes this module makes: each about one line, said apart from the
# outline's level guesses (segment.levels).
CODES = (
    "run_on_item",
    "glued_figure",
    "marker_as_text",
    "inline_tasks",
    "lone_task",
    "style_slip",
    "annotated_outside",
    "division",  # segment.division: units given to measures by number
    "units_at_break",
    "leading_labels",  # segment.leading: label lines above the items they annotate
    "lead_also_support",  # segment.prose_measure: one name in both roles, kept as the lead
    "inner_details",  # segment.inner: unannotated （1）（2） folded into their measure
    "number_in_text",  # segment.items: a line holding only a number, read as measure text
)

# How much of a line a note quotes: enough to find it in the notice.
_QUOTE = 40


def line_of(span: Span) -> str:
    """The line (or Word paragraph, or PDF page) a note points at, as its
    message writes it."""
    if span.start_line is not None:
        return str(span.start_line)
    if span.paragraph is not None:
        return f"¶{span.paragraph + 1}"
    if span.page is not None:
        return f"p.{span.page}"  # a PDF or OFD paragraph: its page
    return "?"


def quote(text: str) -> str:
    text = text.strip()
    return text if len(text) <= _QUOTE else text[:_QUOTE] + "…"


def run_on_item(span: Span, marker: str, text: str) -> Note:
    """（一）…（A负责）（二）…: the line was cut into two items at `marker`."""
    fields = (("line", line_of(span)), ("marker", marker), ("text", quote(text)))
    return ("run_on_item", fields)


def glued_figure(span: Span, written: str, number: str, sub: str) -> Note:
    """11.121人才 read as item 11 whose text starts with a figure, not 11-121."""
    fields = (("line", line_of(span)), ("written", written), ("number", number), ("sub", sub))
    return ("glued_figure", fields)


def marker_as_text(span: Span, marker: str, text: str) -> Note:
    """权责统 / 一、运转高效…: a marker out of sequence after an unended line, read as text."""
    fields = (("line", line_of(span)), ("marker", marker), ("text", quote(text)))
    return ("marker_as_text", fields)


def inline_tasks(span: Span, parent: str, count: int) -> Note:
    """One paragraph under one number holding several annotated tasks, cut into N-1, N-2 …"""
    fields = (("line", line_of(span)), ("parent", parent), ("count", str(count)))
    return ("inline_tasks", fields)


def lone_task(span: Span, parent: str) -> Note:
    """（二）转变职能。深化…（A牵头） read as 2-1, as its siblings' tasks are numbered."""
    return ("lone_task", (("line", line_of(span)), ("parent", parent)))


def style_slip(span: Span, written: str, previous: str) -> Note:
    """１、２、 then 3﹒: an annotated item in another style numbered on from the measures."""
    fields = (("line", line_of(span)), ("marker", written), ("previous", previous))
    return ("style_slip", fields)


def annotated_outside(span: Span, written: str) -> Note:
    """An item that names units but stands at no measure level: set aside."""
    return ("annotated_outside", (("line", line_of(span)), ("marker", written)))


def units_at_break(span: Span, head: str, tail: str) -> Note:
    """区科技局 / 区统计局: a line break read as the space between two names."""
    return ("units_at_break", (("line", line_of(span)), ("head", head), ("tail", tail)))


def number_in_text(span: Span, number: str, text: str) -> Note:
    """推进服务。（A牵头） / 1 / 推进… : a line holding only a number, joined to
    the measure's text — a page number or a measure number that lost its
    dot as likely as a figure the wrap put on a line of its own."""
    fields = (("line", line_of(span)), ("number", number), ("text", quote(text)))
    return ("number_in_text", fields)


def lead_also_support(span: Span, units: str) -> Note:
    """（牵头单位：A；配合单位：A、B）: A read as the lead only."""
    return ("lead_also_support", (("line", line_of(span)), ("units", units)))


def named(note: Note, measure: str) -> Note:
    """The note about one item, naming the measure built from it."""
    key, fields = note
    return (key, (("measure", measure), *fields))


def leading_labels(span: Span, marker: str, count: int) -> Note:
    """【牵头单位】A / 1.开展…: each label line read as the item's under it."""
    return ("leading_labels", (("line", line_of(span)), ("marker", marker), ("count", str(count))))


def inner_details(span: Span, marker: str, count: int) -> Note:
    """1.…（牵头单位：A） over （1）…（2）… naming no unit: folded into 1."""
    fields = (("line", line_of(span)), ("marker", marker), ("count", str(count)))
    return ("inner_details", fields)

"""A measure item's unnumbered tasks: 甲。（A负责）乙。（B负责） under one number.

The README's convention reads tasks a measure holds without numbers of its
own as N-1, N-2 … (docs/formats.md "Unnumbered tasks").  `MeasureTasks`
groups an item's paragraphs into its tasks, each ended by its annotation;
`Numbering` reads off all measure items whether the notice numbers its
tasks so; `task_guesses` says where the cut was a guess.  Split out of
segment/prose.py, which builds the outline with them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from operator import attrgetter

from .._support.records import NamedTuple
from ..models import MeasureNo
from . import guesses
from .items import Item, Paragraph, split_trailers
from .levels import Note
from .markers import Marked, match_marker

_ANNOTATIONS = attrgetter("annotations")

__all__ = ["MeasureTasks", "Numbering", "task_guesses"]


class MeasureTasks(NamedTuple):
    """A measure item's tasks: its units of paragraphs (trailers left out),
    how many carry an annotation, whether the first carries none (a lead-in),
    and the ids of the kept paragraphs."""

    units: tuple[tuple[Paragraph, ...], ...]
    annotated: int
    lead_in: bool
    kept: frozenset[int]

    @classmethod
    def of(cls, it: Item) -> MeasureTasks:
        units = it.units()
        kept_units, _ = split_trailers([p for u in units for p in u])
        kept = frozenset(id(p) for p in kept_units)
        units = _forward(u for u in units if id(u[0]) in kept)
        # any() over map, not over a generator: one stopped early is closed
        # by raising GeneratorExit in it (segment/items.py).
        annotated = sum(1 for u in units if any(map(_ANNOTATIONS, u)))
        lead_in = bool(units) and not any(map(_ANNOTATIONS, units[0]))
        return cls(tuple(tuple(u) for u in units), annotated, lead_in, kept)


def _forward(units: Iterable[list[Paragraph]]) -> list[list[Paragraph]]:
    """Text with no annotation between two annotated tasks opens the next:
    甲（A牵头）。乙。⏎丙（B牵头）。 — a line break after 乙。 (a copy that
    broke the paragraph at a sentence's end) leaves 乙 the start of B's task,
    as it is when the paragraph runs on."""
    out: list[list[Paragraph]] = []
    carry: list[Paragraph] = []
    units = list(units)
    for k, unit in enumerate(units):
        if 0 < k < len(units) - 1 and not any(p.annotations for p in unit):
            carry.extend(unit)
            continue
        out.append([*carry, *unit])
        carry = []
    return out


class Numbering(NamedTuple):
    """How the notice numbers the tasks of its measure items, read off all of them."""

    # Some measure item holds several unnumbered tasks under a title line: the
    # notice numbers its tasks that way, so an item of the same style with a
    # title line and one annotated task is N-1 too, its title a lead-in,
    # rather than the title glued to the task's text.
    by_tasks: bool
    # Some measure item holds several tasks at all: an item of the same style
    # whose title sentence opens its one task (（二）转变职能。深化…（A牵头）) is
    # N-1 as well — the level numbers its tasks (README: unnumbered tasks
    # inside a numbered paragraph are N-k), and its title stays in the text
    # as its siblings' does.
    holds_tasks: bool
    # Each measure item read here, by id, with its tasks: the outliner asks
    # for them again item by item (`tasks_of`).
    read: dict[int, tuple[Item, MeasureTasks]] | None = None

    @classmethod
    def of(cls, items: list[Item], measure_style: str) -> Numbering:
        read = {
            id(it): (it, MeasureTasks.of(it)) for it in items if it.marker.style == measure_style
        }
        tasks = [t for _, t in read.values()]
        return cls(
            by_tasks=any(t.annotated >= 2 and t.lead_in for t in tasks),
            holds_tasks=any(t.annotated >= 2 for t in tasks),
            read=read,
        )

    def tasks_of(self, it: Item) -> MeasureTasks:
        """`MeasureTasks.of(it)`, read once: the same item, the same tasks."""
        got = self.read.get(id(it)) if self.read else None
        return got[1] if got is not None and got[0] is it else MeasureTasks.of(it)

    def splits(self, t: MeasureTasks) -> bool:
        """The item is its tasks N-1, N-2 …, each ended by its own annotation."""
        several = (
            t.annotated >= 2
            or (self.by_tasks and t.lead_in and t.annotated > 0)
            or (self.holds_tasks and len(t.units) == 1 == t.annotated and _titled(t.units[0]))
        )
        return several and len(t.units) - t.lead_in == t.annotated


def task_guesses(
    units: Sequence[Sequence[Paragraph]], m: Marked, parent: MeasureNo
) -> tuple[Note, ...]:
    """Where cutting an item into its tasks N-1, N-2 … was a guess."""
    if len(units) == 1:
        # One task numbered N-1 as its siblings' tasks are (a lead-in or a
        # title sentence above it): the notice writes N alone.
        return (guesses.lone_task(units[0][0].line.span, str(parent)),)
    return _inline_tasks(units, m, parent)


def _inline_tasks(
    units: Sequence[Sequence[Paragraph]], m: Marked, parent: MeasureNo
) -> tuple[Note, ...]:
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


def _numbered(unit: Sequence[Paragraph], k: int) -> bool:
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


def _titled(unit: Sequence[Paragraph]) -> bool:
    """转变政府职能。深化…: the task's paragraph opens with a title sentence
    (one clause of at most `_TITLE_MAX` characters) and goes on after it."""
    text = unit[0].text.strip()
    first, end, rest = text.partition("。")
    return (
        bool(end and rest.strip())
        and len(first) <= _TITLE_MAX
        and not any(map(first.__contains__, _CLAUSE_MARKS))
    )

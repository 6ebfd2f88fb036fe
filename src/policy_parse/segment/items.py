"""The items an outline is built from: a marker line and the paragraphs under it.

Lines with no marker go on the item above them, joined where they wrap
(docs/formats.md "Lines inside a measure"); each paragraph is cut into its
tasks at the annotations that close them; short lines and the plan's closing
matter after an item's last annotation are trailers, not its text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

import attrs

from .._support.brackets import depth as bracket_depth
from .._support.lazy_regex import lazy_compile
from .._support.records import NamedTuple
from ..data import load
from ..models import Residue, Span
from . import grammar as g
from .annotations import (
    Annotation,
    is_label_line,
    label_pattern,
    states_first_is_lead,
)
from .figures import read_markers
from .guesses import Note
from .guesses import marker_as_text as g_as_text
from .guesses import run_on_item as g_run_on
from .guesses import units_at_break as g_units_at_break
from .header import Line
from .label_lists import labels_go_on, units_before_signature, units_under_label
from .markers import Marked, match_marker
from .notes import footnote_states_first_is_lead, trailing_note_states_first_is_lead
from .placement import split_tasks
from .run_on import split_run_on_items
from .wrapping import ENDS, Page, goes_on, units_apart

# A short line after a measure's annotation that ends no sentence: a caption
# (附表), a byline (记者…), a link (详见…) — not the measure's text.
_TRAILER_MAX = 30
TRAILER_REASON = "short line after the measure's annotation (a caption or byline?)"
_TRAILER_STOP = lazy_compile(r"[。；！？（(]")  # a sentence or a bracket: not a byline
CLOSING_REASON = "closing text after the last measure's annotation (signature, date, page footer)"


@attrs.frozen(kw_only=True)
class Paragraph:
    text: str  # without its annotations
    annotations: tuple[Annotation, ...]
    line: Line
    # Its lines holding only a number (1, 12): read as text, a guess that
    # segment.prose_measure says where the text is a measure's.
    numbers: tuple[Line, ...] = ()


def _paragraphs(
    text: str, line: Line, *, own_line: bool, numbers: Sequence[Line] = ()
) -> list[Paragraph]:
    """A paragraph as its tasks: one piece per annotation that closes one.
    `numbers`: its lines that hold only a number, each kept on the first
    piece whose text holds it."""
    out = [
        Paragraph(text=t.text, annotations=t.annotations, line=line)
        for t in split_tasks(text, own_line=own_line)
    ]
    for ln in numbers:
        k = next((k for k, p in enumerate(out) if ln.text.strip() in p.text), None)
        if k is not None:
            out[k] = attrs.evolve(out[k], numbers=(*out[k].numbers, ln))
    return out


@attrs.frozen(kw_only=True)
class Item:
    marker: Marked
    paragraphs: tuple[Paragraph, ...]  # the marker line's rest first
    lines: tuple[Line, ...]  # the source lines after the marker, as read (for residue)
    # Where reading this item picked one reading among several (segment.guesses).
    guesses: tuple[Note, ...] = ()
    # The notice stated 列第一位者为牵头单位 above this item: its first unit leads.
    first_is_lead: bool = False

    def residue(self, reason: str, *, heading: bool) -> list[Residue]:
        """The item set aside: every line but, for a heading, its title line."""
        lines = self.lines if heading else (self.marker.line, *self.lines)
        return [Residue(text=ln.text.strip(), reason=reason, span=ln.span) for ln in lines]

    # Loops, not any() over a generator: one that stops early is closed by
    # raising GeneratorExit in it, ~3K instructions, and these are asked of
    # every item several times.
    @property
    def annotated(self) -> bool:
        for p in self.paragraphs:
            for a in p.annotations:
                if a.names_units or a.leaders:
                    return True
        return False

    @property
    def names_units(self) -> bool:
        for p in self.paragraphs:
            for a in p.annotations:
                if a.names_units:
                    return True
        return False

    def units(self) -> list[list[Paragraph]]:
        """Paragraphs grouped as text + the annotation-only lines under it."""
        groups: list[list[Paragraph]] = []
        for p in self.paragraphs:
            if p.text or not groups:
                groups.append([p])
            else:
                groups[-1].append(p)
        return groups


# Set while segmenting a document whose reader set closing matter aside at
# its end (a web page's footer, a 版记: read/footer.py): what stands after
# the last measure's annotation stood above it, and closes the plan as a
# date or （此件公开发布） under it would (`_closing`).
_CLOSED_BELOW: ContextVar[bool] = ContextVar("closed_below", default=False)


@contextmanager
def closed_below(closed: bool) -> Iterator[None]:
    """Within the block, the last item's tail is closed by what the reader
    set aside below it when `closed`."""
    token = _CLOSED_BELOW.set(closed)
    try:
        yield
    finally:
        _CLOSED_BELOW.reset(token)


def split_trailers(
    paragraphs: list[Paragraph], *, more_follow: bool = False, final: bool = False
) -> tuple[list[Paragraph], list[Paragraph]]:
    """Short lines after the item's last annotation that end no sentence.

    `final`: the plan's last item, closed by what the reader set aside
    below it (`closed_below`).  `more_follow`: another item comes after
    this one, so no line under its annotation is the plan's signature — a lone unit's name there goes on
    the label line above it (配合单位：A / B: the break was the separator)."""
    last = max((k for k, p in enumerate(paragraphs) if p.annotations), default=None)
    if last is None:
        return paragraphs, []
    tail = paragraphs[last + 1 :]
    if more_follow and (more := units_under_label(paragraphs[last], tail)) is not None:
        return [*paragraphs[: last + 1], *more], []
    if not more_follow and (signed := units_before_signature(paragraphs[last], tail)):
        return [*paragraphs[: last + 1], *signed[0]], signed[1]
    if all(
        len(p.text) <= _TRAILER_MAX and not _TRAILER_STOP.search(p.text) and not p.annotations
        for p in tail
    ) or (_closing(tail, final=final) and not any(p.annotations for p in tail)):
        return paragraphs[: last + 1], tail
    return paragraphs, []


def _closing(tail: list[Paragraph], *, final: bool = False) -> bool:
    """The plan's closing matter after its last measure: a line that is a
    date alone (the 成文日期 under the signature), a publication note
    (（此件公开发布）) or a portal's footer (上一篇：…, data/header.toml
    `footer_starts`) — no measure's text holds one, so what stands between
    the annotation and it (各单位要高度重视…, the 署名) closes the plan too."""
    if final and tail and _CLOSED_BELOW.get():
        return True
    starts = tuple(load("header")["footer_starts"])
    return any(
        g.DATE.match(t := p.text.strip()) or g.NOTE.match(t) or t.startswith(starts) for p in tail
    )


def trailer_reason(trailers: list[Paragraph], *, final: bool = False) -> str:
    return CLOSING_REASON if _closing(trailers, final=final) else TRAILER_REASON


# After these a label starts a clause of its own (segment.annotations.label_pattern).
_CLAUSE_STARTS = ("；", ";", "，", ",", "。", "（", "(", "【", "〔")


def _label_across(last: str, line: str) -> bool:
    """A label that starts in `last` and ends in `line` (责任 / 领导：)."""
    tail = last[-12:]
    return any(m.start() < len(tail) < m.end() for m in label_pattern().finditer(tail + line[:24]))


class _Raw:
    """One paragraph while its lines are read: pieces joined once, at the end.
    (The stage's working records are plain classes: an attrs class costs
    start-up time to build, ~0.4 ms each; benchmarks/README.md.)"""

    __slots__ = ("depth", "head", "label", "numbers", "pieces", "span")

    def __init__(self, text: str, span: Span, *, label: bool, head: str = "") -> None:
        self.pieces = [text]
        # The marker its first line showed before `text` (（二十一）): the
        # page's edge is measured with it (segment.wrapping.goes_on).
        self.head = head
        self.span = span
        self.label = label  # it starts with a label (牵头单位：…): nothing wraps onto it
        self.depth = bracket_depth(text)  # brackets opened and not yet closed, kept as pieces come
        # Its lines holding only a number (1, 12): whether one is text is a guess.
        self.numbers: list[Line] = []

    @classmethod
    def of(cls, text: str, span: Span, *, label: bool | None = None, head: str = "") -> _Raw:
        return cls(text, span, label=is_label_line(text) if label is None else label, head=head)

    def wraps(self, line: str, page: Page) -> bool:
        """`line` goes on with this paragraph (segment.wrapping)."""
        before = self.head if len(self.pieces) == 1 else ""
        return goes_on(
            self.pieces[-1], line, depth=self.depth, label=self.label, page=page, before=before
        )

    def cut_short(self) -> bool:
        """Its last line ends mid-word (a Han character, no clause mark): the
        tail of a sentence the page cut (`…构建` / `权责统`), however short.
        (The caller asks it of a line below the item's marker line.)"""
        return (
            not self.label
            and "\u4e00" <= self.pieces[-1][-1:] <= "\u9fff"
            and not self.pieces[-1].endswith(ENDS)
        )

    def add(self, line: Line) -> Note | None:
        """Join `line`; the note of a guess made at the join, if any."""
        text = line.text.strip()
        last = self.pieces[-1]
        note = None
        if text.isdecimal():
            self.numbers.append(line)
        if (
            is_label_line(text)
            and not last.endswith(_CLAUSE_STARTS)
            and not _label_across(last, text)
        ):
            # （牵头单位：A  / 配合单位：B）: the line break was the space
            # between the two labels (read/ strips it); a label starts a clause.
            # （责任 / 领导：…） is one label cut by the page: no space.
            text = " " + text
        elif (apart := units_apart(last, text, in_bracket=self.depth > 0)) is not None:
            # 责任单位：区科技局 / 区统计局 区财政局: the break was the space
            # between two names; glued, they would read as one unit.
            text = " " + text
            note = g_units_at_break(line.span, *apart)
        self.pieces.append(text)
        self.depth += bracket_depth(self.pieces[-1])
        self.span = self.span.cover(line.span)
        return note


class _Sequence(NamedTuple):
    """The numbers met so far, per marker style: does a marker go on from them?"""

    order: tuple[str, ...] = ()  # styles in order of first appearance (level)
    last: tuple[tuple[str, int, int], ...] = ()  # (style, its last number, when)
    sub: str = ""  # the last sub-form met (36-1, 3.1 as 3-1), "" before any

    def after(self, markers: list[Marked]) -> _Sequence:
        order, last = list(self.order), {s: (n, t) for s, n, t in self.last}
        tick = max((t for _, _, t in self.last), default=0)
        sub = self.sub
        for m in markers:
            if not m.number.isdigit():
                sub = m.number  # 36-1, 3.1: sub-forms, numbered after their parent
                continue
            tick += 1
            if m.style not in order:
                order.append(m.style)
            last[m.style] = (int(m.number), tick)
        return _Sequence(tuple(order), tuple((s, n, t) for s, (n, t) in last.items()), sub)

    def fits(self, m: Marked) -> bool:
        """The next number of its style, or 1 for a style not met yet or
        met before the last item of a style above it (a new list under it)."""
        if not m.number.isdigit():
            return self._fits_sub(m.number)
        n = int(m.number)
        last = {s: (k, t) for s, k, t in self.last}
        if m.style not in last:
            return n == 1
        k, t = last[m.style]
        level = self.order.index(m.style)
        return n == k + 1 or (
            n == 1 and any(self.order.index(s) < level and u > t for s, (_, u) in last.items())
        )

    def _fits_sub(self, number: str) -> bool:
        """36-2 after 36-1; 36-1 (3.1) under 36 (3) or in its stead after 35 —
        not 16-24 after (五), the range 16—24岁 a wrap put first."""
        head, _, tail = number.rpartition("-")
        if not self.last or not tail.isdigit() or not head:
            return True
        if self.sub == f"{head}-{int(tail) - 1}" or head == self.sub:
            return True  # the next sub-item, or one level down (3.1 → 3.1.1)
        parent = head.split("-")[0]
        if tail != "1" or not parent.isdigit():
            return False
        numbers = {k for _, k, _ in self.last}
        return int(parent) in numbers or int(parent) - 1 in numbers


class _Open:
    """The item being read: its marker line, its paragraphs so far, the
    source lines after the marker, and the guesses made on the way."""

    __slots__ = ("follow", "marker", "marker_notes", "raws", "text_notes")

    def __init__(self, marker: Marked, raws: list[_Raw], marker_notes: list[Note]) -> None:
        self.marker = marker
        self.raws = raws
        self.follow: list[Line] = []
        self.marker_notes = marker_notes  # guesses about the marker
        self.text_notes: list[Note] = []  # guesses about the lines under it

    @classmethod
    def at(cls, m: Marked, line: Line, notes: list[Note]) -> _Open:
        m = Marked(m.style, m.number, m.written, m.rest, line)  # _replace(line=…), not in Python
        # 1.【牵头单位】A【配合单位】B / 开展…: labels right after the marker
        # are a label paragraph, the measure's text on the lines under it.
        return cls(m, [_Raw.of(m.rest, line.span, head=m.written)], notes)

    def heads(self) -> list[Line]:
        """The marker line's paragraph, joined, cut where items run on:
        （一）…（A负 / 责）（二）… is two items (split_run_on_items)."""
        first = "".join(self.raws[0].pieces)
        return split_run_on_items(Line(f"{self.marker.written}{first}", self.raws[0].span))

    def cut_short(self) -> bool:
        """Its last line ends mid-word and goes on from the text above it
        (joined to it, or below a paragraph that ended no sentence: `…队伍，`
        / `构建权责统`): the page cut a sentence there.  Not a line after an
        annotation (附件：1.…表 under a measure's closing bracket)."""
        last = self.raws[-1]
        if not last.cut_short():
            return False
        if len(last.pieces) > 1:
            return True
        return len(self.raws) > 1 and not self.raws[-2].pieces[-1].endswith(ENDS)

    def markers(self) -> list[Marked]:
        """The markers of the items this one will split into."""
        heads = self.heads()
        return [self.marker, *(m for h in heads[1:] if (m := match_marker(h.text)) is not None)]

    def add(self, line: Line, page: Page) -> None:
        """A line with no marker: it wraps onto the last paragraph or starts one."""
        self.follow.append(line)
        text = line.text.strip()
        if self.raws[-1].wraps(text, page):
            # A line wrapped mid-sentence (PDF, pasted text): one paragraph.
            if (note := self.raws[-1].add(line)) is not None:
                self.text_notes.append(note)
        else:
            raw = _Raw.of(text, line.span)
            if text.isdecimal():
                raw.numbers.append(line)
            self.raws.append(raw)

    def items(self, first_is_lead: bool = False) -> list[Item]:
        """The items this one makes: one, or one per item run on in its line,
        the later paragraphs and source lines going with the last.  The
        marker's notes go with the first, those of the lines after it with
        the last."""
        heads = self.heads()
        if len(heads) == 1:
            first = "".join(self.raws[0].pieces)
            return [
                self._item(
                    self.marker, first, last=True, notes=self.marker_notes, lead=first_is_lead
                )
            ]
        out: list[Item] = []
        for k, head in enumerate(heads):
            m = self.marker if k == 0 else match_marker(head.text)
            assert m is not None  # split_run_on_items cuts only at a marker
            rest = head.text[len(m.written) :].strip()
            line = Line(head.text, self.marker.line.span) if k == 0 else head
            # 1、…。2.…: the run-on item is of the line's list, in its style.
            m = m._replace(rest=rest, line=line, style=self.marker.style)
            notes = (
                self.marker_notes if k == 0 else [g_run_on(head.span, m.written, heads[k - 1].text)]
            )
            out.append(
                self._item(m, rest, last=k == len(heads) - 1, notes=notes, lead=first_is_lead)
            )
        return out

    def _item(self, m: Marked, rest: str, *, last: bool, notes: list[Note], lead: bool) -> Item:
        first = self.raws[0]
        paragraphs = _paragraphs(
            rest, Line(rest, first.span), own_line=False, numbers=first.numbers
        )
        for r in self.raws[1:] if last else []:
            text = "".join(r.pieces)
            paragraphs.extend(
                _paragraphs(text, Line(text, r.span), own_line=True, numbers=r.numbers)
            )
        return Item(
            marker=m,
            paragraphs=tuple(labels_go_on(paragraphs)),
            lines=tuple(self.follow) if last else (),
            guesses=(*notes, *(self.text_notes if last else ())),
            first_is_lead=lead,
        )


CONVENTION_REASON = "footnote stating that the first unit listed leads"


def lines_to_items(
    lines: list[Line], first_is_lead: bool, page: Page | None = None
) -> tuple[list[Item], list[Residue]]:
    """Lines → items (a marker line and the paragraphs under it, each saying
    whether the first-unit-leads convention holds for it), and the lines
    before any.
    `page`: the width the text was wrapped at (default: read off `lines`)."""
    if page is None:
        page = Page.of([ln.text for ln in lines])
    residue: list[Residue] = []
    items: list[Item] = []
    # The convention holds from here on — or everywhere, stated in a footnote.
    seen_convention = (
        first_is_lead
        or any(footnote_states_first_is_lead(ln.text) for ln in lines)
        # … or a note bracket closing the list's last line (a PDF joined the
        # footnote under the list to the last measure).
        or bool(lines and trailing_note_states_first_is_lead(lines[-1].text))
    )
    current: _Open | None = None
    previous = ""  # the line before, for a note it wraps into this one

    def close() -> list[Marked]:
        """Close the current item: the markers of the items it makes."""
        if current is None:
            return []
        made = current.items(first_is_lead=seen_convention)
        items.extend(made)
        return [it.marker for it in made]

    sequence = _Sequence()
    markers, glued = read_markers(lines)
    for ln, m, notes in zip(lines, markers, glued, strict=True):
        if (
            m is not None
            and current is not None
            and (current.raws[-1].wraps(ln.text.strip(), page) or current.cut_short())
            and not sequence.after(current.markers()).fits(m)
        ):
            # 权责统 / 一、运转高效…: the page cut a word before a figure that
            # reads as a marker; out of sequence after an unended line, it is text
            # (a short tail of a wrapped sentence too: 构建 / 权责统 / 一、…, left10).
            current.text_notes.append(g_as_text(ln.span, m.written, ln.text))
            m = None
        if m is not None:
            sequence = sequence.after([*close()[1:], m])
            current = _Open.at(m, ln, notes)
        elif current is not None and footnote_states_first_is_lead(ln.text):
            # 注：排名第一的为牵头单位 under the list: no text of the measure above.
            residue.append(Residue(text=ln.text, reason=CONVENTION_REASON, span=ln.span))
        elif current is not None:
            current.add(ln, page)
        else:
            residue.append(
                Residue(text=ln.text, reason="prose line outside any measure", span=ln.span)
            )
        # A note wrapped over two lines (列第一 / 位者为牵头单位) is read whole.
        seen_convention = seen_convention or states_first_is_lead(previous + ln.text)
        previous = ln.text
    close()
    return items, residue

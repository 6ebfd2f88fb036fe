"""The items an outline is built from: a marker line and the paragraphs under it.

Lines with no marker go on the item above them, joined where they wrap
(docs/formats.md "Lines inside a measure"); each paragraph is cut into its
tasks at the annotations that close them; short lines and the plan's closing
matter after an item's last annotation are trailers, not its text.
"""

from __future__ import annotations

import attrs

from ..data import load
from ..lazy_regex import lazy_compile
from ..models import Residue, Span
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
from .placement import split_tasks, split_trailing_annotation

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


def _paragraphs(text: str, line: Line, *, own_line: bool) -> list[Paragraph]:
    """A paragraph as its tasks: one piece per annotation that closes one."""
    return [
        Paragraph(text=t.text, annotations=t.annotations, line=line)
        for t in split_tasks(text, own_line=own_line)
    ]


@attrs.frozen(kw_only=True)
class Item:
    marker: Marked
    paragraphs: tuple[Paragraph, ...]  # the marker line's rest first
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

    def units(self) -> list[list[Paragraph]]:
        """Paragraphs grouped as text + the annotation-only lines under it."""
        groups: list[list[Paragraph]] = []
        for p in self.paragraphs:
            if p.text or not groups:
                groups.append([p])
            else:
                groups[-1].append(p)
        return groups


def split_trailers(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], list[Paragraph]]:
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


def _closing(tail: list[Paragraph]) -> bool:
    """The plan's closing matter after its last measure: a line that is a
    date alone (the 成文日期 under the signature), a publication note
    (（此件公开发布）) or a portal's footer (上一篇：…, data/header.toml
    `footer_starts`) — no measure's text holds one, so what stands between
    the annotation and it (各单位要高度重视…, the 署名) closes the plan too."""
    starts = tuple(load("header")["footer_starts"])
    return any(
        g.DATE.match(t := p.text.strip()) or g.NOTE.match(t) or t.startswith(starts) for p in tail
    )


def trailer_reason(trailers: list[Paragraph]) -> str:
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


def _next_number(number: str) -> str | None:
    """The number the next item of the same style carries: 2 → 3 (not 2-1)."""
    return str(int(number) + 1) if number.isdigit() else None


_MARKER_LOOK = 64  # markers fold within 24 characters; the rest decides figures and times
_ANNOTATION_LOOK = 2000  # a bracketed annotation is at most a few hundred characters


def _bracket_pairs(text: str) -> dict[int, int]:
    """Each closing bracket's index → the index of the bracket it closes,
    of any kind, nesting respected (as placement._group_start counts)."""
    stack: list[int] = []
    pairs: dict[int, int] = {}
    for k, ch in enumerate(text):
        if ch in OPENERS:
            stack.append(k)
        elif ch in CLOSERS and stack:
            pairs[k] = stack.pop()
    return pairs


def split_run_on_items(line: Line) -> list[Line]:
    """（一）…。（A负责）（二）…: two items of one style written on one line.

    A marker inside the line starts an item of its own only when it checks
    against its neighbours: it is the style of the line's own marker, its
    number is the next one, and an annotation ends what stands before it.
    A reference (（三）项), the item's own inner list (（1）…（2）…) or a
    marker after unannotated words stays text.  Every piece keeps the line's
    span."""
    head = match_marker(line.text)
    if head is None or not any(c in CLOSERS for c in head.rest):
        return [line]
    text = line.text
    out: list[Line] = []
    start, number = 0, head.number
    opener_of: dict[int, int] | None = None
    for k in range(text.index(head.written) + len(head.written) + 1, len(text)):
        if text[k - 1] not in CLOSERS:
            continue
        # A marker and the few characters that decide it: not the rest of the
        # line, which copied (and cached) a long line once per bracket.
        m = match_marker(text[k : k + _MARKER_LOOK])
        if m is None or m.style != head.style or m.number != _next_number(number):
            continue
        # The annotation that would end the item before, within the last
        # _ANNOTATION_LOOK characters: the whole stretch, scanned back for
        # its bracket at every candidate, was quadratic.  A bracket that
        # closes nothing there ends no annotation: skipped at once.
        since = max(start, k - _ANNOTATION_LOOK)
        if opener_of is None:
            opener_of = _bracket_pairs(text)
        if opener_of.get(k - 1, -1) < since:
            continue
        _, ann = split_trailing_annotation(text[since:k])
        if ann is None or not ann.names_units:
            continue
        out.append(Line(text[start:k], line.span))
        start, number = k, m.number
    if not out:
        return [line]
    return [*out, Line(text[start:], line.span)]


_DECIMAL_STYLES = ("ar_dot", "ar_dec")  # 11. and 3.1: one family of numbers


def unglue_figures(markers: list[Marked | None]) -> list[Marked | None]:
    """11.121人才梯队项目 between 10. and 12.: measure 11, whose title starts
    with the figure 121 — not sub-measure 11-121.

    A decimal marker glued to its text (N.M with no final dot and no space
    after it) is re-read as N. when its neighbours call for N: the number
    before it (10. or 10.3) is N-1, and the next is N+1 (or there is none).
    Among its own siblings (N.1, N.2) it stays a sub-measure."""
    out = list(markers)
    numbered = [
        (k, m) for k, m in enumerate(markers) if m is not None and m.style in _DECIMAL_STYLES
    ]
    for at, (k, m) in enumerate(numbered):
        if m.style != "ar_dec" or not _glued(m):
            continue
        main, _, figure = m.number.partition("-")
        before = _main(numbered[at - 1][1]) if at > 0 else None
        after = _main(numbered[at + 1][1]) if at + 1 < len(numbered) else None
        if "-" in figure or before != int(main) - 1 or after not in (None, int(main) + 1):
            continue
        dot = next(i for i, c in enumerate(m.written) if not c.isdigit())  # 11｜.121
        out[k] = attrs.evolve(
            m,
            style="ar_dot",
            number=main,
            written=m.written[: dot + 1],
            rest=m.written[dot + 1 :] + m.rest,
        )
    return out


def _main(m: Marked) -> int:
    return int(m.number.partition("-")[0])


def _glued(m: Marked) -> bool:
    """No space between the number and the text: 11.121人才, not 3.1 支持."""
    text = m.line.text.lstrip()
    return text.startswith(m.written) and not text[len(m.written) : len(m.written) + 1].isspace()


def lines_to_items(
    lines: list[Line], first_is_lead: bool
) -> tuple[list[Item], list[bool], list[Residue]]:
    """Lines → items (a marker line and the paragraphs under it), whether the
    first-unit-leads convention holds for each, and the lines before any."""
    residue: list[Residue] = []
    items: list[Item] = []
    conventions: list[bool] = []  # per item: the convention holds from here on
    seen_convention = first_is_lead
    current: tuple[Marked, list[_Raw]] | None = None
    follow: list[Line] = []

    def close() -> None:
        if current is not None:
            marker, raws = current
            paragraphs: list[Paragraph] = []
            for k, r in enumerate(raws):
                text = "".join(r.pieces)
                paragraphs.extend(_paragraphs(text, Line(text, r.span), own_line=k > 0))
            items.append(Item(marker=marker, paragraphs=tuple(paragraphs), lines=tuple(follow)))
            conventions.append(seen_convention)

    pieces = [piece for line in lines for piece in split_run_on_items(line)]
    markers = unglue_figures([match_marker(ln.text) for ln in pieces])
    for ln, m in zip(pieces, markers, strict=True):
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

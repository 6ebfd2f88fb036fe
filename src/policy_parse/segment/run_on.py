"""Two items written on one line: （一）…。（A负责）（二）….

A marker inside a line starts an item of its own only when it checks
against its neighbours (its style, the next number, an annotation closing
what stands before it); `segment.items` cuts an item's first line here.
"""

from __future__ import annotations

from .._support.lazy_regex import escape, lazy_compile
from .annotations import CLOSERS, OPENERS, Annotation, has_colon
from .header import Line
from .markers import match_marker
from .placement import split_trailing_annotation, unbracketed_tail


def _next_number(number: str) -> str | None:
    """The number the next item of the same style carries: 2 → 3 (not 2-1)."""
    return str(int(number) + 1) if number.isdigit() else None


_MARKER_LOOK = 64  # markers fold within 24 characters; the rest decides figures and times


def split_run_on_items(line: Line) -> list[Line]:
    """（一）…。（A负责）（二）…: two items of one style written on one line.

    A marker inside the line starts an item of its own only when it checks
    against its neighbours: it is the style of the line's own marker, its
    number is the next one, and an annotation ends what stands before it
    (in brackets, or a label clause after its last sentence: …。牵头单位：A。2.…).
    A reference (（三）项), a marker after unannotated words, or any marker
    of the line's style in an inner list that starts again (（1）…（1）…（2）…:
    the item's own enumeration, written in its own style) stays text.  Every
    piece keeps the line's span."""
    head = match_marker(line.text)
    if head is None or (_CLOSER_SET.isdisjoint(head.rest) and not has_colon(head.rest)):
        return [line]
    text = line.text
    out: list[Line] = []
    start, number = 0, head.number
    # Only where a marker may stand: at an opening bracket, or after a
    # closing one or a sentence end (not every character of the line).
    for k in _inline_places(text, text.index(head.written) + len(head.written) + 1):
        if k >= len(text):
            break
        # A marker and the few characters that decide it: not the rest of the
        # line, which copied (and cached) a long line once per bracket.
        m = match_marker(text[k : k + _MARKER_LOOK])
        if m is None or not _one_list(m.style, head.style):
            continue
        if m.number != _next_number(number):
            if text[k - 1] in _BEFORE_INLINE:
                return [line]  # an inner list in the line's own style
            continue  # a reference inside a sentence: （三）项
        # Scanned once per split (each moves `start` on, or the line stays
        # whole): linear in the line.
        ann = _closing_annotation(text[start:k])
        if ann is None or not ann.names_units:
            return [line]  # the next number, but no annotation closes its item
        out.append(Line(text[start:k], line.span))
        start, number = k, m.number
    if not out:
        return [line]
    return [*out, Line(text[start:], line.span)]


# Marks one list's numbers are written with by a careless hand (1、 then 2.),
# or by a copy that re-marked only the line starts (（1） ⏎ …2.… ⏎ （3）):
# inside a line, the next number after an annotation starts the next item
# in any of them (and says so: run_on_item).
_ONE_LIST = frozenset({"ar_dot", "ar_dun", "ar_paren", "ar_rparen"})


def _one_list(style: str, head: str) -> bool:
    return style == head or (style in _ONE_LIST and head in _ONE_LIST)


# After these a marker inside a line may start an item: a closing bracket or a
# sentence end.
_BEFORE_INLINE = (*CLOSERS, "。", "；", ";")
_CLOSER_SET = frozenset(CLOSERS)
_INLINE_MARK = lazy_compile(f"[{escape(OPENERS + ''.join(_BEFORE_INLINE))}]")


def _inline_places(text: str, start: int) -> list[int]:
    """The places from `start` on where an inline marker may stand, in
    order: at an opening bracket, or after a closing one or a sentence end.
    Found from the marks themselves (one character class in C), not by a
    lookahead and a lookbehind tried at every character of the line."""
    start = min(start, len(text))
    out: list[int] = []
    for m in _INLINE_MARK.finditer(text, max(0, start - 1)):
        j = m.start()
        if text[j] in OPENERS:
            if j >= start and (not out or out[-1] != j):
                out.append(j)  # (a closer just before it gave it already)
        elif j + 1 >= start:
            out.append(j + 1)
    return out


def _closing_annotation(piece: str) -> Annotation | None:
    """The annotation that ends `piece` right before an inline marker: in
    brackets (…（A负责）（二）), or a label clause after its last sentence
    (…。牵头单位：A。2.…)."""
    if piece.endswith(tuple(CLOSERS)):
        return split_trailing_annotation(piece)[1]
    if piece.endswith(("。", "；", ";")):
        return unbracketed_tail(piece)[1]
    return None

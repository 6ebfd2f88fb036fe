"""Unannotated sub-items （1）（2）… of an annotated measure: its details.

1.建设社区养老网络。（牵头单位：A；配合单位：B） over （1）新建站点20个。
（2）发放津贴。 came out as measures 1, 1-1 and 1-2, the last two with no
unit: two records nobody is responsible for, with no finding.  The notice
assigned measure 1; its sub-items say how it is done (the corpus keys list
such a measure once, specimen 80; a 分工表 restates it as one row).  So
they are folded back into measure 1's text, under its units, and said
(`inner_details`): the other reading, sub-measures of their own, would
give each the same units.

Only where that reading is plain: sub-items counted from 1 with no
annotation, deadline or heading units of their own, written as items
（1）/1. (not 1.1 or 1-1, which the notice numbers as sub-measures), none
with sub-items of their own, under a measure (not a heading style 一、,
whose units a heading may give its items) that names units.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._support.lazy_regex import lazy_compile
from . import grammar as g
from . import guesses

if TYPE_CHECKING:
    from .prose import ProseMeasure

_HEADINGS = ("cn_dun", "part_word")  # segment.levels.HEADING_STYLES
# 1-1, 1.1, 1.1.: numbered by the notice as sub-measures
_SUB_NUMBER = lazy_compile(r"\d+\s*[.．\-－—]\s*\d")


def fold_details(measures: list[ProseMeasure]) -> list[ProseMeasure]:
    """`measures` with each annotated measure's plain sub-items folded into
    it (an `inner_details` note on it); the same list where there are none."""
    out: list[ProseMeasure] = []
    k = 0
    while k < len(measures):
        parent = measures[k]
        run = _details(measures, k)
        if run:
            text = "\n".join([parent.text, *(s.written_number + s.text for s in run)])
            span = parent.span
            for s in run:
                span = span.cover(s.span)
            note = guesses.inner_details(run[0].span, parent.written_number, len(run))
            carried = (*parent.guesses, *(n for s in run for n in s.guesses), note)
            parent = parent._replace(text=text, span=span, guesses=carried)
        out.append(parent)
        k += 1 + len(run)
    return out


def _details(measures: list[ProseMeasure], k: int) -> list[ProseMeasure]:
    parent = measures[k]
    if parent.annotation is None or not parent.annotation.names_units:
        return []
    if _style(parent.written_number) in _HEADINGS:
        return []
    run: list[ProseMeasure] = []
    j = k + 1
    while j < len(measures) and measures[j].number == parent.number.sub(len(run) + 1):
        run.append(measures[j])
        j += 1
    if (
        j < len(measures)
        and measures[j].number.parts[: len(parent.number.parts)] == (parent.number.parts)
        and measures[j].number != parent.number
    ):
        return []  # a deeper item, or a sub-number out of order: not plain
    for s in run:
        plain = s.annotation is None or not (s.annotation.names_units or s.annotation.leaders)
        if not plain or s.deadline or s.heading_units is not None or s.heading_lead:
            return []
        if _SUB_NUMBER.search(s.written_number):
            return []
    return run


def _style(written: str) -> str | None:
    m = g.MARKER.match(written)
    if m is None:
        return None
    return next((s for s in g.STYLES if m[s] is not None), None)

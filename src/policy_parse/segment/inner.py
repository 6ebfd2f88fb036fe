"""A measure's inner enumeration folded into it: 1.提升养老服务。（1）…；（2）…。
and one annotation after the last — the items are the measure's own words
(docs/formats.md "Inner items of one measure")."""

from __future__ import annotations

import attrs

from .items import Item
from .levels import HEADING_STYLES, SUB_FORMS, Note


def fold_inner_items(items: list[Item]) -> tuple[list[Item], list[Note]]:
    """1.提升养老服务。（1）…；（2）…。 and then one annotation: the inner items
    are the measure's own words, the annotation closes the whole measure
    (specimens 39, 42), not item （2） alone.  Only for items of the style
    right under the parent's, when no item but the last carries an
    annotation, and the last's stands on a line of its own or the items
    before it end mid-sentence (；): one enumeration.  Items annotated each
    stay sub-measures 1-1, 1-2; 1.甲。 2.乙。（A负责） under 一、 are measures.
    Parts counted in words (一是…。二是…。, style `cn_shi`) fold whatever
    their sentence ends, and under an annotated measure when none names a
    unit (its own words, as they read before they were items).
    Folding before an inline annotation is a guess: an `inner_items` note."""
    order: list[str] = []
    for it in items:
        if it.marker.style not in SUB_FORMS and it.marker.style not in order:
            order.append(it.marker.style)
    if len(order) < 2:
        return items, []
    below = {order[k]: order[k + 1] for k in range(len(order) - 1)}
    out: list[Item] = []
    notes: list[Note] = []
    k = 0
    while k < len(items):
        it = items[k]
        j = k + 1
        inner = below.get(it.marker.style)
        # 一是…。二是…。（A牵头）, or 1.…（A牵头） over 一是…。二是…。 naming no
        # unit: a measure's parts counted in words are its own words, as a
        # (1)(2) list ending mid-sentence is (segment/ordinals.py).
        worded = inner == "cn_shi"
        if (
            inner is not None
            and it.marker.style not in HEADING_STYLES
            and j < len(items)
            and items[j].marker.style == inner
            and (not it.annotated or worded)
        ):
            while j < len(items) and items[j].marker.style == inner:
                j += 1
        run = items[k + 1 : j]
        fold = len(run) >= 2 and not any(r.annotated for r in run[:-1])
        fold = fold and (run[-1].annotated != it.annotated)
        own_line = fold and run[-1].annotated and _closed_by_line(run[-1])
        if fold and (own_line or worded or all(_ends_mid_sentence(r) for r in run[:-1])):
            if not own_line and not it.annotated:  # the parent's own annotation: no guess
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
        k = j
    return out, notes


def _ends_mid_sentence(it: Item) -> bool:
    """（1）新建…； : an item of an enumeration that goes on."""
    return "".join(p.text for p in it.paragraphs).rstrip().endswith(("；", ";", "，", ",", "、"))


def _closed_by_line(it: Item) -> bool:
    """The item's annotations all stand on lines of their own after its text."""
    first, *rest = it.paragraphs
    return not first.annotations and all(not p.text for p in rest if p.annotations)

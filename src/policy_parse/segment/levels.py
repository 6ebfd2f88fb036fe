"""Which marker style is which level of this notice's outline.

No numbering style has a fixed depth (1、 is a part in one notice, a measure
in another), so it is read off the document: docs/formats.md "Which style is
which level".  Where a level had to be guessed, the levels carry a `Note`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

import attrs

from .._support.records import NamedTuple
from ..models import MeasureNo
from .guesses import Note as Note  # noqa: PLC0414  (normalize.structure reads it here)
from .headings import bracket_lead, heading_units, label_lead
from .items import Item

# Marker styles that name a section when only one heading level exists.
SECTION_STYLES = frozenset({"cn_paren"})

# Styles that are headings in most notices: taking one as measures is a guess.
HEADING_STYLES = frozenset({"part_word", "cn_dun"})

# 36-1 / 3.1 carry their parent's number: they are measures whatever style
# the plain measures use (1. or 1、), so they name no level of their own.
SUB_FORMS = frozenset({"ar_sub", "ar_dec"})


class Levels(NamedTuple):
    """Which marker style is which level of this notice's outline."""

    measure: str
    part: str | None
    section: str | None
    sub: frozenset[str]
    notes: tuple[Note, ...]  # where the level was guessed


def _covered(items: list[Item], order: list[str], annotated: Counter[str]) -> Counter[str]:
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


def _children(items: list[Item], k: int, depth: dict[str, int]) -> Iterator[Item]:
    """The items under items[k]: those after it until one of its level or above."""
    mine = depth[items[k].marker.style]
    for j in range(k + 1, len(items)):  # by index: a copy of the rest per item was quadratic
        it = items[j]
        style = it.marker.style
        if style not in SUB_FORMS and depth[style] <= mine:
            return
        yield it


def _heading_leads_apart(items: list[Item]) -> tuple[list[Item], bool]:
    """Items as their levels are read: a heading whose lines under its title
    only name the lead of the items under it (（一）标题 / 牵头单位：甲局, then
    1. …) is no annotated item — its label speaks for its items
    (segment.headings) — and whether any heading did so."""
    order: list[str] = []
    for it in items:
        if it.marker.style not in SUB_FORMS and it.marker.style not in order:
            order.append(it.marker.style)
    out: list[Item] = []
    found = False
    runs: dict[tuple[str, str], bool] = {}  # _runs_on per (heading, item) style, once
    for k, it in enumerate(items):
        after = items[k + 1].marker.style if k + 1 < len(items) else None
        # A heading: the next item is of a deeper outline level.
        heads = (
            after is not None
            and after not in SUB_FORMS
            and it.marker.style not in SUB_FORMS
            and order.index(after) > order.index(it.marker.style)
        )
        if heads and label_lead(it):
            it = attrs.evolve(it, paragraphs=it.paragraphs[:1])
            found = True
        elif heads and bracket_lead(it) and _support_only_below(items, k, order):
            # （一）标题（牵头单位：甲局） / 1.…（配合单位：乙局）: the heading's
            # lead is its items' (segment.headings), not a measure of its own.
            it = attrs.evolve(it, paragraphs=(attrs.evolve(it.paragraphs[0], annotations=()),))
            found = True
        elif heads and _titles_a_run(items, k, order, runs):
            # （一）标题（A牵头） / 1.… / 2.…（配合单位：B） / （二）… / 3.…: the
            # items' numbers run on across the headings, so they are the
            # measures, and the heading's units are theirs where they name
            # none (segment.prose) — not a measure over sub-measures 1-1.
            it = attrs.evolve(it, paragraphs=(attrs.evolve(it.paragraphs[0], annotations=()),))
            found = True
        elif heads and gives_units(items, k, order):
            # （一）标题（A牵头，B配合） / 1.… / 2.… with no unit of their own:
            # the heading's units are its items' (segment.prose).
            it = attrs.evolve(it, paragraphs=(attrs.evolve(it.paragraphs[0], annotations=()),))
            found = True
        out.append(it)
    return out, found


def _below(items: list[Item], k: int, order: list[str]) -> list[Item]:
    """The items under items[k], down to the next of its level or above."""
    mine = order.index(items[k].marker.style)
    below: list[Item] = []
    for it in items[k + 1 :]:
        style = it.marker.style
        if style not in SUB_FORMS and order.index(style) <= mine:
            break
        below.append(it)
    return below


def gives_units(items: list[Item], k: int, order: list[str]) -> bool:
    """items[k] is a part or section heading (一、 / （一） / 第一部分) whose
    own annotation names units, over items none of which names any: the
    heading's units are written once for all of them (DOMAIN: a heading can
    name the units of its items).  A measure 1.（A牵头） over its （1）（2）
    details is no such heading: its style is no heading style."""
    it = items[k]
    if it.marker.style not in HEADING_STYLES | SECTION_STYLES or heading_units(it) is None:
        return False
    below = _below(items, k, order)
    # 1. 2. under （一）, （一）（二） under 一、, or 一、 over （一） titles over
    # 1. items: whatever stands below, none of it names a unit.
    return bool(below) and not any(b.names_units for b in below)


def _titles_a_run(
    items: list[Item], k: int, order: list[str], runs: dict[tuple[str, str], bool]
) -> bool:
    """items[k] is a heading (a heading style whose annotation names units)
    over items of one other style whose numbers run on from heading to
    heading (1. 2. under （一）, 3. under （二）): those items are the
    notice's measures, whatever their own annotations say."""
    it = items[k]
    if it.marker.style not in HEADING_STYLES | SECTION_STYLES or heading_units(it) is None:
        return False
    below = _below(items, k, order)
    styles = {b.marker.style for b in below if b.marker.style not in SUB_FORMS}
    if len(styles) != 1:
        return False
    (style,) = styles
    if style in HEADING_STYLES | SECTION_STYLES:
        return False
    key = (it.marker.style, style)
    if key not in runs:  # one pass over the notice per pair of styles, not per heading
        runs[key] = _runs_on(items, *key)
    return runs[key]


def _runs_on(items: list[Item], heading: str, style: str) -> bool:
    """The items of `style` number on across the `heading` items between
    them (1 2 | 3 4 | 5), never starting again at 1 under a later heading."""
    last = 0
    crossed = False  # a heading stood between two items of `style`
    seen_heading = False
    for it in items:
        m = it.marker
        if m.style == heading:
            seen_heading = last > 0
            continue
        if m.style != style:
            continue
        if not m.number.isdigit() or int(m.number) <= last:
            return False
        crossed = crossed or seen_heading
        seen_heading = False
        last = int(m.number)
    return crossed


def _support_only_below(items: list[Item], k: int, order: list[str]) -> bool:
    """The items under items[k] are annotated, and none names a lead."""
    below = _below(items, k, order)
    anns = [a for it in below for p in it.paragraphs for a in p.annotations]
    return bool(below) and all(it.names_units for it in below) and not any(a.lead for a in anns)


def items_to_levels(items: list[Item]) -> Levels | None:
    """The measure level is the most annotated style; styles above it are
    headings, styles below it sub-measures.  None when nothing is marked."""
    items, heading_leads = _heading_leads_apart(items)
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
        subs = [it for it in items if it.marker.style in SUB_FORMS]
        marked = sum(1 for it in subs if it.names_units)
        if marked < 2 or 2 * marked < len(subs):
            return None  # one stray 36-1 line with units in a text is no plan
        # 1.1 / 1.2 / 2.1 under no line of their own parent (a heading written
        # without a marker, 1 科技创新): the sub-forms are the measures, each
        # numbered as written; no level above them is read.  (No ar_dot item
        # exists here: the measure level is a name only, the sub-forms start
        # their measures themselves.)
        return Levels(measure="ar_dot", part=None, section=None, sub=frozenset(), notes=())
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
    if not annotated and not subs_annotated and not heading_leads:
        notes.append(("no_annotation", (("marker", _example(items, measure_style)),)))
    level = order.index(measure_style)
    if level > 2 and not annotated[order[level - 1]]:
        # 一、/（一）/1.地区生产总值/（1）…（A负责）: a third heading level has
        # nowhere to go (part and section are taken) and its numbers would be
        # lost, leaving two measures 1.  Its items are the measures and the
        # annotated items under them their sub-measures: （1） under 1. is 1-1,
        # as DOMAIN keys it.
        level -= 1
        measure_style = order[level]
    if measure_style in HEADING_STYLES and level + 1 < len(order):
        notes.append(("heading_as_measures", (("marker", _example(items, measure_style)),)))
    headings = order[:level]
    part_style: str | None = headings[0] if headings else None
    section_style: str | None = headings[1] if len(headings) > 1 else None
    if len(headings) == 1 and headings[0] in SECTION_STYLES:
        # A lone heading level written （一） is a section with no part above.
        part_style, section_style = None, headings[0]
    return Levels(
        measure=measure_style,
        part=part_style,
        section=section_style,
        sub=frozenset(order[level + 1 :]),
        notes=tuple(notes),
    )


def _example(items: list[Item], style: str) -> str:
    return next((it.marker.written for it in items if it.marker.style == style), style)


def restarts_per_heading(numbered: Iterable[tuple[str | None, MeasureNo]]) -> bool:
    """Whether numbering starts again under each heading, so that a measure's
    id needs its heading's number (一、1. 2. 二、1. → 1/1, 1/2, 2/1).

    `numbered` is (heading, number) in reading order.  It restarts when a
    number repeats and some heading after the first begins again at 1; a
    number written twice in a run that goes on across headings (…54, 55,
    55, 57) is one slip, and every id stays the plain number."""
    numbered = list(numbered)
    if len({n for _, n in numbered}) == len(numbered):
        return False
    headings = [h for h, _ in numbered]
    return any(
        k > 0 and headings[k] != headings[k - 1] and no.main == 1
        for k, (_, no) in enumerate(numbered)
    )

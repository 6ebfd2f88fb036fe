"""Label lines written before the item they annotate, not under it.

Some issuers put the units first: `【牵头单位】A【配合单位】B` on a line of
its own, then `1.开展…` on the next.  Read line by line, each label line
falls under the item above it: the heading over the list takes the first
item's units, every item the next one's, and the last item none — wrong, and
a heading level taken for measures.  The shape is told by its ends: a label
line right before the list's first item (under its heading), every item but
the last closed by label lines, the last by none, and no item annotated in
its own line.  Then each item takes the label lines above it, and says so.
"""

from __future__ import annotations

import attrs

from .guesses import leading_labels
from .header import Line
from .items import Item, Paragraph


def _trailing_labels(item: Item) -> int:
    """How many paragraphs at the end of `item` are label lines alone."""
    k = len(item.paragraphs)
    while k > 1 and not item.paragraphs[k - 1].text and item.paragraphs[k - 1].annotations:
        k -= 1
    return len(item.paragraphs) - k


def _annotated_inline(item: Item) -> bool:
    return any(p.annotations for p in item.paragraphs[:1])


def _run_end(items: list[Item], start: int) -> int:
    """The end of the run of items of one marker style starting at `start`."""
    style = items[start].marker.style
    end = start
    while end < len(items) and items[end].marker.style == style:
        end += 1
    return end


def _moved(item: Item, keep: int, given: list[Paragraph]) -> Item:
    """`item` with its paragraphs past `keep` given away and `given` first after its text."""
    own = list(item.paragraphs[:keep])
    cut = item.paragraphs[keep].line.span.start_line if keep < len(item.paragraphs) else None
    lines = tuple(
        ln
        for ln in item.lines
        if cut is None or ln.span.start_line is None or ln.span.start_line < cut
    )
    return attrs.evolve(item, paragraphs=(*own, *given), lines=lines)


def _lines_of(paragraphs: list[Paragraph]) -> list[Line]:
    return [p.line for p in paragraphs]


def shift_leading_labels(items: list[Item]) -> tuple[list[Item], int]:
    """Items whose label lines stand above them (see the module's doc) with
    those lines moved down onto them, and how many lists were so read; the
    first item of each carries a `leading_labels` note."""
    out = list(items)
    shifted = 0
    k = 1
    while k < len(out):
        end = _run_end(out, k)
        run = out[k:end]
        head = out[k - 1]
        if (
            len(run) >= 2
            and head.marker.style != run[0].marker.style
            and _trailing_labels(head)
            and all(_trailing_labels(it) for it in run[:-1])
            and not any(p.annotations for p in run[-1].paragraphs)
            and not any(_annotated_inline(it) for it in run)
        ):
            carried: list[Paragraph] = []
            for j in range(k - 1, end):
                it = out[j]
                n = _trailing_labels(it) if j < end - 1 else 0
                keep = len(it.paragraphs) - n
                mine = carried if j >= k else []
                carried = list(it.paragraphs[keep:])
                out[j] = _moved(it, keep, mine)
                if j >= k:
                    out[j] = attrs.evolve(out[j], lines=(*_lines_of(mine), *out[j].lines))
            first = run[0].marker
            note = leading_labels(first.line.span, first.written, len(run))
            out[k] = attrs.evolve(out[k], guesses=(*out[k].guesses, note))
            shifted += 1
        k = max(end, k + 1)
    return out, shifted

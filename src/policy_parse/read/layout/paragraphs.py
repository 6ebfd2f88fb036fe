"""Body lines → paragraphs: margins measured on the document's own lines, a
line break read as a wrap when the next piece would not have fit
(docs/pdf.md, "Paragraph joining")."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from ..._support.lazy_regex import lazy_compile
from ..._support.numeric import median
from .lines import NO_LINE_END, NO_LINE_START, Line, wraps_into
from .tables import Layout

__all__ = ["MarginTally", "Margins", "continues_paragraph", "margins"]

_NEW_ITEM = lazy_compile(
    r"""(?x)  # verbose
    ^\s*(?:
        \d+(?:-\d+)*\s*[.．、](?!\d)     # 1.  36-1.  1、  (not 5.8亿)
      | [（(]\s*[一二三四五六七八九十百零\d]+\s*[）)]   # （一） （1）
      | [一二三四五六七八九十百]+\s*、    # 一、
      | 第[一二三四五六七八九十百\d]+[部章条节款项]   # 第一章
      | 附件                             # 附件 / 附件：
      | [•·●■◆▪\-–—]\s                 # bullets
    )
    """
)


# A row of cells set as text opening on its number cell (3 and a run of
# spaces, or a tab: lines._text_loop keeps the run, layout.tabs reads the
# tab): a row of its own, even after a row that filled its line.  Prose
# wrapped at a number brings neither.
_ROW_START = lazy_compile(r"^\s*\d+(?:[.．-]\d+)*(?:[ ]{2,}|\t)\S")


# A sub-item's dotted number (2.1, 2.2): not a new item on its own (5.8亿 is
# a decimal a wrap may bring to a line's start), only after a sentence's end.
_DOTTED_ITEM = lazy_compile(r"^\s*\d{1,2}\.\d{1,2}(?![\d.．%％万亿千百十个元])")
_SENTENCE_END = frozenset("。；;）)")


def _ends_in_punctuation(line: Line) -> bool:
    last = line.text[-1:]
    return bool(last) and (last in NO_LINE_START or last in NO_LINE_END or not last.isalnum())


def _cluster_edge(values: Sequence[float], *, low: bool, tol: float) -> tuple[float, int]:
    """The margin: the outermost value that at least two lines share (within
    `tol`), so one stray line cannot move it, with the number of lines that
    share it; the outermost value and 1 when no two lines agree.  Counting
    by bisection over the sorted values keeps it n log n on long notices."""
    if not values:
        return 0.0, 0
    asc = sorted(values)
    ordered = asc if low else asc[::-1]
    for v in ordered:
        n = bisect_right(asc, v + tol) - bisect_left(asc, v - tol)
        if n >= 2:
            return v, n
    return ordered[0], 1


@dataclass(slots=True)
class Margins:
    left: float
    right: float
    pitch: float  # median distance between consecutive line tops


class _Votes:
    """One page geometry's lines, as the figures `margins` votes on (8 bytes
    each, not the lines: a long document's body lines are not kept for it)."""

    __slots__ = ("pitches", "sizes", "x0", "x1", "x1_full")

    def __init__(self) -> None:
        self.sizes = array("d")
        self.x0 = array("d")
        self.x1 = array("d")
        self.x1_full = array("d")  # of lines ending in a letter
        self.pitches = array("d")


class MarginTally:
    """`margins` gathered page by page, in page order, so a reader folding
    pages in as they arrive need not keep them (`layout.blocks.BlockBuilder`)."""

    __slots__ = ("_groups",)

    def __init__(self) -> None:
        self._groups: dict[tuple[int, int], _Votes] = {}

    def add(self, lay: Layout) -> None:
        key = (round(lay.width), round(lay.height))
        votes = self._groups.get(key)
        if votes is None:
            votes = self._groups[key] = _Votes()
        for ln in lay.lines:
            votes.sizes.append(ln.size)
            votes.x0.append(ln.x0)
            votes.x1.append(ln.x1)
            if not _ends_in_punctuation(ln):
                votes.x1_full.append(ln.x1)
        for a, b in zip(lay.lines, lay.lines[1:]):
            if b.top > a.top:
                votes.pitches.append(b.top - a.top)

    def margins(self) -> dict[tuple[int, int], Margins]:
        out = {}
        for key, votes in self._groups.items():
            if not votes.sizes:
                out[key] = Margins(0.0, float(key[0]), 0.0)
                continue
            size = median(list(votes.sizes))
            left, _ = _cluster_edge(list(votes.x0), low=True, tol=0.25 * size)
            # Punctuation may hang past the right margin (Writer and Word both
            # allow it), so only lines ending in a letter vote for the margin.
            ends = list(votes.x1_full or votes.x1)
            right, count = _cluster_edge(ends, low=False, tol=0.25 * size)
            if sum(1 for x in ends if x > right + size) >= 2:
                # Lines ending in a letter run on past the shared edge: it is
                # no margin but lines of one length (label lines, 责任部门：
                # and four characters, on a page of short lines).
                count = 0
            if count < 3:
                # Too few full lines to tell (a one-page letter, a page of short
                # lines): assume margins roughly symmetric, as both Word's default
                # and GB/T 9704 (28 mm | 26 mm) have them.
                right = max(right, key[0] - left - 0.05 * key[0])
            out[key] = Margins(
                left=left,
                right=right,
                pitch=median(list(votes.pitches)) if votes.pitches else 0.0,
            )
        return out


def margins(layouts: Sequence[Layout]) -> dict[tuple[int, int], Margins]:
    """Left and right text edges per page geometry (portrait and landscape
    sections differ), measured on all body lines of pages of that size."""
    tally = MarginTally()
    for lay in layouts:
        tally.add(lay)
    return tally.margins()


def continues_paragraph(
    prev: Line, pm: Margins, line: Line, m: Margins, *, same_page: bool
) -> bool:
    """Join `line` to the paragraph ending with `prev` when `prev` runs to the
    right margin (the next piece would not have fit), `line` starts at the
    left margin (no indent; or both centred, see below), does not open a new
    numbered item (nor a dotted sub-item, 2.2, after a sentence's end; nor
    a row of cells set as text, on its number), is set in the same type size and, on the same page,
    follows at the usual line pitch (a wider gap is paragraph spacing)."""
    if abs(prev.size - line.size) > 0.15 * prev.size:
        return False
    if _NEW_ITEM.match(line.text) or _ROW_START.match(line.text):
        return False
    if prev.text[-1:] in _SENTENCE_END and _DOTTED_ITEM.match(line.text):
        return False  # …（牵头单位：甲局） / 2.2 …: a full line ended a sub-item
    if same_page and pm.pitch and line.top - prev.top > 1.35 * pm.pitch:
        return False
    if line.x0 <= m.left + 0.5 * line.size:
        return wraps_into(prev, pm.right - prev.x1, line)
    # An indented line opens a paragraph — unless both lines are centred and
    # the first is full: a long centred title the layout engine wrapped (a
    # title the writer broke by hand has a short first line).
    axis = (m.left + m.right) / 2
    centred = all(abs((ln.x0 + ln.x1) / 2 - axis) <= 0.5 * ln.size for ln in (prev, line))
    free = (pm.right - pm.left) - (prev.x1 - prev.x0)
    return same_page and centred and wraps_into(prev, free, line)

"""Characters → lines: fake-bold duplicates dropped, characters clustered by
their vertical middle, text built without the spurious spaces of justified
CJK (docs/pdf.md, "Text of a line").

A `Line` keeps only what the later stages measure (box, size, text, the
width of its first unbreakable piece), not its characters: a page's
characters are released as soon as its lines are built, so memory stays flat
in the number of pages.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter, itemgetter

from ..._support.numeric import median
from . import compiled
from .page_model import Char
from .tabs import WIDE_GAP, count_tabs, find_tabs, line_tabs, tab_lines

__all__ = ["Line", "dedupe", "group_lines", "is_narrow_word", "is_wide", "join_texts", "median"]

# Wide characters: East Asian Width W or F (CJK ideographs, kana, Hangul,
# full-width forms), plus CJK symbols and punctuation, all of the full-width
# block and the dashes, ellipsis and quotes CJK text sets wide.  Between two
# of these a gap is layout (justification), never a word space.  Decided by
# unicodedata, not a pattern: PDF workers then need no `regex`, whose import
# would delay the start of every page worker.
_WIDE_ALSO = frozenset("\u2014\u2026\u201c\u201d\u2018\u2019")


# Characters that may not begin a line (kinsoku): when one of them starts the
# next line, the character before it was carried over too.
NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉’”…·%)]},.;:!?－—ー")
# Characters that may not end a line: they are carried to the next line
# together with the character after them.
NO_LINE_END = frozenset("（《「『【〔〈‘“([{")


_X0 = attrgetter("x0")
_TOP_X0 = attrgetter("top", "x0")  # a line's (top, x0), built in C
_MID, _CHAR = itemgetter(0), itemgetter(3)


@dataclass(slots=True)
class Line:
    page: int  # 1-based
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    first_unit: float  # width of what cannot be split from the line's start

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (round(self.x0, 2), round(self.top, 2), round(self.x1, 2), round(self.bottom, 2))

    def __reduce__(
        self,
    ) -> tuple[type[Line], tuple[int, str, float, float, float, float, float, float]]:
        # Lines cross the pipe from the page workers by the thousand: as the
        # constructor's arguments they pickle in 60% of the default's time
        # and bytes (a slots object's state is a dict of names).
        return (
            Line,
            (
                self.page,
                self.text,
                self.x0,
                self.x1,
                self.top,
                self.bottom,
                self.size,
                self.first_unit,
            ),
        )


def _make_line(page: int, cs: list[Char], tabs: dict[int, int]) -> Line:
    """`cs` sorted by x0, with the tabs `layout.tabs` counted in its gaps."""
    return Line(
        page=page,
        text=_chars_to_text(cs, tabs),
        x0=cs[0].x0,
        x1=max([c.x1 for c in cs]),
        top=min([c.top for c in cs]),
        bottom=max([c.bottom for c in cs]),
        size=median([c.size for c in cs]),
        first_unit=_first_unit_width(cs),
    )


def _first_unit_width(chars: Sequence[Char]) -> float:
    """Width of what could not be split from the line's start: the first
    character plus any kinsoku partner, or a whole Latin/digit word.  Blank
    characters are passed over; only the line's first pieces are looked at."""
    ink = (c for c in chars if c.text.strip())
    first = next(ink, None)
    if first is None:
        return 0.0
    last = first
    if is_narrow_word(first.text):
        for c in ink:
            if not (is_narrow_word(c.text) and c.x0 - last.x1 < 0.2 * last.size):
                break
            last = c
        return last.x1 - first.x0
    nxt = next(ink, None)
    if first.text in NO_LINE_END and nxt is not None:
        last, nxt = nxt, next(ink, None)
    while nxt is not None and nxt.text in NO_LINE_START:
        last, nxt = nxt, next(ink, None)
    return last.x1 - first.x0


def is_narrow_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "-_/.%&'")


def is_wide(ch: str) -> bool:
    if not ch:
        return False
    o = ord(ch)
    return (
        0x3000 <= o <= 0x303F
        or 0xFF00 <= o <= 0xFFEF
        or ch in _WIDE_ALSO
        or unicodedata.east_asian_width(ch) in ("W", "F")
    )


def _chars_to_text(chars: Sequence[Char], tabs: dict[int, int] | None = None) -> str:
    """Characters of one line in x order → text.  Space glyphs the PDF draws
    are kept; a space is *inserted* only for a visible gap between two narrow
    (Latin/digit) characters, never next to a CJK character — that is the
    spurious-space trap of pdfplumber's x_tolerance.  A line of wide
    characters only (most lines of a CJK notice) is joined at once: no space
    can be inserted there, and no space glyph is wide.  `tabs`: index →
    tabs in front of that character (`layout.tabs`; None: the line's own)."""
    if tabs is None:
        tabs = line_tabs(chars, is_wide)
    texts = [c.text for c in chars]
    if _all_wide(texts):
        return _wide_text(texts, tabs)
    passes = compiled.PASSES
    if passes is not None and type(chars) is list:
        text: str | None = passes.text_loop(chars, tabs, is_wide)
        if text is not None:
            return text
    return _text_loop(chars, tabs)


def _wide_text(texts: list[str], tabs: dict[int, int]) -> str:
    """A line of wide characters only: joined, with its tabs."""
    if not tabs:
        return "".join(texts).strip()
    text = "".join("\t" * tabs[k] + t if k in tabs else t for k, t in enumerate(texts)).strip()
    return "\t" * tabs.get(0, 0) + text


def _text_loop(chars: Sequence[Char], tabs: dict[int, int] | None = None) -> str:
    """`_chars_to_text` character by character (`_passes.text_loop` in C,
    the same step for step, where built).  A space glyph followed by
    white room as wide as two spaces or more stands for that many spaces
    (`_spaces`): a run of spaces the layout engine drew as one glyph and a
    move, which is how a table aligned by spaces keeps its columns.  On
    such a line (a row of cells: a run inside it) a run in front stays, and
    a space glyph at its end stays as one space: the row wrapped in a run
    (`blocks` joins the next line to it with a run).  `tabs` as
    `_chars_to_text`'s."""
    out: list[str] = []
    prev: Char | None = None
    ink: Char | None = None  # the last inked character
    space: Char | None = None  # the first space glyph after it (or in front)
    lead = 0  # spaces in front of the first inked character
    if tabs is None:
        tabs = line_tabs(chars, is_wide)
    for k, c in enumerate(chars):
        if c.text == " ":
            if space is None:
                space = c
        elif space is not None:
            n = _spaces(space.x0 if ink is None else ink.x1, space, c)
            if ink is None:
                lead = n
            elif n > 1 and out and out[-1] == " ":
                out[-1] = " " * n
            space = None
        if k in tabs and k:
            out.append("\t" * tabs[k])
        elif prev is not None and c.text != " " and prev.text != " ":
            gap = c.x0 - prev.x1
            # Most neighbours touch or overlap: the size is looked at only
            # past a gap (a tenth of the time per character: this loop runs
            # once per character of the document).
            if (
                gap > 0
                and gap > 0.25 * max(c.size, prev.size)
                and not (is_wide(c.text[:1]) or is_wide(prev.text[-1:]))
            ):
                out.append(" ")
        if c.text == " " and out and out[-1] == " ":
            continue
        out.append(c.text)
        prev = c
        if c.text != " ":
            ink, space = c, None
    text = "".join(out).strip()
    front = "\t" * tabs.get(0, 0)  # a row of cells starting on a tab stop
    if "  " not in text:
        return front + text
    return front + " " * (lead if lead > 1 else 0) + text + (" " if space is not None else "")


# White room after a space glyph, in spaces, from which it is read as a run
# of spaces (a .txt table parts its cells by two): a justified line
# stretches a word space, but not to twice its width less a quarter.
_SPACES_FROM = 1.75
_MAX_SPACES = 1000.0  # past a page's width (and NaN, infinity): no run


def _spaces(start: float, space: Char, nxt: Char) -> int:
    """How many spaces the room from `start` (the last inked character's
    right edge, or the first space glyph's left) to `nxt` holds, `space`
    the glyph drawn first in it (its width is the font's space): 1 unless
    the room is `_SPACES_FROM` spaces wide or wider."""
    width = space.x1 - space.x0
    if width <= 0.05 * space.size:
        return 1
    room = (nxt.x0 - start) / width
    return round(room) if _SPACES_FROM <= room < _MAX_SPACES else 1


# Single characters already judged by `is_wide`, each once per process (a
# notice draws a few thousand distinct characters).
_WIDE: set[str] = set()
_NARROW: set[str] = set()


def _all_wide(texts: list[str]) -> bool:
    """Every text is one wide character (`is_wide`), judged in C by set
    inclusion once each character has been seen."""
    if _WIDE.issuperset(texts):
        return True
    new = set(texts).difference(_WIDE)
    if not new.isdisjoint(_NARROW):
        return False
    wide = True
    for t in new:
        if len(t) != 1:
            wide = False  # not cached: a text of several characters is rare
        elif is_wide(t):
            _WIDE.add(t)
        else:
            _NARROW.add(t)
            wide = False
    return wide


def group_lines(chars: Iterable[Char], page: int) -> list[Line]:
    """Cluster characters into lines by their vertical middle, then sort each
    line left to right.  A character joins a line when its middle lies within
    half a character height of the line's middle."""
    # Sorted by (middle, x0, input position): characters at the same middle
    # and x keep their order.  Tuples compared in C, not a key function
    # called per character: one Python call for every character of the
    # document otherwise.
    cs = list(chars)
    if compiled.PASSES is not None:
        grouped = compiled.PASSES.group(cs)
        if grouped is not None:
            return _lines_of(grouped, page)
    mids = [(c.top + c.bottom) / 2 for c in cs]
    keyed = sorted(zip(mids, [c.x0 for c in cs], range(len(cs)), cs, strict=True))
    groups = _cluster(keyed)
    for g in groups:
        g.sort(key=_X0)
    lines = []
    for g, tabs in zip(groups, _page_tabs(groups), strict=True):
        line = _make_line(page, g, tabs)
        if line.text:
            lines.append(line)
    lines.sort(key=_TOP_X0)
    return lines


def _lines_of(
    grouped: list[tuple[list[Char], float, float, float, float]], page: int
) -> list[Line]:
    """`group_lines`' lines from `_passes.group`'s clusters: each with its
    characters by x0, right edge, top, bottom and median size, as
    `_make_line` computes them."""
    # Lines of wide characters already seen (most of a CJK notice's) have
    # their text and first unit from C, in one call for the page; the
    # others, here.
    passes = compiled.PASSES
    pieces = (
        passes.wide_texts(grouped, _WIDE, NO_LINE_END, NO_LINE_START)
        if passes is not None
        else [None] * len(grouped)
    )
    every_tabs = _page_tabs([g[0] for g in grouped])
    lines = []
    for (cs, x1, top, bottom, size), piece, tabs in zip(grouped, pieces, every_tabs, strict=True):
        if piece is None:
            text = _chars_to_text(cs, tabs)
            if text:
                lines.append(
                    Line(page, text, cs[0].x0, x1, top, bottom, size, _first_unit_width(cs))
                )
        elif piece[0]:
            text = _wide_text([c.text for c in cs], tabs) if tabs else piece[0]
            lines.append(Line(page, text, cs[0].x0, x1, top, bottom, size, piece[1]))
    lines.sort(key=_TOP_X0)
    return lines


def _page_tabs(groups: list[list[Char]]) -> list[dict[int, int]]:
    """Each line's tabs (`layout.tabs`), their stops measured on every line
    of the page that holds one.  `find_tabs` is called only on the lines
    `tab_lines` keeps (in C where built): most lines cannot hold a tab."""
    passes = compiled.PASSES
    maybe = passes.tab_lines(groups, WIDE_GAP) if passes is not None else tab_lines(groups)
    if not maybe:
        return [{} for _ in groups]
    found: list[list[int]] = [[] for _ in groups]
    for i in maybe:
        found[i] = find_tabs(groups[i], is_wide)
    if not any(found):
        return [{} for _ in groups]
    return count_tabs(groups, found, is_wide)


def _cluster(keyed: list[tuple[float, float, int, Char]]) -> list[list[Char]]:
    """`group_lines`' clustering of (middle, x0, position, character) in
    middle order.  Characters sharing a middle come in runs (a line set in
    one size on one baseline is one run): once the line's running middle
    equals the run's (both finite), every later character of the run joins
    it and leaves the mean as it is (it moves by (mid - mean) / n = 0), so the rest of the
    run is added at once instead of tested one by one.  Gives exactly what
    `_cluster_loop` in tests/read/layout/test_lines.py gives."""
    groups: list[list[Char]] = []
    mid_line = 0.0
    group: list[Char] = []
    for mid, same in groupby(keyed, key=_MID):
        run = iter(same)
        for _, _, _, c in run:
            # max(1.0, size) and abs() written out: builtin calls per character.
            size = c.size
            reach = 0.5 * (size if size > 1.0 else 1.0)  # noqa: FURB136 - no call per character
            if group and -reach <= mid - mid_line <= reach:
                group.append(c)
                mid_line += (mid - mid_line) / len(group)
            else:
                group = [c]
                groups.append(group)
                mid_line = mid
            if mid - mid_line == 0.0:  # equal and finite (an infinity gives NaN)
                group.extend(map(_CHAR, run))
                break
    return groups


def _no_twins(chars: list[Char], tol: float) -> bool:
    """True when no two characters of the same text lie within `tol` of each
    other both ways, so `dedupe` has nothing to drop.  Each character is put
    in a grid cell of side a little over `tol` (its text with the floor of
    x0 / side and of top / side; the margin absorbs rounding in `dedupe`'s
    differences); two within `tol` share a cell or lie in one of the eight
    neighbouring cells, so if every cell is distinct and no cell meets
    its right, lower, lower-right or upper-right neighbour of the same text,
    there is no pair to test.  Sets of tuples built by `zip` in C from
    columns made by comprehensions (on 3.11 twice as fast as
    `map(attrgetter)`, whose call per item is not specialised): a page of
    text where no glyph is drawn twice (most of them) costs a few passes
    instead of a loop.  A False sends the page to the exact test."""
    side = tol * 1.001
    texts = [c.text for c in chars]
    xs = [c.x0 // side for c in chars]
    ys = [c.top // side for c in chars]
    cells = set(zip(texts, xs, ys, strict=True))
    if len(cells) != len(chars):
        return False
    right = [x + 1.0 for x in xs]
    below = [y + 1.0 for y in ys]
    above = [y - 1.0 for y in ys]
    return (
        cells.isdisjoint(zip(texts, right, ys))
        and cells.isdisjoint(zip(texts, xs, below))
        and cells.isdisjoint(zip(texts, right, below))
        and cells.isdisjoint(zip(texts, right, above))
    )


def dedupe(chars: list[Char], tol: float = 1.0) -> list[Char]:
    """Drop a character drawn again over itself (fake bold: the same glyph
    twice, a fraction of a point apart).  pdfplumber's `dedupe_chars` does
    the same but sorts and clusters the whole page; hashing each character
    by its text, then by its `tol`-sized band of `top`, looks at three small
    buckets (a duplicate within `tol` lies in its band or a neighbour),
    linear in the page.  The first time a text is seen costs one lookup; the
    loop is written out because it runs for every character of every page,
    and skipped where `_no_twins` shows it would drop nothing."""
    passes = compiled.PASSES
    if (passes is not None and passes.no_twins(chars, tol)) or _no_twins(chars, tol):
        return list(chars)
    return _dedupe_loop(chars, tol)


def _dedupe_loop(chars: list[Char], tol: float) -> list[Char]:
    """`dedupe`'s exact test, character by character."""
    seen: dict[str, dict[int, list[Char]]] = {}
    out: list[Char] = []
    append = out.append
    for c in chars:
        text = c.text
        band = int(c.top // tol)
        bands = seen.get(text)
        if bands is None:
            seen[text] = {band: [c]}
            append(c)
            continue
        if text.strip():
            x0, top, size = c.x0, c.top, c.size
            twin = False
            for b in (band - 1, band, band + 1):
                for o in bands.get(b, ()):
                    if (
                        abs(o.x0 - x0) <= tol
                        and abs(o.top - top) <= tol
                        and abs(o.size - size) <= 0.01
                    ):
                        twin = True
                        break
                if twin:
                    break
            if twin:
                continue
        same = bands.get(band)
        if same is None:
            bands[band] = [c]
        else:
            same.append(c)
        append(c)
    return out


def join_texts(a: str, b: str) -> str:
    """Glue a wrapped line to the next.  CJK text wraps anywhere, even inside
    a Latin word (清数D-L | AB in the sample family), so no space is added;
    in mostly-Latin text a wrap falls between words and one space is."""
    if a and b and is_narrow_word(a[-1]) and a[-1] != "-" and is_narrow_word(b[0]):
        tail = a[-40:]
        if sum(1 for ch in tail if is_wide(ch)) < len(tail) / 2:
            return a + " " + b
    return a + b


def wraps_into(line: Line, free: float, nxt: Line) -> bool:
    """The line break after `line` is a wrap (not one the writer typed) when
    the room left on the line is smaller than the first unbreakable piece of
    the next line: had it fit, the layout engine would have put it there."""
    slack = 0.3 * line.size
    return free < nxt.first_unit + slack

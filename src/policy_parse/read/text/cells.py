"""A run of lines cut into a stream of cells, whatever separated them.

A table copied out of a browser or a PDF viewer keeps its cells' text and
loses its ruling; what separated two cells is left as a line break, a blank
line (an empty cell as one blank line more), a lone ``|`` line, a ``|``
between cells or closing a line, a tab, a run of spaces, or a single space.
None of these says for sure where a *row* ends, and a line break may even
fall inside a cell (a PDF re-wraps lines anywhere, even inside a unit's
name).  So the stream keeps every separator as written (`Sep`), and the
aligner (read/text/align.py) weighs it as a hint, beside what the cells say.

The cutting itself depends only on how the header's cells were separated
(`Mode`): a table whose header cells stand apart by ``|`` is cut at every
``|``, one apart by single spaces at every space, and so on.  An empty cell
written between two ``|`` (or two tabs) is a cell of its own (`Atom` with
no text): its position is written.  An empty cell written as a blank line
more than the usual is not: the aligner counts those from `Sep.blanks`.
"""

from __future__ import annotations

import enum
import functools
from collections import Counter
from collections.abc import Sequence

import attrs

from ..._support.lazy_regex import lazy_compile
from ..._support.records import NamedTuple

__all__ = [
    "Atom",
    "Mode",
    "Sep",
    "Stream",
    "is_bar",
    "is_blank",
    "is_rule",
    "split_line",
    "stream",
]


class Mode(str, enum.Enum):
    """How the cells of one line are told apart (the header's own separator)."""

    PIPE = "pipe"  # a | b | c |
    TAB = "tab"  # a<TAB>b<TAB>c
    GAP = "gap"  # a  b  c (two spaces, an ideographic space)
    SPACE = "space"  # a b c (one space: 序号 工 作 任 务 牵头负责部门)
    LINE = "line"  # one cell per line (or per paragraph)


# Inline separators between two cells of one line.
PIPE, TAB, GAP, SPACE = "pipe", "tab", "gap", "space"

_WIDE = lazy_compile(r"(?: {2,}|[\t\u3000\u00a0]+ *)+")
_ANY_SPACE = lazy_compile(r"[ \t\u3000\u00a0]+")
_EDGE = " \t\u3000\u00a0\ufeff\u200b"
_EDGE_SPACES = " \u3000\u00a0\ufeff\u200b\n"


_LEADING_GAP = {
    Mode.GAP: lazy_compile(r"^(?: {2,}|[\t\u3000\u00a0])"),
    Mode.SPACE: lazy_compile(r"^[ \t\u3000\u00a0]"),
}


_INLINE: dict[str | None, Sep] = {}  # filled below: one frozen Sep per inline kind


def is_blank(line: str) -> bool:
    return not line.strip()


# A Markdown rule line under a pipe header: |---|:--:|
_RULE = lazy_compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


def is_rule(line: str) -> bool:
    # (A rule holds "--": most lines are refused without the regex, which
    # is asked of every line of a table — 86,000 in a long paragraph copy.)
    return "--" in line and bool(_RULE.match(line))


def is_bar(line: str) -> bool:
    """A lone | (or ｜) line: a separator left between cells or rows."""
    s = line.strip()
    # (Most lines fail at their first character: no generator for them.)
    return bool(s) and s[0] in "|｜" and all(c in "|｜" for c in s.replace(" ", ""))


class Atom(NamedTuple):
    """A piece of one line between separators: a cell, or part of one.  (A
    tuple, not a frozen record: a long table has one per cell, and a tuple
    is made several times faster.)"""

    text: str  # stripped; "" for an empty cell written between separators
    line: int  # 0-based index of its line
    droppable: bool = False  # an empty cell that may be an artefact of a re-wrap


@attrs.frozen(kw_only=True)
class Sep:
    """What stands between an atom and the one before it.

    `inline` is the separator when both are on one line; otherwise the atoms
    are on different lines, with `blanks` blank lines and `bars` lone ``|``
    lines between.  `closed` says the line before ended with ``|``; `full`
    that it filled the width a PDF copy wraps at (the break is likely inside
    a cell); `spaced` that a space stood at that cut (区统计局 / ` 区财政局`:
    the copy broke a list between two names, and joined they keep the space).
    """

    inline: str | None = None
    blanks: int = 0
    bars: int = 0
    closed: bool = False
    opened: bool = False  # the line after starts with |
    full: bool = False
    spaced: bool = False

    @property
    def key(self) -> tuple[object, ...]:
        """The kind of separator, for learning what it means in one table."""
        if self.inline is not None:
            return (self.inline,)
        return ("line", min(self.blanks, 4), min(self.bars, 3), self.closed, self.opened, self.full)

    @property
    def barred(self) -> bool:
        """A | stands at the break: the cell before it is closed."""
        return self.closed or self.opened


_INLINE.update({k: Sep(inline=k) for k in (PIPE, TAB, GAP, SPACE)})


@attrs.frozen(kw_only=True)
class Stream:
    """Atoms in reading order; `seps[i]` stands before `atoms[i]`, and
    `seps[-1]` after the last atom (what ends the stream)."""

    atoms: tuple[Atom, ...]
    seps: tuple[Sep, ...]
    lines: tuple[int, ...]  # the line index each line of the region starts at
    wrap: int | None  # the width lines were wrapped at, if they were


class Pieces(NamedTuple):
    """One line cut into cells: texts ("" for an empty cell), the separator
    before each, and whether the line was opened or closed by a |.  (A
    tuple: made once per line of a table.)"""

    texts: tuple[str, ...]
    kinds: tuple[str | None, ...]
    closed: bool
    opened: bool = False


def split_line(line: str, mode: Mode, *, framed: bool = True) -> Pieces:
    """One line → its cells, cut as `mode` says.  A ``|`` always separates
    (it is never cell text); a tab too, except in a one-cell-per-line table.
    In a table whose rows open with a bar (``| a | b |``, `framed`) the first
    bar is the frame; in one whose rows do not (``a | b |``), a line opening
    with a bar starts with an empty cell."""
    # Tabs at the ends are empty cells where tabs part cells, else indentation.
    s = line.replace("｜", "|")
    s = s.strip(_EDGE) if mode is not Mode.TAB or "|" in s else s.strip(_EDGE_SPACES)
    closed = s.endswith("|")
    opened = s.startswith("|")
    if "|" in s:
        body = s.removeprefix("|") if framed else s
        body = body.removesuffix("|")
        if mode is Mode.LINE and "|" not in body:
            # 重点工作 |: one cell per line, each closed by a bar.
            return Pieces(texts=(body.strip(_EDGE),), kinds=(None,), closed=closed, opened=opened)
        parts = [p.strip(_EDGE) for p in body.split("|")]
        barred = (None, *[PIPE] * (len(parts) - 1))
        return Pieces(texts=tuple(parts), kinds=barred, closed=closed, opened=opened)
    if mode is Mode.TAB or (mode is not Mode.LINE and "\t" in s):
        parts = [p.strip(" \u3000\u00a0") for p in s.split("\t")]
        return Pieces(texts=tuple(parts), kinds=(None, *[TAB] * (len(parts) - 1)), closed=False)
    if mode is Mode.GAP:
        parts = _WIDE.split(s)
        return Pieces(texts=tuple(parts), kinds=(None, *[GAP] * (len(parts) - 1)), closed=False)
    if mode is Mode.SPACE:
        texts: list[str] = []
        kinds: list[str | None] = [None]
        pos = 0
        for m in _ANY_SPACE.finditer(s):
            texts.append(s[pos : m.start()])
            kinds.append(_space_kind(m.group()))
            pos = m.end()
        texts.append(s[pos:])
        return Pieces(texts=tuple(texts), kinds=tuple(kinds), closed=False)
    return Pieces(texts=(s,), kinds=(None,), closed=False)


def _space_kind(gap: str) -> str:
    return SPACE if gap == " " else GAP


_BARS = ("|", "｜")


def wrap_width(lines: Sequence[str]) -> int | None:
    """The width a PDF copy re-wrapped lines at, or None: several lines of
    exactly the longest length, which text written line by line rarely has."""
    # Raw lengths: a cut may leave the line ending in a space.
    lengths = Counter(len(ln) for ln in lines if ln.strip())
    if not lengths:
        return None
    longest = max(lengths)
    if longest < 12 or lengths[longest] < 2:
        return None
    ends = [ln.rstrip() for ln in lines if len(ln) == longest]
    if all(e.lstrip().startswith(_BARS) and e.endswith(_BARS) for e in ends):
        # | a | b | rows of one length (cells of equal width, as a Markdown
        # table pads them): each is a whole row, no line cut at a width.
        return None
    if lengths[longest] >= 3:
        return longest
    # Two lines alike may be chance; one of them ending mid-text is not.
    if any(not e.endswith(("|", "｜", "。", "；", ";")) for e in ends):
        return longest
    return None


def common_indent(lines: Sequence[str]) -> int:
    """The spaces every line holding text starts with, as a count: a copy
    that indents each line it has (a portal giving each line of a re-wrapped
    PDF its own indented paragraph) — there an indent is no gap a cut fell
    into."""
    texts = [ln for ln in lines if ln.strip()]
    if not texts:
        return 0
    return min(len(ln) - len(ln.lstrip(_CUT_SPACES)) for ln in texts)


@functools.lru_cache(maxsize=256)
def _line_sep(
    blanks: int, bars: int, closed: bool, opened: bool, full: bool, spaced: bool = False
) -> Sep:
    """One frozen Sep per kind of line break, shared by a table's every row:
    a long table has one per line, and few kinds."""
    return Sep(blanks=blanks, bars=bars, closed=closed, opened=opened, full=full, spaced=spaced)


# The spaces a cut at the wrap width may leave at a line's end or start (a
# tab parts cells: read as such, not as a space inside one).
_CUT_SPACES = " \u3000\u00a0"
# Modes where a space is cell text, so a space kept at a cut is the text's
# (区统计局 / ` 区财政局`); in GAP and SPACE modes spaces part cells.
_KEEPS_SPACES = frozenset({Mode.PIPE, Mode.TAB, Mode.LINE})


def stream(
    lines: Sequence[str], start: int, end: int, mode: Mode, *, framed: bool = True
) -> Stream:
    """Lines start..end → atoms and the separators between them.  The width
    a PDF copy wrapped at is looked for in all `lines`: a table may hold
    only a few lines long enough to wrap.  `framed` as for `split_line`."""
    atoms: list[Atom] = []
    seps: list[Sep] = []
    wrap = wrap_width(lines)
    indent = common_indent(lines) if wrap is not None else 0
    blanks = bars = 0
    closed = full = tab_before = False
    ended_spaced = False  # the line before ended with a space
    line_starts: list[int] = []
    make = tuple.__new__
    for k in range(start, end):
        line = lines[k]
        if (not line.strip() and not (mode is Mode.TAB and "\t" in line)) or is_rule(line):
            blanks += 1
            continue
        if is_bar(line):
            bars += max(1, line.count("|") + line.count("｜"))  # each | closes a cell
            continue
        # After a line cut at the wrap width, an opening bar is where it was
        # cut; but where the cut line ended with a bar too, the two bars hold an
        # empty cell between them (| a | \n | c |).
        between_bars = full and closed
        pieces = split_line(line, mode, framed=(framed or full) and not between_bars)
        if mode is Mode.TAB and full and len(pieces.texts) > 1 and line.startswith("\t"):
            # A line cut right before a tab: the tab parts the cut line's last
            # cell from this line's first.
            pieces = pieces._replace(texts=pieces.texts[1:], kinds=(None, *pieces.kinds[2:]))
            tab_before = True
        line_full = wrap is not None and len(line) >= wrap
        # A line as long as the wrap width that ends with a tab may have been
        # cut right after it: its last, empty cell may be no cell (priced so).
        cut_at_tab = (
            line_full and mode is Mode.TAB and len(pieces.texts) > 1 and not pieces.texts[-1]
        )
        line_starts.append(len(atoms))
        # After a line cut at the wrap width, leading spaces where spaces part
        # cells are the gap the cut fell into: the cell before is complete.
        opened = (
            pieces.opened
            or tab_before
            or (
                full
                and mode in (Mode.GAP, Mode.SPACE)
                and _LEADING_GAP[mode].match(line[indent:]) is not None
            )
        )
        last = len(pieces.texts) - 1
        for n, (text, kind) in enumerate(zip(pieces.texts, pieces.kinds, strict=True)):
            if n == 0:
                spaced = (
                    full
                    and mode in _KEEPS_SPACES  # elsewhere a space parts cells
                    and (ended_spaced or line.startswith(tuple(_CUT_SPACES)))
                )
                seps.append(_line_sep(blanks, bars, closed, opened, full, spaced))
            else:
                seps.append(_INLINE[kind])
            # (The tuple made directly, not through the NamedTuple's
            # Python-level __new__: one per cell of a long table.)
            atoms.append(make(Atom, (text, k, cut_at_tab and n == last)))
        blanks = bars = 0
        closed = pieces.closed
        full = line_full
        ended_spaced = line.endswith(tuple(_CUT_SPACES))
        tab_before = False
    seps.append(Sep(blanks=blanks, bars=bars, closed=closed, full=full))
    return Stream(atoms=tuple(atoms), seps=tuple(seps), lines=tuple(line_starts), wrap=wrap)

"""Where a paragraph goes on over a line break.

A notice copied from a PDF (or a portal that kept the PDF's lines) is broken
at the page width, anywhere: inside a sentence, a label (`责任单` / `位：`), a
unit's name (`甲市经开区` / `管委会`), a convention note (`列第一` / `位者为牵头单
位`). A web copy has one paragraph per line. The lines are read back into
paragraphs by their syntax (docs/formats.md "Lines inside a measure"):

- a bracket still open goes on, whatever ends the line and whatever starts
  the next one (`（牵头单位：` / `市商务局，配合单位：…）`);
- a line that starts with a list separator or a closing mark (`、隽水镇`,
  `”关键之年`, `）`) or a bare role word closed by a clause mark (`牵头，…`,
  `（街道）负责。`), or holds only the 等 that closes a list (`等。`,
  `等单位。`), goes on from the line above: no paragraph starts so;
- a label with no value yet goes on (`…增设公益广告。责任单位：` / `城管执法局。`),
  and so does an inner list marker standing last (`…（A负责）(2)` / `推广…`);
- a label line goes on while its list does (it ends in `、` or `，`), where
  the break cut a unit's name (`…、省交通` / `运输厅、…`: no unit before it,
  one with the next line's start) or, on a wrapped page, while its line is
  full and ends no sentence;
- a line of text ends mid-sentence and is long enough to be wrapped
  (`WRAPPED_MIN`), or is full on a wrapped page, however it ends.

What starts something of its own never goes on: an outline marker (the
caller checks it first, and takes a marker out of its sequence after a line
that goes on for text: segment.items), a label line (unless a bracket is
open), an opening bracket after a line that is not full.

`Page.of` finds the width a text was wrapped at: most long lines share one
length (in characters, or in display columns for a PDF's mixed widths) and
none is longer.  A web copy has no such width, and then only the syntax
rules hold.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .._support.lazy_regex import VERBOSE, escape, lazy_compile
from ..data import load
from .annotations import (
    CLOSERS,
    OPENERS,
    is_label_line,
    label_pattern,
    names_only_units,
    parse_phrase,
)

if TYPE_CHECKING:
    import regex

# A wrapped line is a full line of the page; a shorter one is a title or a
# label (a section title over an unnumbered topic line).
WRAPPED_MIN = 20
# Ends that close a line's sentence or clause (no wrap needed to explain it).
ENDS = ("。", "；", ";", "！", "？", "：", ":", *CLOSERS)
# Ends that close a sentence even at the page edge.
SENTENCE_ENDS = ("。", "！", "？", "!", "?", *CLOSERS)
# No paragraph starts with these: a line that does went on from the one above.
CONTINUES = ("、", "，", ",", "；", ";", "。", "：", ":", "”", "’", "」", "』", "》", *CLOSERS)
_LIST_OPEN = ("、", "，", ",")  # a label's list goes on after these
# … nor with the 等 that closes a list (…、县甲局 / 等。, …、县水利局 / 等单位。): a
# line of it alone is the tail a wrap cut off the list above.
_LIST_TAIL = lazy_compile(r"^等\p{Han}{0,6}[。；;，,）)]*$")


@functools.cache
def _role_tail() -> regex.Pattern[str]:
    """… nor with a bare role word closed by a clause mark, alone or after
    a bracket that ends a name: the page cut a role phrase after its unit
    (`…县委宣传部（县新闻办）` / `牵头，县融媒体中心配合。`, `…各乡镇` /
    `（街道）负责。`).  A label has its colon; a marker line is no wrap."""
    words = sorted(load("annotations")["roles"]["bare"], key=len, reverse=True)
    return lazy_compile(
        r"^(?:[（(][^（()）\n]{1,8}[）)])?(?:" + "|".join(map(escape, words)) + r")[，,。；;、]"
    )


# A page width: at least this many long lines (of `_LONG` characters or
# more: no page is narrower), this share of them within `_SLACK` of the
# width, and at most `_OVER` of them longer.
_LONG = WRAPPED_MIN
_MIN_FULL = 4
_SHARE = 0.4
_OVER = 0.05
_SLACK = 4  # an indent (2 ideographic or 4 ASCII spaces) stripped off a full line


def _columns(text: str) -> int:
    """Display columns: a wide (CJK, full-width) character takes two.  Counted
    from the UTF-8 length, which gives three bytes to each of them and one to
    ASCII (east_asian_width per character took 8 ms on notice.txt, now 0.6)."""
    return len(text) + (len(text.encode("utf-8")) - len(text)) // 2


def _width(lengths: list[int], slack: int, shortest: int) -> int | None:
    long = [n for n in lengths if n >= shortest]
    if len(long) < _MIN_FULL:
        return None
    counts = Counter(long)

    def reach(width: int) -> int:
        return sum(c for n, c in counts.items() if width - slack <= n <= width)

    # The most common length, or one up to the slack longer, met twice or
    # more, that more lines reach: under a first-line indent every
    # paragraph's first line is the indent shorter than the rest, and where
    # paragraphs are two or three lines long those are the commonest length.
    mode = max(counts, key=lambda n: (counts[n], n))
    above = [n for n in counts if mode < n <= mode + slack and counts[n] >= 2]
    width = max([mode, *above], key=lambda n: (reach(n), n))
    full = reach(width)
    over = sum(1 for n in long if n > width)
    if full >= max(_MIN_FULL, _SHARE * len(long)) and over <= _OVER * len(long):
        return width
    return None


class Page:
    """The width the text was wrapped at, in characters and in columns
    (None: not wrapped, one paragraph per line).  A plain class: segment's
    own record, built once per notice; an attrs class costs every process
    its build (~1M instructions, benchmarks/README.md)."""

    __slots__ = ("chars", "columns")

    def __init__(self, *, chars: int | None = None, columns: int | None = None) -> None:
        self.chars = chars
        self.columns = columns

    def __eq__(self, other: object) -> bool:
        if type(other) is not Page:
            return NotImplemented
        return (self.chars, self.columns) == (other.chars, other.columns)

    def __hash__(self) -> int:
        return hash((self.chars, self.columns))

    def __repr__(self) -> str:
        return f"Page(chars={self.chars!r}, columns={self.columns!r})"

    @classmethod
    def of(cls, texts: Sequence[str]) -> Page:
        texts = [t.strip() for t in texts if t.strip()]
        return cls(
            chars=_width([len(t) for t in texts], _SLACK, _LONG),
            columns=_width([_columns(t) for t in texts], 2 * _SLACK, 2 * _LONG),
        )

    @property
    def wrapped(self) -> bool:
        return self.chars is not None or self.columns is not None

    def full(self, text: str) -> bool:
        """The line reaches the page's right edge (within an indent)."""
        text = text.strip()
        return (self.chars is not None and len(text) >= self.chars - _SLACK) or (
            self.columns is not None and _columns(text) >= self.columns - 2 * _SLACK
        )


NO_PAGE = Page()


def awaits_value(text: str) -> bool:
    """The text ends on a label with no value yet: …。责任单位： / 牵头单位："""
    text = text.rstrip()
    if not text.endswith(("：", ":", "】", "〕")):
        return False
    return any(m.end() == len(text) for m in label_pattern().finditer(text[-40:]))


_ITEM_SEPARATORS = lazy_compile(r"[、，,；;：:\s]")
# Where the first name of a line ends: a separator or a bracket
# (化广电和旅游厅（除标注…）: the name is 化广电和旅游厅).
_NAME_EDGE = lazy_compile(r"[、，,；;：:\s（(〔【]")

# An inner list marker standing last on a line, after a sentence or an
# annotation closed: （A负责）(2) / 。② / ；3、 — its item's words are on the next line.
_MARKER_LAST = lazy_compile(
    r"""(?:^|[。；;！？）)〕】\]])            # after a sentence end or a closing bracket
        (?:[（(]\d{1,2}[）)]|[①-⑳]|\d{1,2}[.、．])   # (2) （2） ② 2. 2、
        $""",
    flags=VERBOSE,
)


def ends_on_marker(text: str) -> bool:
    """The line ends on an inner list marker: `…（A负责）(2)`."""
    text = text.rstrip()
    # Every such marker ends in a closing bracket, a circled number, or a
    # dot or 、: most lines end otherwise, told before the pattern (a
    # search to the end of the line).
    last = text[-1:]
    if last not in _MARKER_LAST_ENDS and not "①" <= last <= "⑳":
        return False
    return _MARKER_LAST.search(text) is not None


_MARKER_LAST_ENDS = frozenset("）).、．")


def name_cut(last: str, line: str) -> bool:
    """The line break cut a unit's name: `last` ends on no department name
    (省交通, 甲市经开区, 各: no ending of data/units.toml `endings`) and with the
    start of `line` it makes a name (省交通 + 运输厅、…) or a place (各 + 县、…:
    [look] endings); or `line` starts with one character that ends the name
    `last` ends on (新城区管委 + 会: a name is never one character)."""
    tail = _ITEM_SEPARATORS.split(last.rstrip())[-1]
    head = _NAME_EDGE.split(line.strip(), maxsplit=1)[0].rstrip("。.")
    if not tail or not head:
        return False
    name = tail + head
    if len(head) == 1 and names_only_units([name]):
        return True  # 新城区管委 + 会: no name is one character, so 会 ends one
    if names_only_units([tail]):
        return False
    return names_only_units([name]) or name.endswith(tuple(load("units")["look"]["endings"]))


def phrase_cut(last: str, line: str) -> bool:
    """县发展改革局、园区党工 / 委负责。: a role phrase on a line of its own
    whose unit's name the line break cut, on a copy with no page width to
    tell.  Only where `last` is no sentence and no label, the two lines make
    one phrase (segment.annotations.parse_phrase) naming only units, one of
    which `last` ends inside of, and the cut shows: a whole unit before it in
    the list, or a piece after it that no name starts with (委, 运输局 — not
    县财政局, which starts with a level of government: data/units.toml
    `suffix_heads`; 推进项目建设 / 县财政局负责。 is a title, then a phrase)."""
    last, line = last.strip(), line.strip()
    if not last or not line or any(map(last.__contains__, ENDS)) or is_label_line(last):
        return False
    *before, tail = _ITEM_SEPARATORS.split(last)
    if not tail or names_only_units([tail]) or (before and not names_only_units(before)):
        return False
    ann = parse_phrase((last + line).split("。", 1)[0])
    if ann is None or not ann.names_units or not names_only_units([*ann.lead, *ann.support]):
        return False
    names = [i for v in (*ann.lead, *ann.support) for i in _ITEM_SEPARATORS.split(v)]
    cut = next((n for n in names if n.startswith(tail) and len(n) > len(tail)), None)
    if cut is None:
        return False
    return bool(before) or cut[len(tail)] not in load("units")["suffix_heads"]


# Where a unit's name starts or ends inside a list: a separator, a label's
# colon, a bracket, a sentence end, or the space a portal puts between names.
_ITEM_EDGE = lazy_compile(r"[、，,；;：:。（(）)\s]")
# What stands before the first name of a list, or between two: a label's
# colon (责任单位：…) or a space.
_LIST_START = ("：", ":", " ", "\u3000", "\u00a0", "\t")


def units_apart(last: str, line: str, *, in_bracket: bool = False) -> tuple[str, str] | None:
    """区科技局 / 区统计局 区财政局: the line break fell on the space between
    two names of a list (the copy wrapped there and lost the space), not
    inside one name.  The two names that meet at the break, or None: `last`
    ends on a whole unit and `line` starts with one (segment.annotations
    `names_only_units`), each of which starts with a level of government
    (data/units.toml `suffix_heads`: 区, 县, 市 …) or stands beside a space
    or a label's colon on its far side (责任单位：商务局 / 工信局 市场监管局).
    A name the page cut (区人力资源和社会 / 保障局: [wrap] `no_end`) or a
    branch written after its parent (区市场监督管理局 / 城东分局: [wrap]
    `branches`) stays one.  `in_bracket`: the break falls inside an open
    annotation bracket, where the second name may close its clause with a
    role marker (（县甲局牵头，县乙局 / 县丙局配合）)."""
    last, line = last.rstrip(), line.strip()
    before = after = None
    for before in _ITEM_EDGE.finditer(last):
        pass
    head = last[before.end() :] if before is not None else last
    after = _ITEM_EDGE.search(line)
    tail = line[: after.start()] if after is not None else line
    units = load("units")
    heads, wrap = units["suffix_heads"], units["wrap"]
    if (
        min(len(head), len(tail)) < wrap["min_chars"]
        or not (head[0] in heads or (before is not None and before[0] in _LIST_START))
        or not (tail[0] in heads or (after is not None and after[0].isspace()))
        or head.endswith(tuple(wrap["no_end"]))
        or (tail.endswith(tuple(wrap["branches"])) and tail[0] != head[0])
        or not names_only_units([head, _without_marker(tail) if in_bracket else tail])
        # 各县 / 市区政府按职责分工负责: a level ends no name of a list there.
        or (in_bracket and head[-1] in heads)
    ):
        return None
    return head, tail


def _without_marker(name: str) -> str:
    """县己局配合 → 县己局: a role marker closing the phrase the line goes on
    with (（县丁局牵头，县戊局 / 县己局配合）) is no part of the name."""
    p = load("annotations")["phrases"]
    markers = sorted(
        (*p["lead_marker"], *p["support_markers"], *p["shared_markers"]), key=len, reverse=True
    )
    end = next((m for m in markers if name.endswith(m) and len(name) > len(m)), "")
    return name[: len(name) - len(end)]


def _spaced_on(last: str, line: str) -> bool:
    """A label's list written with spaces goes on over the break: `line` is
    more of it (`责任单位：区科技局` / `区统计局 区财政局`: names apart by spaces,
    the first of which meets the label's last name, units_apart).  A lone
    name under a label line (a signature under the last measure) does not."""
    first = _ITEM_EDGE.search(line.strip())
    return first is not None and first[0].isspace() and units_apart(last, line) is not None


def goes_on(
    last: str, line: str, *, depth: int, label: bool, page: Page = NO_PAGE, before: str = ""
) -> bool:
    """Whether `line` goes on with the paragraph read so far: `last` its
    last line, `depth` its brackets still open, `label` whether it started
    with a label, `before` the marker the caller took off `last`'s line
    (it filled the page too).  The caller has already taken a marker line
    as the start of an item."""
    last = last.rstrip()
    if not last:
        return False
    if line.startswith(CONTINUES) or _LIST_TAIL.match(line.strip()) or _role_tail().match(line):
        return True
    if depth > 0:
        # A PDF breaks an annotation where the page ends (specimen 43), and
        # its second label may start the next line (（牵头单位：A， / 配合单位：B）).
        return True
    if is_label_line(line):
        return False
    if ends_on_marker(last):
        # A marker is never a line's last word: the page broke its item there.
        return True
    if awaits_value(last):
        return not line.startswith(tuple(OPENERS))
    full = page.full(before + last)
    if label:
        # A label's value ends at its sentence end, whatever the page.
        edge = full and not last.endswith(SENTENCE_ENDS)
        return not line.startswith(tuple(OPENERS)) and (
            last.endswith(_LIST_OPEN) or edge or name_cut(last, line) or _spaced_on(last, line)
        )
    if full:
        # A full line was broken by the page, not by the writer, however it
        # ends: a paragraph that ends exactly at the edge is rarer than a
        # sentence that does, and joining two paragraphs of one item loses
        # nothing (each annotation still ends its task).
        return True
    if len(last) < WRAPPED_MIN:
        return phrase_cut(last, line)
    return not last.endswith(ENDS) and not line.startswith(tuple(OPENERS))

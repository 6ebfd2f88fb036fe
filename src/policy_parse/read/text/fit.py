"""How well a cell's text fits each kind of column: the aligner's scores.

A cell is described by its `Shape` (a bare number, a number glued to text
``14.改扩建…``, a group title ``一、…``, a list of units, a person's name, a
deadline, a sentence, ``/`` or ``—`` for empty), and each column kind prices
each shape (`cost`): 0 for what the kind holds, a few points for what it may
hold, much more for what it never holds.  The prices are rough costs in the
manner of negative log odds; the aligner adds them up with the prices of
gaps and separators and keeps the cheapest alignment.

Words (unit endings, deadline words, role markers, position words) come from
data/units.toml, data/deadlines.toml, data/annotations.toml.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import TYPE_CHECKING

import attrs

from ..._support.lazy_regex import compile_cached, escape, lazy_compile
from ..._support.memo import text_cache
from ...data import load
from .header import Kind

if TYPE_CHECKING:
    import regex

__all__ = ["EMPTY_COST", "Shape", "cost", "shape_of", "surplus_cost", "title_cost"]

_CN = "〇零一二两三四五六七八九十百"
_NUMBER = lazy_compile(r"^\d{1,4}(?:\s*[-－—.．]\s*\d{1,3})*\s*[.．、]?$")
_MARKER = lazy_compile(
    rf"^(?:[（(]\s*[{_CN}\d]+\s*[）)]|[{_CN}]+\s*、|第[{_CN}]+(?:部分|章|节|条)?)$"
)
# A text opening with its row's number, in any of the ways a clerk writes one:
# 3. 3、 3.1. (3) 3) 第3项 第三项 (and ③, looked for before NFKC folds it to 3).
_NUMBERED = lazy_compile(
    rf"^(?:\d{{1,3}}(?:[-.．]\d{{1,3}})?\s*[.．、](?!\d)|[（(]\d{{1,3}}[）)]|\d{{1,3}}\s*[）)]"
    rf"|第\s*(?:\d{{1,3}}|[{_CN}]{{1,4}})\s*项)\s*\S"
)
# Circled numbers (①–⑳, ㉑–㊿, ❶–➓): a row's number when one opens a text.
_CIRCLED = lazy_compile(r"^[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf\u2776-\u2793]\s*[、.．]?\s*\S")
_TITLED = lazy_compile(rf"^(?:[{_CN}]+\s*、|[（(]\s*[{_CN}]+\s*[）)]|第[{_CN}]+部分)\s*\S")
_ITEM_SEP = lazy_compile(r"[、，,；;\n]+|\s{1,}")
_DATE = lazy_compile(
    r"(?:\d{2,4}\s*年|\d{1,2}\s*个?\s*月|年底|月底|年末|季度|上半年|下半年|全年|年内|底前|前完成|"
    r"\d{4}\s*[-—–~至]\s*\d{4})"
)
_SENTENCE_INSIDE = lazy_compile(r"[。！？；;]\s*\S")
_HAN = lazy_compile(r"\p{Han}")
_PERSON = lazy_compile(r"^\p{Han}{2,4}$")
# A name that starts here after another's ending is a second name (县甲局县乙局).
_LEVELS = "省市区县镇乡"
# A unit named alone is rarely longer (国家税务总局某某市税务局 has 12).
_SINGLE_UNIT_MAX = 14


@functools.cache
def _words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    units = load("units")
    endings = tuple(sorted({*units["endings"], *units["look"]["endings"]}, key=len, reverse=True))
    ann = load("annotations")
    phrases = ann["phrases"]
    markers = tuple(
        sorted(
            {
                *phrases["lead_marker"],
                *phrases["support_markers"],
                *phrases["shared_markers"],
                "负责",
                "等",
            },
            key=len,
            reverse=True,
        )
    )
    deadlines = load("deadlines")
    timing = tuple(
        {*deadlines["ongoing"], *deadlines["recurring"], "常态", "定期", "适时", "立即", "逐步"}
    )
    persons = tuple(ann["leaders"]["words"])
    return endings, markers, timing, persons


@functools.lru_cache(maxsize=2)
def _timing(words: tuple[str, ...]) -> regex.Pattern[str]:
    """Any of the timing words (常态, 定期 …) inside a cell, in one search
    (from the pattern cache: the txt path never loads regex's compiler)."""
    return compile_cached("|".join(escape(w) for w in sorted(words, key=len, reverse=True)))


@functools.cache
def _verbs() -> tuple[str, ...]:
    return tuple(load("columns")["cells"]["text_verbs"])


@functools.cache
def _unit_endings() -> tuple[str, ...]:
    """Endings of a department's name proper (局, 办, 委 …), not of a place."""
    return tuple(load("units")["endings"])


@functools.cache
def _placeholders() -> tuple[str, frozenset[str]]:
    p = load("units")["placeholders"]
    return p["characters"], frozenset(p["words"])


@functools.cache
def _references() -> frozenset[str]:
    """A cell that stands for the units of the row above (data/annotations.toml [references])."""
    return frozenset(load("annotations")["references"]["above"])


@attrs.frozen(kw_only=True)
class Shape:
    empty: bool = False
    number: bool = False  # 1 / 36-1 / 3.1 / 1.
    marker: bool = False  # （一） / 一、 / 第一部分, alone
    numbered: bool = False  # 1.推行… / （1）推行…
    titled: bool = False  # 一、… / （一）… / 第一部分…
    units: float = 0.0  # share of list items ending like a unit
    others: int = 0  # list items that do not
    items: int = 0
    person: bool = False
    deadline: bool = False
    length: int = 0  # characters, without spaces
    sentence: bool = False


_OPENERS = "(（〔【["
_TO_SPACE = str.maketrans(dict.fromkeys("、，,；;\n", " "))


def _items(text: str) -> list[str]:
    """A list cut at 、，；, line breaks and spaces, not inside brackets
    (相关县(市、区)政府 is one item)."""
    for b in _OPENERS:
        if b in text:
            break
    else:
        # No bracket: every separator cuts (str.split() cuts at what isspace() is).
        return text.translate(_TO_SPACE).split()
    out: list[str] = []
    depth = 0
    start = 0
    for k, ch in enumerate(text):
        if ch in "(（〔【[":
            depth += 1
        elif ch in ")）〕】]":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch in "、，,；;\n" or ch.isspace()):
            out.append(text[start:k])
            start = k + 1
    out.append(text[start:])
    return [i for i in out if i]


def _strip_markers(item: str, markers: tuple[str, ...]) -> str:
    """县甲局牵头 → 县甲局, 县乙局等 → 县乙局: a role word ending the item.
    The longest marker shorter than the item goes first, as in a scan of
    `markers` longest first; looked up by suffix length, not marker by marker."""
    by_length = _by_length(markers)
    changed = True
    while changed and item:
        changed = False
        size = len(item)
        for length, words in by_length:
            if size > length and item[-length:] in words:
                item = item[:-length]
                changed = True
                break
    return item


@functools.lru_cache(maxsize=8)
def _by_length(markers: tuple[str, ...]) -> tuple[tuple[int, frozenset[str]], ...]:
    """`markers` grouped by length, longest first (two markers of one length
    cannot both end an item, so the order inside a group does not matter)."""
    lengths = sorted({len(m) for m in markers if m}, reverse=True)
    return tuple((n, frozenset(m for m in markers if len(m) == n)) for n in lengths)


@text_cache(maxsize=65536)
def _unit_like(item: str, longest: int = 30) -> bool:
    """Does `item` name a unit?  Kept per item: unit names repeat through a
    table (the same 县甲局 on most rows), and the words judged by are fixed."""
    endings, markers, _, _ = _words()
    item = item.strip("。.（）()【】[] ")
    if "(" in item or "（" in item:
        # 各县(区)政府, 县委组织部（县委人才办）: judge the name around the bracket.
        head = item.split("(")[0].split("（")[0]
        tail = item.replace(")", "）").rsplit("）", 1)[-1]
        item = head + tail if tail else head
    item = _strip_markers(item, markers)
    # A figure is no part of a name (建设停车场10处 ends like 处 but counts places),
    # and no name opens with a verb (data/columns.toml [cells] text_verbs).
    # (Plain loops rather than any() over a generator: this runs once per
    # distinct item, some 8,000 times in a 2,000-row table, and a generator
    # costs more than the few characters it looks at.)
    for ch in item:
        if ch.isdigit():
            return False
    if item.startswith(_verbs()):
        return False
    if not (2 <= len(item) <= longest and item.endswith(endings)):
        return False
    # Two names glued where a line break parted them (县甲局县乙局).
    size = len(item)
    for p in range(2, size - 2):
        if item[p] in _LEVELS and item[:p].endswith(_unit_endings()) and size - p >= 3:
            return False
    return True


@text_cache(maxsize=65536)
def shape_of(text: str) -> Shape:
    s = unicodedata.normalize("NFKC", text).strip()
    chars, words = _placeholders()
    # (s.strip(chars) is empty when every character is a placeholder.)
    if not s or not s.strip(chars) or s in words:
        return Shape(empty=True)
    compact = "".join(s.split())
    length = len(compact)
    if compact in _references():
        # 同上 / 〃 in a units cell: the row above's units (normalize/same_as.py).
        return Shape(units=1.0, items=1, length=length)
    if _NUMBER.match(s):
        return Shape(number=True, length=length)
    if _MARKER.match(compact):
        return Shape(marker=True, length=length)
    _, _, timing, persons = _words()
    items = _items(s)
    # A name alone is short; a sentence may end like one (…创新中心。).
    longest = 30 if len(items) > 1 else _SINGLE_UNIT_MAX
    unit_items = 0
    for item in items:
        if _unit_like(item, longest):
            unit_items += 1
    share = unit_items / len(items) if items else 0.0
    deadline = length <= 24 and (bool(_DATE.search(s)) or bool(_timing(timing).search(s)))
    person = False
    if not unit_items and not deadline:
        names = [i for i in _ITEM_SEP.split(s.replace(" ", "")) if i] if " " not in s else [compact]
        person = bool(names) and all(
            _PERSON.match(n) or (len(n) <= 10 and n.endswith(persons)) for n in names
        )
    sentence = bool(_SENTENCE_INSIDE.search(s)) or length >= 16
    return Shape(
        numbered=bool(_NUMBERED.match(s) or _CIRCLED.match(text.strip())),
        titled=bool(_TITLED.match(s)),
        units=share,
        others=len(items) - unit_items,
        items=len(items),
        person=person,
        deadline=deadline,
        length=length,
        sentence=sentence,
    )


# The price of a written empty cell (nothing, / or —) in each kind.
EMPTY_COST = {
    Kind.NUMBER: 1.2,
    Kind.TEXT: 3.0,
    Kind.GROUP: 0.4,
    Kind.LEAD: 0.6,
    Kind.SUPPORT: 0.3,
    Kind.PERSONS: 0.4,
    Kind.DEADLINE: 0.4,
    Kind.EXTRA: 0.1,
}


def _is_units(sh: Shape) -> bool:
    """Every item names a unit."""
    return sh.items > 0 and sh.others == 0 and not sh.numbered and not sh.titled


def cost(sh: Shape, kind: Kind) -> float:
    """The price of a cell of shape `sh` in a column of kind `kind`."""
    if sh.empty:
        return EMPTY_COST[kind]
    if sh.length == 1 and not sh.number:
        # One character alone is a piece of a cell cut by a line break (…资源 / 局).
        return 1.5 + _cost(sh, kind)
    return _cost(sh, kind)


def _cost(sh: Shape, kind: Kind) -> float:
    if kind is Kind.NUMBER:
        return 0.0 if sh.number else 0.6 if sh.marker else 7.0
    if sh.number:
        # A bare number is a 序号 (or a page number); a year alone may be a deadline.
        return 3.5 if kind in (Kind.DEADLINE, Kind.EXTRA) else 7.0
    if kind is Kind.TEXT:
        if sh.numbered:
            return 0.0
        if sh.marker:
            return 5.0
        if _is_units(sh):
            return 3.5 if sh.length <= 20 else 2.0
        if sh.person:
            return 4.0
        if sh.deadline and sh.length <= 12:
            return 3.0
        if sh.titled:
            return 1.2
        return 0.0 if sh.length >= 10 else 0.6 if sh.length >= 5 else 2.0
    if kind is Kind.GROUP:
        if sh.titled or sh.marker:
            return 0.0
        if sh.numbered:
            return 4.0
        if _is_units(sh):
            return 3.0
        if sh.person:
            return 2.0
        if sh.deadline and sh.length <= 12:
            return 3.0
        return 0.4 if sh.length <= 20 else 1.2 if not sh.sentence else 2.0
    if kind in (Kind.LEAD, Kind.SUPPORT):
        if sh.numbered or sh.titled or sh.marker:
            return 6.0
        if _is_units(sh):
            return 0.0
        if sh.units >= 0.5:
            # A unit list with a stray item: a name cut by a line break, or
            # another cell's text glued on.
            return min(5.0, 0.6 + 1.4 * sh.others)
        if sh.person:
            return 3.0
        if sh.deadline:
            return 4.5
        return 2.5 if sh.length <= 8 else 5.0 if sh.sentence else 3.5
    if kind is Kind.PERSONS:
        if sh.person:
            return 0.0
        if sh.numbered or sh.titled or sh.marker:
            return 6.0
        if _is_units(sh):
            return 3.0
        return 2.0 if sh.length <= 8 else 5.0
    if kind is Kind.DEADLINE:
        if sh.deadline:
            return 0.0
        if sh.numbered or sh.titled or sh.marker:
            return 6.0
        if _is_units(sh):
            return 4.0
        return 1.5 if sh.length <= 8 else 4.0
    # EXTRA: a column no list names holds anything, a remark most often; a
    # list of units, a person or a deadline more likely belongs elsewhere.
    if _is_units(sh) or sh.person or sh.deadline:
        return 2.0
    return 1.0 if sh.length <= 30 else 1.5


def title_cost(sh: Shape) -> float:
    """The price of a cell standing alone as a row (a group title)."""
    if sh.empty or sh.number:
        return 9.0
    if sh.titled or sh.marker:
        return 0.3
    if sh.numbered or _is_units(sh) or sh.person or sh.deadline:
        return 5.0
    if sh.sentence:
        return 1.8  # a sentence alone may as well be a row's text under merged cells
    return 1.2 if sh.length <= 40 else 2.5


def surplus_cost(sh: Shape) -> float:
    """The price of a cell placed in no column (a row with one cell too many)."""
    return 1.5 if sh.empty else 8.0

"""Outline markers: 一、 / （一） / 1. / （1） / 36-1 … at the start of a line.

A bare number and a space (1 推进…, a PDF copy that lost the dot) is `1.`
before a verb that opens a measure, or where such lines count on from one
another in the notice (`counted_bare_numbers`: 1 努力…, 2 规模…, 3 固定…).

The line's start goes through one normalisation (NFKC plus
grammar.MARKER_FOLD) before grammar.MARKER sees it, so look-alikes (１．,
1﹒, ⑴, 1。) are the common styles; dates and times are never markers.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from .._support.chinese_numerals import cn_to_int
from .._support.lazy_regex import lazy_compile
from .._support.memo import text_cache
from .._support.records import NamedTuple
from ..data import load
from ..models import Span
from . import grammar as g
from .bullets import Bulleted, bullet_end, counted_bullets
from .header import Line
from .ordinals import counted_ordinals, ordinal


class Marked(NamedTuple):
    style: str
    number: str  # digits, "36-1" for sub-forms
    written: str  # the marker as written, e.g. "36-1." or "（一）"
    rest: str
    line: Line


_FOLD_WINDOW = 24  # markers are short: only the line's start is folded


def _fold(text: str) -> tuple[str, list[str] | None]:
    """The line's start through one normalisation (NFKC plus MARKER_FOLD),
    and what each of its characters became (for `_source_end`; None when
    every one stays itself, as in most lines: tested in C)."""
    head = text[:_FOLD_WINDOW]
    if _SAME.issuperset(head):
        return head, None
    if _ONE.issuperset(head):
        # （一） → (一): each character folds to one, so every index stays
        # where it was (no parts needed); str.translate folds them in C.
        return head.translate(_TABLE), None
    parts = [_FOLDED.get(ch) or _fold_char(ch) for ch in head]
    return "".join(parts), parts


# Character → its folded form, filled as characters are met: a notice uses a
# few hundred distinct characters and every line start is folded.  Those
# that fold to themselves are also in _SAME; those that fold to one
# character in _ONE, their folds in _TABLE (for str.translate).
_FOLDED: dict[str, str] = {}
_SAME: set[str] = set()
_ONE: set[str] = set()
_TABLE: dict[int, str] = {}


def _fold_char(ch: str) -> str:
    folded = g.MARKER_FOLD.get(ch) or unicodedata.normalize("NFKC", ch)
    if len(_FOLDED) < 65536:
        _FOLDED[ch] = folded
        if folded == ch:
            _SAME.add(ch)
        if len(folded) == 1:
            _ONE.add(ch)
            _TABLE[ord(ch)] = folded
    return folded


def _source_end(parts: list[str] | None, folded_end: int) -> int:
    """The index in the text of the character whose folded form holds
    position `folded_end` (the end of the window past the last one)."""
    if parts is None:  # nothing folded: the same index
        return folded_end
    seen = 0
    for k, part in enumerate(parts):
        seen += len(part)
        if seen > folded_end:
            return k
    return len(parts)


# The lines of the notice being segmented whose bare number counts on from
# its neighbours' (`counted_bare_numbers`), set by `counting` for one call of
# segment(): whether `1 稳步提高…` is a marker depends on the lines around it.
_COUNTED: ContextVar[frozenset[str]] = ContextVar("counted_bare_numbers", default=frozenset())
# … and the lines opening 一是, 二是 … that count on (segment/ordinals.py).
_ORDINALS: ContextVar[frozenset[str]] = ContextVar("counted_ordinals", default=frozenset())
_BULLETS: ContextVar[dict[str, Bulleted]] = ContextVar("counted_bullets", default={})  # noqa: B039
# 1 推进… (the dot lost, a space left) or 1推进… (1． lost whole: no space).
_BARE = lazy_compile(r'^[ \t\u3000]*(\d{1,3})(?:[ \t\u3000]+|(?=\p{Han}))(?=[\p{Han}“"《])')
_DOTTED = lazy_compile(r"^[ \t\u3000]*1[ \t\u3000]*[.．、](?!\d)")  # 1. / 1、 as a marker
_ALONE = lazy_compile(r"^[ \t\u3000]*(\d{1,3})[ \t\u3000]*$")
_HAN_FIRST = lazy_compile(r'[\p{Han}“"《]')
_CHAIN = 3  # fewer lines counting on may be figures a wrap put first


def counted_bare_numbers(texts: Iterable[str]) -> frozenset[str]:
    """The lines opening with a bare number and a space whose numbers count
    on, n, n+1, n+2 … in reading order, at least `_CHAIN` of them (or 1, 2):
    a list a PDF copy took the dots from, whatever its measures' first words.
    A figure a wrap put first (30 个, 2 万元) starts no list."""
    figures = tuple(load("header")["figure_words"])
    # Each open list under the number it expects next: (its first number, its lines).
    chains: dict[int, tuple[int, list[str]]] = {}
    texts = list(texts)
    # Where the notice writes its numbers with a dot (1. / 1、) too, a number
    # glued to text or alone is a table's row flattened by a PDF
    # (1推行…县甲局县乙局), not a list that lost its dots.
    # (▶ 1.… too: a bullet decorating the marker, segment/bullets.py.)
    dotted = any(_DOTTED.match(t) or _DOTTED.match(t[bullet_end(t) or 0 :]) for t in texts)
    for k, text in enumerate(texts):
        m = _BARE.match(text)
        if m is not None and dotted and m[0][-1:].isdigit():
            continue
        if m is None and not dotted and (m := _ALONE.match(text)) is not None:
            # 1 alone on its line, the measure's text on the next (a copy
            # that lost the dot and broke the line after the number).
            after = texts[k + 1].lstrip() if k + 1 < len(texts) else ""
            if not after[:1] or not _HAN_FIRST.match(after):
                continue
        if m is None:
            continue
        glued = text[m.end() : m.end() + 1]
        if glued and m[0][-1:].isdigit() and glued in load("header")["glued_counters"]:
            continue  # 30个项目: a count glued to its word, no number of a list
        n = int(m[1])
        chain = chains.pop(n, None)
        if chain is None:
            if text[m.end() :].startswith(figures):
                continue  # 30 个: may go on a list (2 万元地区生产总值能耗…), never start one
            chain = (n, [])
        chain[1].append(text)
        longer = chains.get(n + 1)
        if longer is None or len(longer[1]) < len(chain[1]):
            chains[n + 1] = chain
    found = frozenset(
        text
        for first, lines in chains.values()
        if len(lines) >= _CHAIN or (first == 1 and len(lines) > 1)
        for text in lines
    )
    return found | _sandwiched(texts, found) if dotted else found


def _sandwiched(texts: Sequence[str], counted: frozenset[str]) -> frozenset[str]:
    """Lines opening with a bare number n, the dot lost on that one item
    alone (a keycap 5️⃣ a PDF's font drew as 5, a slip), between the items
    numbered n-1 and n+1 in one style of dotted marker: 4. / 5 发布… / 6.
    Read otherwise, item 5 was the second task of item 4 (4-2), unsaid."""
    bare = [k for k, t in enumerate(texts) if t not in counted and _BARE.match(t)]
    if not bare:
        return frozenset()
    figures = tuple(load("header")["figure_words"])
    glued_counters = load("header")["glued_counters"]
    marked = {
        k: m
        for k, t in enumerate(texts)
        if (m := _match_marker(t, False)) is not None and m.style in ("ar_dot", "ar_dun")
    }
    found: set[str] = set()
    for k in bare:
        b = _BARE.match(texts[k])
        assert b is not None
        rest = texts[k][b.end() :]
        if rest.startswith(figures) or rest[:1] in glued_counters:
            continue  # 5 个项目 / 30个: a figure a wrap put first
        before = max((j for j in marked if j < k), default=None)
        after = min((j for j in marked if j > k), default=None)
        if before is None or after is None:
            continue
        n, below, above = int(b[1]), marked[before], marked[after]
        if below.style == above.style and (below.number, above.number) == (str(n - 1), str(n + 1)):
            found.add(texts[k])
    return frozenset(found)


@contextmanager
def counting(texts: Iterable[str]) -> Iterator[None]:
    """Within the block, a line in `counted_bare_numbers(texts)` is a marker."""
    texts = list(texts)
    counted = counted_bare_numbers(texts)
    token = _COUNTED.set(counted)
    ordinals = _ORDINALS.set(counted_ordinals(texts))
    # ● lines (segment/bullets.py), numbered again after any other marker.
    bullets = _BULLETS.set(
        counted_bullets(
            texts,
            lambda t: _match_marker(t, t in counted) is not None or t in _ORDINALS.get(),
        )
    )
    try:
        yield
    finally:
        _BULLETS.reset(bullets)
        _ORDINALS.reset(ordinals)
        _COUNTED.reset(token)


def match_marker(text: str) -> Marked | None:
    ordinals = _ORDINALS.get()
    if ordinals and text in ordinals:
        return _ordinal_marker(text)
    bullets = _BULLETS.get()
    if bullets and (b := bullets.get(text)) is not None:
        return _counted_marker("bullet", b.number, b.bullet, b.rest, text)
    counted = _COUNTED.get()
    return _match_marker(text, bool(counted) and text in counted)


# Every marker of g.MARKER opens, past its spaces, with 第, a numeral, a
# digit, a circled number or an opening bracket, and after the bracket (and
# its spaces) comes a numeral or a digit.  A text whose first character
# past the spaces — or past an opening bracket — is any other CJK unified
# ideograph (U+4E00–U+9FFF, each its own NFKC form, none in MARKER_FOLD) has
# none: most lines, and most places split_run_on_items looks at (an
# annotation's bracket, （牵头单位：…）), told without folding the text or
# trying the pattern.  A space after the bracket, or an indent longer than
# the few characters looked at, leaves the question to the pattern.
_MARKER_HAN = frozenset("第〇零一二两三四五六七八九十百")
_OPENING = frozenset("(（")


def _no_marker_at(text: str) -> bool:
    head = text[:8].lstrip()
    first = head[:1]
    if first in _OPENING:
        first = head[1:2]
    return "\u4e00" <= first <= "\u9fff" and first not in _MARKER_HAN


def _ordinal_marker(text: str) -> Marked:
    """一是推进… as an item marked 一是 (style `cn_shi`), numbered 1."""
    o = ordinal(text)
    assert o is not None
    return _counted_marker("cn_shi", o.number, o.written, o.rest, text)


def _counted_marker(style: str, number: int, written: str, rest: str, text: str) -> Marked:
    """A marker the parser numbered by counting (bullets, 一是 …), not read."""
    return Marked(
        style=style, number=str(number), written=written, rest=rest, line=Line(text, Span())
    )


def _match_marker(text: str, counted: bool) -> Marked | None:
    if _no_marker_at(text):
        return None
    found = _read_marker(text, counted)
    if found is None and (start := bullet_end(text)) is not None:
        # ▶ 1.【…】… / ◆ 一、…: a bullet a WeChat article or a web page sets
        # before the notice's own marker decorates it (specimen 182).
        found = _read_marker(text[start:], counted)
    return found


# Segmenting asks about most lines twice (where the plan starts, then the
# outline itself); the answer depends on the text (and `counted`) alone.
# Room for every line of a notice of 10,000 measures: a smaller cache,
# overrun, misses every second question (benchmarks/README.md, Scaling).
@text_cache(65536)
def _read_marker(text: str, counted: bool) -> Marked | None:
    folded, parts = _fold(text)
    m = g.MARKER.match(folded)
    if m is None:
        return None
    for style in g.STYLES:  # a loop: next() of a generator stopped early closes it by an exception
        if m[style] is not None:
            break
    else:  # never: MARKER matches through one style's group
        raise StopIteration
    raw = m[style]
    if style in ("part_word", "article", "cn_dun", "cn_paren"):
        number = str(cn_to_int(raw))
    elif style == "circled":
        number = str(int(unicodedata.numeric(raw)))  # ⑫ → 12, ❸ → 3
    else:
        pieces = [p.strip() for p in _number_parts(raw)]
        if _is_date(pieces, text[_source_end(parts, m.end()) :]):
            return None  # 2023-01-05, 13.03.2015: a date, never a marker
        number = "-".join(p for p in pieces if p)
    end = _source_end(parts, m.end())
    rest = text[end:].strip()
    card = style == "ar_dot" and _CARD.match(m[0]) is not None
    if card:
        if _BAR_AFTER.search(rest):
            return None  # 1 | 推行… | 县甲局: a row of `|` cells, no marker
        number = str(int(number))  # 01｜ / NO.1: the card's number
    if style == "ar_dot" and m[0][-1:].isdigit() and not counted and not card:
        return None  # 1推进 / 30个: a number glued to text counts only in a list of them
    if (
        style == "ar_dot"
        and m[0].rstrip()[-1:].isdigit()
        and not counted
        and not card
        and not _opens_a_task(rest)
    ):
        return None  # 30 个 / 2 产业发展: a lone number and a space, not before a verb
    if style == "ar_dec" and _is_figure(pieces, rest):
        return None  # 3.0版本 / 2.5万元: a wrapped line that starts with a figure
    if style == "ar_sub" and any(p[0] == "0" for p in pieces[1:] if p):
        return None  # 1-03-24: the tail of a date the page wrapped (no sub-number is 03)
    if g.CLOCK_AFTER.match(rest):
        return None  # 13.03 07:51: a time
    if style in ("ar_dun", "cn_dun") and _counts_on(int(number), rest):
        return None  # 3、4月份 / 一、二季度: a wrapped line that starts with figures
    return Marked(
        style=style,
        number=number,
        written=_written(text[:end], style),
        rest=rest,
        line=Line(text, Span()),
    )


# A marker a card writes (grammar.MARKER): 01｜标题, 01丨…, NO.1 / No.1：,
# numbered as 1.; the bar or the NO. is the dot (left10).
_CARD = lazy_compile(r"^\s*(?:\d{1,3}\s*[|丨]|(?:NO|No|no)\s*\.)")
_BAR_AFTER = lazy_compile(r"[|｜丨]")


def _written(marker: str, style: str) -> str:
    """The marker as written, without the space around it — but a bare
    number keeps the one space that parts it from its text (`1 ` of
    `1 稳步提高…`): with it gone, a heading put back together reads 1稳步."""
    written = marker.strip()
    tail = marker[len(marker.rstrip()) :]
    if style == "ar_dot" and written[-1:].isdigit() and tail:
        return written + tail[0]
    return written


def _opens_a_task(rest: str) -> bool:
    """1 推进数字政府建设: text after a bare number and a space that opens like
    a measure (a verb of data/columns.toml [cells] text_verbs), as a PDF
    copy that lost the number's dot writes it.  Anything else after a bare
    number (a figure wrapped to the line's start, a heading 2 产业发展) is
    no marker."""
    return rest.startswith(tuple(load("columns")["cells"]["text_verbs"]))


def _is_date(pieces: list[str], rest: str) -> bool:
    """A year among several numbers (2023-01-05, 13.03.2015), or a lone year
    followed by a figure (2021、2022年): a date.  A lone 1900–2099 before
    text is the measure of that number in a long list (1999.…, 2000.…), which
    the numbering check reads against its neighbours like any other."""
    if not any(g.YEAR_COMPONENT.match(p) for p in pieces):
        return False
    return len(pieces) > 1 or rest.lstrip()[:1].isdigit() or rest.lstrip().startswith(("年", "月"))


def _is_figure(pieces: list[str], rest: str) -> bool:
    """A decimal that is a quantity: a sub-number is never 0 nor written 05,
    and no measure text starts with a unit of measure (data/header.toml)."""
    if any(p[0] == "0" for p in pieces[1:] if p):
        return True
    return rest.startswith(tuple(load("header")["figure_words"]))


_NEXT_NUMBER = lazy_compile(r"^(?:(?P<ar>\d{1,4})|(?P<cn>[一二两三四五六七八九十]{1,3}))")


def _counts_on(number: int, rest: str) -> bool:
    """3、4月份 · 一、二季度 · 1、2号楼: the next number straight after the
    marker's, then a word that counts months, quarters … (data/header.toml
    `enumerated_words`) — two figures in a row that a line wrap put first,
    not marker 3 (3、6月底前完成 is one)."""
    m = _NEXT_NUMBER.match(rest)
    if m is None:
        return False
    following = int(m["ar"]) if m["ar"] else cn_to_int(m["cn"])
    after = rest[m.end() :]
    return following == number + 1 and after.startswith(tuple(load("header")["enumerated_words"]))


def _number_parts(raw: str) -> list[str]:
    """36-1 / 3.1 / 13.03.2015 → its numbers (widths already folded)."""
    return [p for p in raw.replace("-", ".").split(".") if p.strip()]


def is_outline_start(text: str) -> bool:
    return match_marker(text) is not None

"""The numbers a browser draws in front of an ``<ol>``'s items.

A portal that puts its measures in an ordered list holds "推行一网通办…"
in the page and shows "1. 推行一网通办…": the number is the list's, not the
text's, as Word's automatic numbering is (read/docx/numbering.py).  Read
without it, every measure would lose its number and the notice its outline.
So each item gets the marker a browser shows, by the HTML rules:

* the count starts at the list's ``start`` (or, for ``reversed``, at the
  number of items) and an item's ``value`` resets it;
* the style is the item's, else the list's: an inline ``list-style-type``
  (or ``list-style``) first, then the ``type`` attribute (1 a A i I);
  ``none`` draws nothing;
* decimal, letters and roman numerals end in "."; the Chinese styles
  (cjk-ideographic, simp-/trad-chinese-informal) in "、", as Chromium draws them;
* an item hidden by the page is not counted (a browser skips it too).

An exporter that drops the list styles (LibreOffice's HTML export of a
Word file numbered 一、（一）1.) writes every level as a plain ``<ol>``: two
levels interleave as ``<ol>`` runs side by side, each counting on with
``start``, and a browser shows ``1.`` for both.  `plan_lists` reads the
runs back into lists (a run goes on the list whose next number is its
``start``) and, where a list's first run stands right after another list's
run with no text between, the other list is the level above it: the levels
are drawn in the 公文 styles 一、（一）1.（1）, and a run whose ``start``
repeats a list's own first number (the exporter restarting a list a
paragraph interrupted) counts on.  Either is a guess, said by a reader note
(`list_levels`, `list_continued`).

An item whose own text already starts with a number ("1.推行…", "（一）…")
gets none: the page's stylesheet, which we do not read, almost surely hides
the list's, and two numbers would be one too many.  Styles set only in a
``<style>`` sheet are not read.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable

import attrs
import regex
from lxml import etree

from .counters import format_number
from .html_css import declarations
from .limits import Limits

__all__ = ["ListPlan", "list_markers", "plan_lists"]

# HTML `type` attribute and CSS list-style-type → (Word numFmt, suffix).
_STYLES: dict[str, tuple[str, str]] = {
    "1": ("decimal", "."),
    "a": ("lowerLetter", "."),
    "A": ("upperLetter", "."),
    "i": ("lowerRoman", "."),
    "I": ("upperRoman", "."),
    "decimal": ("decimal", "."),
    "lower-alpha": ("lowerLetter", "."),
    "lower-latin": ("lowerLetter", "."),
    "upper-alpha": ("upperLetter", "."),
    "upper-latin": ("upperLetter", "."),
    "lower-roman": ("lowerRoman", "."),
    "upper-roman": ("upperRoman", "."),
    "cjk-decimal": ("ideographDigital", "、"),
    "cjk-ideographic": ("chineseCounting", "、"),
    "simp-chinese-informal": ("chineseCounting", "、"),
    "trad-chinese-informal": ("chineseCounting", "、"),
    "simp-chinese-formal": ("chineseLegalSimplified", "、"),
    "cjk-heavenly-stem": ("ideographTraditional", "、"),
    "cjk-earthly-branch": ("ideographZodiac", "、"),
    "none": ("none", ""),
}
_DECIMAL = _STYLES["1"]

# A number the item's own text already starts with: 1. 1、 （1） (一) 一、 ① 第一条.
_OWN_NUMBER = regex.compile(
    r"""[\s\u3000]*(?:
        [0-9０-９]+[\s\u3000]*[.．、,，)）]
      | [（(][\s\u3000]*(?:[0-9０-９]+|[一二三四五六七八九十百零〇两]+)[\s\u3000]*[)）]
      | [一二三四五六七八九十百零〇两]+[\s\u3000]*[、.．]
      | [\u2460-\u2473\u2474-\u2487\u2488-\u249b]
      | 第[0-9０-９一二三四五六七八九十百零〇两]+[条项章节部分点]
    )""",
    regex.VERBOSE,
)


def _style(el: etree._Element) -> tuple[str, str] | None:
    """The list style `el` sets itself, inline or by `type`, if any."""
    style = el.get("style")
    if style:
        d = declarations(style)
        for prop in ("list-style-type", "list-style"):
            for word in d.get(prop, "").split():
                if word in _STYLES:
                    return _STYLES[word]
    kind = el.get("type")
    if kind is not None and kind.strip() in _STYLES:
        return _STYLES[kind.strip()]
    return None


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None


def _items(ol: etree._Element) -> list[etree._Element]:
    return [li for li in ol if isinstance(li.tag, str) and li.tag.lower() == "li"]


# The 公文 styles by level (GB/T 9704 usage: 一、（一）1.（1）) → (numFmt, before, after).
_LEVELS: tuple[tuple[str, str, str], ...] = (
    ("chineseCounting", "", "、"),
    ("chineseCounting", "（", "）"),
    ("decimal", "", ". "),
    ("decimal", "（", "）"),
)


@attrs.frozen(kw_only=True)
class Drawn:
    """How a run of a plain list is drawn once read as a level: its first
    number and its style (numFmt, before, after)."""

    start: int
    style: tuple[str, str, str] | None = None


@attrs.frozen(kw_only=True)
class ListPlan:
    """`plan_lists`: each plain ``<ol>`` run read otherwise than a browser
    draws it, and how many runs were read as levels or counted on."""

    drawn: dict[etree._Element, Drawn] = attrs.field(factory=dict)
    levels: int = 0  # levels found among the lists (0: none)
    leveled: int = 0  # runs drawn in a level's style
    continued: int = 0  # runs counted on from their list's last number


def _plain(ol: etree._Element) -> bool:
    """An ``<ol>`` the exporter left without style: no type, no inline style,
    not reversed, no item with a value or style of its own."""
    if _style(ol) is not None or ol.get("reversed") is not None:
        return False
    return all(li.get("value") is None and _style(li) is None for li in _items(ol))


def _signature(ol: etree._Element) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """The elements down from the run's first item to its first text, with
    their attributes: an exporter formats every run of one list alike."""
    out: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    items = _items(ol)
    el = items[0] if items else None
    while el is not None and len(out) < 8:
        out.append((str(el.tag), tuple(sorted((str(k), str(v)) for k, v in el.attrib.items()))))
        if (el.text or "").strip():
            break
        el = next((c for c in el if isinstance(c.tag, str)), None)
    return tuple(out)


def _adjacent(first: etree._Element, second: etree._Element) -> bool:
    """`second` is the element right after `first`, with no text between."""
    return first.getnext() is second and not (first.tail or "").strip()


class _List:
    __slots__ = ("first", "next", "runs", "signature")

    def __init__(self, run: etree._Element, start: int, n: int, signature: object) -> None:
        self.first = start
        self.next = start + n
        self.runs = [run]
        self.signature = signature


def plan_lists(ols: Iterable[etree._Element], hidden: Callable[[etree._Element], bool]) -> ListPlan:
    """The page's ``<ol>`` runs (document order, none inside another) read
    back into the lists an exporter wrote them from (module docstring)."""
    runs = [ol for ol in ols if _plain(ol)]
    lists: list[_List] = []
    of: dict[etree._Element, _List] = {}
    restarted: dict[etree._Element, int] = {}
    for ol in runs:
        start = _int(ol.get("start")) or 1
        n = sum(1 for li in _items(ol) if not hidden(li))
        sig = _signature(ol)
        found = None if start == 1 else _pick([x for x in lists if x.next == start], sig)
        if found is None and start > 1:
            # The exporter wrote a list's first number again after a paragraph
            # interrupted it (204 … 208, a heading, 204 …): it counts on.
            found = _pick([x for x in lists if x.first == start and x.next > start], sig)
            if found is not None:
                restarted[ol] = found.next
        if found is None and start > 1:
            # A list that skipped numbers (an item the exporter counted but
            # wrote otherwise): formatted as the run is, and behind it.
            found = _pick([x for x in lists if x.next < start], sig, alike_only=True)
        if found is None:
            found = _List(ol, start, n, sig)
            lists.append(found)
        else:
            found.runs.append(ol)
            found.next = restarted.get(ol, start) + n
        of[ol] = found
    # Lists whose runs stand side by side with no text between are levels of
    # one outline, flattened: the levels that hold one item a run (headings)
    # above those that hold more, each in the order it first appears.
    related: set[int] = set()
    index = {id(x): k for k, x in enumerate(lists)}
    for a, b in itertools.pairwise(runs):
        if of[a] is not of[b] and _adjacent(a, b):
            related |= {index[id(of[a])], index[id(of[b])]}
    # A level is the lists formatted alike (a list begun again at 1 is the
    # same level); where all are formatted alike, each list is one.
    group = {k: lists[k].signature for k in related}
    if len(set(group.values())) == 1:
        group = {k: k for k in related}
    members: dict[object, list[int]] = {}
    for k in sorted(related):
        members.setdefault(group[k], []).append(k)
    single = {
        g: all(len(_items(r)) == 1 for k in ks for r in lists[k].runs) for g, ks in members.items()
    }
    order = sorted(members, key=lambda g: (not single[g], members[g][0]))
    level = {k: min(n, len(_LEVELS) - 1) for n, g in enumerate(order) for k in members[g]}
    drawn: dict[etree._Element, Drawn] = {}
    leveled = 0
    for ol in runs:
        k = index[id(of[ol])]
        style = _LEVELS[level[k]] if k in level else None
        again = restarted.get(ol)
        if style is not None or again is not None:
            drawn[ol] = Drawn(start=again or _int(ol.get("start")) or 1, style=style)
            leveled += style is not None
    levels = len(order)
    return ListPlan(drawn=drawn, levels=levels, leveled=leveled, continued=len(restarted))


def _pick(candidates: list[_List], signature: object, *, alike_only: bool = False) -> _List | None:
    """One list of `candidates`: the only one (unless `alike_only`), or the
    only one formatted as the run is; None when none, or several and
    nothing tells them apart."""
    if len(candidates) <= 1 and not alike_only:
        return candidates[0] if candidates else None
    alike = [x for x in candidates if x.signature == signature]
    return alike[0] if len(alike) == 1 else None


def list_markers(
    ol: etree._Element,
    hidden: Callable[[etree._Element], bool],
    limits: Limits,
    drawn: Drawn | None = None,
) -> dict[etree._Element, str]:
    """The marker text ("3. ", "三、") a browser puts before each item of `ol`,
    for the items that get one; `drawn` (plan_lists) where the run is read
    as a level of the exporter's lists rather than as a browser draws it."""
    items = [li for li in _items(ol) if not hidden(li)]
    reversed_ = ol.get("reversed") is not None
    start = drawn.start if drawn is not None else _int(ol.get("start"))
    count = start if start is not None else (len(items) if reversed_ else 1)
    fmt0, suffix0 = _style(ol) or _DECIMAL
    own = (fmt0, "", suffix0 + (" " if suffix0 == "." else ""))
    if drawn is not None and drawn.style is not None:
        own = drawn.style
    out: dict[etree._Element, str] = {}
    for li in items:
        value = _int(li.get("value"))
        if value is not None:
            count = value
        item_style = _style(li)
        fmt, before, after = (
            own
            if item_style is None
            else (item_style[0], "", item_style[1] + (" " if item_style[1] == "." else ""))
        )
        text = etree.tostring(li, method="text", encoding="unicode", with_tail=False)
        if fmt != "none" and not _OWN_NUMBER.match(text):
            number = format_number(
                count, fmt, limits.max_marker_chars, where="web page list (<ol>)"
            )
            out[li] = f"{before}{number}{after}"
        count += -1 if reversed_ else 1
    return out

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

An item whose own text already starts with a number ("1.推行…", "（一）…")
gets none: the page's stylesheet, which we do not read, almost surely hides
the list's, and two numbers would be one too many.  Styles set only in a
``<style>`` sheet are not read.
"""

from __future__ import annotations

from collections.abc import Callable

import regex
from lxml import etree

from .counters import format_number
from .html_css import declarations
from .limits import Limits

__all__ = ["list_markers"]

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


def list_markers(
    ol: etree._Element, hidden: Callable[[etree._Element], bool], limits: Limits
) -> dict[etree._Element, str]:
    """The marker text ("3. ", "三、") a browser puts before each item of `ol`,
    for the items that get one."""
    items = [li for li in ol if isinstance(li.tag, str) and li.tag.lower() == "li"]
    items = [li for li in items if not hidden(li)]
    reversed_ = ol.get("reversed") is not None
    start = _int(ol.get("start"))
    count = start if start is not None else (len(items) if reversed_ else 1)
    own = _style(ol) or _DECIMAL
    out: dict[etree._Element, str] = {}
    for li in items:
        value = _int(li.get("value"))
        if value is not None:
            count = value
        fmt, suffix = _style(li) or own
        text = etree.tostring(li, method="text", encoding="unicode", with_tail=False)
        if fmt != "none" and not _OWN_NUMBER.match(text):
            number = format_number(
                count, fmt, limits.max_marker_chars, where="web page list (<ol>)"
            )
            out[li] = f"{number}{suffix}" + (" " if suffix == "." else "")
        count += -1 if reversed_ else 1
    return out

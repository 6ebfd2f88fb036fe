"""An attachment list (附件：1.… / 2.…) that ends the document: furniture.

GB/T 9704 puts the attachment note between the body and the signature,
where the header reads it (segment/header.py).  A portal copy, or a notice
whose plan is its body, puts it last: after the signature and date, or after
the 分工表.  Read there, its numbered titles were measures (after a date,
the date was taken for a cover letter's end and the plan lost) or lines
after the table numbered like measures.  A list is a `附件：` line, its first
title on it or on the next line, then titles numbered on 2, 3 … (a wrapped
title's rest on a line of its own), short, with no sentence in them, up to
the end of the text: nothing of a measure looks so.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._support.lazy_regex import lazy_compile
from . import grammar as g
from .header import Line
from .markers import is_outline_start

__all__ = ["listed_titles", "trailing_attachment_list"]

_TITLE_MAX = 60  # characters: a title, never a measure's paragraph
# 1.title, 1、title, （1）title, 1）title: a copy may renumber the list's
# lines in another style than the first title after 附件： (1.… / （2）…).
_ITEM = lazy_compile(
    r"^\s*(?:[（(]\s*(?P<paren>\d{1,2})\s*[)）]|(?P<n>\d{1,2})\s*[.．、)）])\s*(?P<title>.+)$"
)


def _item(text: str) -> tuple[int, str] | None:
    """The number and title of a list's line `1.title`, or None."""
    m = _ITEM.match(text)
    return None if m is None else (int(m["paren"] or m["n"]), m["title"])


def _title(text: str) -> bool:
    return 0 < len(text) <= _TITLE_MAX and not g.SENTENCE_END.search(text) and "。" not in text


def _list_end(lines: Sequence[Line], start: int) -> int | None:
    """Where the attachment list opening at `lines[start]` (a 附件： line)
    ends: the index after its last title; None when it is no list."""
    m = g.ATTACHMENT_LIST.match(lines[start].text.strip())
    if m is None:
        return None
    rest = m["rest"].strip()
    expected = 1
    if rest:
        item = _item(rest)
        if item is not None and item[0] != 1:
            return None
        if not _title(item[1] if item else rest):
            return None
        expected = 2 if item else 0  # 附件：title alone: one attachment, nothing numbered after
    end = start + 1
    for ln in lines[start + 1 :]:
        text = ln.text.strip()
        item = _item(text)
        if expected and item is not None and item[0] == expected and _title(item[1]):
            expected += 1
        elif expected > 1 and _wrapped_rest(text, lines, end, expected):
            pass  # a wrapped title's rest (…建设点位 / 表)
        else:
            break
        end += 1
    if expected == 1:
        return None  # 附件： with nothing after it
    return end


def _wrapped_rest(text: str, lines: Sequence[Line], k: int, expected: int) -> bool:
    """A short line with no marker right after a title: its wrapped rest,
    where the list goes on after it (its title numbered `expected`) or the
    text ends."""
    if is_outline_start(text) or not _title(text) or len(text) > _REST_MAX:
        return False
    after = lines[k + 1].text.strip() if k + 1 < len(lines) else ""
    item = _item(after)
    return not after or (item is not None and item[0] == expected)


_REST_MAX = 12  # the rest of a wrapped title; a longer line is text of its own


def trailing_attachment_list(lines: Sequence[Line]) -> int:
    """Where an attachment list that runs to the end of `lines` starts, or
    len(lines) when they end with none."""
    start = next(
        (
            k
            for k in range(len(lines) - 1, -1, -1)
            if g.ATTACHMENT_LIST.match(lines[k].text.strip())
        ),
        None,
    )
    if start is None or _list_end(lines, start) != len(lines):
        return len(lines)
    return start


def listed_titles(lines: Sequence[Line]) -> frozenset[int]:
    """The indices of the lines after a 附件： line that are its list's
    titles (2.重点任务分工表): numbered like measures, and none."""
    found: set[int] = set()
    for k, ln in enumerate(lines):
        if g.ATTACHMENT_LIST.match(ln.text.strip()) and (end := _list_end(lines, k)):
            found.update(range(k + 1, end))
    return frozenset(found)

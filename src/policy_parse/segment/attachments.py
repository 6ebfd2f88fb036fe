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

__all__ = ["trailing_attachment_list"]

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
    if start is None:
        return len(lines)
    m = g.ATTACHMENT_LIST.match(lines[start].text.strip())
    assert m is not None
    rest = m["rest"].strip()
    expected = 1
    if rest:
        item = _item(rest)
        if item is not None and item[0] != 1:
            return len(lines)
        if not _title(item[1] if item else rest):
            return len(lines)
        expected = 2 if item else 0  # 附件：title alone: one attachment, nothing numbered after
    for ln in lines[start + 1 :]:
        text = ln.text.strip()
        item = _item(text)
        if expected and item is not None:
            if item[0] != expected or not _title(item[1]):
                return len(lines)
            expected += 1
        elif expected > 1 and not is_outline_start(text) and _title(text):
            continue  # a wrapped title's rest (…建设点位 / 表)
        else:
            return len(lines)
    if expected == 1:
        return len(lines)  # 附件： with nothing after it
    return start

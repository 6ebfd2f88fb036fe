"""An attachment list (附件：1.… / 2.…) that ends the document: furniture.

GB/T 9704 puts the attachment note between the body and the signature,
where the header reads it (segment/header.py).  A portal copy, or a notice
whose plan is its body, puts it last: after the signature and date, or after
the 分工表.  Read there, its numbered titles were measures (after a date,
the date was taken for a cover letter's end and the plan lost) or lines
after the table numbered like measures.  A list is a `附件：` line, its first
title on it or on the next line, then titles numbered on 2, 3 … (a wrapped
title's rest on a line of its own), short, with no sentence in them, up to
the end of the text: nothing of a measure looks so.  A portal's or a
typist's other openers (附：, 附表：, 相关文件：, a bare 附件 line) open one
too at the end of the text, where each title names a document (…计划表,
…名单, …解读, data/furniture.toml [attachment_list]).
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import data
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


_OPENER = lazy_compile(r"^(?P<word>[^：:]{1,6})\s*[：:]\s*(?P<rest>.*)$")
_DOC_TAIL = lazy_compile(r"(?:\s*[（(]略[)）]|\.(?:docx?|xlsx?|pdf|wps|et|ofd|zip|rar))+$")


def _opener(text: str) -> tuple[str, bool] | None:
    """The first title written on a list's opening line (maybe ""), and
    whether the titles must each name a document (`strict`: an opener other
    than 附件：); None when `text` opens no list."""
    if (m := g.ATTACHMENT_LIST.match(text)) is not None:
        return m["rest"].strip(), False
    words = data.load("furniture")["attachment_list"]
    if text.replace(" ", "") in words["bare"]:
        return "", True
    m = _OPENER.match(text)
    if m is not None and m["word"].replace(" ", "") in words["openers"]:
        return m["rest"].strip(), True
    return None


def _names_a_document(title: str) -> bool:
    endings: list[str] = data.load("furniture")["attachment_list"]["title_endings"]
    return _DOC_TAIL.sub("", title.strip()).endswith(tuple(endings))


def _list_end(lines: Sequence[Line], start: int, *, strict_ok: bool = True) -> int | None:
    """Where the attachment list opening at `lines[start]` ends: the index
    after its last title; None when it is no list (or, not `strict_ok`, a
    list under an opener other than 附件：)."""
    opened = _opener(lines[start].text.strip())
    if opened is None or (opened[1] and not strict_ok):
        return None
    rest, strict = opened

    def fits(title: str) -> bool:
        return _title(title) and (not strict or _names_a_document(title))

    expected = 1
    if rest:
        item = _item(rest)
        if item is not None and item[0] != 1:
            return None
        if not fits(item[1] if item else rest):
            return None
        expected = 2 if item else 0  # 附件：title alone: one attachment, nothing numbered after
    end = start + 1
    for ln in lines[start + 1 :]:
        text = ln.text.strip()
        item = _item(text)
        if expected and item is not None and item[0] == expected and fits(item[1]):
            expected += 1
        elif expected > 1 and _wrapped_rest(text, lines, end, expected) and fits(text):
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
    if any(c in text for c in "：:（(【["):
        return False  # a label line (牵头单位：…) or a bracket: no title's rest
    after = lines[k + 1].text.strip() if k + 1 < len(lines) else ""
    item = _item(after)
    return not after or (item is not None and item[0] == expected)


_REST_MAX = 12  # the rest of a wrapped title; a longer line is text of its own


def trailing_attachment_list(lines: Sequence[Line]) -> int:
    """Where an attachment list that runs to the end of `lines` starts, or
    len(lines) when they end with none."""
    start = next(
        (k for k in range(len(lines) - 1, -1, -1) if _opener(lines[k].text.strip()) is not None),
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
        if g.ATTACHMENT_LIST.match(ln.text.strip()) and (
            end := _list_end(lines, k, strict_ok=False)
        ):
            found.update(range(k + 1, end))
    return frozenset(found)

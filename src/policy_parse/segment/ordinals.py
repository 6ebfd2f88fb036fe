"""Items written 一是……, 二是…… (or 一要……, 第一，……, 其一，……) on lines of
their own: a list the notice counts in words, not with markers.

A plan (or a measure's parts) may be written so, each item a paragraph of
its own opening with an ordinal word.  Inside a sentence 一是 is no marker,
nor is one line opening so (一是一，二是二): only where such lines count on,
一是, 二是 … in reading order from 一 and in one form (一是 with 二是, 第一，
with 第二，), is each a marker, of a style of its own (`cn_shi`), numbered by
its ordinal.  The numbers are the parser's: the notice writes none, so the
outline says so (`ordinal_items`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from .._support.chinese_numerals import cn_to_int
from .._support.lazy_regex import lazy_compile
from .._support.records import NamedTuple
from .guesses import Note, line_of
from .header import Line

__all__ = ["counted_ordinals", "ordinal", "ordinal_note"]

_NUMERALS = "一二三四五六七八九十"
_ORDINAL = lazy_compile(
    rf"""(?x)
    ^[ \t\u3000]*(?:
        (?P<n>[{_NUMERALS}]{{1,3}})(?P<word>[是要])(?=[^\s是要，,。：:、])   # 一是推进…, 一要加强…
      | (?P<pre>[第其])(?P<m>[{_NUMERALS}]{{1,3}})(?P<mark>[，,、：:])     # 第一，推进…, 其一，…
    )[ \t\u3000]*
    """
)


# An item's marker as written (Ordinal.written): 一是, 第一，.
_WRITTEN = lazy_compile(rf"[{_NUMERALS}]{{1,3}}[是要]|[第其][{_NUMERALS}]{{1,3}}[，,、：:]")


class _Written(Protocol):
    @property
    def written_number(self) -> str: ...


class Ordinal(NamedTuple):
    number: int
    form: str  # 是, 要, 第，, 其，: one list is written in one form
    written: str  # 一是, 第一，
    rest: str


def ordinal(text: str) -> Ordinal | None:
    """The ordinal word opening `text`, or None."""
    m = _ORDINAL.match(text)
    if m is None:
        return None
    if m["n"]:
        number, form, written = cn_to_int(m["n"]), m["word"], m["n"] + m["word"]
    else:
        number, form = cn_to_int(m["m"]), m["pre"] + "，"
        written = m["pre"] + m["m"] + m["mark"]
    return Ordinal(number, form, written, text[m.end() :].strip())


def counted_ordinals(texts: Iterable[str]) -> frozenset[str]:
    """The lines opening 一是, 二是 … that count on from 一 in reading order,
    in one form, at least two of them (a run that starts again at 一 is
    another list)."""
    found: list[str] = []
    runs: dict[str, list[str]] = {}  # each form's open run
    for text in texts:
        o = ordinal(text)
        if o is None:
            continue
        run = runs.get(o.form, [])
        if o.number == 1:
            if len(run) >= 2:
                found.extend(run)
            runs[o.form] = [text]
        elif run and o.number == len(run) + 1:
            run.append(text)
    found.extend(t for run in runs.values() if len(run) >= 2 for t in run)
    return frozenset(found)


def ordinal_note(lines: Sequence[Line], measures: Sequence[_Written]) -> Note | None:
    """The outline's note that its items 一是, 二是 … were numbered by the
    parser (1, 2 … or N-1, N-2 … under a measure N), or None: none is a
    measure of its own (folded into the measure above, segment/inner.py)."""
    counted = counted_ordinals(ln.text for ln in lines)
    if not counted or not any(_WRITTEN.fullmatch(m.written_number) for m in measures):
        return None
    first = next(ln for ln in lines if ln.text in counted)
    o = ordinal(first.text)
    assert o is not None
    fields = (("line", line_of(first.span)), ("count", str(len(counted))), ("marker", o.written))
    return ("ordinal_items", fields)

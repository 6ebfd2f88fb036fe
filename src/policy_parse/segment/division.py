"""A 责任分工 paragraph that gives units to measures by number:
第1-3项由A牵头，B配合；第4、5项由C负责。

Some plans list their measures bare and say who does what in a paragraph of
its own, clause by clause, each opening with the numbers it speaks for
(第N项, 第N-M项, 第N至M项, 第N、M项, 第一至三项).  Such a line is no item:
segment.prose takes it out of the outline and gives each clause's
annotation to every measure it numbers that carries none of its own — and
says so (a `division` note per line), since the numbers are read, not seen
beside the measures.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from .._support.brackets import top_level_spans
from .._support.chinese_numerals import cn_to_int
from .._support.lazy_regex import compile_cached, escape
from .._support.records import NamedTuple
from ..data import load
from ..models import Span
from .annotations import Annotation, names_only_units, parse_phrase
from .guesses import Note, line_of, quote
from .markers import is_outline_start

if TYPE_CHECKING:
    import regex

    from .header import Line

# A division must not reach past any plausible list: 第1-9999项 is no range.
_MAX_SPAN = 200


class Division(NamedTuple):
    """One division line: measure number → its annotation, and the note saying so."""

    by_number: dict[int, Annotation]
    note: Note


@functools.cache
def _clause() -> regex.Pattern[str]:
    words = load("annotations")["division"]
    nouns = "|".join(map(escape, words["nouns"]))
    return compile_cached(
        r"^(?:其中)?第(?P<numbers>[0-9０-９一二三四五六七八九十百零〇、，,\-－—~～至到和及]+)"
        rf"(?:{nouns})(?:任务|措施|工作)?(?P<rest>.+)$"
    )


_RANGE = ("-", "－", "—", "~", "～", "至", "到")


def _number(text: str) -> int:
    text = text.strip()
    if text.isdigit():
        return int(text)
    return cn_to_int(text)


def _numbers(written: str) -> list[int] | None:
    """1-3 → [1, 2, 3]; 1、2、5 → [1, 2, 5]; 一至三 → [1, 2, 3]; None if unreadable."""
    out: list[int] = []
    for piece in (
        written.replace("，", "、")
        .replace(",", "、")
        .replace("和", "、")
        .replace("及", "、")
        .split("、")
    ):
        if not piece:
            continue
        dash = next((d for d in _RANGE if d in piece), None)
        try:
            if dash is None:
                out.append(_number(piece))
                continue
            low, high = (_number(p) for p in piece.split(dash, 1))
        except ValueError:
            return None
        if not 0 < low <= high or high - low > _MAX_SPAN:
            return None
        out.extend(range(low, high + 1))
    return out or None


def read_division(line: Line) -> Division | None:
    """The line as a division (every clause 第…项 + a role phrase naming units), or None."""
    text = line.text.strip().rstrip("。")
    by_number: dict[int, Annotation] = {}
    clauses = [text[a:b].strip() for a, b in top_level_spans(text, "；;。")]
    for clause in clauses:
        if not clause:
            continue
        m = _clause().match(clause)
        numbers = _numbers(m["numbers"]) if m else None
        if m is None or numbers is None:
            return None
        ann = parse_phrase(m["rest"].lstrip("，, "))
        if ann is None or not ann.lead or not names_only_units(list(ann.lead)):
            return None
        for n in numbers:
            by_number.setdefault(n, attrs.evolve(ann, written=clause))
    if not by_number:
        return None
    listed = "、".join(str(n) for n in sorted(by_number))
    fields = (("line", line_of(line.span)), ("numbers", listed), ("text", quote(text)))
    return Division(by_number=by_number, note=("division", fields))


def split_divisions(lines: Sequence[Line]) -> tuple[list[Line], list[Division], list[Line]]:
    """The lines that are no division, the divisions, and the heading lines
    whose title is a division label (二、责任分工) right before one: no item
    either (the caller keeps them as residue)."""
    kept: list[Line] = []
    found: list[Division] = []
    titles_seen: list[Line] = []
    titles = tuple(load("annotations")["labels"]["division"])
    k = 0
    while k < len(lines):
        division, used = _division_at(lines, k)
        if division is None:
            kept.append(lines[k])
            k += 1
            continue
        found.append(division)
        if kept and _is_title(kept[-1].text, titles):
            titles_seen.append(kept.pop())
        k += used
    return kept, found, titles_seen


# A division wrapped over lines (a PDF copy): at most this many.
_MAX_LINES = 4


def _division_at(lines: Sequence[Line], k: int) -> tuple[Division | None, int]:
    """The division starting at line k, joined over the lines a page wrapped
    it into (第1-3项由甲局牵头，乙局配合；第4项由 / 丙局负责。), and how many
    lines it takes."""
    if not lines[k].text.lstrip().startswith(("第", "其中第")):
        return None, 1
    text = ""
    best: tuple[Division | None, int] = (None, 1)
    for j in range(k, min(len(lines), k + _MAX_LINES)):
        if j > k and (is_outline_start(lines[j].text) or lines[j].text.lstrip().startswith("第")):
            break  # the next item, or a division of its own
        text += lines[j].text.strip()
        span = Span(start_line=lines[k].span.start_line, end_line=lines[j].span.end_line)
        division = read_division(type(lines[k])(text, span))
        if division is not None:
            best = (division, j - k + 1)  # the longest that reads: 乙局 / 配合；…
    return best


_TITLE = "、．.）) \u3000"


def _is_title(text: str, titles: tuple[str, ...]) -> bool:
    """二、责任分工 / （三）部门分工: a marker, then a division label alone."""
    text = text.strip().rstrip("：:")
    return any(
        text.endswith(t)
        and len(text) - len(t) <= 4
        and text[len(text) - len(t) - 1 : len(text) - len(t)] in _TITLE
        for t in titles
    )

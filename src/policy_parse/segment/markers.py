"""Outline markers: 一、 / （一） / 1. / （1） / 36-1 … at the start of a line.

The line's start goes through one normalisation (NFKC plus
grammar.MARKER_FOLD) before grammar.MARKER sees it, so look-alikes (１．,
1﹒, ⑴, 1。) are the common styles; dates and times are never markers.
"""

from __future__ import annotations

import unicodedata

import attrs

from ..models import Span
from ..normalize.numbers import cn_to_int
from . import grammar as g
from .header import Line


@attrs.frozen(kw_only=True)
class Marked:
    style: str
    number: str  # digits, "36-1" for sub-forms
    written: str  # the marker as written, e.g. "36-1." or "（一）"
    rest: str
    line: Line


_FOLD_WINDOW = 24  # markers are short: only the line's start is folded


def _fold(text: str) -> tuple[str, list[int]]:
    """The line's start through one normalisation (NFKC plus MARKER_FOLD), with
    the index in `text` of every folded character (and of the end)."""
    out: list[str] = []
    index: list[int] = []
    for k, ch in enumerate(text[:_FOLD_WINDOW]):
        folded = g.MARKER_FOLD.get(ch) or unicodedata.normalize("NFKC", ch)
        out.append(folded)
        index.extend([k] * len(folded))
    index.append(min(len(text), _FOLD_WINDOW))
    return "".join(out), index


def match_marker(text: str) -> Marked | None:
    folded, index = _fold(text)
    m = g.MARKER.match(folded)
    if m is None:
        return None
    style = next(s for s in g.STYLES if m[s] is not None)
    raw = m[style]
    if style in ("part_word", "cn_dun", "cn_paren"):
        number = str(cn_to_int(raw))
    else:
        pieces = [p.strip() for p in _number_parts(raw)]
        if any(g.YEAR_COMPONENT.match(p) for p in pieces):
            return None  # 2023-01-05, 13.03.2015: a date, never a marker
        number = "-".join(p for p in pieces if p)
    end = index[m.end()]
    rest = text[end:].strip()
    if g.CLOCK_AFTER.match(rest):
        return None  # 13.03 07:51: a time
    return Marked(
        style=style, number=number, written=text[:end].strip(), rest=rest, line=Line(text, Span())
    )


def _number_parts(raw: str) -> list[str]:
    """36-1 / 3.1 / 13.03.2015 → its numbers (widths already folded)."""
    return [p for p in raw.replace("-", ".").split(".") if p.strip()]


def is_outline_start(text: str) -> bool:
    return match_marker(text) is not None

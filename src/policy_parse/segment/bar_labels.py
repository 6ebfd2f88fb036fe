"""A bar for a label's colon: 牵头单位丨A / 牵头单位|A / （牵头单位｜A；配合单位｜B）.

A portal's card or a typist writes the label and its value apart by a bar
(|, ｜, or the ideograph 丨 that looks like one).  Read as written, the label
was no label: the measure came out with no unit (flagged, left10).  A bar is
mended to `：` only where every bar of the line closes a label (the words of
data/annotations.toml, as segment/labels.py reads them) and none is followed
by another label or by nothing — so a `|` table's header `牵头单位|配合单位`
and a row of `|` cells stay as they are.
"""

from __future__ import annotations

from .._support.lazy_regex import lazy_compile
from .labels import is_label_line

__all__ = ["mended_bars"]

_BARS = "|｜丨"
_BAR = lazy_compile(r"[ \t\u3000]*[|｜丨][ \t\u3000]*")
# Where a label's clause starts, before the bar: the line's start, a bracket,
# a clause mark or a space.
_CLAUSE_START = "（(【〔；;，,。 \t\u3000"


def mended_bars(text: str) -> str:
    """`text` with each bar that closes a label written `：`, or as it is."""
    if not any(b in text for b in _BARS):
        return text  # the common line: no bar at all
    stripped = text.lstrip()
    if stripped[:1] in _BARS:
        return text  # |牵头单位|A| : a row of `|` cells
    pieces: list[str] = []
    last = 0
    for m in _BAR.finditer(text):
        before = text[last : m.start()]
        start = max(before.rfind(c) for c in _CLAUSE_START) + 1
        clause = before[start:]
        after = text[m.end() :]
        value = after[: _value_end(after)]
        if not clause or not value.strip() or not is_label_line(clause + "：" + value):
            return text  # a bar that closes no label: a table row, not a card
        if is_label_line(value.strip() + "：甲"):
            return text  # 牵头单位|配合单位: a table's header, no value
        pieces.append(before + "：")
        last = m.end()
    return "".join(pieces) + text[last:]


_VALUE_END = lazy_compile(r"[|｜丨；;，,。）)】〕]")


def _value_end(after: str) -> int:
    """Where the value after a bar ends: the next bar or clause mark (the
    first only: a line of many labels stays linear)."""
    m = _VALUE_END.search(after)
    return m.start() if m is not None else len(after)

"""A label line a typist or a PDF copy wrote apart: 牵 头 单 位：A (the label
letter-spaced, the rest of the text not), 牵头 单位：A, or 牵头单位——A (a
dash for the colon).

Read as written, the label was no label: its units went into the measure's
text, its lead lost with no finding, or read as a unit `单位：A`.  A line
that opens with Han words apart by spaces before a colon, or with a short
Han word before a dash, is mended to `word：rest` — only where that reads
as a label line (segment/annotations.py), so a sentence or a heading that
opens so is left as it is.
"""

from __future__ import annotations

from .._support.lazy_regex import lazy_compile
from .annotations import is_label_line
from .bullets import bullet_end

__all__ = ["mended_label"]

_SPACE = "[ \\t\\u3000]"
_SPACED = lazy_compile(
    rf"^(?P<lead>{_SPACE}*)(?P<word>\p{{Han}}+(?:{_SPACE}+\p{{Han}}+){{1,7}}){_SPACE}*[：:]{_SPACE}*"
)
_DASHED = lazy_compile(
    rf"^(?P<lead>{_SPACE}*)(?P<word>\p{{Han}}{{2,10}}){_SPACE}*(?:——|—|－－|--|─){_SPACE}*"
)
_WORD_MAX = 10  # characters of a label (牵头负责领导, 配合责任单位 …)


def mended_label(text: str) -> str:
    """`text` with a spaced or dashed label written 牵头单位：, or past the
    bullet before a label (🔸牵头单位：A, · 配合单位：B, as a WeChat copy
    sets them: the label line was text, its units in no record; probe10),
    or as it is."""
    if (end := bullet_end(text)) is not None and is_label_line(text[end:]):
        return text[end:]
    if not (
        " " in text[:24]
        or "\u3000" in text[:24]
        or "\t" in text[:24]
        or "—" in text
        or "-" in text
        or "－" in text
        or "─" in text
    ):
        return text  # the common line: nothing to mend, no pattern run
    m = _SPACED.match(text) or _DASHED.match(text)
    if m is None:
        return text
    word = "".join(m["word"].split())
    if len(word) > _WORD_MAX:
        return text
    candidate = f"{word}：{text[m.end() :]}"
    return m["lead"] + candidate if is_label_line(candidate) else text

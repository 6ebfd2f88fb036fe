"""Written measure numbers → MeasureNo (36-1, 3.1, ３６).  Chinese numerals
(十八 → 18) are in `_support.chinese_numerals`, below segment and normalize
alike: the segmenter reads them in outline markers and dates."""

from __future__ import annotations

from .._support.chinese_numerals import cn_to_int
from .._support.lazy_regex import lazy_compile
from ..models import MeasureNo

_SPLIT = lazy_compile(r"\s*[-－—.．]\s*")
_NUMERALS = frozenset("〇零一二两三四五六七八九十百")
_ITEM_WORD = lazy_compile(r"第\s*(?P<num>[^\s项]+)\s*项\s*[、,，:：.．]?")


def parse_written(written: str) -> MeasureNo:
    """A written number → MeasureNo: 36-1 → 36-1, 3.1 → 3-1, ３６ → 36, 十二 → 12."""
    import unicodedata

    text = unicodedata.normalize("NFKC", written).strip().rstrip(".、")
    if (item := _ITEM_WORD.fullmatch(text)) is not None:
        text = item["num"]  # 第3项 / 第三项: a row numbered in its text (segment.table)
    if text and _NUMERALS.issuperset(text):
        # 一 / 十二 in a 序号 cell whose rows are all so numbered (a bare 一
        # among Arabic rows is a group title: segment.table).
        text = str(cn_to_int(text))
    parts = [p for p in _SPLIT.split(text) if p]
    if not parts or not all(p.isdigit() for p in parts):
        raise ValueError(f"not a measure number: {written!r}")
    # MeasureNo.parse bounds the digits (a typed ValueError, not int()'s own).
    return MeasureNo.parse("-".join(parts))

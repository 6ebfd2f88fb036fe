"""Written measure numbers → MeasureNo (36-1, 3.1, ３６).  Chinese numerals
(十八 → 18) are in `_support.chinese_numerals`, below segment and normalize
alike: the segmenter reads them in outline markers and dates."""

from __future__ import annotations

from .._support.lazy_regex import lazy_compile
from ..models import MeasureNo

_SPLIT = lazy_compile(r"\s*[-－—.．]\s*")


def parse_written(written: str) -> MeasureNo:
    """A written number → MeasureNo: 36-1 → 36-1, 3.1 → 3-1, ３６ → 36."""
    import unicodedata

    text = unicodedata.normalize("NFKC", written).strip().rstrip(".、")
    parts = [p for p in _SPLIT.split(text) if p]
    if not parts or not all(p.isdigit() for p in parts):
        raise ValueError(f"not a measure number: {written!r}")
    # MeasureNo.parse bounds the digits (a typed ValueError, not int()'s own).
    return MeasureNo.parse("-".join(parts))

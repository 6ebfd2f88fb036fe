"""Chinese numerals: 十八 → 18, 一百零五 → 105, 二〇二〇 → 2020, and back.

Here, below segment and normalize alike, because the segmenter reads
outline markers (第十八条, （二十一）) and dates (二〇二〇年) with them: no
import climbs back up from segment to normalize."""

from __future__ import annotations

from ..errors import NumberTooLongError
from ..models import MAX_NUMBER_DIGITS

__all__ = ["cn_to_int", "int_to_cn"]

_CN_VALUES = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100}


def cn_to_int(text: str) -> int:
    """十八 → 18, 二十一 → 21, 一百零五 → 105, 二〇二〇 → 2020 (digit by digit)."""
    text = text.strip()
    if not text:
        raise ValueError("empty numeral")
    if len(text) > MAX_NUMBER_DIGITS:
        raise NumberTooLongError(
            f"numeral {text[:20]}… has {len(text)} characters, over the {MAX_NUMBER_DIGITS} "
            "a number may have (damaged input?)"
        )
    if text.isdigit():
        return int(text)
    if not any(c in _CN_UNITS for c in text):
        # Digit-by-digit form, as in years: 二〇二〇.
        if any(c not in _CN_VALUES for c in text):
            raise ValueError(f"not a Chinese numeral: {text!r}")
        return int("".join(str(_CN_VALUES[c]) for c in text))
    total, current = 0, 0
    for ch in text:
        if ch in _CN_VALUES:
            current = _CN_VALUES[ch]
        elif ch in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[ch]
            current = 0
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + current


def int_to_cn(n: int) -> str:
    """18 → 十八; the inverse of cn_to_int for 1..999 (used by tests and docs)."""
    digits = "零一二三四五六七八九"
    if not 0 < n < 1000:
        raise ValueError(n)
    h, rest = divmod(n, 100)
    t, u = divmod(rest, 10)
    out = ""
    if h:
        out += digits[h] + "百"
        if t == 0 and u:
            return out + "零" + digits[u]
    if t:
        out += ("" if (t == 1 and not h) else digits[t]) + "十"
    if u:
        out += digits[u]
    return out

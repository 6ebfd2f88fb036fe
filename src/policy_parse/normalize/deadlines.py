"""Deadlines: 持续推进 → ongoing, 2021年6月底前(完成) → 2021-06-30, 2021年第三季度 →
2021-09-30, 2021年 → 2021."""

from __future__ import annotations

import unicodedata

from .._support.lazy_regex import lazy_compile
from ..data import load
from ..models import Deadline

_DATE_BEFORE = lazy_compile(
    r"^(?P<y>\d{4})年(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日|底|末)?(?:前|之前|以前)?$"
)
_YEAR_END = lazy_compile(r"^(?P<y>\d{4})年(?:年底|年末|底|末)(?:前|之前|以前)?$")
# 2021年第三季度 / 2021年3季度末前 → the quarter's last day; 2021年上半年 → 06-30.
_QUARTER = lazy_compile(
    r"^(?P<y>\d{4})年(?:第)?(?P<q>[一二三四1-4])季度(?:末|底)?(?:前|之前|以前)?$"
)
_HALF = lazy_compile(r"^(?P<y>\d{4})年(?P<h>[上下])半年(?:末|底)?(?:前|之前|以前)?$")
_SPACES = lazy_compile(r"\s+")
_YEAR = lazy_compile(r"^(?P<y>\d{4})年?(?:内|全年)?$")


def days_in_month(year: int, month: int) -> int:
    """`calendar.monthrange(year, month)[1]` (Gregorian), without importing
    calendar and datetime (~3 ms of a notice's start-up) for one sum."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def parse_deadline(written: str) -> Deadline | None:
    text = unicodedata.normalize("NFKC", written)
    text = _SPACES.sub("", text)
    if not text:
        return None
    words = load("deadlines")
    # 2021年底前完成: the same date with the verb that closes it.
    for verb in sorted(words["done"], key=len, reverse=True):
        if text.endswith(verb) and len(text) > len(verb) and text[0].isdigit():
            text = text[: -len(verb)]
            break
    if text in words["ongoing"]:
        return Deadline(written=written, kind="ongoing")
    if text in words["recurring"]:
        return Deadline(written=written, kind="recurring", value=words["recurring"][text])
    if m := _YEAR_END.match(text):
        return Deadline(written=written, kind="date", value=f"{m['y']}-12-31")
    if m := _DATE_BEFORE.match(text):
        y, mo = int(m["y"]), int(m["m"])
        if 1 <= mo <= 12:
            d = int(m["d"]) if m["d"] else days_in_month(y, mo)
            if 1 <= d <= days_in_month(y, mo):
                return Deadline(written=written, kind="date", value=f"{y:04d}-{mo:02d}-{d:02d}")
    if m := _QUARTER.match(text):
        y, q = int(m["y"]), m["q"]
        mo = 3 * (int(q) if q.isdigit() else "一二三四".index(q) + 1)
        last = days_in_month(y, mo)
        return Deadline(written=written, kind="date", value=f"{y:04d}-{mo:02d}-{last:02d}")
    if m := _HALF.match(text):
        return Deadline(
            written=written, kind="date", value=f"{m['y']}-{'06-30' if m['h'] == '上' else '12-31'}"
        )
    if m := _YEAR.match(text):
        return Deadline(written=written, kind="year", value=m["y"])
    return Deadline(written=written, kind="unknown")

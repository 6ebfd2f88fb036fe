"""List counters drawn as a reader sees them: 3 as "3", "三", "c", "iii".

Word's automatic numbering (`docx.numbering`) and a web page's `<ol>`
(`html_lists`) both hold a count, not its text; the text a reader sees comes
from a format.  Formats are named as Word's w:numFmt names them; the HTML
reader maps its list types onto these names.  Rendered numbers are bounded by
`Limits.max_marker_chars` (docs/formats.md, "Numbering reconstruction").
"""

from __future__ import annotations

from ..errors import InputTooLargeError
from .limits import Limits

__all__ = ["FORMATS", "format_number"]

_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"

# The w:numFmt names `format_number` renders, by the way it renders them.
_COUNTING = (
    "chineseCounting",
    "chineseCountingThousand",
    "taiwaneseCounting",
    "taiwaneseCountingThousand",
    "japaneseCounting",
    "koreanCounting",
)
_LEGAL = ("chineseLegalSimplified", "ideographLegalTraditional", "japaneseLegal")
_DIGITAL = ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand")
_ENCLOSED_CIRCLE = ("decimalEnclosedCircle", "decimalEnclosedCircleChinese")
_FULL_WIDTH = ("decimalFullWidth", "decimalFullWidth2")
_GROWING = ("upperRoman", "lowerRoman", "upperLetter", "lowerLetter")

# The w:numFmt names `format_number` renders as Word does (others: decimal).
FORMATS = frozenset(
    (
        "decimal",
        "none",
        "bullet",
        *_COUNTING,
        *_LEGAL,
        *_DIGITAL,
        "ideographTraditional",
        "ideographZodiac",
        *_ENCLOSED_CIRCLE,
        "decimalEnclosedParen",
        "decimalEnclosedFullstop",
        *_FULL_WIDTH,
        "decimalZero",
        *_GROWING,
    )
)


def format_number(
    n: int,
    fmt: str,
    max_chars: int = Limits().max_marker_chars,
    where: str = ".docx automatic numbering",
) -> str:
    """Render counter `n` in the w:numFmt `fmt`; unknown formats fall back to
    decimal (the number is still right, only its script may differ).  Formats
    whose length grows with `n` itself (letters, roman) are refused past
    `max_chars` before anything is built."""
    if fmt == "none":
        return ""
    if fmt in _COUNTING:
        return _chinese(n, _CN_DIGITS, "十百千万", zero="零")
    if fmt in _LEGAL:
        return _chinese(n, _CN_LEGAL, "拾佰仟万", zero="零", legal=True)
    if fmt in _DIGITAL:
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return _TIANGAN[n - 1]
    if fmt == "ideographZodiac" and 1 <= n <= 12:
        return _DIZHI[n - 1]
    if fmt in _ENCLOSED_CIRCLE and 1 <= n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return _PAREN[n - 1]
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return _FULLSTOP[n - 1]
    if fmt in _FULL_WIDTH:
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in _GROWING and n > 0:
        # Letters repeat (A … Z, AA … ZZ, AAA …); roman numerals use one M
        # per thousand.
        length = (n - 1) // 26 + 1 if fmt.endswith("Letter") else n // 1000
        if length > max_chars:
            raise InputTooLargeError(
                f"{where}: {fmt} number {n} renders to about {length} "
                f"characters, over the {max_chars}-character limit (Limits.max_marker_chars)"
            )
    if fmt in ("upperRoman", "lowerRoman") and n > 0:
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter") and n > 0:
        # Word repeats the letter: A … Z, AA … ZZ, AAA …
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    return str(n)


def _chinese(n: int, digits: str, units: str, *, zero: str, legal: bool = False) -> str:
    """一 … 十, 十一, 二十, 一百零一, 一千零一十 (units: 十百千万)."""
    if n <= 0:
        return digits[0] if n == 0 else str(n)
    if n >= 100000:
        return str(n)
    out: list[str] = []
    text = str(n)
    pending_zero = False
    for pos, d in enumerate(text):
        place = len(text) - pos - 1
        v = int(d)
        if v == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append(zero)
            pending_zero = False
        # 10-19 read 十, 十一 … (not 一十一) in ordinary counting.
        if not (place == 1 and v == 1 and pos == 0 and not legal):
            out.append(digits[v])
        if place:
            out.append(units[place - 1])
    return "".join(out)


def _roman(n: int) -> str:
    out = []
    for value, sym in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)

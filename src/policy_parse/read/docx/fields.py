"""Numbers Word draws from fields that keep no result in the file.

Most fields (PAGE, SEQ, a date) keep the result Word showed last, and that
result is read as text.  The old numbering fields AUTONUM (with AUTONUMLGL,
AUTONUMOUT) and LISTNUM keep none: Word counts them as it lays the page
out.  A notice numbered with them would read with no numbers at all, so the
reader counts them itself, in document order: AUTONUM as "1." "2." ...;
LISTNUM per list (its name: NumberDefault when none is given,
OutlineDefault, LegalDefault) and per level (`\\l n`, 1 when none is given;
a number at a level restarts the levels under it; `\\s n` sets the number),
drawn in that list's style at that level as Word's built-in lists draw
them: NumberDefault 1) a) i) (1) (a) (i) 1. a. i., OutlineDefault I. A.
1. a) (1) (a) (i) (a) (i), LegalDefault 1. 1.1. 1.1.1. ....  Word may
number them otherwise (a level taken from the paragraph when `\\l` is
missing, a list of another name), so the reader says it counted (note
``docx_field_number``).
"""

from __future__ import annotations

from ..counters import format_number

__all__ = ["FieldNumbers"]

_DOTTED = frozenset(("AUTONUM", "AUTONUMLGL", "AUTONUMOUT"))
_LISTNUM = "LISTNUM"
_LEVELS = 9  # Word's lists have nine levels
_MAX_START = 1_000_000  # a \s past any list's length is read as this

# Word's built-in LISTNUM lists: per level, (w:numFmt, text around it).
_LISTS: dict[str, list[tuple[str, str]]] = {
    "NUMBERDEFAULT": [
        ("decimal", "%)"),
        ("lowerLetter", "%)"),
        ("lowerRoman", "%)"),
        ("decimal", "(%)"),
        ("lowerLetter", "(%)"),
        ("lowerRoman", "(%)"),
        ("decimal", "%."),
        ("lowerLetter", "%."),
        ("lowerRoman", "%."),
    ],
    "OUTLINEDEFAULT": [
        ("upperRoman", "%."),
        ("upperLetter", "%."),
        ("decimal", "%."),
        ("lowerLetter", "%)"),
        ("decimal", "(%)"),
        ("lowerLetter", "(%)"),
        ("lowerRoman", "(%)"),
        ("lowerLetter", "(%)"),
        ("lowerRoman", "(%)"),
    ],
}
_LEGAL = "LEGALDEFAULT"  # 1. 1.1. 1.1.1.: every level's number, dotted


class FieldNumbers:
    """The count of one document's numbering fields."""

    def __init__(self) -> None:
        self.drawn = 0
        self._autonum = 0
        self._lists: dict[str, list[int]] = {}  # list name → count per level

    def draw(self, instruction: str | None) -> str:
        """The number a field with this instruction shows ("" for any field
        that keeps its own result)."""
        words = (instruction or "").split()
        name = words[0].upper() if words else ""
        if name in _DOTTED:
            self.drawn += 1
            self._autonum += 1
            return f"{self._autonum}."
        if name == _LISTNUM:
            self.drawn += 1
            return self._listnum(words[1:])
        return ""

    def _listnum(self, args: list[str]) -> str:
        """LISTNUM [name] [\\l level] [\\s start]: the next number of that list
        at that level, the levels under it restarted."""
        name, level, start = "NUMBERDEFAULT", 1, None
        k = 0
        while k < len(args):
            word = args[k]
            switch = word.lower()
            if switch in ("\\l", "\\s") and k + 1 < len(args):
                value = _integer(args[k + 1])
                if value is not None and switch == "\\l":
                    level = min(max(value, 1), _LEVELS)
                elif value is not None:
                    start = min(max(value, 0), _MAX_START)
                k += 2
                continue
            if k == 0 and not word.startswith("\\"):
                name = word.strip('"').upper()
            k += 1
        counts = self._lists.setdefault(name, [0] * _LEVELS)
        counts[level - 1] = start if start is not None else counts[level - 1] + 1
        for deeper in range(level, _LEVELS):
            counts[deeper] = 0
        if name == _LEGAL:
            return ".".join(str(max(n, 1)) for n in counts[:level]) + "."
        fmt, around = _LISTS.get(name, _LISTS["NUMBERDEFAULT"])[level - 1]
        return around.replace("%", format_number(counts[level - 1], fmt))


def _integer(word: str) -> int | None:
    try:
        return int(word.strip('"'))
    except ValueError:
        return None

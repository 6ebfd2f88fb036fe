"""Numbers Word draws from fields that keep no result in the file.

Most fields (PAGE, SEQ, a date) keep the result Word showed last, and that
result is read as text.  The old numbering fields AUTONUM (with AUTONUMLGL,
AUTONUMOUT) and LISTNUM keep none: Word counts them as it lays the page
out.  A notice numbered with them would read with no numbers at all, so the
reader counts them itself, in document order: AUTONUM as "1." "2." ...,
LISTNUM as "1)" "2)" ....  Word may number them otherwise (levels from
heading styles, a LISTNUM list name or \\s restart), so the reader says it
counted (note ``docx_field_number``).
"""

from __future__ import annotations

__all__ = ["FieldNumbers"]

_DOTTED = frozenset(("AUTONUM", "AUTONUMLGL", "AUTONUMOUT"))
_LISTNUM = "LISTNUM"


class FieldNumbers:
    """The count of one document's numbering fields."""

    def __init__(self) -> None:
        self.drawn = 0

    def draw(self, instruction: str | None) -> str:
        """The number a field with this instruction shows ("" for any field
        that keeps its own result)."""
        words = (instruction or "").split()
        name = words[0].upper() if words else ""
        if name in _DOTTED:
            self.drawn += 1
            return f"{self.drawn}."
        if name == _LISTNUM:
            self.drawn += 1
            return f"{self.drawn})"
        return ""

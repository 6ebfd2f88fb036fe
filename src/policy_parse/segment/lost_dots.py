"""Measure numbers a copy wrote with no dot after them: 1新建… (1． lost
whole, the number glued to the text) or 1 alone on its line, the text on
the next.  segment/markers.py reads them as markers only where they count
on (n, n+1, n+2 … `counted_bare_numbers`); the outline says so
(`lost_dots`), since a figure of the text could stand there too."""

from __future__ import annotations

from collections.abc import Sequence

from .._support.lazy_regex import lazy_compile
from .guesses import Note, line_of
from .header import Line
from .markers import counted_bare_numbers

__all__ = ["lost_dots_note"]

# The new forms only: 1推进 (glued) and 1 (alone).  1 推进, the dot lost and
# the space kept, reads as a marker without a note, as it did before.
_GLUED_OR_ALONE = lazy_compile(r"^[ \t\u3000]*(\d{1,3})(?:(?=\p{Han}|[“\"《])|[ \t\u3000]*$)")


def lost_dots_note(lines: Sequence[Line]) -> Note | None:
    """The note that items from some line on were numbered by a bare number
    glued to their text or alone on a line, or None."""
    counted = counted_bare_numbers(ln.text for ln in lines)
    if not counted:
        return None
    found = [
        (ln, m)
        for ln in lines
        if ln.text in counted and (m := _GLUED_OR_ALONE.match(ln.text)) is not None
    ]
    if not found:
        return None
    first, m = found[0]
    fields = (("line", line_of(first.span)), ("count", str(len(found))), ("marker", m[1]))
    return ("lost_dots", fields)

"""Line breaks a clerk typed inside a table cell's paragraph to wrap it.

In a narrow 配合单位 cell a clerk presses Shift+Enter (w:br) where the line
runs out, often inside a name: ``县财政局、县`` / ``市场监管局``.  A break
between paragraphs is a unit a line, but such a soft break, left as a line
break, cut ``县市场监管局`` into 县 and 市场监管局 with no finding.  A soft
break in a cell is therefore read as a wrap, and glued, when the text
before it does not end a unit name (data/units.toml ``endings``, the words
the PDF reader's cell wraps use too), a closing bracket or a separator;
otherwise it stays a line (县甲局 / 县乙局, each ending like a unit;
经发局、 / 招商局).  A text cell loses its breaks
anyway, so only units cells see the difference.  The reader counts the
breaks whose glue makes a unit name of the two sides and says so (note
``docx_cell_wraps``).
"""

from __future__ import annotations

import functools

from ... import data
from ..._support.lazy_regex import lazy_compile

__all__ = ["glue_wraps"]

# A break after these cuts no name: a bracket closed, or a separator (the
# names part there anyway).
_KEEP_AFTER = "）)】]〕>》、，,；;／/"
# What parts the names of a units cell.
_SEPARATOR = lazy_compile(r"[、，,；;／/\s]")


@functools.cache
def _endings() -> tuple[str, ...]:
    return tuple(data.load("units")["endings"])


def glue_wraps(pieces: list[str]) -> tuple[list[str], int]:
    """The soft-break pieces of one cell paragraph, wraps glued back into
    the line they cut; and how many breaks were glued."""
    out: list[str] = []
    glued = 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if out and not out[-1].endswith(_endings()) and not out[-1].endswith(tuple(_KEEP_AFTER)):
            # Said only where the glue makes a name (县 + 市场监管局): a text
            # cell's wrapped sentence is joined as its text is anyway.
            name = _SEPARATOR.split(out[-1])[-1] + _SEPARATOR.split(piece, maxsplit=1)[0]
            glued += bool(name) and name.endswith(_endings())
            out[-1] += piece
        else:
            out.append(piece)
    return out, glued

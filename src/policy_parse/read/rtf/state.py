"""The RTF walker's state and vocabulary: limits, what a group's text is
(its destination), a run's look, row definitions, what a group saves, and
the words of data/rtf.toml (read/rtf/walker.py walks with them)."""

from __future__ import annotations

import codecs
import functools
from typing import Protocol

from ...data import load

__all__ = [
    "MAX_DEPTH",
    "MAX_TABLE_DEPTH",
    "RowDef",
    "Sink",
    "State",
    "codec",
    "vocabulary",
]

# Groups nested deeper than this are hostile: Word writes a dozen or so.
MAX_DEPTH = 512
# Tables nested deeper than this (\itapN) are too: Word allows 64.
MAX_TABLE_DEPTH = 64

# What a group's text is: read as text, a list number, a text box's,
# residue (the four that collect text, hence first), or none.
TEXT, NUMBER, BOX, RESIDUE, SKIP, FONTS, NESTPROPS, UPR, COLORS = range(9)

# A run's look, as bits of `State.look`: what decides whether it is seen.
HIDDEN = 1  # \v
WHITE = 2  # \cfN, N white in the colour table
HIGHLIGHT = 4  # \highlightN, N not white
BACKGROUND = 8  # \cbN / \chcbpatN, N not white
PARA_SHADED = 16  # \cbpatN on the paragraph, N not white
SHADED = HIGHLIGHT | BACKGROUND | PARA_SHADED
CHARACTER = HIDDEN | WHITE | HIGHLIGHT | BACKGROUND  # what \plain resets


class RowDef:
    """One row definition: `\\trowd` … `\\cellxN` for each cell."""

    __slots__ = ("cells", "fill", "header", "left", "pending", "shaded")

    def __init__(self) -> None:
        self.left = 0  # \trleftN: where the first cell starts, in twips
        self.header = False  # \trhdr: repeated at the top of every page
        # (right edge in twips, vertical merge: "" | "restart" | "continue",
        #  horizontal merge: the same) of each cell, left to right
        self.cells: list[tuple[int, str, str]] = []
        self.pending = ["", ""]  # merges read for the next \cellx
        self.shaded: set[int] = set()  # cells (by position) with a coloured fill
        self.fill = False  # \clcbpatN read for the next \cellx


class Sink(Protocol):
    """What the walker hands on (`rtf.wordml.Builder`)."""

    def text(self, text: str, look: int) -> None: ...
    def end_paragraph(self, level: int) -> None: ...
    def end_cell(self, level: int) -> None: ...
    def end_row(self, level: int, row: RowDef | None) -> None: ...
    def residue(self, text: str, reason: str) -> None: ...
    def text_box(self, lines: list[str]) -> None: ...
    def end_document(self, level: int) -> None: ...


class State:
    """The properties a group saves and restores."""

    __slots__ = ("codec", "dest", "intbl", "itap", "look", "outer", "uc")

    def __init__(self) -> None:
        self.dest = TEXT
        self.codec = "cp1252"
        self.uc = 1
        self.look = 0  # HIDDEN | WHITE | ... bits
        self.intbl = False
        self.itap = 0
        self.outer = TEXT  # the destination an \upr group returns to for \*\ud

    def copy(self) -> State:
        new = State.__new__(State)
        new.dest, new.codec, new.uc, new.look = self.dest, self.codec, self.uc, self.look
        new.intbl, new.itap, new.outer = self.intbl, self.itap, self.outer
        return new

    def level(self) -> int:
        """The table nesting level of the paragraph (0: body)."""
        return self.itap or (1 if self.intbl else 0)


@functools.cache
def vocabulary() -> tuple[
    dict[int, int], dict[int, str], dict[str, str], frozenset[str], frozenset[str], dict[str, str]
]:
    """data/rtf.toml: charsets → code pages, code pages → codecs, the words
    that stand for text, the destinations to pass over, the \\* ones to read,
    and the residue reasons."""
    raw = load("rtf")
    charsets = {int(k): int(v) for k, v in raw["charsets"].items()}
    names = {int(k): str(v) for k, v in raw["codecs"].items()}
    dest = raw["destinations"]
    return (
        charsets,
        names,
        dict(raw["symbols"]),
        frozenset(dest["skip"]),
        frozenset(dest["read_ignorable"]),
        dict(raw["residue"]),
    )


def codec(codepage: int) -> str:
    """The Python codec of a Windows code page; 1252 for one Python lacks."""
    name = vocabulary()[1].get(codepage, f"cp{codepage}")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "cp1252"

"""A notice that marks each measure's lead by its typeface (责任单位中加粗的
为牵头单位) read from a copy that shows none (a .txt, a PDF's text, a web
page without the bold): every unit is read as a supporting unit, and the
outline says the leads could not be read (`typeface_lead`) rather than let
a measure with no lead pass as read.  A Markdown copy keeps the bold and
reads it (read/text/markdown.py)."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .._support.lazy_regex import compile_cached
from ..data import load
from .guesses import Note, line_of
from .header import Line

if TYPE_CHECKING:
    import regex

__all__ = ["typeface_note"]


@functools.cache
def _pattern() -> regex.Pattern[str]:
    return compile_cached("|".join(load("annotations")["conventions"]["typeface_is_lead"]))


def typeface_note(lines: Sequence[Line], leads: Sequence[Sequence[str]]) -> Note | None:
    """The note, or None: no line states the convention, no prose measure,
    or some measure's lead was read (the bold survived as a sign)."""
    if not leads or any(leads):  # no prose measure (a table's cells say), or a lead read
        return None
    stated = next((ln for ln in lines if _pattern().search(ln.text) is not None), None)
    if stated is None:
        return None
    return ("typeface_lead", (("line", line_of(stated.span)), ("text", stated.text.strip())))

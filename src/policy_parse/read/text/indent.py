"""A tab before every line: indentation, not a table.

The text reader takes a line that starts with a tab for a table cell (the
tab-indented 分工表 of a copy from Word: one cell a line, rows apart by
blank lines).  A copy whose *every* line starts with a tab — each paragraph
indented with one, as some editors and portals save text — would then be
one table of one-cell rows, and no notice: the corpus so indented read
0/282.  Where nearly every line holding text starts with a tab, or goes on
from one that does (a PDF copy re-wrapped the indented paragraphs), and no
group of lines reads as a table's header row, `untabbed` takes the tabs
off; a text whose tab lines include a header row (序号 / 工作任务 / 牵头单位 …)
is a table and is left as it is.
"""

from __future__ import annotations

from collections.abc import Sequence

from .tables import column_role

__all__ = ["untabbed"]

_SHARE = 0.95  # of the lines holding text that start with a tab or go on from one
_MIN_LINES = 3
_ROW_MAX = 16  # cells a header row of a 分工表 holds, at most


def untabbed(lines: Sequence[str]) -> tuple[list[str], int] | None:
    """`lines` without the tabs that indent their paragraphs, and how many
    lines had them; None when the tabs may be a table's."""
    if "\t" not in "".join(lines):  # most texts: no tab at all, tested in C
        return None
    texts = 0
    covered = 0  # lines that start with a tab, or go on from one that does
    tabs: list[str] = []
    going_on = False
    for line in lines:
        if not line.strip():
            going_on = False
            continue
        texts += 1
        if line.startswith("\t"):
            tabs.append(line)
            going_on = True
        covered += going_on
    if texts < _MIN_LINES or covered < _SHARE * texts or _has_header(lines):
        return None
    # Each indent may be several tabs: as many as every tabbed line has.
    depth = min(len(ln) - len(ln.lstrip("\t")) for ln in tabs)
    return [ln[depth:] if ln.startswith("\t") else ln for ln in lines], len(tabs)


def _has_header(lines: Sequence[str]) -> bool:
    """A group of lines (between blank ones) short enough to be one row, two
    of whose lines name columns: a tab-indented table's header row.  (A
    flattened table indented line by line is one long group, or one cell a
    group: not this reader's tab rows, and better read untabbed.)"""
    group: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            group.append(line.strip())
            continue
        if 2 <= len(group) <= _ROW_MAX and sum(_names_column(t) for t in group) >= 2:
            return True
        group = []
    return False


def _names_column(text: str) -> bool:
    return len(text) <= 16 and column_role(text) is not None

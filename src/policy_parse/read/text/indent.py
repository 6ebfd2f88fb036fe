"""A tab before every line: indentation, not a table.

The text reader takes a line that starts with a tab for a table cell (the
tab-indented 分工表 of a copy from Word: one cell a line, rows apart by
blank lines).  A copy whose *every* line starts with a tab — each paragraph
indented with one, as some editors and portals save text — would then be
one table of one-cell rows, and no notice: the corpus so indented read
0/282.  Where nearly every line holding text starts with a tab and no group
of them reads as a table's header row, `untabbed` takes one leading tab off
every line; a text whose tab lines include a header row (序号 / 工作任务 /
牵头单位 …) is a table and is left as it is.
"""

from __future__ import annotations

from collections.abc import Sequence

from .tables import column_role

__all__ = ["untabbed"]

_SHARE = 0.95  # of the lines holding text that start with a tab
_MIN_LINES = 3
_ROW_MAX = 16  # cells a header row of a 分工表 holds, at most


def untabbed(lines: Sequence[str]) -> tuple[list[str], int] | None:
    """`lines` without the tab that indents each, and how many had one;
    None when the tabs may be a table's."""
    texts = [ln for ln in lines if ln.strip()]
    tabbed = sum(ln.startswith("\t") for ln in texts)
    if len(texts) < _MIN_LINES or tabbed < _SHARE * len(texts) or _has_header(lines):
        return None
    # Each indent may be several tabs: as many as every tabbed line has.
    depth = min(len(ln) - len(ln.lstrip("\t")) for ln in texts if ln.startswith("\t"))
    return [ln[depth:] if ln.startswith("\t") else ln for ln in lines], tabbed


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

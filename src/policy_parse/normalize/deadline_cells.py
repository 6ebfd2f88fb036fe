"""Empty 时限 cells of a 分工表 copied as text: what was guessed for them.

A copy from a web page or PDF cannot show a merged cell: a deadline merged
over several measures' rows comes out written on the first row and empty on
the others, exactly as a deadline a clerk left blank does.  segment.table
reads an empty 时限 cell as the row above's (a merge cut by the copy) —
unless the column was already blank on a row with nothing above it, which a
merge never is: there the clerk leaves cells blank, and empty stays empty.
Either way the record's deadline is one reading of two, so it is said: per
measure where the deadline was copied from a measure above (a row with an
empty 序号 going on its own measure copies nothing in doubt), once per
table where empty cells were left empty after a written deadline.
"""

from __future__ import annotations

from ..models import Notice, TableEntry

_ROLE = "deadline"


def copied_deadlines(notice: Notice) -> list[TableEntry]:
    """Rows given the deadline of another measure's row above through an
    empty, unmarked cell."""
    return [
        e
        for e in notice.table
        if _ROLE in e.unmarked
        and _ROLE in e.inherited
        and "number" not in e.inherited
        and e.deadline is not None
    ]


def blank_deadlines(notice: Notice) -> list[TableEntry]:
    """Rows whose empty, unmarked 时限 cell was left empty although a row
    above wrote a deadline (the column leaves cells blank elsewhere)."""
    out: list[TableEntry] = []
    written = False
    for e in notice.table:
        if _ROLE in e.unmarked and _ROLE not in e.inherited and written:
            out.append(e)
        written = written or (e.deadline is not None and _ROLE not in e.unmarked)
    return out

"""Shapes of Word body elements that their content decides: a text that
opens with a typed list number (`TYPED_NUMBER`), a table that only frames
the notice (`frames`), a 续表 line between the halves of a table
(`CONTINUED`).  A paragraph that is a row of cells is `read.row_gaps`'.
The Word reader (`docx.reader`) asks; nothing here walks the body."""

from __future__ import annotations

from typing import Any

from ..._support.lazy_regex import lazy_compile
from ..text.tables import looks_like_header
from .wordml import W, unwrap

__all__ = ["CONTINUED", "MAX_FRAMES", "TYPED_NUMBER", "frames"]

# 续表 / 续表1 / （续表） / 续上表 between two tables: the table above goes on
# (the PDF reader's page furniture knows the same marker).
CONTINUED = lazy_compile(r"^\s*[（(]?\s*续(?:上)?表\s*\d*\s*[）)]?\s*[:：]?\s*$")

_P = W + "p"
_TBL = W + "tbl"
_TR = W + "tr"
_TC = W + "tc"


# Text that opens with a list number of its own (1. （一） 一、 ...).
TYPED_NUMBER = lazy_compile(r"\s*(?:[0-9０-９]|[（(]|[一二三四五六七八九十]+[、.．])")

MAX_FRAMES = 8  # frames inside frames read as flow; deeper, a table as any other


def frames(tbl: Any) -> bool:
    """Whether `tbl` is a frame drawn around the notice or its 分工表 rather
    than data: a single column (a 分工表 has at least a task and a unit
    column) whose cells hold a table, or at most three rows with a table in
    a cell.  Read as a table, the framed 分工表 would be a nested table set
    aside as residue.  A table whose own cells make a 分工表 header row
    (序号 | 工作任务 | 责任单位) is data with a table nested in a cell, not a
    frame: read as a frame, its cells would shift into one another's
    columns."""
    rows = [tr for tr in unwrap(tbl) if tr.tag == _TR]
    if not rows or len(rows) > 3:
        return False
    cells = [[tc for tc in unwrap(tr) if tc.tag == _TC] for tr in rows]
    if not any(any(child.tag == _TBL for child in unwrap(tc)) for row in cells for tc in row):
        return False
    return not any(looks_like_header([_own_text(tc) for tc in row]) for row in cells)


def _own_text(tc: Any) -> str:
    """A cell's text outside the tables nested in it (for a header test)."""
    return "".join(
        t.text or "" for child in unwrap(tc) if child.tag == _P for t in child.iter(W + "t")
    ).strip()

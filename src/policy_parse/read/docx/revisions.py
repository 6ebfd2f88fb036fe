"""Tracked changes (revisions) in a Word file: the reader reads the text as
it stands once every change is accepted, and says what it left out.

Word keeps a deletion in the file until someone accepts it: runs inside
w:del (and the old place of moved text, w:moveFrom) hold w:delText, and a
table row whose w:trPr holds w:del is a deleted row, a cell whose w:tcPr
holds w:cellDel a deleted cell (the cells after it move left once the
change is accepted, as Word shows it); a paragraph whose mark is
deleted and whose text is all deleted is gone, and takes no list number.  A reader of the
printed notice sees none of it, so none of it is read as the notice; it is
kept as residue with the reason below, at its paragraph or cell (a deleted
row at the table), never dropped (a deleted 牵头单位 would otherwise stay
the lead, or vanish unseen).  Insertions (w:ins, w:moveTo) are read as text
(`docx.inline`).
"""

from __future__ import annotations

from typing import Any

from .wordml import W

__all__ = [
    "DELETED_REASON",
    "MOVED_REASON",
    "cell_reason",
    "deleted_text",
    "is_deleted_cell",
    "is_deleted_paragraph",
    "is_deleted_row",
    "row_reason",
]

DELETED_REASON = "deleted in Word's tracked changes (w:del), not read: the text is read as accepted"
MOVED_REASON = "moved away in Word's tracked changes (w:moveFrom), read where it was moved to"

_DEL_TEXT = W + "delText"
_T = W + "t"
_TAB = W + "tab"
_BR = W + "br"
_CR = W + "cr"


def deleted_text(el: Any) -> str:
    """The text a w:del or w:moveFrom takes away (its runs' w:delText, or
    w:t where a writer kept plain text in it)."""
    parts: list[str] = []
    for c in el.iter(_DEL_TEXT, _T, _TAB, _BR, _CR):
        if c.tag in (_DEL_TEXT, _T):
            parts.append(c.text or "")
        elif c.tag == _TAB:
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def is_deleted_paragraph(p: Any, text: str) -> bool:
    """A paragraph deleted whole with tracks on: its mark is deleted (w:del
    in the w:rPr of its w:pPr) and no text is left.  Once accepted it is
    gone, so Word gives it no list number and the numbers after it close up."""
    if text.strip():
        return False
    ppr = p.find(W + "pPr")
    rpr = ppr.find(W + "rPr") if ppr is not None else None
    return rpr is not None and rpr.find(W + "del") is not None


def is_deleted_row(tr: Any) -> bool:
    """A table row deleted with tracks on: its w:trPr holds w:del."""
    trpr = tr.find(W + "trPr")
    return trpr is not None and trpr.find(W + "del") is not None


def row_reason(t: int) -> str:
    """The residue reason of a deleted row of table `t`."""
    return f"table row deleted in Word's tracked changes (table {t}), not read"


def is_deleted_cell(tc: Any) -> bool:
    """A table cell deleted with tracks on: its w:tcPr holds w:cellDel."""
    tcpr = tc.find(W + "tcPr")
    return tcpr is not None and tcpr.find(W + "cellDel") is not None


def cell_reason(t: int, r: int) -> str:
    """The residue reason of a deleted cell of table `t`, row `r`."""
    return f"table cell deleted in Word's tracked changes (table {t}, row {r}), not read"

"""Page furniture among blocks: page numbers (- 3 -, 第3页, a bare 5 inside
an annotation) that text copied from a PDF keeps as paragraphs of a Word
file, a web page or a PDF made of them, taken out as residue as the text
reader takes them out of lines (read/text/furniture.py)."""

from __future__ import annotations

from ..models import Block, Paragraph, Residue, Table
from .text.furniture import find_furniture
from .text.tables import column_role

__all__ = ["without_page_furniture"]


def without_page_furniture(
    blocks: list[Block],
) -> tuple[list[Block], list[Residue]]:
    """Page numbers (— 3 —, 第3页) that a PDF converted to a web page, or
    copied into Word, left between its paragraphs, taken out as residue as
    the text reader does (read/text/furniture.py); not the running heads
    beside them, which without blank lines cannot be told from a table cell
    at each break."""
    # A table stands as its 序号 header cell: where one stands, bare numbers
    # may be a table's cells, as the text reader takes them in the .txt copy.
    texts = [b.text if isinstance(b, Paragraph) else _header_cell(b) for b in blocks]
    found = find_furniture(texts, running_heads=False)
    if not found:
        return blocks, []
    left = [
        Residue(text=r.text, reason=r.reason, span=blocks[k].span) for k, r in sorted(found.items())
    ]
    return [b for k, b in enumerate(blocks) if k not in found], left


def _header_cell(table: Table) -> str:
    """The table's 序号 header cell where its first row has one, else ""."""
    cells = table.rows[0].cells if table.rows else ()
    return next((c.text for c in cells if column_role(c.text.strip()) == "number"), "")

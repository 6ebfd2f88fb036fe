"""Page furniture among blocks: page numbers (- 3 -, 第3页, a bare 5 inside
an annotation) that text copied from a PDF keeps as paragraphs of a Word
file, a web page or a PDF made of them, taken out as residue as the text
reader takes them out of lines (read/text/furniture.py)."""

from __future__ import annotations

from .._support.brackets import OPENERS, depth, open_at_end
from ..models import Block, Paragraph, Residue, Table
from .text.furniture import find_furniture
from .text.repeated_heads import repeated_heads
from .text.tables import column_role

__all__ = ["without_page_furniture"]

_PAGE = "page number left by a PDF copy"
_HEAD = "running head repeated at each page number"


def without_page_furniture(
    blocks: list[Block],
) -> tuple[list[Block], list[Residue]]:
    """Page numbers (— 3 —, 第3页) that a PDF converted to a web page, or
    copied into Word, left between its paragraphs, taken out as residue as
    the text reader does (read/text/furniture.py); the running head beside
    them only where one of its copies stands inside an annotation (between
    a bracket opened before the page number and its closer after the head):
    elsewhere, without blank lines, it cannot be told from a table's cell."""
    # A table stands as its 序号 header cell: where one stands, bare numbers
    # may be a table's cells, as the text reader takes them in the .txt copy.
    texts = [b.text if isinstance(b, Paragraph) else _header_cell(b) for b in blocks]
    found = find_furniture(texts, running_heads=False)
    found.update(
        (n, Residue(text=texts[n].strip(), reason=_HEAD, span=blocks[n].span))
        for n in _running_heads(texts, found)
    )
    # The title repeated at a page top with no page number beside it, inside
    # an open annotation (read/text/repeated_heads.py; a table is no row of
    # text here, so only a paragraph left open counts).
    found.update(repeated_heads(texts, frozenset(found)))
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


def _running_heads(texts: list[str], found: dict[int, Residue]) -> list[int]:
    """Blocks of one text that stand beside two page numbers, one copy of
    it inside an annotation the page broke (…县乙局、/ - 3 - / 某县人民政府
    办公室 / 县丙局配合）): a cell or a label's value is never there."""
    numbers = [k for k, r in found.items() if r.reason == _PAGE]
    if len(numbers) < 2:
        return []
    beside: dict[str, set[int]] = {}
    for k in numbers:
        for step in (-1, 1):
            n = _next(texts, found, k, step)
            if n is not None:
                beside.setdefault(texts[n].strip(), set()).add(n)
    out: list[int] = []
    for ks in beside.values():
        if len(ks) >= 2 and any(_inside_annotation(texts, found, n) for n in ks):
            out.extend(ks)
    return sorted(out)


def _inside_annotation(texts: list[str], found: dict[int, Residue], n: int) -> bool:
    before = _next(texts, found, n, -1, skip_furniture=True)
    after = _next(texts, found, n, 1, skip_furniture=True)
    if before is None or after is None or not open_at_end(texts[before]):
        return False
    head = texts[after]
    cut = min((i for i, c in enumerate(head) if c in OPENERS), default=len(head))
    return depth(head[:cut]) < 0


def _next(
    texts: list[str], found: dict[int, Residue], k: int, step: int, *, skip_furniture: bool = False
) -> int | None:
    """The next block from k with text; past page numbers where asked."""
    n = k + step
    while 0 <= n < len(texts) and (not texts[n].strip() or (skip_furniture and n in found)):
        n += step
    return n if 0 <= n < len(texts) and n not in found else None

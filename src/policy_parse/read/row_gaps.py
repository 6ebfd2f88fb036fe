"""The white space that places a row of cells written as one line.

A table aligned by tabs or runs of spaces, pasted into a Word paragraph or a
web page's ``<p>`` a row a paragraph, keeps its columns only in that white
space: the tabs or spaces in front of a row say which column its first cell
stands in (a two-row header's second line ``\t\t牵头单位\t配合单位``), the
runs between cells part them.  Readers strip a paragraph but keep these, so
that the text aligner sees the row as the .txt copy of the table has it.
"""

from __future__ import annotations

from .._support.lazy_regex import lazy_compile

__all__ = ["is_row_of_cells", "row_kept"]

# Cells written apart by spaces: a run of two or more (a sentence has one).
_CELL_GAP = lazy_compile(r"[ \u3000]{2,}")


def is_row_of_cells(text: str) -> bool:
    """Whether `text`, stripped, parts cells by a tab or a run of spaces."""
    stripped = text.strip()
    return "\t" in stripped or _CELL_GAP.search(stripped) is not None


def row_kept(text: str) -> str:
    """`text` stripped, but for the tabs or spaces in front of a row of cells
    parted by tabs or runs of spaces (``\t\t牵头单位\t配合单位``, a
    space-aligned header's second line ``        单位     单位``)."""
    stripped = text.strip()
    if "\t" in stripped:
        head = text[: len(text) - len(text.lstrip())]
        return "\t" * head.count("\t") + stripped
    if _CELL_GAP.search(stripped) is not None:
        return text.rstrip().lstrip("\n")
    return stripped

"""Plain-text reader: notices copied from web portals.

Portals render the 分工表 as tab-indented cells: one cell per line, each line
starting with a tab, rows separated by blank lines.  A line *without* a tab
directly under a cell line continues that cell (the clerk pressed Enter inside
the cell).  Everything else is a paragraph, one per line.
"""

from __future__ import annotations

import codecs

from ..errors import DecodingError, EmptyDocumentError
from ..models import Cell, Document, Paragraph, Row, Source, Span, Table

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Tried in order, strictly.  UTF-8 first: valid UTF-8 that is not meant as
# UTF-8 is vanishingly rare for CJK text; GB18030 is a superset of GBK/GB2312
# and the other encoding Chinese portals use.
_CASCADE = ("utf-8", "gb18030")


def decode(data: bytes) -> str:
    """Decode text bytes with a strict cascade (docs/formats.md, encodings)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodingError(
                    f"text starts with a {codec} byte-order mark but is not valid {codec}: {exc.reason}"
                ) from exc
    for codec in _CASCADE:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    raise DecodingError(
        "text is neither UTF-8 nor GB18030/GBK: save it as UTF-8 and try again"
    )


def _is_cell_line(line: str) -> bool:
    return line.startswith("\t")


def _is_blank(line: str) -> bool:
    # A lone tab is an empty cell, not a blank line.
    return not _is_cell_line(line) and not line.strip()


def read_text(text: str, source: Source) -> Document:
    """Split decoded text into paragraphs and tab-indented tables."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise EmptyDocumentError("the input holds no text")
    lines = text.split("\n")

    blocks: list[Paragraph | Table] = []
    table_rows: list[Row] = []

    def close_table() -> None:
        if table_rows:
            span = table_rows[0].span.cover(table_rows[-1].span)
            blocks.append(Table(rows=tuple(table_rows), span=span))
            table_rows.clear()

    i = 0
    while i < len(lines):
        if _is_blank(lines[i]):
            i += 1
            continue
        # A group: consecutive non-blank lines.
        j = i
        while j < len(lines) and not _is_blank(lines[j]):
            j += 1
        group = lines[i:j]
        cell_lines = sum(1 for g in group if _is_cell_line(g))
        if _is_cell_line(group[0]) and cell_lines >= 2:
            table_rows.append(_group_to_row(group, first_line=i + 1))
        else:
            close_table()
            for k, line in enumerate(group):
                n = i + k + 1
                blocks.append(Paragraph(text=line.strip(), span=Span(start_line=n, end_line=n)))
        i = j
    close_table()
    return Document(source=source, blocks=tuple(blocks))


def _group_to_row(group: list[str], first_line: int) -> Row:
    cells: list[tuple[list[str], int, int]] = []
    for k, line in enumerate(group):
        n = first_line + k
        if _is_cell_line(line) or not cells:
            cells.append(([line[1:] if _is_cell_line(line) else line], n, n))
        else:
            # No tab: the previous cell goes on over a line break.
            parts, start, _ = cells[-1]
            parts.append(line)
            cells[-1] = (parts, start, n)
    return Row(
        cells=tuple(
            Cell(
                text="\n".join(p.strip() for p in parts).strip(),
                span=Span(start_line=s, end_line=e),
            )
            for parts, s, e in cells
        ),
        span=Span(start_line=first_line, end_line=first_line + len(group) - 1),
    )

"""A 分工表 saved as CSV (comma-separated values), read as the table it is.

A spreadsheet exported as CSV — by Excel, WPS or a data team's script — is
text whose lines are the table's rows: `序号,重点任务,牵头单位,配合单位` then
`1,推进…,县发改局,"县财政局、县工信局"`.  Read as prose it held no measure
and was refused as no notice.

So a text is read as CSV when the standard library's `csv` module finds in
it a header row of at least three fields, two of them column words
(data/columns.toml, as a table copied as text names its columns), and under
it at least two rows, nine in ten of the rows below having the header's
number of fields.  Fields may be quoted (with commas, quotes and line breaks
inside, as CSV allows).  Lines above the header with at most one field
written (a title row `甲县…分工表,,,,`) are paragraphs; a row with one field
written below the header is a group title row, as in a spreadsheet.  The
notice says the text was read as CSV (a `csv_table` info finding).  Tab- and
space-aligned tables are the table reader's (read/text/tables.py) — except a
tab-separated copy whose cells hold line breaks inside quotes (a spreadsheet
copied to the clipboard: `1\t推进…\t"牵头：县甲局⏎配合：县乙局"`): the table
reader split such a cell into rows of their own, so it is read here with
tabs for commas (a `tsv_table` info finding).
"""

from __future__ import annotations

from ..._support.lazy_regex import lazy_compile
from ...models import Cell, Document, Paragraph, ReadNote, Row, Source, Span, Table
from .tables import column_role

__all__ = ["csv_document"]

_MIN_FIELDS = 3
_MIN_COLUMN_WORDS = 2
_MIN_ROWS = 2
_SAME_WIDTH = 0.9


def csv_document(text: str, source: Source) -> Document | None:
    """The document `text` holds as CSV, or None where it is no CSV table."""
    delimiter = "\t" if "\t" in text and _QUOTED_BREAK.search(text) else ","
    if delimiter not in text or not _header_near_top(text, delimiter):
        return None
    rows = _rows(text.splitlines(keepends=True), delimiter)
    if rows is None:
        return None
    header = next(
        (
            k
            for k, (_, fields) in enumerate(rows[:10])
            if sum(1 for f in fields if f.strip()) >= _MIN_FIELDS
            and sum(1 for f in fields if column_role(f.strip())) >= _MIN_COLUMN_WORDS
        ),
        None,
    )
    if header is None:
        return None
    width = len(rows[header][1])
    below = rows[header + 1 :]
    if len(below) < _MIN_ROWS or sum(len(f) == width for _, f in below) < _SAME_WIDTH * len(below):
        return None
    blocks: list[Paragraph | Table] = []
    for (start, end), fields in rows[:header]:
        written = [f.strip() for f in fields if f.strip()]
        if len(written) > 1:
            return None  # a second table-like row above the header: not a plain CSV
        if written:
            blocks.append(Paragraph(text=written[0], span=Span(start_line=start, end_line=end)))
    table_rows = [
        Row(
            cells=tuple(
                Cell(text=f.strip(), span=Span(start_line=start, end_line=end))
                for f in (fields + [""] * (width - len(fields)))
            ),
            span=Span(start_line=start, end_line=end),
        )
        for (start, end), fields in rows[header:]
    ]
    table = Table(rows=tuple(table_rows), span=table_rows[0].span.cover(table_rows[-1].span))
    blocks.append(table)
    name = "csv_table" if delimiter == "," else "tsv_table"
    note = ReadNote(note=name, fields=(("rows", str(len(table_rows))),))
    return Document(source=source, blocks=tuple(blocks), notes=(note,))


# A quoted tab-separated field whose text goes on past a line break.
_QUOTED_BREAK = lazy_compile(r'(?m)(?:^|\t)"[^"\t\n]*\n(?:[^"\t\n]*\n)*[^"\t\n]*"(?:\t|$)')


def _header_near_top(text: str, delimiter: str = ",") -> bool:
    """Whether one of the first lines, split at its delimiters, names two
    columns: a quick look before the csv module is imported and run."""
    for line in [ln for ln in text.split("\n", 40)[:40] if ln.strip()][:10]:
        fields = [f.strip().strip('"') for f in line.split(delimiter)]
        if len(fields) >= _MIN_FIELDS and sum(1 for f in fields if column_role(f)) >= 2:
            return True
    return False


def _rows(lines: list[str], delimiter: str = ",") -> list[tuple[tuple[int, int], list[str]]] | None:
    """Each non-empty CSV record with its first and last line (1-based), or
    None where the text is no well-formed CSV."""
    import csv  # only for a text with commas: the txt CLI imports no more than it uses

    reader = csv.reader(lines, strict=True, delimiter=delimiter)
    out: list[tuple[tuple[int, int], list[str]]] = []
    try:
        for fields in reader:
            end = reader.line_num
            start = end - _breaks(fields)
            if any(f.strip() for f in fields):
                out.append(((start, end), fields))
    except csv.Error:
        return None
    return out


def _breaks(fields: list[str]) -> int:
    """How many line breaks the record's quoted fields hold."""
    return sum(f.count("\n") for f in fields)

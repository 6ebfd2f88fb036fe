"""A table pasted as paragraphs, read as its .txt copy is (issue 21).

A 分工表 copied out of a browser and pasted into a web page or a Word file
often loses its ruling: each cell becomes a paragraph (``<p>`` per cell, a
Word paragraph per cell), or each row a paragraph whose cells stand apart by
tabs, spaces or ``|``.  The reader of that page sees paragraphs, not a
table.  Here a run of paragraphs between real tables is handed to the text
path (read/text/tables.py, `read_region`: header words, a cell stream, the
aligner) as the lines a .txt copy would have, one line per paragraph (a line
break inside a paragraph is a line of its own); where it finds a table, the
paragraphs it covers become that `Table`, whose spans are the paragraphs'
own.  Where it finds none, the paragraphs stay exactly as the reader made
them: the text path is asked only where a paragraph holds column words.

An empty paragraph is no line: a page or a Word file drops it (or the reader
does), so an empty cell is a cell the aligner infers, as in a copy that
writes nothing for it.  The doubtful rows of such a table are numbered by
paragraph (the first paragraph of the run is 1), not by line.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..._support.lazy_regex import lazy_compile
from ...models import Block, Paragraph, Residue, Row, Span, Table
from .tables import column_role, looks_like_header, read_region

__all__ = ["tables_in_paragraphs"]

# What may part the cells of a row written as one paragraph.
_CELL_GAPS = lazy_compile(r"[\s|｜\u3000:：]+")
_LEADING = frozenset({"number", "text"})


def tables_in_paragraphs(blocks: Sequence[Block]) -> tuple[list[Block], list[Residue]]:
    """`blocks` with every table pasted as paragraphs rebuilt, and the residue
    the text path left (a rule line, a row it could not align)."""
    out: list[Block] = []
    residue: list[Residue] = []
    run: list[Paragraph] = []

    def flush() -> None:
        if run:
            found, left = _rebuild(run)
            out.extend(found)
            residue.extend(left)
            run.clear()

    for block in blocks:
        if isinstance(block, Paragraph):
            run.append(block)
        else:
            flush()
            out.append(block)
    flush()
    return out, residue


def _may_hold_a_header(run: Sequence[Paragraph]) -> bool:
    """A paragraph that opens with a header cell (序号, 工作任务, 重点工作:),
    or is a header row of its own: cheap enough to ask of every paragraph of
    a long notice.  (A prose paragraph that passes costs a look, no more.)"""
    for p in run:
        cells = [t for t in _CELL_GAPS.split(p.text[:120]) if t]
        if cells and (column_role(cells[0]) in _LEADING or looks_like_header(cells)):
            return True
    return False


def _rebuild(run: Sequence[Paragraph]) -> tuple[list[Block], list[Residue]]:
    if not _may_hold_a_header(run):
        return list(run), []
    lines: list[str] = []
    owner: list[int] = []  # line → the paragraph it came from
    for k, p in enumerate(run):
        for piece in p.text.split("\n"):
            lines.append(piece)
            owner.append(k)
    found, left = read_region(lines, 0, len(lines))
    if not any(isinstance(b, Table) for b in found):
        return list(run), []
    spans = _Spans(run, owner)
    # A paragraph all of whose lines the text path left as paragraphs is
    # kept as the reader made it; one the table took part of keeps the rest.
    as_paragraph = {(b.span.start_line or 1) - 1 for b in found if isinstance(b, Paragraph)}
    first: dict[int, int] = {}
    partial: set[int] = set()
    for n, k in enumerate(owner):
        first.setdefault(k, n)
        if n not in as_paragraph:
            partial.add(k)
    out: list[Block] = []
    for block in found:
        if isinstance(block, Table):
            out.append(spans.table(block))
            continue
        line = (block.span.start_line or 1) - 1
        k = owner[line]
        if k in partial:
            out.append(Paragraph(text=block.text, span=run[k].span))
        elif line == first[k]:
            out.append(run[k])
    return out, [attrs.evolve(r, span=spans.span(r.span)) for r in left]


@attrs.frozen
class _Spans:
    """Line spans of the text path → the spans of the paragraphs they came from."""

    run: Sequence[Paragraph]
    owner: Sequence[int]

    def span(self, lines: Span) -> Span:
        if lines.start_line is None:
            return lines
        first = self.run[self.owner[lines.start_line - 1]].span
        last = self.run[self.owner[(lines.end_line or lines.start_line) - 1]].span
        return first.cover(last)

    def number(self, line: int) -> int:
        k = self.owner[line - 1]
        index = self.run[k].span.paragraph
        return (k if index is None else index) + 1

    def table(self, table: Table) -> Table:
        rows = tuple(
            Row(
                cells=tuple(attrs.evolve(c, span=self.span(c.span)) for c in row.cells),
                span=self.span(row.span),
                repeat_header=row.repeat_header,
            )
            for row in table.rows
        )
        alignment = table.alignment
        if alignment is not None:
            # Lines of the run → the document's paragraphs, counted from 1.
            doubtful = tuple(dict.fromkeys(self.number(n) for n in alignment.doubtful))
            apart = tuple((self.number(n), h, t) for n, h, t in alignment.apart)
            alignment = attrs.evolve(alignment, doubtful=doubtful, apart=apart)
        return Table(rows=rows, span=self.span(table.span), alignment=alignment)

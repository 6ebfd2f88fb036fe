"""segment/table.py: a row whose one cell spans the whole table is a group
title, in every form (issue 28).

Text copied from a portal shows such a row as one line and is read as a
title; Word (w:gridSpan) and a PDF's merged region give the row every grid
column, the covered ones `merged_left`.  Those copies of the title are no
cells of their own: the row was read as a measure whose every column held the
title, its 责任单位 a unit named after the title (found rendering the corpus
as Word files; the specimen is invented).
"""

from __future__ import annotations

import io

import docx

import policy_parse
from policy_parse.models import Cell, Row, Span, Table
from policy_parse.segment.table import table_to_segment

TITLE = "经济发展主要预期目标"
GRID = (
    ("序号", "工作任务", "责任单位"),
    (TITLE, None, None),  # None: covered by the cell to its left
    ("1", "地区生产总值稳步增长。", "区发改局、区统计局"),
    ("2", "一般公共预算收入稳步增长。", "区财政局"),
)


def _table(grid: tuple[tuple[str | None, ...], ...] = GRID) -> Table:
    """`grid` as a table, each None a cell covered by the one to its left."""
    rows = []
    for k, texts in enumerate(grid):
        span = Span(table=0, row=k)
        cells = tuple(
            Cell(text="", span=span, merged_left=True) if t is None else Cell(text=t, span=span)
            for t in texts
        )
        rows.append(Row(cells=cells, span=span))
    return Table(rows=tuple(rows), span=Span(table=0))


def test_a_row_spanning_the_table_is_a_group_title_not_a_row():
    seg = table_to_segment(_table(), explicit_merges=True)
    assert seg is not None
    assert [r.number for r in seg.rows] == ["1", "2"]
    assert all(r.get("part") == TITLE for r in seg.rows)
    assert all(TITLE not in r.get("combined") for r in seg.rows)


def test_a_word_table_with_a_spanning_title_row_reads_only_its_rows():
    d = docx.Document()
    d.add_paragraph("某区重点工作任务分解表")
    table = d.add_table(rows=len(GRID), cols=3)
    for r, texts in enumerate(GRID):
        for c, text in enumerate(texts):
            if text is not None:
                table.cell(r, c).text = text
    table.cell(1, 0).merge(table.cell(1, 2))
    table.cell(1, 0).text = TITLE
    buf = io.BytesIO()
    d.save(buf)
    notice = policy_parse.parse(buf.getvalue())
    assert [str(e.number) for e in notice.table] == ["1", "2"]
    names = {u.written for e in notice.table for u in (*e.lead, *e.support)}
    assert names == {"区发改局", "区统计局", "区财政局"}
    assert not [d for d in notice.discrepancies if d.note == "odd_unit"]


def test_a_cell_spanning_into_a_column_no_role_claims_gives_that_column_no_copy():
    # 时限要求 spans two grid columns in every row (w:gridSpan), the second
    # with no header of its own: it is one cell, not an extra column holding
    # a copy of the deadline (a fuzzed Word table made such copies, which the
    # nothing-lost audit counted as invented text).
    grid = (
        ("序号", "工作任务", "责任单位", "时限要求", None),
        ("1", "地区生产总值稳步增长。", "区发改局", "2025年底前", None),
        ("2", "一般公共预算收入稳步增长。", "区财政局", "长期坚持", None),
    )
    seg = table_to_segment(_table(grid), explicit_merges=True)
    assert seg is not None
    assert [(r.number, r.get("deadline")) for r in seg.rows] == [
        ("1", "2025年底前"),
        ("2", "长期坚持"),
    ]
    assert [[v for role, v in r.values if role == "extra"] for r in seg.rows] == [[], []]

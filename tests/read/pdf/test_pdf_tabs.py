"""A table whose cells a writer parted by tabs, as a PDF: a tab draws
nothing, only a move to the next tab stop, so the page holds white gaps
with no glyph in them.  Read back as tabs, the rows are the .txt's and the
text path rebuilds the table (docs/pdf.md, "Text of a line").  Every PDF
here is invented and read by both engines, which must agree."""

from __future__ import annotations

import hashlib

from pdf_fixtures import Page, Text, build_pdf, text_width, without_spans

from policy_parse.models import Document, Format, Paragraph, Source, Table
from policy_parse.read.limits import Limits
from policy_parse.read.pdf.reader import read_pdf

SIZE = 10.0
LEFT = 72.0
COLUMN = 30 * SIZE
STEP = 24.0  # the writer's default tab stops, every 2.4 em from the margin


def read(texts: list[Text]) -> Document:
    data = build_pdf([Page(width=2 * LEFT + COLUMN, texts=texts)])
    src = Source(path=None, format=Format.PDF, sha256=hashlib.sha256(data).hexdigest())
    doc = read_pdf(data, src, Limits())
    assert without_spans(doc) == without_spans(read_pdf(data, src, Limits(), engine="pdfplumber"))
    return doc


def tabbed(row: str, top: float) -> list[Text]:
    """`row`'s cells (parted by ⇥, one tab each) set as a layout engine sets
    tabs: each cell from the first stop past the text before it, nothing
    drawn in between."""
    out: list[Text] = []
    x = LEFT
    for k, cell in enumerate(row.split("⇥")):
        if k:
            x = LEFT + STEP * (int((x - LEFT) // STEP) + 1)
        if cell:
            out.append(Text(x, top, cell, SIZE))
            x += text_width(cell, SIZE)
    return out


def rows(doc: Document) -> list[list[str]]:
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1, [getattr(b, "text", b) for b in doc.blocks]
    return [[c.text for c in r.cells] for r in tables[0].rows]


HEADER = "序号⇥工作任务⇥牵头单位⇥完成时限"


def test_cells_parted_by_tabs_read_as_a_table_not_one_glued_line() -> None:
    texts = [Text(LEFT, 60, "城东区2025年重点任务分工表", SIZE)]
    for k, row in enumerate(
        [HEADER, "1⇥建设社区服务站⇥区民政局⇥2025年底前", "2⇥改造老旧小区⇥区住建局⇥持续推进"]
    ):
        texts += tabbed(row, 90 + 15 * k)
    doc = read(texts)
    # Read as nothing, the gaps glued the cells: 1建设社区服务站区民政局2025年底前.
    assert rows(doc) == [
        ["序号", "工作任务", "牵头单位", "完成时限"],
        ["1", "建设社区服务站", "区民政局", "2025年底前"],
        ["2", "改造老旧小区", "区住建局", "持续推进"],
    ]
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == [
        "城东区2025年重点任务分工表"
    ]


def test_a_gap_past_two_stops_is_an_empty_cell_and_a_row_may_start_on_one() -> None:
    texts: list[Text] = []
    for k, row in enumerate(
        [
            "序号⇥工作任务⇥责任单位⇥⇥完成时限",
            "⇥⇥牵头单位⇥配合单位⇥",  # the header's second row: two empty cells in front
            "1⇥建设社区服务站⇥区民政局⇥区财政局⇥2025年底前",
            "2⇥⇥区住建局⇥区财政局⇥持续推进",  # its task left blank
        ]
    ):
        texts += tabbed(row, 90 + 15 * k)
    doc = read(texts)
    got = rows(doc)
    assert got[0] == ["序号", "工作任务", "责任单位", "", "完成时限"]
    assert got[1] == ["", "", "牵头单位", "配合单位", ""]
    assert got[3] == ["2", "", "区住建局", "区财政局", "持续推进"]


def test_a_row_that_fills_its_line_does_not_swallow_the_next_rows_number() -> None:
    # Row 1's last cell (from the sixth stop) ends 6 pt short of the right
    # margin: less than the next line's first piece (`2`, half an em) and
    # the slack a wrap allows, so the line reads as full.
    last = "甲" * int((COLUMN - 6 * STEP) / SIZE)
    texts = tabbed(HEADER, 90)
    texts += tabbed(f"1⇥建设社区服务站⇥区民政局⇥{last}", 105)
    texts += tabbed("2⇥改造老旧小区⇥区住建局⇥持续推进", 120)
    assert LEFT + COLUMN - max(t.x + text_width(t.text, SIZE) for t in texts) == 6.0
    got = rows(read(texts))
    assert [r[0] for r in got] == ["序号", "1", "2"]
    assert got[1][3] == last


def test_a_justified_line_and_cjk_latin_spacing_hold_no_tab() -> None:
    # Every gap alike (a line spread to the margin) and the fifth of an em a
    # layout engine sets between CJK and digits: prose, no cells.
    spread = [Text(LEFT + k * 1.25 * SIZE, 90, ch, SIZE) for k, ch in enumerate("各部门要抓好落实")]
    spaced = [
        Text(LEFT, 105, "完成", SIZE),
        Text(LEFT + 2.2 * SIZE, 105, "2025", SIZE),
        Text(LEFT + 4.4 * SIZE, 105, "年任务", SIZE),
    ]
    doc = read(spread + spaced)
    assert [b.text for b in doc.blocks] == ["各部门要抓好落实", "完成2025年任务"]

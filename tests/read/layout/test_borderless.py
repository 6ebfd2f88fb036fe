"""layout.borderless: a 分工表 printed without ruling lines is read as a
table, its grid inferred from the text's alignment and reported as a guess;
text that is not such a table stays as it was.

The first tests lay invented pages out character by character (no engine);
the last read PDFs LibreOffice exported (tests/fixtures/borderless/, made by
tools/make_borderless.py) with both engines."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_parse.read.layout.blocks import layouts_to_blocks
from policy_parse.read.layout.inferred import GRID_REASON, settle
from policy_parse.read.layout.labels import label_role
from policy_parse.read.layout.lines import group_lines, is_wide
from policy_parse.read.layout.page_model import Char, Edge, PageModel
from policy_parse.read.layout.tables import Layout, page_to_layout

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "borderless"
SAMPLES = Path(__file__).resolve().parents[3] / "samples"
SIZE = 10.0
PITCH = 14.0  # line pitch inside a cell


def _text(text: str, x: float, top: float, size: float = SIZE) -> list[Char]:
    """`text` set from `x` on one line: wide characters one em, others half."""
    out = []
    for ch in text:
        w = size if is_wide(ch) else size / 2
        out.append(Char(ch, x, x + w, top, top + size, size))
        x += w
    return out


def _page(chars: list[Char], number: int = 1, edges: list[Edge] | None = None) -> PageModel:
    return PageModel(number=number, width=595.0, height=842.0, chars=chars, edges=edges or [])


# Columns of an invented 分工表: x of each column's text.
COLS = (60.0, 100.0, 330.0, 420.0)
HEADER = ("序号", "工作任务", "牵头单位", "配合单位")


def _row(top: float, number: str, task: list[str], lead: str, support: str = "") -> list[Char]:
    """One row: its number, its task wrapped over `task` lines, its units."""
    chars = _text(number, COLS[0], top) if number else []
    for k, line in enumerate(task):
        chars += _text(line, COLS[1], top + k * PITCH)
    chars += _text(lead, COLS[2], top)
    if support:
        chars += _text(support, COLS[3], top)
    return chars


def _header(top: float) -> list[Char]:
    return [c for x, word in zip(COLS, HEADER, strict=True) for c in _text(word, x, top)]


def _cells(lay: Layout) -> list[list[str]]:
    (grid,) = lay.grids
    return [[" / ".join(ln.text for ln in cell.lines) for cell in row] for row in grid.rows]


# ---------------------------------------------------------------------------
# Column labels


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("序号", "number"),
        ("序 号", "number"),
        ("工作任务", "text"),
        ("牵头单位", "lead"),
        ("牵头负责部门", "lead"),  # a role word and a unit noun
        ("高新区责任部门", "units"),  # a level prefix before a listed word
        ("配合单位", "support"),
        ("备注", "extra"),
        ("工作", None),
        ("推进示范工作", None),
    ],
)
def test_it_knows_the_column_labels_from_the_column_words(label: str, role: str | None) -> None:
    assert label_role(label) == role


# ---------------------------------------------------------------------------
# Pages laid out


def test_rows_under_a_header_of_column_labels_make_a_grid() -> None:
    chars = _text("某县示范工作分工表", 60, 40)
    chars += _header(80)
    chars += _row(110, "1", ["推进第一项工作，完善相关制度，建立健全工作机", "制。"], "县甲局")
    chars += _row(150, "2", ["推进第二项工作。"], "县乙局", "县丙局")
    lay = page_to_layout(_page(chars))
    assert [ln.text for ln in lay.lines] == ["某县示范工作分工表"]
    assert lay.grids[0].inferred == "header"
    assert _cells(lay) == [
        list(HEADER),
        ["1", "推进第一项工作，完善相关制度，建立健全工作机 / 制。", "县甲局", ""],
        ["2", "推进第二项工作。", "县乙局", "县丙局"],
    ]


def test_a_number_centred_in_its_row_still_starts_the_row_at_its_top() -> None:
    chars = _header(80)
    chars += _row(110, "1", ["推进第一项工作。"], "县甲局")
    # Row 2: three lines of task, its number and lead centred on the second.
    chars += _text("推进第二项工作，完善相关制度，建立健全工作机", COLS[1], 140)
    chars += _text("制，加强统筹协调，确保各项措施落到实处，按期", COLS[1], 140 + PITCH)
    chars += _text("完成。", COLS[1], 140 + 2 * PITCH)
    chars += _text("2", COLS[0], 140 + PITCH) + _text("县乙局", COLS[2], 140 + PITCH)
    chars += _row(200, "3", ["推进第三项工作。"], "县丙局")
    rows = _cells(page_to_layout(_page(chars)))
    assert [r[0] for r in rows] == ["序号", "1", "2", "3"]
    assert rows[2][1].startswith("推进第二项工作") and rows[2][1].endswith("完成。")
    assert rows[1][1] == "推进第一项工作。"


def test_prose_after_the_table_ends_it() -> None:
    chars = _header(80) + _row(110, "1", ["推进第一项工作。"], "县甲局")
    chars += _row(140, "2", ["推进第二项工作。"], "县乙局")
    after = "以上任务由各牵头单位按期完成，并于年底前报送工作进展情况和下一步工作计划安排。"
    chars += _text(after, 60, 200)
    lay = page_to_layout(_page(chars))
    assert [r[0] for r in _cells(lay)] == ["序号", "1", "2"]
    assert [ln.text for ln in lay.lines] == [after]


def test_a_group_title_across_the_table_is_one_cell() -> None:
    chars = _header(80) + _row(110, "1", ["推进第一项工作。"], "县甲局")
    chars += _text("二、保障措施落实到位", COLS[0], 140)  # crosses the 序号 column's edge
    chars += _row(170, "2", ["推进第二项工作。"], "县乙局")
    lay = page_to_layout(_page(chars))
    (grid,) = lay.grids
    title = grid.rows[2]
    assert [ln.text for ln in title[0].lines] == ["二、保障措施落实到位"]
    assert all(cell.bbox is None and cell.merged_left for cell in title[1:])
    assert [r[0] for r in _cells(lay)] == ["序号", "1", "二、保障措施落实到位", "2"]


def test_column_words_inside_a_sentence_make_no_header() -> None:
    chars = _text("本方案的序号、工作任务和牵头单位由县甲局确定。", 60, 80)
    chars += _text("各单位按期完成。", 60, 100)
    # (A header-less candidate is kept only where it continues a table.)
    (lay,) = settle([page_to_layout(_page(chars))])
    assert lay.grids == []


def test_a_ruled_table_is_not_inferred() -> None:
    chars = _header(80) + _row(110, "1", ["推进第一项工作。"], "县甲局")
    xs = (55.0, 95.0, 325.0, 415.0, 500.0)
    ys = (75.0, 105.0, 130.0)
    edges = [Edge("v", x, ys[0], x, ys[-1]) for x in xs]
    edges += [Edge("h", xs[0], y, xs[-1], y) for y in ys]
    (grid,) = page_to_layout(_page(chars, edges=edges)).grids
    assert grid.inferred == ""


def _two_columns(top: float) -> list[Char]:
    """Prose set in two columns: lines side by side, no column label."""
    chars: list[Char] = []
    for k in range(8):
        chars += _text("本季度各单位围绕示范工作开展专项检查。", 60, top + k * PITCH)
        chars += _text("重点查看制度建设和措施落实情况并整改。", 320, top + k * PITCH)
    return chars


def test_two_column_prose_stays_prose() -> None:
    chars = _two_columns(80)
    (lay,) = settle([page_to_layout(_page(chars))])
    assert lay.grids == []
    assert lay.lines == group_lines(chars, 1)


def test_a_page_without_a_header_after_a_ruled_table_stays_prose() -> None:
    """Only a table inferred on the page before is continued."""
    chars = _header(80) + _row(110, "1", ["推进第一项工作。"], "县甲局")
    xs = (55.0, 95.0, 325.0, 415.0, 500.0)
    ys = (75.0, 105.0, 130.0)
    edges = [Edge("v", x, ys[0], x, ys[-1]) for x in xs]
    edges += [Edge("h", xs[0], y, xs[-1], y) for y in ys]
    second = _row(60, "2", ["推进第二项工作。"], "县乙局")
    second += _row(90, "3", ["推进第三项工作。"], "县丙局")
    second += _row(120, "4", ["推进第四项工作。"], "县丁局")
    lays = settle([page_to_layout(_page(chars, edges=edges)), page_to_layout(_page(second, 2))])
    assert lays[1].grids == []
    assert lays[1].lines == group_lines(second, 2)


def test_a_page_without_a_header_continues_the_inferred_table_before_it() -> None:
    first = _header(80) + _row(110, "1", ["推进第一项工作。"], "县甲局", "县丁局")
    first += _row(140, "2", ["推进第二项工作。"], "县乙局", "县丁局")
    # The next page: no header, and no supporting unit (that column shows
    # no channel of its own).
    second = _row(60, "3", ["推进第三项工作。"], "县丙局")
    second += _row(90, "4", ["推进第四项工作。"], "县甲局")
    second += _row(120, "5", ["推进第五项工作。"], "县乙局")
    blocks, residue = layouts_to_blocks(
        [page_to_layout(_page(first, 1)), page_to_layout(_page(second, 2))]
    )
    (table,) = blocks
    rows = [[c.text for c in r.cells] for r in table.rows]  # type: ignore[union-attr]
    assert [r[0] for r in rows] == ["序号", "1", "2", "3", "4", "5"]
    assert rows[3] == ["3", "推进第三项工作。", "县丙局", ""]
    (reported,) = residue
    assert reported.reason == GRID_REASON
    assert (reported.span.page, reported.span.end_page) == (1, 2)


# ---------------------------------------------------------------------------
# PDFs exported by LibreOffice, both engines


def _parse(path: Path, engine: str):  # type: ignore[no-untyped-def]
    import policy_parse

    return policy_parse.parse(path, pdf_engine=engine, ocr=False)


def _inferred(notice) -> list[str]:  # type: ignore[no-untyped-def]
    return [d.message for d in notice.discrepancies if d.note == "table_grid_inferred"]


ENGINES = ("pdfium", "pdfplumber")


@pytest.mark.slow
@pytest.mark.parametrize("engine", ENGINES)
def test_the_sample_notice_without_borders_reads_as_the_ruled_one(engine: str) -> None:
    """samples/notice.docx with its table's borders off: the same measures;
    the table's rows the same but where the borders alone told them apart.
    Row 36's two sub-rows (36-1, 36-2) share one merged 序号 cell: without
    rules they read as one row 36.  The 国家重点任务 cells merged over
    several rows are joined back (their sentences run on from full lines);
    a 方面 title merged over rows 72-73 and cut by a page break is not, so
    row 73 has no part of its own."""
    ruled = _parse(SAMPLES / "notice.pdf", engine)
    bare = _parse(FIXTURES / "notice-borderless.pdf", engine)
    assert [(str(m.number), m.text) for m in bare.measures] == [
        (str(m.number), m.text) for m in ruled.measures
    ]

    def row(e):  # type: ignore[no-untyped-def]
        units = (tuple(u.name for u in e.lead), tuple(u.name for u in e.support))
        return e.text, units, tuple(u.name for u in e.upper_units), e.deadline, e.national_task

    ruled_rows = {str(e.number): row(e) for e in ruled.table}
    bare_rows = {str(e.number): row(e) for e in bare.table}
    assert set(ruled_rows) - set(bare_rows) == {"36-1", "36-2"}
    assert set(bare_rows) - set(ruled_rows) == {"36"}
    assert all(bare_rows[n] == ruled_rows[n] for n in bare_rows if n != "36")
    parts = {str(e.number): e.part for e in bare.table}
    assert [
        n for n, p in parts.items() if p != {str(e.number): e.part for e in ruled.table}.get(n)
    ] == [
        "36",
        "73",
    ]
    assert bare_rows["36"][0] == ruled_rows["36-1"][0] + ruled_rows["36-2"][0]
    (said,) = _inferred(bare)
    assert said.startswith("the table on page(s) 9-23 has no ruling lines")
    assert _inferred(ruled) == []


@pytest.mark.slow
def test_a_table_over_pages_without_a_repeated_header_is_one_table() -> None:
    """Three pages, the header on the first only, the 配合单位 column empty
    throughout, a group title spanning the table, a row cut by a page
    break: one table of 24 rows, the same whatever the engine."""
    notices = [_parse(FIXTURES / "two-pages.pdf", engine) for engine in ENGINES]
    tables = [
        [(str(e.number), e.part, e.text, e.lead, e.support, e.deadline) for e in n.table]
        for n in notices
    ]
    assert tables[0] == tables[1]
    rows = tables[0]
    assert [n for n, *_ in rows] == [str(k) for k in range(1, 25)]
    assert all(
        text.startswith(f"推进第{n}项示范工作") and text.endswith("落到实处。")
        for n, _, text, *_ in rows
    )
    assert [u.name for u in rows[8][3]] == ["县甲局"]  # row 9, cut by the first page break
    assert all(support == () for *_, support, _ in rows)
    assert [part for _, part, *_ in rows] == [None] * 12 + ["2"] * 12
    assert len(_inferred(notices[0])) == 1


@pytest.mark.slow
@pytest.mark.parametrize("engine", ENGINES)
def test_two_column_prose_in_a_pdf_stays_prose(engine: str) -> None:
    """No grid and no finding: the page reads as before this module (the
    reader's order of two prose columns is its own matter)."""
    notice = _parse(FIXTURES / "two-column.pdf", engine)
    assert notice.table == ()
    assert sorted(int(str(m.number)) for m in notice.measures) == list(range(1, 13))
    assert _inferred(notice) == []
    assert not any(r.reason == GRID_REASON for r in notice.residue)


def test_a_text_cell_running_on_into_the_next_row_is_one_merged_cell() -> None:
    """Rows 1 and 2 share one 国家重点任务 (a merge the missing rules hid):
    its first part ends on a full line mid-sentence.  A measure's own text
    ending on a full line (clipped at its column's edge) never runs into the
    next numbered row; unit cells are never joined."""
    labels = ("序号", "国家重点任务", "工作任务", "牵头单位")
    xs = (60.0, 100.0, 330.0, 420.0)
    full = "推进第一项和第二项工作，完善相关制度，建立健"  # 22 wide: the column's width
    chars = [c for x, word in zip(xs, labels, strict=True) for c in _text(word, x, 80)]
    rows = [
        ("1", full, "推进甲工作，完", "县甲局、县乙局"),  # task and units: full lines
        ("2", "全工作机制。", "推进乙工作。", "县丁局"),
        ("3", "推进第三项工作。", "推进丙工作。", "县戊局"),
    ]
    for k, cells in enumerate(rows):
        chars += [
            c for x, text in zip(xs, cells, strict=True) for c in _text(text, x, 110 + 30 * k)
        ]
    (grid,) = page_to_layout(_page(chars)).grids
    national = [row[1] for row in grid.rows]
    assert [ln.text for ln in national[1].lines] == [full, "全工作机制。"]
    assert national[2].bbox is None and national[2].merged_up
    assert [ln.text for ln in national[3].lines] == ["推进第三项工作。"]
    assert [[ln.text for ln in row[2].lines] for row in grid.rows[1:]] == [
        ["推进甲工作，完"],
        ["推进乙工作。"],
        ["推进丙工作。"],
    ]
    assert [ln.text for ln in grid.rows[2][3].lines] == ["县丁局"]


def test_a_row_without_a_number_under_a_merged_one_is_a_row_of_its_own() -> None:
    """Sub-rows under one merged 序号 (each a task and its unit) show as a
    row gap after a finished sentence and a line with a new task and unit;
    a second paragraph of one task (no unit beside it) stays in its row."""
    chars = _header(80)
    chars += _row(110, "1", ["推进第一项工作，完善相关", "制度。"], "县甲局")
    chars += _row(150, "", ["推进第一项的第二部分工作，", "建立机制。"], "县乙局")
    chars += _row(190, "2", ["推进第二项工作，加强统筹", "协调。"], "县丙局")
    chars += _row(230, "", ["第二项的第二段说明，按期", "完成。"], "")
    chars += _row(270, "3", ["推进第三项工作，确保落实", "到位。"], "县丁局")
    rows = _cells(page_to_layout(_page(chars)))
    assert [(r[0], r[2]) for r in rows] == [
        ("序号", "牵头单位"),
        ("1", "县甲局"),
        ("", "县乙局"),
        ("2", "县丙局"),
        ("3", "县丁局"),
    ]
    assert rows[3][1].endswith("第二项的第二段说明，按期 / 完成。")


@pytest.mark.slow
def test_a_sheet_printed_without_gridlines_is_a_table() -> None:
    """Calc prints a sheet without gridlines: numbers right-aligned against
    the task (a channel of a point or two), empty 配合单位 cells; the same
    rows whatever the engine."""
    notices = [_parse(FIXTURES / "excel.pdf", engine) for engine in ENGINES]
    tables = [
        [(str(e.number), e.text, e.lead, e.support, e.deadline) for e in n.table] for n in notices
    ]
    assert tables[0] == tables[1]
    rows = tables[0]
    assert [n for n, *_ in rows] == [str(k) for k in range(1, 21)]
    assert rows[5][1] == "推进第6项示范工作，完善相关制度。"
    assert [n for n, _, _, support, _ in rows if support] == ["3", "6", "9", "12", "15", "18"]
    assert len(_inferred(notices[0])) == 1


def test_a_letter_spaced_label_and_a_label_wrapped_in_its_column_are_read() -> None:
    """序  号 spaced out, 牵头 / 单位 wrapped over two lines (centred on the
    header's line): still a header of four columns."""
    chars = _text("序", 60, 82) + _text("号", 78, 82) + _text("工作任务", COLS[1], 82)
    chars += _text("牵头", COLS[2], 75) + _text("单位", COLS[2], 89)
    chars += _text("配合单位", COLS[3], 82)
    chars += _row(110, "1", ["推进第一项工作。"], "县甲局", "县乙局")
    chars += _row(140, "2", ["推进第二项工作。"], "县丙局")
    rows = _cells(page_to_layout(_page(chars)))
    assert rows[0] == ["序号", "工作任务", "牵头 / 单位", "配合单位"]
    assert rows[1:] == [
        ["1", "推进第一项工作。", "县甲局", "县乙局"],
        ["2", "推进第二项工作。", "县丙局", ""],
    ]


def test_a_header_of_text_wrapped_at_the_margin_infers_no_grid() -> None:
    # A table aligned by spaces, wider than the page: each row wraps at the
    # right edge (here 60 + 46 half-ems), mid-label (配合 | 单位) and
    # mid-name (县另 | 局).  No channel runs down it; its lines stay lines.
    rows = [
        ("序号   工作任务           牵头单位     配合", "单位       完成时限"),
        ("1      建设甲平台         县某局       县另", "局、县他局  2025年底前"),
        ("2      完善乙机制         县另局       县某", "局         长期坚持"),
    ]
    chars: list[Char] = []
    top = 80.0
    for first, rest in rows:
        chars += _text(first, 60, top) + _text(rest, 60, top + PITCH)
        top += 2 * PITCH
    # (A header-less candidate is kept only where it continues a table.)
    (lay,) = settle([page_to_layout(_page(chars))])
    assert lay.grids == []
    assert [ln.text for ln in lay.lines][:2] == [
        "序号   工作任务           牵头单位     配合",
        "单位       完成时限",
    ]
    # The same header, its last label whole at the right edge: a table.
    chars = _text("序号   工作任务           牵头单位     配合单位", 60, 80)
    chars += _text("1      建设甲平台         县某局       县另局", 60, 80 + PITCH)
    chars += _text("2      完善乙机制         县另局       县他局", 60, 80 + 2 * PITCH)
    assert [r[3] for r in _cells(page_to_layout(_page(chars)))] == ["配合单位", "县另局", "县他局"]

"""read/layout/blocks.py: where a wrap may fall between two names of a list;
what the page fold keeps of a page.

The specimens are invented, in the shapes a PDF of a unit list written with
spaces takes when the layout engine breaks a line on one of its spaces.
"""

from __future__ import annotations

import pytest

from policy_parse.models import Paragraph, Span, Table
from policy_parse.read.layout.blocks import (
    _grid_to_table,
    _Para,
    _Rounded,
    _Run,
    layouts_to_blocks,
    names_at_break,
)
from policy_parse.read.layout.lines import Line
from policy_parse.read.layout.tables import Grid, GridCell, Layout


@pytest.mark.parametrize(
    ("before", "after", "met"),
    [
        ("…落实。责任单位：区科技局", "区统计局 区财政局", ("区科技局", "区统计局")),
        ("责任单位：县科技局 县统计局", "县财政局。", ("县统计局", "县财政局")),
        ("责任单位：商务局", "工信局 市场监管局", ("商务局", "工信局")),
        ("区统计局", "区财政局", ("区统计局", "区财政局")),  # a cell's two lines
        # A name the wrap cut stays one: no unit ends in 社会.
        ("责任单位：区人力资源和社会", "保障局 区财政局", None),
        # A branch written after its parent, and names with no level nor space.
        ("责任单位：区市场监督管理局", "城东分局", None),
        ("责任单位：商务局", "工信局", None),
        # Words of a sentence, not names of a list.
        ("推进。由区财政局", "区统计局负责审核。", None),
        ("牵头负责区财政局", "区统计局", None),
    ],
)
def test_two_names_meet_at_a_wrap_only_where_a_list_parts_them(before, after, met):
    assert names_at_break(before, after) == met


# ---------------------------------------------------------------------------
# What the fold keeps of a page: body lines as figures, tables as records


def _line(page: int, text: str, x0: float, top: float) -> Line:
    return Line(page, text, x0, x0 + 300.125, top, top + 16.0, 16.0, 16.0625)


def test_waiting_body_lines_come_back_equal_to_those_put_in():
    run = _Run()
    lines = [
        _line(1, "一、总体要求", 90.0, 100.5),
        _line(1, "坚持稳中求进。", 90.000001, 130.25),
        _line(2, "二、主要任务", 90.1, 72.0),
    ]
    odd = Line(2, "（一）整数坐标", 90, 390, 100, 116, 16, 16)  # ints, as no engine gives today
    for k, ln in enumerate([*lines, odd]):
        run.add(ln, geometry=k % 2, serial=ln.page - 1)
    back = list(run.waiting([(595, 842), (842, 595)]))
    assert [w[0] for w in back] == [*lines, odd]
    assert [type(w[0].x0) for w in back] == [float, float, float, int]
    assert [w[1:] for w in back] == [
        ((595, 842), 0),
        ((842, 595), 0),
        ((595, 842), 1),
        ((842, 595), 1),
    ]


def test_a_tables_cells_share_their_rounded_coordinates_and_keep_their_values():
    rows = [
        [
            GridCell((-0.0, y, 100.004, y + 20.0), [_line(1, "甲", 2.0, y + 2)]),
            GridCell((100.004, y, 250.126, y + 20.0), [_line(1, "乙", 102.0, y + 2)]),
        ]
        for y in (50.0, 70.0)
    ]
    grid = Grid(1, (-0.0, 50.0, 250.126, 90.0), [-0.0, 100.004], rows, [1, 1], [False, False])
    table = _grid_to_table(grid, 1)
    boxes = [[c.span.bbox for c in row.cells] for row in table.rows]
    assert boxes == [
        [(-0.0, 50.0, 100.0, 70.0), (100.0, 50.0, 250.13, 70.0)],
        [(-0.0, 70.0, 100.0, 90.0), (100.0, 70.0, 250.13, 90.0)],
    ]
    assert str(boxes[1][0][0]) == "-0.0"  # equal to 0.0 as a key, printed apart
    assert boxes[0][0][2] is boxes[1][0][2] is boxes[0][1][0]  # one float for x = 100.0
    assert boxes[0][0][3] is boxes[1][0][1]  # the rows' shared edge


# ---------------------------------------------------------------------------
# A cell's lines joined: a wrap glued, a break between two names kept


def _cell_of(*texts: str) -> Grid:
    """One cell 100 pt wide whose lines each fill it (every break a wrap by
    the room left), beside a number cell."""
    lines = [
        Line(1, t, 110.0, 205.0, 50.0 + 16 * k, 64.0 + 16 * k, 14.0, 28.0)
        for k, t in enumerate(texts)
    ]
    cells = [GridCell((0.0, 48.0, 100.0, 200.0), []), GridCell((100.0, 48.0, 210.0, 200.0), lines)]
    return Grid(1, (0.0, 48.0, 210.0, 200.0), [0.0, 100.0], [cells], [1], [False])


@pytest.mark.parametrize(
    ("texts", "joined"),
    [
        (("区人力资源和社会", "保障局"), "区人力资源和社会保障局"),  # a name the wrap cut
        (("区财政局", "区税务局"), "区财政局\n区税务局"),  # two names, one a line
        (("区市场监督管理局", "城东分局"), "区市场监督管理局城东分局"),  # a branch
        # A line ending with the list's separator: the next is no branch of
        # a name before it (there is none), and the wrap is glued.
        (("区财政局、", "区公安分局"), "区财政局、区公安分局"),
        (("全面推进", "各项工作"), "全面推进各项工作"),  # prose
        (("区财政局",), "区财政局"),
    ],
)
def test_a_cells_lines_join_at_wraps_and_part_between_names(texts, joined):
    table = _grid_to_table(_cell_of(*texts), 1)
    assert [c.text for c in table.rows[0].cells] == ["", joined]


def test_a_paragraph_folds_its_lines_as_span_cover_would() -> None:
    """Three lines on page 2 and one on page 3: the fold without a Span per
    line gives the span `Span.cover` gives, end page and box alike (the box
    stays the first page's once the paragraph crosses a page)."""
    lines = [
        (2, (72.0, 700.5, 500.25, 712.0)),
        (2, (70.0, 712.5, 520.0, 724.0)),
        (2, (72.0, 724.5, 300.0, 736.0)),
        (3, (72.0, 60.0, 510.0, 72.0)),
    ]
    page, box = lines[0]
    para = _Para(page=page, end_page=None, bbox=box, text="")
    span = Span(page=page, bbox=box)
    for page, box in lines[1:]:
        para.cover(page, box)
        span = span.cover(Span(page=page, bbox=box))
        assert Span(page=para.page, end_page=para.end_page, bbox=para.bbox) == span  # type: ignore[arg-type]
    assert span.end_page == 3 and span.bbox == (70.0, 700.5, 520.0, 736.0)


@pytest.mark.parametrize("value", [12.345678, -0.0, 0.0, 0.001, -0.001, 12, 7.005, 1e-9])
def test_a_rounded_value_is_what_round_gives_asked_once_or_twice(value: float) -> None:
    """Rounded once per float met, the value and its type are round(v, 2)'s,
    a zero keeping its sign, an int staying an int."""
    rnd = _Rounded()
    for _ in range(2):
        for got in (rnd(value), rnd.box((value, value))[1]):
            want = round(value, 2)
            assert (got, type(got), str(got)) == (want, type(want), str(want))


def test_rows_of_cells_the_lines_kept_apart_by_spaces_are_rebuilt_as_a_table() -> None:
    # A table aligned by spaces, set as text lines on the page (no ruling,
    # rows short of the margin): its lines are paragraphs, then the text
    # path's table, as in a Word file or a web page of the same rows.
    texts = [
        "某县重点工作任务分工表",
        "序号   工作任务           牵头单位     配合单位",
        "1      建设甲平台         县某局       县另局",
        "2      完善乙机制         县另局       县某局、县他局",
    ]
    lines = [
        Line(1, t, 80.0, 80.0 + 10.0 * len(t), 100.0 + 30.0 * k, 116.0 + 30.0 * k, 16.0, 16.0)
        for k, t in enumerate(texts)
    ]
    lay = Layout(
        page=1, width=595.0, height=842.0, lines=lines, grids=[], stray=[], hidden=[], has_text=True
    )
    blocks, _ = layouts_to_blocks([lay])
    assert isinstance(blocks[0], Paragraph) and blocks[0].text == texts[0]
    table = blocks[1]
    assert isinstance(table, Table)
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["序号", "工作任务", "牵头单位", "配合单位"],
        ["1", "建设甲平台", "县某局", "县另局"],
        ["2", "完善乙机制", "县另局", "县某局、县他局"],
    ]
    assert table.span.page == 1 and table.rows[1].span.bbox is not None


def test_a_row_of_cells_wrapped_in_a_run_joins_with_a_run() -> None:
    # The row ended in a space glyph (lines._text_loop keeps one): the wrap
    # fell between two cells, which the join keeps apart.
    lines = [
        Line(1, "1      建设甲平台      县某局 ", 80.0, 515.0, 100.0, 116.0, 16.0, 16.0),
        Line(1, "2025年底前", 80.0, 180.0, 120.0, 136.0, 16.0, 32.0),
        Line(1, "2      完善乙机制      县某局、县另", 80.0, 520.0, 150.0, 166.0, 16.0, 16.0),
        Line(1, "局  长期坚持", 80.0, 200.0, 170.0, 186.0, 16.0, 16.0),
    ]
    lay = Layout(1, 595.0, 842.0, lines, [], [], [], True)
    blocks, _ = layouts_to_blocks([lay])
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == [
        "1      建设甲平台      县某局  2025年底前",
        "2      完善乙机制      县某局、县另局  长期坚持",
    ]

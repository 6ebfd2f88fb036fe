"""When a PDF line continues the paragraph above (read/layout/paragraphs.py),
on invented lines: a full line, then the next at the left margin."""

from __future__ import annotations

import itertools

import pytest

from policy_parse.read.layout.lines import Line
from policy_parse.read.layout.paragraphs import Margins, continues_paragraph, margins
from policy_parse.read.layout.tables import Layout

_MARGINS = Margins(left=80.0, right=520.0, pitch=29.0)


def _line(text: str, top: float, x1: float = 519.5) -> Line:
    return Line(1, text, 80.0, x1, top, top + 16.0, 16.0, 16.0)


@pytest.mark.parametrize(
    ("prev", "line", "joined"),
    [
        # A full line that ends a sub-item's annotation: 2.2 opens the next one.
        ("2.1组建甲共同体十二个。（牵头单位：某区甲局）", "2.2实施乙改革。", False),
        ("2.1推进甲事项，全年完成十二项。", "2.2实施乙改革。", False),
        # A decimal a wrap brought to the line's start continues the sentence.
        ("全年地区生产总值增长，固定资产投资达到", "5.8亿元以上。", True),
        ("全年新增就业岗位，城镇调查失业率控制在", "5.5%以内。", True),
        # ... and so does one after a sentence's end that is an amount.
        ("全年完成甲项目。", "5.8亿元用于乙项目。", True),
    ],
)
def test_a_dotted_number_opens_a_line_of_its_own_only_after_a_sentence_end(
    prev: str, line: str, joined: bool
) -> None:
    a, b = _line(prev, 100.0), _line(line, 129.0, x1=300.0)
    assert continues_paragraph(a, _MARGINS, b, _MARGINS, same_page=True) is joined


@pytest.mark.parametrize(
    ("prev", "line", "joined"),
    [
        # A row of cells set as text that filled its line: the next row
        # opens on its number and a run of spaces.
        ("2  完成甲道路硬化15公里  镇甲办  /  2024年11月底", "3  开展乙专项整治  镇乙站", False),
        ("2  完成甲道路硬化15公里  镇甲办  /  2024年11月底", "12.1    开展乙专项整治", False),
        # Prose a wrap broke before a number: no run after it.
        ("全年完成甲道路硬化，新增乙道路里程达到", "15公里以上。", True),
        ("全年完成甲道路硬化，新增乙道路里程达到", "15 公里以上。", True),
    ],
)
def test_a_row_set_as_text_opening_on_its_number_is_a_line_of_its_own(
    prev: str, line: str, joined: bool
) -> None:
    a, b = _line(prev, 100.0), _line(line, 129.0, x1=300.0)
    assert continues_paragraph(a, _MARGINS, b, _MARGINS, same_page=True) is joined


def _short(text: str, top: float) -> Line:
    """A line as wide as its text, one type size (16) a character."""
    return Line(1, text, 80.0, 80.0 + 16.0 * len(text), top, top + 16.0, 16.0, 16.0)


def test_label_lines_of_one_length_are_no_right_margin() -> None:
    # A page of short lines: four label lines end at one x, three lines run
    # on past it.  That x is no margin, so the label lines are not full.
    texts = [
        "某集团提质增效专项行动方案",
        "1.开展甲支出专项清理。",
        "责任领导：甲总会计师",
        "责任部门：财务管理部",
        "协同部门：集团办公室、各子公司",
        "2.盘活乙闲置土地房产。",
        "责任领导：乙副总经理",
        "责任部门：资产运营部",
        "协同部门：甲置业公司、乙物流子公司",
    ]
    lines = [_short(t, 100.0 + 20.0 * k) for k, t in enumerate(texts)]
    lay = Layout(1, 595.0, 842.0, lines, [], [], [], True)
    (m,) = margins([lay]).values()
    assert m.right > 80.0 + 16.0 * max(len(t) for t in texts)
    for prev, line in itertools.pairwise(lines):
        assert not continues_paragraph(prev, m, line, m, same_page=True)
    # Where the shared edge is the widest, it is the margin (three lines).
    full = [_short("推进甲事项建设完善乙机制健全丙制度强化", 100.0 + 20.0 * k) for k in range(3)]
    lay = Layout(1, 595.0, 842.0, full + [_short("丁。", 160.0)], [], [], [], True)
    (m,) = margins([lay]).values()
    assert m.right == full[0].x1

"""When a PDF line continues the paragraph above (read/layout/paragraphs.py),
on invented lines: a full line, then the next at the left margin."""

from __future__ import annotations

import pytest

from policy_parse.read.layout.lines import Line
from policy_parse.read.layout.paragraphs import Margins, continues_paragraph

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

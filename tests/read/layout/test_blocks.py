"""read/layout/blocks.py: where a wrap may fall between two names of a list.

The specimens are invented, in the shapes a PDF of a unit list written with
spaces takes when the layout engine breaks a line on one of its spaces.
"""

from __future__ import annotations

import pytest

from policy_parse.read.layout.blocks import names_at_break


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

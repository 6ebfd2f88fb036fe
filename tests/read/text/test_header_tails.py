"""read/text/header_tails.py: a space-aligned header whose cells a narrow
column wrapped onto a second line (牵头 / 单位).  The tables are invented."""

from __future__ import annotations

import policy_parse
from helpers import units_of
from policy_parse.read.text.header_tails import tails_below

HEADER = "序号   项目名称                   牵头       配合                 完成时限"
TAILS = "                                  单位       单位"
ROWS = (
    "1      新建城区停车位1000个       县住建局   县公安局、县城管局   2025年底前\n"
    "2      改造农村危房200户          县住建局   各乡镇               2025年10月底前\n"
)


def test_a_header_wrapped_under_its_cells_names_its_units_columns() -> None:
    # Read as a body row, the header named no units column: every row's
    # units were lost (table_no_units).
    notice = policy_parse.parse_text("甲县分工表\n" + HEADER + "\n" + TAILS + "\n" + ROWS)
    assert units_of(notice) == [
        ("1", ["县住建局"], ["县公安局", "县城管局"]),
        ("2", ["县住建局"], ["各乡镇"]),
    ]


def test_which_lines_hold_a_headers_tails() -> None:
    cells = ["序号", "项目名称", "牵头", "配合", "完成时限"]
    assert tails_below(HEADER, TAILS, cells) == [
        "序号",
        "项目名称",
        "牵头单位",
        "配合单位",
        "完成时限",
    ]
    # A body row: 序号1 names no column.
    assert tails_below(HEADER, ROWS.splitlines()[0], cells) is None
    # A tail off its cell's column, or under the wrong cell.
    assert tails_below(HEADER, "                        单位", cells) is None
    assert tails_below(HEADER, "       单位", cells) is None
    assert tails_below(HEADER, "", cells) is None


def test_tails_whose_leading_spaces_a_copy_took_off_go_in_order_to_the_cells_naming_none():
    # A portal trimmed each line (or put its indent in their place): where
    # the tails stood is lost, but 牵头 and 配合 are the only cells that name
    # no column alone, and there are two tails.
    for trimmed in ("单位       单位", "\u3000\u3000单位       单位"):
        notice = policy_parse.parse_text("甲县分工表\n" + HEADER + "\n" + trimmed + "\n" + ROWS)
        assert units_of(notice) == [
            ("1", ["县住建局"], ["县公安局", "县城管局"]),
            ("2", ["县住建局"], ["各乡镇"]),
        ]
    cells = ["序号", "项目名称", "牵头", "配合", "完成时限"]
    assert tails_below(HEADER, "单位 单位", cells) == [
        "序号",
        "项目名称",
        "牵头单位",
        "配合单位",
        "完成时限",
    ]
    # One tail for two cells, or three: no telling which goes where.
    assert tails_below(HEADER, "单位", cells) is None
    assert tails_below(HEADER, "单位 单位 单位", cells) is None
    # Tails that make no column's name with the cells they would join.
    assert tails_below(HEADER, "县住建局 县公安局", cells) is None

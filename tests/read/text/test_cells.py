"""read/text/cells.py: a table copied as text, its lines cut into cells.
Specimens invented."""

from __future__ import annotations

import pytest

import policy_parse
from policy_parse.read.text.cells import common_indent

# A space-parted table whose task cells run past the page: a PDF copy cuts
# them at the width, mid-word, and the unit cell lands on the next line.
TABLE = """\
某省2025年政府工作报告指标任务分工
序号 工 作 任 务 牵头部门
1 全省地区生产总值增长6%左右 省发展改革委
2 城镇新增就业80万人以上，城镇调查失业率控制在5.5%左右 省人力资源社会保障厅
3 安排省级专项资金30亿元，重点支持传统产业技术改造，年内安排12亿元 省财政厅
4 新建改造农村公路5000公里以上，实施危桥改造200座 省交通运输厅
5 粮食播种面积稳定在8000万亩以上，总产量保持稳定 省农业农村厅
"""


def _wrap(text: str, width: int) -> str:
    out: list[str] = []
    for line in text.split("\n"):
        out.extend([line[k : k + width] for k in range(0, len(line), width)] or [""])
    return "\n".join(out)


def _indented(text: str, indent: str) -> str:
    return "\n".join(indent + ln if ln.strip() else ln for ln in text.split("\n"))


def _rows(text: str) -> list[tuple[str, list[str]]]:
    notice = policy_parse.parse_text(text)
    return [(str(e.number), [u.name for u in e.lead]) for e in notice.table if e.number]


@pytest.mark.parametrize("indent", ["\u3000\u3000", "    "])
def test_an_indent_on_every_line_of_a_re_wrapped_table_is_no_gap_the_cut_fell_into(indent):
    # A portal gave each line of the re-wrapped PDF its own indented
    # paragraph: the continuation (`　　在5.5%左右 省人力…`) starts with the
    # indent every line has, not with the gap between two cells.
    copy = _indented(_wrap(TABLE, 24), indent)
    assert f"\n{indent}在5.5%左右 省人力资源社会保障厅\n" in copy  # the shape
    assert (
        _rows(copy)
        == _rows(TABLE)
        == [
            ("1", ["省发展改革委"]),
            ("2", ["省人力资源社会保障厅"]),
            ("3", ["省财政厅"]),
            ("4", ["省交通运输厅"]),
            ("5", ["省农业农村厅"]),
        ]
    )


def test_the_common_indent_is_what_every_line_holding_text_starts_with():
    assert common_indent(["\u3000\u3000甲", "", "\u3000\u3000\u3000乙", " "]) == 2
    assert common_indent(["\u3000\u3000甲", "乙"]) == 0
    assert common_indent(["", "  "]) == 0

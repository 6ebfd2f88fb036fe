"""read/text/markup.py: HTML tags left in a text copy read as the breaks a
browser draws for them.  The specimens are invented."""

from __future__ import annotations

import policy_parse
from helpers import units_of
from policy_parse.read.text.markup import untagged

NOTICE = (
    "甲县任务分工方案\n"
    "1.推进数字政府建设。（牵头单位：县数据局；责任单位：县财政局、县发改局）\n"
    "2.完善养老服务体系。（县民政局负责）\n"
)


def test_a_copy_of_a_field_with_br_and_spans_reads_as_the_notice() -> None:
    lines = NOTICE.splitlines()
    copied = (
        lines[0]
        + "\n"
        + lines[1].replace("县财政局", '<span style="color:red">县财政局</span>')
        + "<br>\n"
        + lines[2]
        + "<BR/>\n"
    )
    notice = policy_parse.parse_text(copied)
    assert units_of(notice) == units_of(policy_parse.parse_text(NOTICE))
    assert units_of(notice)[0] == ("1", ["县数据局"], ["县财政局", "县发改局"])
    found = [dict(d.fields) for d in notice.discrepancies if d.note == "tags_removed"]
    assert found == [{"count": "4"}]


def test_blocks_break_lines_and_cells_part_with_tabs() -> None:
    text = "标题<p>第一段</p><div>第二段</div><table><tr><td>1</td><td>推进</td></tr></table>"
    assert untagged(text) == ("标题第一段\n第二段\n1\t推进\t\n\n", 12)


def test_a_few_angle_brackets_are_text() -> None:
    assert untagged("若x<y且y>z，则<b>不变") is None
    assert untagged("无标签") is None

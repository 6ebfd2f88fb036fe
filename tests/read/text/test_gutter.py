"""read/text/gutter.py: line numbers a viewer pasted at the left of every
line.  Specimens invented (tests/specimens/183_line-numbers.txt is longer)."""

from __future__ import annotations

import policy_parse
from policy_parse.read.text.gutter import ungutted

GUTTERED = (
    "1 某县村庄整治任务分工\n"
    "2 一、重点任务\n"
    "3 1.推进户厕改造。（牵头单位：县甲局；配合单位：县乙局）\n"
    "4 2.开展清洁行动。（牵头单位：县丙局；配合单位：各乡镇）\n"
)


def test_numbers_counting_on_a_line_before_markers_of_the_notice_are_taken_out():
    got = ungutted(GUTTERED.split("\n"))
    assert got is not None
    lines, count = got
    assert count == 4
    assert lines[0] == "某县村庄整治任务分工"
    assert lines[2] == "1.推进户厕改造。（牵头单位：县甲局；配合单位：县乙局）"


def test_a_gutter_that_numbers_blank_lines_too_is_taken_out():
    lines = [
        "1 某县方案",
        "",
        "3 一、任务",
        "4 1.推进甲。（县甲局负责）",
        "5 2.推进乙。（县乙局负责）",
    ]
    got = ungutted(lines)
    assert got is not None
    assert got[0][2:] == ["一、任务", "1.推进甲。（县甲局负责）", "2.推进乙。（县乙局负责）"]


def test_a_line_wrapped_after_the_gutter_was_pasted_keeps_its_text():
    lines = [
        "　　1 某县方案",
        "　　2 一、任务",
        "　　3 1.推进甲。（牵头单位：县",
        "甲局）",
        "　　4 2.推进乙。（县乙局负责）",
    ]
    got = ungutted(lines)
    assert got is not None
    assert got[0] == [
        "某县方案",
        "一、任务",
        "1.推进甲。（牵头单位：县",
        "甲局）",
        "2.推进乙。（县乙局负责）",
    ]


def test_a_list_that_lost_its_dots_keeps_its_numbers():
    # No line goes on with a marker of its own: the numbers are the measures'.
    lines = [
        "1 推进户厕改造。（县甲局负责）",
        "2 开展清洁行动。（县乙局负责）",
        "3 治理污水。（县丙局负责）",
    ]
    assert ungutted(lines) is None


def test_a_line_with_no_number_or_numbers_out_of_step_leave_the_text_whole():
    assert ungutted(["某县方案", "2 一、任务", "3 1.推进甲。", "4 2.推进乙。"]) is None
    assert ungutted(["1 某县方案", "2 一、任务", "5 1.推进甲。", "6 2.推进乙。"]) is None


def test_a_guttered_notice_reads_its_own_measures_and_says_so():
    notice = policy_parse.parse_text(GUTTERED)
    got = {
        str(m.number): ([u.written for u in m.lead], [u.written for u in m.support])
        for m in notice.measures
    }
    assert got == {"1": (["县甲局"], ["县乙局"]), "2": (["县丙局"], ["各乡镇"])}
    notes = [dict(d.fields) for d in notice.discrepancies if d.note == "line_numbers"]
    assert notes == [{"lines": "4"}]


def test_a_numbered_blank_line_is_the_gutters_and_a_cells_tab_stays():
    # No marker after the numbers (a table), but 2 numbers a blank line: a
    # list never does.  Only the one space after each number goes.
    lines = [
        "1 某县分工表",
        "2 ",
        "3 序号\t工作任务\t牵头单位",
        "4 1\t修路\t县甲局",
        "5 2\t建桥\t县乙局",
    ]
    got = ungutted(lines)
    assert got is not None
    assert got[0] == [
        "某县分工表",
        "",
        "序号\t工作任务\t牵头单位",
        "1\t修路\t县甲局",
        "2\t建桥\t县乙局",
    ]
    assert ungutted(["1 \t修路\t县甲局", "2 \t建桥\t县乙局", "3 \t建园\t县丙局"]) is None

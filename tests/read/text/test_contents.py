"""read/text/contents.py: a table of contents (目录) at the top of a text
copy is residue, not outline.  Specimens invented (180_toc-top is longer)."""

from __future__ import annotations

import policy_parse
from policy_parse.read.text.contents import REASON, contents_lines

TOC = (
    "某县数字政府建设任务分工方案\n"
    "目  录\n"
    "一、重点任务……………………1\n"
    "1.建设甲平台………………1\n"
    "2.建设乙平台.........2\n"
    "二、保障措施……………………3\n"
    "一、重点任务\n"
    "1.建设甲平台。（牵头单位：县甲局；配合单位：县乙局）\n"
    "2.建设乙平台。（牵头单位：县丙局）\n"
    "二、保障措施\n"
    "各单位要加强组织领导。\n"
)


def test_lines_closed_by_a_leader_and_a_page_under_mulu_are_the_contents():
    found = contents_lines(TOC.split("\n"))
    assert sorted(found) == [1, 2, 3, 4, 5]
    assert {r.reason for r in found.values()} == {REASON}
    assert found[3].text == "1.建设甲平台………………1"


def test_one_entry_needs_the_mulu_line_and_a_figure_in_text_is_no_entry():
    assert contents_lines(["一、总体要求……1", "1.推进甲。"]) == {}
    assert sorted(contents_lines(["目录", "一、总体要求……1", "1.推进甲。"])) == [0, 1]
    assert contents_lines(["1.新建道路3公里，改造管网12", "2.新增泊位2000"]) == {}


def test_a_notice_with_contents_reads_each_measure_once():
    # The contents' 1. and 2. were measures with no unit, each number twice
    # (numbering errors), the real measures' units on the second of each.
    notice = policy_parse.parse_text(TOC)
    got = [(str(m.id), [u.name for u in m.lead]) for m in notice.measures]
    assert got == [("1", ["县甲局"]), ("2", ["县丙局"])]
    assert [p.title for p in notice.parts] == ["重点任务", "保障措施"]
    assert sum(r.reason == REASON for r in notice.residue) == 5


def test_entries_with_a_gap_before_the_page_under_mulu_are_the_contents():
    lines = [
        "某县方案",
        "目录",
        "一、重点任务      1",
        "1.建设甲平台\t1",
        "二、保障措施    3",
        "一、重点任务",
    ]
    assert sorted(contents_lines(lines)) == [1, 2, 3, 4]


def test_two_column_rows_with_a_gap_and_no_mulu_are_no_contents():
    # a unit and a count apart by a gap: no 目录 line above, no contents
    assert contents_lines(["县甲局      12", "县乙局      15", "县丙局      20"]) == {}


def test_a_row_of_several_cells_under_mulu_is_no_spaced_entry():
    assert contents_lines(["目录", "1  建设甲平台  县甲局  3", "2  建设乙平台  县乙局  4"]) == {}


def test_a_mulu_with_no_pages_is_the_headings_repeated_below():
    lines = ["某县方案", "目录", "一、重点任务", "1.建设甲平台", "二、保障措施", ""]
    lines += ["一、重点任务", "1.建设甲平台。（牵头单位：县甲局）", "二、保障措施", "各单位要…"]
    assert sorted(contents_lines(lines)) == [1, 2, 3, 4]


def test_lines_under_mulu_that_do_not_come_again_stay_text():
    # 目录 heading a list of its own (资源目录 entries), never repeated below
    lines = ["目录", "一、人口库", "二、法人库", "一、人口库", "1.建设甲库。（牵头单位：县甲局）"]
    lines[3] = "一、建设要求"
    assert contents_lines(lines) == {}

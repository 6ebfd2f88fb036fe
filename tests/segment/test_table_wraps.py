"""segment/table_wraps.py: a 分工表 row whose units list was left open."""

from __future__ import annotations

import policy_parse
from helpers import MERGED, make_table
from policy_parse.audit import lost_and_invented
from policy_parse.segment.table import table_to_segment

OPEN_HEADER = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]


def test_units_wrapped_into_the_next_columns_line_join_the_open_list():
    # A text copy's alignment put the wrapped 丁县乙局 under 完成时限.
    seg = table_to_segment(
        make_table(
            [OPEN_HEADER, ["1", "建设甲项目", "丁县甲局", "丁县丙局、", "2025年底前\n丁县乙局"]]
        )
    )
    assert seg is not None
    (r,) = seg.rows
    assert r.get("support") == "丁县丙局、丁县乙局"
    assert r.get("deadline") == "2025年底前"


def test_a_row_with_no_number_under_an_open_list_goes_on_the_row_above():
    # 县城管局、 left open; the next line's task and unit were read as a row
    # (its unit even under 牵头单位): one measure, the unit in the open list.
    seg = table_to_segment(
        make_table(
            [
                OPEN_HEADER,
                ["4", "完善甲体系，", "丁县甲局", "丁县丙局、", "2025年底前"],
                [MERGED, "实现全覆盖", "丁县乙局", "", MERGED],
                ["5", "推进乙工作", "丁县丁局", "各乡镇", "持续推进"],
            ]
        )
    )
    assert seg is not None
    assert [r.number for r in seg.rows] == ["4", "5"]
    first = seg.rows[0]
    assert first.get("lead") == "丁县甲局"
    assert first.get("support") == "丁县丙局、丁县乙局"
    assert first.get("text") == "完善甲体系，\n实现全覆盖"


def test_a_row_with_no_number_under_a_closed_list_stays_a_row():
    seg = table_to_segment(
        make_table(
            [
                OPEN_HEADER,
                ["4", "完善甲体系", "丁县甲局", "丁县丙局", "2025年底前"],
                [MERGED, "实现全覆盖", "丁县乙局", "", MERGED],
            ]
        )
    )
    assert seg is not None
    assert len(seg.rows) == 2


def test_the_rest_of_a_cut_name_under_a_later_column_joins_the_name():
    # A space-aligned copy: the lead cell 丁县文化广电旅游 / 体育局 wrapped, and
    # the aligner put 体育局 under 完成时限 (the lead was 丁县文化广电旅游).
    seg = table_to_segment(
        make_table(
            [
                OPEN_HEADER,
                ["1", "发放消费券", "丁县文化广电旅游", "丁县财政局", "2025年底前\n体育局"],
            ]
        )
    )
    assert seg is not None
    (r,) = seg.rows
    assert r.get("lead") == "丁县文化广电旅游体育局"
    assert r.get("deadline") == "2025年底前"
    # A name that ends like one is not cut: the line stays where it is.
    seg = table_to_segment(
        make_table(
            [OPEN_HEADER, ["1", "发放消费券", "丁县文旅局", "丁县财政局", "2025年底前\n体育局"]]
        )
    )
    assert seg is not None
    assert seg.rows[0].get("lead") == "丁县文旅局"


def test_a_row_holding_only_the_rest_of_a_cut_name_goes_on_the_row_above():
    # | | | 息化局 | | |: read as row 1-2 with a unit 息化局, and 1 led by 丁市工业和信.
    seg = table_to_segment(
        make_table(
            [
                OPEN_HEADER,
                ["1", "建设平台", "丁市发展改革委、丁市工业和信", "丁市财政局", "2025年底前"],
                ["", "", "息化局", "", ""],
                ["2", "培育企业", "丁市科技局", "丁市财政局", "持续推进"],
            ]
        )
    )
    assert seg is not None
    assert [r.number for r in seg.rows] == ["1", "2"]
    assert seg.rows[0].get("lead") == "丁市发展改革委、丁市工业和信息化局"


def test_a_cut_names_tail_beside_the_tasks_wrapped_line_goes_on_the_row_above():
    # The task wrapped too, and a text copy's alignment put the tail under the
    # lead column: read as a row 3-2 led by 销合作社, 3-1 supported by 丁县供.
    seg = table_to_segment(
        make_table(
            [
                OPEN_HEADER,
                ["3", "推进商业体系建设，", "丁县商务局", "丁县农业农村局、丁县供", "2025年底前"],
                [MERGED, "完善物流配送网络", "销合作社", "", MERGED],
            ]
        )
    )
    assert seg is not None
    (r,) = seg.rows
    assert r.get("support") == "丁县农业农村局、丁县供销合作社"
    assert r.get("lead") == "丁县商务局"
    assert r.get("text") == "推进商业体系建设，\n完善物流配送网络"


def test_a_line_break_inside_a_units_cells_name_is_no_break_between_two():
    # 丁市工业和信⏎息化局 in one cell (a tab-indented copy keeps the cell's
    # lines): read as two units 丁市工业和信 and 息化局 (odd_unit).
    seg = table_to_segment(
        make_table(
            [
                OPEN_HEADER,
                ["1", "建设平台", "丁市发改委、丁市工业和信\n息化局", "丁市财政局", "2025年底前"],
                ["2", "抓好生产", "丁县农业局（牵头）\n各乡镇人民政府", "", "持续推进"],
            ]
        )
    )
    assert seg is not None
    assert seg.rows[0].get("lead") == "丁市发改委、丁市工业和信息化局"
    # A name that closes with its mark is whole: the break stays.
    assert seg.rows[1].get("lead") == "丁县农业局（牵头）\n各乡镇人民政府"


def test_a_list_copied_from_the_row_above_takes_no_units_from_a_group_title():
    # hostile4: row 2's empty 牵头单位 cell copies the open 县甲局、 of row 1;
    # a group title's second line (（县丙局) was closed into that copy, and
    # the copy, not the row's own text, lost it with no trace.
    text = (
        "分工方案\n"
        "序号\t主要任务\t牵头单位\t配合单位\t完成时限\n"
        "1\t推进工作\t县甲局、\t县乙局\t\n"
        "二\n（县丙局\n"
        "2\t开展工作\t\t\t\n"
    )
    document = policy_parse.read_text_document(text)
    notice = policy_parse.notice_from_document(document)
    assert lost_and_invented(document, notice) == ("", "")
    assert all("县丙局" not in u.written for e in notice.table for u in e.lead)


def test_a_label_line_is_no_units_wrapped_end():
    # hostile4: 牵头单位：县丙局 ends like a unit's name; under an open list it
    # became one unit named with its label.
    text = (
        "分工方案\n"
        "序号\t主要任务\t牵头单位\t配合单位\t完成时限\n"
        "一\n牵头单位：县丙局\n"
        "1\t推进工作\t县甲局、\t县乙局\t\n"
    )
    notice = policy_parse.parse_text(text)
    names = [u.written for e in notice.table for u in (*e.lead, *e.support)]
    assert names and not any("：" in n for n in names)


def test_a_group_title_over_the_rows_gives_no_name_to_a_later_rows_open_list():
    # hostile4: the title 一 / 责任单位——县丙局 stands over both rows; row 2's
    # copy of it gave its second line to row 2's open list, and the name
    # was counted twice (the title's and the unit's).
    text = (
        "分工方案\n"
        "序号\t主要任务\t牵头单位\t配合单位\t完成时限\n"
        "一\n责任单位——县丙局\n"
        "1\t推进工作\t县甲局\t县乙局\t\n"
        "2\t开展工作\t县甲局、\t县乙局\t\n"
    )
    document = policy_parse.read_text_document(text)
    notice = policy_parse.notice_from_document(document)
    assert lost_and_invented(document, notice) == ("", "")


def test_a_cells_second_labelled_line_on_a_row_of_its_own_goes_on_the_cell():
    # 牵头：丁县甲局 ⏎ 配合：丁县乙局 in one cell, copied as two rows: the
    # second was measure 1-2 with a unit named "配合：丁县乙局", silently.
    seg = table_to_segment(
        make_table(
            [
                ["序号", "工作任务", "责任单位", "完成时限"],
                ["1", "建设甲项目", "牵头：丁县甲局", "2025年底前"],
                ["", "", "配合：丁县乙局、丁县丙局", ""],
                ["2", "推进乙工作", "牵头：丁县丁局", "长期"],
                ["", "", "丁县戊局", ""],
            ]
        )
    )
    assert seg is not None
    assert [r.number for r in seg.rows] == ["1", "2", ""]  # a bare unit row stays a row
    assert seg.rows[0].get("combined") == "牵头：丁县甲局\n配合：丁县乙局、丁县丙局"


def test_a_labelled_cell_split_over_two_rows_reads_its_lead_and_supporters():
    notice = policy_parse.parse_text(
        "| 序号 | 工作任务 | 责任单位 | 完成时限 |\n"
        "| 1 | 建设甲项目 | 牵头：丁县甲局 | 2025年底前 |\n"
        "|  |  | 配合：丁县乙局、丁县丙局 |  |\n"
        "| 2 | 推进乙工作 | 牵头：丁县丁局 | 长期 |\n"
        "|  |  | 配合：各乡镇 |  |\n"
    )
    got = [
        (str(m.number), [u.written for u in m.lead], [u.written for u in m.support])
        for m in notice.measures
    ]
    assert got == [
        ("1", ["丁县甲局"], ["丁县乙局", "丁县丙局"]),
        ("2", ["丁县丁局"], ["各乡镇"]),
    ]


def test_a_cells_labelled_second_line_placed_under_a_later_column_joins_the_cell():
    # A space-aligned copy put 配合：丁县乙局 under 完成时限 by its order:
    # the supporters were lost (read as part of the deadline).
    seg = table_to_segment(
        make_table(
            [
                ["序号", "工作任务", "责任单位", "完成时限"],
                ["1", "建设甲项目", "牵头：丁县甲局", "2025年底前\n配合：丁县乙局、丁县丙局"],
                ["2", "推进乙工作", "丁县丁局", "长期\n配合：丁县戊局"],  # no label opens its cell
            ]
        )
    )
    assert seg is not None
    first, second = seg.rows
    assert first.get("combined") == "牵头：丁县甲局\n配合：丁县乙局、丁县丙局"
    assert first.get("deadline") == "2025年底前"
    assert second.get("deadline") == "长期\n配合：丁县戊局"

"""segment/table.py (and its numbering in normalize/assemble.py): the 分工表.

The tables are built by hand, the way a reader hands them over: one `Cell`
per grid column, "" for an empty cell, `MERGED` for a vertical merge
continuation that a Word or PDF reader marks explicitly.
"""

from __future__ import annotations

import attrs
import pytest

import policy_parse
from helpers import HEADER, MERGED, make_table, notice_from_blocks
from policy_parse.models import MeasureNo, Paragraph, Span, Table
from policy_parse.segment.table import table_to_segment

PART = "一、着力提升自主创新能力"
SECTION = "（一）大力集聚高端创新资源"
TASK = "国家高新区要面向国家战略和产业发展需求，积极引入创新资源。"
CITY = "滨海高新区管委会、市科技局"


def row(no, text, zone, *, part=PART, section=SECTION, task=TASK, deadline="持续推进", city=CITY):
    return [part, section, task, no, text, deadline, city, zone]


def segment_of(*rows):
    seg = table_to_segment(make_table([HEADER, *rows]))
    assert seg is not None
    return seg


def test_it_keeps_rows_above_the_header_as_residue():
    seg = table_to_segment(make_table([["续表"], HEADER, row("1", "措施一。", "科技创新局")]))
    assert seg is not None
    assert [r.text for r in seg.residue] == ["续表"]
    assert len(seg.rows) == 1


# --- continuation of merged cells ---------------------------------------------------------


def test_it_fills_empty_grouping_cells_from_the_row_above():
    seg = segment_of(
        row("1", "措施一。", "科技创新局、经发局"),
        row("2", "措施二。", "人社局", part="", section="", task="", deadline="", city=""),
    )
    second = seg.rows[1]
    assert second.get("part") == PART
    assert second.get("section") == SECTION
    assert second.get("national_task") == TASK
    assert second.get("deadline") == "持续推进"
    assert second.get("upper") == CITY


def test_an_empty_deadline_cell_is_marked_as_filled_with_no_merge_mark():
    seg = segment_of(
        row("1", "措施一。", "科技创新局"),
        row("2", "措施二。", "人社局", deadline=""),
        row("3", "措施三。", "经发局", deadline=MERGED),
    )
    second, third = seg.rows[1], seg.rows[2]
    assert second.get("deadline") == third.get("deadline") == "持续推进"
    assert "deadline" in second.unmarked  # a copy no merge mark backs: a guess
    assert "deadline" not in third.unmarked  # a reader's merge mark: no guess


def test_a_deadline_column_blank_with_nothing_above_leaves_its_empty_cells_empty():
    # A merged cell starts with its text: a column blank on its first row is
    # one the clerk leaves blank, and row 3 is not row 2's merge.
    seg = segment_of(
        row("1", "措施一。", "科技创新局", deadline=""),
        row("2", "措施二。", "人社局", deadline="2021年6月底前"),
        row("3", "措施三。", "经发局", deadline=""),
    )
    assert [r.get("deadline") for r in seg.rows] == ["", "2021年6月底前", ""]
    assert all("deadline" in r.unmarked for r in (seg.rows[0], seg.rows[2]))
    # The other grouping columns still continue the value above.
    assert seg.rows[2].get("part") == PART


def test_a_merge_mark_still_continues_a_deadline_column_left_blank():
    seg = segment_of(
        row("1", "措施一。", "科技创新局", deadline=""),
        row("2", "措施二。", "人社局", deadline="2021年6月底前"),
        row("3", "措施三。", "经发局", deadline=MERGED),
    )
    assert seg.rows[2].get("deadline") == "2021年6月底前"


def test_it_does_not_fill_an_empty_measure_text_cell():
    seg = segment_of(
        row("1", "措施一。", "科技创新局"),
        row("2", "", "经发局"),
    )
    assert seg.rows[1].get("text") == ""


def test_it_starts_a_new_group_where_a_grouping_cell_is_filled_again():
    seg = segment_of(
        row("1", "措施一。", "科技创新局"),
        row(
            "2",
            "措施二。",
            "经发局",
            part="二、进一步激发企业创新发展活力",
            section="（四）支持高新技术企业发展壮大",
        ),
        row("3", "措施三。", "人社局", part="", section=""),
    )
    assert seg.rows[2].get("part") == "二、进一步激发企业创新发展活力"
    assert seg.rows[2].get("section") == "（四）支持高新技术企业发展壮大"


@pytest.mark.parametrize("column", range(len(HEADER)))
def test_it_fills_a_merged_cell_from_above_in_any_column(column):
    first = row("1", "措施一。", "科技创新局、经发局")
    second = row("2", "措施二。", "人社局")
    second[column] = MERGED
    seg = segment_of(first, second)
    role = seg.roles[column]
    assert seg.rows[1].get(role) == first[column]


def test_it_carries_a_merge_down_over_several_rows():
    seg = segment_of(
        row("1", "措施一。", "科技创新局"),
        row("2", MERGED, MERGED),
        row("3", MERGED, MERGED),
    )
    assert [r.get("text") for r in seg.rows] == ["措施一。"] * 3
    assert [r.get("combined") for r in seg.rows] == ["科技创新局"] * 3


def test_it_counts_body_rows_from_one():
    seg = segment_of(row("1", "措施一。", "科技创新局"), row("2", "措施二。", "经发局"))
    assert [r.row for r in seg.rows] == [1, 2]


# --- repeated headers ------------------------------------------------------------------------


def test_it_skips_a_header_repeated_at_a_page_break():
    seg = segment_of(
        row("1", "措施一。", "科技创新局"),
        list(HEADER),
        row("2", "措施二。", "经发局", part="", section=""),
    )
    assert seg.repeated_headers == 1
    assert [r.number for r in seg.rows] == ["1", "2"]
    assert [r.row for r in seg.rows] == [1, 2]
    # The repeat does not break the merged groups around it.
    assert seg.rows[1].get("part") == PART


def test_it_skips_a_repeated_header_written_with_other_spacing():
    seg = segment_of(
        row("1", "措施一。", "科技创新局"),
        [f" {h}\u3000" for h in HEADER],
        row("2", "措施二。", "经发局"),
    )
    assert seg.repeated_headers == 1
    assert len(seg.rows) == 2


def test_it_skips_a_repeated_header_in_the_notice_it_builds():
    notice = notice_from_blocks(
        make_table(
            [HEADER, row("1", "措施一。", "科技创新局"), HEADER, row("2", "措施二。", "经发局")]
        )
    )
    assert [str(e.number) for e in notice.table] == ["1", "2"]
    assert all("方面" not in e.text for e in notice.table)


# --- ids: scoped by the section only where numbering starts again in each section ------------------------

PART_2 = "二、加快发展高新技术产业"
SECTION_2 = "（二）培育壮大新兴产业"


def test_a_table_with_one_number_written_twice_keeps_its_ids_plain():
    # 2 twice and 3 missing, across two sections: one slip, ids stay the numbers.
    notice = notice_from_blocks(
        make_table(
            [
                HEADER,
                row("1", "措施一。", "科技创新局"),
                row("2", "措施二。", "经发局"),
                row("2", "措施三。", "人社局", part=PART_2, section=SECTION_2),
                row("4", "措施四。", "财政局", part=PART_2, section=SECTION_2),
            ]
        )
    )
    assert [e.id for e in notice.table] == ["1", "2", "2", "4"]


def test_a_table_numbered_again_in_each_section_gets_ids_with_the_section():
    notice = notice_from_blocks(
        make_table(
            [
                HEADER,
                row("1", "措施一。", "科技创新局"),
                row("2", "措施二。", "经发局"),
                row("1", "措施三。", "人社局", part=PART_2, section=SECTION_2),
            ]
        )
    )
    assert [e.id for e in notice.table] == ["1/1", "1/2", "2/1"]


# --- numbering: the unnumbered second half of a measure -----------------------------------------


def test_it_reads_an_unnumbered_row_as_the_second_sub_row_of_the_measure_above():
    notice = notice_from_blocks(
        make_table(
            [
                HEADER,
                row("35", "措施三十五。", "经发局"),
                row("36", "支持“细胞谷”建设。", "生物医药招商局"),
                row(
                    "",
                    "支持设立评审分中心。",
                    "科技创新局、生物医药招商局、市场监管局",
                    part="",
                    section="",
                    task="",
                    deadline="",
                    city="",
                ),
                row("37", "措施三十七。", "经发局"),
            ]
        )
    )
    assert [str(e.number) for e in notice.table] == ["35", "36-1", "36-2", "37"]
    first, second = notice.table[1], notice.table[2]
    assert (first.written_number, first.number_inferred) == ("36", True)
    assert (second.written_number, second.number_inferred) == ("", True)
    assert second.text == "支持设立评审分中心。"
    # The sub-row still belongs to the group above.
    assert second.deadline is not None and second.deadline.kind == "ongoing"


def test_it_numbers_three_sub_rows_one_to_three():
    notice = notice_from_blocks(
        make_table(
            [
                HEADER,
                row("5", "甲。", "经发局"),
                row("", "乙。", "人社局"),
                row("", "丙。", "办公室"),
            ]
        )
    )
    assert [e.number for e in notice.table] == [
        MeasureNo((5, 1)),
        MeasureNo((5, 2)),
        MeasureNo((5, 3)),
    ]


def test_it_leaves_a_numbered_row_without_followers_unsplit():
    notice = notice_from_blocks(
        make_table([HEADER, row("5", "甲。", "经发局"), row("6", "乙。", "人社局")])
    )
    assert [str(e.number) for e in notice.table] == ["5", "6"]
    assert [e.number_inferred for e in notice.table] == [False, False]


def test_it_reads_a_full_width_row_number():
    notice = notice_from_blocks(make_table([HEADER, row("１２", "甲。", "经发局")]))
    assert notice.table[0].number == MeasureNo((12,))


# --- units: the zone's lead is the first unit of its column, where the notice says so -----------

# The notice's own word that the first unit listed leads (列第一位者为牵头单位).
FIRST_LEADS = Paragraph(
    text="表中责任部门列第一位的为牵头单位。", span=Span(start_line=1, end_line=1)
)


def test_it_takes_the_first_zone_unit_as_lead_and_the_rest_as_support():
    notice = notice_from_blocks(
        FIRST_LEADS,
        make_table(
            [HEADER, row("1", "措施一。", "科技创新局、政务服务办、组织人事部、市场监管局")],
            first_line=2,
        ),
    )
    e = notice.table[0]
    assert [u.name for u in e.lead] == ["科技创新局"]
    assert [u.name for u in e.support] == ["政务服务办", "组织人事部", "市场监管局"]


def test_a_combined_column_names_no_lead_where_the_notice_shows_none():
    # Issue 21: a lone 责任单位 / 责任部门 column lists units it does not rank.
    notice = notice_from_blocks(
        make_table([HEADER, row("1", "措施一。", "科技创新局、政务服务办、组织人事部")])
    )
    e = notice.table[0]
    assert [u.name for u in e.lead] == []
    assert [u.name for u in e.support] == ["科技创新局", "政务服务办", "组织人事部"]


def test_the_prose_naming_the_first_listed_unit_as_lead_makes_it_lead_in_the_table():
    text = (
        "某区重点任务分工方案\n"
        "1.推行甲事。（区甲局牵头，区乙局、区丙局配合）\n"
        "2.推行乙事。（区乙局牵头，区丙局配合）\n"
        "序号\t具体措施\t责任部门\n"
        "1\t推行甲事。\t区甲局、区乙局、区丙局\n"
        "2\t推行乙事。\t区乙局、区丙局\n"
    )
    notice = policy_parse.parse_text(text)
    assert [([u.name for u in e.lead], [u.name for u in e.support]) for e in notice.table] == [
        (["区甲局"], ["区乙局", "区丙局"]),
        (["区乙局"], ["区丙局"]),
    ]


def test_prose_whose_leads_are_not_the_first_listed_unit_shows_no_convention():
    text = (
        "某区重点任务分工方案\n"
        "1.推行甲事。（区乙局牵头，区甲局配合）\n"
        "2.推行乙事。（区丙局牵头，区乙局配合）\n"
        "序号\t具体措施\t责任部门\n"
        "1\t推行甲事。\t区甲局、区乙局\n"
        "2\t推行乙事。\t区乙局、区丙局\n"
    )
    notice = policy_parse.parse_text(text)
    assert [[u.name for u in e.lead] for e in notice.table] == [[], []]


def test_a_phrase_in_a_combined_cell_names_its_own_lead():
    notice = notice_from_blocks(
        make_table([HEADER, row("1", "措施一。", "科技创新局牵头，政务服务办、组织人事部配合")])
    )
    e = notice.table[0]
    assert [u.name for u in e.lead] == ["科技创新局"]
    assert [u.name for u in e.support] == ["政务服务办", "组织人事部"]


def test_it_keeps_the_higher_levels_units_apart_from_the_zones():
    notice = notice_from_blocks(
        make_table(
            [HEADER, row("1", "措施一。", "经发局", city="滨海新区政府、北辰、南开、武清区政府")]
        )
    )
    e = notice.table[0]
    assert [u.name for u in e.upper_units] == [
        "滨海新区政府",
        "北辰区政府",
        "南开区政府",
        "武清区政府",
    ]
    assert [u.written for u in e.upper_units] == ["滨海新区政府", "北辰", "南开", "武清区政府"]
    assert [u.name for u in (*e.lead, *e.support)] == ["经发局"]


def test_it_reads_a_zone_units_cell_broken_over_lines():
    notice = notice_from_blocks(
        FIRST_LEADS,
        make_table([HEADER, row("1", "措施一。", "科技创新局、\n经发局\n人社局")], first_line=2),
    )
    e = notice.table[0]
    assert [u.name for u in e.lead] == ["科技创新局"]
    assert [u.name for u in e.support] == ["经发局", "人社局"]


def test_it_reads_lead_and_support_from_their_own_columns_when_a_table_has_them():
    header = ["序号", "具体措施", "牵头单位", "配合单位", "完成时限"]
    notice = notice_from_blocks(
        make_table([header, ["1", "措施一。", "科技创新局", "经发局、人社局", "2021年6月底前"]])
    )
    e = notice.table[0]
    assert [u.name for u in e.lead] == ["科技创新局"]
    assert [u.name for u in e.support] == ["经发局", "人社局"]
    assert e.deadline is not None and e.deadline.value == "2021-06-30"


def test_a_stray_dot_in_the_number_column_is_no_number():
    from policy_parse.reconcile import reconcile

    notice = notice_from_blocks(
        make_table([HEADER, row("1", "措施一。", "经发局"), row(".", "措施二。", "人社局")])
    )
    found = reconcile(notice)
    assert notice.table[1].number is None or notice.table[1].number.parts
    assert any(d.kind.value == "numbering" for d in found)


def test_parts_read_from_a_table_keep_only_the_marker_as_written() -> None:
    import policy_parse

    text = "\t序号\n\t主要内容\n\t牵头单位\n\n\t一、提升能级\n\n\t1\n\t做甲。\n\tA处\n\n\t2\n\t做乙。\n\tB处\n"
    notice = policy_parse.parse_text(text)
    assert [(p.number, p.written, p.title) for p in notice.parts] == [("1", "一、", "提升能级")]


def test_a_group_title_row_with_no_row_under_it_is_residue_not_lost() -> None:
    import policy_parse

    text = "\t序号\n\t主要内容\n\t牵头单位\n\n\t1\n\t做甲。\n\tA处\n\n\t二、没有下文\n"
    notice = policy_parse.parse_text(text)
    assert [(r.text, r.reason) for r in notice.residue] == [
        ("二、没有下文", "group title row with no table row under it")
    ]


# --- more header words; numbers and titles of tables flattened to text ------------------


def test_units_under_a_column_without_a_lead_mark_are_all_supporters():
    notice = notice_from_blocks(
        make_table([["序号", "工作内容", "主要责任单位"], ["1", "做甲。", "甲局、乙局"]])
    )
    assert notice.table[0].lead == ()
    assert [u.written for u in notice.table[0].support] == ["甲局", "乙局"]


def test_the_number_written_in_the_text_cell_numbers_a_table_without_a_number_column():
    seg = table_to_segment(
        make_table([["重点工作", "牵头单位"], ["135.做甲。", "甲局"], ["3.1 做乙。", "乙局"]])
    )
    assert seg is not None
    assert [(r.number, r.get("text")) for r in seg.rows] == [("135", "做甲。"), ("3.1", "做乙。")]


@pytest.mark.parametrize(
    ("cell", "number", "text"),
    [
        ("（12）做甲。", "12", "做甲。"),
        ("(12) 做甲。", "12", "做甲。"),
        ("12）做甲。", "12", "做甲。"),
        ("12、做甲。", "12", "做甲。"),
        ("⑫做甲。", "⑫", "做甲。"),  # as written: normalize reads it as 12
        ("第12项 做甲。", "第12项", "做甲。"),
        ("第十二项：做甲。", "第十二项", "做甲。"),
    ],
)
def test_a_row_number_in_the_text_cell_is_read_in_every_form(cell, number, text):
    seg = table_to_segment(make_table([["重点工作", "牵头单位"], [cell, "甲局"]]))
    assert seg is not None
    assert (seg.rows[0].number, seg.rows[0].get("text")) == (number, text)


@pytest.mark.parametrize("cell", ["（1）做甲；（2）做乙。", "①做甲；②做乙。", "1.做甲；2.做乙。"])
def test_a_text_cell_listing_its_own_numbered_items_gives_no_row_number(cell):
    seg = table_to_segment(make_table([["重点工作", "牵头单位"], [cell, "甲局"]]))
    assert seg is not None
    assert (seg.rows[0].number, seg.rows[0].get("text")) == ("", cell)


@pytest.mark.parametrize("cell", ["（一）做甲。", "一、做甲。"])
def test_a_group_marker_opening_a_text_cell_is_no_row_number(cell):
    seg = table_to_segment(
        make_table([["重点工作", "牵头单位"], [cell, "甲局"], ["1.做乙。", "乙局"]])
    )
    assert seg is not None
    assert [(r.number, r.get("text")) for r in seg.rows] == [("", cell), ("1", "做乙。")]


def test_a_text_cell_starting_with_a_number_keeps_it_where_a_number_column_exists():
    seg = table_to_segment(
        make_table([["序号", "重点工作", "牵头单位"], ["7", "135.做甲。", "甲局"]])
    )
    assert seg is not None
    assert (seg.rows[0].number, seg.rows[0].get("text")) == ("7", "135.做甲。")


def test_a_marker_in_the_number_cell_and_a_title_beside_it_is_a_group_title():
    seg = table_to_segment(
        make_table(
            [
                ["序号", "重点工作", "牵头单位"],
                ["（一）", "优化服务。", ""],
                ["1", "做甲。", "甲局"],
            ]
        )
    )
    assert seg is not None
    assert len(seg.rows) == 1
    assert seg.rows[0].get("part") == "（一）优化服务。"


def test_a_one_cell_row_without_a_marker_is_a_group_title():
    seg = table_to_segment(
        make_table([["序号", "重点工作", "牵头单位"], ["优化营商环境。"], ["1", "做甲。", "甲局"]])
    )
    assert seg is not None
    assert [(r.number, r.get("part")) for r in seg.rows] == [("1", "优化营商环境。")]


def test_a_unit_marked_lead_in_its_cell_leads_whatever_the_column():
    import policy_parse

    text = (
        "某县任务分解表\n序号\t工作任务\t责任单位\t完成时限\n"
        "1\t建设甲项目\t县教育局、县卫健局（牵头）\t2024年底\n"
        "2\t建设乙项目\t县住建局(牵头),县城管局\t2024年6月\n"
    )
    rows = policy_parse.parse_text(text).table
    assert [([u.written for u in e.lead], [u.written for u in e.support]) for e in rows] == [
        (["县卫健局"], ["县教育局"]),
        (["县住建局"], ["县城管局"]),
    ]


def test_a_cell_of_units_on_lines_of_their_own_reads_its_marks_and_labels():
    import policy_parse

    # Word cells with a line break between units: a mark after one, or a label per line.
    text = (
        "某县重点工作任务分工表\n\n\t序号\n\t重点任务\n\t责任单位\n\n"
        "\t1\n\t加快重大项目建设。\n\t牵头：县发改局\n配合：县财政局、县自然资源局\n\n"
        "\t2\n\t抓好粮食生产。\n\t县农业农村局（牵头）\n各乡镇人民政府\n"
    )
    notice = policy_parse.parse_text(text)
    assert [
        ([u.written for u in e.lead], [u.written for u in e.support]) for e in notice.table
    ] == [
        (["县发改局"], ["县财政局", "县自然资源局"]),
        (["县农业农村局"], ["各乡镇人民政府"]),
    ]
    assert not [d for d in notice.discrepancies if d.kind.value == "structure"]
    # The role words are kept, not lost.
    assert {r.text for r in notice.residue} >= {"牵头配合", "牵头"}


# --- a header over two rows --------------------------------------------------------------------

TWO_ROW_HEADER = [
    ["序号", "工作任务", "责任单位", "", "完成时限"],
    ["", "", "牵头单位", "配合单位", ""],
]


def test_it_reads_a_header_whose_units_cell_spans_lead_and_support_sub_columns():
    seg = table_to_segment(
        make_table([*TWO_ROW_HEADER, ["1", "措施一。", "区水务局", "区城管局", "2024年6月底前"]])
    )
    assert seg is not None
    assert seg.roles == ("number", "text", "lead", "support", "deadline")
    assert [(r.number, r.get("lead"), r.get("support")) for r in seg.rows] == [
        ("1", "区水务局", "区城管局")
    ]


def test_it_reads_a_merged_sub_header_cell_as_its_parent():
    rows = [
        ["序号", "工作任务", "责任单位", "责任单位", "完成时限"],
        [MERGED, MERGED, "牵头单位", "配合单位", MERGED],
        ["1", "措施一。", "区水务局", "区城管局", "2024年"],
    ]
    seg = table_to_segment(make_table(rows), explicit_merges=True)
    assert seg is not None
    assert seg.roles == ("number", "text", "lead", "support", "deadline")
    assert len(seg.rows) == 1


def test_it_skips_both_header_rows_repeated_at_a_page_break():
    body = ["1", "措施一。", "区水务局", "区城管局", "2024年"]
    seg = table_to_segment(make_table([*TWO_ROW_HEADER, body, *TWO_ROW_HEADER, body]))
    assert seg is not None
    assert seg.repeated_headers == 2
    assert len(seg.rows) == 2


def test_it_takes_a_body_row_after_the_header_as_a_body_row():
    rows = [["序号", "工作任务", "牵头单位", "配合单位"], ["1", "措施一。", "区水务局", "无"]]
    seg = table_to_segment(make_table(rows))
    assert seg is not None
    assert [r.number for r in seg.rows] == ["1"]


# --- issue 28: tables as Word and PDF lay them out -----------------------------------


def test_a_label_value_table_is_read_turned_with_its_labels_as_the_header():
    seg = table_to_segment(
        make_table(
            [
                ["重点工作：", "12.修缮乡村道路。"],
                ["牵头单位：", "县甲局"],
                ["配合单位：", "县乙局、县丙局"],
                ["重点工作：", "13.建设文化广场。"],
                ["牵头单位：", "县乙局"],
            ]
        )
    )
    assert seg is not None
    assert seg.roles == ("text", "lead", "support")
    got = [(r.number, r.get("text"), r.get("lead"), r.get("support")) for r in seg.rows]
    assert got == [
        ("12", "修缮乡村道路。", "县甲局", "县乙局、县丙局"),
        ("13", "建设文化广场。", "县乙局", ""),
    ]


def test_a_two_column_table_with_a_header_of_its_own_is_not_turned():
    seg = table_to_segment(make_table([["重点工作", "牵头单位"], ["牵头单位：", "县甲局"]]))
    assert seg is not None
    assert seg.header == ("重点工作", "牵头单位")


def _spanning_header(body_second: str) -> Table:
    # 工作任务 spans the group and the 序号 column (w:gridSpan, a PDF region).
    table = make_table(
        [
            ["工作任务", "", "具体要求", "责任科室"],
            ["规范公开目录", "1", "清理规范性文件。", "办公室"],
            [MERGED, body_second, "丰富解读形式。", "各科室"],
        ]
    )
    header = table.rows[0]
    cells = list(header.cells)
    cells[1] = attrs.evolve(cells[1], merged_left=True)
    return attrs.evolve(table, rows=(attrs.evolve(header, cells=tuple(cells)), *table.rows[1:]))


def test_a_column_under_a_spanning_header_cell_holding_row_numbers_is_the_number_column():
    seg = table_to_segment(_spanning_header("2"))
    assert seg is not None
    assert seg.roles[:3] == ("part", "number", "text")
    assert [(r.number, r.get("text")) for r in seg.rows] == [
        ("1", "清理规范性文件。"),
        ("2", "丰富解读形式。"),
    ]


def test_a_column_under_a_spanning_header_cell_holding_words_stays_extra():
    seg = table_to_segment(_spanning_header("另见附件"))
    assert seg is not None
    assert "number" not in seg.roles


def test_a_header_cell_stating_the_first_listed_rule_makes_that_unit_the_lead():
    notice = policy_parse.parse_text(
        "| 序号 | 工作任务 | 责任单位（排第一位的为牵头单位） |\n| 1 | 修路 | 甲局、乙局 |\n"
    )
    (row,) = notice.table
    assert [u.name for u in row.lead] == ["甲局"] and [u.name for u in row.support] == ["乙局"]
    assert "guessed_lead" not in [d.note for d in notice.discrepancies]  # the notice said so


def test_a_bare_numeral_in_the_number_cell_titles_a_group_among_numbered_rows() -> None:
    # | 一 | 经济发展 | | | gave a measure 一 whose lead was 经济发展 (probe4).
    notice = policy_parse.parse_text(
        "方案\n| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n| 一 | 经济发展 |  |  |\n"
        "| 1 | 推进产业升级工作 | 甲局 | 乙局 |\n| 二 | 社会民生 |  |  |\n"
        "| 2 | 推进教育均衡工作 | 丙局 | 丁局 |\n"
    )
    assert [(str(e.number), e.part) for e in notice.table] == [("1", "1"), ("2", "2")]
    assert [[u.name for u in e.lead] for e in notice.table] == [["甲局"], ["丙局"]]


def test_rows_numbered_with_numerals_alone_are_measures() -> None:
    notice = policy_parse.parse_text(
        "方案\n| 序号 | 工作任务 | 牵头单位 |\n| 一 | 推进产业升级工作 | 甲局 |\n"
        "| 二 | 推进教育均衡工作 |  |\n"
    )
    assert len(notice.table) == 2


def test_bare_role_words_under_a_merged_units_header_name_its_columns():
    # 牵头 | 配合 under a merged 责任单位: the second row was no header (no
    # column word), read as a row whose unit was 牵头, the 配合 column lost.
    seg = table_to_segment(
        make_table(
            [
                ["序号", "重点任务", "责任单位", "", "完成时限"],
                ["", "", "牵头", "配合", ""],
                ["1", "建设甲项目", "丁县甲局", "丁县乙局", "2025年底前"],
            ]
        )
    )
    assert seg is not None
    assert seg.roles[2:4] == ("lead", "support")
    (r,) = seg.rows
    assert (r.get("lead"), r.get("support")) == ("丁县甲局", "丁县乙局")


def test_a_footnote_row_with_its_other_cells_empty_takes_no_units_from_above():
    # An invented web page's table: the 注 row's note stands in its first
    # cell, the others left empty (no colspan); empty cells of a table with
    # no explicit merges otherwise continue the cell above.
    header = ["序号", "项目名称", "牵头单位", "配合单位", "完成时限"]
    seg = table_to_segment(
        make_table(
            [
                header,
                ["一", "新建甲设施", "县甲局", "县乙局", "年底前"],
                ["二", "改造乙设施", "", "县丙局", "十月底前"],  # 县甲局 again
                ["注：牵头单位负责统筹推进。", "", "", "", ""],
            ]
        )
    )
    assert seg is not None
    second, note = seg.rows[1], seg.rows[2]
    assert "lead" in second.inherited
    assert note.inherited == ()
    assert [t for r, t in note.values if r == "lead"] == [""]


def test_a_header_a_narrow_column_wrapped_reads_with_its_tails():
    # 牵头 | 配合 | 完成 over 单位 | 单位 | 时限 (a pipe or tab copy of a PDF's
    # header): no units column was found, every row's units lost (probe9).
    table = make_table(
        [
            ["序号", "重点任务", "牵头", "配合", "完成"],
            ["", "", "单位", "单位", "时限"],
            ["1", "做甲。", "县甲局", "县乙局", "2025年底前"],
        ]
    )
    notice = notice_from_blocks(table)
    (t,) = notice.table
    assert ([u.name for u in t.lead], [u.name for u in t.support]) == (["县甲局"], ["县乙局"])
    assert t.deadline is not None and t.deadline.written == "2025年底前"


def test_a_sub_header_under_a_merged_cell_is_no_tail():
    # 责任单位 over 牵头单位 | 配合单位 stays the merged reading
    table = make_table(
        [
            ["序号", "重点任务", "责任单位", ""],
            ["", "", "牵头单位", "配合单位"],
            ["1", "做甲。", "县甲局", "县乙局"],
        ]
    )
    (t,) = notice_from_blocks(table).table
    assert ([u.name for u in t.lead], [u.name for u in t.support]) == (["县甲局"], ["县乙局"])


def test_a_row_numbered_in_its_text_keeps_the_number_as_written():
    # hostile4 (test_fuzz.py's docx hunt): with no 序号 column, 第1项 and
    # 第三项 opening the task cell were kept as 1 and 3: 第, 项 and 三 were
    # in no record, and the 3 was written nowhere.
    from policy_parse.audit import lost_and_invented

    text = (
        "分工方案\n"
        "具体落实举措\t牵头单位\t配合单位\n"
        "第1项推进工作\t县甲局\t县乙局\n"
        "第二项开展工作\t县乙局\t县甲局\n"
    )
    document = policy_parse.read_text_document(text)
    notice = policy_parse.notice_from_document(document)
    assert lost_and_invented(document, notice) == ("", "")
    assert [(e.written_number, str(e.number), e.text) for e in notice.table] == [
        ("第1项", "1", "推进工作"),
        ("第二项", "2", "开展工作"),
    ]


def test_a_row_numbered_with_a_circled_number_keeps_it_as_written():
    # hostile4 left it: ⑫ opening the task cell gave the number 12, so the ⑫
    # was in no record and the 12 was written nowhere.
    from policy_parse.audit import lost_and_invented

    text = "分工方案\n具体落实举措\t牵头单位\t配合单位\n⑪推进工作\t县甲局\t县乙局\n⑫开展工作\t县乙局\t县甲局\n"
    document = policy_parse.read_text_document(text)
    notice = policy_parse.notice_from_document(document)
    assert lost_and_invented(document, notice) == ("", "")
    assert [(e.written_number, str(e.number), e.text) for e in notice.table] == [
        ("⑪", "11", "推进工作"),
        ("⑫", "12", "开展工作"),
    ]

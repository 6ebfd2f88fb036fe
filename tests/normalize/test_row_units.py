"""normalize/row_units.py: the units of a 分工表 row."""

from __future__ import annotations

import policy_parse
from policy_parse.normalize.row_units import ROLE_WORDS, unit_cell

TABLE = (
    "某县分工表\n"
    "| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n"
    "| 1 | 修路 | 县甲局 | 县乙局、县丙局（排名不分先后） |\n"
    "| 2 | 建桥 | 县丁局（牵头） | 县戊局（按职责分工负责） |\n"
    "| 3 | 建园 | 县甲局 | 各乡镇（街道） |\n"
)


def test_a_closing_remark_on_a_cells_list_is_no_part_of_its_last_name():
    # 县丙局（排名不分先后） looked like a unit: wrong, with no finding.
    assert unit_cell("县乙局、县丙局（排名不分先后）") == "县乙局、县丙局"
    assert unit_cell("县戊局（按职责分工负责）。") == "县戊局"
    assert unit_cell("县委组织部（县委人才办）") == "县委组织部（县委人才办）"  # its second name


def test_the_rows_read_without_the_remarks_and_keep_them_as_residue():
    notice = policy_parse.parse_text(TABLE)
    got = [([u.written for u in e.lead], [u.written for u in e.support]) for e in notice.table]
    assert got == [
        (["县甲局"], ["县乙局", "县丙局"]),
        (["县丁局"], ["县戊局"]),
        (["县甲局"], ["各乡镇（街道）"]),
    ]
    assert not [d for d in notice.discrepancies if d.note == "odd_unit"]
    kept = {r.text for r in notice.residue if r.reason == ROLE_WORDS}
    assert kept == {"排名不分先后", "牵头按职责分工负责"}


def test_a_cell_phrase_naming_no_lead_loses_its_marker_not_its_last_name():
    # 县庚局按职责分工负责 was one unit (odd_unit said so).
    notice = policy_parse.parse_text(
        "某县分工表\n| 序号 | 工作任务 | 责任单位 |\n"
        "| 1 | 修路 | 县己局、县庚局按职责分工负责 |\n| 2 | 建桥 | 县甲局、县乙局配合 |\n"
    )
    got = [([u.written for u in e.lead], [u.written for u in e.support]) for e in notice.table]
    assert got == [([], ["县己局", "县庚局"]), ([], ["县甲局", "县乙局"])]
    assert not [d for d in notice.discrepancies if d.note == "odd_unit"]
    assert "按职责分工负责" in {r.text for r in notice.residue if r.reason == ROLE_WORDS}


def test_short_role_labels_in_a_cell_name_its_lead():
    # 主责：县甲局；协同：县乙局 in a 责任单位 cell was two odd units.
    notice = policy_parse.parse_text(
        "某县分工表\n| 序号 | 工作任务 | 责任单位 |\n| 1 | 修路 | 主责：县甲局；协同：县乙局 |\n"
        "| 2 | 建桥 | 县丙局、县丁局 |\n"
    )
    (e, _) = notice.table
    assert ([u.written for u in e.lead], [u.written for u in e.support]) == (["县甲局"], ["县乙局"])


def test_rows_of_the_same_cells_read_alike_and_each_gets_lists_of_its_own():
    # units_of_row reads each cell text once: the rows 1 and 3 share their
    # 牵头单位 cell; what one caller does to its lists reaches no other row.
    from policy_parse.models import Span
    from policy_parse.normalize.row_units import units_of_row
    from policy_parse.segment.table import TableRow

    def row(n: int, lead: str, support: str) -> TableRow:
        values = (("number", str(n)), ("lead", lead), ("support", support))
        return TableRow(
            row=n, number=str(n), number_inherited="", values=values, inherited=(), span=Span()
        )

    first = units_of_row(row(1, "县甲局", "县乙局、县丙局"))
    first[0].clear()
    first[1].append(("县丁局", "县丁局"))
    again = units_of_row(row(3, "县甲局", "县乙局、县丙局"))
    assert [w for w, _ in again[0]] == ["县甲局"]
    assert [w for w, _ in again[1]] == ["县乙局", "县丙局"]


def test_co_leads_in_a_lead_cell_closed_by_gongtong_qiantou_are_each_a_lead():
    # 县甲局、县乙局（共同牵头） kept the bracket on 县乙局's name (probe10)
    table = (
        "某县分工表\n"
        "| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n"
        "| 1 | 修路 | 县甲局、县乙局（共同牵头） | 县丙局 |\n"
        "| 2 | 建桥 | 县丁局 | 县戊局 |\n"
    )
    notice = policy_parse.parse_text(table)
    first = notice.measures[0]
    assert [u.name for u in first.lead] == ["县甲局", "县乙局"]
    assert [u.name for u in first.support] == ["县丙局"]


def test_a_remark_naming_the_lead_leads_a_list_that_marks_none():
    # | 县甲局、县乙局 | … | 县甲局牵头 |: read as no lead, silently.
    notice = policy_parse.parse_text(
        "| 序号 | 工作任务 | 责任单位 | 完成时限 | 备注 |\n"
        "| 1 | 修路 | 县乙局、县甲局、各乡镇 | 2025年底 | 县甲局牵头 |\n"
        "| 2 | 建桥 | 县丙局、县丁局 | 长期 | 县戊局牵头 |\n"
        "| 3 | 建园 | 县丙局、县丁局 | 长期 | 常态化 |\n"
    )
    got = [([u.written for u in m.lead], [u.written for u in m.support]) for m in notice.measures]
    assert got == [
        (["县甲局"], ["县乙局", "各乡镇"]),
        ([], ["县丙局", "县丁局"]),  # a lead the list does not name: no unit added
        ([], ["县丙局", "县丁局"]),
    ]


def test_a_remark_labelling_the_lead_leads_as_a_phrase_does():
    notice = policy_parse.parse_text(
        "| 序号 | 工作任务 | 责任单位 | 备注 |\n"
        "| 1 | 修路 | 县乙局、县甲局 | 牵头单位：县甲局 |\n"
        "| 2 | 建桥 | 县丙局、县丁局 | 完成时限：2025年底 |\n"
    )
    got = [([u.written for u in m.lead], [u.written for u in m.support]) for m in notice.measures]
    assert got == [(["县甲局"], ["县乙局"]), ([], ["县丙局", "县丁局"])]

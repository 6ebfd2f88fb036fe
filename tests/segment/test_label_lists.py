"""segment/label_lists.py: a label line's list going on one name a line."""

from __future__ import annotations

import policy_parse

LIST_LINES = (
    "某县方案\n1.推进甲项目。\n牵头单位：丁县甲局\n配合单位：丁县乙局\n丁县丙局\n丁县丁局\n"
    "2.推进乙项目。\n牵头单位：丁县戊局\n配合单位：丁县己局\n丁县人民政府办公室\n"
)


def test_unit_names_a_line_each_under_a_label_line_go_on_its_list():
    # 丁县丙局 and 丁县丁局 were residue (a caption or byline?): lost, unsaid.
    notice = policy_parse.parse_text(LIST_LINES)
    m1 = notice.measures[0]
    assert [u.name for u in m1.lead] == ["丁县甲局"]
    assert [u.name for u in m1.support] == ["丁县乙局", "丁县丙局", "丁县丁局"]


def test_a_name_under_the_last_items_label_line_may_be_the_signature():
    notice = policy_parse.parse_text(LIST_LINES)
    assert [u.name for u in notice.measures[1].support] == ["丁县己局"]
    assert "丁县人民政府办公室" in [r.text for r in notice.residue]


def test_a_sentence_under_a_label_line_goes_on_no_list():
    text = LIST_LINES.replace("丁县丙局\n丁县丁局\n", "详见附表\n")
    notice = policy_parse.parse_text(text)
    assert [u.name for u in notice.measures[0].support] == ["丁县乙局"]


def test_a_name_alone_between_two_label_lines_goes_on_the_first():
    # 牵头单位：A / B / 配合单位：C: B was the text of a task 1-2 of its own,
    # led by nobody, and nothing said so.
    notice = policy_parse.parse_text(
        "某县方案\n1.推进甲项目。\n牵头单位：丁县甲局\n丁县乙局\n配合单位：丁县丙局\n"
        "完成时限：2025年底前\n2.推进乙项目。（丁县丁局负责）\n"
    )
    m1 = notice.measures[0]
    assert (m1.id, [u.name for u in m1.lead], [u.name for u in m1.support]) == (
        "1",
        ["丁县甲局", "丁县乙局"],
        ["丁县丙局"],
    )


def test_names_under_the_last_items_label_line_above_the_signature_go_on_its_list():
    # 丁县庚局 stood between the last label line and the 署名 and date: it was
    # closing text, lost with no finding.
    for date in ("2025年3月5日", "2025-03-05", "二〇二五年三月五日"):
        notice = policy_parse.parse_text(
            LIST_LINES.replace("丁县人民政府办公室\n", f"丁县庚局\n丁县人民政府办公室\n{date}\n")
        )
        assert [u.name for u in notice.measures[1].support] == ["丁县己局", "丁县庚局"], date
        assert "丁县人民政府办公室" in [r.text for r in notice.residue]
    # With no issuer's name, the line right above the date signs it.
    notice = policy_parse.parse_text(
        LIST_LINES.replace("丁县人民政府办公室\n", "丁县庚局\n丁县发展和改革局\n2025年3月5日\n")
    )
    assert [u.name for u in notice.measures[1].support] == ["丁县己局", "丁县庚局"]
    # A unit list's own 县政府办公室 (a bare level first) is a unit, not the 署名.
    notice = policy_parse.parse_text(
        LIST_LINES.replace(
            "丁县人民政府办公室\n", "县政府办公室\n丁县人民政府办公室\n2025年3月5日\n"
        )
    )
    assert [u.name for u in notice.measures[1].support] == ["丁县己局", "县政府办公室"]


def test_names_ending_the_text_or_above_a_closing_sentence_go_on_the_last_list():
    # No 署名 stands there: 丁县庚局 was a caption or byline, lost unsaid.
    base = LIST_LINES.replace("丁县人民政府办公室\n", "丁县庚局\n")
    for end in ("", "各单位要高度重视，按照任务分工抓好落实。\n"):
        notice = policy_parse.parse_text(base + end)
        assert [u.name for u in notice.measures[1].support] == ["丁县己局", "丁县庚局"], end

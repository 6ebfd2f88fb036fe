"""read/text/numerals.py: headings whose numeral a space follows (一 总体要求).
Specimens invented."""

from __future__ import annotations

import policy_parse
from policy_parse.read.text.numerals import respaced

SPACED = (
    "某县实施方案\n"
    "一 总体要求\n"
    "1.建设甲平台。\n"
    "二 主要任务\n"
    "（一）建设乙平台。（县甲局负责）\n"
    "2.建设丙平台。（县乙局负责）\n"
)


def test_numerals_a_space_follows_that_count_one_two_are_headings_with_their_dun():
    got = respaced(SPACED.split("\n"))
    assert got is not None
    lines, count = got
    assert count == 2
    assert lines[1] == "一、总体要求"
    assert lines[3] == "二、主要任务"
    assert lines[4] == "（一）建设乙平台。（县甲局负责）"


def test_a_numeral_and_a_space_met_once_or_out_of_order_stay_text():
    assert respaced(["一 总体要求", "1.建设甲平台。"]) is None
    assert respaced(["二 总体要求", "三 主要任务"]) is None
    assert respaced(["一 二 三", "正文"]) is None


def test_spaced_headings_part_the_measures_and_are_said():
    notice = policy_parse.parse_text(SPACED)
    assert [n.note for n in notice.discrepancies if n.note == "spaced_numerals"] == [
        "spaced_numerals"
    ]
    # Measure 1 is a measure of part 一, not a lead-in of the section after it.
    assert "1" in [str(m.number) for m in notice.measures]

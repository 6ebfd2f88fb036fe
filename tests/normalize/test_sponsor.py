"""normalize/sponsor.py: a notice's last line 主办单位：某局, read as the last
measure's lead label, is said to be a guess (it may be a portal's footer)."""

from __future__ import annotations

import policy_parse
from policy_parse.models import Kind, Severity

_HEAD = "1.修缮村道。\n牵头单位：县甲局\n配合单位：县乙局\n2.整治河塘。\n牵头单位：县丙局\n"


def _sponsor(notice: policy_parse.Notice) -> list[policy_parse.Discrepancy]:
    return [d for d in notice.discrepancies if d.note == "sponsor_line"]


def test_a_last_sponsor_line_no_other_measure_uses_is_read_and_said_to_be_a_guess():
    notice = policy_parse.parse_text(_HEAD + "3.建设公厕。\n主办单位：县丁局\n")
    assert [u.name for u in notice.measures[-1].lead] == ["县丁局"]
    (d,) = _sponsor(notice)
    assert (d.kind, d.severity, d.measure) == (Kind.STRUCTURE, Severity.WARNING, "3")
    assert dict(d.fields)["line"] == "主办单位：县丁局"
    assert "footer" in d.message


def test_a_half_width_colon_is_the_same_line():
    notice = policy_parse.parse_text(_HEAD + "3.建设公厕。\n主办单位:县丁局\n")
    assert [d.measure for d in _sponsor(notice)] == ["3"]


def test_a_notice_that_labels_its_leads_with_sponsor_words_says_nothing():
    text = "1.修缮村道。\n主办单位：县甲局\n2.整治河塘。\n牵头单位：县丙局\n3.建设公厕。\n主办单位：县丁局\n"
    assert _sponsor(policy_parse.parse_text(text)) == []


def test_a_notice_that_names_leads_with_the_role_word_says_nothing():
    text = "1.修缮村道。（县甲局主办，县乙局协办）\n2.整治河塘。\n牵头单位：县丙局\n3.建设公厕。\n主办单位：县丁局\n"
    assert _sponsor(policy_parse.parse_text(text)) == []


def test_a_sponsor_line_that_is_not_the_last_measures_says_nothing():
    text = "1.修缮村道。\n主办单位：县甲局\n2.整治河塘。\n牵头单位：县丙局\n配合单位：县乙局\n"
    assert _sponsor(policy_parse.parse_text(text)) == []


def test_a_sponsor_line_above_the_table_ends_no_page():
    text = (
        _HEAD
        + "3.建设公厕。\n主办单位：县丁局\n\n"
        + "序号\t工作任务\t牵头单位\n1\t修缮村道。\t县甲局\n2\t整治河塘。\t县丙局\n3\t建设公厕。\t县丁局\n"
    )
    notice = policy_parse.parse_text(text)
    assert len(notice.table) == 3
    assert _sponsor(notice) == []

"""read/text/repeated_heads.py: the notice's title or a table's caption
printed again at a page top, with no page number beside it, is furniture
where it cuts an open line; anywhere else it is text."""

from __future__ import annotations

import policy_parse
from policy_parse.read.text.repeated_heads import REASON, repeated_heads

TITLE = "丁县2025年甲乙丙工作任务分工方案"


def test_the_title_inside_an_open_annotation_is_a_running_head():
    lines = [TITLE, "1.推进甲项工作。（丁县甲局牵头，", TITLE, "丁县乙局配合）"]
    found = repeated_heads(lines)
    assert list(found) == [2]
    assert found[2].reason == REASON and found[2].text == TITLE


def test_a_caption_between_two_rows_of_a_tab_table_is_a_running_head():
    caption = "丁县2025年重点任务分工表"
    lines = [
        caption,
        "序号\t重点任务\t牵头单位",
        "1\t推进甲项工作\t丁县甲局",
        caption,
        "2\t推进乙项工作\t丁县乙局",
    ]
    assert list(repeated_heads(lines)) == [3]


def test_the_title_after_a_closed_line_or_at_the_end_stays_text():
    # the attachment's title under 附件, after a closed measure, or last: text
    assert repeated_heads([TITLE, "1.推进甲项工作。（丁县甲局负责）", TITLE, "一、总体要求"]) == {}
    assert repeated_heads([TITLE, "附件", TITLE, "1.推进甲项工作。"]) == {}
    assert repeated_heads([TITLE, "1.推进甲项工作。（丁县甲局牵头，", TITLE]) == {}


def test_a_cell_repeated_between_rows_is_no_running_head():
    # one cell a line, tab-led: units and deadlines stand again and again
    lines = [
        "序号\t重点任务\t牵头单位",
        "\t丁县甲局、丁县乙局",
        "2025年年底前",
        "\t丁县丙局",
        "2025年年底前",
        "\t丁县丁局",
    ]
    assert repeated_heads(lines) == {}


def test_the_unit_after_a_running_head_reads_whole():
    text = f"{TITLE}\n1.推进甲项工作。（丁县甲局牵头，\n{TITLE}\n丁县乙局配合）\n"
    (m,) = policy_parse.parse_text(text).measures
    assert [u.name for u in m.support] == ["丁县乙局"]


def test_a_caption_between_two_space_aligned_rows_is_a_running_head():
    caption = "丁县2025年重点任务分工表"
    lines = [
        caption,
        "序号  重点任务        牵头单位",
        "1     推进甲项工作    丁县甲局",
        caption,
        "2     推进乙项工作    丁县乙局",
    ]
    assert list(repeated_heads(lines)) == [3]

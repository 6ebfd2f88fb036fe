"""read/text/letterspace.py: a copy with a space between every two
characters (a PDF's letter spacing) reads as the text it spaces, and says
so; single spaces in a text written normally stay.  Specimens invented."""

from __future__ import annotations

import policy_parse
from helpers import units_of
from policy_parse.read.text.letterspace import unletterspaced

NOTICE = (
    "甲县任务分工方案\n"
    "一、提升服务\n"
    "1.推进数字政府建设，2025年底前完成。（牵头单位：县数据局；责任单位：县财政局、县发改局）\n"
    "2.完善养老服务体系。（牵头单位：县民政局；责任单位：县人社局）\n"
    "3.加强食品安全监管。（县市场监管局负责）\n"
)


def spaced(text: str) -> str:
    """Letter spacing as a PDF copy gives it: a space between every two
    characters, a space the writer typed widened to three."""
    return "\n".join(" ".join(line.replace(" ", "  ")) for line in text.split("\n"))


def test_a_letter_spaced_line_loses_its_single_spaces_and_keeps_a_typed_one() -> None:
    lines = [
        "关 于 印 发 甲 县 方 案 的 通 知",
        "2 0 2 5 年   P M 2 . 5 浓 度 下 降",
        "甲县人民政府",
    ]
    assert unletterspaced(lines) == (
        ["关于印发甲县方案的通知", "2025年 PM2.5浓度下降", "甲县人民政府"],
        2,
    )


def test_a_letter_spaced_notice_reads_as_the_notice_and_says_so() -> None:
    notice = policy_parse.parse_text(spaced(NOTICE))
    assert units_of(notice) == units_of(policy_parse.parse_text(NOTICE))
    assert units_of(notice)[0] == ("1", ["县数据局"], ["县财政局", "县发改局"])
    notes = [dict(d.fields) for d in notice.discrepancies if d.note == "letter_spaced"]
    assert notes == [{"lines": "5"}]


def test_single_spaces_between_words_and_cells_are_no_letter_spacing() -> None:
    lines = [
        "序号 任务 牵头单位 配合单位",
        "1 推进数字政府建设 县数据局 县财政局、县发改局",
        "2 完善养老服务体系 县民政局 县人社局",
        "甲 县 人 民 政 府",  # one spaced line among many written normally
    ]
    assert unletterspaced(lines) is None


def test_a_notice_written_normally_has_no_letter_spacing_note() -> None:
    notice = policy_parse.parse_text(NOTICE)
    assert not [d for d in notice.discrepancies if d.note == "letter_spaced"]

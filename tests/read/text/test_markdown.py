"""read/text/markdown.py: a notice converted to Markdown reads as the notice,
and says so.  The specimens are invented."""

from __future__ import annotations

import policy_parse
from helpers import notes_of, units_of
from policy_parse.read.text.markdown import unmarked

NOTICE = (
    "甲县任务分工方案\n"
    "一、提升服务\n"
    "（一）优化政务服务\n"
    "1.推进数字政府建设。\n"
    "牵头单位：县数据局\n"
    "责任单位：县财政局、县发改局\n"
    "2.完善养老服务体系。（县民政局负责）\n"
    "二、加强监管\n"
    "3.加强食品安全监管。\n"
    "牵头单位：县市场监管局\n"
)
# As pandoc or an editor writes it: headings, bold labels, a bullet, an
# escaped list number, a link, a thematic break.
MARKDOWN = (
    "# 甲县任务分工方案\n"
    "## 一、提升服务\n"
    "- （一）优化政务服务\n"
    "1\\.推进[数字政府](https://example.org/a)建设。\n"
    "**牵头单位**：县数据局\n"
    "__责任单位__：县财政局、县发改局\n"
    "2\\.完善养老服务体系。（县民政局负责）\n"
    "\n---\n\n"
    "## 二、加强监管 ##\n"
    "3\\.加强食品安全监管。\n"
    "**牵头单位**：县市场监管局\n"
)


def test_a_notice_in_markdown_reads_as_the_notice() -> None:
    markdown = policy_parse.parse_text(MARKDOWN)
    plain = policy_parse.parse_text(NOTICE)
    assert units_of(markdown) == units_of(plain)
    assert units_of(plain) == [
        ("1", ["县数据局"], ["县财政局", "县发改局"]),
        ("2", ["县民政局"], []),
        ("3", ["县市场监管局"], []),
    ]
    assert [m.text for m in markdown.measures] == [m.text for m in plain.measures]
    assert notes_of(markdown, "markdown_read") == [{"lines": "11"}]
    assert notes_of(plain, "markdown_read") == []


def test_markup_taken_off_each_kind_of_line() -> None:
    lines = [
        "## 一、总体要求",
        "**牵头单位**：县数据局",
        "> 引用的一行",
        "* 2.列表中的一项",
        "![图](a.png)说明",
        "***",
    ]
    out = unmarked(lines)
    assert out == (
        ["一、总体要求", "牵头单位：县数据局", "引用的一行", "2.列表中的一项", "图说明", ""],
        6,
    )


def test_a_lone_bold_label_is_markdown_and_a_lead_mark_stays() -> None:
    # A short notice converted may bold one label only; a single * after a
    # name marks the lead (责任单位：A*、B) and stays.
    assert unmarked(["1.推进建设。", "责任单位：县甲局*、县乙局"]) is None
    out = unmarked(["1.推进建设。", "**责任单位**：县甲局*、县乙局"])
    assert out == (["1.推进建设。", "责任单位：县甲局*、县乙局"], 1)


def test_a_pipe_table_is_left_to_the_table_reader() -> None:
    lines = ["## 分工表", "**说明**", "| 序号 | 任务 |", "| --- | --- |", "| 1 | 推进建设 |"]
    out = unmarked(lines)
    assert out is not None and out[0][2:] == lines[2:]


def test_long_lines_of_markup_are_read_in_one_pass() -> None:
    # Each of these backtracked over the whole line with a pattern (a line
    # of `[a](` took a minute and a half): the markup is scanned forward now.
    lines = ["## 一、任务", "**牵头单位**：县甲局"]
    for line, kept in [
        ("[a](" * 20000, "[a](" * 20000),
        ("[a](" * 20000 + ")", "a"),
        ("**x" * 30000, "x" * 30000),
        ("# " + " " * 50000 + "x", "x"),
    ]:
        out = unmarked([*lines, line])
        assert out is not None and out[0][-1] == kept


def test_a_text_without_a_hash_or_a_doubled_mark_is_no_markdown() -> None:
    """The quick test before the line by line one: no `#`, `**` or `__` in
    the text (a pair split over two lines is none), no Markdown."""
    assert unmarked(["一、总体要求", "甲_", "_乙", "（一）推进改革"]) is None
    assert unmarked(["# 一、总体要求", "正文"]) == (["一、总体要求", "正文"], 1)


def test_a_bold_lead_in_a_notice_that_says_so_becomes_a_lead_sign() -> None:
    # probe9: the bold was taken off and every unit read as supporting, no finding
    lines = [
        "（责任单位中加粗的为牵头单位）",
        "1.推进甲项工作。（责任单位：**丁县甲局**、丁县乙局）",
        "2.推进乙项工作。（责任单位：丁县丙局、**丁县丁局**）",
        "**牵头单位**：丁县戊局",
    ]
    got = unmarked(lines)
    assert got is not None
    assert got[0][1:] == [
        "1.推进甲项工作。（责任单位：丁县甲局★、丁县乙局）",
        "2.推进乙项工作。（责任单位：丁县丙局、丁县丁局★）",
        "牵头单位：丁县戊局",  # a bold label is no list item
    ]
    # without the convention a bold name is plain text
    got = unmarked(lines[1:])
    assert got is not None and got[0][0] == "1.推进甲项工作。（责任单位：丁县甲局、丁县乙局）"
    leads = [
        lead
        for _, lead, _ in units_of(policy_parse.parse_text("某县任务分工\n" + "\n".join(lines[:3])))
    ]
    assert leads == [["丁县甲局"], ["丁县丁局"]]


def test_a_bold_lead_convention_in_traditional_script_is_read_too() -> None:
    # The Markdown pass reads the text before it is simplified (probe9: s2t 0/3).
    lines = [
        "（責任單位中加粗的爲牽頭單位）",
        "1.推進甲項工作。（責任單位：**丁縣甲局**、丁縣乙局）",
    ]
    got = unmarked(lines)
    assert got is not None and got[0][1] == "1.推進甲項工作。（責任單位：丁縣甲局★、丁縣乙局）"

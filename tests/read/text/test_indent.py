"""read/text/indent.py: a tab before every paragraph is indentation, not a
one-column table; a tab-indented 分工表 (a header row among its groups) is
still a table.  Specimens invented."""

from __future__ import annotations

import pytest

import policy_parse
from helpers import units_of
from policy_parse.read.text.indent import untabbed

NOTICE = (
    "甲县任务分工方案\n"
    "一、提升服务\n"
    "1.推进数字政府建设。（牵头单位：县数据局；责任单位：县财政局）\n"
    "2.完善养老服务体系。（县民政局负责）\n"
    "\n"
    "3.加强食品安全监管。（牵头单位：县市场监管局）\n"
)


@pytest.mark.parametrize("indent", ["\t", "\t\t"])
def test_a_notice_indented_by_tabs_reads_as_the_notice_and_says_so(indent: str) -> None:
    tabbed = "\n".join(indent + ln if ln.strip() else ln for ln in NOTICE.split("\n"))
    notice = policy_parse.parse_text(tabbed)
    assert units_of(notice) == units_of(policy_parse.parse_text(NOTICE))
    assert [len(units_of(notice))] == [3]
    notes = [dict(d.fields) for d in notice.discrepancies if d.note == "tab_indent"]
    assert notes == [{"lines": "5"}]


def test_a_tab_indented_table_with_its_header_row_stays_a_table() -> None:
    lines = ["\t甲县任务分工表", "", "\t序号", "\t工作任务", "\t牵头单位", ""]
    lines += ["\t1", "\t修建道路。", "\t县交通局", ""]
    assert untabbed(lines) is None


def test_a_text_with_lines_written_flush_keeps_its_tabs() -> None:
    lines = ["甲县任务分工", "说明文字。", "\t1", "\t修建道路。", "其他文字。"]
    assert untabbed(lines) is None


def test_tab_indented_paragraphs_a_pdf_copy_rewrapped_are_untabbed() -> None:
    # Each paragraph's first line keeps its tab; the lines the wrap made do not.
    wrapped = []
    for line in NOTICE.split("\n"):
        if not line.strip():
            wrapped.append(line)
            continue
        chunks = [line[i : i + 14] for i in range(0, len(line), 14)]
        wrapped += ["\t" + chunks[0], *chunks[1:]]
    notice = policy_parse.parse_text("\n".join(wrapped))
    assert units_of(notice) == units_of(policy_parse.parse_text(NOTICE))


def test_a_text_without_a_tab_is_not_untabbed() -> None:
    assert untabbed(["一、总体要求", "  （一）推进改革", "正文"]) is None

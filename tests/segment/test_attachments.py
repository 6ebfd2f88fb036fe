"""segment/attachments.py: an attachment list ending the notice (after its
date or its 分工表) is furniture, not measures.  The notices are invented."""

from __future__ import annotations

import policy_parse
from helpers import units_of
from policy_parse.models import Span
from policy_parse.segment.attachments import listed_titles, trailing_attachment_list
from policy_parse.segment.header import Line

PLAN = (
    "甲县2025年城市更新工作方案\n"
    "1.推进老旧小区改造。（牵头单位：县住建局；配合单位：县财政局）\n"
    "2.实施道路微循环工程。（牵头单位：县城管局；配合单位：县公安局）\n"
    "3.建设口袋公园。（牵头单位：县园林局）\n"
)
DATE = "甲县人民政府办公室\n2025年4月2日\n"
ANNEX = "附件：1.甲县老旧小区改造计划表\n2.甲县口袋公园建设点位表\n"
KEY = [
    ("1", ["县住建局"], ["县财政局"]),
    ("2", ["县城管局"], ["县公安局"]),
    ("3", ["县园林局"], []),
]
REASON = "attachment list at the end of the notice"


def test_an_attachment_list_after_the_date_leaves_the_plan_its_measures() -> None:
    # The numbered titles after the date had the date taken for a cover
    # letter's end: the plan went into the header, 0 of 3 read.
    notice = policy_parse.parse_text(PLAN + DATE + ANNEX)
    assert units_of(notice) == KEY
    assert [r.text for r in notice.residue if r.reason == REASON] == ANNEX.splitlines()
    assert not [d for d in notice.discrepancies if d.kind.value == "structure"]


def test_an_attachment_list_after_the_table_is_no_text_after_it() -> None:
    table = (
        "| 序号 | 重点任务 | 牵头单位 | 配合单位 |\n"
        "| 1 | 推进老旧小区改造 | 县住建局 | 县财政局 |\n"
        "| 2 | 实施道路微循环工程 | 县城管局 | 县公安局 |\n"
    )
    notice = policy_parse.parse_text("甲县任务分工表\n" + table + ANNEX)
    assert [r.text for r in notice.residue if r.reason == REASON] == ANNEX.splitlines()
    assert not [d for d in notice.discrepancies if d.kind.value == "structure"]


def _lines(text: str) -> list[Line]:
    return [Line(t, Span()) for t in text.splitlines()]


def test_what_an_attachment_list_is() -> None:
    assert trailing_attachment_list(_lines("1.甲\n附件：1.清单\n2.目录\n")) == 1
    # Its first title on the next line; a wrapped title's rest on a line of its own.
    assert trailing_attachment_list(_lines("附件：\n1.甲县口袋公园建设点位\n表\n2.目录\n")) == 0
    assert trailing_attachment_list(_lines("1.甲\n附件：甲县清单\n")) == 1
    # Not one: numbers out of order, a sentence, a measure after it, nothing after the colon.
    assert trailing_attachment_list(_lines("附件：1.清单\n3.目录\n")) == 2
    assert trailing_attachment_list(_lines("附件：1.清单\n2.推进建设。（县甲局牵头）\n")) == 2
    assert trailing_attachment_list(_lines("附件：1.清单\n二、推进建设\n")) == 2
    assert trailing_attachment_list(_lines("1.甲\n附件：\n")) == 2
    assert trailing_attachment_list(_lines("附件：2.清单\n3.目录\n")) == 2


def test_an_attachment_lists_titles_after_the_date_open_no_plan() -> None:
    # 附件：1.方案 / 2.分工表 under the date, then the plan with no 附件1 mark:
    # 2.分工表 opened the outline, read as measure 2 beside the plan's own 2
    # (numbering findings).
    letter = (
        "甲县人民政府办公室关于印发甲县方案的通知\n各乡镇：\n现将方案印发给你们。\n"
        "甲县人民政府办公室\n2025年2月18日\n附件：1.甲县2025年城市更新工作方案\n2.重点任务分工表\n"
    )
    notice = policy_parse.parse_text(letter + PLAN)
    assert units_of(notice) == KEY
    assert notice.header.attachments == ("1.甲县2025年城市更新工作方案", "2.重点任务分工表")
    assert not [d for d in notice.discrepancies if d.kind.value == "numbering"]


def test_which_lines_are_an_attachment_lists_titles() -> None:
    lines = _lines("附件：1.方案\n2.分工表\n甲县方案\n1.推进建设。\n2.推进改革。\n")
    assert listed_titles(lines) == frozenset({1})
    assert listed_titles(_lines("附件：方案\n1.推进建设。\n")) == frozenset()


def test_other_openers_end_the_notice_where_their_titles_name_documents() -> None:
    # 附：, 附表：, 相关文件：, a bare 附件 line after the date: the plan was read
    # as a cover letter's (0 of 3, structure findings).
    for opener in ("附：", "附表：", "相关文件：", "附件\n"):
        annex = opener + "1.甲县老旧小区改造计划表\n2.甲县口袋公园建设点位表（略）\n"
        notice = policy_parse.parse_text(PLAN + DATE + annex)
        assert units_of(notice) == KEY, opener
    # Under a bare 附件 mark, measures that name no document are the plan's.
    plan = (
        "附件\n1.推进老旧小区改造\n牵头单位：县住建局\n2.实施道路微循环工程\n牵头单位：县城管局\n"
    )
    assert trailing_attachment_list(_lines(plan)) == 5
    assert trailing_attachment_list(_lines("附件\n1.甲县计划表\n2.推进道路工程\n")) == 3

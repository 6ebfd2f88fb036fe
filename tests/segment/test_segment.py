"""segment/__init__.py: the blocks of a document — the 分工表's caption."""

from __future__ import annotations

import policy_parse

TWO_TABLES = (
    "方案\n"
    "一、经济任务分工表\n"
    "| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n"
    "| 1 | 推进升级 | 甲局 | 乙局 |\n"
    "二、民生任务分工表\n"
    "| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n"
    "| 2 | 推进均衡 | 丙局 | 丁局 |\n"
)


def test_a_numbered_caption_per_part_titles_the_rows_under_it_and_is_no_measure() -> None:
    # 一、经济任务分工表 was read as prose measure 1 naming no unit, against
    # table row 1: a lead mismatch and a structure warning (probe4).
    notice = policy_parse.parse_text(TWO_TABLES)
    assert [e.text for e in notice.table] == ["推进升级", "推进均衡"]
    assert [e.part for e in notice.table] == ["1", "2"]
    assert [p.title for p in notice.parts] == ["经济任务分工表", "民生任务分工表"]
    assert [[u.name for u in m.lead] for m in notice.measures] == [["甲局"], ["丙局"]]
    kinds = {d.kind.value for d in notice.discrepancies if d.severity.value != "info"}
    assert not kinds & {"lead-mismatch", "text-mismatch", "missing-in-prose"}


def test_a_numbered_caption_under_a_prose_list_stays_an_item() -> None:
    # Another numbered line above, and no caption among the table's rows: the
    # numbered line is the prose's own (no guess that it is a title).
    notice = policy_parse.parse_text(
        "方案\n一、推进升级。（牵头单位：甲局）\n二、任务清单\n"
        "| 序号 | 工作任务 | 牵头单位 |\n| 1 | 推进升级 | 甲局 |\n"
    )
    assert [str(m.number) for m in notice.measures][:2] == ["1", "2"]

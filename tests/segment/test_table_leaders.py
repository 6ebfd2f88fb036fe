"""A table column naming persons (责任领导, 市政府分管领导) fills `leaders`, never units."""

from __future__ import annotations

import json

import policy_parse
from policy_parse.emit.json import to_json

TABLE = (
    "任务分工表\n"
    "| 序号 | 工作任务 | 市政府分管领导 | 牵头单位 | 配合单位 |\n"
    "| 1 | 新建公园5个 | 王甲、李乙 | 市园林局 | 市财政局 |\n"
    "| 2 | 改造管网30公里 | 赵丙 | 市住建局 | 市水务局 |\n"
)


def test_a_person_column_fills_the_rows_leaders_and_no_unit() -> None:
    notice = policy_parse.parse_text(TABLE)
    first, second = notice.table
    assert first.leaders == ("王甲", "李乙")
    assert second.leaders == ("赵丙",)
    names = {u.name for e in notice.table for u in (*e.lead, *e.support)}
    assert names == {"市园林局", "市财政局", "市住建局", "市水务局"}
    assert not any("王甲" in v for e in notice.table for _, v in e.extra)


def test_the_json_record_of_a_table_measure_carries_its_leaders() -> None:
    records = json.loads(to_json(policy_parse.parse_text(TABLE)))["measures"]
    assert [r["leaders"] for r in records] == [["王甲", "李乙"], ["赵丙"]]


def test_a_units_column_joined_to_its_persons_reads_units_and_leaders() -> None:
    # 牵头单位及责任人 was read as a remark: every lead lost (probe4).
    notice = policy_parse.parse_text(
        "任务分工表\n"
        "| 序号 | 工作任务 | 牵头单位及责任人 | 配合单位及负责人 |\n"
        "| 1 | 新建公园5个 | 甲局（王甲） | 乙局（李乙）、丙局（赵丙） |\n"
        "| 2 | 改造管网30公里 | 丁局（钱丁、孙戊） | 乙局 |\n"
    )
    first, second = notice.table
    assert [u.name for u in first.lead] == ["甲局"]
    assert [u.name for u in first.support] == ["乙局", "丙局"]
    assert first.leaders == ("王甲", "李乙", "赵丙")
    assert [u.name for u in second.lead] == ["丁局"]
    assert second.leaders == ("钱丁", "孙戊")


def test_a_bracket_that_names_a_unit_or_a_role_is_no_person() -> None:
    notice = policy_parse.parse_text(
        "任务分工表\n"
        "| 序号 | 工作任务 | 牵头单位及责任人 | 配合单位 |\n"
        "| 1 | 新建公园5个 | 甲局（乙办） | 丙局 |\n"
    )
    (row,) = notice.table
    assert [u.written for u in row.lead] == ["甲局（乙办）"]
    assert row.leaders == ()

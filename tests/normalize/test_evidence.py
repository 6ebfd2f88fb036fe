"""Every measure says how its units were found (`Measure.evidence`), and a
guess that decided them is a `structure` finding naming the measure."""

from __future__ import annotations

import policy_parse
from policy_parse import Evidence

PROSE = """\
关于印发某某工作分工方案的通知

各项任务中，列第一位者为牵头单位。
一、总体要求
1.建设示范园区。（牵头单位：甲市发展改革委；配合单位：甲市财政局）
2.完善配套政策。（甲市科技局、甲市商务局负责）
3.做好总结宣传。
"""


def _by_number(notice: policy_parse.Notice) -> dict[str, policy_parse.Measure]:
    return {str(m.number): m for m in notice.measures}


def test_each_prose_measure_says_whether_its_annotation_or_a_stated_convention_named_the_lead():
    m = _by_number(policy_parse.parse_text(PROSE))
    assert m["1"].evidence is Evidence.ANNOTATION
    assert [u.name for u in m["1"].lead] == ["甲市发展改革委"]
    # The convention stated above the list gives measure 2 its lead.
    assert m["2"].evidence is Evidence.CONVENTION
    assert [u.name for u in m["2"].lead] == ["甲市科技局"]
    assert m["3"].evidence is Evidence.NONE and not m["3"].lead and not m["3"].support


def _table_only(units_header: str) -> str:
    return f"""\
某某工作任务分工表

| 序号 | 工作任务 | {units_header} |
| 1 | 建设示范园区 | 甲区发展改革局、甲区财政局 |
| 2 | 完善配套政策 | 甲区科技局 |
"""


def test_a_lead_column_is_evidence_and_no_guess():
    notice = policy_parse.parse_text(_table_only("牵头单位"))
    assert [m.evidence for m in notice.measures] == [Evidence.TABLE, Evidence.TABLE]
    assert not [d for d in notice.discrepancies if d.note == "guessed_lead"]


def test_a_combined_column_names_no_lead_unless_the_notice_says_the_first_leads():
    notice = policy_parse.parse_text(_table_only("责任单位"))
    assert [(m.lead, m.evidence) for m in notice.measures] == [
        ((), Evidence.TABLE),
        ((), Evidence.TABLE),
    ]
    stated = policy_parse.parse_text(
        _table_only("责任单位").replace("分工表\n", "分工表\n\n列第一位者为牵头单位。\n", 1)
    )
    assert [([u.name for u in m.lead], m.evidence) for m in stated.measures] == [
        (["甲区发展改革局"], Evidence.CONVENTION),
        (["甲区科技局"], Evidence.CONVENTION),
    ]
    assert not [d for d in stated.discrepancies if d.kind is policy_parse.Kind.STRUCTURE]


def test_a_measure_a_structure_finding_names_carries_it_as_a_doubt():
    notice = policy_parse.parse_text(_table_only("牵头单位").replace("甲区科技局", "区"))
    records = policy_parse.to_dict(notice)["measures"]
    assert [(r["number"], r["doubts"]) for r in records] == [("1", []), ("2", ["odd_unit"] * 2)]


def test_a_record_with_no_doubt_has_an_empty_list_not_a_missing_key():
    records = policy_parse.to_dict(policy_parse.parse_text(PROSE))["measures"]
    assert [(r["number"], r["evidence"], r["doubts"]) for r in records] == [
        ("1", "annotation", []),
        ("2", "convention", []),
        ("3", "none", []),
    ]


def test_the_spreadsheet_row_of_a_doubted_measure_says_so_in_chinese():
    import csv
    import io

    notice = policy_parse.parse_text(_table_only("牵头单位").replace("甲区科技局", "区"))
    rows = list(csv.DictReader(io.StringIO(policy_parse.to_csv(notice).lstrip("\ufeff"))))
    assert [(r["单位依据"], r["需人工核对"]) for r in rows] == [
        ("分工表", ""),
        ("分工表", "odd_unit; odd_unit"),
    ]

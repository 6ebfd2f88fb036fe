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


def test_a_lead_read_off_a_combined_column_without_a_stated_rule_is_a_guess_that_is_said():
    notice = policy_parse.parse_text(_table_only("责任单位"))
    guessed = [m for m in notice.measures if m.evidence is Evidence.GUESSED]
    said = {d.measure for d in notice.discrepancies if d.note == "guessed_lead"}
    assert guessed and said == {m.id for m in guessed}
    assert all(d.severity is policy_parse.Severity.WARNING for d in notice.discrepancies
               if d.note == "guessed_lead")  # fmt: skip
    # The JSON carries both, so a reader filtering records sees the doubt.
    records = policy_parse.to_dict(notice)["measures"]
    assert {
        r["id"]: (r["evidence"], r["doubts"]) for r in records if r["evidence"] == "guessed"
    } == {m.id: ("guessed", ["guessed_lead"]) for m in guessed}


def test_a_record_with_no_doubt_has_an_empty_list_not_a_missing_key():
    records = policy_parse.to_dict(policy_parse.parse_text(PROSE))["measures"]
    assert [(r["number"], r["evidence"], r["doubts"]) for r in records] == [
        ("1", "annotation", []),
        ("2", "convention", []),
        ("3", "none", []),
    ]


def test_the_spreadsheet_row_of_a_guessed_measure_says_so_in_chinese():
    import csv
    import io

    text = policy_parse.to_csv(policy_parse.parse_text(_table_only("责任单位")))
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert {(r["单位依据"], r["需人工核对"]) for r in rows} == {("推测", "guessed_lead")}

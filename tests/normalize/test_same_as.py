"""normalize/same_as.py: units written by reference (（同上）, 牵头单位：同第3项,
a 分工表 cell 同上) are those of the measure or row named, and the parser says
so.  Notices invented (tests/specimens/181_same-as-above.txt is longer)."""

from __future__ import annotations

import policy_parse
from helpers import units_of
from policy_parse.normalize.same_as import reference, resolve, trailing_reference

PROSE = (
    "某县稳就业任务分工\n"
    "1.扩大就业岗位。（牵头单位：县甲局；配合单位：县乙局、县丙局）\n"
    "2.开展就业帮扶。（同上）\n"
    "3.加强困难人员援助。（牵头单位：县丁局；配合单位：县戊局）\n"
    "4.开发公益岗位。（牵头单位：同第1项；配合单位：县己局）\n"
    "5.落实稳岗政策。（牵头单位：县丁局；配合单位：同上）\n"
)


def _refs(notice: policy_parse.Notice) -> list[tuple[str | None, str]]:
    return [
        (d.measure, dict(d.fields)["written"])
        for d in notice.discrepancies
        if d.note == "units_by_reference"
    ]


def test_a_reference_names_the_measure_above_or_the_one_of_its_number() -> None:
    assert reference("同上") == (True, None)
    assert reference("同第3项") == (True, "3")
    assert reference("同第十二条") == (True, "12")
    assert reference("同上级部门") == (False, None)
    assert reference("县甲局") == (False, None)


def test_a_closing_bracket_holding_only_a_reference_is_found() -> None:
    assert trailing_reference("开展就业帮扶。（同上）") == ("开展就业帮扶。", "同上")
    assert trailing_reference("开展就业帮扶（含同上年度）。") is None
    assert trailing_reference("开展就业帮扶。") is None


def test_references_take_the_units_of_the_same_role_keeping_what_was_written() -> None:
    found = [([("县甲局", "县甲局")], [("县乙局", "县乙局")]), ([("同上", "同上")], [])]
    assert resolve(found, ["1", "2"]) == [
        ([("县甲局", "县甲局")], [("县乙局", "县乙局")]),
        ([("同上", "县甲局")], []),
    ]
    # Nothing above to name: kept as written (the odd-unit finding speaks).
    assert resolve([([("同上", "同上")], [])], ["1"]) == [([("同上", "同上")], [])]


def test_prose_references_read_as_the_units_they_name_and_are_said() -> None:
    # Read as written: measure 2 had no unit, 4 was led by 同第1项, 5
    # supported by 同上 — the first with no finding at all.
    notice = policy_parse.parse_text(PROSE)
    assert units_of(notice) == [
        ("1", ["县甲局"], ["县乙局", "县丙局"]),
        ("2", ["县甲局"], ["县乙局", "县丙局"]),
        ("3", ["县丁局"], ["县戊局"]),
        ("4", ["县甲局"], ["县己局"]),
        ("5", ["县丁局"], ["县己局"]),
    ]
    assert _refs(notice) == [("2", "同上"), ("4", "同第1项"), ("5", "同上")]
    two = notice.measures[1]
    assert (two.text, two.annotation) == ("开展就业帮扶。", "同上")
    assert all(
        d.severity.value == "info" for d in notice.discrepancies if d.note == "units_by_reference"
    )


def test_a_table_cell_written_same_as_above_takes_the_row_aboves_units() -> None:
    table = (
        "某县任务分工表\n"
        "序号\t工作任务\t牵头单位\t配合单位\t完成时限\n"
        "1\t建设甲平台\t县甲局\t县乙局\t2025年底前\n"
        "2\t建设乙平台\t同上\t同上\t2025年底前\n"
        "3\t建设丙平台\t县丙局\t县丁局\t2025年底前\n"
    )
    notice = policy_parse.parse_text(table)
    assert units_of(notice)[1] == ("2", ["县甲局"], ["县乙局"])
    assert _refs(notice) == [("2", "同上")]


def test_a_closing_reference_may_name_what_it_stands_for_first():
    # （分工同上） / （责任单位同第1项） named no unit, unsaid (probe10)
    for ref in (
        "（分工同上）",
        "（责任分工同上）",
        "（责任单位同第1项）",
        "（牵头单位、配合单位同上）",
    ):
        notice = policy_parse.parse_text(PROSE.replace("（同上）", ref))
        assert units_of(notice)[1] == ("2", ["县甲局"], ["县乙局", "县丙局"]), ref
    assert reference("单位同上级要求") == (False, None)


def test_a_ditto_mark_in_a_units_cell_is_the_row_aboves_units():
    # 〃 cells made the row unaligned: dropped to residue (with a finding)
    table = (
        "序号\t工作任务\t牵头单位\t配合单位\n"
        "1\t修路\t县甲局\t县乙局\n"
        "2\t建桥\t〃\t〃\n"
        "3\t建园\t县丙局\t县丁局\n"
    )
    notice = policy_parse.parse_text(table)
    assert units_of(notice)[1] == ("2", ["县甲局"], ["县乙局"])
    assert _refs(notice) == [("2", "〃")]

"""normalize/deadline_cells.py: an empty 时限 cell of a table copied as text
is read one way of two (the row above's deadline, or none), and said so."""

from __future__ import annotations

import policy_parse
from helpers import MERGED, make_table, notice_from_blocks
from policy_parse.models import Severity
from policy_parse.normalize.structure import structure_findings

_HEADER = "序号\t工作任务\t牵头单位\t完成时限\n"


def _notes(notice: policy_parse.Notice, note: str) -> list[policy_parse.Discrepancy]:
    return [d for d in notice.discrepancies if d.note == note]


def test_a_deadline_copied_from_another_measures_row_is_said_on_that_measure():
    notice = policy_parse.parse_text(
        _HEADER + "1\t修缮村道。\t县甲局\t2025年6月底前\n2\t整治河塘。\t县乙局\t\n"
        "3\t建设公厕。\t县丙局\t2025年底前\n"
    )
    assert [e.deadline.written if e.deadline else None for e in notice.table] == [
        "2025年6月底前",
        "2025年6月底前",
        "2025年底前",
    ]
    (d,) = _notes(notice, "deadline_from_above")
    assert (d.measure, d.severity) == ("2", Severity.WARNING)
    assert dict(d.fields) == {"row": "2", "value": "2025年6月底前"}
    assert "the other reading: the measure has no deadline" in d.message


def test_a_sub_row_with_no_number_of_its_own_copies_its_measures_deadline_unsaid():
    notice = policy_parse.parse_text(
        _HEADER + "1\t修缮村道。\t县甲局\t2025年6月底前\n\t硬化村道。\t县乙局\t\n"
        "2\t建设公厕。\t县丙局\t2025年底前\n"
    )
    assert [str(e.number) for e in notice.table] == ["1-1", "1-2", "2"]
    assert notice.table[1].deadline is not None
    assert _notes(notice, "deadline_from_above") == []


def test_empty_cells_of_a_column_blank_on_its_first_row_stay_empty_and_are_said_once():
    notice = policy_parse.parse_text(
        _HEADER + "1\t修缮村道。\t县甲局\t\n2\t整治河塘。\t县乙局\t2025年6月底前\n"
        "3\t建设公厕。\t县丙局\t\n4\t清理垃圾。\t县丁局\t\n"
    )
    assert [e.deadline is None for e in notice.table] == [True, False, True, True]
    assert _notes(notice, "deadline_from_above") == []
    (d,) = _notes(notice, "deadline_left_blank")
    assert d.measure is None
    assert dict(d.fields) == {"rows": "3-4", "count": "2"}


def test_a_reader_s_merge_mark_is_no_guess():
    notice = notice_from_blocks(
        make_table(
            [
                ["序号", "工作任务", "牵头单位", "完成时限"],
                ["1", "修缮村道。", "县甲局", "2025年6月底前"],
                ["2", "整治河塘。", "县乙局", MERGED],
            ]
        )
    )
    assert notice.table[1].deadline is not None
    found = {d.note for d in structure_findings(notice)}
    assert not found & {"deadline_from_above", "deadline_left_blank"}

"""segment/division.py: a 责任分工 paragraph giving units to measures by number."""

from __future__ import annotations

import pytest

import policy_parse
from policy_parse.models import Span
from policy_parse.segment.division import read_division
from policy_parse.segment.header import Line

PLAN = (
    "方案\n一、重点任务\n1.推进改革。\n2.扩大开放。\n3.优化服务。\n4.保障民生。\n"
    "二、责任分工\n第1-3项由甲局牵头，乙局配合；第4项由丙局负责。\n"
)


def _line(text: str) -> Line:
    return Line(text, Span(start_line=9, end_line=9))


def test_each_numbered_measure_takes_its_clauses_units_and_the_finding_says_so() -> None:
    notice = policy_parse.parse_text(PLAN)
    units = [([u.name for u in m.lead], [u.name for u in m.support]) for m in notice.measures]
    assert units == [(["甲局"], ["乙局"])] * 3 + [(["丙局"], [])]
    notes = [d for d in notice.discrepancies if d.note == "division"]
    assert len(notes) == 1 and dict(notes[0].fields)["numbers"] == "1、2、3、4"
    # The division's heading and line are no measure.
    assert [m.text for m in notice.measures][-1] == "保障民生。"


def test_a_measure_with_its_own_annotation_keeps_it() -> None:
    notice = policy_parse.parse_text(PLAN.replace("2.扩大开放。", "2.扩大开放。（牵头单位：丁局）"))
    assert [u.name for u in notice.measures[1].lead] == ["丁局"]


@pytest.mark.parametrize(
    "text, numbers",
    [
        ("第1-3项由甲局牵头", [1, 2, 3]),
        ("第1、4项由甲局负责", [1, 4]),
        ("第一至三项由甲局牵头，乙局配合。", [1, 2, 3]),
        ("第5条由甲局牵头；第6至7条由乙局牵头", [5, 6, 7]),
    ],
)
def test_it_reads_the_numbers_a_clause_speaks_for(text, numbers) -> None:
    division = read_division(_line(text))
    assert division is not None
    assert sorted(division.by_number) == numbers


@pytest.mark.parametrize(
    "text",
    [
        "第1-3项任务要加快推进。",  # no role phrase
        "第1项由龙头企业牵头",  # what leads is no unit
        "第1-9999项由甲局牵头",  # no plausible range
        "推进改革，第1项由甲局牵头",  # a sentence that merely mentions one
    ],
)
def test_a_line_that_is_no_division_is_left_alone(text) -> None:
    assert read_division(_line(text)) is None


def test_the_divisions_heading_is_kept_as_residue() -> None:
    notice = policy_parse.parse_text(PLAN)
    assert "二、责任分工" in [r.text for r in notice.residue]


def test_a_division_wrapped_over_lines_is_read_whole() -> None:
    # A PDF copy cut the line inside a unit's name (甲 / 局牵头…).
    wrapped = PLAN.replace(
        "第1-3项由甲局牵头，乙局配合；第4项由丙局负责。",
        "第1-3项由甲\n局牵头，乙局配合；第4项由丙\n局负责。",
    )
    notice = policy_parse.parse_text(wrapped)
    units = [([u.name for u in m.lead], [u.name for u in m.support]) for m in notice.measures]
    assert units == [(["甲局"], ["乙局"])] * 3 + [(["丙局"], [])]

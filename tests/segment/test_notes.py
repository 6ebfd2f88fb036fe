"""segment/notes.py: a note inside an annotation is no unit; it states a
convention or a scope, holds from its own annotation on, and ends its task
like any annotation."""

from __future__ import annotations

import pytest

import policy_parse
from policy_parse.segment.annotations import parse_annotation, states_first_is_lead
from policy_parse.segment.notes import footnote_states_first_is_lead, without_note
from policy_parse.segment.placement import split_tasks


@pytest.mark.parametrize(
    "body, lead, support",
    [
        # a clause stating the convention, after a comma
        (
            "县甲局、县乙局、县丙局负责，排在第一位的部门为牵头部门，下同",
            (),
            ("县甲局、县乙局、县丙局",),
        ),
        # a sentence after 。
        ("县甲局、县乙局等负责。列第一位者为牵头单位，下同", (), ("县甲局、县乙局等",)),
        # a bracket closing the list
        (
            "责任单位：县甲局、县乙局、各乡镇（含园区）（列第一位的为工作牵头单位或汇总单位，下同）",
            (),
            ("县甲局、县乙局、各乡镇（含园区）",),
        ),
        # scopes, not conventions
        (
            "县甲局牵头，县乙局配合。明确牵头部门的，有关部门配合，不逐一列出，下同",
            ("县甲局",),
            ("县乙局",),
        ),
        ("县甲局、县乙局负责，以下各项涉及各乡镇的不再单独列出", (), ("县甲局、县乙局",)),
        (
            "牵头单位：县甲局；配合单位：县乙局。以下各项均需各乡镇落实，不再列出",
            ("县甲局",),
            ("县乙局",),
        ),
        ("牵头单位：县甲局；配合单位：县乙局，相关部门不再一一列出", ("县甲局",), ("县乙局",)),
    ],
)
def test_a_note_inside_an_annotation_is_no_unit(body, lead, support):
    ann = parse_annotation(body)
    assert ann is not None
    assert (ann.lead, ann.support) == (lead, support)
    assert ann.written == body


@pytest.mark.parametrize(
    "text",
    [
        "县甲局、县乙局负责",
        "牵头单位：县甲局；配合单位：县乙局、县丙局",
        "县甲局牵头，县乙局、各乡镇（街道）配合",
        "责任单位：县甲局（县乙办）",
    ],
)
def test_an_annotation_without_a_note_is_left_whole(text):
    assert without_note(text) == text


def test_the_convention_may_name_the_lead_a_work_lead():
    assert states_first_is_lead("列第一位的为工作牵头单位或汇总单位")
    assert not states_first_is_lead("牵头单位为工作专班")


def test_an_annotation_with_a_note_still_ends_its_task():
    tasks = split_tasks(
        "推进甲事项（县甲局牵头。明确牵头部门的，有关部门配合，不逐一列出，下同）。"
        "推进乙事项（县乙局、县丙局负责）。",
        own_line=False,
    )
    assert [t.text for t in tasks] == ["推进甲事项", "推进乙事项"]
    assert [[a.lead for a in t.annotations] for t in tasks] == [[("县甲局",)], [()]]


def test_a_convention_in_a_note_holds_for_its_own_annotation_and_later_ones_only():
    notice = policy_parse.parse_text(
        "一、任务\n"
        "1.完善机制。（县戊局、县己局负责）\n"
        "2.推进改革。（县甲局、县乙局负责，排在第一位的部门为牵头部门，下同）\n"
        "3.优化服务。（县丙局、县丁局负责）\n"
    )
    got = [([u.name for u in m.lead], [u.name for u in m.support]) for m in notice.measures]
    assert got == [
        ([], ["县戊局", "县己局"]),
        (["县甲局"], ["县乙局"]),
        (["县丙局"], ["县丁局"]),
    ]


def test_a_footnote_stating_the_convention_holds_for_the_whole_list() -> None:
    # 注：…排名第一的为牵头单位 after the last measure: measure 1 read no lead (probe4).
    notice = policy_parse.parse_text(
        "方案\n一、任务\n1.推进改革。（甲局、乙局）\n2.扩大开放。（丙局、丁局）\n"
        "注：各项任务责任单位中排名第一的为牵头单位。\n"
    )
    assert [[u.name for u in m.lead] for m in notice.measures] == [["甲局"], ["丙局"]]


def test_a_footnote_under_the_table_states_it_for_the_combined_column() -> None:
    notice = policy_parse.parse_text(
        "方案\n| 序号 | 工作任务 | 责任单位 |\n| 1 | 推进改革工作 | 甲局、乙局 |\n"
        "| 2 | 扩大对外开放 | 丙局、丁局 |\n备注：责任单位中排在第一位的为牵头单位。\n"
    )
    assert [[u.name for u in e.lead] for e in notice.table] == [["甲局"], ["丙局"]]


def test_a_sentence_in_a_measure_is_no_footnote() -> None:
    assert not footnote_states_first_is_lead("推进改革，排名第一的为牵头单位。")
    assert footnote_states_first_is_lead("（注：排名第一的为牵头单位）")


@pytest.mark.parametrize(
    "line, states",
    [
        # the sentence alone in a bracket on its line: a footnote (probe9)
        ("（所列责任单位排名第一位的为牵头单位）", True),
        ("(各项任务中列第一位的为牵头单位，下同)", True),
        ("注：责任单位中排名第一的为牵头单位。", True),
        # an annotation that holds the note beside its units is no footnote
        ("（县甲局、县乙局等负责。列第一位者为牵头单位，下同）", False),
        # two brackets, or one closed before the end, are no single note
        ("（县甲局牵头）（列第一位的为牵头单位）", False),
        ("（负责）", False),
    ],
)
def test_a_bracket_alone_on_its_line_stating_the_convention_is_a_footnote(line, states):
    assert footnote_states_first_is_lead(line) is states


def test_a_convention_bracket_under_the_last_measure_leads_every_list_and_joins_none():
    text = (
        "丁县任务分工\n"
        "1.推进甲项工作。（丁县甲局、丁县乙局）\n"
        "2.推进乙项工作。（丁县丙局、丁县甲局）\n"
        "（所列责任单位排名第一位的为牵头单位）\n"
    )
    notice = policy_parse.parse_text(text)
    got = [(m.text, [u.name for u in m.lead], [u.name for u in m.support]) for m in notice.measures]
    assert got == [
        ("推进甲项工作。", ["丁县甲局"], ["丁县乙局"]),
        ("推进乙项工作。", ["丁县丙局"], ["丁县甲局"]),
    ]
    assert any("排名第一位" in r.text for r in notice.residue)


def test_a_convention_bracket_joined_to_the_last_measure_leads_every_list():
    # A PDF joins the footnote line to the last measure's paragraph: the note
    # was read as measure 3's annotation and measures 1, 2 had no lead, with
    # no finding (probe9, specimen 152 as a PDF).
    text = (
        "丁县任务分工\n"
        "1.推进甲项工作。（丁县甲局、丁县乙局）\n"
        "2.推进乙项工作。（丁县丙局、丁县甲局）（所列责任单位排名第一位的为牵头单位）\n"
    )
    notice = policy_parse.parse_text(text)
    got = [(m.text, [u.name for u in m.lead], [u.name for u in m.support]) for m in notice.measures]
    assert got == [
        ("推进甲项工作。", ["丁县甲局"], ["丁县乙局"]),
        ("推进乙项工作。", ["丁县丙局"], ["丁县甲局"]),
    ]
    assert "排名第一位" in (notice.measures[1].annotation or "")


def test_a_note_only_bracket_is_no_annotation():
    assert parse_annotation("所列责任单位排名第一位的为牵头单位") is None
    assert parse_annotation("列第一位者为牵头单位，下同") is None
    # a note beside units still reads the units
    ann = parse_annotation("丁县甲局、丁县乙局等负责。列第一位者为牵头单位，下同")
    assert ann is not None and ann.support == ("丁县甲局、丁县乙局等",)

"""segment/prose_measure.py: one measure's lines and annotations gathered
into its record (split from tests/segment/test_prose.py with the module)."""

from __future__ import annotations

import pytest

import policy_parse
from policy_parse.messages import message


@pytest.mark.parametrize(
    ("annotation", "flagged"),
    [
        ("（牵头单位：甲局、乙局；配合单位：乙局、丙局）", ["乙局"]),
        ("（甲局牵头，甲局、丙局配合）", ["甲局"]),
        ("（甲局牵头）（甲局、丙局协同）", ["甲局"]),
        # The lead named among the units responsible: the notice's way, no slip.
        ("（甲局、丙局按职责分工负责，甲局牵头）", []),
        ("（甲局、丙局负责，其中甲局牵头）", []),
        ("（牵头单位：甲局；责任单位：甲局、丙局）", []),
    ],
)
def test_a_name_both_lead_and_helping_is_kept_as_the_lead_and_said(
    annotation: str, flagged: list[str]
) -> None:
    notice = policy_parse.parse_text(f"1.推进改革。{annotation}\n2.优化服务。（丁局牵头）\n")
    m = notice.measures[0]
    assert not {u.name for u in m.lead} & {u.name for u in m.support}  # each unit once
    found = [d for d in notice.discrepancies if d.note == "lead_also_support"]
    assert [dict(d.fields)["units"] for d in found] == (["、".join(flagged)] if flagged else [])
    for d in found:
        assert (d.measure, d.severity.value) == ("1", "warning")
        assert "同时列为牵头单位和配合单位" in message(d, "zh")


# --- a line holding only a number, read into the text (hostile4's leftover) -----------

_HEAD = "某县任务分工\n一、重点任务\n"


def _number_notes(notice: policy_parse.Notice) -> list[tuple[str | None, dict[str, str]]]:
    return [(d.measure, dict(d.fields)) for d in notice.discrepancies if d.note == "number_in_text"]


def test_a_bare_number_line_read_as_a_tasks_text_is_said_on_that_task() -> None:
    # 1 / 推进乙: the line under it joins it, and task 1-2 reads 1推进乙 — a
    # page number or a lost item number as likely as text: said, on 1-2 alone.
    notice = policy_parse.parse_text(
        _HEAD
        + "1.推进甲项工作。（县甲局牵头）\n1\n推进乙项工作。（县乙局牵头）\n2.推进丙。（县丙局牵头）\n"
    )
    assert [(m.id, m.text) for m in notice.measures] == [
        ("1-1", "推进甲项工作。"),
        ("1-2", "1推进乙项工作。"),
        ("2", "推进丙。"),
    ]
    assert _number_notes(notice) == [
        ("1-2", {"line": "4", "number": "1", "text": "1推进乙项工作。"})
    ]
    (d,) = [d for d in notice.discrepancies if d.note == "number_in_text"]
    assert (d.kind.value, d.severity.value) == ("structure", "warning")
    assert "第4行只有一个数字“1”" in message(d, "zh")
    assert "line 4 holds only the number “1”" in message(d, "en")


def test_a_number_line_inside_a_measures_text_is_said_with_the_text_around_it() -> None:
    notice = policy_parse.parse_text(
        _HEAD + "1.建设网络，\n12\n加快推进服务体系建设。（县甲局牵头）\n2.推进丙。（县丙局牵头）\n"
    )
    assert notice.measures[0].text == "建设网络，12加快推进服务体系建设。"
    assert _number_notes(notice) == [
        (
            "1",
            {
                "line": "4",
                "number": "12",
                "text": "建设网络，12加快推进服务体系建设。",
            },
        )
    ]


def test_a_full_width_number_line_is_said_too() -> None:
    notice = policy_parse.parse_text(
        _HEAD + "1.建设网络，\n１２\n加快服务。（县甲局牵头）\n2.推进丙。（县丙局牵头）\n"
    )
    assert [(m, f["number"]) for m, f in _number_notes(notice)] == [("1", "１２")]


@pytest.mark.parametrize(
    "body",
    [
        # A number line after the annotation is a trailer: residue, no text.
        "1.推进甲项工作。（县甲局牵头）\n1\n2.推进丙。（县丙局牵头）\n",
        # A figure inside a line is no line of its own.
        "1.到2026年底建成12个站点。（县甲局牵头）\n2.推进丙。（县丙局牵头）\n",
    ],
)
def test_a_number_not_read_into_the_text_from_a_line_of_its_own_is_not_said(body: str) -> None:
    notice = policy_parse.parse_text(_HEAD + body)
    assert _number_notes(notice) == []
    assert "1" not in notice.measures[0].text.replace("12", "").replace("2026", "")

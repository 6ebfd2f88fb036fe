"""segment/typeface.py: leads marked by a typeface the text does not show
are said to be unread, never passed over."""

from __future__ import annotations

import policy_parse

PLAN = """丁县任务分工
（责任单位中加粗的为牵头单位）
1.推进甲项工作。（责任单位：丁县甲局{mark}、丁县乙局）
2.推进乙项工作。（责任单位：丁县丙局、丁县丁局）
"""


def _notes(text: str) -> list[tuple[str, dict[str, str]]]:
    notice = policy_parse.parse_text(text)
    return [(d.note, dict(d.fields)) for d in notice.discrepancies if d.note == "typeface_lead"]


def test_a_typeface_convention_with_no_lead_read_is_said():
    # probe9: every unit read as supporting with no finding
    (note,) = _notes(PLAN.format(mark=""))
    assert note[1]["line"] == "2" and "加粗" in note[1]["text"]


def test_a_lead_read_from_a_sign_or_no_convention_says_nothing():
    assert _notes(PLAN.format(mark="★")) == []
    assert _notes(PLAN.format(mark="").replace("（责任单位中加粗的为牵头单位）\n", "")) == []

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

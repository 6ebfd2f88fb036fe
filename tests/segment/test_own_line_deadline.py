"""segment/own_line_deadline.py: a deadline alone on the line under a
measure's annotation is the measure's; a date alone there is the plan's
成文日期, and other short lines stay trailers."""

from __future__ import annotations

import policy_parse

PLAN = """丁县任务分工
1.推进甲项工作。（牵头单位：丁县甲局；配合单位：丁县乙局）
{under}
2.推进乙项工作。（丁县丙局负责）
"""


def _first(under: str) -> tuple[str | None, list[str]]:
    notice = policy_parse.parse_text(PLAN.format(under=under))
    m = notice.measures[0]
    return (m.deadline.written if m.deadline else None), [r.text for r in notice.residue]


def test_a_deadline_alone_under_the_annotation_is_the_measures():
    # set aside as "a caption or byline?" before (probe9)
    assert _first("2025年10月底前完成") == ("2025年10月底前完成", [])
    assert _first("长期坚持")[0] == "长期坚持"
    assert _first("每季度")[0] == "每季度"


def test_a_bare_date_or_another_short_line_stays_a_trailer():
    assert _first("丁县人民政府") == (None, ["丁县人民政府"])
    # the signature and the 成文日期 under the last measure: no deadline of it
    notice = policy_parse.parse_text(PLAN.format(under="") + "丁县人民政府\n2025年3月5日\n")
    assert notice.measures[-1].deadline is None
    assert [r.text for r in notice.residue] == ["丁县人民政府", "2025年3月5日"]


def test_the_measures_annotation_keeps_the_line_as_written():
    notice = policy_parse.parse_text(PLAN.format(under="2025年10月底前完成"))
    assert "2025年10月底前完成" in (notice.measures[0].annotation or "")
    assert notice.measures[0].deadline is not None
    assert notice.measures[0].deadline.value == "2025-10-31"

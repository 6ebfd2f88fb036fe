"""read/docx/wraps.py: a Shift+Enter a clerk typed inside a cell to wrap a
long units list is no break between units.  Tables are invented."""

from __future__ import annotations

from test_docx import only_table, p, tbl, tc, tr

import policy_parse

HEAD = tr(tc(p("序号")), tc(p("主要任务")), tc(p("牵头单位")), tc(p("配合单位")))


def _table(lead: str, support: str) -> str:
    return p("某县任务分工表") + tbl(
        4,
        HEAD,
        tr(tc(p("1")), tc(p("推行一网通办。")), tc(p(lead)), tc(p(support))),
        tr(tc(p("2")), tc(p("压减开办时间。")), tc(p("县丁局")), tc(p("县丙局"))),
    )


def test_a_soft_break_inside_a_name_is_a_wrap(build_docx, read_docx):
    data = build_docx(_table("县发展和\n改革局", "县财政局、县\n市场监管局"))
    document = read_docx(data)
    cells = [c.text for c in only_table(document).rows[1].cells]
    assert cells[2:] == ["县发展和改革局", "县财政局、县市场监管局"]
    assert [(n.note, dict(n.fields)) for n in document.notes] == [
        ("docx_cell_wraps", {"count": "2"})
    ]
    [first, _] = policy_parse.parse(data).measures
    assert [u.written for u in first.lead] == ["县发展和改革局"]
    assert [u.written for u in first.support] == ["县财政局", "县市场监管局"]


def test_a_soft_break_after_a_whole_name_stays_a_line(build_docx, read_docx):
    document = read_docx(build_docx(_table("县甲局", "县乙局\n各乡镇（街道）\n县丙局")))
    assert only_table(document).rows[1].cells[3].text == "县乙局\n各乡镇（街道）\n县丙局"
    assert not document.notes


def test_a_wrapped_sentence_in_a_text_cell_is_joined_without_a_note(build_docx, read_docx):
    body = tbl(
        3,
        tr(tc(p("序号")), tc(p("主要任务")), tc(p("牵头单位"))),
        tr(tc(p("1")), tc(p("整合高频事项\n实现一次办成。")), tc(p("县甲局"))),
    )
    document = read_docx(build_docx(body))
    assert only_table(document).rows[1].cells[1].text == "整合高频事项实现一次办成。"
    assert not document.notes

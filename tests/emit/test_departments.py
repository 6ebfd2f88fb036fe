"""Who does what: each department with the measures it leads and supports,
in the text report, the HTML report and the workbook."""

from __future__ import annotations

import io

import pytest

import policy_parse
from policy_parse.emit.departments import department_rows, departments

# Three measures, three departments; 市场局 is the notice's own short form
# of 市场监督管理局 (written in full in measure 1).
TEXT = (
    "一、任务\n"
    "1.推进甲项改革。（牵头单位：市场监督管理局；配合单位：财政局、税务局）\n"
    "2.推进乙项改革。（牵头单位：财政局；配合单位：市场监督管理局）\n"
    "3.推进丙项改革。（牵头单位：税务局；配合单位：市场局）\n"
)


@pytest.fixture(scope="module")
def notice() -> policy_parse.Notice:
    return policy_parse.parse_text(TEXT)


def test_each_department_lists_what_it_leads_and_supports(notice: policy_parse.Notice) -> None:
    by_name = {d["name"]: d for d in departments(notice)}
    assert set(by_name) == {"市场监督管理局", "财政局", "税务局"}
    market = by_name["市场监督管理局"]
    assert market["lead"] == ["1"] and market["support"] == ["2", "3"]
    assert market["written"] == ["市场监督管理局", "市场局"]
    assert by_name["财政局"]["lead"] == ["2"] and by_name["财政局"]["support"] == ["1"]
    assert by_name["税务局"]["lead"] == ["3"] and by_name["税务局"]["support"] == ["1"]


def test_findings_are_counted_on_the_departments_of_their_measure(
    notice: policy_parse.Notice,
) -> None:
    on = {}
    for d in notice.discrepancies:
        if d.measure is not None:
            on.setdefault(d.measure, []).append(d.severity.value)
    by_name = {d["name"]: d for d in departments(notice)}
    for name, dept in by_name.items():
        measures = set(dept["lead"]) | set(dept["support"])
        for sev in ("error", "warning", "info"):
            assert dept[sev] == sum(on.get(m, []).count(sev) for m in measures), (name, sev)


def test_the_sheet_puts_the_busiest_department_first_and_counts_as_numbers(
    notice: policy_parse.Notice,
) -> None:
    header, rows = department_rows(departments(notice), "zh")
    assert header[:6] == ["部门", "其他写法", "牵头措施数", "牵头措施", "配合措施数", "配合措施"]
    assert rows[0][:6] == ["市场监督管理局", "市场局", 1, "1", 2, "2、3"]
    en_header, _ = department_rows(departments(notice), "en")
    assert en_header[:3] == ["department", "written forms", "leads"]


def test_the_text_report_has_a_department_section(notice: policy_parse.Notice) -> None:
    zh = policy_parse.to_text(notice)
    section = zh.split("部门分工（3）\n")[1]
    assert section.startswith("  市场监督管理局（又写作：市场局）\n    牵头1项：1；配合2项：2、3")
    en = policy_parse.to_text(notice, lang="en")
    assert (
        "Who does what (3)\n  市场监督管理局 (also written 市场局)\n    leads 1: 1; supports 2: 2, 3"
        in en
    )


def test_the_workbook_and_the_html_report_have_a_department_view(
    notice: policy_parse.Notice,
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(io.BytesIO(policy_parse.to_xlsx(notice)))
    assert "部门分工" in wb.sheetnames
    ws = wb["部门分工"]
    assert [c.value for c in ws[2]][:6] == ["市场监督管理局", "市场局", 1, "1", 2, "2、3"]
    html = policy_parse.to_html(notice)
    assert '<h2 id="departments">部门分工</h2>' in html
    # Each measure a department leads links to that measure's row.
    row = html.split('<tr class="department">')[1].split("</tr>")[0]
    assert '<a href="#m-2">2</a>、<a href="#m-3">3</a>' in row and 'id="m-3"' in html

"""CSV, XLSX, DataFrames and the HTML file, read back as their users would."""

from __future__ import annotations

import csv
import io
from functools import cache

import pytest

import policy_parse
from golden import SAMPLES
from policy_parse.models import Notice


@cache
def notice() -> Notice:
    return policy_parse.parse(SAMPLES / "notice.txt")


def test_the_csv_round_trips_through_the_csv_module_with_the_chinese_intact() -> None:
    text = policy_parse.to_csv(notice())
    assert text.startswith("\ufeff")
    raw = text.encode("utf-8")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    header, body = rows[0], rows[1:]
    assert header[:11] == [
        "编号",
        "序号",
        "来源",
        "部分",
        "章节",
        "措施内容",
        "牵头单位",
        "责任单位",
        "单位依据",
        "需人工核对",
        "完成时限",
    ]
    assert len(body) == 78
    by_id = {r[0]: dict(zip(header, r, strict=True)) for r in body}
    m = notice().measures[35]
    assert by_id[m.id]["措施内容"] == m.text
    assert by_id[m.id]["牵头单位"] == "、".join(u.name for u in m.lead)
    assert "units-mismatch" in by_id["35"]["问题类型"]
    # Every measure of the sample is annotated: none needs a human for its units.
    assert {r["单位依据"] for r in by_id.values()} == {"分工标注"}
    assert {r["需人工核对"] for r in by_id.values()} == {""}
    assert by_id["55"]["分工表·措施内容"] != by_id["55"]["措施内容"]


def test_the_english_csv_names_its_columns_in_english() -> None:
    header = next(csv.reader(io.StringIO(policy_parse.to_csv(notice(), lang="en")[1:])))
    assert header[:3] == ["id", "number", "origin"] and header[-1] == "findings"


def test_the_workbook_has_its_sheets_frozen_filtered_and_wrapped() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(io.BytesIO(policy_parse.to_xlsx(notice())))
    assert wb.sheetnames == ["概览", "措施", "分工表", "问题", "未归类文字", "部门分工"]
    n = notice()
    sizes = {
        "措施": 78,
        "分工表": len(n.table),
        "问题": len(n.discrepancies),
        "未归类文字": len(n.residue),
    }
    for name, rows in sizes.items():
        ws = wb[name]
        assert ws.max_row == rows + 1, name
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
        assert ws["A2"].alignment.wrap_text
    ws = wb["问题"]
    header = [c.value for c in ws[1]]
    first = dict(zip(header, [c.value for c in ws[2]], strict=True))
    assert first["严重程度"] == "错误" and first["正文"] and first["分工表"]
    assert 8 <= wb["措施"].column_dimensions["F"].width <= 62


def test_the_workbook_prints_landscape_fit_to_width_with_the_header_on_every_page() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(io.BytesIO(policy_parse.to_xlsx(notice())))
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert str(ws.page_setup.paperSize) == "9"  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.print_title_rows == "$1:$1"
    # Parts and sections by their headings, not bare numbers.
    header = [c.value for c in wb["措施"][1]]
    row7 = dict(zip(header, [c.value for c in wb["措施"][7]], strict=True))
    assert row7["编号"] == "6" and row7["部分"] == "1、着力提升自主创新能力"
    assert row7["章节"] == "（二）吸引培育一流创新人才"


def test_the_overview_sheet_says_what_the_notice_is_and_its_worst_findings() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(io.BytesIO(policy_parse.to_xlsx(notice())))
    rows = {r[0]: r[1] for r in wb["概览"].iter_rows(min_row=2, values_only=True)}
    assert rows["发文字号"] == "津高新区管发〔2020〕44号"
    assert rows["成文日期"] == "2020-11-19"
    assert rows["文件 SHA-256"] == notice().source.sha256
    assert rows["发现"] == "发现13处问题：错误2处，警告3处，提示8处"
    assert rows["问题1"].startswith("错误 · 责任单位不一致（units-mismatch） · 35\n第35项措施")
    assert "问题10" in rows and "问题11" not in rows  # the ten worst of 13
    en = openpyxl.load_workbook(io.BytesIO(policy_parse.to_xlsx(notice(), lang="en")))
    assert en.sheetnames[0] == "overview" and en["overview"]["A2"].value == "document number"


def test_text_that_looks_like_a_formula_stays_text_in_the_workbook() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    sample = (SAMPLES / "notice.txt").read_text("utf-8")
    evil = sample.replace("1.支持", "1.=SUM(A1)支持", 1)
    assert evil != sample
    wb = openpyxl.load_workbook(io.BytesIO(policy_parse.to_xlsx(policy_parse.parse_text(evil))))
    cell = next(c for row in wb["措施"].iter_rows() for c in row if str(c.value).startswith("=SUM"))
    assert cell.data_type == "s"


def test_frames_have_the_spreadsheets_rows() -> None:
    pytest.importorskip("pandas")
    frames = policy_parse.to_frames(notice(), lang="en")
    assert set(frames) == {"measures", "table", "discrepancies", "residue", "departments"}
    assert len(frames["measures"]) == 78 and "lead" in frames["measures"].columns
    assert list(frames["discrepancies"]["severity"])[:2] == ["error", "error"]


def test_frames_are_typed_and_named_in_snake_case_under_english() -> None:
    pytest.importorskip("pandas")
    frames = policy_parse.to_frames(notice(), lang="en")
    m = frames["measures"]
    snake = [c for c in m.columns if c.isascii()]
    assert all(c == c.lower() and " " not in c and ":" not in c for c in snake), snake
    assert {"id", "table_row", "table_text", "lead_units", "support_units", "findings"} <= set(
        snake
    )
    assert str(m["table_row"].dtype) == "Int64" and m["table_row"].iloc[0] == 1
    # Units as lists besides the joined text; measure 36-1 is led by 生物医药招商局.
    row = m[m["id"] == "36-1"].iloc[0]
    assert row["lead_units"] == ["生物医药招商局"] and row["lead"] == "生物医药招商局"
    assert all(isinstance(v, list) for v in m["support_units"])
    t = frames["table"]
    assert str(t["table_row"].dtype) == "Int64" and list(t["table_row"])[:3] == [1, 2, 3]
    d = frames["departments"]
    assert list(d.columns)[:3] == ["department", "written_forms", "leads"]
    assert str(d["leads"].dtype) == "Int64" and d["leads"].sum() == sum(
        len(r) for r in m["lead_units"]
    )
    zh = policy_parse.to_frames(notice())
    assert "牵头单位（列表）" in zh["measures"].columns and "部门" in zh["departments"].columns


def test_the_html_is_one_file_with_no_outside_reference() -> None:
    html = policy_parse.to_html(notice())
    assert html.startswith("<!DOCTYPE html>") and "</html>" in html
    for needle in ("http://", "https://", "src=", "@import", "url("):
        assert needle not in html, needle
    assert html.count('class="finding ') == len(notice().discrepancies)
    assert 'href="#m-35"' in html and 'id="m-35"' in html
    # 55: the differing characters are marked on both sides.
    assert "<mark>" in html.split('data-kind="duplicate-text"')[1].split("</section>")[0]


def test_no_csv_cell_runs_as_a_formula_in_a_spreadsheet() -> None:
    # A measure text and a unit name an attacker wrote to start like formulas.
    text = (
        "一、任务\n"
        '1.=HYPERLINK("http://x","点击")推进改革。（牵头单位：@甲局；配合单位：+乙局）\n'
        "2.-1+1优化服务。（牵头单位：丙局）\n"
    )
    rows = list(csv.reader(io.StringIO(policy_parse.to_csv(policy_parse.parse_text(text))[1:])))
    cells = [c for r in rows for c in r]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    # The text is kept, behind the apostrophe spreadsheets hide.
    assert any(c.startswith("'=HYPERLINK(") for c in cells)
    assert any(c.startswith("'-1+1") for c in cells)


def test_summary_csv_defuses_a_file_name_that_starts_like_a_formula() -> None:
    from policy_parse.cli.many import summary_csv as _summary_csv

    text = _summary_csv([{"file": "=cmd|' /C calc'!A0.txt", "status": "ok", "measures": 3}])
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0][:5] == ["文件", "格式", "状态", "状态代码", "措施数"]
    assert rows[1][:5] == ["'=cmd|' /C calc'!A0.txt", "", "成功", "ok", "3"]


def test_a_cell_longer_than_excel_holds_is_cut_with_an_ellipsis() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from policy_parse.emit.tabular import new_workbook, save_workbook, write_sheet

    wb = new_workbook()
    write_sheet(wb, "s", ["a", "b"], [["甲" * 40_000, "short"]])
    ws = openpyxl.load_workbook(io.BytesIO(save_workbook(wb)))["s"]
    assert len(ws["A2"].value) == 32_767 and ws["A2"].value.endswith("甲…")
    assert ws["B2"].value == "short"

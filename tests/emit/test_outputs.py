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
    assert header[:9] == [
        "编号",
        "序号",
        "来源",
        "部分",
        "章节",
        "措施内容",
        "牵头单位",
        "责任单位",
        "完成时限",
    ]
    assert len(body) == 78
    by_id = {r[0]: dict(zip(header, r, strict=True)) for r in body}
    m = notice().measures[35]
    assert by_id[m.id]["措施内容"] == m.text
    assert by_id[m.id]["牵头单位"] == "、".join(u.name for u in m.lead)
    assert "units-mismatch" in by_id["35"]["问题类型"]
    assert by_id["55"]["分工表·措施内容"] != by_id["55"]["措施内容"]


def test_the_english_csv_names_its_columns_in_english() -> None:
    header = next(csv.reader(io.StringIO(policy_parse.to_csv(notice(), lang="en")[1:])))
    assert header[:3] == ["id", "number", "origin"] and header[-1] == "findings"


def test_the_workbook_has_four_sheets_frozen_filtered_and_wrapped() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(io.BytesIO(policy_parse.to_xlsx(notice())))
    assert wb.sheetnames == ["措施", "分工表", "问题", "未归类文字"]
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
    assert set(frames) == {"measures", "table", "discrepancies", "residue"}
    assert len(frames["measures"]) == 78 and "lead" in frames["measures"].columns
    assert list(frames["discrepancies"]["severity"])[:2] == ["error", "error"]


def test_the_html_is_one_file_with_no_outside_reference() -> None:
    html = policy_parse.to_html(notice())
    assert html.startswith("<!DOCTYPE html>") and "</html>" in html
    for needle in ("http://", "https://", "src=", "@import", "url("):
        assert needle not in html, needle
    assert html.count('class="finding ') == len(notice().discrepancies)
    assert 'href="#m-35"' in html and 'id="m-35"' in html
    # 55: the differing characters are marked on both sides.
    assert "<mark>" in html.split('data-kind="duplicate-text"')[1].split("</section>")[0]

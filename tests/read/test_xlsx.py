"""The spreadsheet reader (read/xlsx.py) on small workbooks and the samples."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from policy_parse.errors import CorruptFileError, EmptyDocumentError, InputTooLargeError
from policy_parse.models import Format, Paragraph, Table
from policy_parse.read import Limits, detect_format, read_document

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def workbook(rows: list[list[object]], merges: tuple[str, ...] = (), hidden: bool = False) -> bytes:
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    for ref in merges:
        ws.merge_cells(ref)
    if hidden:
        extra = wb.create_sheet("备注")
        extra.append(["隐藏的说明"])
        extra.sheet_state = "hidden"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_an_xlsx_is_detected_by_content_not_refused_as_a_zip() -> None:
    assert detect_format(workbook([["a"]]), "notice.docx") is Format.XLSX


def test_a_title_row_is_a_paragraph_and_merges_become_merged_cells() -> None:
    rows = [
        ["某某任务分工表"],
        ["序号", "措施", "部门"],
        [1.0, "甲", "科技局"],
        [2, "乙"],
        [3, "丙"],
    ]
    doc = read_document(workbook(rows, merges=("A1:C1", "C3:C4")))
    title, table = doc.blocks
    assert isinstance(title, Paragraph) and title.text == "某某任务分工表"
    assert isinstance(table, Table)
    grid = [[(c.text, c.merged_up, c.merged_left) for c in r.cells] for r in table.rows]
    assert grid[1] == [("1", False, False), ("甲", False, False), ("科技局", False, False)]
    assert grid[2][2] == ("", True, False)
    assert grid[3] == [("3", False, False), ("丙", False, False), ("", False, False)]


def test_text_under_a_merge_is_residue_not_lost() -> None:
    data = workbook([["序号", "措施"], [1, "甲"], [None, "乙"]], merges=("A2:A3",))
    # openpyxl clears covered cells on merge; write the hidden value back in.
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = body.replace(
                    b'<row r="3">',
                    '<row r="3"><c r="A3" t="inlineStr"><is><t>藏</t></is></c>'.encode(),
                )
                assert "藏".encode() in body
            dst.writestr(info.filename, body)
    doc = read_document(out.getvalue())
    assert [(r.text, r.reason) for r in doc.residue] == [
        ("藏", "text in a merged continuation cell")
    ]


def test_a_hidden_sheet_is_residue() -> None:
    doc = read_document(workbook([["序号", "措施"], [1, "甲"]], hidden=True))
    assert [(r.text, r.reason) for r in doc.residue] == [("隐藏的说明", "hidden sheet 备注")]


def test_an_empty_workbook_is_empty() -> None:
    with pytest.raises(EmptyDocumentError):
        read_document(workbook([]))


def test_a_truncated_xlsx_is_corrupt() -> None:
    data = (SAMPLES / "notice.xlsx").read_bytes()
    with pytest.raises(CorruptFileError):
        read_document(data[: len(data) // 2])


def test_a_zip_bomb_in_a_workbook_is_refused_before_openpyxl() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (50 << 20))
    with pytest.raises(InputTooLargeError):
        read_document(buf.getvalue(), limits=Limits(max_unzipped_bytes=10 << 20))


def test_a_crafted_dimension_does_not_blow_up_the_grid() -> None:
    data = workbook([["序号", "措施"], [1, "甲"]])
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = body.replace(
                    b'<dimension ref="A1:B2"/>', b'<dimension ref="A1:XFD1048576"/>'
                )
                assert b"XFD1048576" in body
            dst.writestr(info.filename, body)
    (table,) = read_document(out.getvalue()).blocks
    assert isinstance(table, Table) and len(table.rows) == 2 and len(table.rows[0].cells) == 2


def test_the_sample_xlsx_is_the_notice_table() -> None:
    doc = read_document(SAMPLES / "notice.xlsx")
    assert doc.source.format is Format.XLSX
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(table.rows) == 79
    assert any(c.merged_up for r in table.rows for c in r.cells)


def test_a_truncated_workbook_is_a_corrupt_xlsx_not_a_docx() -> None:
    data = (SAMPLES / "notice.xlsx").read_bytes()
    with pytest.raises(CorruptFileError, match=r"not a readable \.xlsx") as info:
        read_document(data[: len(data) // 2])
    assert "Word" not in str(info.value)

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


def _edit_sheet(data: bytes, edit) -> bytes:
    """The workbook with its first sheet's XML passed through `edit`."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                new = edit(body)
                assert new != body
                body = new
            dst.writestr(info.filename, body)
    return out.getvalue()


def test_a_merge_over_the_whole_sheet_is_clipped_to_the_data_not_expanded() -> None:
    # A few kilobytes whose one merge covers A1:XFD1048576 (17 billion cells).
    data = _edit_sheet(
        workbook([["序号", "措施"], [1, "甲"], [2, "乙"]]),
        lambda b: b.replace(
            b"</sheetData>",
            b'</sheetData><mergeCells count="1"><mergeCell ref="B2:XFD1048576"/></mergeCells>',
        ),
    )
    (table,) = read_document(data).blocks
    assert isinstance(table, Table)
    assert [[(c.text, c.merged_up, c.merged_left) for c in r.cells] for r in table.rows] == [
        [("序号", False, False), ("措施", False, False)],
        [("1", False, False), ("甲", False, False)],
        [("2", False, False), ("", True, False)],
    ]


def test_overlapping_merges_keep_the_first_and_never_cover_a_cell_twice() -> None:
    data = _edit_sheet(
        workbook([["序号", "措施", "部门"], [1, "甲", "科技局"], [2, "乙", "财政局"]]),
        lambda b: b.replace(
            b"</sheetData>",
            b'</sheetData><mergeCells count="2"><mergeCell ref="B2:C3"/>'
            b'<mergeCell ref="C2:C3"/></mergeCells>',
        ),
    )
    (table,) = read_document(data).blocks
    grid = [[(c.text, c.merged_up, c.merged_left) for c in r.cells] for r in table.rows]
    assert grid[1] == [("1", False, False), ("甲", False, False), ("", False, True)]
    # B2:C3 alone: below its anchor merged up, right of it merged left.
    assert grid[2] == [("2", False, False), ("", True, False), ("", False, True)]


def test_hidden_rows_and_columns_are_residue_with_their_reason() -> None:
    data = workbook(
        [["序号", "措施", "批注"], [1, "甲", "内部意见"], [2, "乙", "不公开"], [3, "丙", ""]]
    )

    def hide(body: bytes) -> bytes:
        body = body.replace(b'<row r="3"', b'<row r="3" hidden="1"')
        return body.replace(
            b"<sheetData>", b'<cols><col min="3" max="3" hidden="1"/></cols><sheetData>'
        )

    doc = read_document(_edit_sheet(data, hide))
    (table,) = doc.blocks
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["序号", "措施"],
        ["1", "甲"],
        ["3", "丙"],
    ]
    assert sorted((r.text, r.reason) for r in doc.residue) == sorted(
        [
            ("批注", "hidden column"),
            ("内部意见", "hidden column"),
            ("2\t乙\t不公开", "hidden row"),
        ]
    )


def test_a_formula_with_no_cached_value_is_said_not_silently_empty() -> None:
    # openpyxl writes a formula as <f>C2</f><v></v>: never calculated.
    data = workbook([["序号", "措施", "牵头单位"], [1, "甲", "科技局"], [2, "乙", "=C2"]])
    doc = read_document(data)
    (table,) = doc.blocks
    assert table.rows[2].cells[2].text == ""
    assert [(r.text, r.reason) for r in doc.residue] == [("=C2", "formula with no cached value")]

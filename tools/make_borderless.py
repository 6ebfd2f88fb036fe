"""Make tests/fixtures/borderless/: PDFs whose 分工表 has no ruling lines
(read/layout/borderless.py), exported by LibreOffice as a clerk's would be.

- notice-borderless: samples/notice.docx with its table's borders set to
  nil (w:tblBorders overriding the Table Grid style), the same notice as
  samples/notice.pdf otherwise;
- two-pages: an invented table-only notice, its table running over two
  pages with the header row *not* repeated (the second page has no header),
  cells wrapped over several lines, the 配合单位 column empty throughout, a
  group title row spanning the table;
- two-column: invented prose set in two columns, no table: must stay prose;
- excel: an invented sheet printed by Calc without gridlines (the default):
  numbers right-aligned against the task column, a wrapped cell, an empty
  配合单位 cell, one page.

    python tools/make_borderless.py    # needs LibreOffice + fonts-noto-cjk

The .docx files are reproducible byte for byte, the PDFs not (creation date;
line breaks depend on the fonts installed).  Tests read the committed PDFs.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt
from docxkit import add_text, fixed_zip_times, save, to_pdf

OUT = HERE.parent / "tests" / "fixtures" / "borderless"
NIL = (
    "<w:tblBorders>"
    + "".join(
        f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + "</w:tblBorders>"
)


def notice_borderless() -> bytes:
    """samples/notice.docx, every table's borders off."""
    src = zipfile.ZipFile(HERE.parent / "samples" / "notice.docx")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                xml = data.decode("utf-8")
                # After w:tblW, where the schema puts w:tblBorders.
                xml = xml.replace(
                    '<w:tblW w:type="auto" w:w="0"/>', '<w:tblW w:type="auto" w:w="0"/>' + NIL
                )
                data = xml.encode("utf-8")
            dst.writestr(info, data)
    return fixed_zip_times(out.getvalue())


def _borders_off(table) -> None:
    table._tbl.tblPr.append(
        parse_xml(NIL.replace("<w:tblBorders>", f"<w:tblBorders {nsdecls('w')}>"))
    )


def two_pages() -> bytes:
    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Cm(2.5))
    add_text(d.add_paragraph(), "某县推进示范工作重点任务分工表", "Noto Sans CJK SC", 14, bold=True)
    rows = [["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]]
    for n in range(1, 25):
        task = (
            f"推进第{n}项示范工作，完善相关制度，建立健全工作机制，"
            + "加强统筹协调，确保各项措施落到实处。" * (1 + n % 3)
        )
        lead = "县甲局" if n % 2 else "县乙局、县丙中心"
        rows.append([str(n), task, lead, "", "2025年底前" if n % 4 else "持续推进"])
        if n == 12:
            rows.append(["二、保障措施"])
    table = d.add_table(rows=len(rows), cols=5)
    _borders_off(table)
    table.autofit = False
    widths = [Cm(1.2), Cm(8.0), Cm(3.0), Cm(2.4), Cm(2.2)]
    for gc, w in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        gc.w = w
    for r, (tr, texts) in enumerate(zip(table.rows, rows)):
        if len(texts) == 1:
            cell = tr.cells[0].merge(tr.cells[-1])
            add_text(cell.paragraphs[0], texts[0], "Noto Sans CJK SC", 10.5, bold=True)
            continue
        for c, cell in enumerate(tr.cells):
            cell.width = widths[c]
            if texts[c]:
                add_text(cell.paragraphs[0], texts[c], "Noto Serif CJK SC", 10.5, bold=r == 0)
    return save(d)


def two_column() -> bytes:
    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec._sectPr.append(parse_xml(f'<w:cols {nsdecls("w")} w:num="2" w:space="720"/>'))
    add_text(d.add_paragraph(), "某县示范工作情况通报", "Noto Sans CJK SC", 14, bold=True)
    for n in range(1, 13):
        p = d.add_paragraph()
        p.paragraph_format.space_after = Pt(6)
        add_text(
            p,
            f"{n}.本季度各单位围绕示范工作开展了专项检查，"
            "重点查看制度建设、机制运行和措施落实情况，发现问题及时整改，"
            "整改结果纳入年度考核。",
            "Noto Serif CJK SC",
            10.5,
        )
    return save(d)


def excel() -> bytes:
    import openpyxl
    from openpyxl.styles import Alignment

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "分工表"
    ws.append(["某县推进示范工作重点任务分工表"])
    ws.append(["序号", "工作任务", "牵头单位", "配合单位", "完成时限"])
    for n in range(1, 21):
        task = f"推进第{n}项示范工作，完善相关制度。"
        if n == 5:
            task = "推进第5项示范工作，完善相关制度，建立健全工作机制，加强统筹协调，确保落实。"
        ws.append(
            [n, task, "县甲局" if n % 2 else "县乙局", "县丁局" if n % 3 == 0 else "", "2025年底前"]
        )
    for col, width in zip("ABCDE", (6, 40, 16, 12, 12), strict=True):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    buf = io.BytesIO()
    wb.save(buf)
    return fixed_zip_times(buf.getvalue())


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, make in (
        ("notice-borderless", notice_borderless),
        ("two-pages", two_pages),
        ("two-column", two_column),
        ("excel", excel),
    ):
        path = OUT / f"{name}.{'xlsx' if name == 'excel' else 'docx'}"
        path.write_bytes(make())
        if "--no-pdf" not in sys.argv:
            to_pdf(path, OUT)
        print(path)


if __name__ == "__main__":
    main()

"""Generate samples/notice.xlsx: the 分工表 of samples/notice.txt as a
spreadsheet of its own, as departments circulate it.

    python tools/make_xlsx.py          # then tools/make_legacy.py for notice.xls

The text sample is the reference, read with policy_parse's own txt reader.
The sheet holds the caption above the table as a title row merged across all
columns, the header row, and the body; every continuation the text form shows
as an empty cell is written as a merged range with the cell above (the rule
tools/docxkit.py uses for Word's vMerge); line breaks in a cell stay line
breaks (wrap text on).  A second, empty sheet is there as workbooks have one.
openpyxl stamps the save time into docProps/core.xml, so regenerating changes
the bytes (and the golden's sha256) though not the content.
"""

from __future__ import annotations

import datetime
import io
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

sys.path.insert(0, str(Path(__file__).resolve().parent))
import docxkit  # tools/ is not a package: found through sys.path above

from policy_parse.models import Paragraph, Table
from policy_parse.read import read_document

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
WIDTHS = {"方面": 14, "任务": 16, "国家重点任务": 30, "序号": 6, "具体落实举措": 50}


def build() -> bytes:
    blocks = read_document(SAMPLES / "notice.txt").blocks
    k = next(i for i, b in enumerate(blocks) if isinstance(b, Table))
    caption, table = blocks[k - 1], blocks[k]
    assert isinstance(caption, Paragraph) and isinstance(table, Table)
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    merged = docxkit.continuations(rows)

    wb = Workbook()
    ws = wb.active
    ws.title = "分工表"
    ncols = len(rows[0])
    ws.cell(row=1, column=1, value=caption.text).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    wrap = Alignment(wrap_text=True, vertical="center")
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if (r, c) in merged:
                continue
            value: str | int = int(text) if text.isdigit() and rows[0][c] == "序号" else text
            cell = ws.cell(row=r + 2, column=c + 1, value=value or None)
            cell.alignment = wrap
            if r == 0:
                cell.font = Font(bold=True)
            end = r
            while (end + 1, c) in merged:
                end += 1
            if end > r:
                ws.merge_cells(
                    start_row=r + 2, start_column=c + 1, end_row=end + 2, end_column=c + 1
                )
    for c, name in enumerate(rows[0]):
        ws.column_dimensions[chr(ord("A") + c)].width = WIDTHS.get(name, 20)
    wb.create_sheet("Sheet2")
    wb.properties.creator = "policy_parse tools/make_xlsx.py"
    wb.properties.created = datetime.datetime(2020, 11, 19)
    buf = io.BytesIO()
    wb.save(buf)
    return docxkit.fixed_zip_times(buf.getvalue())


def main() -> int:
    path = SAMPLES / "notice.xlsx"
    path.write_bytes(build())
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The workbook on paper: LibreOffice renders it to PDF (as a supervision
office prints it) landscape on A4, the header row on every page, every
sheet there, wrapped rows not cut.  Skips where LibreOffice is missing."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import policy_parse
from golden import SAMPLES

SOFFICE = shutil.which("soffice")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(SOFFICE is None, reason="no LibreOffice")]


def test_libreoffice_prints_the_workbook_landscape_with_headers_on_every_page(
    tmp_path: Path,
) -> None:
    pytest.importorskip("openpyxl")
    pdfium = pytest.importorskip("pypdfium2")
    book = tmp_path / "notice.xlsx"
    book.write_bytes(policy_parse.to_xlsx(policy_parse.parse(SAMPLES / "notice.txt")))
    assert SOFFICE is not None
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(book)],
        capture_output=True, check=True, timeout=240,
    )  # fmt: skip
    pdf = pdfium.PdfDocument(tmp_path / "notice.pdf")
    pages = ["".join(pdf[k].get_textpage().get_text_range().split()) for k in range(len(pdf))]
    for k in range(len(pdf)):
        width, height = pdf[k].get_size()
        assert width > height, f"page {k + 1} is not landscape"
        assert abs(width - 842) < 2 and abs(height - 595) < 2  # A4
    # Each sheet prints, and its header row heads each of its pages.
    headers = {
        "概览": "项目内容", "措施": "编号序号来源部分章节措施内容",
        "分工表": "分工表行编号序号部分章节", "问题": "严重程度类型措施正文分工表说明",
        "未归类文字": "位置措施内容原因", "部门分工": "部门其他写法牵头措施数",
    }  # fmt: skip
    for sheet, header in headers.items():
        assert any(p.startswith(header) for p in pages), sheet
    measure_pages = [p for p in pages if p.startswith(headers["措施"])]
    assert len(measure_pages) >= 2  # 78 measures do not fit one page, and each page has the header
    # Every measure's text prints whole: no row too short cuts its wrapped lines.
    printed = "".join(pages)
    notice = policy_parse.parse(SAMPLES / "notice.txt")
    cut = [m.id for m in notice.measures if "".join(m.text.split()) not in printed]
    assert cut == []

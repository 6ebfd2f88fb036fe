"""A web page printed to PDF by Chromium, as people save a portal's notice,
reads whole.  Chromium's PDFs differ from LibreOffice's and Word's: fonts
pdfminer cannot measure, zero-width space glyphs beside list numbers (PDFium
leaves them out of its text page, so such a page is drawn by the pdfplumber
engine: docs/pdf.md), and with some CJK fonts radicals in the text layer for
the ideographs shown (read/lookalikes.py).  The notice is invented; the PDF
is made at test time by the installed Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import policy_parse

BROWSER = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)
if BROWSER is None and os.environ.get("CI"):  # pragma: no cover - CI must run it
    pytest.fail("CI has no Chromium: .ci/run installs the chromium package")
pytestmark = [
    pytest.mark.skipif(BROWSER is None, reason="no chromium installed"),
    pytest.mark.slow,
]

# The shape of a Word file saved as a web page: a numbered list (<ol start>),
# faces named as a 公文 names them, a footer with the page number.
_ITEM = (
    '<li><p lang="zh-CN" align="justify"><font face="仿宋_GB2312">'
    '<font size="4" style="font-size: 16pt">{text}</font></font></p>'
)
_TEXTS = [
    "推进第一项工作建设。（牵头单位：县人力资源和社会保障局；责任单位：县民政局、县黄河管理所）",
    "完善服务机制。（牵头单位：县发展和改革局；责任单位：县财政局）",
    "加强监督检查。（牵头单位：县审计局）",
]
PAGE = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body lang="zh-CN">'
    '<p lang="zh-CN" align="center"><font face="方正小标宋简体"><font size="5">'
    "甲县重点工作任务分工方案</font></font></p>"
    f'<ol start="7">{"".join(_ITEM.format(text=t) for t in _TEXTS)}</ol>'
    '<div title="footer"><p lang="zh-CN" align="center">— <span>1</span> —</p></div>'
    "</body></html>"
)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    assert BROWSER is not None
    folder = tmp_path_factory.mktemp("chromium")
    page, pdf = folder / "notice.html", folder / "notice.pdf"
    page.write_text(PAGE, encoding="utf-8")
    subprocess.run(
        [
            BROWSER,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={folder / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return Path(pdf).read_bytes()


def test_a_notice_chromium_printed_reads_whole(printed: bytes) -> None:
    notice = policy_parse.parse(printed)
    assert [
        (m.id, [u.name for u in m.lead], [u.name for u in m.support]) for m in notice.measures
    ] == [
        ("7", ["县人力资源和社会保障局"], ["县民政局", "县黄河管理所"]),
        ("8", ["县发展和改革局"], ["县财政局"]),
        ("9", ["县审计局"], []),
    ]

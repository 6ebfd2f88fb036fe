"""read.pdf.pdfium: a worker opens the document afresh every
`_REOPEN_PAGES` pages (PDFium frees what it parsed only on close), and the
pages read after a reopening are the pages read without one."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_fixtures import Page, Text, build_pdf

from policy_parse.read.pdf import pdfium
from policy_parse.read.pdf.pages import read_layouts

ROOT = Path(__file__).resolve().parents[3]


def _counting(monkeypatch: pytest.MonkeyPatch, every: int) -> list[int]:
    """Reopen every `every` pages, counting the reopenings."""
    monkeypatch.setattr(pdfium, "_REOPEN_PAGES", every)
    reopened: list[int] = []
    original = pdfium.PdfiumEngine._reopen

    def counted(self: pdfium.PdfiumEngine) -> None:
        reopened.append(1)
        original(self)

    monkeypatch.setattr(pdfium.PdfiumEngine, "_reopen", counted)
    return reopened


def test_the_sample_reads_the_same_when_reopened_every_few_pages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = (ROOT / "samples" / "notice.pdf").read_bytes()
    whole = read_layouts(data, "notice.pdf", 1000, None, "pdfium", 1, 2)
    reopened = _counting(monkeypatch, 3)
    again = read_layouts(data, "notice.pdf", 1000, None, "pdfium", 1, 2)
    # 23 pages, the odd ones (11) read by this part: reopened after 3, 6, 9.
    assert len(reopened) == 3
    assert again == whole


def test_a_reopened_encrypted_file_takes_its_password_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pages = [Page(texts=[Text(72.0, 100.0, f"第{k}页")]) for k in range(1, 4)]
    data = build_pdf(pages, user_password="user", owner_password="owner")
    reopened = _counting(monkeypatch, 1)
    _, layouts, _ = read_layouts(data, "x.pdf", 1000, "user", "pdfium")
    assert len(reopened) == 2
    assert [lay.lines[0].text for lay in layouts] == ["第1页", "第2页", "第3页"]

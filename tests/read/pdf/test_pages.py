"""read/pdf/pages.py: how many workers read a file — one for a short file of
text, every one wanted for a long file, a file of images or a page tree the
bytes do not show."""

from __future__ import annotations

import pytest
from pdf_fixtures import Page, Text, build_pdf

from policy_parse.read.pdf import pages
from policy_parse.read.pdf.pages import stated_pages, workers_for, workers_for_file


def _text_pdf(n: int) -> bytes:
    return build_pdf([Page(texts=[Text(72, 100, f"{k}.第{k}页的举措。", 12)]) for k in range(n)])


def test_the_page_count_is_read_from_the_page_trees_root() -> None:
    assert stated_pages(_text_pdf(7)) == 7
    # Either order of /Type and /Count; a nested node's smaller count is not
    # the root's.
    tree = (
        b"1 0 obj << /Count 12 /Kids [3 0 R 4 0 R] /Type /Pages >> endobj\n"
        b"3 0 obj << /Type /Pages /Parent 1 0 R /Count 5 /Kids [] >> endobj\n"
    )
    assert stated_pages(tree) == 12


def test_no_visible_page_tree_states_no_count() -> None:
    # Inside a compressed object stream the tree is not in the bytes; an
    # outline's /Count beside no /Pages dictionary is not a page count.
    assert stated_pages(b"%PDF-1.7\n1 0 obj << /Type /Outlines /Count 40 >> endobj") is None
    assert stated_pages(b"") is None


def test_a_count_outside_the_pages_dictionary_is_not_taken() -> None:
    data = b"<< /Type /Pages /Kids [2 0 R] /Count 3 >> << /Type /Outlines /Count 900 >>"
    assert stated_pages(data) == 3


def test_hostile_bytes_are_looked_at_in_bounded_time() -> None:
    # Millions of counts and of node markers: each looks at most at a window,
    # and only the first nodes are looked at (this would take minutes else).
    assert stated_pages(b"/Count 9 " * 2_000_000) is None
    assert stated_pages(b"<< /Type /Pages " * 1_000_000) is None


def test_a_short_file_of_text_is_read_by_one_worker() -> None:
    assert workers_for_file(2, _text_pdf(7)) == 1


def test_a_long_file_keeps_every_worker_wanted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pages, "PAGES_PER_WORKER", 6)
    assert workers_for_file(2, _text_pdf(7)) == workers_for(2)
    assert workers_for_file(1, _text_pdf(7)) == 1


def test_a_file_of_images_keeps_every_worker_wanted() -> None:
    # No font anywhere (the test writer always writes its font object, so the
    # page tree of such a file by hand): every page is read by OCR, seconds a
    # page.
    scans = (
        b"%PDF-1.4\n2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R /Resources << /XObject << /Im0 6 0 R >> >> >>"
        b" endobj\n6 0 obj << /Type /XObject /Subtype /Image /Filter /DCTDecode >> endobj\n"
    )
    assert stated_pages(scans) == 3
    assert workers_for_file(2, scans) == workers_for(2)


def test_the_caller_asks_once_whether_ocr_is_installed_and_tells_the_workers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # `start_pages` asks (~45 stats of sys.path) and hands the answer to
    # every worker: an engine told the answer does not ask again, and it
    # is the engine the answer calls for.
    from policy_parse.read import ocr

    asked: list[int] = []
    monkeypatch.setattr(ocr, "available", lambda: asked.append(1) or False)
    data = _text_pdf(2)
    for told, wrapper in ((True, "OcrEngine"), (False, "PdfiumEngine")):
        engine = pages.open_engine("pdfium", data, None, "x.pdf", ocr_installed=told)
        try:
            assert type(engine).__name__ == wrapper
        finally:
            engine.close()
    assert asked == []
    calls: list[tuple[object, ...]] = []

    class Started(Exception):
        pass

    def start_each(fn: object, given: list[tuple[object, ...]], **_: object) -> None:
        calls.extend(given)
        raise Started

    monkeypatch.setattr(pages, "start_each", start_each)
    with pytest.raises(Started):
        pages.start_pages(data, "x.pdf", password=None, engine="pdfium")
    assert asked == [1]
    assert calls and all(call[-1] is False for call in calls)

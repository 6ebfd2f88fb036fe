"""Bad and hostile PDFs: each gets its documented error, quickly and within
bounded memory (docs/pdf.md, "Errors" and "Bounded resources").

Every file is built here by `tests/read/pdf/pdf_fixtures.py` — encryption with
the standard RC4 handler written by hand, the flate bomb from one repeated
deflate block — so nothing is downloaded and no PDF tool is needed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pdf_fixtures import Page, Text, build_pdf, flate_bomb_stream, many_pages_pdf

from policy_parse.errors import (
    CorruptFileError,
    EncryptedDocumentError,
    InputTooLargeError,
    NoTextLayerError,
    PolicyParseError,
)
from policy_parse.models import Document, Paragraph
from policy_parse.read import Limits, read_document
from policy_parse.read.pdf.reader import ENGINES
from policy_parse.read.pdf.worker import WorkerTraceback, run_bounded

QUICK = 5.0  # seconds: "under a few seconds"

TEXT = "关于印发分工方案的通知"


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """Every hostile file is read by each PDF engine."""
    return str(request.param)


def _page() -> Page:
    return Page(texts=[Text(72, 100, TEXT, 12)])


def _texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def _cpu() -> float:
    """CPU seconds of this process and the children it has waited for (the
    page workers): unlike wall time, not stretched by a busy machine."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _timed(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    # "Under a few seconds" of work; the wall clock only catches a hang that
    # burns no CPU, with room for a shared machine (a bomb took 6 s of wall
    # time under a load of 16 while its work stayed well inside QUICK).
    start, cpu = time.monotonic(), _cpu()
    try:
        return fn(*args, **kwargs)
    finally:
        assert _cpu() - cpu < QUICK
        assert time.monotonic() - start < 4 * QUICK


# --- encryption -------------------------------------------------------------------


def test_an_encrypted_pdf_without_its_password_is_refused(engine: str) -> None:
    data = build_pdf([_page()], user_password="user", owner_password="owner")
    with pytest.raises(EncryptedDocumentError, match="password"):
        _timed(read_document, data, pdf_engine=engine)


def test_an_encrypted_pdf_with_a_wrong_password_is_refused(engine: str) -> None:
    data = build_pdf([_page()], user_password="user", owner_password="owner")
    with pytest.raises(EncryptedDocumentError) as info:
        read_document(data, password="guess", pdf_engine=engine)
    assert info.value.__cause__ is not None  # the worker's traceback


@pytest.mark.parametrize("password", ["user", "owner"])
def test_an_encrypted_pdf_opens_with_either_password(password: str, engine: str) -> None:
    data = build_pdf([_page()], user_password="user", owner_password="owner")
    assert _texts(read_document(data, password=password, pdf_engine=engine)) == [TEXT]


def test_a_pdf_with_only_an_owner_password_opens_without_one(engine: str) -> None:
    data = build_pdf([_page()], owner_password="owner")
    assert b"/Encrypt" in data
    assert _texts(read_document(data, pdf_engine=engine)) == [TEXT]


# --- no text, damaged --------------------------------------------------------------


def test_an_image_only_pdf_without_the_ocr_extra_says_how_to_install_it(
    engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With the extra the page is read by OCR: tests/read/ocr/test_missing.py.
    from policy_parse.read import ocr

    monkeypatch.setattr(ocr, "available", lambda: False)
    data = build_pdf([Page(image=True), Page(image=True)])
    with pytest.raises(NoTextLayerError, match=r"pip install 'policy_parse\[ocr\]'"):
        _timed(read_document, data, pdf_engine=engine)


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.999])
def test_a_truncated_pdf_is_corrupt(keep: float, engine: str) -> None:
    data = build_pdf([_page(), _page()])
    with pytest.raises(CorruptFileError, match="truncated"):
        _timed(read_document, data[: int(len(data) * keep)], pdf_engine=engine)


def test_a_pdf_with_garbage_for_a_body_is_corrupt(engine: str) -> None:
    data = b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
    with pytest.raises(CorruptFileError) as info:
        _timed(read_document, data, pdf_engine=engine)
    assert isinstance(info.value, ValueError)


def test_a_damaged_content_stream_is_corrupt_or_read_but_never_a_crash(engine: str) -> None:
    page = Page(raw_content=b"BT /F1 12 Tf 72 700 Td <0000 Tj ET ]]]>>", content_filters=())
    try:
        _timed(read_document, build_pdf([page, _page()]), pdf_engine=engine)
    except PolicyParseError:
        pass


# --- resource limits ------------------------------------------------------------------


def test_a_flate_bomb_is_stopped_by_the_memory_budget(engine: str) -> None:
    # 1 GiB of spaces deflated twice: a few kilobytes on disk.
    bomb = flate_bomb_stream(1 << 30)
    data = build_pdf(
        [Page(raw_content=bomb, content_filters=("FlateDecode", "FlateDecode")), _page()]
    )
    assert len(data) < 64 * 1024
    limits = Limits(pdf_memory_bytes=256 * 1024 * 1024)
    with pytest.raises(InputTooLargeError, match="memory"):
        _timed(read_document, data, limits=limits, pdf_engine=engine)


def test_a_cyclic_page_tree_visits_each_page_once(engine: str) -> None:
    data = build_pdf([_page()], cyclic_page_tree=True)
    doc = _timed(read_document, data, pdf_engine=engine)
    assert _texts(doc) == [TEXT]


def test_too_many_pages_are_refused(engine: str) -> None:
    data = build_pdf([_page(), _page(), _page()])
    with pytest.raises(InputTooLargeError, match="3 pages"):
        read_document(data, limits=Limits(max_pages=2), pdf_engine=engine)


def test_a_huge_page_count_is_reported_as_pages_not_as_a_bomb(engine: str) -> None:
    # pdfplumber used to build a page object per page before the count was
    # checked, ran out of the memory budget and called the file a bomb.
    data = many_pages_pdf(20_000)
    limits = Limits(max_pages=100, pdf_memory_bytes=48 * 1024 * 1024)
    with pytest.raises(InputTooLargeError, match="20000 pages, over the 100-page limit"):
        read_document(data, limits=limits, pdf_engine=engine)


def test_a_threaded_callers_worker_has_the_same_budget_for_the_parse(engine: str) -> None:
    # With another thread alive the worker is a fresh interpreter: it must
    # import the engine before its ceiling is set, as a forked worker
    # inherits it — else importing pdfplumber ate the 48 MiB and the file
    # above was called a bomb.
    import threading

    data = many_pages_pdf(20_000)
    limits = Limits(max_pages=100, pdf_memory_bytes=48 * 1024 * 1024)
    hold = threading.Event()
    other = threading.Thread(target=hold.wait)
    other.start()
    try:
        with pytest.raises(InputTooLargeError, match="20000 pages, over the 100-page limit"):
            read_document(data, limits=limits, pdf_engine=engine)
    finally:
        hold.set()
        other.join()


def _sleep() -> None:
    time.sleep(60)


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _segfault() -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


def _hog() -> bytes:
    # Far more than a long test run can leave mapped-but-free in the parent's
    # heap (which the child inherits and may reuse within its budget): with
    # 512 MiB the full suite once returned the bytes instead of raising.
    return b"x" * (4 * 1024 * 1024 * 1024)


def _boom() -> None:
    raise KeyError("a bug, not a bad file")


def test_the_worker_stops_a_parse_that_runs_too_long() -> None:
    with pytest.raises(InputTooLargeError, match="longer than 0.5 s"):
        _timed(run_bounded, _sleep, memory_bytes=1 << 30, seconds=0.5)


def test_the_worker_reports_a_killed_child_as_too_large() -> None:
    with pytest.raises(InputTooLargeError, match="SIGKILL"):
        _timed(run_bounded, _die, memory_bytes=1 << 30, seconds=10)


def test_the_worker_blames_a_segfault_on_the_engine_not_on_memory() -> None:
    with pytest.raises(CorruptFileError, match="PDF engine crashed.*SIGSEGV") as info:
        _timed(run_bounded, _segfault, memory_bytes=1 << 30, seconds=10)
    assert "memory" not in str(info.value)


def test_the_worker_turns_memory_error_into_too_large() -> None:
    with pytest.raises(InputTooLargeError, match="128 MiB"):
        _timed(run_bounded, _hog, memory_bytes=128 * 1024 * 1024, seconds=10)


def test_the_worker_reports_its_own_bugs_with_the_traceback() -> None:
    with pytest.raises(RuntimeError, match="KeyError") as info:
        run_bounded(_boom, memory_bytes=1 << 30, seconds=10)
    assert isinstance(info.value.__cause__, WorkerTraceback)
    assert "_boom" in str(info.value.__cause__)


# --- the CLI ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        build_pdf([_page()], user_password="user", owner_password="owner"),
        build_pdf([Page(image=True)]),
        build_pdf([_page()])[:200],
    ],
    ids=["encrypted", "image-only", "truncated"],
)
def test_the_cli_prints_one_line_and_exits_2(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "通知 坏.pdf"
    path.write_bytes(data)
    proc = subprocess.run(
        [sys.executable, "-m", "policy_parse", str(path)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr


# --- unreadable text layers -------------------------------------------------------


@pytest.mark.parametrize(
    "garbage",
    ["\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008", "\ufffd" * 8],
    ids=["private-use", "replacement"],
)
def test_a_garbled_text_layer_is_no_text_layer(engine: str, garbage: str) -> None:
    # A font whose codes map to nothing readable: the "text" is noise that
    # would otherwise become paragraphs of private-use characters.
    data = build_pdf([Page(texts=[Text(72, 100 + 20 * i, garbage, 12) for i in range(5)])])
    with pytest.raises(NoTextLayerError, match="unreadable"):
        _timed(read_document, data, pdf_engine=engine)


def test_a_cid_font_without_a_tounicode_map_is_an_unreadable_text_layer(engine: str) -> None:
    # An Identity-H font with no ToUnicode: the codes are glyph numbers.
    # pdfminer says "(cid:11)", PDFium passes the numbers on as control
    # characters; neither is text.
    glyphs = "".join(chr(c) for c in range(11, 31))
    data = build_pdf(
        [Page(texts=[Text(72, 100 + 20 * i, glyphs, 12, font="F2") for i in range(5)])]
    )
    with pytest.raises(NoTextLayerError, match="unreadable"):
        _timed(read_document, data, pdf_engine=engine)


def test_a_few_odd_symbols_do_not_make_a_text_layer_unreadable(engine: str) -> None:
    data = build_pdf([Page(texts=[Text(72, 100, "\ue001" + TEXT, 12)])])
    assert _texts(_timed(read_document, data, pdf_engine=engine)) == ["\ue001" + TEXT]

"""The bounded PDF worker where callers really run it: inside daemonic pool
workers, in threads, and with faulthandler on (issue 9; docs/pdf.md,
"Bounded resources")."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from pdf_fixtures import Page, Text, build_pdf, flate_bomb_stream

from policy_parse.errors import InputTooLargeError
from policy_parse.models import Paragraph
from policy_parse.read import read_document
from policy_parse.read.pdf.worker import run_bounded

TEXT = "关于印发分工方案的通知"
PDF = build_pdf([Page(texts=[Text(72, 100, TEXT, 12)])])


def _paragraphs(data: bytes) -> list[str]:
    doc = read_document(data)
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def _sleep() -> None:
    import time

    time.sleep(30)


def test_it_reads_a_pdf_inside_a_multiprocessing_pool() -> None:
    # Pool workers are daemonic: multiprocessing refuses them children
    # ("daemonic processes are not allowed to have children").
    with multiprocessing.get_context("fork").Pool(2) as pool:
        assert pool.map(_paragraphs, [PDF, PDF]) == [[TEXT], [TEXT]]


def test_it_reads_a_pdf_inside_a_process_pool_executor() -> None:
    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(2, mp_context=ctx) as ex:
        assert list(ex.map(_paragraphs, [PDF, PDF])) == [[TEXT], [TEXT]]


def test_it_reads_pdfs_from_eight_threads_without_forking_a_threaded_process() -> None:
    import os

    forks: list[int] = []
    real_fork = os.fork

    def counting_fork() -> int:
        forks.append(threading.active_count())
        return real_fork()

    os.fork = counting_fork  # type: ignore[assignment]
    try:
        with ThreadPoolExecutor(8) as ex:
            results = list(ex.map(_paragraphs, [PDF] * 8))
    finally:
        os.fork = real_fork  # type: ignore[assignment]
    assert results == [[TEXT]] * 8
    # A fresh interpreter is started instead of forking a threaded process.
    assert forks == []


def test_a_threaded_caller_still_gets_the_clock_and_the_memory_budget() -> None:
    box: list[BaseException] = []

    def timed() -> None:
        try:
            run_bounded(_sleep, memory_bytes=1 << 30, seconds=0.5)
        except BaseException as exc:  # noqa: BLE001 - inspected below
            box.append(exc)

    threads = [threading.Thread(target=timed) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert len(box) == 2
    assert all(isinstance(e, InputTooLargeError) and "longer than" in str(e) for e in box)


def test_a_crash_in_the_engine_prints_no_fatal_error_stack(tmp_path: Path) -> None:
    # PDFium aborts when an allocation fails; with faulthandler on (pytest,
    # python -X faulthandler) the child used to dump its C-level crash and
    # Python stack on the inherited stderr.
    bomb = build_pdf(
        [
            Page(
                raw_content=flate_bomb_stream(1 << 30),
                content_filters=("FlateDecode", "FlateDecode"),
            ),
            Page(texts=[Text(72, 100, TEXT, 12)]),
        ]
    )
    path = tmp_path / "bomb.pdf"
    path.write_bytes(bomb)
    code = (
        "import sys\n"
        "from policy_parse.read import read_document, Limits\n"
        "try:\n"
        f"    read_document({str(path)!r}, limits=Limits(pdf_memory_bytes=256 * 1024 * 1024))\n"
        "except Exception as exc:\n"
        "    print(type(exc).__name__)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.stdout.strip() == "InputTooLargeError"
    assert "Fatal Python error" not in proc.stderr
    assert proc.stderr == ""


@pytest.mark.parametrize("threads", [1, 2])
def test_the_worker_reports_a_parse_error_the_same_either_way(threads: int) -> None:
    blocker = threading.Event()
    extra = [threading.Thread(target=blocker.wait) for _ in range(threads - 1)]
    for t in extra:
        t.start()
    try:
        with pytest.raises(InputTooLargeError, match="page limit"):
            from policy_parse.read import Limits

            read_document(
                build_pdf([Page(texts=[Text(72, 100, TEXT, 12)])] * 2), limits=Limits(max_pages=1)
            )
    finally:
        blocker.set()
        for t in extra:
            t.join()


# --- several workers share the pages (Limits.pdf_workers) -----------------------


def _pid_after(delay: float, value: int) -> tuple[int, int]:
    import os
    import time

    time.sleep(delay)
    return os.getpid(), value


def _fail_if(value: int) -> int:
    if value:
        from policy_parse.errors import CorruptFileError

        raise CorruptFileError(f"call {value} failed")
    return value


def test_calls_run_at_once_in_separate_children_and_answer_in_order() -> None:
    import os
    import time

    from policy_parse.read.pdf.worker import run_bounded_each

    start = time.monotonic()
    # The first call finishes last: order is the calls', not the finish's.
    got = run_bounded_each(
        _pid_after, [(0.6, 0), (0.0, 1), (0.3, 2)], memory_bytes=1 << 30, seconds=10
    )
    elapsed = time.monotonic() - start
    assert [v for _, v in got] == [0, 1, 2]
    pids = {pid for pid, _ in got}
    assert len(pids) == 3 and os.getpid() not in pids
    assert elapsed < 0.6 + 0.5  # together, not 0.9 s one after another


def test_the_first_failing_call_is_the_error_raised() -> None:
    from policy_parse.errors import CorruptFileError
    from policy_parse.read.pdf.worker import run_bounded_each

    with pytest.raises(CorruptFileError, match="call 2 failed"):
        run_bounded_each(_fail_if, [(0,), (2,), (3,)], memory_bytes=1 << 30, seconds=10)


def test_one_clock_for_all_children() -> None:
    from policy_parse.read.pdf.worker import run_bounded_each

    with pytest.raises(InputTooLargeError, match="longer than 0.5 s"):
        run_bounded_each(_pid_after, [(0.0, 0), (30.0, 1)], memory_bytes=1 << 30, seconds=0.5)


def _pages_pdf() -> bytes:
    pages = [
        Page(
            texts=[Text(72, 100 + 40 * k, f"{n}.第{n}页第{k}行的举措内容。", 12) for k in range(3)]
        )
        for n in range(1, 8)
    ]
    return build_pdf(pages)


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_pages_shared_by_two_workers_read_as_one_worker_reads_them(
    engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from policy_parse.emit.json import document_to_dict
    from policy_parse.read import Limits
    from policy_parse.read.pdf import pages

    monkeypatch.setattr(pages, "PAGES_PER_WORKER", 1)  # a short file is split too
    data = _pages_pdf()
    one = read_document(data, limits=Limits(pdf_workers=1), pdf_engine=engine)
    two = read_document(data, limits=Limits(pdf_workers=2), pdf_engine=engine)
    assert document_to_dict(two) == document_to_dict(one)
    assert [b.span.page for b in one.blocks] == sorted(b.span.page for b in one.blocks)


def test_the_caller_works_while_the_children_read() -> None:
    import time

    from policy_parse.read.pdf.worker import run_bounded_each

    seen: list[float] = []
    start = time.monotonic()
    got = run_bounded_each(
        _pid_after,
        [(0.5, 0), (0.5, 1)],
        memory_bytes=1 << 30,
        seconds=10,
        while_waiting=lambda: seen.append(time.monotonic() - start),
    )
    assert [v for _, v in got] == [0, 1]
    # Called once, at once: not after the children answered.
    assert len(seen) == 1 and seen[0] < 0.4


def test_a_failure_while_waiting_still_reaps_the_children() -> None:
    import os

    from policy_parse.read.pdf.worker import run_bounded_each

    def broken() -> None:
        raise KeyError("while waiting")

    with pytest.raises(KeyError):
        run_bounded_each(
            _pid_after, [(0.0, 0)], memory_bytes=1 << 30, seconds=10, while_waiting=broken
        )
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child left behind, not even a zombie


def test_a_threaded_caller_reads_a_pdf_with_one_worker() -> None:
    # Forking is unsafe with threads alive, and a fresh interpreter per
    # worker, one after another, would cost more than it saves.
    from policy_parse.read.pdf.pages import workers_for

    assert workers_for(2) >= 1
    box: list[int] = []
    t = threading.Thread(target=lambda: box.append(workers_for(2)))
    hold = threading.Event()
    other = threading.Thread(target=hold.wait)
    other.start()
    try:
        t.start()
        t.join()
    finally:
        hold.set()
        other.join()
    assert box == [1]


def test_the_pdfs_hash_is_taken_while_waiting_or_after_it() -> None:
    # The hash is taken while the workers read; a threaded caller's workers
    # fill no wait, and the hash is taken after.
    import hashlib

    want = hashlib.sha256(PDF).hexdigest()
    assert read_document(PDF).source.sha256 == want
    with ThreadPoolExecutor(2) as ex:
        got = list(ex.map(lambda d: read_document(d).source.sha256, [PDF, PDF]))
    assert got == [want, want]


def test_the_caller_lets_go_of_the_pdf_once_forked_workers_read_it_and_it_is_hashed() -> None:
    # Forked workers read their own copy: once the caller has hashed the
    # bytes, nothing of the reader holds them (a long file is not kept for
    # the whole parse).  Workers deferred to run one after another (a
    # threaded caller) need them later: kept, and hashed after.
    import hashlib

    from policy_parse.read import read_started_pdf
    from policy_parse.read.limits import Limits
    from policy_parse.read.pdf.reader import start_pdf

    want = hashlib.sha256(PDF).hexdigest()
    data = bytes(bytearray(PDF))  # an object of this test's own
    alone = sys.getrefcount(data)
    started = start_pdf(data, "notice.pdf", Limits())
    assert sys.getrefcount(data) > alone
    seen: list[int] = []
    doc = read_started_pdf(started, while_waiting=lambda: seen.append(sys.getrefcount(data)))
    assert seen == [alone] and sys.getrefcount(data) == alone  # let go before the wait
    assert doc.source.sha256 == want
    assert doc.blocks == read_document(PDF).blocks

    def threaded() -> tuple[str, bytes]:
        late = start_pdf(data, "notice.pdf", Limits())
        return read_started_pdf(late).source.sha256, late.data

    with ThreadPoolExecutor(1) as ex:
        assert ex.submit(threaded).result() == (want, data)


# --- streamed answers: pages reach the caller while the workers read ----------


def _pages_after_nod(signal_file: str, count: int):  # type: ignore[no-untyped-def]
    """In the child: yield page 1, wait until the caller has seen it (it
    creates `signal_file`), then the rest; return the count."""
    import os
    import time

    yield 1
    deadline = time.monotonic() + 20
    while not os.path.exists(signal_file):
        if time.monotonic() > deadline:
            raise RuntimeError("the caller never saw page 1")
        time.sleep(0.01)
    yield from range(2, count + 1)
    return count


def test_a_workers_pages_reach_the_caller_while_it_still_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from policy_parse.read.pdf import child
    from policy_parse.read.pdf.worker import run_bounded_each

    monkeypatch.setattr(child, "BATCH_BYTES", 1)  # every page its own write
    nod = tmp_path / "seen"
    got: list[tuple[int, int]] = []

    def on_part(k: int, page: int) -> None:
        got.append((k, page))
        nod.touch()

    # Unless page 1 arrives before the worker ends, the worker waits for
    # the nod it can never get and fails.
    answers = run_bounded_each(
        _pages_after_nod,
        [(str(nod), 5)],
        memory_bytes=1 << 30,
        seconds=60,
        on_part=on_part,
    )
    assert answers == [5]
    assert got == [(0, 1), (0, 2), (0, 3), (0, 4), (0, 5)]


def _count_to(n: int):  # type: ignore[no-untyped-def]
    yield from range(1, n + 1)
    return n


def test_a_threaded_callers_fresh_interpreter_streams_its_items_too() -> None:
    got: list[int] = []
    hold = threading.Event()
    other = threading.Thread(target=hold.wait)
    other.start()  # another thread alive: the child is a fresh interpreter
    try:
        result = run_bounded(_count_to, 300, memory_bytes=1 << 30, seconds=60, on_part=got.append)
    finally:
        hold.set()
        other.join()
    assert result == 300 and got == list(range(1, 301))


def test_a_caller_failing_on_a_page_kills_and_reaps_the_workers() -> None:
    import os

    from policy_parse.read.pdf.worker import run_bounded_each

    def on_part(k: int, page: int) -> None:
        raise KeyError(f"worker {k}, page {page}")

    with pytest.raises(KeyError):
        run_bounded_each(
            _count_to, [(10**9,), (10**9,)], memory_bytes=1 << 30, seconds=60, on_part=on_part
        )
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child left behind, not even a zombie


def test_pages_are_handed_on_in_page_order_as_soon_as_those_before_are_in() -> None:
    from policy_parse.read.layout.tables import Layout
    from policy_parse.read.pdf.pages import _PageOrder

    def page(n: int) -> Layout:
        return Layout(n, 595.0, 842.0, [], [], [], [], False)

    seen: list[int] = []
    order = _PageOrder(lambda lay: seen.append(lay.page))
    # Worker 1 (even pages) runs ahead of worker 0 (odd pages).
    for k, n in [(1, 2), (1, 4), (0, 1), (1, 6), (0, 3), (0, 5)]:
        order.add(k, (page(n), []))
        if n == 1:
            assert seen == [1, 2]  # page 4 waits for page 3
    assert seen == [1, 2, 3, 4, 5, 6]
    order.add(0, (page(9), [(9, ["damaged"])]))  # page 7 and 8 never come
    order.add(1, (page(8), []))
    assert seen == [1, 2, 3, 4, 5, 6]
    order.flush()
    assert seen == [1, 2, 3, 4, 5, 6, 8, 9]
    assert order.damage == [(9, ["damaged"])]


def test_a_page_folded_into_the_document_is_not_kept() -> None:
    import sys

    from policy_parse.read.pdf.pages import read_layouts
    from policy_parse.read.pdf.reader import PageFold

    _, layouts, _ = read_layouts(_pages_pdf(), "x.pdf", 100, None, "pdfium")
    fold = PageFold()
    for lay in layouts:
        before = sys.getrefcount(lay)
        fold.add(lay)
        assert sys.getrefcount(lay) == before


# --- started now, waited for later (the CLI's early start) ---------------------


def test_children_started_now_answer_when_finished_later() -> None:
    import time

    from policy_parse.read.pdf.worker import finish_each, start_each

    children = start_each(_pid_after, [(0.3, 0), (0.0, 1)], memory_bytes=1 << 30, seconds=10)
    time.sleep(0.4)  # the caller's own work: the children run meanwhile
    start = time.monotonic()
    got = finish_each(children)
    assert [v for _, v in got] == [0, 1]
    assert time.monotonic() - start < 0.25  # done already, not started by finish_each
    with pytest.raises(RuntimeError, match="already waited for"):
        finish_each(children)


def test_cancelled_children_are_killed_and_reaped() -> None:
    import os
    import time

    from policy_parse.read.pdf.worker import finish_each, start_each

    children = start_each(_pid_after, [(30.0, 0), (30.0, 1)], memory_bytes=1 << 30, seconds=60)
    start = time.monotonic()
    children.cancel()
    assert time.monotonic() - start < 5
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # none left, not even a zombie
    children.cancel()  # twice is harmless
    with pytest.raises(RuntimeError):
        finish_each(children)


def test_children_whose_handle_was_lost_are_killed_and_reaped_on_the_way_out() -> None:
    # An interrupt landing after start_each returned and before finish_each
    # took the children drops the handle; the process's way out
    # (interrupts: a batch worker's serve, serially) stops them all.
    import os
    import time

    from policy_parse.read.pdf.worker import start_each, stop_children

    start_each(_pid_after, [(30.0, 0), (30.0, 1)], memory_bytes=1 << 30, seconds=60)
    start = time.monotonic()
    stop_children()
    assert time.monotonic() - start < 5
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # none left, not even a zombie
    stop_children()  # nothing left: a no-op


def test_children_waited_for_are_not_stopped_again() -> None:
    from policy_parse.read.pdf import worker

    got = worker.finish_each(
        worker.start_each(_pid_after, [(0.0, 7)], memory_bytes=1 << 30, seconds=10)
    )
    assert [v for _, v in got] == [7]
    assert not worker._LIVE  # reaped by finish_each: stop_children has nothing to kill


def test_the_cli_budget_for_an_early_start_is_the_default_limits() -> None:
    # The CLI starts a PDF's workers before attrs is imported, with these
    # numbers; the normal path would use Limits() — they must not differ.
    from policy_parse.read import Limits, limit_defaults

    limits = Limits()
    assert (
        limits.max_input_bytes,
        limits.pdf_memory_bytes,
        limits.pdf_seconds,
        limits.pdf_workers,
        limits.max_pages,
    ) == (
        limit_defaults.MAX_INPUT_BYTES,
        limit_defaults.PDF_MEMORY_BYTES,
        limit_defaults.PDF_SECONDS,
        limit_defaults.PDF_WORKERS,
        limit_defaults.MAX_PAGES,
    )


# --- a caller killed outright leaves no page worker (issue 23) ------------------------

_CALLER = """
import sys, threading, time
from policy_parse.read.pdf.worker import run_bounded, start_each
if sys.argv[1] == "spawned":  # another thread alive: a fresh interpreter, not a fork
    threading.Thread(target=time.sleep, args=(600,), daemon=True).start()
    run_bounded(time.sleep, 600, memory_bytes=1 << 30, seconds=600)
else:
    start_each(time.sleep, [(600,), (600,)], memory_bytes=1 << 30, seconds=600)
    time.sleep(600)
"""


def _alive(session: int) -> list[str]:
    """Processes of `session` not yet dead (zombies, which run nothing, left out)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        state, _ppid, _pgrp, sid = stat[stat.rindex(")") + 2 :].split()[:4]
        if int(sid) == session and state != "Z":
            found.append(f"{entry.name} {state}")
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
@pytest.mark.parametrize("how", ["forked", "spawned"])
def test_a_caller_killed_outright_leaves_no_page_worker_running(how: str) -> None:
    import os
    import signal
    import time

    caller = subprocess.Popen([sys.executable, "-c", _CALLER, how], start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while len(_alive(caller.pid)) < (3 if how == "forked" else 2):
            assert time.monotonic() < deadline, "the page workers never started"
            time.sleep(0.05)
        time.sleep(0.5)  # the spawned one past its start-up, asleep in its job
        caller.kill()
        caller.wait()
        deadline = time.monotonic() + 10
        while _alive(caller.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _alive(caller.pid) == []
    finally:
        if _alive(caller.pid):  # a failed run: leave nothing behind all the same
            os.killpg(caller.pid, signal.SIGKILL)


# --- the collector across the fork ------------------------------------------------


def _frozen_here() -> int:
    import gc

    return gc.get_freeze_count()


def test_a_forked_child_leaves_the_callers_objects_to_the_collector_and_the_caller_keeps_them() -> (
    None
):
    import gc

    from policy_parse.read.pdf.worker import forkable

    if not forkable():
        pytest.skip("this process cannot fork its workers")
    assert gc.get_freeze_count() == 0
    frozen_in_child = run_bounded(_frozen_here, memory_bytes=1 << 30, seconds=10)
    assert frozen_in_child > 0  # what it inherited, left out of its collections
    assert gc.get_freeze_count() == 0  # the caller's own generations, as they were


def test_a_caller_that_froze_its_objects_finds_them_frozen_still() -> None:
    import gc

    gc.freeze()
    try:
        before = gc.get_freeze_count()
        run_bounded(_frozen_here, memory_bytes=1 << 30, seconds=10)
        assert gc.get_freeze_count() == before
    finally:
        gc.unfreeze()


def _young_threshold_here() -> int:
    import gc

    return gc.get_threshold()[0]


def test_a_forked_child_collects_its_young_objects_rarely_and_the_caller_as_before() -> None:
    import gc

    from policy_parse._support.gc_pause import YOUNG_OBJECTS
    from policy_parse.read.pdf.worker import forkable

    if not forkable():
        pytest.skip("this process cannot fork its workers")
    before = gc.get_threshold()
    assert run_bounded(_young_threshold_here, memory_bytes=1 << 30, seconds=10) == YOUNG_OBJECTS
    assert gc.get_threshold() == before


# --- the allocator in a worker ----------------------------------------------------

_BLOCK = 300 * 1024  # above glibc's default mmap threshold (128 KiB)
_BLOCKS = 8

# In a process: malloc and free _BLOCKS blocks of _BLOCK bytes (a page's
# buffers), then print how many bytes the allocator still holds free for
# the next page (glibc's mallinfo2: fordblks).
_HELD_AFTER_FREE = f"""
import ctypes
libc = ctypes.CDLL(None)
libc.malloc.restype = ctypes.c_void_p
class Info(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                 "fsmblks", "uordblks", "fordblks", "keepcost")]
libc.mallinfo2.restype = Info
def held():
    blocks = [libc.malloc({_BLOCK}) for _ in range({_BLOCKS})]
    for b in blocks:
        ctypes.memset(b, 1, {_BLOCK})
    for b in reversed(blocks):
        libc.free(ctypes.c_void_p(b))
    return libc.mallinfo2().fordblks
"""


def _held_after_free() -> int:
    scope: dict[str, Any] = {}
    exec(_HELD_AFTER_FREE, scope)  # noqa: S102 - this test's own code
    return int(scope["held"]())


def _glibc_mallinfo2() -> bool:
    import ctypes

    try:
        return hasattr(ctypes.CDLL(None), "mallinfo2")
    except OSError:
        return False


@pytest.mark.skipif(not _glibc_mallinfo2(), reason="glibc's mallinfo2 (2.33+) only")
def test_a_forked_worker_keeps_what_a_page_freed_for_the_next_page() -> None:
    from policy_parse.read.pdf.worker import forkable

    if not forkable():
        pytest.skip("this process cannot fork its workers")
    held = run_bounded(_held_after_free, memory_bytes=1 << 30, seconds=10)
    assert held >= _BLOCKS * _BLOCK
    # A process left at glibc's defaults maps such blocks apart and unmaps
    # them on free (or trims the heap): nothing is held for the next page.
    fresh = subprocess.check_output(
        [sys.executable, "-c", _HELD_AFTER_FREE + "print(held())"], text=True
    )
    assert int(fresh) < _BLOCKS * _BLOCK


def test_the_allocator_is_left_alone_where_there_is_no_mallopt() -> None:
    from policy_parse.read.pdf.child import keep_freed_memory

    class NoMallopt:  # macOS's C library has none
        pass

    assert keep_freed_memory(NoMallopt()) is False


def test_the_allocator_is_told_to_keep_the_heap_and_map_only_large_blocks() -> None:
    from policy_parse.read.pdf.child import keep_freed_memory

    calls: list[tuple[int, int]] = []

    class Libc:
        def mallopt(self, param: int, value: int) -> int:
            calls.append((param, value))
            return 1

    assert keep_freed_memory(Libc()) is True
    settings = dict(calls)
    assert settings[-1] >= 64 << 20  # M_TRIM_THRESHOLD: the heap's top is kept
    assert settings[-3] > _BLOCK  # M_MMAP_THRESHOLD: a page's buffers come from the heap

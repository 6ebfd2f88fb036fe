"""The frames a bounded child answers in (read/pdf/wire.py) and how the
child batches them (read/pdf/child.py): cut anywhere, they decode to the
same items; a stream cut short is the child's death, not a result."""

from __future__ import annotations

import pickle

import pytest

from policy_parse.errors import CorruptFileError, InputTooLargeError
from policy_parse.read.pdf import child
from policy_parse.read.pdf.wire import LAST, PART, Frames, answer, frame


def _stream(items: list[object], result: object) -> bytes:
    return b"".join(frame(PART, pickle.dumps(i)) for i in items) + frame(
        LAST, pickle.dumps(("ok", result, ""))
    )


@pytest.mark.parametrize("step", [1, 3, 7, 1 << 20])
def test_a_stream_cut_into_any_chunks_gives_the_same_items(step: int) -> None:
    items = [{"page": n, "text": "第" + str(n) + "页" * n} for n in range(1, 12)]
    data = _stream(items, 11)
    got: list[object] = []
    frames = Frames(got.append)
    for at in range(0, len(data), step):
        frames.feed(data[at : at + step])
    assert got == items
    assert answer(frames.message(), 0, memory_bytes=1 << 20, seconds=1, what="x") == 11


def test_an_item_is_handed_on_as_soon_as_its_frame_is_complete() -> None:
    got: list[object] = []
    frames = Frames(got.append)
    one = frame(PART, pickle.dumps("page 1"))
    frames.feed(one[:-1])
    assert got == []
    frames.feed(one[-1:] + frame(PART, pickle.dumps("page 2"))[:5])
    assert got == ["page 1"]


def test_a_stream_cut_before_its_last_frame_is_a_dead_child() -> None:
    data = _stream(["page 1", "page 2"], 2)
    frames = Frames(None)
    frames.feed(data[:-3])  # the child died while writing its answer
    with pytest.raises(InputTooLargeError, match="SIGKILL"):
        answer(frames.message(), -9, memory_bytes=1 << 20, seconds=1, what="x")
    with pytest.raises(CorruptFileError, match="SIGSEGV"):
        answer(frames.message(), -11, memory_bytes=1 << 20, seconds=1, what="x")


def test_the_child_writes_in_batches_of_about_batch_bytes() -> None:
    items = [f"{n}:" + "字" * 5000 for n in range(200)]  # ~10 KB pickled each

    def pages():  # type: ignore[no-untyped-def]
        yield from items
        return "done"

    writes: list[bytes] = []
    child.run(pages, (), writes.append)
    assert all(len(w) >= child.BATCH_BYTES for w in writes[:-2])
    assert 4 <= len(writes) < len(items) // 10  # batches, not one per item, not one in all
    got: list[object] = []
    frames = Frames(got.append)
    for w in writes:
        frames.feed(w)
    assert got == items
    assert answer(frames.message(), 0, memory_bytes=1 << 20, seconds=1, what="x") == "done"


def test_an_error_after_some_items_is_the_answer() -> None:
    def pages():  # type: ignore[no-untyped-def]
        yield "page 1"
        raise CorruptFileError("page 2 is damaged")

    writes: list[bytes] = []
    child.run(pages, (), writes.append)
    got: list[object] = []
    frames = Frames(got.append)
    frames.feed(b"".join(writes))
    assert got == ["page 1"]
    with pytest.raises(CorruptFileError, match="page 2 is damaged"):
        answer(frames.message(), 0, memory_bytes=1 << 20, seconds=1, what="x")


def test_the_page_workers_modules_import_no_pickle_py_traceback_or_signal() -> None:
    # The caller imports them before it forks and needs none of these modules:
    # the frames use `_pickle`'s C functions and `_signal`'s numbers, a failure
    # imports `traceback`.
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import policy_parse.read.pdf.pages, policy_parse.read.pdf.pdfium\n"
        "print([m for m in ('pickle', 'traceback', 'textwrap', 'signal') if m in sys.modules])"
    )
    out = subprocess.check_output([sys.executable, "-c", code], text=True).strip()
    assert out == "[]"


def test_a_childs_failure_still_reaches_the_caller_with_its_traceback() -> None:
    def fail() -> None:
        raise KeyError("no such page")

    sent: list[bytes] = []
    child.run(fail, (), sent.append)
    frames = Frames(None)
    frames.feed(b"".join(sent))
    with pytest.raises(RuntimeError, match="KeyError") as caught:
        answer(frames.message(), 0, memory_bytes=1 << 20, seconds=1, what="x")
    assert "raise KeyError" in str(caught.value.__cause__)

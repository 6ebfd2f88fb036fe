"""_support/deadline.py: one clock over a whole parse, whatever the format."""

from __future__ import annotations

import signal
import threading
import time

import pytest

import policy_parse
from golden import SAMPLES
from policy_parse._support.deadline import deadline
from policy_parse.errors import DocumentTimeoutError, InputTooLargeError

pytestmark = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="SIGALRM")


class Late(Exception):
    pass


def _spin(seconds: float) -> int:
    """Python work that swallows every Exception, as a careless reader might."""
    end, n = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        try:
            n += 1
        except Exception:  # noqa: BLE001, S110 - the point: this must not stop the clock
            pass
    return n


def test_work_past_the_time_is_stopped_with_the_callers_error() -> None:
    with pytest.raises(Late), deadline(0.05, Late):
        _spin(10)  # never ends on its own within the test: raising is stopping


def test_work_in_time_leaves_no_alarm_and_the_old_handler() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with deadline(5, Late):
        _spin(0.01)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before


def test_someone_elses_alarm_is_left_alone() -> None:
    fired: list[int] = []
    before = signal.signal(signal.SIGALRM, lambda n, _f: fired.append(n))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.1)
        with deadline(0.01, Late):
            _spin(0.15)  # not stopped at 0.01 s: the clock is not ours to move
        assert fired == [signal.SIGALRM]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)


def test_outside_the_main_thread_there_is_no_clock() -> None:
    result: list[object] = []

    def work() -> None:
        try:
            with deadline(0.01, Late):
                result.append(_spin(0.1))
        except Late as exc:  # pragma: no cover - the failure this test is for
            result.append(exc)

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert len(result) == 1 and isinstance(result[0], int)


def test_parse_and_parse_text_obey_the_document_time() -> None:
    limits = policy_parse.Limits(document_seconds=0.001)
    for call in (
        lambda: policy_parse.parse(SAMPLES / "notice.docx", limits=limits),
        lambda: policy_parse.parse_text((SAMPLES / "notice.txt").read_text("utf-8"), limits=limits),
    ):
        with pytest.raises(DocumentTimeoutError) as info:
            call()
        assert isinstance(info.value, InputTooLargeError)  # a limit, exit 2
        assert "0.001 s" in str(info.value)
    assert policy_parse.parse(
        SAMPLES / "notice.docx", limits=policy_parse.Limits(document_seconds=60)
    )

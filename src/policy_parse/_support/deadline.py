"""A wall clock over one document's parse, whatever its format (--timeout).

The PDF reader and LibreOffice run in child processes the caller kills at
their own limits; text, Word, HTML, XLSX and OFD are read in this process,
and so are segmenting and reconciling.  `deadline` bounds all of it with
SIGALRM: when the time is up, the handler raises `_OutOfTime`, a
BaseException (so no `except Exception` on the way swallows it) that
unwinds the parse — every `finally` runs, page workers and LibreOffice are
killed — and leaves the block as the caller's own error.

Limits of the method, said where it is documented (docs/batch.md): only in
the main thread (the one that gets signals; elsewhere the parse is not
bounded by it), never over an alarm someone else set, and a single call
into C (lxml parsing one XML part) finishes before the handler runs —
within the size limits, which bound such calls.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator

__all__ = ["deadline"]


class _OutOfTime(BaseException):
    """Raised by the alarm inside the block; never leaves it."""


@contextlib.contextmanager
def deadline(seconds: float | None, error: Callable[[], BaseException]) -> Iterator[None]:
    """Within the block, at most `seconds` of wall time; past it, `error()`
    is raised from where the block was.  No-op for None, outside the main
    thread, or where the process has no SIGALRM."""
    if (
        seconds is None
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
        or signal.getitimer(signal.ITIMER_REAL)[0] > 0  # someone else's alarm
    ):
        yield
        return

    def out_of_time(signum: int, frame: object) -> None:
        raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, out_of_time)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _OutOfTime:
        raise error() from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

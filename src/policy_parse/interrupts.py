"""Ctrl-C in a batch (issue 23): the command line's worker processes, and
the moments a signal must wait for.

During a batch, SIGINT (and SIGTERM) in the command line's process only
sets a flag (`Stop`): no KeyboardInterrupt lands at a random point of the
parent.  The flag wakes the loop handing out files, which then hands out
no more.  A batch gives each worker one file at a time, so there is no
queue of submitted work to drain; every worker is sent SIGTERM, which a
worker turns into `Interrupted`, an exception that unwinds the running
parse (its PDF page workers killed and reaped, LibreOffice's process group
killed, a half-written output's temporary file removed), and the parent
waits for each to exit (`GRACE_SECONDS`, then SIGKILL).  A file whose output
was renamed into place is recorded before a signal can land (`held`), so
summary.csv and the output folder always agree.  With one job the files
are parsed in the command line's own process, and the flag's handler
raises KeyboardInterrupt while (and only while) a file is being parsed.

Workers ignore SIGINT (a terminal's Ctrl-C reaches the whole foreground
process group; the parent alone decides) and are started with SIGINT
blocked, so one that arrives while a worker's interpreter starts up is
discarded instead of printing a KeyboardInterrupt traceback.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Self

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from types import FrameType

__all__ = ["Interrupted", "Stop", "WorkerPool", "held", "serially", "serve"]

GRACE_SECONDS = 30.0
"""How long interrupted workers get to unwind before they are killed."""

Row = Any
Task = tuple[Any, ...]
"""A worker's arguments: `batch.process_one`'s (source, target, format, lang,
fail_on, options) or `batch.part_one`'s (source, lang, fail_on, options)."""
WORKERS = ("process_one", "part_one")
"""The functions of batch.py a worker may run, each taking `deliver`."""


class Interrupted(BaseException):
    """SIGTERM in a batch worker: stop the file being parsed, clean up, exit.
    A BaseException, so no `except Exception` on the way swallows it."""


def _on_term(signum: int, frame: FrameType | None) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # once: let the unwinding run
    raise Interrupted


def _unraisable(hook: Any) -> Any:
    """A `sys.unraisablehook` for a worker: an `Interrupted` raised while a
    `__del__` ran (a garbage collection inside a library) is swallowed by
    Python, and the file would be parsed to its end; raise it again soon
    after, from a timer, outside the `__del__`."""

    def unraisable(info: Any) -> None:
        if isinstance(info.exc_value, Interrupted):
            signal.signal(signal.SIGALRM, _on_term)
            signal.setitimer(signal.ITIMER_REAL, 0.01)
            return
        hook(info)

    return unraisable


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def held() -> Iterator[None]:
    """Within the block, a SIGINT or SIGTERM that this process handles in
    Python waits: its handler runs when the block ends.  For steps that must
    happen together (an output renamed into place and its row recorded).
    A no-op outside the main thread, which receives no signals."""
    if not _main_thread():
        yield
        return
    got: list[int] = []
    saved = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        handler = signal.getsignal(signum)
        if callable(handler):
            saved[signum] = signal.signal(signum, lambda n, _f: got.append(n))
    try:
        yield
    finally:
        for signum, handler in saved.items():
            signal.signal(signum, handler)
        if got:
            signal.raise_signal(got[0])


class Stop:
    """While a batch runs (`with Stop() as stop:`): SIGINT and SIGTERM set
    `stop.signal` and wake whoever waits on `stop.fd`; while `stop.parsing`
    is true, the first one also raises KeyboardInterrupt (a file parsed in
    this process is abandoned).  Outside the main thread: a flag nobody
    sets."""

    def __init__(self) -> None:
        self.signal: int | None = None
        self.parsing = False
        self._saved: dict[int, Any] = {}
        self._hook: Any = None
        self.fd, self._wake = os.pipe()
        os.set_blocking(self._wake, False)

    def __enter__(self) -> Self:
        if _main_thread():
            import sys

            for signum in (signal.SIGINT, signal.SIGTERM):
                self._saved[signum] = signal.signal(signum, self._handle)
            self._hook = sys.unraisablehook
            sys.unraisablehook = self._unraisable
            if hasattr(signal, "SIGALRM"):
                self._saved[signal.SIGALRM] = signal.getsignal(signal.SIGALRM)
        return self

    def __exit__(self, *exc: object) -> None:
        import sys

        if hasattr(signal, "SIGALRM") and signal.SIGALRM in self._saved:
            signal.setitimer(signal.ITIMER_REAL, 0)
        for signum, handler in self._saved.items():
            signal.signal(signum, handler)
        if self._saved:
            sys.unraisablehook = self._hook
        os.close(self.fd)
        os.close(self._wake)

    def _unraisable(self, info: Any) -> None:
        """A KeyboardInterrupt raised while a `__del__` ran is swallowed by
        Python: raise it again from a timer, outside the `__del__`."""
        if isinstance(info.exc_value, KeyboardInterrupt):
            self.parsing = True
            signal.signal(signal.SIGALRM, self._handle)
            signal.setitimer(signal.ITIMER_REAL, 0.01)
            return
        self._hook(info)

    @property
    def requested(self) -> bool:
        return self.signal is not None

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.signal is None and signum != signal.SIGALRM:
            self.signal = signum
        with contextlib.suppress(OSError):
            os.write(self._wake, b"\0")
        if self.parsing:
            self.parsing = False
            raise KeyboardInterrupt


Deliver = Callable[[Row], None]


def _worker(name: str) -> Callable[..., Any]:
    from . import batch

    if name not in WORKERS:
        raise ValueError(f"no batch worker {name!r}")
    fn: Callable[..., Any] = getattr(batch, name)
    return fn


def serially(
    tasks: list[Task], done: dict[int, Row], stop: Stop, worker: str = "process_one"
) -> Iterator[int]:
    """Each task in this process, its row put in `done` (yields its index
    for a progress bar); stops at Ctrl-C, abandoning the file in hand."""
    run = _worker(worker)
    try:
        for k, task in enumerate(tasks):
            if stop.requested:
                return
            stop.parsing = True
            run(*task, deliver=functools.partial(done.__setitem__, k))
            stop.parsing = False
            yield k
    except KeyboardInterrupt:
        return
    finally:
        stop.parsing = False
        _stop_page_workers()


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    """SIGINT blocked in this thread, so that a child started meanwhile
    inherits the mask (held at the Python level as well)."""
    mask = getattr(signal, "pthread_sigmask", None)
    with held():
        if mask is None:  # pragma: no cover - Windows
            yield
            return
        mask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            yield
        finally:
            mask(signal.SIG_UNBLOCK, {signal.SIGINT})


def serve(fd: int, worker: str = "process_one") -> None:
    """A worker (`python -c`, started by `WorkerPool`): files from the
    connection on `fd` one at a time, each result sent back by the batch
    function `worker` itself (inside `held`), until told to stop."""
    import sys

    sys.unraisablehook = _unraisable(sys.unraisablehook)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _on_term)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # pending: discarded
    from multiprocessing.connection import Connection

    conn = Connection(fd)
    try:
        run = _worker(worker)
        while True:
            task: Task | None = conn.recv()
            if task is None:
                break
            run(*task, deliver=conn.send)
    except (Interrupted, EOFError, OSError):
        pass
    finally:
        _stop_page_workers()


def _stop_page_workers() -> None:
    """Kill and reap the PDF page workers this process forked and lost its
    handle on: an interrupt that lands between their fork and the wait for
    them (read.pdf.worker.stop_children).  Orphaned, each would be left to
    an init that may not reap it (a container's), a zombie in the batch's
    session.  Nothing to do where no PDF was read."""
    import sys

    worker = sys.modules.get(f"{__package__}.read.pdf.worker")
    if worker is not None:
        worker.stop_children()


class WorkerPool:
    """`jobs` worker processes running `batch.process_one` (or `worker`, a
    name in WORKERS), one file each at a time.  `run` fills `done` (task index -> row) as files finish; `close`
    stops every worker, whatever state the batch is in.

    Workers are fresh interpreters (safe whatever threads the caller runs)
    started with `subprocess`, not `multiprocessing`, whose spawn start
    leaves a resource-tracker process to outlive the batch."""

    def __init__(
        self, jobs: int, worker: str = "process_one", seconds: float | None = None
    ) -> None:
        """`seconds`: the per-document clock (`Limits.document_seconds`).
        A worker enforces it itself (_support/deadline.py); one still busy
        well past it (stuck in a C call) is killed here, its file a
        `timeout` row (`overdue`)."""
        _worker(worker)  # a name no worker could run fails here, not in each child
        self._jobs = jobs
        self._worker = worker
        self._seconds = seconds
        self._since: dict[int, float] = {}  # worker slot -> when its file was handed out
        self._workers: list[tuple[subprocess.Popen[bytes], Connection]] = []
        self._busy: dict[int, int] = {}  # worker slot -> task index
        self._closed = False

    def _start(self) -> int:
        import socket
        import sys
        from multiprocessing.connection import Connection

        ours, theirs = socket.socketpair()
        # The caller may import policy_parse from a path it added itself.
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
        code = (
            f"from policy_parse.interrupts import serve; serve({theirs.fileno()}, {self._worker!r})"
        )
        try:
            with _sigint_blocked():
                proc = subprocess.Popen(
                    [sys.executable, "-c", code],
                    stdin=subprocess.DEVNULL,
                    pass_fds=(theirs.fileno(),),
                    env=env,
                )
                self._workers.append((proc, Connection(ours.detach())))
        finally:
            theirs.close()
        return len(self._workers) - 1

    def run(self, tasks: list[Task], done: dict[int, Row], stop: Stop) -> Iterator[int]:
        """Hand out the tasks; yield each finished task's index."""
        from multiprocessing.connection import wait

        todo = iter(enumerate(tasks))
        idle = [self._start() for _ in range(min(self._jobs, len(tasks)))]
        while not stop.requested:
            while idle and (nxt := next(todo, None)) is not None:
                slot = idle.pop()
                with held():
                    self._busy[slot] = nxt[0]
                    self._since[slot] = time.monotonic()
                    self._workers[slot][1].send(nxt[1])
            if not self._busy:
                return
            ready = set(
                wait([stop.fd, *(self._workers[s][1] for s in self._busy)], timeout=self._wake())
            )
            for slot in self._overdue(ready):
                with held():
                    index = self._busy.pop(slot)
                    done[index] = _timed_out(tasks[index], self._seconds, self._worker)
                    idle.append(self._replace(slot))
                yield index
            for slot in list(self._busy):
                proc, conn = self._workers[slot]
                if conn not in ready:
                    continue
                with held():
                    index = self._busy.pop(slot)
                    try:
                        done[index] = conn.recv()
                    except (EOFError, OSError):
                        # Died without an answer (killed, out of memory): a
                        # bug's row; the other files go to a new worker.
                        conn.close()
                        done[index] = _died(tasks[index], proc.wait(), self._worker)
                        slot = self._start()
                idle.append(slot)
                yield index

    def _limit(self) -> float | None:
        """How long a file may keep its worker: the clock and a margin for
        the worker's own unwinding."""
        if self._seconds is None:
            return None
        return self._seconds + max(2.0, self._seconds / 2)

    def _wake(self) -> float | None:
        """Seconds until the first busy worker is overdue (None: no clock)."""
        limit = self._limit()
        if limit is None or not self._busy:
            return None
        first = min(self._since[s] for s in self._busy)
        return max(first + limit - time.monotonic(), 0.0)

    def _overdue(self, ready: set[Any]) -> list[int]:
        """Busy workers past the limit with no answer waiting."""
        limit = self._limit()
        if limit is None:
            return []
        now = time.monotonic()
        return [
            s
            for s in list(self._busy)
            if now - self._since[s] > limit and self._workers[s][1] not in ready
        ]

    def _replace(self, slot: int) -> int:
        """Stop and reap the worker in `slot` (SIGTERM lets it unwind and
        remove a half-written output; SIGKILL if it cannot within a second);
        a new one takes its place."""
        proc, conn = self._workers[slot]
        _signal(proc, signal.SIGTERM)
        try:
            proc.wait(timeout=1.0)
        except subprocess.TimeoutExpired:
            _signal(proc, signal.SIGKILL)
            proc.wait()
        conn.close()
        return self._start()

    def close(self, done: dict[int, Row]) -> None:
        """Stop every worker: idle ones are told to, busy ones interrupted;
        wait for each (GRACE_SECONDS, then SIGKILL).  A file that finished
        meanwhile goes into `done`."""
        if self._closed:
            return
        from multiprocessing.connection import wait

        for slot, (proc, conn) in enumerate(self._workers):
            if slot in self._busy:
                _signal(proc, signal.SIGTERM)
            elif not conn.closed:
                with contextlib.suppress(OSError):
                    conn.send(None)
        deadline = time.monotonic() + GRACE_SECONDS
        talking = {slot: conn for slot, (_, conn) in enumerate(self._workers) if not conn.closed}
        while talking and (left := deadline - time.monotonic()) > 0:
            for ready in wait(list(talking.values()), timeout=left):
                slot = next(s for s, c in talking.items() if c is ready)
                try:
                    row = talking[slot].recv()
                except (EOFError, OSError):
                    del talking[slot]  # the worker is gone (or going)
                    continue
                if slot in self._busy:  # finished before SIGTERM could stop it
                    done[self._busy.pop(slot)] = row
        for proc, conn in self._workers:
            try:
                proc.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                _signal(proc, signal.SIGKILL)
                proc.wait()
            conn.close()
        self._closed = True


def _signal(proc: subprocess.Popen[bytes], signum: int) -> None:
    if proc.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(signum)


def _timed_out(task: Task, seconds: float | None, worker: str) -> Row:
    """The result of a task whose worker was killed past the clock."""
    from .batch import unread_row

    lang = task[1] if worker == "part_one" else task[3]
    detail = f"over --timeout {seconds:g} s and still running: its worker was stopped"
    row = unread_row(task[0], "timeout", lang, key="DocumentTimeoutError", detail=detail)
    return (row, None) if worker == "part_one" else row


def _died(task: Task, exitcode: int | None, worker: str = "process_one") -> Row:
    """The result of a task whose worker died: an internal row (with no part,
    for `part_one`)."""
    from .batch import unread_row

    how = f"killed by signal {-exitcode}" if exitcode and exitcode < 0 else f"exit {exitcode}"
    if worker == "part_one":
        return unread_row(task[0], "internal", task[1], key="worker_died", detail=how), None
    return unread_row(task[0], "internal", task[3], key="worker_died", detail=how)

"""Run a PDF parse in a child process with a memory ceiling and a wall clock.

PDF engines inflate streams and walk whatever object graph a file describes,
so a few kilobytes of hostile PDF can ask for gigabytes or spin for minutes;
PDFium aborts the whole process when an allocation fails.  So the parse runs
in a child (docs/pdf.md, "Bounded resources"):

* the child lowers its own RLIMIT_AS to what it already maps plus
  `Limits.pdf_memory_bytes`, so an allocation past the budget raises
  MemoryError inside the child (or kills it) — never the caller;
* the parent waits at most `Limits.pdf_seconds` and then kills it;
* the child answers in frames (`pdf.wire`): the items of a call whose
  function is a generator as they come (a page worker's layouts, in
  batches: `pdf.child`), then the result or the `PolicyParseError` it
  raised, with its traceback as text; the caller hands each item on as it
  arrives (`on_part`), so neither side holds every page's layout at once;
* the child's stderr goes to /dev/null and faulthandler is off in it, so a
  crash inside PDFium never dumps a C-level stack on the user's terminal;
* the child dies with its parent: on Linux the kernel sends it SIGKILL when
  the thread that started it ends (prctl PR_SET_PDEATHSIG), so a caller
  killed outright (SIGKILL, the OOM killer) leaves no page worker parsing
  on; one whose parent died before it could ask exits at once.  Elsewhere
  a child outlives a killed caller by at most the clock (`pdf_seconds`)
  only when it is a fresh interpreter, whose answer pipe then breaks.

How the child starts depends on where the caller runs:

* **fork** (`os.fork`, not `multiprocessing.Process`) when the caller has a
  single thread (`forkable`): a few milliseconds, and it works inside
  daemonic pool workers (`multiprocessing.Pool`, `ProcessPoolExecutor`),
  which may not start `multiprocessing` children;
* **a fresh interpreter** (`python -m policy_parse.read.pdf.child`) when
  other threads may be alive: forking a threaded process can deadlock the
  child on a lock another thread held (Python 3.12+ warns about it).  It
  costs an interpreter start and imports (a few hundred ms) but is safe
  anywhere.  Threads `threading` does not see count too: once onnxruntime
  or OpenCV (the OCR engine's) was imported in this process their native
  thread pools may be alive, so the child is a fresh interpreter from then
  on.  This package never imports them in the caller (OCR runs in these
  children); a caller that does gets fresh interpreters.

Every overrun — MemoryError, a child killed by SIGKILL, the clock — becomes
`InputTooLargeError`; a child that dies of a fault (SIGSEGV, SIGBUS, ...) is
the engine crashing on the file and becomes `CorruptFileError` (`pdf.wire`).
Where neither `fork` nor `resource` exists (Windows) the parse runs
in-process with only the page cap, and says so in a warning.
"""

from __future__ import annotations

import gc
import os
import select
import sys
import threading
import time
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

from ..._support.gc_pause import collect_young_rarely
from .child import c_library, confine, die_with, keep_freed_memory, run, write_all
from .wire import (
    PROTOCOL,
    SIG_BLOCK,
    SIG_SETMASK,
    SIGINT,
    SIGKILL,
    SIGTERM,
    Frames,
    WorkerTraceback,
    answer,
    dumps,
    pthread_sigmask,
)

T = TypeVar("T")

__all__ = [
    "Children",
    "OnPart",
    "WorkerTraceback",
    "finish_each",
    "forkable",
    "run_bounded",
    "run_bounded_each",
    "start_each",
    "stop_children",
]

OnPart = Callable[[int, Any], None]
"""Called in the caller with (the call's index, an item its generator
yielded in the child), as each item arrives (`pdf.child`)."""


def _can_bound() -> bool:
    try:
        import resource  # noqa: F401
    except ImportError:  # pragma: no cover - Windows
        return False
    return hasattr(os, "fork")


# Libraries that run native thread pools of their own, which `threading`
# does not count and which outlive the call that started them (read.ocr).
_NATIVE_THREADS = ("onnxruntime", "cv2")


def forkable() -> bool:
    """Whether a child may be forked from this process: no other Python
    thread alive, and none of `_NATIVE_THREADS` ever imported here (whether
    their pools run now cannot be asked cheaply; that they were imported
    can, exactly).  A child forked from a process holding their threads
    inherits their locks held and hung (an OCR page worker waits out its
    clock)."""
    return threading.active_count() == 1 and not any(
        name in sys.modules for name in _NATIVE_THREADS
    )


_F_SETPIPE_SZ = 1031  # linux/fcntl.h
_PIPE_BYTES = 1 << 20


def _roomy_pipe() -> tuple[int, int]:
    """A pipe that holds a few batches of layouts (1 MiB where Linux allows
    it, 64 KiB by default), so a worker writes on while the caller is busy
    (readying the text stages, folding a page in)."""
    r, w = os.pipe()
    if sys.platform.startswith("linux"):
        import fcntl

        try:
            fcntl.fcntl(w, _F_SETPIPE_SZ, _PIPE_BYTES)
        except OSError:  # pragma: no cover - over /proc/sys/fs/pipe-max-size
            pass
    return r, w


# Children forked here and not yet waited for.  A caller interrupted between
# the fork and the wait (a batch worker's SIGTERM landing after `start_each`
# returned, before `finish_each` took the children) loses its handle on
# them; `stop_children` kills and reaps these before that process exits, so
# no page worker is left a zombie for an init that may not reap it.
_LIVE: set[int] = set()
# Held while forking, so the pid is in _LIVE before a handler can run.
_HELD = {SIGINT, SIGTERM}


def stop_children() -> None:
    """Kill and reap every child forked here and not yet waited for (a no-op
    when none is left)."""
    for pid in list(_LIVE):
        try:
            os.kill(pid, SIGKILL)
        except ProcessLookupError:  # pragma: no cover - exited: still to be reaped
            pass
        _reap(pid)


def _reap(pid: int) -> int:
    """`os.waitpid(pid, 0)`'s status; the child leaves _LIVE."""
    try:
        _, status = os.waitpid(pid, 0)
    finally:
        _LIVE.discard(pid)
    return status


def _fork(fn: Callable[..., Any], args: tuple[Any, ...], memory: int) -> tuple[int, int]:
    """A forked child running `fn(*args)`: (its pid, the pipe it answers on)."""
    r, w = _roomy_pipe()
    parent = os.getpid()
    # The objects the child inherits (every module the caller imported) go
    # to the collector's permanent generation for the fork: the child's
    # collections then walk only what it makes, and write no copy-on-write
    # page of the caller's heap.  The caller gets them back at once; one
    # that froze objects itself is left as it was.
    freeze = gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    held = pthread_sigmask(SIG_BLOCK, _HELD)
    try:
        pid = os.fork()
        if pid:
            _LIVE.add(pid)
    finally:
        if freeze and os.getpid() == parent:
            gc.unfreeze()
        pthread_sigmask(SIG_SETMASK, held)
    if pid == 0:  # pragma: no cover - runs in the child, reported through the pipe
        try:
            libc = c_library()
            die_with(parent, libc)
            os.close(r)
            confine(memory)
            keep_freed_memory(libc)
            collect_young_rarely()
            run(fn, args, lambda data: write_all(w, data))
        finally:
            os._exit(0)
    os.close(w)
    return pid, r


def _collect(
    children: list[tuple[int, int]], deadline: float, on_part: OnPart | None = None
) -> list[tuple[bytes | None, int]]:
    """Each child's (final message | None when `deadline` passes first, exit
    code), reading all pipes at once so no child blocks on a full pipe while
    another is read; the items the children stream go to `on_part` as they
    arrive (its time counts against the deadline)."""
    frames = {
        fd: Frames(None if on_part is None else _part_of(on_part, k))
        for k, (_, fd) in enumerate(children)
    }
    done: set[int] = set()
    open_fds = [fd for _, fd in children]
    finished = False
    try:
        while open_fds:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            ready, _, _ = select.select(open_fds, [], [], left)
            for fd in ready:
                chunk = os.read(fd, 1 << 20)
                if chunk:
                    frames[fd].feed(chunk)
                else:
                    done.add(fd)
                    open_fds.remove(fd)
        finished = True
    finally:
        for pid, fd in children:
            os.close(fd)
            if fd not in done:
                os.kill(pid, SIGKILL)
        if not finished:  # interrupted (Ctrl-C, a failing `on_part`): reap them, leave no zombie
            for pid, _ in children:
                _reap(pid)
    out = []
    for pid, fd in children:
        status = _reap(pid)
        out.append(
            (frames[fd].message() if fd in done else None, os.waitstatus_to_exitcode(status))
        )
    return out


def _part_of(on_part: OnPart, k: int) -> Callable[[Any], None]:
    return lambda item: on_part(k, item)


def _spawned(
    fn: Callable[..., Any],
    args: tuple[Any, ...],
    memory: int,
    seconds: float,
    preload: tuple[str, ...] = (),
    on_part: Callable[[Any], None] | None = None,
) -> tuple[bytes | None, int]:
    """(final message | None on timeout, exit code) from a fresh interpreter
    (safe with other threads alive), which imports the `preload` modules
    before its memory ceiling is set, as a forked child inherits them from
    its parent.  Its items reach `on_part` once it has finished: this path
    is for threaded callers, not for long files."""
    import subprocess  # only threaded callers need it: kept off the import path

    job = dumps(list(sys.path)) + dumps((memory, fn, args, preload), protocol=PROTOCOL)
    # The caller may import policy_parse from a path it added itself (a
    # checkout's src/): the child must find it before reading its job.
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    proc = subprocess.Popen(
        [sys.executable, "-m", f"{__package__}.child", str(os.getpid())],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        data, _ = proc.communicate(job, timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return None, proc.returncode
    frames = Frames(on_part)
    frames.feed(data)
    del data
    return frames.message(), proc.returncode


def _in_process(
    fn: Callable[..., T], args: tuple[Any, ...], on_part: Callable[[Any], None] | None
) -> T:
    """`fn(*args)` here (no fork: Windows), its items to `on_part` as a
    child's would go."""
    import types

    result: Any = fn(*args)
    if not isinstance(result, types.GeneratorType):
        return result  # type: ignore[no-any-return]
    while True:
        try:
            item = next(result)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]
        if on_part is not None:
            on_part(item)


def run_bounded(
    fn: Callable[..., T],
    *args: Any,
    memory_bytes: int,
    seconds: float,
    what: str = "the PDF",
    preload: tuple[str, ...] = (),
    on_part: Callable[[Any], None] | None = None,
) -> T:
    """Call `fn(*args)` in a child within `memory_bytes` and `seconds`.

    `fn` and its result must pickle (the result always crosses a pipe; `fn`
    and `args` do too when the child is a fresh interpreter).  Errors it
    raises that are `PolicyParseError`s come back as themselves, anything
    else as `RuntimeError` (a bug: the reader should have translated it).
    A generator `fn` streams: what it yields goes to `on_part` here as it
    arrives, what it returns is the result (`pdf.child`).
    `preload`: modules (the engine's) a fresh-interpreter child imports
    before its ceiling is set; a forked child has the caller's already, so
    the budget is the parse's alone either way.
    """
    if not _can_bound():  # pragma: no cover - exercised on Windows only
        warnings.warn(
            f"no fork(): parsing {what} in-process without memory or time limits",
            RuntimeWarning,
            stacklevel=3,
        )
        return _in_process(fn, args, on_part)
    if forkable():
        data, code = _collect(
            [_fork(fn, args, memory_bytes)],
            time.monotonic() + seconds,
            None if on_part is None else (lambda _, item: on_part(item)),
        )[0]
    else:
        data, code = _spawned(fn, args, memory_bytes, seconds, preload, on_part)
    result: T = answer(data, code, memory_bytes=memory_bytes, seconds=seconds, what=what)
    return result


class Children:
    """Workers started by `start_each` and not yet waited for; where they
    cannot be forked safely (other threads alive, no fork) the calls still
    to run, one after another, when `finish_each` is called.  Forked
    children keep no call here: their arguments (a PDF's bytes) live on in
    the children, not in the caller."""

    __slots__ = (
        "_calls",
        "_fn",
        "_forked",
        "_spent",
        "deadline",
        "memory_bytes",
        "preload",
        "seconds",
    )

    def __init__(
        self,
        fn: Callable[..., Any],
        calls: list[tuple[Any, ...]],
        forked: list[tuple[int, int]] | None,
        *,
        memory_bytes: int,
        seconds: float,
        preload: tuple[str, ...] = (),
    ) -> None:
        self._fn = fn
        self.preload = preload
        self._calls = calls
        self._forked = forked
        self._spent = False
        self.memory_bytes = memory_bytes
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds

    @property
    def forked(self) -> bool:
        """The calls run in forked children (not deferred)."""
        return self._forked is not None

    def take(self) -> list[tuple[int, int]] | None:
        """The forked children (None: the calls were deferred), once: whoever
        takes them must reap them."""
        if self._spent:
            raise RuntimeError("these workers were already waited for or cancelled")
        self._spent = True
        return self._forked

    def run_deferred(self, what: str, on_part: OnPart | None = None) -> list[Any]:
        return [
            run_bounded(
                self._fn,
                *args,
                memory_bytes=self.memory_bytes,
                seconds=self.seconds,
                what=what,
                preload=self.preload,
                on_part=None if on_part is None else _part_of(on_part, k),
            )
            for k, args in enumerate(self._calls)
        ]

    def cancel(self) -> None:
        """Kill the forked children still running and reap them (a no-op once
        they were waited for)."""
        if self._spent:
            return
        forked = self.take()
        if forked:
            _collect(forked, time.monotonic())


def start_each(
    fn: Callable[..., Any],
    calls: list[tuple[Any, ...]],
    *,
    memory_bytes: int,
    seconds: float,
    preload: tuple[str, ...] = (),
) -> Children:
    """Fork a child running `fn(*args)` for every `args` in `calls`, each
    within `memory_bytes`, all within `seconds` from now; `finish_each`
    waits for them.  Where a child cannot be forked safely the calls are
    kept, to run one after another through `run_bounded` in `finish_each`."""
    if not _can_bound() or not forkable():
        return Children(
            fn, calls, None, memory_bytes=memory_bytes, seconds=seconds, preload=preload
        )
    children = Children(fn, [], [], memory_bytes=memory_bytes, seconds=seconds)
    forked: list[tuple[int, int]] = []
    try:
        for args in calls:
            forked.append(_fork(fn, args, memory_bytes))
    except BaseException:
        _collect(forked, time.monotonic())
        raise
    children._forked = forked
    return children


def finish_each(
    children: Children,
    *,
    what: str = "the PDF",
    while_waiting: Callable[[], None] | None = None,
    on_part: OnPart | None = None,
) -> list[Any]:
    """The results of the calls `children` were started with, in their
    order; when children fail, the first failing call's error is raised.
    `while_waiting` runs in this process first, while the children work
    (their clock runs meanwhile); not when the calls run here one after
    another, where nothing works meanwhile.  `on_part(k, item)` gets the
    items the `k`-th call's generator yields, as they arrive."""
    forked = children.take()
    if forked is None:
        return children.run_deferred(what, on_part)
    try:
        if while_waiting is not None:
            while_waiting()
    except BaseException:
        _collect(forked, time.monotonic())  # nobody waits for them now: kill and reap
        raise
    answers = _collect(forked, children.deadline, on_part)
    return [
        answer(data, code, memory_bytes=children.memory_bytes, seconds=children.seconds, what=what)
        for data, code in answers
    ]


def run_bounded_each(
    fn: Callable[..., T],
    calls: list[tuple[Any, ...]],
    *,
    memory_bytes: int,
    seconds: float,
    what: str = "the PDF",
    while_waiting: Callable[[], None] | None = None,
    on_part: OnPart | None = None,
) -> list[T]:
    """`fn(*args)` for every `args` in `calls`, each in its own forked child
    running at the same time (each within `memory_bytes`, all within
    `seconds`).  The results come in the order of `calls`; when children
    fail, the first failing call's error is raised.  Where a child cannot be
    forked safely (other threads alive, no fork), the calls run one after
    another through `run_bounded`.  `while_waiting` runs in this process
    once the children are started (their clock runs meanwhile); `on_part`
    as for `finish_each`."""
    children = start_each(fn, calls, memory_bytes=memory_bytes, seconds=seconds)
    return finish_each(children, what=what, while_waiting=while_waiting, on_part=on_part)

"""Run a PDF parse in a child process with a memory ceiling and a wall clock.

PDF engines inflate streams and walk whatever object graph a file describes,
so a few kilobytes of hostile PDF can ask for gigabytes or spin for minutes;
PDFium aborts the whole process when an allocation fails.  So the parse runs
in a child (docs/pdf.md, "Bounded resources"):

* the child lowers its own RLIMIT_AS to what it already maps plus
  `Limits.pdf_memory_bytes`, so an allocation past the budget raises
  MemoryError inside the child (or kills it) — never the caller;
* the parent waits at most `Limits.pdf_seconds` and then kills it;
* the child sends back the finished `Document` (frozen attrs records pickle
  cheaply) or the `PolicyParseError` it raised, with its traceback as text;
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
* **a fresh interpreter** (`python -m policy_parse.read.pdf.worker`) when
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
the engine crashing on the file and becomes `CorruptFileError`.  Where neither `fork` nor `resource` exists (Windows)
the parse runs in-process with only the page cap, and says so in a warning.
"""

from __future__ import annotations

import importlib
import os
import pickle
import select
import signal
import sys
import threading
import time
import traceback
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

from ...errors import CorruptFileError, DocumentTimeoutError, InputTooLargeError, PolicyParseError

T = TypeVar("T")

__all__ = [
    "Children",
    "WorkerTraceback",
    "finish_each",
    "forkable",
    "run_bounded",
    "run_bounded_each",
    "start_each",
]

Message = tuple[str, Any, str]


class WorkerTraceback(Exception):
    """The traceback of an error raised in the worker, attached as `__cause__`
    of the error re-raised in the caller (so `--debug` shows where it began)."""


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


def _mapped_bytes() -> int:
    """The child's current virtual size: RLIMIT_AS counts it, so the budget is
    added on top (a parent with big libraries mapped must not start at zero)."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):  # pragma: no cover - not Linux
        return 0


# Signals that mean the engine's native code faulted, not that memory ran out.
# SIGABRT is left out: PDFium aborts when an allocation fails under the ceiling.
_CRASHES = frozenset({signal.SIGSEGV, signal.SIGBUS, signal.SIGILL, signal.SIGFPE})


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _die_with(parent: int) -> None:
    """In the child: be killed when `parent` (the thread that started this
    child) ends; exit now if it already has (this child was reparented)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no prctl here
            pass
    if os.getppid() != parent:
        os._exit(1)


def _confine(memory: int) -> None:
    """In the child: the memory ceiling, no core file, no crash dump."""
    import faulthandler
    import resource

    faulthandler.disable()
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
    except OSError:  # pragma: no cover
        pass
    try:
        limit = _mapped_bytes() + memory
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):  # pragma: no cover - limit not settable here
        pass


def _run(fn: Callable[..., Any], args: tuple[Any, ...]) -> bytes:
    """Call `fn` and pickle what the parent must learn."""
    try:
        result = fn(*args)
        message: Message = ("ok", result, "")
    except MemoryError:
        message = ("memory", None, "")
    except PolicyParseError as exc:
        message = ("error", exc, traceback.format_exc())
    except BaseException:  # noqa: BLE001 - everything must reach the parent
        message = ("error", None, traceback.format_exc())
    try:
        return pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        return pickle.dumps(("memory", None, ""))
    except Exception:  # noqa: BLE001 - e.g. an exception that does not pickle
        return pickle.dumps(("error", None, traceback.format_exc()))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _fork(fn: Callable[..., Any], args: tuple[Any, ...], memory: int) -> tuple[int, int]:
    """A forked child running `fn(*args)`: (its pid, the pipe it answers on)."""
    r, w = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child, reported through the pipe
        try:
            _die_with(parent)
            os.close(r)
            _confine(memory)
            _write_all(w, _run(fn, args))
        finally:
            os._exit(0)
    os.close(w)
    return pid, r


def _collect(children: list[tuple[int, int]], deadline: float) -> list[tuple[bytes | None, int]]:
    """Each child's (message bytes | None when `deadline` passes first, exit
    code), reading all pipes at once so no child blocks on a full pipe while
    another is read."""
    chunks: dict[int, list[bytes]] = {fd: [] for _, fd in children}
    done: dict[int, bytes] = {}
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
                    chunks[fd].append(chunk)
                else:
                    done[fd] = b"".join(chunks[fd])
                    open_fds.remove(fd)
        finished = True
    finally:
        for pid, fd in children:
            os.close(fd)
            if fd not in done:
                os.kill(pid, signal.SIGKILL)
        if not finished:  # interrupted (Ctrl-C in a batch): reap them, leave no zombie
            for pid, _ in children:
                os.waitpid(pid, 0)
    out = []
    for pid, fd in children:
        _, status = os.waitpid(pid, 0)
        out.append((done.get(fd), os.waitstatus_to_exitcode(status)))
    return out


def _forked(fn: Callable[..., Any], args: tuple[Any, ...], memory: int, seconds: float) -> Any:
    """(message bytes | None on timeout, exit code) from a forked child."""
    return _collect([_fork(fn, args, memory)], time.monotonic() + seconds)[0]


def _spawned(
    fn: Callable[..., Any],
    args: tuple[Any, ...],
    memory: int,
    seconds: float,
    preload: tuple[str, ...] = (),
) -> Any:
    """The same from a fresh interpreter (safe with other threads alive),
    which imports the `preload` modules before its memory ceiling is set,
    as a forked child inherits them from its parent."""
    import subprocess  # only threaded callers need it: kept off the import path

    job = pickle.dumps(list(sys.path)) + pickle.dumps(
        (memory, fn, args, preload), protocol=pickle.HIGHEST_PROTOCOL
    )
    # The caller may import policy_parse from a path it added itself (a
    # checkout's src/): the child must find it before reading its job.
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    proc = subprocess.Popen(
        [sys.executable, "-m", "policy_parse.read.pdf.worker", str(os.getpid())],
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
    return data, proc.returncode


def run_bounded(
    fn: Callable[..., T],
    *args: Any,
    memory_bytes: int,
    seconds: float,
    what: str = "the PDF",
    preload: tuple[str, ...] = (),
) -> T:
    """Call `fn(*args)` in a child within `memory_bytes` and `seconds`.

    `fn` and its result must pickle (the result always crosses a pipe; `fn`
    and `args` do too when the child is a fresh interpreter).  Errors it
    raises that are `PolicyParseError`s come back as themselves, anything
    else as `RuntimeError` (a bug: the reader should have translated it).
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
        return fn(*args)
    if forkable():
        data, code = _forked(fn, args, memory_bytes, seconds)
    else:
        data, code = _spawned(fn, args, memory_bytes, seconds, preload)
    result: T = _answer(data, code, memory_bytes=memory_bytes, seconds=seconds, what=what)
    return result


class Children:
    """Workers started by `start_each` and not yet waited for; where they
    cannot be forked safely (other threads alive, no fork) the calls still
    to run, one after another, when `finish_each` is called."""

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

    def take(self) -> list[tuple[int, int]] | None:
        """The forked children (None: the calls were deferred), once: whoever
        takes them must reap them."""
        if self._spent:
            raise RuntimeError("these workers were already waited for or cancelled")
        self._spent = True
        return self._forked

    def run_deferred(self, what: str) -> list[Any]:
        return [
            run_bounded(
                self._fn,
                *args,
                memory_bytes=self.memory_bytes,
                seconds=self.seconds,
                what=what,
                preload=self.preload,
            )
            for args in self._calls
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
    children = Children(fn, calls, [], memory_bytes=memory_bytes, seconds=seconds)
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
    children: Children, *, what: str = "the PDF", while_waiting: Callable[[], None] | None = None
) -> list[Any]:
    """The results of the calls `children` were started with, in their
    order; when children fail, the first failing call's error is raised.
    `while_waiting` runs in this process first, while the children work
    (their clock runs meanwhile); not when the calls run here one after
    another, where nothing works meanwhile."""
    forked = children.take()
    if forked is None:
        return children.run_deferred(what)
    try:
        if while_waiting is not None:
            while_waiting()
    except BaseException:
        _collect(forked, time.monotonic())  # nobody waits for them now: kill and reap
        raise
    answers = _collect(forked, children.deadline)
    return [
        _answer(data, code, memory_bytes=children.memory_bytes, seconds=children.seconds, what=what)
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
) -> list[T]:
    """`fn(*args)` for every `args` in `calls`, each in its own forked child
    running at the same time (each within `memory_bytes`, all within
    `seconds`).  The results come in the order of `calls`; when children
    fail, the first failing call's error is raised.  Where a child cannot be
    forked safely (other threads alive, no fork), the calls run one after
    another through `run_bounded`.  `while_waiting` runs in this process
    once the children are started (their clock runs meanwhile)."""
    children = start_each(fn, calls, memory_bytes=memory_bytes, seconds=seconds)
    return finish_each(children, what=what, while_waiting=while_waiting)


def _answer(data: bytes | None, code: int, *, memory_bytes: int, seconds: float, what: str) -> Any:
    """What a child's message means for the caller: its result, or the
    error to raise."""
    if data is None:
        raise DocumentTimeoutError(
            f"{what} took longer than {seconds:g} s to parse (Limits.pdf_seconds); "
            "it may be hostile, or raise the limit if it is genuine"
        )
    try:
        kind, payload, tb = pickle.loads(data)
    except Exception:  # noqa: BLE001 - nothing, or a message cut off by a crash
        how = (
            f"killed by {signal.Signals(-code).name}"
            if code is not None and code < 0
            else f"exit status {code}"
        )
        if code is not None and -code in _CRASHES:
            # A fault in the engine's C code is no memory overrun: the
            # budget shows as MemoryError or SIGKILL, never as SIGSEGV.
            raise CorruptFileError(
                f"the PDF engine crashed on {what} ({how}): the file is probably damaged "
                "or crafted; try the other engine (--pdf-engine)"
            ) from None
        raise InputTooLargeError(
            f"parsing {what} ended abnormally ({how}), most likely by running out of the "
            f"{memory_bytes // (1024 * 1024)} MiB memory budget (Limits.pdf_memory_bytes)"
        ) from None
    if kind == "ok":
        return payload
    if kind == "memory":
        raise InputTooLargeError(
            f"{what} needs more than the {memory_bytes // (1024 * 1024)} MiB memory budget "
            "(Limits.pdf_memory_bytes): a decompression bomb, or raise the limit if it is genuine"
        )
    cause = WorkerTraceback(tb.rstrip())
    if isinstance(payload, PolicyParseError):
        raise payload from cause
    last = tb.strip().splitlines()[-1] if tb.strip() else "unknown error"
    raise RuntimeError(f"internal error while parsing {what}: {last}") from cause


def _main() -> None:  # pragma: no cover - runs in the spawned child
    """Entry of a fresh-interpreter worker: the parent's sys.path, then the
    job, pickled on stdin; the pickled message on stdout.  The path comes
    first because unpickling `fn` imports its module."""
    if len(sys.argv) > 1:
        _die_with(int(sys.argv[1]))
    stdin = sys.stdin.buffer
    for entry in reversed(pickle.load(stdin)):
        if entry not in sys.path:
            sys.path.insert(0, entry)
    memory, fn, args, preload = pickle.load(stdin)
    for module in preload:
        importlib.import_module(module)
    _confine(memory)
    out = sys.stdout.buffer
    out.write(_run(fn, args))
    out.flush()


if __name__ == "__main__":  # pragma: no cover
    _main()

"""The bounded child's side (`pdf.worker` starts it; docs/pdf.md, "Bounded
resources"): confine itself, run the call, and answer in frames
(`pdf.wire`).

A call whose function is a generator streams: each item it yields is
pickled and sent as a `PART` frame, in writes of about `BATCH_BYTES`, so a
page worker sends its layouts as it reads instead of keeping every page
for one message at the end; the generator's return value is the result in
the `LAST` frame.  Any other function's result travels in the `LAST` frame
alone, as before.

Run as `python -m policy_parse.read.pdf.child PARENT_PID`, it is the fresh
interpreter a threaded caller starts: the parent's `sys.path`, then the job
`(memory, fn, args, preload)`, pickled on stdin; the frames on stdout.
"""

from __future__ import annotations

import importlib
import os
import sys
import types
from collections.abc import Callable
from typing import Any

from ..._support.gc_pause import collect_young_rarely
from ...errors import PolicyParseError
from .wire import LAST, PART, PROTOCOL, SIGKILL, Message, dumps, frame

__all__ = [
    "BATCH_BYTES",
    "c_library",
    "confine",
    "die_with",
    "keep_freed_memory",
    "run",
    "write_all",
]

BATCH_BYTES = 256 * 1024
"""Layouts are written once this much is waiting (tens of pages of a
notice): few writes, and little held on either side of the pipe."""


def _mapped_bytes() -> int:
    """The child's current virtual size: RLIMIT_AS counts it, so the budget is
    added on top (a parent with big libraries mapped must not start at zero)."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):  # pragma: no cover - not Linux
        return 0


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def c_library() -> Any:
    """The C library's symbols (this process's own), or None where ctypes
    cannot load them."""
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True)
    except (OSError, ImportError):  # pragma: no cover - no dlopen(NULL) here
        return None


def die_with(parent: int, libc: Any = None) -> None:
    """Be killed when `parent` (the thread that started this child) ends;
    exit now if it already has (this child was reparented)."""
    if sys.platform.startswith("linux"):
        libc = libc or c_library()
        try:
            libc.prctl(_PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0)
        except AttributeError:  # pragma: no cover - no prctl here
            pass
    if os.getppid() != parent:
        os._exit(1)


# glibc's mallopt(3) parameters (malloc.h).
_M_TRIM_THRESHOLD = -1
_M_TOP_PAD = -2
_M_MMAP_THRESHOLD = -3
_KEEP_FREED = 64 << 20  # never give the heap's top back while the worker lives
_TOP_PAD = 1 << 20  # grow the heap a MiB at a time
_MMAP_ABOVE = 4 << 20  # blocks below this come from the heap, reused page to page


def keep_freed_memory(libc: Any = None) -> bool:
    """Let the allocator keep what the worker frees for its next page.

    By default glibc gives the top of its heap back to the kernel whenever
    more than 128 KiB of it is free, and serves blocks of 128 KiB and more
    with a mapping of their own that `free` unmaps.  A page worker frees
    most of what a page allocated before it reads the next one, so every
    page mapped the same memory again and faulted every page of it in
    again: on the 23-page sample ~180 KiB a page given back by `brk` and
    taken again (`strace -e trace=memory`), ~500 of the worker's ~2,400
    page faults (benchmarks/README.md, issue 26, round 5).  The worker
    is short-lived and its budget is an address-space limit (`confine`),
    which counts the heap kept here as it counted it when it was in use,
    so keeping it costs nothing the limit does not already bound.  Blocks
    of 4 MiB and more (a large stream inflated) still get a mapping of
    their own and are given back.

    A no-op returning False where there is no glibc `mallopt` (macOS has
    none; musl's does nothing; Windows never forks a worker)."""
    libc = libc or c_library()
    mallopt = getattr(libc, "mallopt", None) if libc is not None else None
    if mallopt is None:
        return False
    done = True
    for param, value in (
        (_M_TRIM_THRESHOLD, _KEEP_FREED),
        (_M_TOP_PAD, _TOP_PAD),
        (_M_MMAP_THRESHOLD, _MMAP_ABOVE),
    ):
        done = bool(mallopt(param, value)) and done  # 1 on success
    return done


def confine(memory: int) -> None:
    """The memory ceiling, no core file, no crash dump."""
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


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _traceback() -> str:
    """The exception being handled, as text.  `traceback` is imported only
    here, on a failure: the caller imports this module before it forks, and
    nothing else on its way needs `traceback` (~8M instructions with
    `textwrap`)."""
    import traceback

    return traceback.format_exc()


def _last(message: Message) -> bytes:
    """The final frame; one that does not pickle says why instead."""
    try:
        return frame(LAST, dumps(message, protocol=PROTOCOL))
    except MemoryError:
        return frame(LAST, dumps(("memory", None, "")))
    except Exception:  # noqa: BLE001 - e.g. an exception that does not pickle
        return frame(LAST, dumps(("error", None, _traceback())))


def _stream(items: Any, write: Callable[[bytes], None]) -> Any:
    """Send what the generator `items` yields as `PART` frames, in writes of
    about `BATCH_BYTES` (what waits is sent even when it then raises); its
    return value."""
    waiting: list[bytes] = []
    size = 0
    try:
        while True:
            try:
                item = next(items)
            except StopIteration as stop:
                return stop.value
            data = frame(PART, dumps(item, protocol=PROTOCOL))
            waiting.append(data)
            size += len(data)
            if size >= BATCH_BYTES:
                batch = b"".join(waiting)
                waiting.clear()
                size = 0
                write(batch)
    finally:
        if waiting:
            write(b"".join(waiting))


def run(fn: Callable[..., Any], args: tuple[Any, ...], write: Callable[[bytes], None]) -> None:
    """Call `fn`, stream its items if it is a generator, and write the final
    frame: everything the parent must learn."""
    try:
        result = fn(*args)
        if isinstance(result, types.GeneratorType):
            result = _stream(result, write)
        message: Message = ("ok", result, "")
    except MemoryError:
        message = ("memory", None, "")
    except PolicyParseError as exc:
        message = ("error", exc, _traceback())
    except BaseException:  # noqa: BLE001 - everything must reach the parent
        message = ("error", None, _traceback())
    write(_last(message))


def _main() -> None:  # pragma: no cover - runs in the spawned child
    """Entry of a fresh-interpreter worker.  The path comes first because
    unpickling `fn` imports its module."""
    import pickle

    if len(sys.argv) > 1:
        die_with(int(sys.argv[1]))
    stdin = sys.stdin.buffer
    for entry in reversed(pickle.load(stdin)):
        if entry not in sys.path:
            sys.path.insert(0, entry)
    memory, fn, args, preload = pickle.load(stdin)
    for module in preload:
        importlib.import_module(module)
    confine(memory)
    keep_freed_memory()
    collect_young_rarely()
    out = sys.stdout.buffer

    def write(data: bytes) -> None:
        out.write(data)

    run(fn, args, write)
    out.flush()


if __name__ == "__main__":  # pragma: no cover
    _main()

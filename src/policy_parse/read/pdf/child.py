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
import pickle
import signal
import sys
import traceback
import types
from collections.abc import Callable
from typing import Any

from ...errors import PolicyParseError
from .wire import LAST, PART, Message, frame

__all__ = ["BATCH_BYTES", "confine", "die_with", "run", "write_all"]

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


def die_with(parent: int) -> None:
    """Be killed when `parent` (the thread that started this child) ends;
    exit now if it already has (this child was reparented)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no prctl here
            pass
    if os.getppid() != parent:
        os._exit(1)


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


def _last(message: Message) -> bytes:
    """The final frame; one that does not pickle says why instead."""
    try:
        return frame(LAST, pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))
    except MemoryError:
        return frame(LAST, pickle.dumps(("memory", None, "")))
    except Exception:  # noqa: BLE001 - e.g. an exception that does not pickle
        return frame(LAST, pickle.dumps(("error", None, traceback.format_exc())))


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
            data = frame(PART, pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL))
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
        message = ("error", exc, traceback.format_exc())
    except BaseException:  # noqa: BLE001 - everything must reach the parent
        message = ("error", None, traceback.format_exc())
    write(_last(message))


def _main() -> None:  # pragma: no cover - runs in the spawned child
    """Entry of a fresh-interpreter worker.  The path comes first because
    unpickling `fn` imports its module."""
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
    out = sys.stdout.buffer

    def write(data: bytes) -> None:
        out.write(data)

    run(fn, args, write)
    out.flush()


if __name__ == "__main__":  # pragma: no cover
    _main()

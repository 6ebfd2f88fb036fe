"""Run a PDF parse in a forked child with a memory ceiling and a wall clock.

pdfminer inflates FlateDecode streams without a cap and walks whatever object
graph a file describes, so a few kilobytes of hostile PDF can ask for
gigabytes or spin for minutes.  Rather than patch pdfminer, the parse runs in
a child process (docs/pdf.md, "Bounded resources"):

* the child is forked, so it inherits the already-imported modules and the
  input bytes without pickling them (start-up costs a few milliseconds);
* it lowers its own RLIMIT_AS to what it already maps plus
  `Limits.pdf_memory_bytes`, so an allocation past the budget raises
  MemoryError inside the child (or the kernel kills it) — never the caller;
* the parent waits at most `Limits.pdf_seconds` and then kills it;
* the child sends back the finished `Document` (frozen attrs records pickle
  cheaply) or the `PolicyParseError` it raised, with its traceback as text.

Every overrun — MemoryError, a child killed by a signal, the clock — becomes
`InputTooLargeError`.  Where `fork` or `resource` is missing (Windows, some
sandboxes) the parse runs in-process with only the page cap, and says so in a
warning.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import traceback
import warnings
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from ..errors import InputTooLargeError, PolicyParseError

T = TypeVar("T")

__all__ = ["WorkerTraceback", "run_bounded"]


class WorkerTraceback(Exception):
    """The traceback of an error raised in the worker, attached as `__cause__`
    of the error re-raised in the caller (so `--debug` shows where it began)."""


def _can_fork() -> bool:
    try:
        import resource  # noqa: F401
    except ImportError:  # pragma: no cover - Windows
        return False
    return "fork" in multiprocessing.get_all_start_methods()


def _mapped_bytes() -> int:
    """The child's current virtual size: RLIMIT_AS counts it, so the budget is
    added on top (a parent with big libraries mapped must not start at zero)."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):  # pragma: no cover - not Linux
        return 0


def _child(conn: Connection, memory: int, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    import resource

    try:
        limit = _mapped_bytes() + memory
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):  # pragma: no cover - limit not settable here
        pass
    try:
        result = fn(*args)
        message: tuple[str, Any, str] = ("ok", result, "")
    except MemoryError:
        message = ("memory", None, "")
    except PolicyParseError as exc:
        message = ("error", exc, traceback.format_exc())
    except BaseException:  # noqa: BLE001 - everything must reach the parent
        message = ("error", None, traceback.format_exc())
    try:
        conn.send(message)
    except MemoryError:
        conn.send(("memory", None, ""))
    except Exception:  # noqa: BLE001 - e.g. an exception that does not pickle
        conn.send(("error", None, traceback.format_exc()))
    conn.close()


def run_bounded(
    fn: Callable[..., T],
    *args: Any,
    memory_bytes: int,
    seconds: float,
    what: str = "the PDF",
) -> T:
    """Call `fn(*args)` in a forked child within `memory_bytes` and `seconds`.

    `fn` and its result must be picklable-free of open resources; errors it
    raises that are `PolicyParseError`s come back as themselves, anything else
    as `RuntimeError` (a bug: the reader should have translated it).
    """
    if not _can_fork():  # pragma: no cover - exercised on Windows only
        warnings.warn(
            f"no fork(): parsing {what} in-process without memory or time limits",
            RuntimeWarning,
            stacklevel=3,
        )
        return fn(*args)

    ctx = multiprocessing.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, memory_bytes, fn, args), daemon=True)
    proc.start()
    send.close()
    try:
        if not recv.poll(seconds):
            raise InputTooLargeError(
                f"{what} took longer than {seconds:g} s to parse (Limits.pdf_seconds); "
                "it may be hostile, or raise the limit if it is genuine"
            )
        try:
            kind, payload, tb = recv.recv()
        except (EOFError, OSError):
            proc.join(1.0)
            code = proc.exitcode
            how = (
                f"killed by {signal.Signals(-code).name}"
                if code is not None and code < 0
                else f"exit status {code}"
            )
            raise InputTooLargeError(
                f"parsing {what} ended abnormally ({how}), most likely by running out of the "
                f"{memory_bytes // (1024 * 1024)} MiB memory budget (Limits.pdf_memory_bytes)"
            ) from None
    finally:
        recv.close()
        if proc.is_alive():
            proc.kill()
        proc.join()
    if kind == "ok":
        return payload  # type: ignore[no-any-return]
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

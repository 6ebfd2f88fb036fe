"""What a bounded child says to its caller, and what it means (`pdf.worker`;
docs/pdf.md, "Bounded resources").

A child's answer is a stream of frames on one pipe: a tag byte, the
payload's length (8 bytes, big-endian) and the payload, a pickle.  Tag
`PART` carries one item of a call whose function is a generator (a page's
layout: the caller folds it in while the child reads on, so neither side
holds every page at once); tag `LAST`, always the final frame, carries the
`Message`: ("ok", the call's result, ""), ("memory", None, "") or
("error", the exception or None, its traceback as text).  A child that
dies before its `LAST` frame leaves a message that does not unpickle, which
its exit status then explains (`answer`).

Nothing here imports attrs or the models: the page workers are forked
before the caller imports them (`pdf.pages`); nor `pickle`: the frames need
only its C functions (`dumps`, `loads`), and the caller imported the
module's pure-Python pickler for nothing (~5M instructions before the fork,
benchmarks/README.md, issue 26, round 5).
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterable
from typing import Any

from ...errors import CorruptFileError, DocumentTimeoutError, InputTooLargeError, PolicyParseError

try:
    from _pickle import dumps, loads
except ImportError:  # pragma: no cover - an interpreter without the C accelerator
    from pickle import dumps, loads
try:  # the numbers alone: `signal` builds three enums on import (~3M instructions)
    import _signal as _signals  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - an interpreter without CPython's module
    import signal as _signals

SIGBUS: int = _signals.SIGBUS
SIGFPE: int = _signals.SIGFPE
SIGILL: int = _signals.SIGILL
SIGINT: int = _signals.SIGINT
SIGKILL: int = _signals.SIGKILL
SIGSEGV: int = _signals.SIGSEGV
SIGTERM: int = _signals.SIGTERM
SIG_BLOCK: int = _signals.SIG_BLOCK
SIG_SETMASK: int = _signals.SIG_SETMASK
pthread_sigmask: Callable[[int, Iterable[int]], set[int]] = _signals.pthread_sigmask

__all__ = [
    "LAST",
    "PART",
    "PROTOCOL",
    "SIGINT",
    "SIGKILL",
    "SIGTERM",
    "SIG_BLOCK",
    "SIG_SETMASK",
    "Frames",
    "Message",
    "WorkerTraceback",
    "answer",
    "dumps",
    "frame",
    "loads",
    "pthread_sigmask",
]

Message = tuple[str, Any, str]

PROTOCOL = 5
"""`pickle.HIGHEST_PROTOCOL` on every Python this package runs on."""

PART = b"p"
LAST = b"m"
_HEAD = struct.Struct(">cQ")


def frame(tag: bytes, payload: bytes) -> bytes:
    return _HEAD.pack(tag, len(payload)) + payload


class Frames:
    """The frames of one child's stream, cut out as its bytes arrive: each
    `PART` is unpickled and handed to `on_part` at once (and its bytes
    dropped); the `LAST` payload is kept for `answer`."""

    __slots__ = ("_buf", "_on_part", "last")

    def __init__(self, on_part: Callable[[Any], None] | None) -> None:
        self._buf = bytearray()
        self._on_part = on_part
        self.last: bytes | None = None

    def feed(self, chunk: bytes) -> None:
        buf = self._buf
        buf += chunk
        at = 0
        while len(buf) - at >= _HEAD.size and self.last is None:
            tag, size = _HEAD.unpack_from(buf, at)
            end = at + _HEAD.size + size
            if len(buf) < end:
                break
            payload = bytes(buf[at + _HEAD.size : end])
            at = end
            if tag == LAST:
                self.last = payload
            elif self._on_part is not None:
                self._on_part(loads(payload))
        del buf[:at]

    def message(self) -> bytes:
        """At the stream's end: the final message, or what was left of it
        (b"" or a cut frame, which does not unpickle: the child died)."""
        return self.last if self.last is not None else bytes(self._buf)


class WorkerTraceback(Exception):
    """The traceback of an error raised in the worker, attached as `__cause__`
    of the error re-raised in the caller (so `--debug` shows where it began)."""


# Signals that mean the engine's native code faulted, not that memory ran out.
# SIGABRT is left out: PDFium aborts when an allocation fails under the ceiling.
_CRASHES = frozenset({SIGSEGV, SIGBUS, SIGILL, SIGFPE})


def answer(data: bytes | None, code: int, *, memory_bytes: int, seconds: float, what: str) -> Any:
    """What a child's final message means for the caller: its result, or the
    error to raise (`data` None: the clock ran out first)."""
    if data is None:
        raise DocumentTimeoutError(
            f"{what} took longer than {seconds:g} s to parse (Limits.pdf_seconds); "
            "it may be hostile, or raise the limit if it is genuine"
        )
    try:
        kind, payload, tb = loads(data)
    except Exception:  # noqa: BLE001 - nothing, or a message cut off by a crash
        import signal  # a dead child only: for the signal's name

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

"""Write an output whole or not at all (issue 23).

The data goes to a new temporary file in the target's own folder (a
hidden name, so a batch reading that folder never takes it for an input),
is flushed to the disk, and only then renamed over the target: a reader
sees the old file or the new one, never half of either.  On any failure,
a full disk or Ctrl-C included, the temporary file is removed and the old
output is untouched.

A target that exists and is no regular file (/dev/stdout, /dev/full, a
FIFO) cannot be renamed over: it is opened and written in place.

Paths are handled as text (os.path; `_support/paths.py` for what pathlib
would make of them): `import pathlib` was ~16M instructions of the txt
CLI's start-up (issue 26).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable

from .paths import path_text

__all__ = ["write_atomic"]


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _temporary(folder: str) -> tuple[int, str]:
    """A new file in `folder`, created with mode 0666 less the umask (what a
    plain open() gives the output), never an existing one."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = os.path.join(folder, f".policy_parse-{os.urandom(6).hex()}.part")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")  # pragma: no cover


def _parent(path: str) -> str:
    """`str(Path(path).parent)` of a path as `path_text` gives it."""
    return os.path.dirname(path) or "."


def write_atomic(path: str | os.PathLike[str], data: bytes | Iterable[bytes]) -> None:
    """Put `data` (bytes, or pieces of them written as they come) at `path`
    whole, or raise the OSError that stopped it with `path` as it was: an
    error while the pieces are made leaves the target as it was too."""
    pieces = [data] if isinstance(data, bytes) else data
    target = path_text(os.fspath(path))  # as str(Path(path)): "out.txt/" is out.txt
    try:
        mode: int | None = os.stat(target).st_mode
    except OSError:
        mode = None  # not there yet (or unreadable: creating the file says why)
    if mode is not None and not stat.S_ISREG(mode):
        with open(target, "wb") as fh:
            fh.writelines(pieces)
        return
    if os.path.islink(target):
        target = os.path.realpath(target)  # replace the file, keep the link
    fd, tmp = _temporary(_parent(target))
    try:
        try:
            for piece in pieces:
                _write_all(fd, piece)
            os.fsync(fd)  # a full disk may say so only here, not in write()
        finally:
            os.close(fd)
        if mode is not None:
            os.chmod(tmp, stat.S_IMODE(mode))  # the old output's permissions
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise

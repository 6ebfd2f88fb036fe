"""A whole on-disk cache in one file, read with one open and one load.

The package keeps three caches beside its bytecode: compiled patterns
(`lazy_regex`), parsed data files (`data`) and attrs' generated methods
(`attrs_code`), one file per entry.  A txt notice's first parse opened ~90
of them, each a path joined, a digest taken (patterns, classes), an open, a
read and a `marshal.loads` (issue 26, round 6).  `python -m
policy_parse.warmup` now also writes each cache whole, as one dict in one
marshal file; a process loads that dict the first time it needs an entry
and looks entries up in it.  The per-entry files stay as they were: the
way back for anything the bundle does not hold (a pattern built from an
input's own text, a class or data file changed since the warm-up).

Each entry is kept marshalled inside the bundle's dict and loaded when it
is asked for: a txt notice needs about half of the patterns and classes the
warm-up caches (the others are the PDF, Word and web readers'), and loading
them all cost more than the files it saved.

A bundle is valid only under the stamp it was written with (the caller's:
the interpreter, and what its entries depend on); any doubt — no file, a
damaged one, another stamp — reads as an empty bundle, so every entry is
computed (or read from its own file) as before.
"""

from __future__ import annotations

import marshal
import os
import sys
from typing import Any

__all__ = ["Bundle", "path_for", "read", "write"]

_MAGIC = b"PPBUNDLE2\n"


class Bundle:
    """A read bundle: its entries by key, each loaded when asked for."""

    __slots__ = ("_blobs",)

    def __init__(self, blobs: dict[Any, Any]) -> None:
        self._blobs = blobs

    def get(self, key: Any) -> Any:
        """The entry, or None (none under that key, or a damaged one)."""
        blob = self._blobs.get(key)
        if type(blob) is not bytes:
            return None
        try:
            return marshal.loads(blob)
        except (EOFError, ValueError, TypeError):
            return None

    def __len__(self) -> int:
        return len(self._blobs)


def path_for(directory: str, name: str, stamp: str) -> str:
    """The bundle's file: one per interpreter and stamp, so that two
    interpreters sharing an install (a venv and the system python, with
    different regex builds) each keep their own instead of overwriting
    each other's."""
    from .digest import short_digest

    tag = short_digest(f"{stamp}|{sys.implementation.cache_tag}")
    return os.path.join(directory, f"{name}.{sys.implementation.cache_tag}.{tag}.marshal")


def read(path: str, stamp: str) -> Bundle:
    """The bundle written under `stamp`, or an empty one for any doubt."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError:
        return Bundle({})
    head = _MAGIC + stamp.encode("utf-8", "surrogatepass") + b"\n"
    if not raw.startswith(head):
        return Bundle({})  # another stamp (a new regex, attrs, interpreter) or format
    try:
        value = marshal.loads(memoryview(raw)[len(head) :])
    except (EOFError, ValueError, TypeError):
        return Bundle({})
    return Bundle(value if isinstance(value, dict) else {})


def write(path: str, stamp: str, entries: dict[Any, Any]) -> bool:
    """Best effort, as Python's bytecode: a read-only install or a value
    marshal cannot hold leaves no bundle (every entry then comes from its
    own file or is computed), never an error.  Readers see the old file or
    the new one whole."""
    try:
        body = marshal.dumps({key: marshal.dumps(value) for key, value in entries.items()})
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            f.write(_MAGIC + stamp.encode("utf-8", "surrogatepass") + b"\n" + body)
        os.replace(tmp, path)
    except (OSError, ValueError):
        return False
    return True

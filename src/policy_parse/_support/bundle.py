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

A bundle is valid only under the stamp it was written with (the caller's:
the interpreter, and what its entries depend on); any doubt — no file, a
damaged one, another stamp — reads as an empty dict, so every entry is
computed (or read from its own file) as before.
"""

from __future__ import annotations

import marshal
import os
import sys
from typing import Any

__all__ = ["path_for", "read", "write"]

_MAGIC = b"PPBUNDLE1\n"


def path_for(directory: str, name: str, stamp: str) -> str:
    """The bundle's file: one per interpreter and stamp, so that two
    interpreters sharing an install (a venv and the system python, with
    different regex builds) each keep their own instead of overwriting
    each other's."""
    from .digest import short_digest

    tag = short_digest(f"{stamp}|{sys.implementation.cache_tag}")
    return os.path.join(directory, f"{name}.{sys.implementation.cache_tag}.{tag}.marshal")


def read(path: str, stamp: str) -> dict[Any, Any]:
    """The dict written under `stamp`, or {} for any doubt."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError:
        return {}
    head = _MAGIC + stamp.encode("utf-8", "surrogatepass") + b"\n"
    if not raw.startswith(head):
        return {}  # another stamp (a new regex, attrs, interpreter) or another format
    try:
        value = marshal.loads(memoryview(raw)[len(head) :])
    except (EOFError, ValueError, TypeError):
        return {}
    return value if isinstance(value, dict) else {}


def write(path: str, stamp: str, entries: dict[Any, Any]) -> bool:
    """Best effort, as Python's bytecode: a read-only install or a value
    marshal cannot hold leaves no bundle (every entry then comes from its
    own file or is computed), never an error.  Readers see the old file or
    the new one whole."""
    try:
        body = marshal.dumps(entries)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            f.write(_MAGIC + stamp.encode("utf-8", "surrogatepass") + b"\n" + body)
        os.replace(tmp, path)
    except (OSError, ValueError):
        return False
    return True

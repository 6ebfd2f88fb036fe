"""Data files (TOML) that describe how notices are written: annotation labels,
table headers, department-name rules, deadline words.  Logic lives in the
stages; everything issuer-specific lives here (docs/formats.md)."""

from __future__ import annotations

import functools
import marshal
import os
import sys
from typing import Any

from .._support import bundle

_HERE = os.path.dirname(__file__)
# A parsed file kept as marshal beside the bytecode (__pycache__), valid while
# the TOML's size and modification time are those recorded, as a .pyc is.
_CACHE = os.path.join(_HERE, "__pycache__")
_MAGIC = b"PPDATA1\n"


@functools.cache
def load(name: str) -> dict[str, Any]:
    """Parsed once per process, and once per edit of the file: importing
    tomllib and parsing the files was a fifth of a text notice's start-up
    (issue 26), reading the marshal cache costs a few hundred µs.  The files
    are read next to this module; importlib.resources (a tenth of `import
    policy_parse`) is only imported when the package is not on disk, e.g.
    inside a zip, and then nothing is cached."""
    path = os.path.join(_HERE, f"{name}.toml")
    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        import tomllib
        from importlib import resources

        return tomllib.loads(
            resources.files(__package__).joinpath(f"{name}.toml").read_text("utf-8")
        )
    stamp = b"%d %d\n" % (st.st_size, st.st_mtime_ns)
    entry = _bundled().get(name)
    if type(entry) is tuple and len(entry) == 2 and entry[0] == stamp and type(entry[1]) is dict:
        return entry[1]
    cached = _read_cache(name, stamp)
    if cached is not None:
        return cached
    import tomllib

    with open(path, encoding="utf-8") as f:
        parsed: dict[str, Any] = tomllib.loads(f.read())
    _write_cache(name, stamp, parsed)
    return parsed


# Every data file in one cache (written by the warm-up command, read once per
# process: _support/bundle.py), each entry valid while its file's stamp holds.
_BUNDLE: list[bundle.Bundle] = []
_BUNDLE_STAMP = "data"  # each entry carries its own file's stamp


def _bundled() -> bundle.Bundle:
    if not _BUNDLE:
        _BUNDLE.append(bundle.read(_bundle_path(), _BUNDLE_STAMP))
    return _BUNDLE[0]


def _bundle_path() -> str:
    return bundle.path_for(_CACHE, "data", _BUNDLE_STAMP)


def _cache_path(name: str) -> str:
    return os.path.join(_CACHE, f"{name}.toml.{sys.implementation.cache_tag}.marshal")


def _read_cache(name: str, stamp: bytes) -> dict[str, Any] | None:
    try:
        with open(_cache_path(name), "rb") as f:
            raw = f.read()
    except OSError:
        return None
    head = _MAGIC + stamp
    if not raw.startswith(head):
        return None  # the file changed since (or another format): parse it again
    try:
        value = marshal.loads(raw[len(head) :])
    except (EOFError, ValueError, TypeError):
        return None
    return value if isinstance(value, dict) else None


def write_caches() -> list[str]:
    """Parse every data file and write its cache, as `compileall` writes
    bytecode: for an install run with PYTHONDONTWRITEBYTECODE set, whose
    processes never write one (`python -m policy_parse.warmup`).  The names
    cached.  All of them are also written as one bundle (_support/bundle.py),
    which a process reads whole the first time it needs a data file."""
    done = []
    whole: dict[str, tuple[bytes, dict[str, Any]]] = {}
    for entry in sorted(os.listdir(_HERE)):
        name, dot, ext = entry.rpartition(".")
        if dot and ext == "toml":
            st = os.stat(os.path.join(_HERE, entry))
            stamp = b"%d %d\n" % (st.st_size, st.st_mtime_ns)
            import tomllib

            with open(os.path.join(_HERE, entry), encoding="utf-8") as f:
                parsed = tomllib.loads(f.read())
            whole[name] = (stamp, parsed)
            if _write_cache(name, stamp, parsed, force=True):
                done.append(name)
    bundle.write(_bundle_path(), _BUNDLE_STAMP, whole)
    _BUNDLE.clear()
    return done


def _write_cache(name: str, stamp: bytes, parsed: dict[str, Any], *, force: bool = False) -> bool:
    """Best effort, as Python's own bytecode: a read-only install, a value
    marshal cannot hold (a TOML date) or PYTHONDONTWRITEBYTECODE (unless
    `force`) leave the file parsed every time, never an error."""
    if sys.dont_write_bytecode and not force:
        return False
    try:
        body = marshal.dumps(parsed)
        os.makedirs(_CACHE, exist_ok=True)
        target = _cache_path(name)
        tmp = f"{target}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            f.write(_MAGIC + stamp + body)
        os.replace(tmp, target)  # readers see the old file or the new, whole
    except (OSError, ValueError):
        return False
    return True

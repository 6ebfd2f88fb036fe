"""The methods `dataclasses` generates for this package's classes, compiled
once per install rather than once per process (as `attrs_code` does for
attrs' classes).

dataclasses writes each class's `__init__`, `__repr__`, `__eq__` (and a
frozen class's `__hash__`, `__setattr__`) as Python source and runs it
through `exec` when the class is defined: the page model's and the
layout's 15 records cost ~8 ms of CPU before a PDF's page workers are
forked, most of it compiling (benchmarks/README.md, issue 26).  The code
depends only on that source, which names no per-process value, so it is
kept on disk beside the bytecode (`__pycache__/dataclasses`).

Python 3.11's dataclasses runs that source with its module's `exec`
(`dataclasses._create_fn`); `install` puts a function of the same effect
in that name.  Source from a module of this package is compiled once and
its code kept; any other source is compiled as `exec` compiles it (no
future feature inherited, file name "<string>").  Elsewhere (another
Python) nothing is installed.  PYTHONDONTWRITEBYTECODE writes nothing,
unless `write_always()` (the `python -m policy_parse.warmup` command).
"""

from __future__ import annotations

import os
import sys
from types import CodeType
from typing import Any

from .attrs_code import _key, _load, _store

__all__ = ["install", "write_always"]

_DIR = os.path.join(os.path.dirname(__file__), "__pycache__", "dataclasses")
_FILENAME = "<string>"  # what exec() names a string's code
_OURS = "policy_parse."
_FORCE = False


def write_always() -> None:
    """Cache every class's code, even under PYTHONDONTWRITEBYTECODE."""
    global _FORCE
    _FORCE = True


def install() -> None:
    """Serve dataclasses' `exec` of this package's generated methods from
    the cache (idempotent; a no-op on a Python other than 3.11, whose
    dataclasses may build its methods otherwise)."""
    import dataclasses

    if sys.version_info[:2] != (3, 11) or getattr(
        vars(dataclasses).get("exec"), "policy_parse_cache", False
    ):
        return
    module_globals = vars(dataclasses)

    def cached_exec(source: Any, globs: Any = None, locs: Any = None) -> None:
        if globs is None:  # as exec() called in dataclasses would take them
            globs = module_globals
        if type(source) is str:
            name = globs.get("__name__") if isinstance(globs, dict) else None
            if isinstance(name, str) and name.startswith(_OURS):
                source = _code(source)
            else:
                source = compile(source, _FILENAME, "exec", dont_inherit=True)
        exec(source, globs, locs)  # noqa: S102 - dataclasses' own generated source

    cached_exec.policy_parse_cache = True  # type: ignore[attr-defined]
    module_globals["exec"] = cached_exec


def _code(source: str) -> CodeType:
    path = os.path.join(_DIR, _key(source, _FILENAME, 0) + ".marshal")
    code = _load(path, source, _FILENAME)
    if code is None:
        code = compile(source, _FILENAME, "exec", dont_inherit=True)
        if _FORCE or not sys.dont_write_bytecode:
            _store(path, source, _FILENAME, code)
    return code

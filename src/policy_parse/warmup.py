"""Get the text stages ready while this process waits anyway.

Patterns compile and data files load on first use (nothing at import, so
`import policy_parse` stays quick), so the first notice a process parses
pays for them — about a third of a short notice's time.  A PDF or a legacy
file is read by a worker process while the caller waits on a pipe; that
wait is when the caller parses a small invented notice (data/warmup.txt),
once per process, so the text stages (and the output stage's modules) are
ready when the real text arrives.  Parsing it takes the same code paths a
real notice does: no list of patterns to keep up to date.

`python -m policy_parse.warmup` does, once per install, what `python -m
compileall` does for bytecode: it writes the data files', the patterns' and
attrs' generated code's caches (data/__init__.py, _support/lazy_regex.py,
_support/attrs_code.py) that spare every later process parsing TOML,
compiling patterns in Python and compiling the classes' methods, even where
PYTHONDONTWRITEBYTECODE keeps processes from writing them.
"""

from __future__ import annotations

import functools
import os

__all__ = ["prepare_text_stages", "write_caches"]


@functools.cache  # once per process: the cache is the "done" flag
def prepare_text_stages() -> None:
    """Parse data/warmup.txt (a no-op after the first call)."""
    from . import parse_text
    from ._support import memo

    # The output stage's modules: imported now, used after the real parse.
    from .emit import json as json_emitter  # noqa: F401
    from .emit import text as text_emitter  # noqa: F401

    path = os.path.join(os.path.dirname(__file__), "data", "warmup.txt")
    with open(path, encoding="utf-8") as f:
        parse_text(f.read())
    memo.clear()  # its unit lists and lines are no use to the real notice


def write_caches() -> tuple[list[str], int]:
    """Every data file's cache, and every pattern's the package can compile
    without its optional readers' libraries: (data files, patterns)."""
    import importlib
    import pkgutil

    from . import data
    from ._support import attrs_code, lazy_regex

    lazy_regex.write_always()
    attrs_code.write_always()
    attrs_code.install()  # before any module below builds its classes
    files = data.write_caches()
    for mod in pkgutil.walk_packages([os.path.dirname(__file__)], "policy_parse."):
        if mod.name.endswith("__main__"):
            continue
        try:
            importlib.import_module(mod.name)
        except ImportError:
            continue  # an optional reader whose library is not installed
    patterns = lazy_regex.compile_all()
    prepare_text_stages()  # the patterns built from data files, on first use
    return files, patterns


if __name__ == "__main__":
    files, patterns = write_caches()
    print(
        f"policy_parse: cached {len(files)} data files, {patterns} patterns,"
        " the classes' generated code and the text stages'"
    )

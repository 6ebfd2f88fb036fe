"""Get the text stages ready while this process waits anyway.

A PDF or a legacy file is read by worker processes while the caller waits
on a pipe; that wait is when the caller imports the stages that read the
text back (segment, normalise, reconcile: `pipeline`) and the output stage's
modules (`import_text_stages`), once per process, so the real text does not
wait for them.  Imports only: they are paid once whenever they happen.
Patterns compile and data files load on their first use, in the real parse.
Until issue 26's third round the wait also parsed a small invented notice
(data/warmup.txt) to pay those first uses early; that parse was work done
twice, ~25 ms of CPU of a 23-page PDF's run, for a few ms of waiting saved,
and on a machine with as many busy processes as cores not even those.

`python -m policy_parse.warmup` does, once per install, what `python -m
compileall` does for bytecode: it writes the data files', the patterns' and
attrs' generated code's caches (data/__init__.py, _support/lazy_regex.py,
_support/attrs_code.py) that spare every later process parsing TOML,
compiling patterns in Python and compiling the classes' methods, even where
PYTHONDONTWRITEBYTECODE keeps processes from writing them; it parses
data/warmup.txt to reach the patterns built from data files
(`prepare_text_stages`).
"""

from __future__ import annotations

import functools
import os

__all__ = ["import_text_stages", "prepare_text_stages", "write_caches"]


@functools.cache  # once per process: the cache is the "done" flag
def import_text_stages() -> None:
    """Import the text stages and the output stage (a no-op after the
    first call)."""
    from . import pipeline  # noqa: F401
    from .emit import json as json_emitter  # noqa: F401
    from .emit import text as text_emitter  # noqa: F401


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
    # Each cache also whole, in one file a process reads at once
    # (_support/bundle.py): the data files' bundle is written with them.
    lazy_regex.write_bundle()
    attrs_code.write_bundle()
    return files, patterns


if __name__ == "__main__":
    files, patterns = write_caches()
    print(
        f"policy_parse: cached {len(files)} data files, {patterns} patterns,"
        " the classes' generated code and the text stages'"
    )

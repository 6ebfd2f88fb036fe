"""The methods attrs generates for this package's classes, compiled once per
install rather than once per process.

attrs writes each class's `__init__`, `__eq__`, `__hash__` and `__repr__` as
Python source and compiles it when the class is defined: ~45 classes on the
txt CLI's path, half of their ~1 ms each (benchmarks/README.md).  The code
object depends only on that source, so it is kept on disk beside the
bytecode (`__pycache__/attrs`), as `lazy_regex` keeps compiled patterns.
One thing in the source changes per process: `__hash__` mixes in the hash of
a string naming the class, which string hashing salts anew in every process.
That number is written as a placeholder before the source is keyed and
compiled, and put back into the loaded code object's constants, so the code
run is what compiling this process's source gives.

Only classes of this package are served (attrs names the source after the
class's module); any other source, a source not in the expected shape, a
damaged or missing file, is compiled as attrs itself does.
PYTHONDONTWRITEBYTECODE writes nothing, unless `write_always()` (the
`python -m policy_parse.warmup` command).  The warm-up also writes every
class's code as one file (`write_bundle`, _support/bundle.py), which a
process reads once instead of a file per class; a class whose source is
not the bundle's is served from its own file as before.
"""

from __future__ import annotations

import os
import sys
from types import CodeType
from typing import Any

from . import bundle
from .digest import short_digest

__all__ = ["install", "write_always", "write_bundle"]

_DIR = os.path.join(os.path.dirname(__file__), "__pycache__", "attrs")
_OURS = "<attrs generated methods policy_parse."
_PLACEHOLDER = 0x5EED_5EED_5EED_5EED  # stands for the per-process hash salt
_FORCE = False
# Every class's code this process served, by file name: what `write_bundle`
# keeps (one file read once per process, _support/bundle.py).
_SEEN: dict[str, tuple[str, CodeType]] = {}
_BUNDLE: list[bundle.Bundle] = []
_FLAGS: list[int] = []  # attrs' compile flags, as install() found them


def write_always() -> None:
    """Cache every class's code, even under PYTHONDONTWRITEBYTECODE."""
    global _FORCE
    _FORCE = True


def install() -> None:
    """Serve attrs' compile of this package's generated methods from the
    cache (idempotent; a no-op when attrs is not built the expected way)."""
    import attr._make as make

    real = getattr(make, "_compile_and_eval", None)
    if real is None or getattr(real, "policy_parse_cache", False):
        return
    # The generated source is compiled with the future features of attrs'
    # own module (compile() inherits them): the cache compiles it the same.
    import __future__

    flags = 0
    for value in vars(make).values():
        if isinstance(value, __future__._Feature):
            flags |= value.compiler_flag

    def compile_and_eval(script: str, globs: Any, locs: Any = None, filename: str = "") -> None:
        if not filename.startswith(_OURS):
            return real(script, globs, locs, filename)  # type: ignore[no-any-return]
        eval(_code(script, filename, flags), globs, locs)  # attrs' own source, compiled
        return None

    compile_and_eval.policy_parse_cache = True  # type: ignore[attr-defined]
    make._compile_and_eval = compile_and_eval
    _FLAGS[:] = [flags]


def _stamp(flags: int) -> str:
    """What a bundle's code depends on beside its source: the compile flags
    (and, through the file's name, the interpreter)."""
    return f"attrs-code|{flags}"


def _bundled(flags: int) -> bundle.Bundle:
    """Every class's code the warm-up served, read once (one open, one load)."""
    if not _BUNDLE:
        stamp = _stamp(flags)
        _BUNDLE.append(bundle.read(bundle.path_for(_DIR, "all", stamp), stamp))
    return _BUNDLE[0]


def write_bundle() -> bool:
    """Write every class's code this process served as one file (the
    warm-up command, once every module is imported)."""
    if not _FLAGS:
        return False
    stamp = _stamp(_FLAGS[0])
    _BUNDLE.clear()
    return bundle.write(bundle.path_for(_DIR, "all", stamp), stamp, dict(_SEEN))


def _code(script: str, filename: str, flags: int) -> CodeType:
    salt = hash(filename.replace(" methods ", " hash ", 1))
    line = f" {salt},\n"  # hash((<salt>, self.a, ...)): the salt on a line of its own
    salted = script.count(line) == 1
    source = script.replace(line, f" {_PLACEHOLDER},\n") if salted else script
    # A __hash__ whose salt was not found (attrs renamed a clashing source,
    # or changed its shape) would be a new file in every process.
    cacheable = salted or "def __hash__" not in script
    code = _from_bundle(_bundled(flags).get(filename), source)
    if code is None:
        path = os.path.join(_DIR, _key(source, filename, flags) + ".marshal")
        code = _load(path, source, filename)
        if code is None:
            code = compile(source, filename, "exec", flags=flags, dont_inherit=True)
            if cacheable and (_FORCE or not sys.dont_write_bytecode):
                _store(path, source, filename, code)
    if cacheable:
        _SEEN[filename] = (source, code)
    return _with_constant(code, _PLACEHOLDER, salt) if salted else code


def _from_bundle(entry: Any, source: str) -> CodeType | None:
    """The bundle's code for this source, or None (another source: attrs or
    the class changed since the warm-up; a damaged entry)."""
    if type(entry) is tuple and len(entry) == 2 and entry[0] == source:
        code = entry[1]
        return code if type(code) is CodeType else None
    return None


def _with_constant(code: CodeType, old: int, new: int) -> CodeType:
    """`code` with the constant `old` replaced by `new`, nested functions too.
    A code object without it (every method but `__hash__`) is returned as
    it is, not copied: `replace` builds a new code object each time."""
    consts = list(code.co_consts)
    changed = False
    for k, c in enumerate(consts):
        if type(c) is int and c == old:
            consts[k], changed = new, True
        elif isinstance(c, CodeType) and (inner := _with_constant(c, old, new)) is not c:
            consts[k], changed = inner, True
    return code.replace(co_consts=tuple(consts)) if changed else code


def _load(path: str, source: str, filename: str) -> CodeType | None:
    import marshal

    try:
        with open(path, "rb") as f:
            stored = marshal.loads(f.read())
        kept_source, kept_filename, code = stored
    except (OSError, EOFError, ValueError, TypeError):  # none yet, or damaged
        return None
    if (kept_source, kept_filename) != (source, filename) or not isinstance(code, CodeType):
        return None
    return code


def _store(path: str, source: str, filename: str, code: CodeType) -> None:
    import marshal

    try:
        os.makedirs(_DIR, exist_ok=True)
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            f.write(marshal.dumps((source, filename, code)))
        os.replace(tmp, path)
    except (OSError, ValueError):
        pass  # a read-only install: compiled each time, as before


def _key(source: str, filename: str, flags: int) -> str:
    return short_digest(source, f"|{filename}|{flags}|{sys.implementation.cache_tag}")

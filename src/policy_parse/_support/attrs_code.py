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
`python -m policy_parse.warmup` command).
"""

from __future__ import annotations

import os
import sys
from types import CodeType
from typing import Any

__all__ = ["install", "write_always"]

_DIR = os.path.join(os.path.dirname(__file__), "__pycache__", "attrs")
_OURS = "<attrs generated methods policy_parse."
_PLACEHOLDER = 0x5EED_5EED_5EED_5EED  # stands for the per-process hash salt
_FORCE = False


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


def _code(script: str, filename: str, flags: int) -> CodeType:
    salt = hash(filename.replace(" methods ", " hash ", 1))
    line = f" {salt},\n"  # hash((<salt>, self.a, ...)): the salt on a line of its own
    salted = script.count(line) == 1
    source = script.replace(line, f" {_PLACEHOLDER},\n") if salted else script
    path = os.path.join(_DIR, _key(source, filename, flags) + ".marshal")
    code = _load(path, source, filename)
    if code is None:
        code = compile(source, filename, "exec", flags=flags, dont_inherit=True)
        # A __hash__ whose salt was not found (attrs renamed a clashing
        # source, or changed its shape) would be a new file in every process.
        cacheable = salted or "def __hash__" not in script
        if cacheable and (_FORCE or not sys.dont_write_bytecode):
            _store(path, source, filename, code)
    return _with_constant(code, _PLACEHOLDER, salt) if salted else code


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
    try:  # hashlib's own blake2b without hashlib's OpenSSL (lazy_regex._key)
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - an interpreter built without it
        from hashlib import blake2b

    h = blake2b(source.encode("utf-8", "surrogatepass"), digest_size=16)
    h.update(f"|{filename}|{flags}|{sys.implementation.cache_tag}".encode())
    return h.hexdigest()

"""Patterns compiled when first used, not when their module is imported.

`import policy_parse` used to compile some fifty `regex` patterns (a fifth of
its start-up time), many of which a given input never needs: the docx
header rules for a text file, the table grammar for a notice without a table.
`lazy_compile` takes `regex.compile`'s arguments and returns an object that
compiles on the first attribute asked of it, then keeps the compiled
pattern's methods as its own attributes, so later calls cost what a compiled
pattern's do.

Compiling is itself kept on disk (`compile_cached`): `regex` parses and
optimises a pattern in Python (~0.5 ms each, a fifth of a text notice's
CPU), then hands a list of opcodes to its C engine.  That list, with the
group names and the required string, is written once per pattern beside the
bytecode (`__pycache__/patterns`, keyed by the pattern, its flags, the
installed regex — its files' sizes and times — and the interpreter), and
later processes hand it to the C engine directly, as Python reuses a .pyc.
Any doubt — no cache, a different regex, a damaged file, a pattern with
named lists — compiles as `regex.compile` does; PYTHONDONTWRITEBYTECODE
writes nothing (unless `write_always()`: `python -m policy_parse.warmup`).
The warm-up also writes every pattern it compiled as one file
(`write_bundle`, _support/bundle.py): a process reads it once and looks
patterns up by their text and flags, with no digest, path or open per
pattern; a pattern the bundle lacks is read from its own file as above.

When every pattern a run needs is cached, the `regex` package is never
imported: its C engine (`regex._regex`) is loaded alone (`_engine`), since
`import regex` also imports the Python compiler `_regex_core` (~20 ms, a
third of the txt CLI's start-up budget).  The package is imported the
first time a pattern must really be compiled.  So that callers need not
import it either, `VERBOSE` and `escape` are regex's own, restated here.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import TYPE_CHECKING, Any, cast

from . import bundle
from .digest import short_digest

if TYPE_CHECKING:
    import regex

__all__ = ["VERBOSE", "compile_cached", "escape", "lazy_compile", "write_bundle"]

VERBOSE = 0x40  # regex.VERBOSE (and re.VERBOSE)
_METACHARS = frozenset("()[]{}?*+|^$\\.-#&~")  # regex._main._METACHARS


def escape(text: str) -> str:
    """`regex.escape(text)`: its special characters and whitespace escaped,
    the same text (so the same cache key) without importing regex.  A word
    of letters and digits only (most: the data files' Chinese words) has
    neither, tested in C."""
    if text.isalnum():
        return text
    return "".join("\\" + c if c in _METACHARS or c.isspace() else c for c in text)


_DIR = os.path.join(os.path.dirname(__file__), "__pycache__", "patterns")
_LOCK = threading.Lock()
_FORCE = False  # write_always(): cache even under PYTHONDONTWRITEBYTECODE
_MADE: list[_LazyPattern] = []  # every lazy pattern made: compile_all() compiles them


def compile_all() -> int:
    """Compile every lazy pattern made so far (the warm-up command); how many."""
    for p in _MADE:
        p.pattern  # noqa: B018 - the first attribute asked compiles it
    return len(_MADE)


# The attributes copied once the pattern is compiled: what callers use.
_KEPT = (
    "match",
    "fullmatch",
    "search",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "pattern",
    "flags",
    "groups",
    "groupindex",
)


class _LazyPattern:
    def __init__(self, pattern: str | bytes, flags: int) -> None:
        self._pattern: Any = pattern  # str or bytes: regex.compile takes either
        self._flags = flags
        _MADE.append(self)

    def __getattr__(self, name: str) -> Any:
        compiled = _compiled(self._pattern, self._flags)
        for attr in _KEPT:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self._pattern!r})"


def lazy_compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`regex.compile(pattern, flags)`, done on first use."""
    return cast("regex.Pattern[str]", _LazyPattern(pattern, flags))


def lazy_compile_bytes(pattern: bytes, flags: int = 0) -> regex.Pattern[bytes]:
    """The same for a bytes pattern."""
    return cast("regex.Pattern[bytes]", _LazyPattern(pattern, flags))


def write_always() -> None:
    """Cache every pattern this process compiles, even under
    PYTHONDONTWRITEBYTECODE (the explicit warm-up command)."""
    global _FORCE
    _FORCE = True


def compile_cached(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`regex.compile(pattern, flags)`, from the on-disk opcodes when this
    pattern was compiled before by the same regex and interpreter."""
    return cast("regex.Pattern[str]", _compiled(pattern, flags))


_ENGINE: list[tuple[Any, str]] = []  # (regex's C module, what identifies its build)


def _engine() -> tuple[Any, str]:
    """regex's C engine and a stamp of the installed regex (its C module's
    and its compiler's file sizes and times: a new regex, a new stamp),
    without importing the package when it is not imported yet."""
    if _ENGINE:
        return _ENGINE[0]
    with _LOCK:
        if not _ENGINE:
            _ENGINE.append(_load_engine())
    return _ENGINE[0]


def _load_engine() -> tuple[Any, str]:
    engine = sys.modules.get("regex._regex")
    if engine is None:
        from importlib.machinery import PathFinder
        from importlib.util import module_from_spec

        package = PathFinder.find_spec("regex")
        where = package.submodule_search_locations if package is not None else None
        spec = PathFinder.find_spec("regex._regex", where) if where else None
        if spec is None or spec.loader is None:  # pragma: no cover - an unusual install
            import regex  # noqa: F401 - then as regex itself loads it

            engine = sys.modules["regex._regex"]
        else:
            engine = module_from_spec(spec)
            spec.loader.exec_module(engine)
            engine = sys.modules.setdefault("regex._regex", engine)
    stamp = [str(engine.MAGIC)]
    so = getattr(engine, "__file__", None) or ""
    for path in (so, os.path.join(os.path.dirname(so), "_regex_core.py")):
        try:
            st = os.stat(path)
            stamp.append(f"{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            stamp.append("?")
    return engine, ":".join(stamp)


# Every pattern's engine arguments this process had, by (kind, text, flags):
# what `write_bundle` keeps.
_SEEN: dict[tuple[str, Any, int], tuple[Any, ...]] = {}
_BUNDLE: list[bundle.Bundle] = []  # the bundle, once read


def _bundled() -> bundle.Bundle:
    """Every pattern the warm-up compiled, read once (one open, one load)."""
    if not _BUNDLE:
        _, stamp = _engine()
        with _LOCK:
            if not _BUNDLE:
                _BUNDLE.append(bundle.read(_bundle_path(stamp), stamp))
    return _BUNDLE[0]


def _bundle_path(stamp: str) -> str:
    return bundle.path_for(_DIR, "all", stamp)


def write_bundle() -> bool:
    """Write every pattern this process compiled or loaded as one file (the
    warm-up command, after compiling them all)."""
    _, stamp = _engine()
    _BUNDLE.clear()  # read again, as written, by the next pattern asked for
    return bundle.write(_bundle_path(stamp), stamp, dict(_SEEN))


def _compiled(pattern: Any, flags: int) -> Any:
    """The same for a str or bytes pattern: from the bundle, else from the
    pattern's own file, else compiled (and stored)."""
    engine, stamp = _engine()
    seen = (type(pattern).__name__, pattern, int(flags))
    args = _bundled().get(seen)
    if type(args) is tuple:
        try:
            compiled = engine.compile(pattern, *args)
        except Exception:  # noqa: BLE001, S110 - a foreign entry: read or compiled anew
            pass
        else:
            _SEEN[seen] = args
            return compiled
    path = os.path.join(_DIR, _key(pattern, int(flags), stamp) + ".marshal")
    try:
        with open(path, "rb") as f:
            stored = f.read()
    except OSError:
        stored = b""
    if stored:
        import marshal

        try:
            kind, source, given, args = marshal.loads(stored)
            if (kind, source, given) == seen:
                compiled = engine.compile(pattern, *args)
                _SEEN[seen] = args
                return compiled
        except Exception:  # noqa: BLE001, S110 - a damaged or foreign cache: compiled anew
            pass
    import regex  # noqa: F401 - the compiler, imported only now

    core: Any = sys.modules["regex._main"]  # regex's internals, typed loosely
    return _compile_and_store(pattern, int(flags), path, core)


def _compile_and_store(pattern: Any, flags: int, path: str, core: Any) -> Any:
    """regex.compile, catching the arguments it hands its C engine."""
    if (sys.dont_write_bytecode and not _FORCE) or not hasattr(core, "_regex"):
        return core.compile(pattern, flags)
    caught: list[tuple[Any, ...]] = []
    with _LOCK:
        engine = core._regex
        real = engine.compile

        def catch(*args: Any) -> Any:
            caught.append(args)
            return real(*args)

        engine.compile = catch
        try:
            compiled = core.compile(pattern, flags, cache_pattern=False)  # really compiled
        finally:
            engine.compile = real
    # Not kept: named lists (values given per call) and locale-dependent patterns.
    if len(caught) == 1 and not caught[0][5] and not int(caught[0][1]) & int(core.LOCALE):
        rest = tuple(int(a) if isinstance(a, int) else a for a in caught[0][1:])  # IntFlag → int
        _SEEN[(type(pattern).__name__, pattern, flags)] = rest
        _store(path, pattern, flags, rest)
    return compiled


def _store(path: str, pattern: Any, flags: int, rest: tuple[Any, ...]) -> None:
    import marshal

    try:
        body = marshal.dumps((type(pattern).__name__, pattern, flags, rest))
        os.makedirs(_DIR, exist_ok=True)
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            f.write(body)
        os.replace(tmp, path)
    except (OSError, ValueError):
        pass  # read-only install, or a value marshal cannot hold: compiled each time


def _key(pattern: Any, flags: int, stamp: str) -> str:
    meta = f"|{type(pattern).__name__}|{flags}|{stamp}|{sys.implementation.cache_tag}"
    return short_digest(pattern, meta)

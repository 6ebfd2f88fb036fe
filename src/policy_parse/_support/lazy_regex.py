"""Patterns compiled when first used, not when their module is imported.

`import policy_parse` used to compile some fifty `regex` patterns (a fifth of
its start-up time), many of which a given input never needs: the docx
header rules for a text file, the table grammar for a notice without a table.
`lazy_compile` takes `regex.compile`'s arguments and returns an object that
compiles on the first attribute asked of it, then keeps the compiled
pattern's methods as its own attributes, so later calls cost what a compiled
pattern's do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    import regex

__all__ = ["lazy_compile"]

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

    def __getattr__(self, name: str) -> Any:
        import regex  # with the first pattern used, not with the package

        compiled = regex.compile(self._pattern, self._flags)
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

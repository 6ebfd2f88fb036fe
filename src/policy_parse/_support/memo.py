"""Caches of pure functions of a text (a unit list, a line start, a header
cell), shared by the stages.

A notice writes the same unit list in prose and table and the same header
words on every page, and segmenting asks about most lines twice; these
answers depend on the text alone.  Every cache is bounded and registered
here, so a benchmark can time a notice as if seen for the first time
(`clear()`), and a long-running batch can drop them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast

__all__ = ["clear", "text_cache"]

F = TypeVar("F", bound=Callable[..., Any])

_CACHES: list[Any] = []


def text_cache(maxsize: int = 4096) -> Callable[[F], F]:
    """`functools.lru_cache(maxsize)`, registered for `clear()`."""

    def wrap(fn: F) -> F:
        cached = functools.lru_cache(maxsize=maxsize)(fn)
        _CACHES.append(cached)
        return cast(F, cached)

    return wrap


def clear() -> None:
    """Empty every registered cache."""
    for cache in _CACHES:
        cache.cache_clear()

"""The compiled layout passes (`_passes`, read/layout/_passes.c, built by
setup.py where a C compiler is at hand), or None: not built, or
POLICY_PARSE_NATIVE=0 (docs/pdf.md, "The compiled character loop").
`lines` and `hidden` look `PASSES` up at each call, so a test can turn it
off for the Python passes it stands in for."""

from __future__ import annotations

from typing import Any

from ..._support.native import native_wanted
from .page_model import Char

__all__ = ["PASSES", "load"]

# What the layout calls (lines.py, borderless_lines.py, hidden.py, tables.py).
_CALLED = (
    "bind",
    "no_twins",
    "group",
    "wide_texts",
    "chunks",
    "tab_lines",
    "text_loop",
    "tally",
    "visible",
    "place",
)


def load() -> Any:
    if not native_wanted():
        return None
    try:
        from . import _passes
    except ImportError:
        return None
    if not all(hasattr(_passes, name) for name in _CALLED):
        return None  # built from an older _passes.c: the Python passes
    try:
        _passes.bind(Char)
    except TypeError:  # pragma: no cover - a Char whose fields are not slots
        return None
    return _passes


PASSES = load()

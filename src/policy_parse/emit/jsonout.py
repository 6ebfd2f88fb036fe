"""JSON text of the emitted dicts, through the fastest encoder at hand.

The stdlib encoder falls back to pure Python as soon as `indent` is given,
and indented JSON is what people read: a quarter of the txt CLI's time went
there.  With the `[fast]` extra installed, orjson writes the same bytes
about thirty times faster; without it, or for what orjson refuses (an integer
beyond 64 bits, a key that is no string), the stdlib writes them.

The bytes are the same because what the emitters produce stays inside what
both encoders write alike: strings (both escape the same control characters
and keep the rest as UTF-8), integers, and finite floats rounded to one
decimal below 1e15 (`emit.json._span`), which neither writes with an exponent.
tests/emit/test_emit_json.py holds the two to that.
"""

from __future__ import annotations

import functools
import json
from typing import Any

__all__ = ["dumps"]


def dumps(obj: Any, *, indent: int | None = 2, sort_keys: bool = True) -> str:
    """`json.dumps(obj, ensure_ascii=False, indent=indent, sort_keys=sort_keys)`."""
    if indent == 2:
        fast = _orjson()
        if fast is not None:
            option = fast.OPT_INDENT_2 | (fast.OPT_SORT_KEYS if sort_keys else 0)
            try:
                raw: bytes = fast.dumps(obj, option=option)
                return raw.decode("utf-8")
            except TypeError:
                pass  # beyond orjson (a huge int, a non-str key): the stdlib can
    return json.dumps(obj, ensure_ascii=False, indent=indent, sort_keys=sort_keys)


@functools.cache
def _orjson() -> Any:
    """orjson if installed (imported on first use), else None."""
    try:
        import orjson
    except ImportError:
        return None
    return orjson

"""Names a package loads on first access (PEP 562): its `__init__` maps
each name to the module defining it, and `import package` costs none of
them.  Why each package defers what it defers is said where it does."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_getattr"]


def lazy_getattr(
    package: str, table: Mapping[str, str], namespace: dict[str, Any]
) -> Callable[[str], Any]:
    """A module `__getattr__` for `package`: a name in `table` is imported
    from its module (relative to `package`) and kept in `namespace` (the
    package's globals), so the lookup runs once."""

    def __getattr__(name: str) -> Any:
        if name in table:
            value = getattr(importlib.import_module(table[name], package), name)
            namespace[name] = value
            return value
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__

"""`typing.NamedTuple`'s class syntax at `collections.namedtuple`'s price.

The stages hand each other small records written as `class X(NamedTuple)`
(23 of them on a txt notice's path).  typing builds each one as
`collections.namedtuple` does, then checks every field's annotation (with
`from __future__ import annotations` each is a string, compiled into a
`ForwardRef`) and reassigns the new class's bases: ~1.5M instructions a
class against ~0.4M for the namedtuple alone, ~25M of the txt CLI's
start-up (issue 26, round 6).

`NamedTuple` here builds the same class — `collections.namedtuple` with the
fields in order, their defaults, the class body's methods, docstring and
names, `__annotations__` as written — and skips the checks: an annotation is
never evaluated at run time (mypy reads them, and sees typing's NamedTuple:
the name is re-exported as typing's for the type checker).  The rules
typing enforces on the class body are kept: no default before a field
without one, no overwriting the namedtuple's own attributes.
"""

from __future__ import annotations

import collections
from typing import TYPE_CHECKING, Any

__all__ = ["NamedTuple"]

# As typing's: attributes a class body may not set, and those it never copies.
_PROHIBITED = frozenset(
    {
        "__new__",
        "__init__",
        "__slots__",
        "__getnewargs__",
        "_fields",
        "_field_defaults",
        "_make",
        "_replace",
        "_asdict",
        "_source",
    }
)
_SPECIAL = frozenset({"__module__", "__name__", "__annotations__"})


class _RecordMeta(type):
    def __new__(mcs, typename: str, bases: tuple[type, ...], ns: dict[str, Any]) -> Any:
        if not bases:  # the NamedTuple base itself
            return super().__new__(mcs, typename, bases, ns)
        if bases != (NamedTuple,):
            raise TypeError("can only inherit from NamedTuple")
        types: dict[str, Any] = ns.get("__annotations__", {})
        defaults: list[str] = []
        for name in types:
            if name in ns:
                defaults.append(name)
            elif defaults:
                raise TypeError(
                    f"Non-default namedtuple field {name} cannot follow default field"
                    f"{'s' if len(defaults) > 1 else ''} {', '.join(defaults)}"
                )
        values = tuple(ns[n] for n in defaults)
        make: Any = collections.namedtuple  # the fields are only known here
        record = make(typename, list(types), defaults=values, module=ns["__module__"])
        record.__annotations__ = record.__new__.__annotations__ = dict(types)
        for key, value in ns.items():
            if key in _PROHIBITED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in _SPECIAL and key not in record._fields:
                setattr(record, key, value)
        return record


if TYPE_CHECKING:
    from typing import NamedTuple
else:

    class NamedTuple(metaclass=_RecordMeta):
        """Subclass to declare a record, as typing.NamedTuple."""

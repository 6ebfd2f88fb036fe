"""_support/records.py: a record declared with its NamedTuple behaves as
typing.NamedTuple's, built without typing's per-field checks."""

from __future__ import annotations

import pickle
import typing

import pytest

from policy_parse._support.records import NamedTuple


class Mark(NamedTuple):
    """A marker read off a line (an invented record)."""

    text: str
    level: int
    end: int = -1
    note: str | None = None

    def shown(self) -> str:
        return f"{self.text}@{self.level}"


class TypedMark(typing.NamedTuple):
    """A marker read off a line (an invented record)."""

    text: str
    level: int
    end: int = -1
    note: str | None = None

    def shown(self) -> str:
        return f"{self.text}@{self.level}"


def test_a_record_is_the_tuple_typing_would_build() -> None:
    ours, theirs = Mark("（一）", 2), TypedMark("（一）", 2)
    assert ours == theirs == ("（一）", 2, -1, None)
    assert type(ours).__bases__ == type(theirs).__bases__ == (tuple,)
    assert Mark._fields == TypedMark._fields == ("text", "level", "end", "note")
    assert Mark._field_defaults == TypedMark._field_defaults == {"end": -1, "note": None}
    assert repr(ours) == "Mark(text='（一）', level=2, end=-1, note=None)"
    assert ours._replace(end=5).end == 5 and ours._asdict()["level"] == 2
    assert ours.shown() == theirs.shown() == "（一）@2"
    assert Mark.__doc__ == TypedMark.__doc__
    assert (Mark.__module__, Mark.__qualname__) == (__name__, "Mark")
    assert list(Mark.__annotations__) == list(TypedMark.__annotations__)
    assert pickle.loads(pickle.dumps(ours)) == ours
    assert hash(ours) == hash(("（一）", 2, -1, None))


def test_typings_rules_on_the_class_body_hold() -> None:
    with pytest.raises(TypeError, match="cannot follow default field"):

        class Bad(NamedTuple):
            a: int = 0
            b: int

    with pytest.raises(AttributeError, match="_replace"):

        class Worse(NamedTuple):
            a: int

            def _replace(self) -> None: ...  # type: ignore[override]


def test_no_annotation_is_evaluated() -> None:
    # typing compiles each string annotation into a ForwardRef; here a name
    # that does not exist at run time is kept as written.
    class Lazy(NamedTuple):
        rows: NotDefinedAnywhere  # type: ignore[name-defined]  # noqa: F821

    assert Lazy.__annotations__ == {"rows": "NotDefinedAnywhere"}
    assert Lazy(3).rows == 3

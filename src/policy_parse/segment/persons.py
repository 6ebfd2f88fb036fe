"""Persons in annotations: 甲局（负责人：张三）, 牵头单位及责任人：甲局（张三）.

A person or post named beside a unit (责任人, 分管领导, a name in a bracket
under a 及责任人 label) is kept apart as a leader, never as a unit or part
of a unit's name.  Split from segment/annotations.py; the label grammar it
reads bracket bodies with is segment.labels'.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .._support.brackets import top_level_split as _top_level_split
from .._support.lazy_regex import lazy_compile
from ..data import load
from .annotation_words import names_only_units
from .grammar import UNIT_SEPARATORS
from .labels import label_pattern

if TYPE_CHECKING:
    import regex


_BRACKET_GROUP = lazy_compile(r"\s*[（(](?P<body>[^（）()]*)[）)]")


@functools.cache
def _person_words() -> tuple[str, ...]:
    return tuple(sorted(load("annotations")["leaders"]["persons"], key=len, reverse=True))


def _bracketed_leaders(value: str) -> tuple[str, list[str]]:
    """甲局（负责人：张三） → 甲局 and the person: a bracket after a unit whose
    body is a person label (责任人：, 分管领导：) is no part of the name."""
    if "（" not in value and "(" not in value:
        return value, []
    persons: list[str] = []

    def take(m: regex.Match[str]) -> str:
        body = m["body"].strip()
        label = label_pattern().match(body)
        if label is not None and label["leader"]:
            persons.extend(p for p in UNIT_SEPARATORS.split(body[label.end() :]) if p)
            return ""
        # 甲局（联系人：张三）: a person word of [leaders] persons, then a
        # colon — on a line of its own 联系人： is the notice's contact, no
        # label of a measure, but after a unit it names that unit's person.
        word = next((w for w in _person_words() if body.startswith(w)), None)
        if word is None or body[len(word) : len(word) + 1] not in ("：", ":"):
            return m[0]
        persons.extend(p for p in UNIT_SEPARATORS.split(body[len(word) + 1 :]) if p.strip())
        return ""

    return _BRACKET_GROUP.sub(take, value), persons


# A unit and its person in brackets: 甲局（张三）.  A bracket holding a unit
# word or a role word is no person (甲局（乙办）, 甲局（牵头）).
_UNIT_AND_PERSON = lazy_compile(r"^(?P<unit>.+?)\s*[（(](?P<person>[^（）()]{1,12})[）)]$")


def persons_apart(value: str) -> tuple[str, list[str]]:
    """甲局（张三）、乙局（李四、王五） under a 及责任人 label or column → the
    units 甲局、乙局 and the persons: the label says the brackets name
    persons.  A bracket that ends like a unit (甲局（乙办）) or holds a role
    word (甲局（牵头）) stays where it is."""
    items = [i.strip() for i in _top_level_split(value.replace("、", "，")) if i.strip()]
    units: list[str] = []
    persons: list[str] = []
    role_words = tuple(load("annotations")["roles"]["bare"])
    for item in items:
        m = _UNIT_AND_PERSON.match(item)
        person = m["person"] if m else ""
        if m is None or person.startswith(role_words) or names_only_units([person]):
            units.append(item)
            continue
        units.append(m["unit"])
        persons.extend(p for p in UNIT_SEPARATORS.split(person) if p.strip())
    return "、".join(units), persons

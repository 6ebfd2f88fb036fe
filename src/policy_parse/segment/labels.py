"""Annotation labels: 牵头单位：, 配合单位：, 责任领导：, 完成时限：, 责任分工：
and their cousins — which words make a label, and what role its value plays.

The words live in data/annotations.toml ([roles], [labels], [leaders]);
`label_pattern` composes them into the one pattern every reader of labels
uses (segment.annotations reads the labelled clauses, segment.persons the
persons a label names, segment.items and segment.placement find label
lines).  Split from segment/annotations.py: the label grammar is what both
the annotation reader and the person rules need, so it stands below both.
"""

from __future__ import annotations

import enum
import functools
from typing import TYPE_CHECKING

from .._support.lazy_regex import compile_cached, lazy_compile
from .._support.memo import text_cache
from ..data import load
from .annotation_words import _alt, _product

if TYPE_CHECKING:
    import regex


class LabelRole(enum.StrEnum):
    """What a label's value is (a str: compares equal to its name in data files)."""

    LEAD = "lead"  # 牵头单位：
    SUPPORT = "support"  # 配合单位： 责任单位：
    OVERSIGHT = "oversight"  # 督办单位：: supervises, no unit of the measure
    DEADLINE = "deadline"  # 完成时限：
    DIVISION = "division"  # 责任分工：: a role phrase follows
    LEADER = "leader"  # 责任领导：: persons, never units


@functools.cache
def _label_roles() -> dict[str, LabelRole]:
    """Every label word → its role (lead, support, deadline, division)."""
    data = load("annotations")
    roles: dict[str, LabelRole] = {}
    for role in (LabelRole.SUPPORT, LabelRole.LEAD):
        for word in data["roles"][role]:
            for unit_word in data["roles"]["unit_words"]:
                roles[word + unit_word] = role
        for word in data["labels"][role]:
            roles[word] = role
    for word in data["roles"]["oversight"]:
        for unit_word in data["roles"]["unit_words"]:
            roles[word + unit_word] = LabelRole.OVERSIGHT
    for word in data["roles"]["bare"]:
        lead = word in data["roles"]["lead"]
        roles.setdefault(word, LabelRole.LEAD if lead else LabelRole.SUPPORT)
    for role in (LabelRole.DEADLINE, LabelRole.DIVISION):
        for word in data["labels"][role]:
            roles[word] = role
    return roles


def label_role(label: str) -> LabelRole:
    """A label's role: the words listed ([roles], [labels]) — or, for any
    other label made of a role word and a unit word (共同责任单位, 牵头实施
    单位), its words: a lead word leads, an oversight word oversees, any
    other role word supports."""
    if (role := _label_roles().get(label)) is not None:
        return role
    roles = load("annotations")["roles"]
    if any(map(label.__contains__, roles["lead"])):
        return LabelRole.LEAD
    if any(map(label.__contains__, roles["oversight"])):
        return LabelRole.OVERSIGHT
    return LabelRole.SUPPORT


class _LabelKind(enum.Enum):
    """A support label's kind, for the rule that a 责任 label beside a 配合
    one (and no 牵头 one) leads (data/annotations.toml [roles] responsible)."""

    RESPONSIBLE = "responsible"  # 责任单位：, 承办单位：
    HELPING = "helping"  # 配合单位：, 协办单位：
    OTHER = "other"


def _label_kind(label: str) -> _LabelKind:
    roles = load("annotations")["roles"]
    if any(w in label for w in roles["helping"]):
        return _LabelKind.HELPING  # 配合责任单位 helps
    word = label
    for unit_word in sorted(roles["unit_words"], key=len, reverse=True):
        if word.endswith(unit_word):
            word = word[: -len(unit_word)]
            break
    for modifier in load("annotations")["labels"]["modifiers"]:
        word = word.removeprefix(modifier)
    return _LabelKind.RESPONSIBLE if word in roles["responsible"] else _LabelKind.OTHER


def has_colon(text: str) -> bool:
    """A cheap test before label_pattern, whose labels all end in ：or : —
    or in the 】 of a bracketed label (【牵头单位】A), in a space that
    stands for the colon (牵头单位　A, a form or a PDF copy), or in 为
    (牵头单位为A)."""
    return (
        "：" in text
        or ":" in text
        or "】" in text
        or "〕" in text
        or "为" in text  # 牵头单位为A
        or (_SPACED.search(text) is not None)
    )


# A space where a label's colon would be: 牵头单位　A (cheap test: a unit word
# followed by a space; label_pattern says whether a label stands before it).
_SPACED = lazy_compile(r"\p{Han}[ \t\u3000]+\p{Han}")


@functools.cache
def label_pattern() -> regex.Pattern[str]:
    roles = load("annotations")["roles"]
    unit_words = roles["unit_words"]
    products = (roles["support"] + roles["lead"], roles["oversight"])
    # The words of _label_roles not made of a role and a unit word.
    made = {w + u for part in products for w in part for u in unit_words}
    others = [w for w in _label_roles() if w not in made]
    leaders = load("annotations")["leaders"]["words"]
    # At most one label can end in a colon at a given start (a longer one
    # continues with a character no colon or bracket is), so the order of
    # the alternatives changes no match.
    # Any other label made of a role word and a unit word, a modifier before
    # and up to three characters between: 共同责任单位, 牵头实施单位, 协同推进
    # 部门 (label_role reads its role) — not 明确各牵头单位： in a sentence.
    role_words = [*roles["lead"], *roles["support"], *roles["oversight"], *roles["bare"]]
    modifiers = load("annotations")["labels"]["modifiers"]
    generic = (
        f"(?:{_alt(modifiers)})?(?:{_alt(role_words)})"
        rf"\p{{Han}}{{0,3}}?(?:{_alt(unit_words)})"
    )
    labels = "|".join([*(_product(part, unit_words) for part in products), _alt(others), generic])
    person_starts = _alt(load("annotations")["leaders"]["starts"])
    return compile_cached(
        r"(?:(?P<open>[【〔])"  # a label in 【】
        # 牵头单位　A: a space for the colon, where a label starts a line, a
        # bracket or a clause after ； (not after ，, where a sentence may
        # name 牵头单位 and go on).
        r"|(?P<spaced>(?<=^|[\s；;。（(]))"
        r"|(?<=^|[\s；;，,。（(【〔]))"  # a label starts a clause
        r"(?P<label>"
        + labels  # role + unit word, deadline, division
        + r"|(?P<leader>\p{Han}{0,6}?(?:"
        + _alt(leaders)
        + r")|(?:"
        + person_starts
        + r")\p{Han}{0,6}?))"  # a person or position label: …领导, 分管…
        # 牵头单位及责任人：: units, each with its person in a bracket.
        + r"(?P<persons>(?:"
        + _alt(load("annotations")["leaders"]["joiners"])
        + r")(?:"
        + _alt(load("annotations")["leaders"]["persons"])
        + r"))?"
        + r"(?:[（(][^（）()：:。]{1,16}[）)])?"  # 牵头部门（单位）：, 责任单位（列第一位者牵头）：
        # 【牵头单位】A: the bracket is its colon — unless nothing follows it
        # (A〔牵头〕、B marks A, it labels nothing: marked_leads).
        + r"\s*(?(open)[】〕](?![、，,；;）)]|$)\s*[：:]?|(?:[：:]"
        # 牵头单位为A: 为 for the colon (A为牵头单位 is segment.phrases').
        + r"|为(?=\p{Han})"
        # …or, after a label that starts so, a space before a value that is
        # no label itself (a header row 牵头单位 配合单位 names no unit).
        + r"|(?(spaced)(?<=\p{Han}[ \t\u3000]+)(?=\p{Han})(?!(?:"
        + labels
        + r")(?:[\s：:]|$))|(?!))))"
    )


# Every match of label_pattern holds one of these: a colon, 为, the 】 of
# 【牵头单位】, or the space that stands for a colon (牵头单位　A).  A text
# with none of them is no label line — most lines, told in C, before the
# pattern (~1,500 characters of alternatives) is tried at its start.
_LABEL_ENDS = frozenset("：:为】〕 \t\u3000")


# Asked of a paragraph's first line by several readers (items, wrapping,
# a table cell's phrase): the same lines again.
@text_cache()
def is_label_line(line: str) -> bool:
    """牵头单位：… / 责任领导：… / 完成时限：… at the start of a line."""
    if _LABEL_ENDS.isdisjoint(line):
        return False
    return label_pattern().match(line.strip()) is not None


@text_cache()  # the same annotation bodies under many measures
def parse_annotation_line(line: str) -> tuple[LabelRole, str] | None:
    """牵头单位：A on its own line → ("lead", "A"); 完成时限：… → ("deadline", …);
    None for any other line."""
    if _LABEL_ENDS.isdisjoint(line):
        return None
    m = label_pattern().match(line.strip())
    if not m:
        return None
    role = LabelRole.LEADER if m["leader"] else label_role(m["label"])
    return role, line.strip()[m.end() :].strip()

"""Responsibility annotations: （牵头部门：A，责任部门：B、C） and its cousins.

The words live in data/annotations.toml; this module knows the shapes they
come in (docs/formats.md):

* labelled clauses — 牵头单位：A；配合单位：B、C.  A label is a role word plus a
  unit word (牵头责任单位, 协同责任单位), a person label (责任领导, 分管副省长: the
  value is kept as `leaders`, never as units), a deadline label, or a division
  label whose value is a phrase (部门分工：A牵头，B、C配合。);
* phrases, read clause by clause — A牵头，B、C按职责分工负责 · A、B牵头落实 ·
  A参与 · A、B、C分别负责 · A负责 (one unit: the lead) · X等负责 (several: no
  lead): segment.phrases, on the record and words of segment.annotation_words.

Where an annotation sits is segment.placement's business.
"""

from __future__ import annotations

import enum
import functools
from typing import TYPE_CHECKING

import attrs

from .._support.brackets import CLOSERS as CLOSERS  # noqa: PLC0414 (re-exported, see below)
from .._support.brackets import CLOSING_GROUP, top_level_spans
from .._support.brackets import OPENERS as OPENERS  # noqa: PLC0414
from .._support.brackets import PAIR as PAIR  # noqa: PLC0414
from .._support.brackets import top_level_split as _top_level_split
from .._support.lazy_regex import compile_cached, lazy_compile
from .._support.memo import text_cache
from ..data import load
from .annotation_words import Annotation as Annotation  # noqa: PLC0414 (re-exported)
from .annotation_words import (
    _alt,
    _product,
    _split_items,
    _units_and_deadline,
    marked_leads,
    responsible_leads,
)
from .annotation_words import is_level as is_level  # noqa: PLC0414
from .annotation_words import lead_markers as lead_markers  # noqa: PLC0414
from .annotation_words import names_only_units as names_only_units  # noqa: PLC0414
from .grammar import DEADLINE_ITEM, UNIT_SEPARATORS
from .notes import is_note_only, without_note
from .notes import states_first_is_lead as states_first_is_lead  # noqa: PLC0414
from .phrases import _phrase_ends, _phrase_patterns, positions_apart
from .phrases import bare_units as bare_units  # noqa: PLC0414
from .phrases import parse_phrase as parse_phrase  # noqa: PLC0414
from .phrases import plausible_units as plausible_units  # noqa: PLC0414

if TYPE_CHECKING:
    from collections.abc import Iterable

    import regex

# CLOSERS, OPENERS, PAIR (_support.brackets), states_first_is_lead
# (segment.notes), the Annotation record and the phrase readers
# (segment.annotation_words, segment.phrases) are re-exported: segment.placement,
# segment.items and segment/__init__ import them from here.


# --- labels -----------------------------------------------------------------


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


_CLOSING_GROUP = CLOSING_GROUP


def without_remark(value: str) -> str:
    """A、B（按职责分工负责） / A、B（列第一位的为牵头单位） / A、B（排名不分先后）
    → A、B: a bracket closing a unit list that says how the units share the
    work (a [phrases] marker), states the first-is-lead convention or that the
    order means nothing ([notes] unordered) is no part of the last
    unit's name, as 县委组织部（县委人才办） is."""
    m = _CLOSING_GROUP.search(value.rstrip("。 "))
    if m is None:
        return value
    body = m["body"].strip().strip("。")
    data = load("annotations")
    p = data["phrases"]
    # Not a lead marker: A（牵头） marks its unit (marked_leads).
    if (
        body in {*p["shared_markers"], *p["support_markers"]}
        or states_first_is_lead(body)
        or any(map(body.__contains__, data["notes"]["unordered"]))
        or _detail(body, data["notes"])
    ):
        return value.rstrip("。 ")[: m.start()].rstrip()
    return value


def _detail(body: str, notes: dict[str, list[str]]) -> bool:
    """具体由A局某处负责 / 某科具体负责: who within the unit does the work."""
    if body.startswith(tuple(notes["detail_opens"])) and body.endswith("负责"):
        return True
    return body.endswith(tuple(notes["detail_closes"]))


def _without_marker(value: str, role: LabelRole) -> str:
    """责任单位：A、B按职责分工负责 → A、B: a labelled list ending in a marker of
    how its units share the work (or, under a supporting label, in a support
    marker: 配合单位：A、B协助) — the label already gives the role; the marker
    is no part of the last unit's name."""
    _, support_re, shared_re = _phrase_patterns()
    _, support_ends, shared_ends = _phrase_ends()
    text = value.rstrip("。 ")
    # Under a supporting label its own markers first: 按职能分别负责 ends in
    # 负责 too, which would leave 按职能分别 on the last name.
    order = [(support_re, support_ends), (shared_re, shared_ends)]
    for pattern, ends in order if role == LabelRole.SUPPORT else order[1:]:
        m = pattern.match(text) if text.endswith(ends) else None
        # The label says these are units, and no unit's name ends in a marker.
        if m and plausible_units(m["units"]):
            return m["units"]
    return value


def _helping_list(label: str, value: str, role: LabelRole, lead_label: bool) -> bool:
    """配合单位：县直有关部门按职责负责: a supporting label's units closed by a
    marker of how they share the work, under a helping label or beside a
    牵头 label (责任单位：… then).  The phrase alone would make a lone unit so
    closed the lead (（A负责）); the labels say it supports (probe10)."""
    return (
        role == LabelRole.SUPPORT
        and (lead_label or _label_kind(label) is _LabelKind.HELPING)
        and _without_marker(value, role) != value
    )


def _responsible_alone(label: str, role: LabelRole, lead_label: bool) -> bool:
    """A 责任单位 (承办单位 …) label in an annotation with no 牵头 label."""
    return (
        role == LabelRole.SUPPORT
        and not lead_label
        and _label_kind(label) is _LabelKind.RESPONSIBLE
    )


# Labels whose value is never read as a role phrase.
_NO_PHRASE = frozenset({LabelRole.OVERSIGHT, LabelRole.LEADER, LabelRole.DEADLINE})


def labelled(body: str, *, line: bool) -> Annotation | None:
    text = without_note(body).strip()
    if not has_colon(text):
        return None  # every label ends in a colon (label_pattern)
    # A label inside a bracket of a value is that value's remark, no clause
    # of its own: 牵头单位：A（负责人：张三）.
    matches = _outside_brackets(text, label_pattern().finditer(text))
    if not matches:
        return None
    before = text[: matches[0].start()].strip(" ，,；;（(【〔")
    # （2025年底前完成；牵头单位：A；…）: a deadline may stand before the labels.
    deadline: str | None = before if before and DEADLINE_ITEM.match(before) else None
    if before and deadline is None:
        return None
    lead: list[str] = []
    support: list[str] = []
    leaders: list[str] = []
    supporting: list[tuple[str, str]] = []  # (label, its units) of each support label
    lead_label = any(not x["leader"] and label_role(x["label"]) == LabelRole.LEAD for x in matches)
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        value = text[m.end() : end].strip().strip("，,；;。 ")
        role = LabelRole.LEADER if m["leader"] else label_role(m["label"])
        if m["persons"] and role not in _NO_PHRASE:
            value, persons = persons_apart(value)
            leaders.extend(persons)
        if role not in _NO_PHRASE:
            value, persons = _bracketed_leaders(value)
            leaders.extend(persons)
            value = _closing_phrase(value)
        phrase = parse_phrase(value) if value and role not in _NO_PHRASE else None
        if role in _NO_PHRASE and (split := _value_then_phrase(value)) is not None:
            # 责任领导：张三；A牵头，B配合: the person's value ends at ；, a
            # phrase naming the units follows with no label of its own.
            value, rest = split
            lead.extend(rest.lead)
            support.extend(rest.support)
        if role == LabelRole.OVERSIGHT:
            continue  # 督办单位：X supervises: no unit of the measure
        if role == LabelRole.LEADER:
            # 分管领导：刘副市长，每年: the deadline closing the bracket is no person's.
            value, due = _units_and_deadline(value)
            deadline = deadline or due
            if value:
                leaders.append(value)
        elif role == LabelRole.DEADLINE:
            deadline = deadline or value or None
        elif (
            phrase is not None
            and (role == LabelRole.DIVISION or phrase.lead)
            and not _helping_list(m["label"], value, role, lead_label)
        ):
            # 责任分工：A牵头，B配合, or 责任单位：A牵头，B、C配合 — the value says who leads.
            lead.extend(phrase.lead)
            support.extend(phrase.support)
            deadline = deadline or phrase.deadline
        elif role == LabelRole.DIVISION:
            pass  # a division label whose value is no role phrase names no unit
        elif (role == LabelRole.LEAD or _responsible_alone(m["label"], role, lead_label)) and (
            split := _lead_then_phrase(value)
        ) is not None:
            # 牵头单位：A，B、C配合: the label names A; the phrase after it, the
            # others.  So does 责任单位：A，B配合 with no 牵头 label: the unit
            # responsible beside its helpers leads, as a 责任单位 label beside
            # a 配合单位 label does (specimen 136; probe10).
            head, rest = split
            lead.append(head)
            support.extend(rest.support)
            deadline = deadline or rest.deadline
        elif value:
            units, due = _units_and_deadline(value)
            units = without_remark(_without_marker(units, role))
            marked, units = marked_leads(units)
            lead.extend(marked)
            if units:
                (lead if role == LabelRole.LEAD else support).append(units)
                if role == LabelRole.SUPPORT:
                    supporting.append((m["label"], units))
            deadline = deadline or due
    # 牵头单位：分管副市长、A局: a position in a label's list leads no unit (probe10).
    lead, support, positions = positions_apart(lead, support)
    leaders.extend(positions)
    if not (lead or support or leaders or (line and deadline)):
        return None
    kinds = [_label_kind(label) for label, _ in supporting]
    return responsible_leads(
        written=body,
        lead=tuple(lead),
        support=tuple(support),
        deadline=deadline,
        leaders=tuple(leaders),
        responsible=tuple(v for k, (_, v) in zip(kinds, supporting) if k is _LabelKind.RESPONSIBLE),
        helping=_LabelKind.HELPING in kinds,
    )


def _outside_brackets(text: str, found: Iterable[regex.Match[str]]) -> list[regex.Match[str]]:
    """The matches (in order) that stand inside no bracket opened before
    them.  The brackets are counted once over the text, from each match to
    the next: counted from the start for each, a run-on text of thousands
    of labels was quadratic."""
    out = []
    depth = at = 0
    for m in found:
        between = text[at : m.start()]  # counted by map over str.count: no generator
        depth += sum(map(between.count, OPENERS)) - sum(map(between.count, CLOSERS))
        at = m.start()
        if depth <= 0:
            out.append(m)
    return out


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


def _closing_phrase(value: str) -> str:
    """A unit list whose closing bracket says who leads, read as if written
    without the bracket: A、B（分别牵头） as A、B分别牵头; A、B、C（A为牵头单位）
    as A、B、C，其中A为牵头单位 — when the list names only units and the
    bracket only units of the list."""
    m = _CLOSING_GROUP.search(value.rstrip("。 "))
    if m is None:
        return value
    head, body = value[: m.start()].rstrip(), m["body"].strip().strip("。")
    if not head:
        return value
    data = load("annotations")
    if body in data["phrases"]["lead_marker"]:
        # Not A、B（牵头）: a bare role word marks the unit before it (marked_leads).
        marks_one = body in data["roles"]["lead"] or body in data["roles"]["bare"]
        return value if marks_one else head + body
    phrase = parse_phrase(body)
    if phrase is None or not phrase.lead or phrase.support:
        return value
    listed = set(_split_items(head))
    if not names_only_units([head]):
        # A、开展工作（A负责）: a list that is not all units (a line run into
        # it) read with 其中 made 其中A a unit the notice never names.
        return value
    if all(u in listed for piece in phrase.lead for u in _split_items(piece)):
        return f"{head}，其中{body}"
    return value


def _value_then_phrase(value: str) -> tuple[str, Annotation] | None:
    """张三；A牵头，B配合 → ("张三", the phrase): a value that names no unit
    (a person, a deadline, an overseer) and, after a ； at top level, a role
    phrase whose units end like units."""
    spans = top_level_spans(value, "；;")
    if len(spans) < 2:
        return None
    cut = spans[0][1]
    rest = value[cut + 1 :].strip()
    phrase = parse_phrase(rest) if rest else None
    if phrase is None or not phrase.names_units:
        return None
    if not any(names_only_units([u]) for u in (*phrase.lead, *phrase.support)):
        return None
    return value[:cut].strip(), phrase


def _lead_then_phrase(value: str) -> tuple[str, Annotation] | None:
    """A，B、C配合 under a lead label → (A, the phrase B、C配合): the first
    clause is units with no marker, the rest a phrase naming no lead."""
    cut = next((k for k, c in enumerate(value) if c in "，,；;"), -1)
    if cut <= 0:
        return None
    head, rest = value[:cut].strip(), value[cut + 1 :].strip()
    phrase = parse_phrase(rest) if rest else None
    if phrase is None or phrase.lead or not phrase.support:
        return None
    if not plausible_units(head) or not names_only_units([head]):
        return None
    return head, phrase


# --- phrases ------------------------------------------------------------------


# Measures repeat their annotations word for word (one （A牵头） under many
# measures): each body is read once.
@text_cache()
def parse_annotation(body: str, *, line: bool = False) -> Annotation | None:
    """The inside of a parenthetical (or a line under a measure) → Annotation,
    or None if it is not one.  `line` accepts a deadline-only label line."""
    if is_note_only(body):
        return None  # （排名第一位的为牵头单位）: a note (segment.notes), no annotation
    ann = labelled(body, line=line)
    alt = parse_phrase(body.strip()) if ann is not None and not ann.names_units else None
    if alt is not None and alt.names_units:
        # 分管副省长 协管副秘书长负责，省甲厅牵头: a leader's label read off a
        # space names no unit; the phrase the body also is names them.
        return attrs.evolve(alt, written=body)
    if ann is not None:
        return ann
    phrase = parse_phrase(body.strip())
    if phrase is not None:
        return attrs.evolve(phrase, written=body)
    ann = _phrase_then_labels(body)
    if ann is None and (plain := _marker_unbracketed(body)) is not None:
        # （A、B（按职责分工负责））: read as A、B按职责分工负责.
        phrase = parse_phrase(plain)
        if phrase is not None:
            return attrs.evolve(phrase, written=body)
    return ann


def _marker_unbracketed(body: str) -> str | None:
    """A、B（按职责分工负责） → A、B按职责分工负责: a list closed by a bracketed
    marker of how its units share the work (or support), as the phrase it
    stands for; None for any other ending."""
    value = body.strip().rstrip("。 ")
    m = _CLOSING_GROUP.search(value)
    if m is None or m.start() == 0:
        return None
    inner = m["body"].strip().strip("。")
    p = load("annotations")["phrases"]
    if inner not in {*p["shared_markers"], *p["support_markers"]}:
        return None
    return value[: m.start()].rstrip() + inner


def _phrase_then_labels(body: str) -> Annotation | None:
    """（A牵头，B配合；完成时限：2022年底） / （A牵头；配合单位：B）: a phrase, then
    labelled clauses — each part must read on its own."""
    text = without_note(body).strip()
    if not has_colon(text):
        return None
    m = next((m for m in label_pattern().finditer(text) if m.start() > 0), None)
    if m is None:
        return None
    phrase = parse_phrase(text[: m.start()].strip(" ，,；;"))
    labels = labelled(text[m.start() :], line=True)
    if phrase is None or labels is None:
        return None
    both = phrase.merged(labels)
    return attrs.evolve(both, written=body)


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

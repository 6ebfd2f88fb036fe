"""Responsibility annotations: （牵头部门：A，责任部门：B、C） and its cousins.

The words live in data/annotations.toml; this module knows the shapes they
come in (docs/formats.md):

* labelled clauses — 牵头单位：A；配合单位：B、C.  A label is a role word plus a
  unit word (牵头责任单位, 协同责任单位), a person label (责任领导, 分管副省长: the
  value is kept as `leaders`, never as units), a deadline label, or a division
  label whose value is a phrase (部门分工：A牵头，B、C配合。);
* phrases, read clause by clause — A牵头，B、C按职责分工负责 · A、B牵头落实 ·
  A参与 · A、B、C分别负责 · A负责 (one unit: the lead) · X等负责 (several: no lead).

Where an annotation sits is segment.placement's business.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from .._support.brackets import ANY_OPENER as _ANY_OPENER
from .._support.brackets import CLOSERS as CLOSERS  # noqa: PLC0414 (re-exported, see below)
from .._support.brackets import OPENERS as OPENERS  # noqa: PLC0414
from .._support.brackets import PAIR as PAIR  # noqa: PLC0414
from .._support.brackets import top_level_spans
from .._support.brackets import top_level_split as _top_level_split
from .._support.lazy_regex import compile_cached, escape, lazy_compile
from ..data import load
from .grammar import DEADLINE_ITEM, UNIT_SEPARATORS
from .notes import states_first_is_lead as states_first_is_lead  # noqa: PLC0414
from .notes import without_note

if TYPE_CHECKING:
    import regex

# CLOSERS, OPENERS, PAIR (_support.brackets) and states_first_is_lead
# (segment.notes) are re-exported: segment.placement, segment.items and
# segment/__init__ import them from here.


@attrs.frozen(kw_only=True)
class Annotation:
    written: str
    lead: tuple[str, ...]  # as written, not yet split into units
    support: tuple[str, ...]
    deadline: str | None = None
    leaders: tuple[str, ...] = ()  # persons and positions, as written

    @property
    def names_units(self) -> bool:
        return bool(self.lead or self.support)

    def merged(self, other: Annotation) -> Annotation:
        """Two annotations of one measure: leads in order, then supports."""
        return Annotation(
            written=f"{self.written}\n{other.written}",
            lead=(*self.lead, *other.lead),
            support=(*self.support, *other.support),
            deadline=self.deadline or other.deadline,
            leaders=(*self.leaders, *other.leaders),
        )


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
    if any(w in label for w in roles["lead"]):
        return LabelRole.LEAD
    if any(w in label for w in roles["oversight"]):
        return LabelRole.OVERSIGHT
    return LabelRole.SUPPORT


def has_colon(text: str) -> bool:
    """A cheap test before label_pattern, whose labels all end in ：or : —
    or in the 】 of a bracketed label (【牵头单位】A), or in a space that
    stands for the colon (牵头单位　A, a form or a PDF copy)."""
    return (
        "：" in text
        or ":" in text
        or "】" in text
        or "〕" in text
        or (_SPACED.search(text) is not None)
    )


# A space where a label's colon would be: 牵头单位　A (cheap test: a unit word
# followed by a space; label_pattern says whether a label stands before it).
_SPACED = lazy_compile(r"\p{Han}[ \t\u3000]+\p{Han}")


def _longest_first(word: str) -> tuple[int, str]:
    """Longer words first (an alternation takes the first that matches); ties
    in code point order, so a pattern's text is the same in every process
    (a set's order is not) and its compiled form is cached once."""
    return (-len(word), word)


def _alt(words: list[str]) -> str:
    """An alternation of literal words, the longest first."""
    return "|".join(map(escape, sorted(set(words), key=_longest_first)))


def _product(*parts: list[str]) -> str:
    """Every concatenation of one word from each part, as one group per part
    ((?:为|是)(?:牵头)(?:单位|部门)), not as the flat list of all of them:
    the same strings, and a tenth of the compile time (hundreds of
    alternatives made this module's two largest patterns half of all the
    compiling a process does, and compiling is start-up time)."""
    return "".join(f"(?:{_alt(words)})" for words in parts)


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
        # …or, after a label that starts so, a space before a value that is
        # no label itself (a header row 牵头单位 配合单位 names no unit).
        + r"|(?(spaced)(?<=\p{Han}[ \t\u3000]+)(?=\p{Han})(?!(?:"
        + labels
        + r")(?:[\s：:]|$))|(?!))))"
    )


def _units_and_deadline(value: str) -> tuple[str, str | None]:
    """A unit list whose last item is a deadline (…，6月底完成) → both parts."""
    items = _top_level_split(value)
    if len(items) > 1 and DEADLINE_ITEM.match(items[-1]):
        return "，".join(items[:-1]), items[-1]
    return value, None


@functools.cache
def _lead_mark() -> regex.Pattern[str]:
    roles = load("annotations")["roles"]
    words = "|".join(map(escape, sorted(roles["lead"], key=len, reverse=True)))
    unit_words = "|".join(map(escape, roles["unit_words"]))
    return compile_cached(rf"^(?P<unit>.+?)\s*[（(〔【](?:{words})(?:{unit_words})?[）)〕】]$")


@functools.cache
def _support_mark() -> regex.Pattern[str]:
    roles = load("annotations")["roles"]
    words = _alt([w for w in roles["bare"] if w not in roles["lead"]])  # 配合, 协办, 参与
    return compile_cached(rf"^(?P<unit>.+?)\s*[（(〔【](?:{words})[）)〕】]$")


@functools.cache
def lead_markers() -> tuple[str, ...]:
    """The words that mark a lead in a phrase (A牵头): a cheap test before parsing."""
    return tuple(load("annotations")["phrases"]["lead_marker"])


def marked_leads(value: str) -> tuple[list[str], str]:
    """A（牵头）、B → (["A"], "B"): a lead marked in
    brackets after its name inside a list (（）, 〔〕 or 【】)."""
    if _ANY_OPENER.search(value) is None:
        return [], value  # no bracket, no mark
    items = [i for i in _top_level_split(value.replace("、", "，")) if i]
    marked = [m["unit"] for i in items if (m := _lead_mark().match(i))]
    if not marked:
        return [], value
    # The others may carry their own mark: A（主办）、B（协办）.
    rest = [i for i in items if not _lead_mark().match(i)]
    return marked, "、".join(m["unit"] if (m := _support_mark().match(i)) else i for i in rest)


_CLOSING_GROUP = lazy_compile(r"[（(](?P<body>[^（）()]*)[）)]$")


def _without_remark(value: str) -> str:
    """A、B（按职责分工负责） / A、B（列第一位的为牵头单位） → A、B: a bracket
    closing a unit list that says how the units share the work (a [phrases]
    marker) or states the first-is-lead convention is no part of the last
    unit's name, as 县委组织部（县委人才办） is."""
    m = _CLOSING_GROUP.search(value.rstrip("。 "))
    if m is None:
        return value
    body = m["body"].strip().strip("。")
    p = load("annotations")["phrases"]
    # Not a lead marker: A（牵头） marks its unit (marked_leads).
    if body in {*p["shared_markers"], *p["support_markers"]} or states_first_is_lead(body):
        return value.rstrip("。 ")[: m.start()].rstrip()
    return value


def _without_marker(value: str, role: LabelRole) -> str:
    """责任单位：A、B按职责分工负责 → A、B: a labelled list ending in a marker of
    how its units share the work (or, under a supporting label, in a support
    marker: 配合单位：A、B协助) — the label already gives the role; the marker
    is no part of the last unit's name."""
    _, support_re, shared_re = _phrase_patterns()
    _, support_ends, shared_ends = _phrase_ends()
    text = value.rstrip("。 ")
    for pattern, ends in ((shared_re, shared_ends), (support_re, support_ends)):
        if pattern is support_re and role != LabelRole.SUPPORT:
            continue
        m = pattern.match(text) if text.endswith(ends) else None
        # The label says these are units, and no unit's name ends in a marker.
        if m and plausible_units(m["units"]):
            return m["units"]
    return value


# Labels whose value is never read as a role phrase.
_NO_PHRASE = frozenset({LabelRole.OVERSIGHT, LabelRole.LEADER, LabelRole.DEADLINE})


def labelled(body: str, *, line: bool) -> Annotation | None:
    text = without_note(body).strip()
    if not has_colon(text):
        return None  # every label ends in a colon (label_pattern)
    # A label inside a bracket of a value is that value's remark, no clause
    # of its own: 牵头单位：A（负责人：张三）.
    matches = [m for m in label_pattern().finditer(text) if not _in_bracket(text, m.start())]
    if not matches or text[: matches[0].start()].strip(" ，,；;（(【〔"):
        return None
    lead: list[str] = []
    support: list[str] = []
    leaders: list[str] = []
    deadline: str | None = None
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
            if value:
                leaders.append(value)
        elif role == LabelRole.DEADLINE:
            deadline = deadline or value or None
        elif phrase is not None and (role == LabelRole.DIVISION or phrase.lead):
            # 责任分工：A牵头，B配合, or 责任单位：A牵头，B、C配合 — the value says who leads.
            lead.extend(phrase.lead)
            support.extend(phrase.support)
            deadline = deadline or phrase.deadline
        elif role == LabelRole.DIVISION:
            pass  # a division label whose value is no role phrase names no unit
        elif role == LabelRole.LEAD and (split := _lead_then_phrase(value)) is not None:
            # 牵头单位：A，B、C配合: the label names A; the phrase after it, the others.
            head, rest = split
            lead.append(head)
            support.extend(rest.support)
            deadline = deadline or rest.deadline
        elif value:
            units, due = _units_and_deadline(value)
            units = _without_remark(_without_marker(units, role))
            marked, units = marked_leads(units)
            lead.extend(marked)
            if units:
                (lead if role == LabelRole.LEAD else support).append(units)
            deadline = deadline or due
    if not (lead or support or leaders or (line and deadline)):
        return None
    return Annotation(
        written=body,
        lead=tuple(lead),
        support=tuple(support),
        deadline=deadline,
        leaders=tuple(leaders),
    )


def _in_bracket(text: str, k: int) -> bool:
    """Whether position k of `text` stands inside a bracket opened before it."""
    open_ = sum(text[:k].count(c) for c in OPENERS)
    return open_ > sum(text[:k].count(c) for c in CLOSERS)


_BRACKET_GROUP = lazy_compile(r"\s*[（(](?P<body>[^（）()]*)[）)]")


def _bracketed_leaders(value: str) -> tuple[str, list[str]]:
    """甲局（负责人：张三） → 甲局 and the person: a bracket after a unit whose
    body is a person label (责任人：, 分管领导：) is no part of the name."""
    if "（" not in value and "(" not in value:
        return value, []
    persons: list[str] = []

    def take(m: regex.Match[str]) -> str:
        label = label_pattern().match(m["body"].strip())
        if label is None or not label["leader"]:
            return m[0]
        persons.extend(p for p in UNIT_SEPARATORS.split(m["body"].strip()[label.end() :]) if p)
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
    as A、B、C，其中A为牵头单位 — when the bracket names only units of the list."""
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


@functools.cache
def _phrase_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    data = load("annotations")
    p, roles = data["phrases"], data["roles"]

    def markers(role: str, plain: list[str]) -> str:  # 牵头 …, or 为牵头单位, 是配合部门 …
        return f"{_alt(plain)}|{_product(p['copulas'], roles[role], roles['unit_words'])}"

    # Anchored at both ends with a lazy prefix, these match the shortest
    # `units` whose rest is in the markers' language: no alternative's
    # order can change a match.
    lead_markers = markers("lead", p["lead_marker"])
    support_markers = markers("support", p["support_markers"])
    lead = compile_cached(rf"^(?P<units>.+?)(?:{lead_markers})(?:{_alt(p['lead_verbs'])})?$")
    # Markers may be chained: A协助配合, A参与配合.
    support = compile_cached(rf"^(?P<units>.+?)(?:{support_markers})+$")
    shared = compile_cached(rf"^(?P<units>.+?)(?:{_alt(p['shared_markers'])})$")
    return lead, support, shared


@functools.cache
def _phrase_ends() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """What a clause matching each of `_phrase_patterns` must end with: a
    test in C before the patterns, whose lazy prefix tries every marker at
    every position of the clause (most clauses are plain unit lists)."""
    data = load("annotations")
    p, roles = data["phrases"], data["roles"]
    named = {
        role: [c + r + u for c in p["copulas"] for r in roles[role] for u in roles["unit_words"]]
        for role in ("lead", "support")
    }
    return (
        (*p["lead_marker"], *named["lead"], *p["lead_verbs"]),
        (*p["support_markers"], *named["support"]),
        tuple(p["shared_markers"]),
    )


@functools.cache
def _role_then_comma() -> regex.Pattern[str]:
    """A 、 right after a role marker ends a clause: A牵头、B配合."""
    data = load("annotations")["phrases"]
    words = [*data["lead_marker"], *data["lead_verbs"], *data["support_markers"]]
    words += data["shared_markers"]
    alt = "|".join(map(escape, sorted(set(words), key=_longest_first)))
    return compile_cached(rf"(?<=(?:{alt}))、")


def _clauses(body: str) -> list[str]:
    return [c for part in _top_level_split(body) for c in _role_then_comma().split(part) if c]


# X等 / X等部门 / X等单位: several units, never a lone lead.
_SEVERAL = lazy_compile(r"等\p{Han}{0,3}$")


_NOT_IN_UNITS = lazy_compile(r"[。：:！？]")  # a sentence or a label: not a unit list


def plausible_units(units: str) -> bool:
    return 0 < len(units) <= 200 and not _NOT_IN_UNITS.search(units)


def parse_phrase(text: str) -> Annotation | None:
    """A牵头，B、C配合 … → lead and support; None unless every clause has a role."""
    # A note is no unit (segment.notes), and what follows the first 。 is
    # one too, whatever its words.
    body = without_note(text).split("。", 1)[0]
    lead_re, support_re, shared_re = _phrase_patterns()
    lead_ends, support_ends, shared_ends = _phrase_ends()
    words = load("annotations")["phrases"]
    lead: list[str] = []
    support: list[str] = []
    shared: list[str] = []
    deadline: str | None = None
    pending: list[str] = []
    for clause in _clauses(body):
        if DEADLINE_ITEM.match(clause):
            deadline = clause
            continue
        if lead and (partners := _partners_clause(clause)) is not None:
            # 由A牵头，会同B、C推进: the clause names the lead's partners.
            support.append(partners)
            continue
        for pattern, ends, bucket in (
            (lead_re, lead_ends, lead),
            (support_re, support_ends, support),
            (shared_re, shared_ends, shared),
        ):
            m = pattern.match(clause) if clause.rstrip("\n").endswith(ends) else None
            if m and plausible_units(m["units"]):
                units = m["units"]
                for prefix in words["unit_prefixes"]:
                    units = units.removeprefix(prefix)
                head, partners = _split_lead_with(units, words["lead_with"])
                named = _named_again(pending, units) if bucket is lead else None
                if named is not None:
                    # 责任单位：A、B、C，A牵头: the list, then which of it leads.
                    lead.append(units)
                    if named:
                        support.append(named)
                elif partners is not None:
                    # A会同B负责: A leads whatever the marker, B supports.
                    lead.extend([*pending, head])
                    support.append(partners)
                else:
                    bucket.extend([*pending, units])
                pending = []
                break
        else:
            pending.append(clause)
    if pending and not (lead or support or shared):
        marked, rest = marked_leads("，".join(pending))
        if marked and all(plausible_units(u) for u in [*marked, rest] if u):
            # （A（牵头）、B）: the lead is marked after its name.
            return Annotation(
                written=text, lead=tuple(marked), support=(rest,) if rest else (), deadline=deadline
            )
    if (
        pending
        and (lead or support or shared)
        and all(plausible_units(c) for c in pending)  # no label: 配合单位：B is read as one
        and names_only_units(pending)
    ):
        # A、B牵头，C、D: units after the last marker, which carry no role of
        # their own, support it (and every unit before 牵头 leads).
        support.extend(pending)
        pending = []
    if pending or not (lead or support or shared):
        return None
    # 副区长张三牵头，A负责: a person leading leaves the lead to the unit responsible.
    lead, _, heads = _persons_apart(lead, [])
    if not lead and len(shared) == 1:
        items = [p for p in UNIT_SEPARATORS.split(shared[0]) if p.strip()]
        if len(items) == 1 and not _SEVERAL.search(items[0]):
            # （A负责） or （A负责，B配合）: one unit responsible is the lead.
            lead, shared = shared, []
    lead, support, leaders = _persons_apart(lead, [*support, *shared])
    return Annotation(
        written=text,
        lead=tuple(lead),
        support=tuple(support),
        deadline=deadline,
        leaders=(*heads, *leaders),
    )


def _named_again(pending: list[str], units: str) -> str | None:
    """The rest of the `pending` list when every unit of `units` is in it
    (A、B、C，A牵头 → "B、C"); None when the list does not repeat them."""
    if not pending:
        return None
    items = [i.strip() for p in pending for i in UNIT_SEPARATORS.split(p) if i.strip()]
    named = [u.strip() for u in UNIT_SEPARATORS.split(units) if u.strip()]
    if not named or not all(u in items for u in named):
        return None
    return "、".join(i for i in items if i not in named)


def _partners_clause(clause: str) -> str | None:
    """会同B、C推进 / 会同B、C → "B、C": a clause after the lead's that opens
    with a [phrases] lead_with word and names only units (then, maybe, a
    verb of the lead's: 推进, 负责, 落实 …)."""
    words = load("annotations")["phrases"]
    head = next((w for w in words["lead_with"] if clause.startswith(w)), None)
    if head is None:
        return None
    units = clause[len(head) :].strip()
    verbs = sorted({*words["lead_verbs"], *words["shared_markers"]}, key=len, reverse=True)
    verb = next((v for v in verbs if units.endswith(v) and len(units) > len(v)), "")
    units = units[: len(units) - len(verb)]
    if not plausible_units(units) or not names_only_units([units]):
        return None
    return units


def _split_lead_with(units: str, joiners: list[str]) -> tuple[str, str | None]:
    for joiner in joiners:
        head, sep, tail = units.partition(joiner)
        if sep and head and tail:
            return head, tail
    return units, None


def _persons_apart(lead: list[str], support: list[str]) -> tuple[list[str], list[str], list[str]]:
    """A position named in a phrase (张三副市长牵头) is a leader, never a unit."""
    positions = tuple(load("annotations")["leaders"]["words"])
    leaders: list[str] = []

    def keep(pieces: list[str]) -> list[str]:
        out: list[str] = []
        for piece in pieces:
            items = [i for i in UNIT_SEPARATORS.split(piece) if i.strip()]
            persons = [i for i in items if i.strip().endswith(positions) or _titled_name(i)]
            leaders.extend(persons)
            rest = [i for i in items if i not in persons]
            if len(rest) == len(items):
                out.append(piece)
            elif rest:
                out.append("、".join(rest))
        return out

    return keep(lead), keep(support), leaders


def _titled_name(item: str) -> bool:
    """副区长张三, 常务副市长李四: a position, then a name of two or three
    characters that does not end like a unit (市长江办 is a unit)."""
    text = item.strip()
    for word in load("annotations")["leaders"]["words"]:
        at = text.rfind(word)
        name = text[at + len(word) :] if at >= 0 else ""
        if 2 <= len(name) <= 3 and all("\u4e00" <= c <= "\u9fff" for c in name):
            return not names_only_units([name]) and not names_only_units([text])
    return False


def bare_units(body: str) -> Annotation | None:
    """（A、B） / （A、B，6月底前完成）: a list of unit names with no role word →
    supporting units (a stated convention may make the first the lead).  Every
    item must end like a unit (data/units.toml endings) and start like no
    remark (data/annotations.toml [bare] not_units)."""
    value, due = _units_and_deadline(without_note(body).strip())
    if not plausible_units(value) or not names_only_units([value]):  # 牵头单位：A is a label
        return None
    return Annotation(written=body, lead=(), support=(value,), deadline=due)


def names_only_units(values: Sequence[str]) -> bool:
    """Every item of these unit lists ends like a unit (data/units.toml
    endings; X等部门 too) and starts like no remark ([bare] not_units): the
    test for words that carry no bracket or label to say they are units."""
    items = [p.strip() for v in values for p in _split_items(v) if p.strip()]
    endings = tuple(load("units")["endings"])
    remarks = tuple(load("annotations")["bare"]["not_units"])
    heads = load("units")["suffix_heads"]

    def unit(i: str) -> bool:
        return (
            _SEVERAL.sub("", i).endswith(endings)
            and len(i) <= 30
            and not i.startswith(remarks)
            and not _marker_after_several(i)
        )

    # 各市（县）、区政府: levels of government wait for the body the next
    # level names (normalize.units.expand_shared_suffixes gives it to them).
    ok = [unit(i) for i in items]
    gives = False  # the items after k give a body to a level at k
    for k in range(len(items) - 1, -1, -1):
        if ok[k]:
            gives = items[k][0] in heads
        elif gives and is_level(items[k]):
            ok[k] = True
        else:
            gives = False
    return bool(items) and all(ok)


def _split_items(value: str) -> list[str]:
    """A unit list's items: 相关县（市、区）政府 is one."""
    if _ANY_OPENER.search(value) is None:
        return UNIT_SEPARATORS.split(value)
    return [value[a:b] for a, b in top_level_spans(value, "、，,；;／/\n")]


_LEVEL_ALTERNATIVES = lazy_compile(r"[（(](?P<levels>[^（）()]+)[）)]$")


def is_level(name: str) -> bool:
    """各县, 市, 各市（县）, 相关县（市、区）: a level of government (units.toml
    `suffix_heads`), maybe with its alternatives in brackets, and no body."""
    heads = load("units")["suffix_heads"]
    m = _LEVEL_ALTERNATIVES.search(name)
    if m is not None:
        if not all(ch in heads or ch in "、，," for ch in m["levels"]):
            return False
        name = name[: m.start()]
    return bool(name) and name[-1] in heads


def _marker_after_several(item: str) -> bool:
    """X等负责, X等牵头: what follows 等 is a role marker (data/units.toml
    [look] not_in), not the 部门 / 单位 of X等部门."""
    m = _SEVERAL.search(item)
    return m is not None and any(w in m[0] for w in load("units")["look"]["not_in"])


def parse_annotation(body: str, *, line: bool = False) -> Annotation | None:
    """The inside of a parenthetical (or a line under a measure) → Annotation,
    or None if it is not one.  `line` accepts a deadline-only label line."""
    ann = labelled(body, line=line)
    if ann is not None:
        return ann
    phrase = parse_phrase(body.strip())
    if phrase is not None:
        return attrs.evolve(phrase, written=body)
    return _phrase_then_labels(body)


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


def is_label_line(line: str) -> bool:
    """牵头单位：… / 责任领导：… / 完成时限：… at the start of a line."""
    return label_pattern().match(line.strip()) is not None


def parse_annotation_line(line: str) -> tuple[LabelRole, str] | None:
    """牵头单位：A on its own line → ("lead", "A"); 完成时限：… → ("deadline", …);
    None for any other line."""
    m = label_pattern().match(line.strip())
    if not m:
        return None
    role = LabelRole.LEADER if m["leader"] else label_role(m["label"])
    return role, line.strip()[m.end() :].strip()

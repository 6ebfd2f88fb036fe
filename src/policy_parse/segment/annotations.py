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

The label grammar (which words label what) is segment.labels'; the persons
a label or a bracket names, segment.persons'.  Where an annotation sits is
segment.placement's business.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from .._support.brackets import CLOSERS as CLOSERS  # noqa: PLC0414 (re-exported, see below)
from .._support.brackets import CLOSING_GROUP, top_level_spans
from .._support.brackets import OPENERS as OPENERS  # noqa: PLC0414
from .._support.brackets import PAIR as PAIR  # noqa: PLC0414
from .._support.memo import text_cache
from ..data import load
from .annotation_words import Annotation as Annotation  # noqa: PLC0414 (re-exported)
from .annotation_words import (
    _split_items,
    _units_and_deadline,
    marked_leads,
    responsible_leads,
)
from .annotation_words import is_level as is_level  # noqa: PLC0414
from .annotation_words import lead_markers as lead_markers  # noqa: PLC0414
from .annotation_words import names_only_units as names_only_units  # noqa: PLC0414
from .grammar import DEADLINE_ITEM
from .labels import LabelRole as LabelRole  # noqa: PLC0414
from .labels import _label_kind, _LabelKind
from .labels import has_colon as has_colon  # noqa: PLC0414
from .labels import is_label_line as is_label_line  # noqa: PLC0414
from .labels import label_pattern as label_pattern  # noqa: PLC0414
from .labels import label_role as label_role  # noqa: PLC0414
from .labels import parse_annotation_line as parse_annotation_line  # noqa: PLC0414
from .notes import is_note_only, without_note
from .notes import states_first_is_lead as states_first_is_lead  # noqa: PLC0414
from .persons import _bracketed_leaders
from .persons import persons_apart as persons_apart  # noqa: PLC0414
from .phrases import _phrase_ends, _phrase_patterns
from .phrases import bare_units as bare_units  # noqa: PLC0414
from .phrases import parse_phrase as parse_phrase  # noqa: PLC0414
from .phrases import plausible_units as plausible_units  # noqa: PLC0414

if TYPE_CHECKING:
    from collections.abc import Iterable

    import regex

# CLOSERS, OPENERS, PAIR (_support.brackets), states_first_is_lead
# (segment.notes), the Annotation record and the phrase readers
# (segment.annotation_words, segment.phrases), the label grammar
# (segment.labels) and persons_apart (segment.persons) are re-exported:
# segment.placement, segment.items, segment/__init__ and others import
# them from here.


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
    ):
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
            units = without_remark(_without_marker(units, role))
            marked, units = marked_leads(units)
            lead.extend(marked)
            if units:
                (lead if role == LabelRole.LEAD else support).append(units)
                if role == LabelRole.SUPPORT:
                    supporting.append((m["label"], units))
            deadline = deadline or due
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

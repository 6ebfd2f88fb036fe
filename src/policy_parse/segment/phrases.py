"""Role phrases, read clause by clause: A牵头，B、C按职责分工负责 · A、B牵头落实 ·
A参与 · A、B、C分别负责 · A负责 (one unit: the lead) · X等负责 (several: no lead).
Labelled clauses are segment.annotations'; the record and shared words are
segment.annotation_words'.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .._support.brackets import CLOSERS as CLOSERS  # noqa: PLC0414 (re-exported, see below)
from .._support.brackets import OPENERS as OPENERS  # noqa: PLC0414
from .._support.brackets import PAIR as PAIR  # noqa: PLC0414
from .._support.brackets import top_level_split as _top_level_split
from .._support.lazy_regex import compile_cached, escape, lazy_compile
from .._support.memo import text_cache
from .._support.unit_gaps import apart_by_spaces
from ..data import load
from .grammar import DEADLINE_ITEM, UNIT_SEPARATORS
from .notes import is_note_only, without_note
from .notes import states_first_is_lead as states_first_is_lead  # noqa: PLC0414

if TYPE_CHECKING:
    import regex

from .annotation_words import (
    _SEVERAL,
    Annotation,
    _alt,
    _longest_first,
    _product,
    _units_and_deadline,
    lead_signs,
    marked_leads,
    names_only_units,
)


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
    """A 、 right after a role marker ends a clause: A牵头、B配合; so does a
    space, where a copy wrote one for the comma: A牵头 B配合."""
    data = load("annotations")["phrases"]
    words = [*data["lead_marker"], *data["lead_verbs"], *data["support_markers"]]
    words += data["shared_markers"]
    alt = "|".join(map(escape, sorted(set(words), key=_longest_first)))
    return compile_cached(rf"(?<=(?:{alt}))(?:、|[ \t\u3000]+(?=\S))")


def _clauses(body: str) -> list[str]:
    # The split needs a 、 or a space (most clauses of a label's value have
    # one; a phrase's or a title's often not): neither, and the part is one
    # clause.
    return [
        c
        for part in _top_level_split(body)
        for c in (_role_then_comma().split(part) if _MAY_SPLIT.search(part) else (part,))
        if c
    ]


_MAY_SPLIT = lazy_compile(r"[、 \t\u3000]")  # what `_role_then_comma` splits at


_NOT_IN_UNITS = lazy_compile(r"[。：:！？]")  # a sentence or a label: not a unit list


def plausible_units(units: str) -> bool:
    return 0 < len(units) <= 200 and not _NOT_IN_UNITS.search(units)


# A notice writes the same unit lists and phrases under many measures
# (segment/annotations.py reads each label's value as a phrase first).
@text_cache()
def parse_phrase(text: str) -> Annotation | None:
    """A牵头，B、C配合 … → lead and support; None unless every clause has a role."""
    # A note is no unit (segment.notes), and what follows the first 。 is
    # one too, whatever its words.
    body, _, after = without_note(text).partition("。")
    # （A牵头，B配合。2025年底前完成）: a sentence that is a deadline alone.
    after = after.strip().rstrip("。")
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
            # 2025年6月底前启动，年底前完成: two steps, one deadline as written.
            deadline = clause if deadline is None else f"{deadline}，{clause}"
            continue
        if lead and (partners := _partners_clause(clause)) is not None:
            # 由A牵头，会同B、C推进: the clause names the lead's partners.
            support.append(partners)
            continue
        if (framed := _framed_lead(clause)) is not None:
            # 以A为主，B配合: the frame says who leads.
            lead.extend([*pending, framed])
            pending = []
            continue
        if (joined := _joined_with_verb(clause)) is not None:
            # A联合B推进 / A会同B组织实施: a verb no marker list holds, but
            # the joiner says who leads.
            lead.extend([*pending, joined[0]])
            support.append(joined[1])
            pending = []
            continue
        if clause.endswith(("）", ")", "〕", "】")):
            marked, rest = marked_leads(clause)
            if marked and not rest and all(plausible_units(u) for u in marked):
                # A、B（共同牵头），C配合: the bracket marks the clause's units
                # as leads (probe10); they took the role of the clause after.
                lead.extend(marked)
                continue
        for pattern, ends, bucket in (
            (lead_re, lead_ends, lead),
            (support_re, support_ends, support),
            (shared_re, shared_ends, shared),
        ):
            m = pattern.match(clause) if clause.rstrip("\n").endswith(ends) else None
            if m and bucket is lead and not _strict_ok(clause, m["units"]):
                m = None  # 城乡统筹: a remark, not 城乡 leading
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
            if _oversight(clause):
                # A牵头，B指导: B oversees the measure, neither leads nor
                # supports it (as a 指导单位 label); the annotation's
                # written text keeps it.
                continue
            pending.append(clause)
    if after and DEADLINE_ITEM.match(after):
        deadline = after if deadline is None else f"{deadline}。{after}"
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
    lead, _, heads = positions_apart(lead, [])
    if not lead and len(shared) == 1:
        items = [
            unit
            for p in UNIT_SEPARATORS.split(shared[0])
            if p.strip()
            for unit in apart_by_spaces(p, lambda piece: names_only_units([piece]))
        ]
        if len(items) == 1 and not _SEVERAL.search(items[0]):
            # （A负责） or （A负责，B配合）: one unit responsible is the lead.
            lead, shared = shared, []
    lead, support, leaders = positions_apart(lead, [*support, *shared])
    return Annotation(
        written=text,
        lead=tuple(lead),
        support=tuple(support),
        deadline=deadline,
        leaders=(*heads, *leaders),
    )


def _strict_ok(clause: str, units: str) -> bool:
    """A clause ending in a [phrases] lead_strict word (统筹, 领衔: words a
    remark uses too) leads only where its units end like units."""
    strict = load("annotations")["phrases"]["lead_strict"]
    if not clause.rstrip().endswith(tuple(strict)):
        return True
    for prefix in load("annotations")["phrases"]["unit_prefixes"]:
        units = units.removeprefix(prefix)
    return names_only_units([units])


def _framed_lead(clause: str) -> str | None:
    """以A为主 → A: units between the words of a [phrases] lead_frames pair,
    each ending like a unit (以企业为主体 is a remark, not a lead)."""
    for before, after in load("annotations")["phrases"]["lead_frames"]:
        if clause.startswith(before) and clause.endswith(after):
            units = clause[len(before) : len(clause) - len(after)]
            if len(units) >= _MIN_FRAMED and plausible_units(units) and names_only_units([units]):
                return units
    return None


_MIN_FRAMED = 3  # 以政府为主 is a remark; a unit so framed has its place or level: 区住建局


def _oversight(clause: str) -> bool:
    """市某局指导 / 市某办督办: units, then a word of data/annotations.toml
    [roles] oversight."""
    words = _words_longest_first("roles", "oversight")
    if not clause.endswith(words):  # the common case, decided in one call
        return False
    word = next((w for w in words if clause.endswith(w) and len(clause) > len(w)), None)
    if word is None:
        return False
    units = clause[: -len(word)]
    return plausible_units(units) and names_only_units([units])


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
    verbs = _partner_verbs()
    verb = next((v for v in verbs if units.endswith(v) and len(units) > len(v)), "")
    units = units[: len(units) - len(verb)]
    if not plausible_units(units) or not names_only_units([units]):
        return None
    return units


@functools.cache
def _words_longest_first(section: str, key: str) -> tuple[str, ...]:
    """data/annotations.toml [section] key, longest first (the data's
    order among equals), sorted once per process, not once per clause."""
    return tuple(sorted(load("annotations")[section][key], key=len, reverse=True))


@functools.cache
def _partner_verbs() -> tuple[str, ...]:
    """[phrases] lead_verbs and shared_markers, longest first."""
    words = load("annotations")["phrases"]
    return tuple(sorted({*words["lead_verbs"], *words["shared_markers"]}, key=len, reverse=True))


def _joined_with_verb(clause: str) -> tuple[str, str] | None:
    """A会同B、C推进 → (A, "B、C"): units, a [phrases] lead_with word, units,
    then a verb of the lead's (lead_verbs) — a clause no marker pattern ends."""
    words = load("annotations")["phrases"]
    verbs = _words_longest_first("phrases", "lead_verbs")
    if not clause.endswith(verbs):  # the common case, decided in one call
        return None
    verb = next(v for v in verbs if clause.endswith(v))
    units = words["unit_prefixes"]
    body = clause[: -len(verb)]
    for prefix in units:
        body = body.removeprefix(prefix)
    head, partners = _split_lead_with(body, words["lead_with"])
    if partners is None or not plausible_units(head) or not plausible_units(partners):
        return None
    return head, partners


def _split_lead_with(units: str, joiners: list[str]) -> tuple[str, str | None]:
    """A会同B、C → (A, "B、C"); a joiner inside a name (某某联合会) is no join:
    both sides must end like units."""
    for joiner in joiners:
        head, sep, tail = units.partition(joiner)
        if sep and head and tail and names_only_units([head]) and names_only_units([tail]):
            return head, tail
    return units, None


def positions_apart(lead: list[str], support: list[str]) -> tuple[list[str], list[str], list[str]]:
    """A position named in a phrase (张三副市长牵头) or a label's list
    (牵头单位：分管副市长、A局) is a leader, never a unit."""
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
    if is_note_only(body):
        return None  # （所列责任单位排名第一位的为牵头单位）: a note, no unit
    value, due = _units_and_deadline(without_note(body).strip())
    marked, rest = marked_leads(value)
    if marked and not any(map(rest.__contains__, lead_signs())):
        # （A★、B、C）: the sign marks the lead (data/annotations.toml lead_signs).
        names = [*marked, rest] if rest else marked
        if all(plausible_units(u) for u in names) and names_only_units(names):
            return Annotation(
                written=body, lead=tuple(marked), support=(rest,) if rest else (), deadline=due
            )
    if not plausible_units(value) or not names_only_units([value]):  # 牵头单位：A is a label
        return None
    return Annotation(written=body, lead=(), support=(value,), deadline=due)

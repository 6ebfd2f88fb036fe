"""The annotation record and the words its readers share: role markers
(牵头 / 配合 after a unit), the `X等` of several units, unit lists split and
checked (segment.annotations reads labels, segment.phrases role phrases;
both build on these)."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from .._support.brackets import ANY_OPENER as _ANY_OPENER
from .._support.brackets import CLOSERS as CLOSERS  # noqa: PLC0414 (re-exported, see below)
from .._support.brackets import CLOSING_GROUP, top_level_spans
from .._support.brackets import OPENERS as OPENERS  # noqa: PLC0414
from .._support.brackets import PAIR as PAIR  # noqa: PLC0414
from .._support.brackets import top_level_split as _top_level_split
from .._support.lazy_regex import compile_cached, escape, lazy_compile
from ..data import load
from .grammar import DEADLINE_ITEM, UNIT_SEPARATORS
from .notes import states_first_is_lead as states_first_is_lead  # noqa: PLC0414

if TYPE_CHECKING:
    import regex


@attrs.frozen(kw_only=True)
class Annotation:
    written: str
    lead: tuple[str, ...]  # as written, not yet split into units
    support: tuple[str, ...]
    deadline: str | None = None
    leaders: tuple[str, ...] = ()  # persons and positions, as written
    # An annotation with no lead: the values of its 责任 labels (责任单位：A),
    # and whether it has a 配合 label — kept so that label lines of one
    # measure apart (责任单位：A / 配合单位：B) lead as one bracket does.
    responsible: tuple[str, ...] = ()
    helping: bool = False

    @property
    def names_units(self) -> bool:
        return bool(self.lead or self.support)

    def merged(self, other: Annotation) -> Annotation:
        """Two annotations of one measure: leads in order, then supports.
        With no lead in either, a 责任 label in one beside a 配合 label in
        the other leads (`responsible_leads`)."""
        return responsible_leads(
            written=f"{self.written}\n{other.written}",
            lead=(*self.lead, *other.lead),
            support=(*self.support, *other.support),
            deadline=self.deadline or other.deadline,
            leaders=(*self.leaders, *other.leaders),
            responsible=(*self.responsible, *other.responsible),
            helping=self.helping or other.helping,
        )


def responsible_leads(
    *,
    written: str,
    lead: tuple[str, ...],
    support: tuple[str, ...],
    deadline: str | None,
    leaders: tuple[str, ...],
    responsible: tuple[str, ...],
    helping: bool,
) -> Annotation:
    """The annotation, where it has no lead, a 配合 label and a 责任 one, with
    the first 责任 label's units as its lead: 责任单位：A；配合单位：B in one
    bracket or on label lines of one measure (data/annotations.toml [roles]
    responsible, as a 责任单位 column beside a 配合单位 column)."""
    if not lead and helping and responsible and responsible[0] in support:
        k = support.index(responsible[0])
        lead, support = (responsible[0],), (*support[:k], *support[k + 1 :])
    return Annotation(
        written=written,
        lead=lead,
        support=support,
        deadline=deadline,
        leaders=leaders,
        # Kept only while no lead is named, for a label line further down.
        responsible=() if lead else responsible,
        helping=helping and not lead,
    )


def merged_all(annotations: Sequence[Annotation]) -> Annotation | None:
    """The annotations of one measure merged in order: what folding
    `Annotation.merged` over them from the left gives, in one pass.  The
    fold copied every tuple and the `written` text at each step, quadratic
    in a measure of thousands of label lines (hostile4); its one
    order-dependent step, a 责任 label's units made the lead beside a 配合
    label (`responsible_leads`), is taken where the fold takes it: after the
    first merge at which it holds, while no lead is named."""
    if len(annotations) < 2:
        return annotations[0] if annotations else None
    first = annotations[0]
    lead, support, leaders = list(first.lead), list(first.support), list(first.leaders)
    responsible, helping = list(first.responsible), first.helping
    supported = set(support)  # support's values while no lead is named
    deadline = first.deadline
    for a in annotations[1:]:
        lead.extend(a.lead)
        support.extend(a.support)
        leaders.extend(a.leaders)
        deadline = deadline or a.deadline
        if lead:
            responsible, helping = [], False  # kept only while no lead is named
            continue
        supported.update(a.support)
        responsible.extend(a.responsible)
        helping = helping or a.helping
        if helping and responsible and responsible[0] in supported:
            lead = [responsible[0]]
            del support[support.index(responsible[0])]
            responsible, helping = [], False
    return Annotation(
        written="\n".join(a.written for a in annotations),
        lead=tuple(lead),
        support=tuple(support),
        deadline=deadline,
        leaders=tuple(leaders),
        responsible=tuple(responsible),
        helping=helping,
    )


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


@functools.cache
def lead_signs() -> str:
    """The signs that mark a unit of a list as its lead (A★、B): data/annotations.toml."""
    return "".join(load("annotations")["roles"]["lead_signs"])


def _signed(item: str, signs: str) -> str | None:
    """A★ / ★A → A; None when the item carries no lead sign."""
    bare = item.strip().strip(signs).strip()
    return bare if bare != item.strip() and bare else None


def marked_leads(value: str) -> tuple[list[str], str]:
    """A（牵头）、B → (["A"], "B"): a lead marked in
    brackets after its name inside a list (（）, 〔〕 or 【】), or by a
    sign against its name (A★、B)."""
    signs = lead_signs()
    if _ANY_OPENER.search(value) is None and not any(map(value.__contains__, signs)):
        return [], value  # no bracket, no sign, no mark
    items = [i for i in _top_level_split(value.replace("、", "，")) if i]

    def lead(item: str) -> str | None:
        m = _lead_mark().match(item)
        return m["unit"] if m else _signed(item, signs)

    found = [(i, lead(i)) for i in items]
    marked = [u for _, u in found if u is not None]
    if not marked:
        return [], value
    # The others may carry their own mark: A（主办）、B（协办）.
    rest = [i for i, u in found if u is None]
    return marked, "、".join(m["unit"] if (m := _support_mark().match(i)) else i for i in rest)


# X等 / X等部门 / X等单位: several units, never a lone lead.
_SEVERAL = lazy_compile(r"等\p{Han}{0,3}$")


def names_only_units(values: Sequence[str]) -> bool:
    """Every item of these unit lists ends like a unit (data/units.toml
    endings; X等部门 too) and starts like no remark ([bare] not_units): the
    test for words that carry no bracket or label to say they are units."""
    items = [p.strip() for v in values for p in _split_items(v) if p.strip()]
    endings = tuple(load("units")["endings"])
    remarks = tuple(load("annotations")["bare"]["not_units"])
    heads = load("units")["suffix_heads"]

    def unit(i: str) -> bool:
        # 县委组织部（县委人才办）: a unit with its second name, each ending so.
        second = _SECOND_NAME.search(i)
        if (
            second is not None
            and second.start() > 0
            and len(second["body"]) >= _MIN_SECOND_NAME
            and second["body"].endswith(endings)
        ):
            i = i[: second.start()]
        return (
            (_SEVERAL.sub("", i).endswith(endings) or _each_place(i))
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


def _each_place(item: str) -> bool:
    """各乡镇, 各街道, 各村, 各乡镇（街道）: 各 and places (data/units.toml
    [look] endings), a unit that answers for a measure in every place."""
    core = CLOSING_GROUP.sub("", item)
    places = tuple(load("units")["look"]["endings"])
    return core.startswith("各") and 2 <= len(core) <= _MAX_EACH and core.endswith(places)


_MAX_EACH = 6  # 各乡镇街道: longer and it is a sentence about them


def _split_items(value: str) -> list[str]:
    """A unit list's items: 相关县（市、区）政府 is one."""
    if _ANY_OPENER.search(value) is None:
        return UNIT_SEPARATORS.split(value)
    return [value[a:b] for a, b in top_level_spans(value, "、，,；;／/\n")]


_SECOND_NAME = CLOSING_GROUP
_MIN_SECOND_NAME = 3  # 人才办 is a name; 试行 (…行 as in 银行) is a remark
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


def is_bare_level(name: str) -> bool:
    """各县, 市, 各市（县）: one level of government with no name of its own,
    waiting for the body the last item of its run names (各县、市、区政府).
    A named place (东湖镇, 北辰区) or a group of levels (各乡镇, 各县区) is a
    unit already: 东湖镇、县住建局 is two units, never 东湖镇住建局
    (units.toml `level_qualifiers`; normalize.units)."""
    if not is_level(name):
        return False
    body = name.split("（")[0].split("(")[0]  # 各市（县）: its alternatives aside
    for word in sorted(load("units")["level_qualifiers"], key=len, reverse=True):
        if body.startswith(word):
            body = body[len(word) :]
            break
    return len(body) == 1


def _marker_after_several(item: str) -> bool:
    """X等负责, X等牵头: what follows 等 is a role marker (data/units.toml
    [look] not_in), not the 部门 / 单位 of X等部门."""
    m = _SEVERAL.search(item)
    return m is not None and any(w in m[0] for w in load("units")["look"]["not_in"])

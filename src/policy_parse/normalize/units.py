"""Department names: split a written list, expand shared suffixes, resolve
abbreviations against the notice's own inventory of names.

The notice itself is the best dictionary: a clerk who writes 市场局 in one row
wrote 市场监管局 in twenty others.  An abbreviation keeps the first and final
characters of the full name, or drops a leading qualifier, and never reorders
characters; a written name is an abbreviation of every longer inventory name
that contains its characters in order and ends with the same character.  One
such name resolves it; several leave it ambiguous, which is reported, never
guessed.  A small curated table (data/units.toml) adds pairs the rule cannot
see, and only when both forms occur in the notice.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import TypeVar

from .._support.brackets import CLOSING_GROUP, GROUP
from .._support.lazy_regex import lazy_compile
from .._support.memo import text_cache
from .._support.unit_gaps import apart_by_spaces, pieces_at_gaps
from ..data import load
from ..models import Unit, UnitStatus
from ..segment.annotation_words import is_bare_level
from ..segment.annotations import is_level
from ..segment.grammar import UNIT_SEPARATORS, WHITESPACE
from .invisible import strip_invisible


@text_cache(65536)  # every unit of a notice of 10,000 measures: see _written_units_of
def clean(name: str) -> str:
    """Trim every kind of whitespace (U+3000 included) and invisible characters
    (normalize.invisible), and unify widths."""
    return WHITESPACE.sub("", strip_invisible(unicodedata.normalize("NFKC", name)))


def trim(name: str) -> str:
    """Remove whitespace only: the name as written."""
    return WHITESPACE.sub("", name)


_PAREN = GROUP  # every kind of bracket: 相关县〔市、区〕政府 is one name


def split_units(text: str) -> list[str]:
    """北辰、南开，武清区政府；A\\nB → the written items, whitespace trimmed.

    A separator inside parentheses belongs to one name:
    示范区领导小组办公室（滨海高新区管委会、市科技局） stays whole.
    """
    # No placeholder characters: any character may occur in text (a NUL once
    # came back as a 、).  Cut only at separators outside the bracket spans.
    shielded = [m.span() for m in _PAREN.finditer(text)]
    items: list[str] = []
    start = 0
    for sep in UNIT_SEPARATORS.finditer(text):
        if any(a <= sep.start() < b for a, b in shielded):
            continue
        items.append(text[start : sep.start()])
        start = sep.end()
    items.append(text[start:])
    if len(text.split(maxsplit=1)) > 1:  # a gap inside the text: maybe between units
        items = [piece for item in items for piece in _apart_by_spaces(item)]
        return [w for w in map(_written_form, items) if w and not is_placeholder(w)]
    return [w for w in (trim(p) for p in items) if w and not is_placeholder(w)]


def _written_form(item: str) -> str:
    """The item as written, its spaces trimmed — but one space kept between
    pieces that each look like a unit where they were not taken apart
    (东城区 西城区政府, 各区 县级市: several places, or one name such as 高新区
    管委会): `spaced_name` then says so (an odd_unit finding), since the
    canonical name glues them either way."""
    pieces = item.split()
    if len(pieces) > 1 and any(
        sum(looks_like_unit(clean(p)) for p in side) >= 2 for side in (pieces, pieces_at_gaps(item))
    ):
        # (pieces_at_gaps: 含甲新区 乙区管委会 inside brackets, a 、 made a space)
        return " ".join(pieces)
    return trim(item)


def spaced_name(written: str) -> bool:
    """A unit read whole whose written form keeps pieces apart by spaces,
    each like a unit (_written_form): maybe several units."""
    return " " in written.strip()


def _apart_by_spaces(item: str) -> list[str]:
    """县财政局 县自然资源局 → two units (specimen 36; _support/unit_gaps.py);
    otherwise the spaces are inside one name and trim() removes them."""
    return apart_by_spaces(item, lambda piece: _whole_when_spaced(clean(piece)))


def _whole_when_spaced(piece: str) -> bool:
    """A unit ending (after a trailing X等 or bracket: 省文化厅等), or 各 and a
    place (各乡镇, 各街道: every one of them), a group no longer name
    continues — 高新区 管委会 stays one name."""
    return _has_unit_ending(_core(piece)) or (piece.startswith("各") and looks_like_unit(piece))


@functools.cache
def _placeholders() -> tuple[frozenset[str], frozenset[str]]:
    data = load("units")["placeholders"]
    return frozenset(data["characters"]), frozenset(data["words"])


def is_placeholder(item: str) -> bool:
    """—, /, 无: an empty cell or label written out, naming no unit."""
    chars, words = _placeholders()
    item = clean(item)
    return item in words or bool(item) and chars.issuperset(item)


@functools.cache
def _endings() -> tuple[str, ...]:
    return tuple(load("units")["endings"])


@functools.cache
def _shared_suffixes() -> tuple[str, ...]:
    """Longest first: 区人民政府 before 区政府."""
    return tuple(sorted(load("units")["shared_suffixes"], key=len, reverse=True))


def _has_unit_ending(name: str) -> bool:
    return name.endswith(_endings())


_SEVERAL_TAIL = lazy_compile(r"等\p{Han}{0,3}$")
_CLOSING_BRACKET = CLOSING_GROUP


def _core(name: str) -> str:
    """The name without a trailing X等 / X等部门 and a closing bracket."""
    return _CLOSING_BRACKET.sub("", _SEVERAL_TAIL.sub("", name))


@functools.cache
def _look() -> tuple[tuple[str, ...], tuple[str, ...], int]:
    data = load("units")
    look = data["look"]
    return (*data["endings"], *look["endings"]), tuple(look["not_in"]), look["max_chars"]


@text_cache(65536)
def looks_like_unit(name: str) -> bool:
    """县财政局, 各街道, 县委组织部（县委人才办）, 省农业厅等: yes; 区, 区市, 县财政局按职责
    分工负责, a sentence: no (data/units.toml [look]).  Said of a unit's
    canonical name, to report where an annotation was most likely misread."""
    endings, not_in, max_chars = _look()
    if any(map(name.__contains__, not_in)) or len(name) > max_chars:
        return False
    if not name.strip(load("units")["suffix_heads"]):  # every character a level's
        # 区市, 县市: levels with no body's name (区市场监管局 cut at a line
        # break), never a unit; 各区 and 县委 are.
        return False
    if len(name) >= 2 and name.endswith(endings):
        return True  # most names: no X等 or bracket to set aside
    core = _core(clean(name))
    return len(core) >= 2 and core.endswith(endings)


def expand_shared_suffixes(written: Sequence[str]) -> list[tuple[str, str]]:
    """Pair each written item with its expanded name (widths unified).

    北辰、南开、武清区政府 → (北辰, 北辰区政府), (南开, 南开区政府),
    (武清区政府, 武清区政府).  A run of items without a department ending takes
    the shared suffix of the next item that has one: a known suffix from the
    data file, else the part of that item beyond the run's common length.
    """
    suffixes = _shared_suffixes()
    out: list[tuple[str, str]] = []
    pending: list[str] = []
    for original in written:
        item = clean(original)
        if not item:  # only invisible characters: no unit (normalize.invisible)
            continue
        if not _has_unit_ending(item) and not _has_unit_ending(_core(item)):
            # 北辰 waits for a suffix; 区人民政府（管委会） and 某局等 are whole.
            pending.append(original)
            continue
        if pending:
            # 甲乡、乙局及丙区政府: the run shares the suffix of the unit it
            # stands beside (乙局), not of the unit joined after it (丙区政府).
            near = _first_joined(item)
            suffix = next((s for s in suffixes if near.endswith(s) and len(near) > len(s)), None)
            if suffix is None:
                lengths = {len(clean(p)) for p in pending}
                if (
                    len(lengths) == 1
                    and len(near) > (n := lengths.pop())
                    and near[n] in load("units")["suffix_heads"]
                ):
                    suffix = near[n:]
            if suffix is None and len(near) > 1 and all(is_bare_level(clean(p)) for p in pending):
                # 各县、市、区政府 / 各市（县）、区政府: levels of government, the
                # last with its body; each level takes that body.
                suffix = near[1:] if near[0] in load("units")["suffix_heads"] else None
            shared = _shared_ending(pending, near) if suffix is None else None
            if shared is not None:
                # 市民政、人社局: 市民政局, 市人社局 (the level before the first
                # name and the ending after the last are everyone's).  A name
                # joined to others (人社局及各区政府) stays as written.
                prefix, ending = shared
                out.extend((p, _with_prefix(clean(p), prefix) + ending) for p in pending)
                out.append((original, _with_prefix(item, prefix) if near == item else item))
                pending = []
                continue
            for p in pending:
                name = clean(p)
                out.append(
                    (p, name if _already_placed(name, suffix) else _with_suffix(name, suffix))
                )
            pending = []
        out.append((original, item))
    out.extend((p, clean(p)) for p in pending)
    return out


def _shared_ending(pending: Sequence[str], near: str) -> tuple[str, str] | None:
    """市民政、人社局 / 区教育、卫健、文旅局: a run of bodies' names without
    an ending (no place, no level, nothing that passes as a unit) before a
    name ending in one of units.toml `shared_endings`: each takes that ending,
    and a level written before the first name only (市, 区) is everyone's.
    The expanded names are what the text implies, kept beside the written
    ones (status `expanded`)."""
    data = load("units")
    if len(near) < 3 or near[-1] not in data["shared_endings"]:
        return None
    names = [clean(p) for p in pending]
    if any(
        len(n) < 2
        or n[-1] in data["place_ends"]
        or is_level(n)
        or is_placeholder(n)
        or looks_like_unit(n)
        for n in names
    ):
        return None
    heads = data["suffix_heads"]
    first = names[0]
    prefix = first[0] if len(first) >= 3 and first[0] in heads and near[0] not in heads else ""
    return prefix, near[-1]


def ending_guessed(written: str, expanded: str) -> bool:
    """The expansion is _shared_ending's: a level put before the written
    name, or one of units.toml `shared_endings` after it (人社局 → 市人社局,
    卫健 → 区卫健局).  The text implies it, but the clerk may have meant
    another ending (区卫健委): a guess to say unless the notice writes the
    name in full elsewhere (normalize.structure)."""
    name = clean(written)
    if expanded == name:
        return False
    data = load("units")
    body = (
        expanded[1:]
        if expanded[0] in data["suffix_heads"] and not name.startswith(expanded[0])
        else expanded
    )
    return body == name or (body[:-1] == name and body[-1] in data["shared_endings"])


def _with_prefix(name: str, prefix: str) -> str:
    return name if not prefix or name.startswith(prefix) else prefix + name


def _already_placed(item: str, suffix: str | None) -> bool:
    """中新生态城 before 滨海新区政府: a name ending in a place word (units.toml
    `place_ends`) is a whole place already; a suffix that starts with another
    administrative level (区政府) would invent 中新生态城区政府.  河东区 + 区政府
    (the same level) and 高新区 + 管委会 (no level) still take it."""
    if not suffix or not item:
        return False
    heads = load("units")["suffix_heads"]
    return item[-1] in load("units")["place_ends"] and suffix[0] in heads and suffix[0] != item[-1]


def _with_suffix(item: str, suffix: str | None) -> str:
    """河东 + 区政府 → 河东区政府, and 河东区 + 区政府 → 河东区政府 too: the part of
    the suffix the item already ends with is not written twice."""
    if not suffix:
        return item
    overlap = next((k for k in range(len(suffix), 0, -1) if item.endswith(suffix[:k])), 0)
    return item + suffix[overlap:]


def is_abbreviation(short: str, full: str) -> bool:
    """The module's rule, for a batch's registry (compare/registry.py) as
    for one notice's inventory."""
    return _is_abbreviation(short, full)


def _is_abbreviation(short: str, full: str) -> bool:
    if len(short) < 3 or len(full) <= len(short) or short[-1] != full[-1]:
        return False
    if _joined_after(full, short) or full.startswith(short):
        # 县财政局 in 县发改局及县财政局; 市生态环境局 before 市生态环境局某某分局,
        # a branch of it, not its longer name.
        return False
    it = iter(full)
    return all(ch in it for ch in short)


def _joined_after(full: str, short: str) -> bool:
    """县发展改革局及县财政局 ends with 县财政局 after a unit and a conjunction:
    two units written as one item (kept so, as written), of which the short
    name is the second — not a longer name of it (高新区财政局 → 财政局 is)."""
    if not full.endswith(short):
        return False
    head = full[: -len(short)]
    joiner = next((j for j in _joiners() if head.endswith(j)), None)
    return joiner is not None and _has_unit_ending(head[: -len(joiner)])


def _first_joined(item: str) -> str:
    """县甲局及县乙区政府 → 县甲局: the first of two units written as one item
    (data/units.toml joiners, a unit ending on both sides); else the item."""
    for joiner in _joiners():
        at = item.find(joiner)
        while at > 0:
            head, tail = item[:at], item[at + len(joiner) :]
            if _has_unit_ending(head) and _has_unit_ending(tail):
                return head
            at = item.find(joiner, at + 1)
    return item


@functools.cache
def _joiners() -> tuple[str, ...]:
    return tuple(load("units")["joiners"])


def _abbreviated_by(names: Sequence[str]) -> dict[str, set[str]]:
    """Each name → the longer names it abbreviates (`_is_abbreviation`).

    A notice of thousands of distinct departments made comparing every name
    with every other quadratic (issue 26).  An abbreviation's characters all
    occur in its full name, which ends in its last one, so a name is compared
    only with the names that hold every one of its characters and end like
    it.  Those are found as bitsets (a Python int per character, a bit per
    name) ANDed in C: the sets of one per character, intersected, had grown
    with the notice (a character common to a fifth of the names costs a
    fifth of them per name: ×64 and ×128 of the scaling benchmark paid
    1.4× per measure what ×16 did).

    A name ending in a long form (委员会, 办公室: data/units.toml
    [registry.long_endings]) is abbreviated as if it ended in the short
    one: 市发改委 and 市发展改革委 stand for 市发展和改革委员会, 区府办 for
    区政府办公室, as the batch registry reads them (compare.registry)."""
    out = _holding_in_order(names, names)
    contracted = {f: r for f in names if (r := _contracted(f)) != f}
    if contracted:
        fulls = list(contracted)
        by_form = _holding_in_order(names, [contracted[f] for f in fulls], fulls)
        for form_short, found in by_form.items():
            out.setdefault(form_short, set()).update(found)
        known = set(names)
        for full, form in contracted.items():
            if form in known and len(form) >= 3:  # 区政府办 of 区政府办公室
                out.setdefault(form, set()).add(full)
    return {k: v for k, v in out.items() if v}


def _contracted(name: str) -> str:
    """市发展和改革委员会 → 市发展和改革委: the short form of its ending."""
    for long, short in _long_endings():
        if name.endswith(long) and len(name) > len(long):
            return name[: -len(long)] + short
    return name


@functools.cache
def _long_endings() -> tuple[tuple[str, str], ...]:
    table: dict[str, str] = load("units")["registry"]["long_endings"]
    return tuple(sorted(table.items(), key=lambda kv: -len(kv[0])))


def _holding_in_order(
    names: Sequence[str], forms: Sequence[str], fulls: Sequence[str] | None = None
) -> dict[str, set[str]]:
    """Each name → the `fulls` (default: the forms themselves) whose form it
    abbreviates by `_is_abbreviation`, found through bitsets."""
    index: dict[str, list[int]] = {}
    ending: dict[str, list[int]] = {}
    by_length: dict[int, list[int]] = {}
    for i, n in enumerate(forms):
        for ch in set(n):
            index.setdefault(ch, []).append(i)
        if n:
            ending.setdefault(n[-1], []).append(i)
        by_length.setdefault(len(n), []).append(i)
    holding = _bits(index, len(forms))
    ends = _bits(ending, len(forms))
    # The names longer than each length: a full name is longer than its short one.
    sized = _bits(by_length, len(forms))
    longer = [0] * (max(sized, default=0) + 1)
    above = 0
    for size in range(len(longer) - 1, -1, -1):
        longer[size] = above
        above |= sized.get(size, 0)
    out: dict[str, set[str]] = {}
    for name in names:
        if len(name) < 3 or len(name) >= len(longer) or name[-1] not in ends:
            continue  # never an abbreviation (_is_abbreviation)
        fits = ends[name[-1]] & longer[len(name)]
        for ch in set(name):
            fits &= holding.get(ch, 0)
            if not fits:
                break
        found = {(fulls or forms)[k] for k in _positions(fits) if _is_abbreviation(name, forms[k])}
        if found:
            out[name] = found
    return out


K = TypeVar("K", str, int)


def _bits(index: dict[K, list[int]], size: int) -> dict[K, int]:
    """Each key's positions as one int whose bit k is set for position k,
    built from a byte array (OR-ing bits one at a time into a growing int is
    itself quadratic)."""
    out: dict[K, int] = {}
    for key, positions in index.items():
        raw = bytearray((size + 7) // 8)
        for k in positions:
            raw[k >> 3] |= 1 << (k & 7)
        out[key] = int.from_bytes(raw, "little")
    return out


def _positions(bits: int) -> list[int]:
    """The positions of the set bits of `bits`."""
    out = []
    while bits:
        low = bits & -bits
        out.append(low.bit_length() - 1)
        bits ^= low
    return out


class Inventory:
    """The names one notice uses for one level of departments."""

    def __init__(self, names: Iterable[str], user: Mapping[str, str] | None = None) -> None:
        """`user`: the user's abbreviation → canonical name (aliases.py), used
        where the notice's own names leave a name unresolved or ambiguous."""
        self.names = sorted(set(names))
        curated: dict[str, str] = load("units")["aliases"]
        self._resolved: dict[str, tuple[UnitStatus, str, tuple[str, ...]]] = {}
        self._units: dict[tuple[str, str], Unit] = {}
        known = set(self.names)
        longer = _abbreviated_by(self.names)
        for name in self.names:
            # A name that does not look like one (主责:甲局, an annotation cut
            # wrong: odd_unit says so) is no full name for the notice's
            # well-read names to resolve to.
            fulls = {f for f in longer.get(name, ()) if looks_like_unit(f)}
            for short, full in curated.items():
                if short in name and (target := name.replace(short, full)) in known:
                    fulls.add(target)
            # Keep only maximal names: 社发局 → 社会发展局, not to a name that is
            # itself an abbreviation of another candidate.
            maximal = sorted(f for f in fulls if fulls.isdisjoint(longer.get(f, ())))
            if len(maximal) == 1:
                self._resolved[name] = (UnitStatus.RESOLVED, maximal[0], ())
            elif maximal:
                self._resolved[name] = (UnitStatus.AMBIGUOUS, name, tuple(maximal))
        for short, full in (user or {}).items():
            status, _, candidates = self._resolved.get(short, (UnitStatus.AS_WRITTEN, short, ()))
            if (
                short in self.names
                and short != full
                and (status is UnitStatus.AS_WRITTEN or full in candidates)
            ):
                self._resolved[short] = (UnitStatus.RESOLVED, full, ())

    def unit(self, written: str, expanded: str) -> Unit:
        # Prose and table name the same units again and again: one (frozen)
        # Unit per pair.
        key = (written, expanded)
        if (made := self._units.get(key)) is not None:
            return made
        written_as = UnitStatus.AS_WRITTEN if expanded == clean(written) else UnitStatus.EXPANDED
        status, name, candidates = self._resolved.get(expanded, (written_as, expanded, ()))
        made = Unit(
            name=name, written=written, expanded=expanded, status=status, candidates=candidates
        )
        self._units[key] = made
        return made


def written_units(text: str | Sequence[str]) -> list[tuple[str, str]]:
    """Written text (or already split items) → (written, expanded) pairs."""
    if isinstance(text, str):
        return list(_written_units_of(text))
    return expand_shared_suffixes([trim(t) for t in text if trim(t)])


# A notice writes the same unit lists again and again (prose and table, row
# after row): the split and the expansion depend on the text alone.  Sized
# for a notice of 10,000 measures, whose prose and table each write some
# 20,000 lists: overrun, a cache misses them all.
@text_cache(65536)
def _written_units_of(text: str) -> tuple[tuple[str, str], ...]:
    return tuple(expand_shared_suffixes(split_units(text)))

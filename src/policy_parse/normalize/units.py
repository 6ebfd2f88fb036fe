"""Department names: split a written list, expand shared suffixes; the
abbreviations are resolved against the notice's own inventory of names by
normalize.abbreviations.

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
from collections.abc import Sequence

from .._support.brackets import CLOSING_GROUP, GROUP
from .._support.lazy_regex import lazy_compile
from .._support.memo import text_cache
from .._support.unit_gaps import apart_by_spaces, pieces_at_gaps
from ..data import load
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

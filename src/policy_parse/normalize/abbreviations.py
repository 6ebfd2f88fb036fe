"""Abbreviations: which of a notice's department names is a short form of
which longer one, and the inventory that resolves every written name
against the notice's own names.

An abbreviation keeps the first and final characters of the full name, or
drops a leading qualifier, and never reorders characters; a written name is
an abbreviation of every longer inventory name that contains its characters
in order and ends with the same character.  One such name resolves it;
several leave it ambiguous, which is reported, never guessed.  Split from
normalize/units.py, which splits and expands the written names this module
resolves.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import TypeVar

from ..data import load
from ..models import Unit, UnitStatus
from .units import _has_unit_ending, _joiners, clean, looks_like_unit


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
    short_forms = {f: r for f in names if (r := contracted(f)) != f}
    if short_forms:
        fulls = list(short_forms)
        by_form = _holding_in_order(names, [short_forms[f] for f in fulls], fulls)
        for form_short, found in by_form.items():
            out.setdefault(form_short, set()).update(found)
        known = set(names)
        for full, form in short_forms.items():
            if form in known and len(form) >= 3:  # 区政府办 of 区政府办公室
                out.setdefault(form, set()).add(full)
    return {k: v for k, v in out.items() if v}


def contracted(name: str) -> str:
    """市发展和改革委员会 → 市发展和改革委: the short form of its ending (as a
    batch's registry keys names too, compare.registry)."""
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

"""One name per department across a batch of notices.

Each notice already reads its own names against each other
(normalize/abbreviations.py); a folder of notices from one issuer still writes one
bureau four ways (市发改委, 市发展改革委, 市发展和改革委员会, 发改委).  The
registry applies the same rules over the batch's names: the abbreviation
rule (characters kept in order, the same last character), the curated pairs
of data/units.toml, the user's alias file, and one more shape that only a
batch shows — a name ending in 委员会 / 办公室 read as ending in 委 / 办
(data/units.toml [registry]).  A name with one maximal candidate merges into
it; one with several is refused and reported, never guessed.

Two guards keep apart what the evidence does not join.  Names that differ
only in their administrative level (市财政局, 区财政局) are two bodies: neither
is an abbreviation of the other, and the pair is reported as kept apart.  A
merge that adds a qualifier in front (财政局 → 河西区财政局) is taken only where
every notice that writes the short name was issued under that qualifier
(its 发文机关 or title holds 河西区); elsewhere it is refused.

Built in about linear time: candidates come from an index of characters, not
from comparing every pair of names (abbreviations.Inventory does that, fine for one
notice's dozens of names, slow for a batch's thousands).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence

import attrs

from ..data import load
from ..models import Notice
from ..normalize.abbreviations import contracted, is_abbreviation


@attrs.frozen(kw_only=True)
class Use:
    """One name as one notice uses it."""

    name: str  # the notice's own canonical name
    written: str  # as written there (a form the notice resolved to `name`)
    file: str
    issuer: str  # what the notice says of its issuer: 发文机关 and title


@attrs.frozen(kw_only=True)
class Merge:
    """`name` is read as `canonical`, by `rule`: "notice" (the notice's own
    names resolved it), "alias" (the user's file), "curated"
    (data/units.toml), "abbreviation", or "ending" (委员会 read as 委)."""

    name: str
    canonical: str
    rule: str
    files: tuple[str, ...]  # the notices that write `name`


@attrs.frozen(kw_only=True)
class Refusal:
    """A merge the evidence does not support.  `reason`: "ambiguous" (several
    candidates), "qualifier" (the candidate adds a place the notices do not
    share), "levels" (the same body at two levels: kept apart)."""

    name: str
    candidates: tuple[str, ...]
    reason: str
    files: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Department:
    """A canonical name with every name and written form read as it."""

    name: str
    forms: tuple[str, ...]
    files: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Registry:
    files: tuple[str, ...]
    departments: tuple[Department, ...]
    merges: tuple[Merge, ...]
    refused: tuple[Refusal, ...]

    def mapping(self) -> dict[str, str]:
        """Every name and form → its canonical name."""
        return {f: d.name for d in self.departments for f in d.forms}


def uses_of(notice: Notice, file: str) -> list[Use]:
    """Every unit the notice names, prose and table, once per (name, written)."""
    h = notice.header
    issuer = " ".join(x for x in (h.issuer, h.title, h.plan_title, h.doc_number) if x)
    seen: set[tuple[str, str]] = set()
    out: list[Use] = []
    units = [u for m in notice.measures for u in (*m.lead, *m.support)]
    units += [u for e in notice.table for u in (*e.upper_units, *e.lead, *e.support)]
    for u in units:
        if (u.name, u.written) not in seen:
            seen.add((u.name, u.written))
            out.append(Use(name=u.name, written=u.written, file=file, issuer=issuer))
    return out


def name_registry(
    notices: Iterable[Notice | tuple[str, Notice]], *, aliases: Mapping[str, str] | None = None
) -> Registry:
    """The registry of a batch: notices, or (file, notice) pairs (a bare
    notice is known by its source path)."""
    uses: list[Use] = []
    files: list[str] = []
    for k, item in enumerate(notices):
        file, notice = item if isinstance(item, tuple) else (None, item)
        file = file or notice.source.path or f"#{k + 1}"
        files.append(file)
        uses.extend(uses_of(notice, file))
    return build(uses, files=files, aliases=aliases)


@functools.cache
def _branch_endings() -> tuple[str, ...]:
    return tuple(load("units")["registry"]["branch_endings"])


def _branch_of(short: str, full: str) -> bool:
    """市场监管分局 is a branch of 市场监管局, not its longer name."""
    return any(full.endswith(b) and not short.endswith(b) for b in _branch_endings())


class _Index:
    """Which names could a short name abbreviate: those that end with its
    last character and hold each of its characters (set intersections,
    rarest character first), then the rule itself on those few."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = names
        self.by_char: dict[str, set[int]] = {}
        self.by_last: dict[str, set[int]] = {}
        for k, n in enumerate(names):
            for ch in set(n):
                self.by_char.setdefault(ch, set()).add(k)
            self.by_last.setdefault(n[-1:], set()).add(k)

    def fulls(self, short: str) -> list[str]:
        postings = [self.by_last.get(short[-1:], set())]
        postings += [self.by_char.get(ch, set()) for ch in set(short)]
        postings.sort(key=len)
        found = set(postings[0])
        for p in postings[1:]:
            if not found:
                break
            found &= p
        return [
            self.names[k]
            for k in found
            if len(self.names[k]) > len(short) and is_abbreviation(short, self.names[k])
        ]


def build(
    uses: Sequence[Use], *, files: Sequence[str] = (), aliases: Mapping[str, str] | None = None
) -> Registry:
    """The registry of these uses (see the module's docstring)."""
    batch = _Batch(uses)
    target, refused = batch.resolve(dict(aliases or {}))
    merges = batch.own_readings()
    for name, (full, rule) in sorted(target.items()):
        merges.append(Merge(name=name, canonical=full, rule=rule, files=batch.files(name)))
    return Registry(
        files=tuple(files),
        departments=batch.departments(target, files),
        merges=tuple(merges),
        refused=tuple(sorted(refused, key=lambda r: (r.reason, r.name))),
    )


class _Batch:
    """The names of a batch, where each is written, and the index that finds
    what a name may abbreviate."""

    def __init__(self, uses: Sequence[Use]) -> None:
        self.files_of: dict[str, dict[str, None]] = {}  # an ordered set per name
        self.issuers: dict[str, set[str]] = {}
        self.forms: dict[str, list[str]] = {}
        for u in uses:
            for key in (u.name, u.written):
                self.files_of.setdefault(key, {})[u.file] = None
                self.issuers.setdefault(key, set()).add(u.issuer)
            self.forms.setdefault(u.name, [u.name])
            if u.written not in self.forms[u.name]:
                self.forms[u.name].append(u.written)
        self.names = sorted(self.forms)
        self.key_of = {n: contracted(n) for n in self.names}
        self.reduced: dict[str, list[str]] = {}
        for n in self.names:
            self.reduced.setdefault(self.key_of[n], []).append(n)
        self.index = _Index(sorted(self.reduced))
        self._longer: dict[str, list[str]] = {}

    def files(self, name: str) -> tuple[str, ...]:
        return tuple(self.files_of.get(name, {}))

    def own_readings(self) -> list[Merge]:
        """Each written form a notice resolved, merged into its name there."""
        return [
            Merge(name=w, canonical=n, rule="notice", files=self.files(w))
            for n in self.names
            for w in self.forms[n][1:]
        ]

    def longer(self, key: str) -> list[str]:
        """The names whose reduced form the reduced form `key` abbreviates."""
        if key not in self._longer:
            self._longer[key] = [f for k in self.index.fulls(key) for f in self.reduced[k]]
        return self._longer[key]

    def abbreviates(self, c: str, others: set[str]) -> bool:
        """Is `c` an abbreviation of one of `others`: a longer name of its
        reduced form (某委 of 某委员会), or one its reduced form abbreviates."""
        key = self.key_of[c]
        same = any(o in others and len(o) > len(c) for o in self.reduced[key])
        return same or any(f in others for f in self.longer(key))

    def candidates(self, name: str, curated: Mapping[str, str]) -> dict[str, str]:
        """Every name `name` may be short for, with the rule that says so."""
        found: dict[str, str] = {}
        for short, long in curated.items():
            if short in name and (t := name.replace(short, long)) in self.forms and t != name:
                found[t] = "curated"
        key = self.key_of[name]
        for full in self.longer(key):
            if not _branch_of(name, full):
                rule = "ending" if self.key_of[full] != full else "abbreviation"
                found.setdefault(full, rule)
        for other in self.reduced[key]:
            if other != name and len(other) > len(name):
                found.setdefault(other, "ending")  # 某委 and 某委员会
        return found

    def resolve(self, user: Mapping[str, str]) -> tuple[dict[str, tuple[str, str]], list[Refusal]]:
        """name → (the name it is read as, rule), and the merges refused."""
        curated: dict[str, str] = load("units")["aliases"]
        target: dict[str, tuple[str, str]] = {}
        refused: list[Refusal] = []
        for name in self.names:
            if (full := user.get(name)) is not None and full != name:
                target[name] = (full, "alias")
                continue
            candidates = self.candidates(name, curated)
            pool = set(candidates)
            maximal = sorted(c for c in candidates if not self.abbreviates(c, pool - {c}))
            if not maximal:
                continue
            reason = "ambiguous" if len(maximal) > 1 else None
            if reason is None and _qualified_by_all(name, maximal[0], self.issuers[name]):
                target[name] = (maximal[0], candidates[maximal[0]])
                continue
            refused.append(
                Refusal(
                    name=name,
                    candidates=tuple(maximal),
                    reason=reason or "qualifier",
                    files=self.files(name),
                )
            )
        refused.extend(_levels(self.names, self.files_of))
        return target, refused

    def departments(
        self, target: Mapping[str, tuple[str, str]], files: Sequence[str]
    ) -> tuple[Department, ...]:
        """One per canonical name, with every form read as it; most files first."""
        grouped: dict[str, dict[str, None]] = {}
        for n in self.names:
            forms = grouped.setdefault(_follow(n, target), {})
            forms.update(dict.fromkeys(self.forms[n]))
        rank = {f: k for k, f in enumerate(files)}
        out = []
        for c, forms in grouped.items():
            seen = {f for n in [c, *forms] for f in self.files_of.get(n, {})}
            order = sorted(seen, key=lambda f: (rank.get(f, len(rank)), f))
            named = [c, *(f for f in forms if f != c)]
            out.append(Department(name=c, forms=tuple(named), files=tuple(order)))
        return tuple(sorted(out, key=lambda d: (-len(d.files), d.name)))


def _qualified_by_all(short: str, full: str, issuers: set[str]) -> bool:
    """财政局 → 河西区财政局 adds 河西区: only where every notice writing 财政局
    was issued under 河西区.  A merge that keeps the first character adds no
    qualifier in front and needs no such support."""
    if not short or full.startswith(short[0]):
        return True
    at = full.find(short[0])
    qualifier = full[:at] if at > 0 else full
    return bool(issuers) and all(qualifier in i for i in issuers)


def _levels(names: Sequence[str], files_of: Mapping[str, Iterable[str]]) -> list[Refusal]:
    """市财政局 and 区财政局: one name at two administrative levels, kept apart."""
    heads = load("units")["suffix_heads"]
    by_rest: dict[str, list[str]] = {}
    for n in names:
        if len(n) > 2 and n[0] in heads:
            by_rest.setdefault(n[1:], []).append(n)
    out = []
    for group in by_rest.values():
        if len(group) > 1:
            for n in group:
                others = tuple(o for o in group if o != n)
                out.append(
                    Refusal(name=n, candidates=others, reason="levels", files=tuple(files_of[n]))
                )
    return out


def _follow(name: str, target: Mapping[str, tuple[str, str]]) -> str:
    seen = {name}
    while name in target:
        nxt = target[name][0]
        if nxt in seen:  # a user's file may loop: stop where it would
            break
        seen.add(nxt)
        name = nxt
    return name

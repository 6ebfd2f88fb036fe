"""Which measure of one version is which measure of the other, by content.

Numbers shift between versions (a measure inserted renumbers all after it),
so measures are matched by their text: character bigrams of the normalised
text, scored by Dice's coefficient.  Comparing every pair with difflib is
quadratic in measures and in characters; instead an index of the bigrams
few measures share proposes candidates, and only those are scored.  Near
ties go to the measure in the same section, then the same 分工表 row, then
the same units, then the nearer place in the list.  After the one-to-one match, a measure whose
text the pieces of several others cover is a split (one old → several new)
or a merge (several old → one new).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence

import attrs

# A pair scoring below this is two different measures: an edit that keeps
# half the bigrams is still the same measure rewritten.
MATCH = 0.5
# Below this a match is reported as doubtful (a reader should look).
SURE = 0.7
# A piece of a split (merge) has at least this share of its bigrams in the
# whole; together the pieces cover at least COVER of the whole; and no
# piece is the whole again (CONTAINED_WHOLE of it or more).
PIECE = 0.8
COVER = 0.6
CONTAINED_WHOLE = 0.9
# A bigram that more than this share of the measures use (推进, 加强) proposes
# no candidate: it would propose them all.
COMMON_SHARE = 0.05
COMMON_MIN = 8
# Scores equal to two places tie (and go to the tie-breakers).
ROUND = 2


def key_text(text: str) -> str:
    """The text as compared: widths unified, only letters and digits
    (punctuation and spacing differ between copies of one sentence)."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isalnum())


def grams(text: str) -> frozenset[str]:
    """The character bigrams of a key text; a one-character text is its own."""
    if len(text) < 2:
        return frozenset({text}) if text else frozenset()
    return frozenset(text[k : k + 2] for k in range(len(text) - 1))


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


def share(part: frozenset[str], whole: frozenset[str]) -> float:
    """How much of `part` `whole` holds."""
    return len(part & whole) / len(part) if part else 0.0


@attrs.frozen(kw_only=True)
class Place:
    """Where a measure sits, for the tie-breakers: its section (by title,
    which survives renumbering), its 分工表 row, its units (a notice may
    give one sentence twice, to two leads), its share of the list."""

    section: str | None
    row: int | None
    units: tuple[str, ...] = ()
    at: float


@attrs.frozen(kw_only=True)
class Pairing:
    """Indices into the old and new measure lists."""

    pairs: tuple[tuple[int, int, float], ...]  # one to one, with the score
    splits: tuple[tuple[int, tuple[int, ...]], ...]  # old → its new pieces
    merges: tuple[tuple[tuple[int, ...], int], ...]  # old pieces → new


def _related(
    old: Sequence[frozenset[str]], new: Sequence[frozenset[str]]
) -> dict[tuple[int, int], int]:
    """(old, new) pairs that share an uncommon bigram, with how many they
    share: the only pairs worth scoring."""
    index: dict[str, list[int]] = {}
    for i, g in enumerate(old):
        for x in g:
            index.setdefault(x, []).append(i)
    limit = max(COMMON_MIN, int(len(old) * COMMON_SHARE))
    related: dict[tuple[int, int], int] = {}
    for j, g in enumerate(new):
        rare = [index[x] for x in g if x in index and len(index[x]) <= limit]
        if not rare:  # only common bigrams: every measure that has them
            rare = [index[x] for x in g if x in index]
        counts: Counter[int] = Counter()
        for posting in rare:
            counts.update(posting)
        for i, n in counts.items():
            related[i, j] = n
    return related


def pair_measures(
    old: Sequence[str],
    new: Sequence[str],
    old_places: Sequence[Place],
    new_places: Sequence[Place],
) -> Pairing:
    """Match the measure texts `old` and `new` (see the module docstring)."""
    og = [grams(key_text(t)) for t in old]
    ng = [grams(key_text(t)) for t in new]
    related = _related(og, ng)
    scored = []
    for i, j in related:
        score = dice(og[i], ng[j])
        if score >= MATCH:
            po, pn = old_places[i], new_places[j]
            scored.append(
                (
                    -round(score, ROUND),
                    po.section != pn.section,
                    po.row != pn.row,
                    po.units != pn.units,
                    abs(po.at - pn.at),
                    i,
                    j,
                    score,
                )
            )
    scored.sort()
    partner_of_old: dict[int, int] = {}
    partner_of_new: dict[int, int] = {}
    score_of: dict[int, float] = {}
    for *_, i, j, score in scored:
        if i not in partner_of_old and j not in partner_of_new:
            partner_of_old[i], partner_of_new[j], score_of[i] = j, i, score
    by_old: dict[int, list[int]] = {}
    by_new: dict[int, list[int]] = {}
    for i, j in related:
        by_old.setdefault(i, []).append(j)
        by_new.setdefault(j, []).append(i)
    splits = _pieces(og, ng, by_old, partner_of_new, set(), set())
    for w, _ in splits:  # the whole's one-to-one partner is one of its pieces
        if w in partner_of_old:
            del partner_of_new[partner_of_old.pop(w)]
    split_new = {j for _, pieces in splits for j in pieces}
    split_old = {i for i, _ in splits}
    merges = _pieces(ng, og, by_new, partner_of_old, split_new, split_old)
    for w, _ in merges:
        if w in partner_of_new:
            del partner_of_old[partner_of_new.pop(w)]
    pairs = tuple(sorted((i, j, score_of[i]) for i, j in partner_of_old.items()))
    return Pairing(
        pairs=pairs,
        splits=tuple(splits),
        merges=tuple((pieces, j) for j, pieces in merges),
    )


def _pieces(
    wholes: Sequence[frozenset[str]],
    parts: Sequence[frozenset[str]],
    related: dict[int, list[int]],
    partner_of_part: dict[int, int],
    skip_wholes: set[int],
    taken: set[int],
) -> list[tuple[int, tuple[int, ...]]]:
    """Each whole whose text two or more parts cover: the parts each mostly
    inside it, none the whole again, each free or the whole's own partner.
    `skip_wholes` and `taken` are in a split already."""
    out: list[tuple[int, tuple[int, ...]]] = []
    taken = set(taken)
    for w in sorted(related):
        if w in skip_wholes:
            continue
        whole = wholes[w]
        pieces = sorted(
            p
            for p in related[w]
            if p not in taken
            and (p not in partner_of_part or partner_of_part[p] == w)
            and share(parts[p], whole) >= PIECE
            and share(whole, parts[p]) < CONTAINED_WHOLE
        )
        if len(pieces) < 2:
            continue
        covered: frozenset[str] = frozenset().union(*(parts[p] for p in pieces))
        if share(whole, covered) >= COVER:
            out.append((w, tuple(pieces)))
            taken.update(pieces)
    return out

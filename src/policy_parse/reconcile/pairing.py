"""Which table row states which prose measure.

Pairing by number alone lets one typo wreck the report: a prose list that
numbers two measures 55 (56 written as 55) made every id section-qualified
and paired nothing, and a skipped number pairs every later measure with its
neighbour's row.  So the pairing goes in tiers, each over what the tiers
before left free:

1. a text written once on each side (after `comparable_text`) pairs those
   two, whatever their numbers: the anchor that survives renumbering;
2. an id on exactly one free measure and one free row pairs them;
3. likewise a bare number (ids that differ only in their section prefix);
4. a text similar enough (`SIMILAR`) pairs the most similar free pair first;
   each free measure is compared with the `WINDOW` free rows nearest its
   place on either side (a shifted measure is near its row), on the first
   `COMPARED_CHARS` characters, so the work stays linear in the notice;
5. what still shares a number pairs in document order.

Every pair records how it was made; a pair whose numbers differ is a
renumbering the numbering check reports once (numbering.py).
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Callable, Hashable, Sequence

from .._support.memo import text_cache
from .._support.records import NamedTuple
from ..models import Measure, TableEntry
from ..segment.grammar import WHITESPACE

__all__ = ["COMPARED_CHARS", "SIMILAR", "WINDOW", "Pair", "comparable_text", "pair_measures"]

_TRAILING = "。.；;，, "
SIMILAR = 0.6  # SequenceMatcher ratio from which two texts are one measure reworded
# Free rows compared with each free measure, on either side of its place: a
# hostile input (10⁴ unpairable measures) costs 10⁴ × 2 × WINDOW comparisons,
# not 10⁸.
WINDOW = 16
COMPARED_CHARS = 600  # SequenceMatcher is quadratic in the worst case


# The prose and the table mostly write a measure's text alike: one reading.
@text_cache(65536)
def comparable_text(text: str) -> str:
    """Text as compared: widths unified, whitespace and end punctuation gone."""
    return WHITESPACE.sub("", unicodedata.normalize("NFKC", text)).rstrip(_TRAILING)


class Pair(NamedTuple):
    """A prose measure and its table row (either may be missing); `how` is the
    tier that paired them: text, id, number, similar or order."""

    prose: int | None
    table: int | None
    how: str | None = None


def pair_measures(
    measures: Sequence[Measure],
    table: Sequence[TableEntry],
    texts: tuple[Sequence[str], Sequence[str]] | None = None,
) -> list[Pair]:
    """Pairs of indices into `measures` and `table`: paired measures in prose
    order, each unpaired measure in its place, then unpaired rows in table
    order.  Rows without an id (no number) are never paired.  `texts` are
    both sides' comparable texts when the caller has them already."""
    # A report asks again for the pairs the reconciler made (emit/json.py
    # orders the measures by them): the same records, so the same pairs.
    last = _LAST[0]
    if (
        last is not None
        and last[1] is table
        and isinstance(table, tuple)  # a list could have changed since
        and len(last[0]) == len(measures)
        and all(a is b for a, b in zip(last[0], measures))
    ):
        return list(last[2])
    pairs = _pairs(measures, table, texts)
    if isinstance(table, tuple):
        _LAST[0] = (tuple(measures), table, tuple(pairs))
    return pairs


# The last call's records and pairs, by identity: the records are frozen, so
# the same objects pair the same way.  One entry: a notice's pairs are asked
# for by its reconciler, then by its report.
_LAST: list[tuple[tuple[Measure, ...], Sequence[TableEntry], tuple[Pair, ...]] | None] = [None]


def _pairs(
    measures: Sequence[Measure],
    table: Sequence[TableEntry],
    texts: tuple[Sequence[str], Sequence[str]] | None,
) -> list[Pair]:
    if texts is None:
        texts = (
            [comparable_text(m.text) for m in measures],
            [comparable_text(e.text) for e in table],
        )
    p_text, t_text = texts
    free_p = set(range(len(measures)))
    free_t = {k for k, e in enumerate(table) if e.id is not None}
    partner: dict[int, tuple[int, str]] = {}

    def take(i: int, k: int, how: str) -> None:
        partner[i] = (k, how)
        free_p.discard(i)
        free_t.discard(k)

    def unique(how: str, pkey: Callable[[int], Hashable], tkey: Callable[[int], Hashable]) -> None:
        ps: dict[Hashable, list[int]] = {}
        ts: dict[Hashable, list[int]] = {}
        for i in sorted(free_p):
            ps.setdefault(pkey(i), []).append(i)
        for k in sorted(free_t):
            ts.setdefault(tkey(k), []).append(k)
        for key, pi in ps.items():
            tk = ts.get(key, [])
            if len(pi) == 1 and len(tk) == 1:
                take(pi[0], tk[0], how)

    # Tier 1 counts texts over all measures, not just free ones: a text the
    # prose writes twice (55 copying 54) anchors nothing.
    p_count: dict[str, int] = {}
    for t in p_text:
        p_count[t] = p_count.get(t, 0) + 1
    t_count: dict[str, int] = {}
    for k in free_t:
        t_count[t_text[k]] = t_count.get(t_text[k], 0) + 1
    by_text = {t_text[k]: k for k in free_t if t_count[t_text[k]] == 1}
    for i, t in enumerate(p_text):
        if t and p_count[t] == 1 and t in by_text:
            take(i, by_text[t], "text")

    unique("id", lambda i: measures[i].id, lambda k: table[k].id)
    unique("number", lambda i: str(measures[i].number), lambda k: str(table[k].number))
    _similar(p_text, t_text, free_p, free_t, take)
    # Tier 5: a number still shared by several free measures and rows.
    rows_by_no: dict[str, list[int]] = {}
    for k in sorted(free_t):
        rows_by_no.setdefault(str(table[k].number), []).append(k)
    for i in sorted(free_p):
        ks = rows_by_no.get(str(measures[i].number))
        if ks:
            take(i, ks.pop(0), "order")

    out = [
        Pair(prose=i, table=partner[i][0], how=partner[i][1])
        if i in partner
        else Pair(prose=i, table=None)
        for i in range(len(measures))
    ]
    out += [Pair(prose=None, table=k) for k in sorted(free_t)]
    return out


def _similar(
    p_text: Sequence[str],
    t_text: Sequence[str],
    free_p: set[int],
    free_t: set[int],
    take: Callable[[int, int, str], None],
) -> None:
    """Tier 4: the most similar free pairs first, above `SIMILAR`.  A free
    measure meets the WINDOW free rows on either side of the row at the same
    relative place in the table (measure 40 of 80 → row 20 of a 40-row table)."""
    ps, ts = sorted(free_p), sorted(free_t)
    if not ps or not ts:
        return
    import difflib  # most notices pair every measure before this tier

    scale = len(t_text) / max(1, len(p_text))
    scored: list[tuple[float, int, int]] = []
    for i in ps:
        sm = difflib.SequenceMatcher(None, autojunk=False)
        sm.set_seq2(p_text[i][:COMPARED_CHARS])
        at = bisect.bisect_left(ts, round(i * scale))
        for k in ts[max(0, at - WINDOW) : at + WINDOW]:
            sm.set_seq1(t_text[k][:COMPARED_CHARS])
            if sm.real_quick_ratio() >= SIMILAR and sm.quick_ratio() >= SIMILAR:
                r = sm.ratio()
                if r >= SIMILAR:
                    scored.append((-r, i, k))
    for _, i, k in sorted(scored):
        if i in free_p and k in free_t:
            take(i, k, "similar")

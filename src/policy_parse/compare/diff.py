"""What changed between two versions of a notice, measure by measure.

Measures are matched by content (compare/match.py), never by number, so a
renumbering is no change.  Each matched pair is then compared field by
field: the text (with the characters that differ), the lead and the
supporting units by canonical name over both notices (市发改委 in one and
市发展改革委 in the other is one department), the deadline, the section.
"""

from __future__ import annotations

import difflib
import enum
from collections import Counter
from collections.abc import Mapping, Sequence

import attrs

from ..data import load
from ..models import Measure, Notice, Severity, Source, Unit, Value
from ..normalize.abbreviations import Inventory
from .match import SURE, Place, key_text, pair_measures


class ChangeKind(str, enum.Enum):
    ADDED = "added"  # a new measure no old one matches
    REMOVED = "removed"  # an old measure no new one matches
    SPLIT = "split"  # one old measure is several new ones
    MERGED = "merged"  # several old measures are one new one
    TEXT = "text"  # the wording changed
    LEAD = "lead"  # the lead units changed (canonical names)
    SUPPORT = "support"  # the supporting units changed (canonical names)
    DEADLINE = "deadline"  # the deadline changed
    MOVED = "moved"  # the measure sits in another section


@attrs.frozen(kw_only=True)
class Side:
    """One measure as the diff shows it.  `index` is its place in
    `notice.measures`; `lead` and `support` are canonical over both notices."""

    index: int
    id: str | None
    section: str | None  # its innermost heading as written (（二）扩大开放, else 一、…)
    text: str
    lead: tuple[str, ...]
    support: tuple[str, ...]
    deadline: str | None  # as written, the measure's own or its 分工表 row's
    deadline_value: str | None  # normalised (2024-12-31): 年底前 = 12月底前
    row: int | None  # its 分工表 row


@attrs.frozen(kw_only=True)
class TextEdit:
    """A stretch that differs: old.text[old_start:old_end] became
    new.text[new_start:new_end] (an empty stretch on one side is an insert
    or a delete)."""

    old_start: int
    old_end: int
    new_start: int
    new_end: int


@attrs.frozen(kw_only=True)
class Change:
    """One change.  `old` and `new` are the measures concerned (none on one
    side for added and removed, several for split and merged); `before` and
    `after` the values that differ.  `similarity` is the match's score
    (Dice over character bigrams); a match below match.SURE is `doubtful`:
    the pairing is a guess a reader should check."""

    kind: ChangeKind
    severity: Severity
    old: tuple[Side, ...]
    new: tuple[Side, ...]
    before: Value = None
    after: Value = None
    edits: tuple[TextEdit, ...] = ()
    similarity: float | None = None
    doubtful: bool = False


@attrs.frozen(kw_only=True)
class NoticeDiff:
    """Everything `diff` found between two notices.  `matched` counts the
    measures matched one to one, `unchanged` those of them with no change."""

    old: Source
    new: Source
    old_title: str | None
    new_title: str | None
    old_measures: int
    new_measures: int
    matched: int
    unchanged: int
    changes: tuple[Change, ...]


def severity(kind: ChangeKind) -> Severity:
    return Severity(load("diff")["severity"][kind.value])


def _headings(notice: Notice) -> dict[tuple[str | None, str | None], str]:
    """(part, section) → the innermost heading as a reader finds it."""
    out: dict[tuple[str | None, str | None], str] = {}
    for p in notice.parts:
        if p.number is not None:
            out[p.number, None] = f"{p.written}{p.title or ''}" or p.number
        for s in p.sections:
            out[p.number, s.number] = f"{s.written}{s.title}" or s.number
    return out


def _sides(notice: Notice, canon: Mapping[str, str]) -> list[Side]:
    rows = {e.id: e for e in notice.table if e.id is not None}
    heads = _headings(notice)

    def names(units: Sequence[Unit]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(canon.get(u.name, u.name) for u in units))

    out = []
    for k, m in enumerate(notice.measures):
        entry = rows.get(m.id) if m.id is not None else None
        deadline = m.deadline or (entry.deadline if entry is not None else None)
        section = heads.get((m.part, m.section), m.section or m.part)
        out.append(
            Side(
                index=k,
                id=m.id,
                section=section,
                text=m.text,
                lead=names(m.lead),
                support=names(m.support),
                deadline=deadline.written if deadline is not None else None,
                deadline_value=deadline.value if deadline is not None else None,
                row=entry.row if entry is not None else None,
            )
        )
    return out


def _canonical(
    old: Sequence[Measure], new: Sequence[Measure], aliases: Mapping[str, str] | None
) -> dict[str, str]:
    """Each unit name of either notice → its canonical name over both: the
    two versions together are the dictionary (normalize/abbreviations.py's rules)."""
    written = {u.name for m in (*old, *new) for u in (*m.lead, *m.support)}
    inventory = Inventory(written, aliases)
    return {n: inventory.unit(n, n).name for n in written}


# difflib costs up to len(a) × len(b) steps: above this (two texts of
# about 500 characters each) the texts are marked as one stretch.
EDIT_MAX_PRODUCT = 250_000


def text_edits(old: str, new: str) -> tuple[TextEdit, ...]:
    """The stretches of `old` and `new` that differ, by character."""
    if old == new:
        return ()
    if len(old) * len(new) > EDIT_MAX_PRODUCT:
        return (TextEdit(old_start=0, old_end=len(old), new_start=0, new_end=len(new)),)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return tuple(
        TextEdit(old_start=i1, old_end=i2, new_start=j1, new_end=j2)
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
        if op != "equal"
    )


def _moves(
    old: Sequence[Side], new: Sequence[Side], pairs: Sequence[tuple[int, int, float]]
) -> dict[str | None, str | None]:
    """Each old section → the new section most of its measures went to: a
    section renamed or renumbered moves none of its measures."""
    votes: dict[str | None, Counter[str | None]] = {}
    for i, j, _ in pairs:
        votes.setdefault(old[i].section, Counter())[new[j].section] += 1
    return {s: c.most_common(1)[0][0] for s, c in votes.items()}


def _pair_changes(a: Side, b: Side, score: float, home: str | None) -> list[Change]:
    doubtful = score < SURE

    def change(kind: ChangeKind, before: Value, after: Value) -> Change:
        return Change(
            kind=kind,
            severity=severity(kind),
            old=(a,),
            new=(b,),
            before=before,
            after=after,
            edits=text_edits(a.text, b.text) if kind is ChangeKind.TEXT else (),
            similarity=round(score, 3),
            doubtful=doubtful,
        )

    out = []
    if key_text(a.text) != key_text(b.text):
        out.append(change(ChangeKind.TEXT, a.text, b.text))
    if set(a.lead) != set(b.lead):
        out.append(change(ChangeKind.LEAD, a.lead, b.lead))
    if set(a.support) != set(b.support):
        out.append(change(ChangeKind.SUPPORT, a.support, b.support))
    if _due(a) != _due(b):
        out.append(change(ChangeKind.DEADLINE, a.deadline, b.deadline))
    if a.section is not None and b.section is not None and b.section != home:
        out.append(change(ChangeKind.MOVED, a.section, b.section))
    return out


def _due(s: Side) -> str:
    """A deadline as compared: its date where both have one, else its words."""
    return s.deadline_value or key_text(s.deadline or "")


def diff(old: Notice, new: Notice, *, aliases: Mapping[str, str] | None = None) -> NoticeDiff:
    """The changes from `old` to `new` (two parsed notices), in the new
    notice's order, removed measures where they stood.  `aliases` maps
    abbreviations to the user's canonical names (aliases.load_aliases)."""
    canon = _canonical(old.measures, new.measures, aliases)
    a, b = _sides(old, canon), _sides(new, canon)

    def places(sides: Sequence[Side]) -> list[Place]:
        n = max(len(sides), 1)
        return [
            Place(section=s.section, row=s.row, units=(*s.lead, *s.support), at=s.index / n)
            for s in sides
        ]

    pairing = pair_measures([s.text for s in a], [s.text for s in b], places(a), places(b))
    home = _moves(a, b, pairing.pairs)
    found: list[tuple[tuple[float, int], Change]] = []
    unchanged = 0
    for i, j, score in pairing.pairs:
        changes = _pair_changes(a[i], b[j], score, home.get(a[i].section))
        unchanged += not changes
        found.extend(((j, 0), c) for c in changes)
    for i, pieces in pairing.splits:
        change = _grouped(ChangeKind.SPLIT, (a[i],), tuple(b[j] for j in pieces))
        found.append(((pieces[0], 0), change))
    for pieces, j in pairing.merges:
        change = _grouped(ChangeKind.MERGED, tuple(a[i] for i in pieces), (b[j],))
        found.append(((j, 0), change))
    grouped_old = {i for i, _ in pairing.splits} | {i for p, _ in pairing.merges for i in p}
    grouped_new = {j for _, p in pairing.splits for j in p} | {j for _, j in pairing.merges}
    old_paired = {i for i, _, _ in pairing.pairs} | grouped_old
    new_paired = {j for _, j, _ in pairing.pairs} | grouped_new
    for j, side in enumerate(b):
        if j not in new_paired:
            found.append(((j, 0), _alone(ChangeKind.ADDED, side)))
    # A removed measure stands after the new measure its old predecessor became.
    after = {i: j for i, j, _ in pairing.pairs}
    last = -1.0
    for i, side in enumerate(a):
        if i in after:
            last = after[i]
        elif i not in old_paired:
            found.append(((last + 0.5, i), _alone(ChangeKind.REMOVED, side)))
    found.sort(key=lambda pc: pc[0])
    return NoticeDiff(
        old=old.source,
        new=new.source,
        old_title=old.header.plan_title or old.header.title,
        new_title=new.header.plan_title or new.header.title,
        old_measures=len(a),
        new_measures=len(b),
        matched=len(pairing.pairs),
        unchanged=unchanged,
        changes=tuple(c for _, c in found),
    )


def _alone(kind: ChangeKind, side: Side) -> Change:
    old, new = ((side,), ()) if kind is ChangeKind.REMOVED else ((), (side,))
    return Change(
        kind=kind,
        severity=severity(kind),
        old=old,
        new=new,
        before=side.text if old else None,
        after=side.text if new else None,
    )


def _grouped(kind: ChangeKind, old: tuple[Side, ...], new: tuple[Side, ...]) -> Change:
    return Change(
        kind=kind,
        severity=severity(kind),
        old=old,
        new=new,
        before=tuple(s.text for s in old),
        after=tuple(s.text for s in new),
    )

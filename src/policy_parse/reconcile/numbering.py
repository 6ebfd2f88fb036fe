"""Numbering: gaps, repeats and disorder on each side, and renumbered pairs.

A pair whose two numbers differ (pairing.py paired it by its text) is one
slip on one side.  The side at fault is the one whose own sequence gets
cleaner when it takes the other side's numbers: there the slip is reported
once, as one `numbering` finding per run of renumbered measures, and that
side's sequence is checked with the corrected numbers, so a typo does not
also show up as a repeat and a gap.  Where neither side gets cleaner the
renumbering is still reported, without blame, beside each side's own checks.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Discrepancy, Kind, MeasureNo, Severity
from .common import one_side, pair_finding

__all__ = ["numbering_findings"]

_LISTED = 3  # gaps this wide or narrower list every missing number


Item = tuple[str | None, MeasureNo, str]  # (section or part, number, id)


def side_numbering(numbers: Sequence[tuple[MeasureNo, str]], side: str) -> list[Discrepancy]:
    """Gaps, repeats and disorder in one side's main numbers and sub-numbers.
    A gap is one finding with its bounds, however many numbers it skips."""
    out: list[Discrepancy] = []
    seen: set[MeasureNo] = set()
    prev: MeasureNo | None = None
    for no, mid in numbers:
        sev, msg = Severity.WARNING, None
        if no in seen:
            sev, msg = Severity.ERROR, f"the {side} numbers two measures {no}"
        elif prev is not None:
            p, n = prev.parts, no.parts
            if n[0] == p[0]:
                # The first level at which they part must count on by one:
                # 1-1-1 → 1-1-2 → 1-2-1 (three levels), 1-1 → 1-2 (two).
                d = next((k for k, (a, b) in enumerate(zip(p, n)) if a != b), None)
                if d is not None and n[d] != p[d] + 1:
                    msg = f"the {side} goes from {prev} to {no}"
                elif d is not None and len(n) > d + 1 and n[d + 1] != 1:
                    head = "-".join(map(str, n[: d + 1]))
                    msg = f"the {side} starts {head} at sub-number {n[d + 1]}"
            elif n[0] == p[0] + 1:
                if len(n) > 1 and n[1] != 1:
                    msg = f"the {side} starts {n[0]} at sub-number {n[1]}"
            elif n[0] > p[0] + 1:
                msg = f"the {side} jumps from {prev} to {no}: {_missing(p[0] + 1, n[0] - 1)}"
            else:
                msg = f"the {side} has {no} after {prev}: out of order"
        if msg is not None:
            out.append(one_side(Kind.NUMBERING, sev, mid, side, str(no), msg))
        seen.add(no)
        prev = no
    return out


def _missing(first: int, last: int) -> str:
    if last - first + 1 <= _LISTED:
        return "no measure " + "、".join(str(k) for k in range(first, last + 1))
    return f"no measures {first} to {last} ({last - first + 1} numbers)"


def by_section(items: Sequence[Item], side: str) -> list[Discrepancy]:
    """Numbering checks; where ids carry the section, each section on its own
    (the id's, which may number a heading written with none: the second
    分工表 of a notice with two, 2/1)."""
    if all(i == str(n) for _, n, i in items):
        return side_numbering([(n, i) for _, n, i in items], side)
    out: list[Discrepancy] = []
    groups: dict[str | None, list[tuple[MeasureNo, str]]] = {}
    for section, n, i in items:
        groups.setdefault(i.rpartition("/")[0] if "/" in i else section, []).append((n, i))
    for group in groups.values():
        out += side_numbering(group, side)
    return out


def numbering_findings(
    prose: Sequence[Item],
    table: Sequence[Item],
    renumbered: Sequence[tuple[int, int]],
) -> list[Discrepancy]:
    """Both sides' numbering, with `renumbered` (prose index, table index)
    pairs whose numbers differ reported once per run."""
    p_fix = {i: table[k][1] for i, k in renumbered}
    t_fix = {k: prose[i][1] for i, k in renumbered}
    p_plain, t_plain = by_section(prose, "prose"), by_section(table, "table")
    if not renumbered:
        return p_plain + t_plain
    p_fixed = by_section(_corrected(prose, p_fix), "prose")
    t_fixed = by_section(_corrected(table, t_fix), "table")
    if len(p_fixed) < len(p_plain) and len(p_fixed) + len(t_plain) <= len(p_plain) + len(t_fixed):
        at_fault, p_out, t_out = "prose", p_fixed, t_plain
    elif len(t_fixed) < len(t_plain):
        at_fault, p_out, t_out = "table", p_plain, t_fixed
    else:
        at_fault, p_out, t_out = None, p_plain, t_plain
    return p_out + t_out + _runs(prose, table, renumbered, at_fault)


def _corrected(items: Sequence[Item], fix: dict[int, MeasureNo]) -> list[Item]:
    # The section prefix of a corrected id is kept: only the number changes.
    out: list[Item] = []
    for k, (section, n, i) in enumerate(items):
        if k in fix:
            new = fix[k]
            out.append((section, new, str(new) if i == str(n) else f"{section}/{new}"))
        else:
            out.append((section, n, i))
    return out


def _runs(
    prose: Sequence[Item],
    table: Sequence[Item],
    renumbered: Sequence[tuple[int, int]],
    at_fault: str | None,
) -> list[Discrepancy]:
    """One finding per run of consecutive renumbered pairs with one offset."""
    runs: list[list[tuple[int, int]]] = []
    for i, k in sorted(renumbered):
        offset = _offset(prose[i][1], table[k][1])
        if runs:
            li, lk = runs[-1][-1]
            if i == li + 1 and k == lk + 1 and offset == _offset(prose[li][1], table[lk][1]):
                runs[-1].append((i, k))
                continue
        runs.append([(i, k)])
    out = []
    for run in runs:
        (i0, k0), (i1, k1) = run[0], run[-1]
        p_no = _span(prose[i0][1], prose[i1][1])
        t_no = _span(table[k0][1], table[k1][1])
        what = "the measure" if len(run) == 1 else f"the {len(run)} measures"
        msg = f"the prose numbers {p_no} {what} the table numbers {t_no} (same text)"
        if at_fault is not None:
            right = t_no if at_fault == "prose" else p_no
            msg += f"; the slip is in the {at_fault}, whose own sequence calls for {right}"
        out.append(pair_finding(Kind.NUMBERING, Severity.ERROR, prose[i0][2], p_no, t_no, msg))
    return out


def _offset(a: MeasureNo, b: MeasureNo) -> tuple[int, ...]:
    if len(a.parts) != len(b.parts):
        return (-1, *a.parts, *b.parts)  # never equal to a neighbour's
    return tuple(y - x for x, y in zip(a.parts, b.parts))


def _span(a: MeasureNo, b: MeasureNo) -> str:
    return str(a) if a == b else f"{a}–{b}"

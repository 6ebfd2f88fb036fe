"""Building findings: the one constructor every reconcile module uses."""

from __future__ import annotations

from collections.abc import Iterable

from ..models import Discrepancy, Kind, Severity, Unit, Value

__all__ = ["names", "one_side", "pair_finding"]


def pair_finding(
    kind: Kind, sev: Severity, mid: str | None, prose: Value, table: Value, msg: str
) -> Discrepancy:
    return Discrepancy(kind=kind, severity=sev, measure=mid, prose=prose, table=table, message=msg)


def one_side(
    kind: Kind, sev: Severity, mid: str | None, side: str, value: Value, msg: str
) -> Discrepancy:
    """A finding about one side only: its value goes under that side's name."""
    prose, table = (value, None) if side == "prose" else (None, value)
    return pair_finding(kind, sev, mid, prose, table, msg)


def names(units: Iterable[Unit]) -> tuple[str, ...]:
    return tuple(u.name for u in units)

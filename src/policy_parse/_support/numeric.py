"""Small numeric helpers shared by the stages."""

from __future__ import annotations

__all__ = ["median"]


def median(values: list[float]) -> float:
    """statistics.median for numbers, without its generality (it was a third
    of PDF line building, and importing statistics pulls in decimal, random
    and fractions: 6 ms of start-up).  Sorts `values` in place."""
    values.sort()
    n = len(values)
    mid = n // 2
    return values[mid] if n % 2 else (values[mid - 1] + values[mid]) / 2

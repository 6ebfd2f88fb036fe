"""Page numbers written as runs: 1, 2, 3, 5 → "1-3, 5" (a finding's pages,
the pages OCR read)."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["ranges_text"]


def ranges_text(numbers: Iterable[int]) -> str:
    """Ascending numbers as runs of consecutive ones: 1, 2, 3, 5 → "1-3, 5"."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)

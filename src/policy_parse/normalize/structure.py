"""`structure` findings: where the parser had to guess the notice's shape.

A parser that is right on tidy notices and quietly wrong elsewhere is worse
than none (issue 8), so each guess is reported as a warning, ahead of the
reconciliation's findings: the outline's own notes (no annotation at any
level, a heading level taken as measures), few annotated measures, a measure
text far longer than the rest, text that looks like a table but gave no rows
(the reader's residue says so), and a notice with no measure at all.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable

from ..data import load
from ..models import Discrepancy, Kind, Notice, Severity

# The reason a reader gives text with column words that yielded no rows.
TABLE_TEXT_REASON = "looks like a table"


def _finding(message: str, measure: str | None = None) -> Discrepancy:
    return Discrepancy(
        kind=Kind.STRUCTURE,
        severity=Severity.WARNING,
        measure=measure,
        prose=None,
        table=None,
        message=message,
    )


def structure_findings(
    notice: Notice, outline_notes: Iterable[str] = ()
) -> tuple[Discrepancy, ...]:
    """Every guess behind `notice`, as `structure` warnings."""
    data = load("structure")
    msg = data["messages"]
    out = [_finding(note) for note in outline_notes]
    measures = notice.measures
    if not measures and not notice.table:
        out.append(_finding(msg["no_measures"]))
    annotated = sum(1 for m in measures if m.annotation is not None)
    if measures and annotated and annotated * 2 < len(measures):
        out.append(_finding(msg["few_annotated"].format(annotated=annotated, total=len(measures))))
    if len(measures) >= data["long_text_min_measures"]:
        median = statistics.median(len(m.text) for m in measures)
        for m in measures:
            if median and len(m.text) >= data["long_text_factor"] * median:
                ratio = round(len(m.text) / median)
                out.append(_finding(msg["long_text"].format(ratio=ratio, length=len(m.text)), m.id))
    out.extend(
        _finding(msg["table_text"].format(text=r.text[:40]))
        for r in notice.residue
        if r.reason.startswith(TABLE_TEXT_REASON)
    )
    return tuple(out)

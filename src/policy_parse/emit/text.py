"""The readable text report: header, counts, then every finding with both
sides' values; and the ordering and lookups the other reports share with it
(findings by severity, then by measure; each side's records by measure id).
"""

from __future__ import annotations

from collections.abc import Sequence

from .._support.lazy_regex import lazy_compile
from .._support.printable import printable
from ..messages import Lang, count, kind_label, message, names, reason, ui
from ..models import Discrepancy, Kind, Measure, Notice, Severity, TableEntry, Value

_SEV_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_DIGITS = lazy_compile(r"\d+")


def measure_order(measure: str | None) -> tuple[int, ...]:
    """Sort key of a measure id (36-1, 3/4) by its numbers; findings on no
    measure, about the notice as a whole, come first."""
    if measure is None:
        return ()
    return tuple(int(n) for n in _DIGITS.findall(measure)[:8])


def sorted_findings(notice: Notice) -> list[Discrepancy]:
    """By severity (errors first), then by measure."""
    rank = {s: k for k, s in enumerate(_SEV_ORDER)}
    return sorted(notice.discrepancies, key=lambda d: (rank[d.severity], measure_order(d.measure)))


def counts_line(notice: Notice, lang: Lang) -> str:
    n_sections = sum(len(p.sections) for p in notice.parts)
    n_parts = sum(1 for p in notice.parts if p.number is not None)
    return ui(
        "counts",
        lang,
        parts=count(n_parts, "part", lang),
        sections=count(n_sections, "section", lang),
        # A table-only notice's measures are its rows: none is in the prose.
        measures=count(sum(1 for m in notice.measures if m.origin == "prose"), "measure", lang),
        rows=count(len(notice.table), "row", lang),
        residue=count(len(notice.residue), "residue", lang),
    )


def findings_line(findings: Sequence[Discrepancy], lang: Lang) -> str:
    by = {s: sum(1 for d in findings if d.severity is s) for s in _SEV_ORDER}
    sep = "，" if lang == "zh" else ", "
    return ui(
        "findings",
        lang,
        total=count(len(findings), "finding", lang),
        by_severity=sep.join(count(by[s], s.value, lang) for s in _SEV_ORDER),
    )


Records = tuple[dict[str | None, Measure], dict[str | None, TableEntry]]


def by_id(notice: Notice) -> Records:
    """Each side's records by measure id (the first of a repeated id).  A
    table-only notice's measures are its rows: they are no prose."""
    prose: dict[str | None, Measure] = {}
    table: dict[str | None, TableEntry] = {}
    for m in notice.measures:
        if m.origin == "prose":
            prose.setdefault(m.id, m)
    for e in notice.table:
        table.setdefault(e.id, e)
    return prose, table


def counterpart(records: Records, d: Discrepancy, side: str) -> Value:
    """For a finding about one side of a measure, what the other `side`
    states for that measure: its units when the finding names a unit, else
    its text.  None when that side lacks the measure."""
    if d.measure is None or (d.prose is None) == (d.table is None):
        return None
    prose, table = records[0].get(d.measure), records[1].get(d.measure)
    own, other = (table, prose) if side == "prose" else (prose, table)
    if own is None or other is None:
        return None
    value = d.table if side == "prose" else d.prose
    if any(value in (u.written, u.name) for u in (*own.lead, *own.support)):
        return tuple(u.name for u in (*other.lead, *other.support))
    return other.text


def _oneline(text: str) -> str:
    """Text on one report line: breaks shown as ⏎, nothing escaped."""
    return text.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎")


def to_text(notice: Notice, *, lang: Lang = "zh") -> str:
    """A readable summary: header, counts, then every finding with both sides'
    values, errors first and by measure within a severity."""
    h = notice.header
    lines = []
    lines.append(f"{h.doc_number or ui('no_doc_number', lang)}  {h.issuer or ''}".rstrip())
    if h.title:
        lines.append(h.title)
    if h.date:
        lines.append(ui("dated", lang, date=h.date))
    lines.append("")
    lines.append(counts_line(notice, lang))
    findings = sorted_findings(notice)
    lines.append(findings_line(findings, lang))
    records = by_id(notice)
    # Where the parser guessed the structure, every other finding may be off:
    # those come first, in their own group.
    guesses = [d for d in findings if d.kind is Kind.STRUCTURE]
    groups = [(ui("structure", lang), guesses)] if guesses else []
    for sev in _SEV_ORDER:
        group = [d for d in findings if d.severity is sev and d.kind is not Kind.STRUCTURE]
        if group:
            label = ui(sev.value, lang)
            groups.append((label if lang == "zh" else label.upper(), group))
    for title, group in groups:
        lines.append("")
        lines.append(f"{title}（{len(group)}）" if lang == "zh" else f"{title} ({len(group)})")
        for d in group:
            where = f"[{d.measure}]" if d.measure else "[-]"
            colon = "：" if lang == "zh" else ": "
            lines.append(f"  {where:>7} {kind_label(d.kind.value, lang)}{colon}{message(d, lang)}")
            for side, value in (("prose", d.prose), ("table", d.table)):
                label = ui(side, lang)
                if value is None and (seen := counterpart(records, d, side)) is not None:
                    # The finding has no value on this side: show what it says there.
                    label, value = ui("this_measure", lang, side=label), seen
                lines.append(f"          {label}{colon}{_oneline(names(value, lang))}")
    from .departments import department_lines

    if depts := department_lines(notice, lang):
        lines.append("")
        lines.extend(depts)
    if notice.residue:
        colon = "：" if lang == "zh" else ": "
        lines.append("")
        lines.append(ui("residue", lang))
        for r in notice.residue:
            text = _oneline(r.text)
            lines.append(
                f"  {text[:60]}{'…' if len(text) > 60 else ''}{colon}{reason(r.reason, lang)}"
            )
    # Escape codes, bidi overrides and stray breaks from the notice are shown,
    # not passed to the terminal the report is read on.
    return "\n".join(printable(line) for line in lines) + "\n"

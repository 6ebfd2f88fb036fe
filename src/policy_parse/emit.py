"""Emitters: the JSON contract (docs/schema.md) and the readable summary.

Serialisation happens here only; the models know nothing of JSON.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .jsonout import dumps
from .lazy_regex import lazy_compile
from .messages import Lang, count, message, names, ui
from .models import (
    Alignment,
    Deadline,
    Discrepancy,
    Document,
    Kind,
    Measure,
    Notice,
    Paragraph,
    Severity,
    Span,
    TableEntry,
    Unit,
    Value,
)
from .reconcile.pairing import pair_measures

SCHEMA_ID = "policy_parse/1"


def _span(span: Span) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in ("start_line", "end_line", "paragraph", "table", "row", "cell", "page", "end_page"):
        value = getattr(span, key)
        if value is not None:
            out[key] = value
    if span.bbox is not None and all(abs(v) < _MAX_COORD for v in span.bbox):
        out["bbox"] = [round(v, 1) for v in span.bbox]
    return out


# A coordinate of 10^15 pt or more (no page is that wide), infinite or NaN
# (abs(nan) < x is False) is damage, not a place: the span then says only
# what else it knows.
# Below it, a coordinate rounded to 0.1 never needs an exponent (jsonout.py).
_MAX_COORD = 1e15


def _unit(u: Unit) -> dict[str, Any]:
    out: dict[str, Any] = {"name": u.name, "written": u.written, "status": u.status.value}
    if u.expanded != u.written:
        out["expanded"] = u.expanded
    if u.candidates:
        out["candidates"] = list(u.candidates)
    return out


def _deadline(d: Deadline | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {"written": d.written, "kind": d.kind, "value": d.value}


def _table(e: TableEntry) -> dict[str, Any]:
    return {
        "row": e.row,
        "number": None if e.number is None else str(e.number),
        "written_number": e.written_number,
        "part": e.part,
        "section": e.section,
        "part_written": e.part_written,
        "section_written": e.section_written,
        "national_task": e.national_task,
        "text": e.text,
        "deadline": _deadline(e.deadline),
        "city_units": [_unit(u) for u in e.upper_units],
        "zone_units": [_unit(u) for u in (*e.lead, *e.support)],
        "lead": [_unit(u) for u in e.lead],
        "support": [_unit(u) for u in e.support],
        "extra": {k: v for k, v in e.extra},
        "inherited": list(e.inherited),
        "span": _span(e.span),
    }


def _measure(m: Measure | None, e: TableEntry | None) -> dict[str, Any]:
    if m is not None:
        return {
            "id": m.id,
            "number": str(m.number),
            "written_number": m.written_number,
            "origin": "prose",
            "deadline": _deadline(m.deadline),
            "part": m.part,
            "section": m.section,
            "text": m.text,
            "annotation": m.annotation,
            "leaders": list(m.leaders),
            "lead": [_unit(u) for u in m.lead],
            "support": [_unit(u) for u in m.support],
            "table": None if e is None else _table(e),
            "span": _span(m.span),
        }
    assert e is not None
    return {
        "id": e.id,
        "number": None if e.number is None else str(e.number),
        "written_number": e.written_number,
        "origin": "table",
        "deadline": _deadline(e.deadline),
        "part": e.part,
        "section": e.section,
        "text": e.text,
        "annotation": None,
        "leaders": list(e.leaders),
        "lead": [_unit(u) for u in e.lead],
        "support": [_unit(u) for u in e.support],
        "table": _table(e),
        "span": _span(e.span),
    }


def _value(v: object) -> Any:
    return list(v) if isinstance(v, tuple) else v


def _discrepancy(d: Discrepancy, lang: Lang | None = None) -> dict[str, Any]:
    return {
        "kind": d.kind.value,
        "severity": d.severity.value,
        "measure": d.measure,
        "prose": _value(d.prose),
        "table": _value(d.table),
        "message": message(d, lang),
    }


def measure_records(notice: Notice) -> list[dict[str, Any]]:
    """Prose measures in order, each with its table row; table-only rows
    follow the measure they come after in the table."""
    prose = [m for m in notice.measures if m.origin == "prose"]
    if not prose:  # a table-only notice: its measures are the rows
        return [_measure(None, e) for e in notice.table]
    # The reconciler's pairs, so a row paired by its text under another
    # number sits with its measure, as the findings say.
    pairs = pair_measures(prose, notice.table)
    partner = {p.prose: p.table for p in pairs if p.prose is not None}
    records = [
        _measure(m, None if (k := partner.get(i)) is None else notice.table[k])
        for i, m in enumerate(prose)
    ]
    paired = {k for k in partner.values() if k is not None}
    extra = [e for k, e in enumerate(notice.table) if k not in paired]
    keys = [m.number.parts if m.number is not None else () for m in prose]
    if all(e.number is not None for e in extra) and keys == sorted(keys):
        return _merge_sorted(records, keys, extra)
    return _insert_each(records, keys, extra)


def _merge_sorted(
    records: list[dict[str, Any]], keys: list[tuple[int, ...]], extra: list[TableEntry]
) -> list[dict[str, Any]]:
    """`_insert_each` in linear time when the prose is in order: every row then
    lands before the first greater number, so the result is a stable merge."""
    rows = sorted(
        ((e.number.parts, k, e) for k, e in enumerate(extra) if e.number is not None),
        key=lambda t: (t[0], t[1]),
    )
    out: list[dict[str, Any]] = []
    i = 0
    for key, _, e in rows:
        while i < len(records) and keys[i] <= key:
            out.append(records[i])
            i += 1
        out.append(_measure(None, e))
    out.extend(records[i:])
    return out


def _insert_each(
    records: list[dict[str, Any]], keys: list[tuple[int, ...]], extra: list[TableEntry]
) -> list[dict[str, Any]]:
    """Each table-only row goes before the first record with a greater
    number (or last): the general rule, quadratic, for prose out of order."""
    slots: list[tuple[tuple[int, ...] | None, dict[str, Any]]] = list(
        zip(keys, records, strict=True)
    )
    for e in extra:
        rec = _measure(None, e)
        pos = len(slots)
        if e.number is not None:
            for k, (key, _) in enumerate(slots):
                if key is not None and key > e.number.parts:
                    pos = k
                    break
        slots.insert(pos, (None if e.number is None else e.number.parts, rec))
    return [rec for _, rec in slots]


def _alignment(a: Alignment | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {"cost": a.cost, "runner_up": a.runner_up, "doubtful_lines": list(a.doubtful)}


def to_dict(notice: Notice, *, lang: Lang | None = None) -> dict[str, Any]:
    """The JSON contract of docs/schema.md as plain Python data.  `lang`
    ("zh"/"en") renders each `message` from the catalogue; None keeps the
    reconciler's own English words."""
    h = notice.header
    return {
        "schema": SCHEMA_ID,
        "source": {
            "path": notice.source.path,
            "format": notice.source.format.value,
            "sha256": notice.source.sha256,
            # Layout, not content: how often the file drew the table header again.
            "table_header_repeats": notice.table_header_repeats,
            # How a table copied as text was rebuilt (read/text/align.py), or null.
            "table_alignment": _alignment(notice.table_alignment),
        },
        "notice": {
            "issuer": h.issuer,
            "doc_number": h.doc_number,
            "title": h.title,
            "recipients": list(h.recipients),
            "body": list(h.body),
            "attachments": list(h.attachments),
            "signature": list(h.signature),
            "date": h.date,
            "date_written": h.date_written,
            "note": h.note,
            "attachment_mark": h.attachment_mark,
            "plan_title": h.plan_title,
            "preamble": list(h.preamble),
            "table_caption": notice.table_caption,
            "table_header": list(notice.table_header),
        },
        "parts": [
            {
                "number": p.number,
                "written": p.written,
                "title": p.title,
                "sections": [
                    {"number": s.number, "written": s.written, "title": s.title} for s in p.sections
                ],
            }
            for p in notice.parts
        ],
        "measures": measure_records(notice),
        "discrepancies": [_discrepancy(d, lang) for d in notice.discrepancies],
        "residue": [
            {**_span_line(r.span), "text": r.text, "reason": r.reason, "span": _span(r.span)}
            for r in notice.residue
        ],
    }


def _span_line(span: Span) -> dict[str, Any]:
    return {"line": span.start_line}


def document_to_dict(document: Document) -> dict[str, Any]:
    """The reader's intermediate form, for debugging a reader (`--stage read`)."""
    blocks: list[dict[str, Any]] = []
    for b in document.blocks:
        if isinstance(b, Paragraph):
            blocks.append({"paragraph": b.text, "span": _span(b.span)})
        else:
            rows = []
            for r in b.rows:
                cells = ["^" if c.merged_up else "<" if c.merged_left else c.text for c in r.cells]
                rows.append(
                    {"cells": cells, "repeat_header": r.repeat_header, "span": _span(r.span)}
                )
            blocks.append({"table": rows, "span": _span(b.span)})
    return {
        "source": {"path": document.source.path, "format": document.source.format.value},
        "blocks": blocks,
        "residue": [
            {"text": r.text, "reason": r.reason, "span": _span(r.span)} for r in document.residue
        ],
    }


def to_json(notice: Notice, *, indent: int | None = 2, lang: Lang | None = None) -> str:
    return dumps(to_dict(notice, lang=lang), indent=indent) + "\n"


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
            lines.append(f"  {where:>7} {d.kind.value}: {message(d, lang)}")
            colon = "：" if lang == "zh" else ": "
            for side, value in (("prose", d.prose), ("table", d.table)):
                label = ui(side, lang)
                if value is None and (seen := counterpart(records, d, side)) is not None:
                    # The finding has no value on this side: show what it says there.
                    label, value = ui("this_measure", lang, side=label), seen
                lines.append(f"          {label}{colon}{_oneline(names(value, lang))}")
    if notice.residue:
        lines.append("")
        lines.append(ui("residue", lang))
        for r in notice.residue:
            text = _oneline(r.text)
            lines.append(f"  {text[:60]}{'…' if len(text) > 60 else ''}: {r.reason}")
    return "\n".join(lines) + "\n"

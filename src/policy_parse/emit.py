"""Emitters: the JSON contract (docs/schema.md) and the readable summary.

Serialisation happens here only; the models know nothing of JSON.
"""

from __future__ import annotations

import json
from typing import Any

from .models import (
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
)

SCHEMA_ID = "policy_parse/1"


def _span(span: Span) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in ("start_line", "end_line", "paragraph", "table", "row", "cell", "page", "end_page"):
        value = getattr(span, key)
        if value is not None:
            out[key] = value
    if span.bbox is not None:
        out["bbox"] = [round(v, 1) for v in span.bbox]
    return out


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
        "deadline": None,
        "part": e.part,
        "section": e.section,
        "text": e.text,
        "annotation": None,
        "leaders": [],
        "lead": [_unit(u) for u in e.lead],
        "support": [_unit(u) for u in e.support],
        "table": _table(e),
        "span": _span(e.span),
    }


def _value(v: object) -> Any:
    return list(v) if isinstance(v, tuple) else v


def _discrepancy(d: Discrepancy) -> dict[str, Any]:
    return {
        "kind": d.kind.value,
        "severity": d.severity.value,
        "measure": d.measure,
        "prose": _value(d.prose),
        "table": _value(d.table),
        "message": d.message,
    }


def measure_records(notice: Notice) -> list[dict[str, Any]]:
    """Prose measures in order, each with its table row; table-only rows
    follow the measure they come after in the table."""
    by_id = {e.id: e for e in notice.table if e.id is not None}
    prose_ids = {m.id for m in notice.measures}
    records = [_measure(m, by_id.get(m.id)) for m in notice.measures]
    extra = [e for e in notice.table if e.id is None or e.id not in prose_ids]
    if not records:
        return [_measure(None, e) for e in notice.table]
    for e in extra:
        rec = _measure(None, e)
        # Insert after the last record whose number is smaller.
        pos = len(records)
        if e.number is not None:
            for k, r in enumerate(records):
                if r["number"] is not None and _key(r["number"]) > e.number.parts:
                    pos = k
                    break
        records.insert(pos, rec)
    return records


def _key(number: str) -> tuple[int, ...]:
    return tuple(int(p) for p in number.split("-"))


def to_dict(notice: Notice) -> dict[str, Any]:
    """The JSON contract of docs/schema.md as plain Python data."""
    h = notice.header
    return {
        "schema": SCHEMA_ID,
        "source": {
            "path": notice.source.path,
            "format": notice.source.format.value,
            "sha256": notice.source.sha256,
            # Layout, not content: how often the file drew the table header again.
            "table_header_repeats": notice.table_header_repeats,
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
        "discrepancies": [_discrepancy(d) for d in notice.discrepancies],
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


def to_json(notice: Notice, *, indent: int | None = 2) -> str:
    return json.dumps(to_dict(notice), ensure_ascii=False, indent=indent, sort_keys=True) + "\n"


_SEV_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def to_text(notice: Notice) -> str:
    """A readable summary: header, counts, discrepancies grouped by severity."""
    h = notice.header
    lines = []
    lines.append(f"{h.doc_number or '(no document number)'}  {h.issuer or ''}".rstrip())
    if h.title:
        lines.append(h.title)
    if h.date:
        lines.append(f"dated {h.date}")
    n_sections = sum(len(p.sections) for p in notice.parts)
    n_parts = sum(1 for p in notice.parts if p.number is not None)
    lines.append("")
    lines.append(
        f"{n_parts} parts, {n_sections} sections, {len(notice.measures)} measures in the prose, "
        f"{len(notice.table)} rows in the table, {len(notice.residue)} residue lines"
    )
    counts = {s: sum(1 for d in notice.discrepancies if d.severity is s) for s in _SEV_ORDER}
    lines.append(
        f"{len(notice.discrepancies)} discrepancies: "
        + ", ".join(f"{counts[s]} {s.value}" for s in _SEV_ORDER)
    )
    # Where the parser guessed the structure, every other finding may be off:
    # those come first, in their own group.
    guesses = [d for d in notice.discrepancies if d.kind is Kind.STRUCTURE]
    groups = [("STRUCTURE", guesses)] if guesses else []
    for sev in _SEV_ORDER:
        group = [
            d for d in notice.discrepancies if d.severity is sev and d.kind is not Kind.STRUCTURE
        ]
        if group:
            groups.append((sev.value.upper(), group))
    for title, group in groups:
        lines.append("")
        lines.append(f"{title} ({len(group)})")
        for d in group:
            where = f"[{d.measure}]" if d.measure else "[-]"
            lines.append(f"  {where:>7} {d.kind.value}: {d.message}")
    for r in notice.residue:
        if not lines[-1].startswith("residue") and r is notice.residue[0]:
            lines.append("")
            lines.append("residue")
        lines.append(f"  {r.text[:60]!r}: {r.reason}")
    return "\n".join(lines) + "\n"

"""The JSON contract (docs/schema.md): a notice, or a reader's document
(`--stage read`), as plain Python data and as JSON text.

Serialisation happens in `emit` only; the models know nothing of JSON.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..messages import Lang, message, reason
from ..models import (
    Alignment,
    Deadline,
    Discrepancy,
    Document,
    Evidence,
    Kind,
    Measure,
    Notice,
    Paragraph,
    Span,
    TableEntry,
    Unit,
)
from ..reconcile.pairing import pair_measures

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


def _measure(
    m: Measure | None,
    e: TableEntry | None,
    doubts: Mapping[str | None, list[str]],
    evidence: Evidence | None = None,
) -> dict[str, Any]:
    """One measure record; a row no prose measure pairs with found its units
    in the table (`evidence` says otherwise for a table-only notice's guess)."""
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
            "evidence": m.evidence.value,
            "doubts": doubts.get(m.id, []),
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
        "evidence": (evidence or (Evidence.TABLE if e.lead or e.support else Evidence.NONE)).value,
        "doubts": doubts.get(e.id, []) if e.id is not None else [],
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


def doubts_by_measure(notice: Notice) -> dict[str | None, list[str]]:
    """The `structure` findings naming each measure: the guesses behind it."""
    out: dict[str | None, list[str]] = {}
    for d in notice.discrepancies:
        if d.kind is Kind.STRUCTURE and d.measure is not None and d.note:
            out.setdefault(d.measure, []).append(d.note)
    return out


View = tuple[Measure | None, TableEntry | None, Evidence | None]
"""A measure record's sources: the prose measure, its table row, and the
evidence of a table-only notice's row (None: the record's own)."""


def measure_records(notice: Notice) -> list[dict[str, Any]]:
    """Prose measures in order, each with its table row; table-only rows
    follow the measure they come after in the table."""
    doubts = doubts_by_measure(notice)
    return [_measure(m, e, doubts, ev) for m, e, ev in measure_views(notice)]


def measure_views(notice: Notice) -> list[View]:
    """What each of `measure_records` is made of, in its order, without the
    records: the department list needs only each measure's units."""
    prose = [m for m in notice.measures if m.origin == "prose"]
    if not prose:  # a table-only notice: its measures are the rows, in order
        views = notice.measures if len(notice.measures) == len(notice.table) else ()
        evidence: list[Evidence | None] = [m.evidence for m in views]
        evidence = evidence or [None] * len(notice.table)
        return [(None, e, ev) for e, ev in zip(notice.table, evidence)]
    # The reconciler's pairs, so a row paired by its text under another
    # number sits with its measure, as the findings say.
    pairs = pair_measures(prose, notice.table)
    partner = {p.prose: p.table for p in pairs if p.prose is not None}
    records: list[View] = [
        (m, None if (k := partner.get(i)) is None else notice.table[k], None)
        for i, m in enumerate(prose)
    ]
    paired = {k for k in partner.values() if k is not None}
    extra = [e for k, e in enumerate(notice.table) if k not in paired]
    keys = [m.number.parts if m.number is not None else () for m in prose]
    if all(e.number is not None for e in extra) and keys == sorted(keys):
        return _merge_sorted(records, keys, extra)
    return _insert_each(records, keys, extra)


def _merge_sorted(
    records: list[View], keys: list[tuple[int, ...]], extra: list[TableEntry]
) -> list[View]:
    """`_insert_each` in linear time when the prose is in order: every row then
    lands before the first greater number, so the result is a stable merge."""
    rows = sorted(
        ((e.number.parts, k, e) for k, e in enumerate(extra) if e.number is not None),
        key=lambda t: (t[0], t[1]),
    )
    out: list[View] = []
    i = 0
    for key, _, e in rows:
        while i < len(records) and keys[i] <= key:
            out.append(records[i])
            i += 1
        out.append((None, e, None))
    out.extend(records[i:])
    return out


def _insert_each(
    records: list[View], keys: list[tuple[int, ...]], extra: list[TableEntry]
) -> list[View]:
    """Each table-only row goes before the first record with a greater
    number (or last): the general rule, quadratic, for prose out of order."""
    slots: list[tuple[tuple[int, ...] | None, View]] = list(zip(keys, records, strict=True))
    for e in extra:
        pos = len(slots)
        if e.number is not None:
            for k, (key, _) in enumerate(slots):
                if key is not None and key > e.number.parts:
                    pos = k
                    break
        slots.insert(pos, (None if e.number is None else e.number.parts, (None, e, None)))
    return [rec for _, rec in slots]


def _alignment(a: Alignment | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {"cost": a.cost, "runner_up": a.runner_up, "doubtful_lines": list(a.doubtful)}


def to_dict(notice: Notice, *, lang: Lang | None = "zh") -> dict[str, Any]:
    """The JSON contract of docs/schema.md as plain Python data.  `lang`
    ("zh", the default of every output, or "en") renders each finding's
    `message` and each residue `reason` from the catalogue, as every other
    output and the CLI do; None keeps the reconciler's and readers' own
    English words (what golden/ records)."""
    return {
        key: list(value) if isinstance(value, Iterator) else value
        for key, value in _sections(notice, lang).items()
    }


def _sections(notice: Notice, lang: Lang | None) -> dict[str, Any]:
    """`to_dict`'s keys and values, the three lists that grow with a file's
    length (measures, findings, residue) as iterators of their records, so
    that `to_json_chunks` writes them one record at a time (the measures'
    records are made together, pairing the table's rows; the findings' and
    the residue's one by one)."""
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
            # Pages read from their image: the OCR engine, its version, the pages.
            **({"ocr": notice.source.ocr} if notice.source.ocr else {}),
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
        "measures": iter(measure_records(notice)),
        "discrepancies": (_discrepancy(d, lang) for d in notice.discrepancies),
        "residue": (
            {
                **_span_line(r.span),
                "text": r.text,
                "reason": reason(r.reason, lang),
                "span": _span(r.span),
            }
            for r in notice.residue
        ),
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
        "source": {
            "path": document.source.path,
            "format": document.source.format.value,
            **({"ocr": document.source.ocr} if document.source.ocr else {}),
        },
        "blocks": blocks,
        "residue": [
            {"text": r.text, "reason": r.reason, "span": _span(r.span)} for r in document.residue
        ],
        # What the reader chose where the file allows another reading.
        "notes": [{"note": n.note, "fields": dict(n.fields)} for n in document.notes],
    }


def to_json(notice: Notice, *, indent: int | None = 2, lang: Lang | None = "zh") -> str:
    """`to_dict(notice, lang=lang)` as JSON text."""
    from .jsonout import dumps  # the json module: not for the text report's records

    return dumps(to_dict(notice, lang=lang), indent=indent) + "\n"


def to_json_chunks(notice: Notice, *, lang: Lang | None = "zh") -> Iterator[bytes]:
    """`to_json(notice, lang=lang)` as UTF-8 bytes, in pieces: each record of
    the measures, findings and residue is encoded alone and indented to its
    depth, so the output of a long file never exists whole in memory — nor
    the dict behind it, nor its str, nor that str encoded (three copies
    that were the CLI's peak on a 1000-page PDF; benchmarks/README.md).

    The bytes are `to_json`'s: each piece is what `dumps` writes for it,
    and a JSON text indented by 2 holds a newline only between tokens
    (strings escape theirs), so a piece moves to depth d by a newline's
    indent growing by d spaces.  tests/emit/test_emit_json.py compares the
    two."""
    from .jsonout import dumps

    sections = _sections(notice, lang)
    keys = sorted(sections)  # what `dumps(..., sort_keys=True)` gives the top level
    yield b"{\n"
    for i, key in enumerate(keys):
        head = f"  {dumps(key)}: "
        value = sections[key]
        if isinstance(value, Iterator):
            yield from _list_chunks(head, value)
        else:
            yield (head + dumps(value).replace("\n", "\n  ")).encode("utf-8")
        yield b",\n" if i < len(keys) - 1 else b"\n"
    yield b"}\n"


def _list_chunks(head: str, records: Iterator[Any]) -> Iterator[bytes]:
    """A top-level list, its records one at a time at depth 4."""
    from .jsonout import dumps

    first = True
    for record in records:
        text = ("    " + dumps(record).replace("\n", "\n    ")).encode("utf-8")
        yield ((head + "[\n").encode("utf-8") + text) if first else b",\n" + text
        first = False
    yield (head + "[]").encode("utf-8") if first else b"\n  ]"

"""Spreadsheets: CSV (one row per measure) and an XLSX workbook (measures,
table rows, discrepancies, residue).  Analysts live in Excel: the CSV carries
a BOM so Excel reads it as UTF-8, the workbook has frozen headers, filters
and wrapped text.  Rows are built once here and reused by `frames`."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from ..messages import Lang, column, kind_label, message, names, reason, sheet, ui
from ..models import Deadline, Notice, Span, Unit
from .json import measure_records
from .text import sorted_findings

Table = tuple[list[str], list[list[str]]]


def _units(units: Sequence[dict[str, Any]] | Sequence[Unit], lang: Lang) -> str:
    out = [u["name"] if isinstance(u, dict) else u.name for u in units]
    return "、".join(out) if lang == "zh" else ", ".join(out)


def _deadline(d: dict[str, Any] | Deadline | None) -> str:
    if d is None:
        return ""
    return str(d["written"] if isinstance(d, dict) else d.written)


def _extra_names(notice: Notice) -> list[str]:
    seen: dict[str, None] = {}
    for e in notice.table:
        for k, _ in e.extra:
            seen.setdefault(k, None)
    return list(seen)


def where(span: Span) -> str:
    """A span as a reader finds it again: line, page or table row."""
    if span.start_line is not None:
        end = span.end_line
        return f"L{span.start_line}" + (f"-{end}" if end and end != span.start_line else "")
    if span.page is not None:
        return f"p{span.page}"
    if span.row is not None:
        return f"t{span.table or 0}r{span.row}"
    if span.paragraph is not None:
        return f"¶{span.paragraph}"
    return ""


def measures_table(notice: Notice, lang: Lang) -> Table:
    """One row per measure (prose and table-only), both sides side by side,
    and the kinds of findings on it."""
    extras = _extra_names(notice)
    keys = [
        "id", "number", "origin", "part", "section", "text", "lead", "support", "evidence",
        "doubts", "deadline", "table_row", "table_text", "table_lead", "table_support", "table_deadline",
        "table_upper", "national_task",
    ]  # fmt: skip
    header = [column(k, lang) for k in keys] + extras + [column("findings", lang)]
    kinds: dict[str, list[str]] = {}
    for d in notice.discrepancies:
        if d.measure is not None and d.kind.value not in kinds.setdefault(d.measure, []):
            kinds[d.measure].append(d.kind.value)
    rows = []
    for r in measure_records(notice):
        t = r["table"] or {}
        extra = t.get("extra", {})
        rows.append(
            [
                r["id"] or "",
                r["number"] or "",
                ui(r["origin"], lang),
                r["part"] or "",
                r["section"] or "",
                r["text"],
                _units(r["lead"], lang),
                _units(r["support"], lang),
                ui(f"evidence_{r['evidence']}", lang),
                "; ".join(r["doubts"]),
                _deadline(r["deadline"]),
                str(t.get("row", "")),
                t.get("text", ""),
                _units(t.get("lead", []), lang),
                _units(t.get("support", []), lang),
                _deadline(t.get("deadline")),
                _units(t.get("city_units", []), lang),
                t.get("national_task") or "",
                *(extra.get(k, "") for k in extras),
                "; ".join(kind_label(k, lang) for k in kinds.get(r["id"] or "", [])),
            ]
        )
    return header, rows


def table_rows_table(notice: Notice, lang: Lang) -> Table:
    extras = _extra_names(notice)
    keys = ["table_row", "id", "number", "part", "section", "national_task", "text", "lead",
            "support", "deadline", "table_upper", "inherited", "where"]  # fmt: skip
    header = [column(k, lang) for k in keys] + extras
    rows = []
    for e in notice.table:
        extra = dict(e.extra)
        rows.append(
            [
                str(e.row),
                e.id or "",
                e.written_number,
                e.part_written or e.part or "",
                e.section_written or e.section or "",
                e.national_task or "",
                e.text,
                _units(e.lead, lang),
                _units(e.support, lang),
                _deadline(e.deadline),
                _units(e.upper_units, lang),
                ", ".join(e.inherited),
                where(e.span),
                *(extra.get(k, "") for k in extras),
            ]
        )
    return header, rows


def discrepancies_table(notice: Notice, lang: Lang) -> Table:
    keys = ["severity", "kind", "measure", "prose_value", "table_value", "message"]
    header = [column(k, lang) for k in keys]
    rows = [
        [
            ui(d.severity.value, lang),
            kind_label(d.kind.value, lang),
            d.measure or "",
            "" if d.prose is None else names(d.prose, lang),
            "" if d.table is None else names(d.table, lang),
            message(d, lang),
        ]
        for d in sorted_findings(notice)
    ]
    return header, rows


def residue_table(notice: Notice, lang: Lang) -> Table:
    header = [column(k, lang) for k in ("where", "text", "reason")]
    return header, [[where(r.span), r.text, reason(r.reason, lang)] for r in notice.residue]


# A CSV cell starting with one of these is run as a formula by Excel and
# LibreOffice (=HYPERLINK(…), +cmd|…, @SUM(…), a tab or CR before them).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defuse(value: str) -> str:
    """A CSV cell a spreadsheet shows as text: a leading apostrophe before a
    formula start (OWASP's advice; the apostrophe is visible in other readers,
    docs/security.md).  XLSX needs none: its cells are stored as strings."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """CSV text for Excel: a BOM (else Excel reads UTF-8 as the local code
    page and garbles Chinese), CRLF, and no cell that runs as a formula."""
    buf = io.StringIO()
    buf.write("\ufeff")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([defuse(h) for h in header])
    writer.writerows([defuse(v) for v in row] for row in rows)
    return buf.getvalue()


def to_csv(notice: Notice, *, lang: Lang = "zh") -> str:
    """The measures, one row each, as CSV text (`csv_text`)."""
    return csv_text(*measures_table(notice, lang))


def to_xlsx(notice: Notice, *, lang: Lang = "zh") -> bytes:
    """A workbook: measures, table rows, discrepancies, residue."""
    try:
        from openpyxl import Workbook
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError("xlsx output needs openpyxl: pip install 'policy_parse[xlsx]'") from exc

    wb = Workbook()
    wb.remove(wb.active)
    for key, (header, rows) in (
        ("measures", measures_table(notice, lang)),
        ("table", table_rows_table(notice, lang)),
        ("discrepancies", discrepancies_table(notice, lang)),
        ("residue", residue_table(notice, lang)),
    ):
        _sheet(wb, sheet(key, lang), header, rows)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _display_width(text: str) -> int:
    """Columns a text takes: a CJK character is about two Latin ones."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _sheet(wb: Any, title: str, header: list[str], rows: list[list[str]]) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    ws.append(header)
    for row in rows:
        # Control characters cannot be stored in XLSX; U+FFFD marks the spot.
        ws.append([ILLEGAL_CHARACTERS_RE.sub("\ufffd", v) for v in row])
    wrap = Alignment(wrap_text=True, vertical="top")
    for cells in ws.iter_rows():
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                cell.data_type = "s"  # text, never a formula
            cell.alignment = wrap
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(max(len(header), 1))}{len(rows) + 1}"
    for k, name in enumerate(header, start=1):
        longest = max([_display_width(name)] + [_display_width(r[k - 1]) for r in rows[:500]])
        ws.column_dimensions[get_column_letter(k)].width = max(8, min(longest + 2, 60))

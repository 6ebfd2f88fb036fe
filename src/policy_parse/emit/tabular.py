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


# Each table's own columns by key (data/messages.toml [column]); a notice's
# extra 分工表 columns follow them under their own header words.
MEASURE_KEYS = (
    "id", "number", "origin", "part", "section", "text", "lead", "support", "evidence",
    "doubts", "deadline", "table_row", "table_text", "table_lead", "table_support", "table_deadline",
    "table_upper", "national_task",
)  # fmt: skip
TABLE_ROW_KEYS = (
    "table_row", "id", "number", "part", "section", "national_task", "text", "lead", "support",
    "deadline", "table_upper", "inherited", "where",
)  # fmt: skip
DISCREPANCY_KEYS = ("severity", "kind", "measure", "prose_value", "table_value", "message")
RESIDUE_KEYS = ("where", "text", "reason")


def headings(notice: Notice) -> tuple[dict[str | None, str], dict[tuple[str | None, str], str]]:
    """Each part's and section's heading as a reader finds it (2、进一步激发
    企业创新发展活力), by number: a sheet shows titles, not bare numbers."""
    parts: dict[str | None, str] = {}
    sections: dict[tuple[str | None, str], str] = {}
    for p in notice.parts:
        if p.number is not None:
            parts[p.number] = f"{p.written or ''}{p.title or ''}" or p.number
        for sec in p.sections:
            if sec.number is not None:
                label = f"{sec.written or ''}{sec.title or ''}" or sec.number
                sections[(p.number, sec.number)] = label
    return parts, sections


def measures_table(notice: Notice, lang: Lang) -> Table:
    """One row per measure (prose and table-only), both sides side by side,
    and the kinds of findings on it."""
    extras = _extra_names(notice)
    header = [column(k, lang) for k in MEASURE_KEYS] + extras + [column("findings", lang)]
    kinds: dict[str, list[str]] = {}
    for d in notice.discrepancies:
        if d.measure is not None and d.kind.value not in kinds.setdefault(d.measure, []):
            kinds[d.measure].append(d.kind.value)
    rows = []
    parts, sections = headings(notice)
    for r in measure_records(notice):
        t = r["table"] or {}
        extra = t.get("extra", {})
        rows.append(
            [
                r["id"] or "",
                r["number"] or "",
                ui(r["origin"], lang),
                parts.get(r["part"], r["part"] or ""),
                sections.get((r["part"], r["section"]), r["section"] or ""),
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
    header = [column(k, lang) for k in TABLE_ROW_KEYS] + extras
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
    header = [column(k, lang) for k in DISCREPANCY_KEYS]
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
    header = [column(k, lang) for k in RESIDUE_KEYS]
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
    """A workbook: an overview to print, measures, table rows,
    discrepancies, residue, and the departments (who leads and supports what)."""
    from .departments import department_rows, departments

    wb = new_workbook()
    for key, (header, rows) in (
        ("overview", overview_table(notice, lang)),
        ("measures", measures_table(notice, lang)),
        ("table", table_rows_table(notice, lang)),
        ("discrepancies", discrepancies_table(notice, lang)),
        ("residue", residue_table(notice, lang)),
        ("departments", department_rows(departments(notice), lang)),
    ):
        write_sheet(wb, sheet(key, lang), header, rows)
    return save_workbook(wb)


WORST = 10
"""How many findings the overview sheet shows (the worst first)."""


def overview_table(notice: Notice, lang: Lang) -> Table:
    """The workbook's first sheet, to print and sign: what the notice is,
    how much was read, and its worst findings."""
    from .text import counts_line, findings_line

    h = notice.header
    findings = sorted_findings(notice)
    rows = [
        [column("doc_number", lang), h.doc_number or ""],
        [column("title", lang), h.title or h.plan_title or ""],
        [column("issuer", lang), h.issuer or ""],
        [column("date", lang), h.date or ""],
        [column("file", lang), notice.source.path or ""],
        [ui("file_hash", lang), notice.source.sha256 or ""],
        [ui("read", lang), counts_line(notice, lang)],
        [ui("found", lang), findings_line(findings, lang)],
    ]
    for k, d in enumerate(findings[:WORST], start=1):
        where = f" · {d.measure}" if d.measure else ""
        label = f"{ui(d.severity.value, lang)} · {kind_label(d.kind.value, lang)}{where}"
        rows.append([ui("worst", lang, k=k), f"{label}\n{message(d, lang)}"])
    return [column("item", lang), column("value", lang)], rows


def new_workbook() -> Any:
    try:
        from openpyxl import Workbook
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError("xlsx output needs openpyxl: pip install 'policy_parse[xlsx]'") from exc
    wb = Workbook()
    wb.remove(wb.active)
    return wb


def save_workbook(wb: Any) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _display_width(text: str) -> int:
    """Columns a text takes: a CJK character is about two Latin ones."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


# Excel holds at most this many characters in a cell and "repairs" a file
# with more (a department named in hundreds of notices of a batch).
MAX_CELL = 32_767


def _cell(text: str) -> str:
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _lines(text: str, width: int) -> int:
    """Lines `text` takes wrapped in a column `width` characters wide."""
    usable = max(width - 1, 1)
    return sum(max(1, -(-_display_width(line) // usable)) for line in text.split("\n"))


def write_sheet(wb: Any, title: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """A sheet of `rows` under a bold, frozen, filtered `header`; text wraps,
    numbers stay numbers, and it prints landscape on A4, fit to the page's
    width, the header row repeated on every page."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    ws.append(list(header))
    for row in rows:
        # Control characters cannot be stored in XLSX; U+FFFD marks the spot.
        ws.append(
            [
                _cell(ILLEGAL_CHARACTERS_RE.sub("\ufffd", v)) if isinstance(v, str) else v
                for v in row
            ]
        )
    wrap = Alignment(wrap_text=True, vertical="top")
    for cells in ws.iter_rows():
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                cell.data_type = "s"  # text, never a formula
            cell.alignment = wrap
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    last = get_column_letter(max(len(header), 1))
    ws.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
    widths = []
    for k, name in enumerate(header, start=1):
        longest = max([_display_width(name)] + [_display_width(str(r[k - 1])) for r in rows[:500]])
        # Long texts wrap at 40 columns, names at 24: a sheet of 20 columns
        # still prints legibly when fit to a page's width.
        width = max(8, min(longest + 2, 40 if longest > 60 else 24))
        widths.append(width)
        ws.column_dimensions[get_column_letter(k)].width = width
    # Row heights that hold the wrapped text: LibreOffice does not grow a
    # row to its text on opening, and printed rows would overlap.
    for r, cells in enumerate([list(header), *rows], start=1):
        lines = max(
            (_lines(str(v), w) for v, w in zip(cells, widths, strict=False) if v not in (None, "")),
            default=1,
        )
        ws.row_dimensions[r].height = min(409, 15 * lines + 2)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"

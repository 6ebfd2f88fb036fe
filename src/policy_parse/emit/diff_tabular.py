"""A diff as spreadsheets: CSV, one row per change, and an XLSX workbook
(an overview to print, then the changes), written as the notice's own
spreadsheets are (emit/tabular.py: a BOM, no formula, wrapped text)."""

from __future__ import annotations

from ..compare.diff import NoticeDiff
from ..messages import Lang, column, diff_word, names, ui
from .diff_text import changes_line, counts_line, kind_word, labels, sentence
from .tabular import Table, csv_text, new_workbook, save_workbook, write_sheet

COLUMNS = (
    "severity", "kind", "code", "old", "new", "old_section", "new_section", "before", "after",
    "similarity", "doubtful", "message",
)  # fmt: skip


def changes_table(d: NoticeDiff, lang: Lang) -> Table:
    rows = []
    for c in d.changes:
        rows.append(
            [
                ui(c.severity.value, lang),
                kind_word(c.kind, lang),
                c.kind.value,
                labels(c.old, lang),
                labels(c.new, lang),
                names(tuple(dict.fromkeys(s.section or "" for s in c.old)), lang) if c.old else "",
                names(tuple(dict.fromkeys(s.section or "" for s in c.new)), lang) if c.new else "",
                names(c.before, lang) if c.before is not None else "",
                names(c.after, lang) if c.after is not None else "",
                "" if c.similarity is None else f"{c.similarity:.3f}",
                "✓" if c.doubtful else "",
                sentence(c, lang),
            ]
        )
    return [diff_word("column", k, lang) for k in COLUMNS], rows


def overview_table(d: NoticeDiff, lang: Lang) -> Table:
    rows = [
        [diff_word("ui", "old", lang), f"{d.old.path or ''}\n{d.old_title or ''}".strip()],
        [diff_word("ui", "new", lang), f"{d.new.path or ''}\n{d.new_title or ''}".strip()],
        [ui("file_hash", lang), f"{d.old.sha256}\n{d.new.sha256}"],
        [ui("read", lang), counts_line(d, lang)],
        [ui("found", lang), changes_line(d, lang)],
    ]
    return [column("item", lang), column("value", lang)], rows


def to_csv(d: NoticeDiff, *, lang: Lang = "zh") -> str:
    """The changes, one row each."""
    return csv_text(*changes_table(d, lang))


def to_xlsx(d: NoticeDiff, *, lang: Lang = "zh") -> bytes:
    wb = new_workbook()
    for key, (header, rows) in (
        ("overview", overview_table(d, lang)),
        ("changes", changes_table(d, lang)),
    ):
        write_sheet(wb, diff_word("sheet", key, lang), header, rows)
    return save_workbook(wb)

"""A report of a few tables — the registry, a cover — as one self-contained
HTML page (no request leaves it) or a workbook of one sheet per table.
The notice's own report (html.py) has more to show; these only tables."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from ..messages import Lang

Table = tuple[str, Sequence[str], Sequence[Sequence[Any]]]
"""(heading, header, rows)."""

_CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",
 sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#222;line-height:1.5}
h1{font-size:1.4em;margin:.2em 0}.meta{color:#555}
table{border-collapse:collapse;width:100%;font-size:.9em;margin-bottom:1.5em}
td,th{border:1px solid #ddd;padding:.2em .4em;vertical-align:top;text-align:left}
.scroll{overflow-x:auto}
@media print{@page{size:A4;margin:15mm}body{max-width:none;margin:0;padding:0}
 tr{break-inside:avoid}}
"""


def html_page(title: str, lang: Lang, intro: Sequence[str], tables: Sequence[Table]) -> str:
    """The page: a title, lines of summary, then each table under its heading."""
    from .. import __version__

    out = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        (
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            "style-src 'unsafe-inline'\">"
        ),
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<header><h1>{escape(title)}</h1>",
        *(f'<p class="meta">{escape(line)}</p>' for line in intro),
        "</header>",
    ]
    for heading, header, rows in tables:
        out.append(f"<h2>{escape(heading)} ({len(rows)})</h2>")
        if not rows:
            continue
        out.append('<div class="scroll"><table><thead><tr>')
        out.append("".join(f"<th>{escape(str(h))}</th>" for h in header) + "</tr></thead><tbody>")
        for r in rows:
            out.append("<tr>" + "".join(f"<td>{escape(_str(v))}</td>" for v in r) + "</tr>")
        out.append("</tbody></table></div>")
    out.append(f'<footer class="meta"><p>policy_parse {escape(__version__)}</p></footer>')
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def workbook(sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[Any]]]]) -> bytes:
    """One sheet per (name, header, rows)."""
    from .tabular import new_workbook, save_workbook, write_sheet

    wb = new_workbook()
    for name, header, rows in sheets:
        write_sheet(wb, name, header, rows)
    return save_workbook(wb)


def _str(v: object) -> str:
    return "" if v is None else str(v)

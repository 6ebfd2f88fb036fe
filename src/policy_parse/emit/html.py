"""One self-contained HTML report: no network, no external file.

Header and counts, then every finding with the prose and the table side by
side and the differing characters marked (difflib), a filter by severity,
and each finding linked to its measure in the measures list below.
"""

from __future__ import annotations

import difflib
import re
from html import escape
from typing import Any

from ..messages import Lang, catalogue, column, kind_label, message, names, reason, ui
from ..models import Discrepancy, Notice, Value
from .json import measure_records
from .text import (
    Records,
    by_id,
    counterpart,
    counts_line,
    findings_line,
    sorted_findings,
)

_CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",
 sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#222;line-height:1.5}
h1{font-size:1.4em;margin:.2em 0}.meta{color:#555}
.filter{margin:1em 0;padding:.5em;background:#f4f4f4;border-radius:4px}
.filter label{margin-right:1.2em}.needs{margin:.5em 0}
.finding{border-left:6px solid #999;margin:.8em 0;padding:.4em .8em;background:#fafafa}
.finding.error{border-color:#c0392b}.finding.warning{border-color:#e67e22}
.finding.info{border-color:#2980b9}
.finding .head{font-weight:bold}.finding .kind{font-family:monospace;color:#555}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:.8em;margin-top:.3em}
.side{background:#fff;border:1px solid #ddd;padding:.3em .5em;white-space:pre-wrap}
.side h3{margin:0 0 .2em;font-size:.85em;color:#666}
mark{background:#ffd54f;padding:0 1px}.none{color:#999}
table{border-collapse:collapse;width:100%;font-size:.9em}
td,th{border:1px solid #ddd;padding:.2em .4em;vertical-align:top;text-align:left}
tr:target{background:#fff3c4}[hidden]{display:none!important}
.badge{display:inline-block;margin-left:.3em;padding:0 .4em;border-radius:3px;font-size:.8em;
 background:#e67e22;color:#fff;white-space:nowrap}
.search{margin:1em 0}.search input{width:100%;max-width:30em;padding:.3em;font-size:1em;
 box-sizing:border-box}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}.scroll table{min-width:44em}
.scroll table.departments{min-width:36em}
.signoff{display:none;margin-top:2em;border-top:1px solid #999;padding-top:.5em}
@media (max-width:40em){body{margin:.5em auto;padding:0 .5em}
 .sides{grid-template-columns:1fr}h1{font-size:1.2em}}
@media print{@page{size:A4;margin:15mm}
 body{max-width:none;margin:0;padding:0;font-size:10.5pt}
 .filter,.needs,.search{display:none!important}
 .finding{break-inside:avoid}.scroll{overflow:visible}.scroll table{min-width:0}
 a{color:inherit;text-decoration:none}tr{break-inside:avoid}
 .signoff{display:block}}
"""

_JS = """
var needs=document.getElementById('needs-human');
var search=document.getElementById('search');
function matches(el,q){return !q||el.textContent.toLowerCase().indexOf(q)>=0;}
function applyFilter(){
  var on={};document.querySelectorAll('.filter input').forEach(function(c){on[c.value]=c.checked});
  var q=search?search.value.trim().toLowerCase():'';
  var n=0;document.querySelectorAll('.finding').forEach(function(f){
    var show=on[f.dataset.severity]&&matches(f,q);f.hidden=!show;if(show)n++;});
  var s=document.getElementById('shown');s.textContent=s.dataset.template.replace('{n}',n);
  document.querySelectorAll('tr.measure').forEach(function(r){
    r.hidden=(needs&&needs.checked&&!r.classList.contains('needs-human'))||!matches(r,q);});
  document.querySelectorAll('tr.department').forEach(function(r){r.hidden=!matches(r,q);});
}
document.querySelectorAll('.filter input').forEach(function(c){
  c.addEventListener('change',applyFilter)});
if(needs){needs.addEventListener('change',applyFilter);}
if(search){search.addEventListener('input',applyFilter);}
applyFilter();
"""


def _marked(mine: Value, theirs: Value, lang: Lang) -> str:
    """`mine` as HTML with what `theirs` lacks marked."""
    if mine is None or mine == ():
        return f'<span class="none">{escape(ui("none", lang))}</span>'
    if isinstance(mine, tuple):
        other = set(theirs) if isinstance(theirs, tuple) else set()
        sep = escape("、" if lang == "zh" else ", ")
        return sep.join(
            escape(v) if v in other or not other and theirs is None else f"<mark>{escape(v)}</mark>"
            for v in mine
        )
    if not isinstance(theirs, str):
        return escape(mine)
    return "".join(
        escape(piece) if same else f"<mark>{escape(piece)}</mark>"
        for piece, same in _diff(mine, theirs)
    )


# difflib's matcher costs up to about len(a) × len(b) steps (autojunk off):
# two measure texts of a few hundred characters are far below this; two
# 20 000-character cells took minutes.  Above it, whole sentences are
# compared (a sentence that differs is marked whole), and where even the
# sentences are too many, the text is marked whole unless it is equal.
DIFF_MAX_PRODUCT = 250_000
_SENTENCE = re.compile(r"[^。！？；;!?\n]*(?:[。！？；;!?\n]+|$)")


def _diff(mine: str, theirs: str) -> list[tuple[str, bool]]:
    """`mine` in pieces, each with whether `theirs` has it: by character
    when that is cheap, else by sentence, else whole."""
    if len(mine) * len(theirs) <= DIFF_MAX_PRODUCT:
        a: list[str] | str = mine
        b: list[str] | str = theirs
    else:
        a = [m for m in _SENTENCE.findall(mine) if m]
        b = [m for m in _SENTENCE.findall(theirs) if m]
        if len(a) * len(b) > DIFF_MAX_PRODUCT:
            return [(mine, mine == theirs)]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [("".join(a[i1:i2]), op == "equal") for op, i1, i2, _, _ in matcher.get_opcodes()]


def _anchor(measure: str) -> str:
    return "m-" + "".join(ch if ch.isalnum() else "_" for ch in measure)


def _side(
    side: str, mine: Value, theirs: Value, d: Discrepancy, records: Records, lang: Lang
) -> str:
    label = ui(side, lang)
    body = _marked(mine, theirs, lang)
    if mine is None and (seen := counterpart(records, d, side)) is not None:
        # The finding has no value on this side: show what it says there.
        label, body = ui("this_measure", lang, side=label), escape(names(seen, lang))
    return f'<div class="side {side}"><h3>{escape(label)}</h3>{body}</div>'


def _finding(k: int, d: Discrepancy, records: Records, lang: Lang) -> str:
    link = ""
    if d.measure:
        text = escape(str(catalogue()["html"]["to_measure"][lang]).format(measure=d.measure))
        link = f' · <a href="#{_anchor(d.measure)}">{text}</a>'
    sides = _side("prose", d.prose, d.table, d, records, lang) + _side(
        "table", d.table, d.prose, d, records, lang
    )
    return (
        f'<section class="finding {d.severity.value}" id="f-{k}" '
        f'data-severity="{d.severity.value}" data-kind="{escape(d.kind.value)}">'
        f'<div class="head">{escape(ui(d.severity.value, lang))} '
        f'<span class="kind">{escape(kind_label(d.kind.value, lang))}</span> '
        f"{escape(d.measure or '')}{link}</div>"
        f"<div>{escape(message(d, lang))}</div>"
        f'<div class="sides">{sides}</div></section>'
    )


def _departments(notice: Notice, lang: Lang) -> list[str]:
    """Who does what: a row per department, its measures linked."""
    from .departments import department_rows, departments

    depts = departments(notice)
    if not depts:
        return []
    header, rows = department_rows(depts, lang)
    out = [f'<h2 id="departments">{escape(ui("departments", lang))}</h2>']
    out.append('<div class="scroll"><table class="departments"><thead><tr>')
    out.append("".join(f"<th>{escape(c)}</th>" for c in header) + "</tr></thead><tbody>")
    by_name = {d["name"]: d for d in depts}
    sep = escape("、" if lang == "zh" else ", ")
    for row in rows:
        d = by_name[row[0]]
        cells = [escape(str(v)) for v in row]
        for col, role in ((3, "lead"), (5, "support")):
            cells[col] = sep.join(f'<a href="#{_anchor(m)}">{escape(m)}</a>' for m in d[role])
        out.append('<tr class="department">' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    out.append("</tbody></table></div>")
    return out


def needs_human(record: dict[str, Any]) -> bool:
    """A measure record whose units rest on a guess: a structure finding names
    it, or its lead was guessed."""
    return bool(record["doubts"]) or record["evidence"] == "guessed"


def page_start(lang: Lang) -> list[str]:
    """The first lines of every page we write (the report, the diff): its
    language, charset and viewport, and a policy under which no request may
    leave the page — everything it needs is inline."""
    lang_attr = catalogue()["html"]["lang_attr"][lang]
    return [
        "<!DOCTYPE html>",
        f'<html lang="{lang_attr}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        (
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
        ),
    ]


def to_html(notice: Notice, *, lang: Lang = "zh") -> str:
    from .. import __version__

    h = catalogue()["html"]
    findings = sorted_findings(notice)
    head = notice.header
    title = head.title or head.plan_title or ui("report_title", lang)
    out = [
        *page_start(lang),
        f"<title>{escape(ui('report_title', lang))} · {escape(title)}</title>",
        f"<style>{_CSS}</style></head><body>",
        (
            f'<header><div class="meta">{escape(head.doc_number or ui("no_doc_number", lang))}'
            f" {escape(head.issuer or '')}</div><h1>{escape(title)}</h1>"
        ),
    ]
    if head.date:
        out.append(f'<div class="meta">{escape(ui("dated", lang, date=head.date))}</div>')
    out.append(f"<p>{escape(counts_line(notice, lang))}<br>")
    out.append(f"{escape(findings_line(findings, lang))}</p></header>")
    placeholder = escape(str(h["search"][lang]))
    out.append(
        f'<form class="search" role="search"><input type="search" id="search" '
        f'placeholder="{placeholder}" aria-label="{placeholder}"></form>'
    )
    out.append(f'<h2>{escape(h["findings"][lang])}</h2><form class="filter">')
    out.append(f"<strong>{escape(h['filter'][lang])}</strong>: ")
    for sev in ("error", "warning", "info"):
        n = sum(1 for d in findings if d.severity.value == sev)
        out.append(
            f'<label><input type="checkbox" value="{sev}" checked> '
            f"{escape(ui(sev, lang))} ({n})</label>"
        )
    template = escape(str(h["shown"][lang]))
    out.append(f'<span id="shown" data-template="{template}"></span></form>')
    if not findings:
        out.append(f"<p>{escape(h['no_findings'][lang])}</p>")
    records = by_id(notice)
    out.extend(_finding(k, d, records, lang) for k, d in enumerate(findings, start=1))
    out.append(f"<h2>{escape(h['measures'][lang])}</h2>")
    records_list = measure_records(notice)
    n_needs = sum(1 for r in records_list if needs_human(r))
    needs_label = escape(str(h["needs_human_filter"][lang]).format(n=n_needs))
    out.append(
        f'<form class="needs"><label><input type="checkbox" id="needs-human"> '
        f'{needs_label}</label></form><div class="scroll"><table><thead><tr>'
    )
    cols = ("id", "text", "lead", "support", "evidence", "deadline", "findings")
    out.append(
        "".join(f"<th>{escape(column(c, lang))}</th>" for c in cols) + "</tr></thead><tbody>"
    )
    kinds: dict[str, list[str]] = {}
    for d in findings:
        if d.measure is not None:
            kinds.setdefault(d.measure, []).append(d.kind.value)
    badge = f'<span class="badge">{escape(str(h["needs_human"][lang]))}</span>'
    for r in records_list:
        mid = r["id"] or ""
        cells = [
            escape(mid),
            escape(r["text"]),
            escape(names(tuple(u["name"] for u in r["lead"]), lang)),
            escape(names(tuple(u["name"] for u in r["support"]), lang)),
            escape(ui(f"evidence_{r['evidence']}", lang)) + (badge if needs_human(r) else ""),
            escape((r["deadline"] or (r["table"] or {}).get("deadline") or {}).get("written", "")),
            escape("；".join(kind_label(k, lang) for k in sorted(set(kinds.get(mid, []))))),
        ]
        row_id = f' id="{_anchor(mid)}"' if mid else ""
        cls = "measure needs-human" if needs_human(r) else "measure"
        out.append(
            f'<tr class="{cls}"{row_id}>' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
        )
    out.append("</tbody></table></div>")
    out.extend(_departments(notice, lang))
    if notice.residue:
        out.append(f'<h2>{escape(h["residue"][lang])}</h2><div class="scroll"><table><tbody>')
        for res in notice.residue:
            out.append(
                f"<tr><td>{escape(res.text)}</td><td>{escape(reason(res.reason, lang))}</td></tr>"
            )
        out.append("</tbody></table></div>")
    # On paper: who checked it and when, against which file.
    signoff = str(h["signoff"][lang]).format(sha256=notice.source.sha256 or "")
    out.append(f'<p class="signoff">{escape(signoff)}</p>')
    gen = escape(str(h["generated"][lang]).format(version=__version__))
    out.append(f'<footer class="meta"><p>{gen}</p></footer><script>{_JS}</script></body></html>')
    return "\n".join(out) + "\n"

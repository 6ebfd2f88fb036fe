"""A diff as one self-contained HTML page: each change with the old and the
new version side by side, the characters that differ marked as the notice
report marks prose against table (emit/html.py's style and list marking),
and a filter by kind of change.  No network, no external file."""

from __future__ import annotations

from html import escape

from ..compare.diff import Change, ChangeKind, NoticeDiff, Side
from ..messages import Lang, diff_word, ui
from .diff_text import changes_line, counts_line, kind_word, label, labels, sentence
from .html import _CSS, _marked, page_start

_JS = """
function applyFilter(){
  var on={};document.querySelectorAll('.filter input').forEach(function(c){on[c.value]=c.checked});
  document.querySelectorAll('.finding').forEach(function(f){f.hidden=!on[f.dataset.kind];});
}
document.querySelectorAll('.filter input').forEach(function(c){
  c.addEventListener('change',applyFilter)});
applyFilter();
"""


def _spans(text: str, cuts: list[tuple[int, int]]) -> str:
    """`text` as HTML with the stretches `cuts` marked."""
    out: list[str] = []
    at = 0
    for start, end in cuts:
        out.append(escape(text[at:start]))
        if end > start:
            out.append(f"<mark>{escape(text[start:end])}</mark>")
        at = end
    out.append(escape(text[at:]))
    return "".join(out)


def _body(c: Change, side: str, lang: Lang) -> str:
    sides: tuple[Side, ...] = c.old if side == "old" else c.new
    if not sides:
        return f'<span class="none">{escape(ui("none", lang))}</span>'
    if c.kind is ChangeKind.TEXT:
        text = sides[0].text
        if side == "old":
            cuts = [(e.old_start, e.old_end) for e in c.edits]
        else:
            cuts = [(e.new_start, e.new_end) for e in c.edits]
        return _spans(text, cuts)
    if c.kind in (ChangeKind.LEAD, ChangeKind.SUPPORT, ChangeKind.DEADLINE, ChangeKind.MOVED):
        mine, theirs = (c.before, c.after) if side == "old" else (c.after, c.before)
        return _marked(mine, theirs, lang) + f"<br><small>{escape(sides[0].text)}</small>"
    # Added, removed, split, merged: each measure whole.
    return "<br>".join(f"<b>{escape(label(s, lang))}</b> {escape(s.text)}" for s in sides)


def _kind(kind: ChangeKind, lang: Lang) -> str:
    """文字修改（text） / wording (text): the word beside its stable code."""
    word = kind_word(kind, lang)
    return f"{word}（{kind.value}）" if lang == "zh" else f"{word} ({kind.value})"


def _change(k: int, c: Change, lang: Lang) -> str:
    cols = []
    for side in ("old", "new"):
        head = f"{diff_word('ui', side, lang)} {labels(c.old if side == 'old' else c.new, lang)}"
        head = head.strip()
        cols.append(f'<div class="side {side}"><h3>{escape(head)}</h3>{_body(c, side, lang)}</div>')
    return (
        f'<section class="finding {c.severity.value}" id="c-{k}" data-kind="{c.kind.value}">'
        f'<div class="head">{escape(ui(c.severity.value, lang))} '
        f'<span class="kind">{escape(_kind(c.kind, lang))}</span></div>'
        f"<div>{escape(sentence(c, lang))}</div>"
        f'<div class="sides">{"".join(cols)}</div></section>'
    )


def to_html(d: NoticeDiff, *, lang: Lang = "zh") -> str:
    title = diff_word("ui", "title", lang)
    out = [
        *page_start(lang),
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body><header>",
        f"<h1>{escape(title)}</h1>",
    ]
    for side, source, head in (("old", d.old, d.old_title), ("new", d.new, d.new_title)):
        out.append(
            f'<div class="meta">{escape(diff_word("ui", side, lang))}: '
            f"{escape(source.path or '')} {escape(head or '')}</div>"
        )
    out.append(f"<p>{escape(counts_line(d, lang))}<br>{escape(changes_line(d, lang))}</p>")
    out.append(f'</header><form class="filter"><strong>{escape(diff_word("ui", "filter", lang))}')
    out.append("</strong>: ")
    for kind in ChangeKind:
        n = sum(1 for c in d.changes if c.kind is kind)
        if n:
            out.append(
                f'<label><input type="checkbox" value="{kind.value}" checked> '
                f"{escape(kind_word(kind, lang))} ({n})</label>"
            )
    out.append("</form>")
    if not d.changes:
        out.append(f"<p>{escape(diff_word('ui', 'no_changes', lang))}</p>")
    out.extend(_change(k, c, lang) for k, c in enumerate(d.changes, start=1))
    out.append(f"<script>{_JS}</script></body></html>")
    return "\n".join(out) + "\n"

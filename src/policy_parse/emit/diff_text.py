"""A diff as a readable text report, and the words every diff output
shares: a measure's label, a change's sentence, the counts line.

Text changes are shown wdiff-style on one line, the old version's words in
[-…-] and the new one's in {+…+}, from the diff's own character spans.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .._support.printable import printable
from ..compare.diff import Change, ChangeKind, NoticeDiff, Side
from ..messages import Lang, diff_word, names, ui


def label(side: Side, lang: Lang) -> str:
    """措施5 / measure 5; a measure without a number by its place."""
    if side.id is not None:
        return diff_word("ui", "measure", lang, id=side.id)
    return diff_word("ui", "unnumbered", lang, n=side.index + 1)


def labels(sides: Sequence[Side], lang: Lang) -> str:
    return diff_word("ui", "measures_sep", lang).join(label(s, lang) for s in sides)


def kind_word(kind: ChangeKind, lang: Lang) -> str:
    return diff_word("kind", kind.value, lang)


def sentence(change: Change, lang: Lang) -> str:
    """The change in one sentence, with a doubtful match said so."""
    before = names(change.before, lang) if change.kind is not ChangeKind.TEXT else ""
    after = names(change.after, lang) if change.kind is not ChangeKind.TEXT else ""
    text = diff_word(
        "message",
        change.kind.value,
        lang,
        old=labels(change.old, lang),
        new=labels(change.new, lang),
        before=before,
        after=after,
    )
    if change.doubtful:
        text += diff_word("ui", "doubtful", lang, similarity=f"{change.similarity:.2f}")
    return text


def counts_line(d: NoticeDiff, lang: Lang) -> str:
    return diff_word(
        "ui",
        "counts",
        lang,
        old=d.old_measures,
        new=d.new_measures,
        matched=d.matched,
        unchanged=d.unchanged,
    )


def changes_line(d: NoticeDiff, lang: Lang) -> str:
    by = Counter(c.kind for c in d.changes)
    sep = "，" if lang == "zh" else ", "
    listed = sep.join(f"{kind_word(k, lang)} {by[k]}" for k in ChangeKind if by[k])
    by_kind = diff_word("ui", "by_kind", lang, list=listed) if listed else ""
    return diff_word("ui", "changes", lang, n=len(d.changes), by_kind=by_kind)


def marked_line(change: Change) -> str:
    """Old and new text on one line: [-only old-]{+only new+}."""
    old = str(change.before or "")
    new = str(change.after or "")
    out: list[str] = []
    at_old = 0
    for e in change.edits:
        out.append(old[at_old : e.old_start])
        if e.old_end > e.old_start:
            out.append(f"[-{old[e.old_start : e.old_end]}-]")
        if e.new_end > e.new_start:
            out.append(f"{{+{new[e.new_start : e.new_end]}+}}")
        at_old = e.old_end
    out.append(old[at_old:])
    return "".join(out)


def _oneline(text: str) -> str:
    return printable(" ".join(text.split()))


def _version(side: str, path: str | None, title: str | None, lang: Lang) -> str:
    named = f"{_oneline(path or '-')} {_oneline(title or '')}".rstrip()
    return f"{diff_word('ui', side, lang)}: {named}"


def to_text(d: NoticeDiff, *, lang: Lang = "zh") -> str:
    """The report: both files, the counts, then each change in the new
    version's order with the text it concerns."""
    out = [
        diff_word("ui", "title", lang),
        _version("old", d.old.path, d.old_title, lang),
        _version("new", d.new.path, d.new_title, lang),
        counts_line(d, lang),
        changes_line(d, lang),
        "",
    ]
    if not d.changes:
        out.append(diff_word("ui", "no_changes", lang))
    for c in d.changes:
        out.append(
            f"[{ui(c.severity.value, lang)}] {kind_word(c.kind, lang)}: {_oneline(sentence(c, lang))}"
        )
        if c.kind is ChangeKind.TEXT:
            out.append(f"    {_oneline(marked_line(c))}")
        elif c.kind in (ChangeKind.ADDED, ChangeKind.REMOVED, ChangeKind.SPLIT, ChangeKind.MERGED):
            rows = [("-", x) for x in c.old] + [("+", x) for x in c.new]
            out.extend(f"    {mark} {label(x, lang)} {_oneline(x.text)}" for mark, x in rows)
    return "\n".join(out) + "\n"

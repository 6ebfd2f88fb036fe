"""A notice converted to Markdown, its markup taken off before reading.

Data teams and editors convert notices to Markdown (pandoc, markitdown, an
editor's "copy as Markdown"): `## 一、总体要求`, `**牵头单位**：区经信局`,
`- 1.推进…`, `\\*`.  A reader of the rendered page sees 一、总体要求 and
牵头单位：区经信局; left in, `**` parts a label from its colon and `## ` hides
an outline marker: the corpus so converted read 136/282 with 23 measures
wrong and no finding.

Where at least two lines carry Markdown's own marks — a heading's `#`, a
pair of `**` or `__` — every line has its markup taken off: heading hashes,
emphasis pairs, a list bullet (`-`, `*`, `+`) or a block quote's `>` before
the text, a thematic break (`---`), backslash escapes, a link or image's
`[text](url)` (the text stays).  A single `*` stays: after a unit's name it
marks the lead (data/annotations.toml).  Pipe tables are left as they are:
the table reader reads them.  The notice says how many lines changed (a
`markdown_read` info finding).
"""

from __future__ import annotations

from ..._support.lazy_regex import lazy_compile

__all__ = ["unmarked"]

_HEADING = lazy_compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_CLOSING_HASHES = lazy_compile(r"[ \t]+#+[ \t]*$")
_EMPHASIS = lazy_compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_BULLET = lazy_compile(r"^([ \t]*)(?:[-*+]|>)[ \t]+(?=\S)")
_BREAK = lazy_compile(r"^ {0,3}(?:[-*_][ \t]*){3,}$")
_LINK = lazy_compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_ESCAPE = lazy_compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")

_MIN_MARKED = 2  # lines with a heading's # or an emphasis pair


def unmarked(lines: list[str]) -> tuple[list[str], int] | None:
    """`lines` with Markdown's markup taken off and how many changed, or
    None where fewer than two lines carry a heading's `#` or an emphasis
    pair (not Markdown)."""
    marked = sum(
        1
        for ln in lines
        if _HEADING.match(ln) or ("**" in ln or "__" in ln) and _EMPHASIS.search(ln)
    )
    if marked < _MIN_MARKED:
        return None
    out: list[str] = []
    changed = 0
    for line in lines:
        new = _unmark(line)
        changed += new != line
        out.append(new)
    return out, changed


def _unmark(line: str) -> str:
    if _BREAK.match(line):
        return ""
    if _HEADING.match(line):
        line = _CLOSING_HASHES.sub("", _HEADING.sub("", line, count=1))
    line = _BULLET.sub(r"\1", line, count=1)
    if "**" in line or "__" in line:
        line = _EMPHASIS.sub(r"\2", line)
    if "](" in line:
        line = _LINK.sub(r"\1", line)
    if "\\" in line:
        line = _ESCAPE.sub(r"\1", line)
    return line

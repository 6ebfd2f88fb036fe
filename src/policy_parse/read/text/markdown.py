"""A notice converted to Markdown, its markup taken off before reading.

Data teams and editors convert notices to Markdown (pandoc, markitdown, an
editor's "copy as Markdown"): `## 一、总体要求`, `**牵头单位**：区经信局`,
`- 1.推进…`, `\\*`.  A reader of the rendered page sees 一、总体要求 and
牵头单位：区经信局; left in, `**` parts a label from its colon and `## ` hides
an outline marker: the corpus so converted read 136/282 with 23 measures
wrong and no finding.

Where a line carries Markdown's own marks — a heading's `#`, a pair of
`**` or `__` (a short notice converted may bold a single label; no notice's
own text writes either) — every line has its markup taken off: heading hashes,
emphasis pairs, a list bullet (`-`, `*`, `+`) or a block quote's `>` before
the text, a thematic break (`---`), backslash escapes, a link or image's
`[text](url)` (the text stays).  A single `*` stays: after a unit's name it
marks the lead (data/annotations.toml).  Where the notice says its leads are
in bold (加粗的为牵头单位: [conventions] typeface_is_lead), a bold name in a
list (`、**A局**、`, `：**A局**，`) becomes that name and a lead sign (A局★)
instead of plain text.  Pipe tables are left as they are:
the table reader reads them.  The notice says how many lines changed (a
`markdown_read` info finding).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..._support.lazy_regex import compile_cached, lazy_compile
from ...data import load

if TYPE_CHECKING:
    import regex

__all__ = ["unmarked"]

_HEADING = lazy_compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_EMPHASIS = lazy_compile(r"(\*\*|__)(?=\S)[^*_\n]{1,200}?(?<=\S)\1")  # a pair, to find one
_BULLET = lazy_compile(r"^([ \t]*)(?:[-*+]|>)[ \t]+(?=\S)")
_BREAK = lazy_compile(r"^ {0,3}(?:[-*_][ \t]*){3,}$")
_ESCAPE = lazy_compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def _links(line: str) -> str:
    """`line` with each `[text](url)` (or image `![text](url)`) as its text,
    found by scanning forward (a pattern backtracked quadratically over a
    long line of `[a](`)."""
    out: list[str] = []
    pos = 0
    while (mid := line.find("](", pos)) >= 0:
        close = line.find(")", mid + 2)
        if close < 0:
            break
        opening = line.rfind("[", pos, mid)
        if opening < 0:
            out.append(line[pos : mid + 2])
            pos = mid + 2
            continue
        start = opening - 1 if opening > pos and line[opening - 1] == "!" else opening
        out.append(line[pos:start])
        out.append(line[opening + 1 : mid])
        pos = close + 1
    out.append(line[pos:])
    return "".join(out)


def _unpaired(line: str, mark: str) -> str:
    """`line` without its `mark` pairs (linear: no pattern that could
    backtrack over a long line); an odd last one stays."""
    parts = line.split(mark)
    if len(parts) % 2 == 1:
        return "".join(parts)
    return "".join(parts[:-1]) + mark + parts[-1]


def _marked(line: str) -> bool:
    """A heading's `#` or an emphasis pair (cheap tests first: most lines
    of a notice hold neither)."""
    if line[:4].lstrip().startswith("#") and _HEADING.match(line):
        return True
    return ("**" in line or "__" in line) and _EMPHASIS.search(line) is not None


def unmarked(lines: list[str]) -> tuple[list[str], int] | None:
    """`lines` with Markdown's markup taken off and how many changed, or
    None where no line carries a heading's `#` or an emphasis pair (not
    Markdown)."""
    # Both tests need a `#`, `**` or `__` in the line: most texts hold none
    # anywhere, told in C (joined by newlines, no pair forms across lines).
    joined = "\n".join(lines)
    if "#" not in joined and "**" not in joined and "__" not in joined:
        return None
    if not any(_marked(ln) for ln in lines):
        return None
    out: list[str] = []
    changed = 0
    bold_leads = _typeface_is_lead().search(joined) is not None
    for line in lines:
        new = _unmark(_bold_as_lead(line) if bold_leads and "**" in line else line)
        changed += new != line
        out.append(new)
    return out, changed


def _unmark(line: str) -> str:
    if _BREAK.match(line):
        return ""
    if _HEADING.match(line):
        line = _HEADING.sub("", line, count=1)
        closed = line.rstrip(" \t")
        if closed.endswith("#") and closed.rstrip("#").endswith((" ", "\t")):
            line = closed.rstrip("#").rstrip(" \t")  # ## 一、任务 ##
    line = _BULLET.sub(r"\1", line, count=1)
    for pair in ("**", "__"):
        if line.count(pair) >= 2:
            line = _unpaired(line, pair)
    if "](" in line:
        line = _links(line)
    if "\\" in line:
        line = _ESCAPE.sub(r"\1", line)
    return line


# A bold name standing as an item of a list: after an opening bracket, a
# colon or a separator, before a separator or a closing bracket.
_BOLD_ITEM = lazy_compile(
    r"(?<=[（(：:、，,；;]|^)\*\*([^*\n、，,；;：:]{2,40}?)\*\*(?=[、，,；;）)]|$)"
)


@functools.cache
def _typeface_is_lead() -> regex.Pattern[str]:
    return compile_cached("|".join(load("annotations")["conventions"]["typeface_is_lead"]))


def _bold_as_lead(line: str) -> str:
    """（责任单位：**A局**、B局） → （责任单位：A局★、B局）: the notice's bold lead
    kept as the lead sign the annotation reader knows."""
    return _BOLD_ITEM.sub(lambda m: m[1] + "★", line)

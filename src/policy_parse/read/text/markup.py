"""HTML tags left in a text copy, read as the breaks they draw.

A notice taken from a database field or a CMS export often keeps some of
the page's markup inside plain text: `推进…（牵头单位：县甲局）<br>`,
`<p>1.推进…</p>`, `<span style="…">县乙局</span>`.  A text that starts with
markup is read as a web page (read/detect.py); one whose markup comes
later was read with the tags in it, and `县乙局<br>` was no unit the notice
names (the corpus with `<br>` after every line: 186/282, flagged).

Where a text holds at least three tags of the elements such fields carry
(data/html.toml `text_tags`), each is read as what a browser draws for it:
a line break for `<br>` and the end of a block (`</p>`, `</div>`, `</li>`,
`</tr>`, `</h1>` …), a tab between table cells, nothing for the rest
(`<span>`, `<font>`, `<strong>` …) — with a `tags_removed` info finding
giving their number.  The HTML reader stays the one for whole pages.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ... import data
from ..._support.lazy_regex import lazy_compile

if TYPE_CHECKING:
    import regex

__all__ = ["untagged"]

_MIN_TAGS = 3


@functools.cache
def _patterns() -> tuple[regex.Pattern[str], frozenset[str], frozenset[str]]:
    words = data.load("html")
    names = "|".join(sorted(words["text_tags"], key=len, reverse=True))
    tag = lazy_compile(rf"(?i)<(/?)({names})\b[^<>]{{0,500}}>")
    return tag, frozenset(words["text_tag_breaks"]), frozenset(words["text_tag_cells"])


def untagged(text: str) -> tuple[str, int] | None:
    """`text` with its HTML tags read as breaks and their number, or None
    where it holds fewer than three."""
    if "<" not in text:
        return None
    tag, breaks, cells = _patterns()
    found = list(tag.finditer(text))
    if len(found) < _MIN_TAGS:
        return None
    out: list[str] = []
    pos = 0
    for m in found:
        out.append(text[pos : m.start()])
        closing, name = m.group(1), m.group(2).lower()
        if name == "br" or (closing and name in breaks):
            out.append("\n")
        elif closing and name in cells:
            out.append("\t")
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), len(found)

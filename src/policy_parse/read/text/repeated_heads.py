"""A title printed again at a page top, with no page number beside it: the
notice's title or a 分工表's caption that a PDF or a portal's copy repeats
on every page.  It falls inside a measure's wrapped line or annotation, or
between two rows of a table, and would be glued to a unit's name or a
cell (县市场监管局牵头，\\n某县某某方案\\n县教育局配合）).  Taken out as residue
with a reason, never dropped (docs/pdf.md, "Page furniture").

read/text/furniture.py finds a running head beside a page number; this
module finds one standing alone, by what it repeats and where it falls.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..._support.brackets import CLOSERS, OPENERS
from ..._support.lazy_regex import lazy_compile
from ...models import Residue, Span

__all__ = ["REASON", "repeated_heads"]

REASON = "title repeated inside the text at a page top"

# A title or caption: no sentence or list punctuation, no outline marker
# opening it (一、 1. （一） 第一条), no table cells.
_MARKER = lazy_compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|\d+\s*[.．、)）]|[（(]|第[一二三四五六七八九十\d]+[条章部节])"
)
_NOT_IN_TITLE = frozenset("。，；;：:、\t|｜")
_MIN_CHARS = 8
_CAPTION = lazy_compile(r"(?:表|清单|台账)$")  # 某某重点任务分工表
# The line before the repeat is cut open: a list or a bracket goes on.
_OPEN_ENDS = ("，", "、", "（", "(", ",")
_GAP = lazy_compile(r"\S(?: {2,}|\u3000+)\S")  # cells apart by runs of spaces


def _title_like(text: str) -> bool:
    return (
        len(text) >= _MIN_CHARS
        and _NOT_IN_TITLE.isdisjoint(text)
        and _MARKER.match(text) is None
        and not text.isdigit()
    )


def _open(line: str) -> bool:
    """The line ends mid-list or inside a bracket, or is a row of cells
    (a tab, a bar or a run of spaces between them): what comes next goes on
    with it."""
    text = line.rstrip()
    if "\t" in text or text.lstrip().startswith(("|", "｜")) or _GAP.search(text):
        return True
    if text.endswith(_OPEN_ENDS):
        return True
    depth = 0
    for ch in text:
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(0, depth - 1)
    return depth > 0


def repeated_heads(lines: Sequence[str], skip: frozenset[int] = frozenset()) -> dict[int, Residue]:
    """Index of each repeated title line → its residue.  A line is one when
    it is the notice's first line or a table's caption (…分工表), the same
    text stood earlier in the notice, the text line
    before it is open (`_open`) and text follows it.  `skip`: lines already
    found to be furniture, passed over when looking for neighbours."""
    seen: set[str] = set()
    found: dict[int, Residue] = {}
    first = next((ln.strip() for ln in lines if ln.strip()), "")
    for k, line in enumerate(lines):
        text = line.strip()
        if not text or k in skip:
            continue
        # Only the notice's title or a table's caption: a cell's text (a
        # unit, a deadline) stands again and again in a table's rows.
        heading = text == first or _CAPTION.search(text) is not None
        if heading and text in seen and _title_like(text):
            before = _neighbour(lines, k, -1, skip)
            after = _neighbour(lines, k, 1, skip)
            if before is not None and after is not None and _open(lines[before]):
                found[k] = Residue(
                    text=text, reason=REASON, span=Span(start_line=k + 1, end_line=k + 1)
                )
                continue
        seen.add(text)
    return found


def _neighbour(lines: Sequence[str], k: int, step: int, skip: frozenset[int]) -> int | None:
    n = k + step
    while 0 <= n < len(lines) and (not lines[n].strip() or n in skip):
        n += step
    return n if 0 <= n < len(lines) else None

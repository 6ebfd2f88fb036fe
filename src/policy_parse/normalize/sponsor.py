"""A notice's last line `主办单位：某局` read as its last measure's lead label.

A portal's footer cut down to its 主办单位 line ends many copied notices, and
主办单位 is also a label for a measure's lead.  The reader sets it aside where
its shape tells (read/footer.py: under a supporting units' label, or naming
a government or its office); a line naming a bureau (主办单位：县民政局) may
be either, and stays the last measure's label.  Where that label is a word
no other measure of the notice uses, the reading is a guess: this module
finds it, and normalize.structure says so on the measure.
"""

from __future__ import annotations

import unicodedata

from ..data import load
from ..models import Notice, Span


def sponsor_line_doubt(notice: Notice) -> tuple[str, str] | None:
    """(measure id, the line) when the last prose measure's annotation ends
    with a 主办单位 label line that ends the notice (no table row after it),
    no other measure's annotation writes 主办 (a label, or A主办), and the
    others label their units with other words (牵头单位, 配合单位 …:
    data/furniture.toml [lone_sponsor]); else None."""
    prose = [m for m in notice.measures if m.origin == "prose"]
    if len(prose) < 2:
        return None
    last = prose[-1]
    if last.id is None or not last.annotation:
        return None
    words = load("furniture")["lone_sponsor"]
    sponsor = tuple(_folded(w) for w in words["sponsor"])
    others = tuple(_folded(w) for w in words["other_labels"])
    line = last.annotation.strip().splitlines()[-1].strip()
    if not _folded(line).startswith(sponsor):
        return None
    earlier = [_folded(m.annotation or "") for m in prose[:-1]]
    role = tuple(_folded(w) for w in words["sponsor_ends"])  # 主办 as a role word too
    if any(w in a for a in earlier for w in (*sponsor, *role)):
        return None  # the notice's own word for a lead
    if not any(w in a for a in earlier for w in others):
        return None
    if any(not _before(e.span, last.span) for e in notice.table):
        return None  # a table follows: the line ends no page
    return last.id, line


def _folded(text: str) -> str:
    """主办单位: and 主办单位： alike (a copy's colon may be half width)."""
    return unicodedata.normalize("NFKC", text).replace(":", "：")


def _before(a: Span, b: Span) -> bool:
    """Whether `a` certainly ends before `b` starts (lines, else paragraphs);
    False where the spans do not tell."""
    if a.end_line is not None and b.start_line is not None:
        return a.end_line < b.start_line
    if a.paragraph is not None and b.paragraph is not None:
        return a.paragraph < b.paragraph
    return False

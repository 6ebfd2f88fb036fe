"""The nothing-lost audit: every character of the input ends up in the output.

`characters_in` counts the text a reader found (paragraphs, table cells,
reader residue); `characters_out` counts the text the notice keeps, each
piece once: header fields, outline, measures with their annotations, table
rows less what they only inherit (merged cells, group titles), residue.  The
two must be equal, whitespace, invisible characters and punctuation aside, and radicals read
as the ideographs they are drawn as (read/lookalikes.py) counted as those — punctuation because
splitting 北辰、南开 or unwrapping （牵头部门：…） consumes separators by design.
One label is consumed the same way and counted back here: the 附件 of the
附件：… line.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable

from .models import Document, Notice, TableEntry, Unit
from .normalize.invisible import strip_invisible
from .read.lookalikes import ideographs


def _count(texts: Iterable[str | None]) -> Counter[str]:
    out: Counter[str] = Counter()
    for t in texts:
        if t:
            # Invisible characters (variation selectors are marks, not C) draw
            # nothing and are dropped with a unit made only of them; a radical
            # is the ideograph it is drawn as.
            t = ideographs(strip_invisible(t))[0]
            out.update(c for c in t if not c.isspace() and unicodedata.category(c)[0] not in "PSZC")
    return out


def characters_in(document: Document) -> Counter[str]:
    return _count(document.texts())


def _written(units: Iterable[Unit]) -> list[str]:
    return [u.written for u in units]


def _entry_texts(e: TableEntry, above: TableEntry | None) -> list[str | None]:
    copied = set(e.inherited)
    texts: list[str | None] = [e.written_number, *_own_extras(e, above)]
    if "text" not in copied:  # a vertically merged 具体落实举措 cell is read once
        texts.append(e.text)
    if "national_task" not in copied:
        texts.append(e.national_task)
    if "deadline" not in copied and e.deadline is not None:
        texts.append(e.deadline.written)
    if "upper" not in copied:
        texts += _written(e.upper_units)
    if not copied & {"lead", "combined"}:
        texts += _written(e.lead)
    if not copied & {"support", "combined"}:  # a vMerge does carry supporters down
        texts += _written(e.support)
    if "leaders" not in copied:
        texts += list(e.leaders)
    if "part" not in copied:
        texts.append(e.part_written)
    if "section" not in copied:
        texts.append(e.section_written)
    return texts


def _own_extras(e: TableEntry, above: TableEntry | None) -> list[str]:
    """Values of columns no role claims, less those merged down from the row
    above: `inherited` says only "extra", not which one, so a value equal to
    the one above in the same column is taken as the copy."""
    if "extra" not in e.inherited or above is None:
        return [v for _, v in e.extra]
    return [
        v
        for i, (_, v) in enumerate(e.extra)
        if not (i < len(above.extra) and above.extra[i][1] == v)
    ]


def characters_out(notice: Notice) -> Counter[str]:
    h = notice.header
    texts: list[str | None] = [
        h.issuer,
        h.doc_number,
        h.title,
        *h.recipients,
        *h.body,
        *h.attachments,
        *h.signature,
        h.date_written,
        h.note,
        h.attachment_mark,
        h.plan_title,
        *h.preamble,
        notice.table_caption,
        "附件" if h.attachments else None,
    ]
    texts += list(notice.table_header) * (1 + notice.table_header_repeats)
    if not notice.parts_from_table:  # else they are a view of the table's columns
        for p in notice.parts:
            texts += [p.written, p.title]
            texts += [t for s in p.sections for t in (s.written, s.title)]
    for m in notice.measures:
        if m.origin == "prose":  # else a view of a table row, counted below
            texts += [m.written_number, m.text, m.annotation]
    for k, e in enumerate(notice.table):
        texts += _entry_texts(e, notice.table[k - 1] if k else None)
    texts += [r.text for r in notice.residue]
    return _count(texts)


def lost_and_invented(document: Document, notice: Notice) -> tuple[str, str]:
    """Characters read but not kept, and kept but never read (both sorted)."""
    cin, cout = characters_in(document), characters_out(notice)
    lost = "".join(sorted((cin - cout).elements()))
    invented = "".join(sorted((cout - cin).elements()))
    return lost, invented

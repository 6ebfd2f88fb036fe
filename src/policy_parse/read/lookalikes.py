"""Radicals and compatibility ideographs read back as the ideographs they
are drawn as.

Some PDF writers (Chromium's print to PDF, some Word and WPS exports) map a
glyph its font shares between a radical and an ideograph to the radical: the
page shows 人力资源社会保障部, the text layer says ⼈⼒资源社会保障部, and
民政部, 黄山路, 长青街 come out as ⺠政部, ⻩山路, ⻓青街.  Text copied from such a
PDF into a portal carries them too.  Nothing a reader sees tells them apart,
but a label, a name or a heading so written matches nothing the notice
writes elsewhere: the corpus printed to PDF by Chromium lost a third of its
measures, some with no finding.

So every paragraph and cell goes on with each such character read as the
ideograph it is drawn as, and the notice says how many (a `lookalikes_read`
info finding).  Three kinds: the Kangxi Radicals (U+2F00–U+2FDF, Unicode's
own compatibility mapping, NFKC), CJK compatibility ideographs (U+F900–U+FAFF,
their canonical mapping, NFC: the unified ones there map to themselves) and
the CJK Radicals Supplement forms that are characters of their own
(data/lookalikes.toml; component forms stay).  Unicode has no mapping for
the last, hence the table.
"""

from __future__ import annotations

import functools
import unicodedata

import attrs

from .. import data
from .._support.lazy_regex import lazy_compile
from ..models import Document, ReadNote
from .invisible import rewrite_texts, texts

__all__ = ["NOTE", "ideographs", "ideographs_document", "note"]

NOTE = "lookalikes_read"

# The blocks a look-alike may come from (a quick test before the table).
_CANDIDATE = lazy_compile(r"[\u2E80-\u2EFF\u2F00-\u2FDF\uF900-\uFAFF]")


@functools.cache
def _table() -> dict[int, str]:
    table: dict[int, str] = {
        ord(radical): ideograph
        for radical, ideograph in data.load("lookalikes")["radicals"].items()
    }
    for cp in range(0x2F00, 0x2FE0):  # Kangxi Radicals
        folded = unicodedata.normalize("NFKC", chr(cp))
        if folded != chr(cp):
            table[cp] = folded
    for cp in range(0xF900, 0xFB00):  # CJK Compatibility Ideographs
        canonical = unicodedata.normalize("NFC", chr(cp))
        if canonical != chr(cp):
            table[cp] = canonical
    return table


def ideographs(text: str) -> tuple[str, int]:
    """`text` with its look-alikes read as ideographs, and how many there
    were."""
    if _CANDIDATE.search(text) is None:
        return text, 0
    table = _table()
    count = sum(1 for ch in text if ord(ch) in table)
    return (text.translate(table), count) if count else (text, 0)


def note(count: int) -> ReadNote:
    return ReadNote(note=NOTE, fields=(("count", str(count)),))


def ideographs_document(document: Document) -> Document:
    """`document` with every paragraph's and cell's look-alikes read as
    ideographs, and a note of their number (the same document when none)."""
    if not any(_CANDIDATE.search(text) for text in texts(document)):
        return document
    changed, count = rewrite_texts(document, ideographs)
    if not count:
        return document
    return attrs.evolve(changed, notes=(*changed.notes, note(count)))

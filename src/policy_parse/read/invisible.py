"""Characters that draw nothing, taken out of what a reader read.

A notice copied from a web page may carry zero-width spaces (U+200B, a
portal's `&#8203;` between every few characters), soft hyphens, word
joiners, bidi marks or byte-order marks inside lines.  A reader of the page
sees none of them, but each one cuts what it stands in: 责\u200b任单位 is no
label, 区科\u200b技局 no name the notice writes elsewhere, 4\u200b. no marker.
The corpus so salted lost half its measures, most with no finding.

So the text of every paragraph and cell goes on without them, and the
notice says how many were taken out (a `invisible_removed` info finding):
they are no text a reader could have seen, and the count says they were
there.  Only format characters (Unicode Cf) and variation selectors go;
controls (tab, line and page breaks) are structure and stay.
normalize/invisible.py strips these and the controls from canonical names
of units read from any source.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import attrs

from .._support.lazy_regex import lazy_compile
from ..models import Document, Paragraph, ReadNote

_INVISIBLE = lazy_compile(r"[\p{Cf}\uFE00-\uFE0F\U000E0100-\U000E01EF]")

NOTE = "invisible_removed"


def strip_text(text: str) -> tuple[str, int]:
    """`text` without invisible characters, and how many there were."""
    if _INVISIBLE.search(text) is None:
        return text, 0
    return _INVISIBLE.subn("", text)


def note(count: int) -> ReadNote:
    return ReadNote(note=NOTE, fields=(("count", str(count)),))


def strip_document(document: Document) -> Document:
    """`document` with every paragraph's and cell's invisible characters
    taken out, and a note of their number (the same document when none)."""
    if not any(_INVISIBLE.search(text) for text in texts(document)):
        return document
    document, count = rewrite_texts(document, strip_text)
    return attrs.evolve(document, notes=(*document.notes, note(count)))


def rewrite_texts(
    document: Document, rewrite: Callable[[str], tuple[str, int]]
) -> tuple[Document, int]:
    """`document` with `rewrite` applied to every paragraph's and cell's
    text, and the sum of the counts it returned (read/lookalikes.py too)."""
    counts: list[int] = []

    def change(text: str) -> str:
        out, n = rewrite(text)
        counts.append(n)
        return out

    return map_texts(document, change), sum(counts)


def map_texts(document: Document, change: Callable[[str], str]) -> Document:
    """`document` with `change` applied to every paragraph's and cell's text."""
    blocks = tuple(
        attrs.evolve(block, text=change(block.text))
        if isinstance(block, Paragraph)
        else attrs.evolve(
            block,
            rows=tuple(
                attrs.evolve(
                    row, cells=tuple(attrs.evolve(c, text=change(c.text)) for c in row.cells)
                )
                for row in block.rows
            ),
        )
        for block in document.blocks
    )
    return attrs.evolve(document, blocks=blocks)


def texts(document: Document) -> Iterator[str]:
    """Every paragraph's and cell's text, in order."""
    for block in document.blocks:
        if isinstance(block, Paragraph):
            yield block.text
        else:
            yield from (c.text for row in block.rows for c in row.cells)

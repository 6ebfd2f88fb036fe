"""What a copy adds to a notice's lines, undone among the paragraphs of a
Word file, a web page or a PDF as the text reader undoes it among lines:
an editor's line numbers at the left (read/text/gutter.py, note
`line_numbers`) and a table of contents at the top (read/text/contents.py,
residue).  Text pasted into Word keeps both (specimens 180 and 183 as
.docx, .pdf and .html: 183's four measures read wrong with no finding)."""

from __future__ import annotations

import attrs

from ..models import Document, Paragraph, ReadNote, Residue
from .text.contents import contents_lines
from .text.gutter import ungutted

__all__ = ["without_copy_marks"]


def without_copy_marks(document: Document) -> Document:
    """`document` with its paragraphs' gutter numbers taken out (and a note
    of how many) and its table of contents set aside as residue; the same
    document where it has neither."""
    paragraphs = [(k, b) for k, b in enumerate(document.blocks) if isinstance(b, Paragraph)]
    where = [k for k, _ in paragraphs]
    texts = [b.text for _, b in paragraphs]
    blocks = list(document.blocks)
    notes = list(document.notes)
    if (done := ungutted(texts)) is not None:
        texts, count = done
        for (k, paragraph), text in zip(paragraphs, texts, strict=True):
            blocks[k] = attrs.evolve(paragraph, text=text)
        notes.append(ReadNote(note="line_numbers", fields=(("lines", str(count)),)))
    found = contents_lines(texts)
    residue = [
        Residue(text=r.text, reason=r.reason, span=blocks[where[i]].span)
        for i, r in sorted(found.items())
    ]
    if done is None and not found:
        return document
    drop = {where[i] for i in found}
    return attrs.evolve(
        document,
        blocks=tuple(b for k, b in enumerate(blocks) if k not in drop),
        residue=(*document.residue, *residue),
        notes=tuple(notes),
    )

"""The RTF reader's entry point: tokens → walk → WordprocessingML body →
the .docx reader's walk (`rtf.wordml` says why)."""

from __future__ import annotations

from ...errors import CorruptFileError
from ...models import Document, Residue, Source, Span
from ..limits import Limits
from .walker import walk
from .wordml import Builder

__all__ = ["read_rtf"]

_MAGIC = b"{\\rtf"


def read_rtf(data: bytes, source: Source, limits: Limits) -> Document:
    """Read an RTF document into a `Document` (rtf.walker: what becomes what)."""
    start = data.find(b"{")
    if start < 0 or not data.startswith(_MAGIC, start):
        raise CorruptFileError("not an RTF document: it does not open with {\\rtf")
    builder = Builder(limits)
    walk(data[start:], builder, limits.max_paragraphs)
    from ..docx.reader import body_to_document

    residue = tuple(
        Residue(text=text, reason=reason, span=Span(paragraph=at))
        for text, reason, at in builder.residues
    )
    return body_to_document(builder.body, source, limits, name="RTF", residue=residue)

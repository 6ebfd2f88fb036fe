"""The Word 97 reader's entry point: compound file → FIB → pieces and
property runs → walk → WordprocessingML body and lists → the .docx
reader's walk (`doc.wordml` says what becomes what)."""

from __future__ import annotations

from ...models import Document, Residue, Source, Span
from ..limits import Limits
from .fib import open_streams
from .lists import numbering_xml
from .pieces import read_pieces
from .sprms import Runs, bin_table
from .wordml import walk

__all__ = ["read_doc"]


def read_doc(data: bytes, source: Source, limits: Limits) -> Document:
    """Read a Word 97–2003 document (or a Kingsoft .wps saved as one) into a
    `Document`; `fib.NotNativeError` for one this reader leaves to LibreOffice."""
    streams = open_streams(data, limits)
    word, table, fib = streams.word, streams.table, streams.fib
    pieces = read_pieces(table, fib.clx, len(word))
    chpx = Runs(word, bin_table(table, fib.chpx, len(word)), paragraphs=False)
    papx = Runs(word, bin_table(table, fib.papx, len(word)), paragraphs=True)
    papx.with_huge(streams.data)
    builder = walk(word, pieces, fib.ccp_text, chpx, papx, limits)
    from ..docx.numbering import Numbering
    from ..docx.reader import body_to_document

    root = numbering_xml(table, fib.lists, fib.overrides)
    numbering = None if root is None else Numbering.from_element(root, ({}, None), limits)
    residue = tuple(
        Residue(text=text, reason=reason, span=Span(paragraph=at))
        for text, reason, at in builder.residues
    )
    return body_to_document(
        builder.body, source, limits, numbering=numbering, name="Word 97 (.doc)", residue=residue
    )

"""The Word 97 reader's entry point: compound file → FIB → pieces and
property runs → walk → WordprocessingML body and lists → the .docx
reader's walk (`doc.wordml` says what becomes what)."""

from __future__ import annotations

from ...models import Document, Residue, Source, Span
from ..docx.wordml import W
from ..limits import Limits
from .fib import Fib, open_streams
from .lists import numbering_xml
from .pieces import Piece, read_pieces
from .sprms import Runs, bin_table
from .styles import style_lists
from .wordml import walk

_P = W + "p"

__all__ = ["STORY_REASONS", "TEXT_BOX_REASON", "read_doc"]

# Stories after the main text the reader keeps as residue (by their place
# in Fib.stories), with the reason: the .docx reader reads none of them
# from a .docx (text boxes aside: placing one at its anchor needs the
# drawing layer this reader does not read), but a .doc's text is not
# dropped unsaid, as the RTF reader keeps footnotes and comments.
STORY_REASONS = {
    0: "footnote text of the Word 97 file, not read as outline",
    3: "comment text of the Word 97 file, not read as outline",
    4: "endnote text of the Word 97 file, not read as outline",
    5: (
        "text in a text box of the Word 97 file, not placed where it is drawn "
        "(POLICY_PARSE_DOC=libreoffice reads it in place)"
    ),
}
TEXT_BOX_REASON = STORY_REASONS[5]


def read_doc(data: bytes, source: Source, limits: Limits) -> Document:
    """Read a Word 97–2003 document (or a Kingsoft .wps saved as one) into a
    `Document`; `fib.NotNativeError` for one this reader leaves to LibreOffice."""
    streams = open_streams(data, limits)
    word, table, fib = streams.word, streams.table, streams.fib
    pieces = read_pieces(table, fib.clx, len(word))
    chpx = Runs(word, bin_table(table, fib.chpx, len(word)), paragraphs=False)
    papx = Runs(word, bin_table(table, fib.papx, len(word)), paragraphs=True)
    papx.with_huge(streams.data)
    builder = walk(word, pieces, (0, fib.ccp_text), chpx, papx, limits)
    from ..docx.numbering import Numbering
    from ..docx.reader import body_to_document

    root = numbering_xml(table, fib.lists, fib.overrides)
    styles = style_lists(table, fib.styles) if root is not None else {}
    numbering = None if root is None else Numbering.from_element(root, (styles, None), limits)
    residue = tuple(
        Residue(text=text, reason=reason, span=Span(paragraph=at))
        for text, reason, at in builder.residues
    ) + _stories(word, pieces, fib, chpx, papx, limits, builder.body_paragraphs)
    return body_to_document(
        builder.body, source, limits, numbering=numbering, name="Word 97 (.doc)", residue=residue
    )


def _stories(
    word: bytes,
    pieces: list[Piece],
    fib: Fib,
    chpx: Runs,
    papx: Runs,
    limits: Limits,
    after: int,
) -> tuple[Residue, ...]:
    """Footnotes, comments, endnotes and text boxes, each story walked as the
    main text is and kept whole as one residue (STORY_REASONS)."""
    out = []
    start = fib.ccp_text
    for k, size in enumerate(fib.stories):
        if k in STORY_REASONS and size > 0:
            story = walk(word, pieces, (start, start + size), chpx, papx, limits)
            lines = ["".join(str(t) for t in p.itertext()).strip() for p in story.body.iter(_P)]
            text = "\n".join(line for line in lines if line)
            if text:
                out.append(Residue(text=text, reason=STORY_REASONS[k], span=Span(paragraph=after)))
        start += max(size, 0)
    return tuple(out)

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
from .shapes import text_boxes
from .sprms import Runs, bin_table
from .styles import style_lists
from .wordml import walk

_P = W + "p"

__all__ = ["STORY_REASONS", "TEXT_BOX_REASON", "read_doc"]

# Stories after the main text the reader keeps as residue (by their place
# in Fib.stories), with the reason: the .docx reader reads none of them
# from a .docx, but a .doc's text is not dropped unsaid, as the RTF reader
# keeps footnotes and comments.  Text boxes are read where they are
# anchored (`shapes`); one no anchor places is residue.
STORY_REASONS = {
    0: "footnote text of the Word 97 file, not read as outline",
    3: "comment text of the Word 97 file, not read as outline",
    4: "endnote text of the Word 97 file, not read as outline",
    5: (
        "text in a text box of the Word 97 file whose anchor was not found, "
        "not placed where it is drawn"
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
    box_story = fib.ccp_text + sum(fib.stories[:5])  # after the footnotes … endnotes
    boxes = text_boxes(table, fib.shapes, fib.boxes, box_story, fib.stories[5])
    anchored: dict[int, list[list[str]]] = {}
    if boxes is not None:
        for cp, ranges in boxes.anchored.items():
            anchored[cp] = [_lines(word, pieces, r, chpx, papx, limits) for r in ranges]
    builder = walk(word, pieces, (0, fib.ccp_text), chpx, papx, limits, anchored)
    # Boxes no anchor placed (or whose anchor the walk never met) stay
    # residue; with no box table, the whole story does.
    loose: list[tuple[int, int]] | None = None
    if boxes is not None:
        loose = boxes.loose + [
            r for cp, ranges in boxes.anchored.items() if cp in anchored for r in ranges
        ]
    from ..docx.numbering import Numbering
    from ..docx.reader import body_to_document

    root = numbering_xml(table, fib.lists, fib.overrides)
    styles = style_lists(table, fib.styles) if root is not None else {}
    numbering = None if root is None else Numbering.from_element(root, (styles, None), limits)
    residue = tuple(
        Residue(text=text, reason=reason, span=Span(paragraph=at))
        for text, reason, at in builder.residues
    ) + _stories(word, pieces, fib, chpx, papx, limits, builder.body_paragraphs, loose)
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
    loose: list[tuple[int, int]] | None,
) -> tuple[Residue, ...]:
    """Footnotes, comments, endnotes and the text boxes not read in place
    (`loose`; None: no box table, the whole story), each kept as one
    residue (STORY_REASONS)."""
    out = []
    start = fib.ccp_text
    for k, size in enumerate(fib.stories):
        if k in STORY_REASONS and size > 0:
            ranges = [(start, start + size)] if k != 5 or loose is None else sorted(loose)
            lines = [line for r in ranges for line in _lines(word, pieces, r, chpx, papx, limits)]
            if lines:
                text = "\n".join(lines)
                out.append(Residue(text=text, reason=STORY_REASONS[k], span=Span(paragraph=after)))
        start += max(size, 0)
    return tuple(out)


def _lines(
    word: bytes,
    pieces: list[Piece],
    cps: tuple[int, int],
    chpx: Runs,
    papx: Runs,
    limits: Limits,
) -> list[str]:
    """The non-blank paragraphs of CPs [start, end), walked as the main text is."""
    story = walk(word, pieces, cps, chpx, papx, limits)
    lines = ["".join(str(t) for t in p.itertext()).strip() for p in story.body.iter(_P)]
    return [line for line in lines if line]

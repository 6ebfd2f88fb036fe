"""Uniform blank-line spacing: a copy that put a blank line after every line.

Some portals give every line of a pasted text a paragraph of its own, so a copy
of the page has a blank line after *every* line — after a line a PDF copy cut
mid-sentence as much as after a table cell or a paragraph.  Those blank lines
say nothing, and they hide what the blank lines of the original said: in a
table flattened to text a blank line parts rows or cells, while a line cut
inside a cell was a bare line break.  Where every non-blank line is followed
by a blank one, the first blank after each line is spacing: `unspaced` takes
it out, and `Respacing.span` gives every later line number back its place in
the input, so evidence still points at the lines as the user sees them.  A
copy spaced twice (two blanks after every line) loses both.

A text with even one pair of adjacent non-blank lines is left as it is: its
blank lines may mean something.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from ..._support.records import NamedTuple
from ...models import Block, Document, Paragraph, Span

__all__ = ["Respacing", "unspaced"]

# Fewer non-blank lines than this show no pattern worth acting on.
_MIN_LINES = 3


class Respacing(NamedTuple):
    """The spacing blanks taken out: `kept[k]` is the input index of line k."""

    kept: list[int]

    def line(self, number: int | None) -> int | None:
        """A 1-based line number of the unspaced text, in the input."""
        if number is None:
            return None
        return self.kept[number - 1] + 1

    def span(self, span: Span) -> Span:
        return attrs.evolve(
            span, start_line=self.line(span.start_line), end_line=self.line(span.end_line)
        )

    def document(self, doc: Document) -> Document:
        """`doc`, read from the unspaced lines, with the input's line numbers."""
        return attrs.evolve(
            doc,
            blocks=tuple(self._block(b) for b in doc.blocks),
            residue=tuple(attrs.evolve(r, span=self.span(r.span)) for r in doc.residue),
        )

    def _block(self, block: Block) -> Block:
        if isinstance(block, Paragraph):
            return attrs.evolve(block, span=self.span(block.span))
        rows = tuple(
            attrs.evolve(
                row,
                span=self.span(row.span),
                cells=tuple(attrs.evolve(c, span=self.span(c.span)) for c in row.cells),
            )
            for row in block.rows
        )
        alignment = block.alignment
        if alignment is not None:
            alignment = attrs.evolve(
                alignment, doubtful=tuple(self.kept[k - 1] + 1 for k in alignment.doubtful)
            )
        return attrs.evolve(block, rows=rows, span=self.span(block.span), alignment=alignment)


def unspaced(
    lines: Sequence[str], is_blank: Callable[[str], bool]
) -> tuple[list[str], Respacing] | None:
    """`lines` without the blank line that follows every line holding text,
    and where each kept line was; None when the spacing is not uniform.  (A
    line of whitespace alone — a lone tab is an empty cell — holds no text:
    such a copy put no blank line after it.)  A copy of such a copy, spaced
    again, has two blanks after every line: each layer is spacing, taken
    out while every line holding text is still followed by a blank."""
    out = _unspaced_once(lines, is_blank)
    while out is not None and (again := _unspaced_once(out[0], is_blank)) is not None:
        out = again[0], Respacing(kept=[out[1].kept[k] for k in again[1].kept])
    return out


def _unspaced_once(
    lines: Sequence[str], is_blank: Callable[[str], bool]
) -> tuple[list[str], Respacing] | None:
    texted = [bool(line.strip()) for line in lines]
    if sum(texted) < _MIN_LINES:
        return None
    last = len(lines) - 1
    # Most texts fail at their first line: asked line by line, not for all first.
    for k, has_text in enumerate(texted):
        if has_text and k < last and not is_blank(lines[k + 1]):
            return None
    blank = [is_blank(line) for line in lines]
    kept = [k for k in range(len(lines)) if not (blank[k] and k > 0 and texted[k - 1])]
    return [lines[k] for k in kept], Respacing(kept=kept)

"""Traditional script: match in Simplified, keep what was written.

Notices republished on Hong Kong or Taiwan portals are in Traditional script.
Every pattern and data file of policy_parse is Simplified, so a Traditional
document is converted character by character (OpenCC's t2s tables, one
character to one character, so offsets survive) before segmenting.  After
assembling, every *written* field is mapped back to the original characters
through those offsets; canonical names (`Unit.name`) stay Simplified, which
is what makes 市人社局 and 市人力資源社會保障局 comparable with Simplified
notices.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from .._support.lazy_regex import lazy_compile
from ..data import load
from ..models import Cell, Document, Notice, Paragraph, Span, Table

_HAN = lazy_compile(r"\p{Han}")


@functools.cache
def _traditional_only() -> frozenset[str]:
    return frozenset(c for c in load("script")["traditional_only"] if not c.isspace())


@functools.cache
def _traditional_list() -> tuple[str, ...]:
    return tuple(sorted(_traditional_only()))


def is_traditional(text: str) -> bool:
    marks = _traditional_only()
    # The common case, none of them: one `in` per mark (a string search in
    # C, a few instructions a character) is a third of `isdisjoint`'s one
    # pass, which makes a string of each character of the whole notice.
    if not any(map(text.__contains__, _traditional_list())):
        return False
    marked = sum(1 for c in text if c in marks)
    han = len(_HAN.findall(text))
    return han > 0 and marked / han >= float(load("script")["threshold"])


@functools.cache
def _converter() -> Callable[[str], str]:
    import opencc  # loaded only for Traditional input: ~30 ms

    converter: Callable[[str], str] = opencc.OpenCC("t2s").convert
    return converter


def to_simplified(text: str) -> str:
    """Per-character t2s: the result has exactly the input's length."""
    convert = _converter()
    table = {}
    for ch in set(text):
        if _HAN.match(ch):
            out = convert(ch)
            if len(out) == 1 and out != ch:
                table[ord(ch)] = out
    return text.translate(table)


def document_text(document: Document) -> str:
    return "\n".join(document.texts())


def simplify_document(document: Document) -> Document:
    """The same document, every text converted to Simplified."""

    def cell(c: Cell) -> Cell:
        return attrs.evolve(c, text=to_simplified(c.text))

    blocks: list[Paragraph | Table] = []
    for b in document.blocks:
        if isinstance(b, Paragraph):
            blocks.append(attrs.evolve(b, text=to_simplified(b.text)))
        else:
            rows = tuple(attrs.evolve(r, cells=tuple(cell(c) for c in r.cells)) for r in b.rows)
            blocks.append(attrs.evolve(b, rows=rows))
    residue = tuple(attrs.evolve(r, text=to_simplified(r.text)) for r in document.residue)
    return attrs.evolve(document, blocks=tuple(blocks), residue=residue)


# Fields that hold text as the notice wrote it.  Names (Unit.name,
# Unit.expanded, candidates) are canonical and stay Simplified.
_WRITTEN = frozenset(
    {
        "text",
        "annotation",
        "leaders",
        "written",
        "title",
        "issuer",
        "doc_number",
        "body",
        "recipients",
        "attachments",
        "signature",
        "date_written",
        "note",
        "plan_title",
        "preamble",
        "table_header",
        "table_caption",
        "national_task",
        "extra",
        "part_written",
        "section_written",
        "attachment_mark",
        "written_number",
    }
)


def _pieces(document: Document) -> list[tuple[Span, str]]:
    """Every text of `document` with its span, in `Document.texts()` order."""
    out: list[tuple[Span, str]] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            out.append((block.span, block.text))
        else:
            out.extend((c.span, c.text) for r in block.rows for c in r.cells)
    out.extend((r.span, r.text) for r in document.residue)
    return out


def _inside(inner: Span, outer: Span) -> bool:
    """Whether a reader's piece lies in a record's span, on every coordinate
    the record's span sets (lines, Word paragraph / table / row / cell, PDF
    page and box).  A record spanning several Word paragraphs keeps only its
    first (`Span.cover`), which is the one wanted: where the record starts."""
    o, i = outer, inner
    if o.start_line is not None:
        end = o.end_line if o.end_line is not None else o.start_line
        if i.start_line is None or not o.start_line <= i.start_line <= end:
            return False
    for name in ("paragraph", "table", "row", "cell"):
        want = getattr(o, name)
        if want is not None and getattr(i, name) != want:
            return False
    if o.page is not None:
        last = o.end_page or o.page
        if i.page is None or not o.page <= i.page <= last:
            return False
        if o.bbox is not None and i.bbox is not None and i.page == o.page:
            slack = 1.0
            if not (
                i.bbox[0] >= o.bbox[0] - slack
                and i.bbox[1] >= o.bbox[1] - slack
                and i.bbox[2] <= o.bbox[2] + slack
                and i.bbox[3] <= o.bbox[3] + slack
            ):
                return False
    return any(
        getattr(o, name) is not None
        for name in ("start_line", "paragraph", "table", "row", "cell", "page")
    )


def _keys(span: Span, *, whole: bool = False) -> list[tuple[str, object]]:
    """Index keys of a piece (where it starts), or with `whole` those of
    every piece a record's span may hold (each line or page it covers)."""
    if span.start_line is not None:
        end = span.end_line if whole and span.end_line is not None else span.start_line
        return [("line", n) for n in range(span.start_line, end + 1)]
    if span.table is not None:
        return [("row", (span.table, span.row))] if span.row is not None or not whole else []
    if span.paragraph is not None:
        return [("paragraph", span.paragraph)]
    if span.page is not None:
        end = (span.end_page or span.page) if whole else span.page
        return [("page", n) for n in range(span.page, end + 1)]
    return []


Place = tuple[int, int]
"""A record's extent in the joined Simplified text: [start, end)."""


class Restorer:
    """Maps Simplified substrings back to the original text at the same offsets.

    A field is looked up from its record's own place (`place`: the extent of
    the reader pieces inside the record's span), not from the top: a notice
    that writes 牵头 once in Traditional and once in Simplified gets each
    back as written.  Inside the record first; else the nearest before it (a
    value a merged cell copies from above); else after it.  A record with no
    span is looked up from the top.
    """

    def __init__(
        self, original: str, simplified: str, pieces: Sequence[tuple[Span, int, int]] = ()
    ) -> None:
        self.original = original
        self.simplified = simplified
        self.whole: Place = (0, len(simplified))
        # Each reader piece's span, offset and length in the joined text,
        # indexed by where it starts, so finding a record's place costs no scan.
        self._index: dict[tuple[str, object], list[tuple[Span, int, int]]] = {}
        for span, k, n in pieces:
            for key in _keys(span):
                self._index.setdefault(key, []).append((span, k, n))

    def place(self, span: Span) -> Place:
        """The extent of the reader pieces inside `span`; the whole text
        when none is."""
        inside = [
            (k, k + n)
            for key in _keys(span, whole=True)
            for s, k, n in self._index.get(key, ())
            if _inside(s, span)
        ]
        if not inside:
            return self.whole
        return min(a for a, _ in inside), max(b for _, b in inside)

    def _find(self, piece: str, place: Place) -> int:
        start, end = place
        k = self.simplified.find(piece, start, end)
        if k < 0:
            k = self.simplified.rfind(piece, 0, end)
        if k < 0:
            k = self.simplified.find(piece, start)
        return k

    def __call__(self, text: str, place: Place | None = None) -> str:
        if not text:
            return text
        start, end = place or self.whole
        k = self._find(text, (start, end))
        if k >= 0:
            return self.original[k : k + len(text)]
        # Joined from several pieces (a title over two lines): take the
        # longest piece found at each point, by bisection on its length,
        # each looked up from where the previous one ended.
        out, i, cursor = [], 0, start
        while i < len(text):
            lo, hi = 0, len(text) - i  # text[i:i+lo] is found; text[i:i+hi+1] is not
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if self.simplified.find(text[i : i + mid]) >= 0:
                    lo = mid
                else:
                    hi = mid - 1
            if lo == 0:
                out.append(text[i])  # not from the input (a separator we added)
                i += 1
                continue
            k = self._find(text[i : i + lo], (cursor, max(end, cursor)))
            out.append(self.original[k : k + lo])
            cursor = k + lo
            i += lo
        return "".join(out)

    def restore(self, obj: Any, field: str | None = None, place: Place | None = None) -> Any:
        if isinstance(obj, str):
            return self(obj, place) if field in _WRITTEN else obj
        if isinstance(obj, tuple):
            return tuple(self.restore(v, field, place) for v in obj)
        if attrs.has(type(obj)):
            span = getattr(obj, "span", None)
            if isinstance(span, Span):
                place = self.place(span)
            elif isinstance(getattr(obj, "title", None), str):
                # A heading has no span: its number and title, written
                # together, find its line (一、X, not the X a sentence quotes).
                heading = f"{getattr(obj, 'written', '')}{obj.title}"
                if (k := self.simplified.find(heading)) >= 0:
                    place = (k, k + len(heading))
            changes = {
                f.name: self.restore(getattr(obj, f.name), f.name, place)
                for f in attrs.fields(type(obj))
                if not isinstance(getattr(obj, f.name), (int, float, type(None)))
            }
            return attrs.evolve(obj, **changes)
        return obj


def restore_written(notice: Notice, original: Document, simplified: Document) -> Notice:
    """Put the original characters back into every written field, each from
    its own record's place in the document."""
    pieces, offset = [], 0
    for span, text in _pieces(simplified):
        pieces.append((span, offset, len(text)))
        offset += len(text) + 1  # the "\n" document_text joins with
    r = Restorer(document_text(original), document_text(simplified), pieces)
    out: Notice = r.restore(notice)
    # Residue is written text too, whatever its field is called.
    residue = tuple(attrs.evolve(x, text=r(x.text, r.place(x.span))) for x in notice.residue)
    return attrs.evolve(out, residue=residue)

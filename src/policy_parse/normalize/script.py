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
from collections.abc import Callable
from typing import Any

import attrs

from .._support.lazy_regex import lazy_compile
from ..data import load
from ..models import Cell, Document, Notice, Paragraph, Table

_HAN = lazy_compile(r"\p{Han}")


@functools.cache
def _traditional_only() -> frozenset[str]:
    return frozenset(c for c in load("script")["traditional_only"] if not c.isspace())


def is_traditional(text: str) -> bool:
    marks = _traditional_only()
    if marks.isdisjoint(text):  # the common case, decided in one pass in C
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


class Restorer:
    """Maps Simplified substrings back to the original text at the same offsets."""

    def __init__(self, original: str, simplified: str) -> None:
        self.original = original
        self.simplified = simplified

    def __call__(self, text: str) -> str:
        if not text:
            return text
        k = self.simplified.find(text)
        if k >= 0:
            return self.original[k : k + len(text)]
        # Joined from several pieces (a title over two lines): take the
        # longest piece found at each point, by bisection on its length.
        out, i = [], 0
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
            k = self.simplified.find(text[i : i + lo])
            out.append(self.original[k : k + lo])
            i += lo
        return "".join(out)

    def restore(self, obj: Any, field: str | None = None) -> Any:
        if isinstance(obj, str):
            return self(obj) if field in _WRITTEN else obj
        if isinstance(obj, tuple):
            return tuple(self.restore(v, field) for v in obj)
        if attrs.has(type(obj)):
            changes = {
                f.name: self.restore(getattr(obj, f.name), f.name)
                for f in attrs.fields(type(obj))
                if not isinstance(getattr(obj, f.name), (int, float, type(None)))
            }
            return attrs.evolve(obj, **changes)
        return obj


def restore_written(notice: Notice, original: Document, simplified: Document) -> Notice:
    """Put the original characters back into every written field."""
    r = Restorer(document_text(original), document_text(simplified))
    out: Notice = r.restore(notice)
    # Residue is written text too, whatever its field is called.
    residue = tuple(attrs.evolve(x, text=r(x.text)) for x in notice.residue)
    return attrs.evolve(out, residue=residue)

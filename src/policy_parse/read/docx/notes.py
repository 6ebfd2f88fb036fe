"""Footnotes, endnotes and comments of a Word file: text a reader sees
beside the notice, not in it.

Word keeps each in its own part (footnotes.xml, endnotes.xml,
comments.xml); the body holds only a reference (w:footnoteReference,
w:endnoteReference, w:commentReference) where Word draws the mark.  The
reader files a note's text as residue at the paragraph or cell holding the
mark, with the reasons below: a lead note in a footnote (排名第一的为牵头单位)
or a reviewer's comment naming a unit is shown, not read into the measures
and not lost.  Word's separator "notes" (w:type separator,
continuationSeparator, continuationNotice) hold no text and are skipped.

Page headers and footers (`header_footer_residue`) are residue too, once
for each distinct text, with no place in the body: the page numbers in
them are fields (PAGE, NUMPAGES) whose shown results are left out, so a
footer of only "- 1 -" or "第1页 共3页" files nothing, while a running
head naming the issuer or the 附件 is kept.
"""

from __future__ import annotations

from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT

from ...models import Residue, Span
from .wordml import W

__all__ = [
    "COMMENT_REASON",
    "ENDNOTE_REASON",
    "FOOTNOTE_REASON",
    "HEADER_REASON",
    "Notes",
    "header_footer_residue",
]

FOOTNOTE_REASON = "footnote text of the Word file, not read as outline"
ENDNOTE_REASON = "endnote text of the Word file, not read as outline"
COMMENT_REASON = "comment text of the Word file, not read as outline"
HEADER_REASON = "page header or footer text of the Word file, not read as outline"

_KINDS = (
    (RT.FOOTNOTES, W + "footnote", W + "footnoteReference", FOOTNOTE_REASON),
    (RT.ENDNOTES, W + "endnote", W + "endnoteReference", ENDNOTE_REASON),
    (RT.COMMENTS, W + "comment", W + "commentReference", COMMENT_REASON),
)
_ID = W + "id"
_P = W + "p"
_T = W + "t"
_TAB = W + "tab"
_SEPARATORS = frozenset(("separator", "continuationSeparator", "continuationNotice"))


class Notes:
    """The notes of one package, looked up by the reference in a run."""

    def __init__(self, texts: dict[str, dict[str, str]] | None = None) -> None:
        """`texts`: reference tag -> note id -> text."""
        self._texts = texts or {}
        self._reasons = {ref: reason for _, _, ref, reason in _KINDS}

    @classmethod
    def from_part(cls, part: Any) -> Notes:
        """The notes of the document part `part` (None: no notes)."""
        texts: dict[str, dict[str, str]] = {}
        if part is None:
            return cls(texts)
        for rel in part.rels.values():
            if rel.is_external:
                continue
            for reltype, tag, ref, _ in _KINDS:
                if rel.reltype == reltype:
                    texts[ref] = _note_texts(_root(rel.target_part), tag)
        return cls(texts)

    def of_run(self, run: Any) -> list[tuple[str, str]]:
        """(reason, text) of each note whose mark is in `run`."""
        out: list[tuple[str, str]] = []
        if not self._texts:
            return out
        for el in run:
            notes = self._texts.get(el.tag)
            if notes is not None:
                text = notes.get(el.get(_ID) or "", "")
                if text:
                    out.append((self._reasons[el.tag], text))
        return out


def _root(part: Any) -> Any:
    """The XML root of a note part: python-docx parses some parts (comments)
    and keeps others as bytes."""
    element = getattr(part, "element", None)
    if element is not None:
        return element
    from ..safety import parse_xml

    return parse_xml(part.blob)


def _note_texts(root: Any, tag: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for note in root.iter(tag):
        if note.get(W + "type") in _SEPARATORS:
            continue
        lines = []
        for p in note.iter(_P):
            line = "".join(
                (t.text or "") if t.tag == _T else "\t" for t in p.iter(_T, _TAB)
            ).strip()
            if line:
                lines.append(line)
        if lines:
            out[note.get(_ID) or ""] = "\n".join(lines)
    return out


_R = W + "r"
_FLD_CHAR = W + "fldChar"
_FLD_SIMPLE = W + "fldSimple"
_FLD_TYPE = W + "fldCharType"
# What is left of a page-number line once its fields are gone.
_NUMBER_FRAME = frozenset("-—–_第页共/ \u3000·.()（）")


def header_footer_residue(part: Any) -> list[Residue]:
    """The text of the document part's headers and footers, fields left
    out, each distinct line once (module docstring)."""
    if part is None:
        return []
    seen: set[str] = set()
    out: list[Residue] = []
    for rel in part.rels.values():
        if rel.is_external or rel.reltype not in (RT.HEADER, RT.FOOTER):
            continue
        for p in _root(rel.target_part).iter(_P):
            line = _without_fields(p).strip()
            if line and not set(line) <= _NUMBER_FRAME and line not in seen:
                seen.add(line)
                out.append(Residue(text=line, reason=HEADER_REASON, span=Span()))
    return out


def _without_fields(p: Any) -> str:
    """A paragraph's text without the shown results of its fields (a page
    number drawn by PAGE), whether simple (w:fldSimple) or complex (the runs
    between w:fldChar separate and end)."""
    parts: list[str] = []
    depth = 0  # inside a complex field's code or result
    for el in p.iter(_R, _FLD_SIMPLE):
        if el.tag == _FLD_SIMPLE:
            continue
        up = el.getparent()
        if up is not None and up.tag == _FLD_SIMPLE:
            continue
        fld = el.find(_FLD_CHAR)
        if fld is not None:
            kind = fld.get(_FLD_TYPE)
            depth += 1 if kind == "begin" else -1 if kind == "end" else 0
            depth = max(depth, 0)
            continue
        if depth:
            continue
        for t in el.iter(_T, _TAB):
            parts.append((t.text or "") if t.tag == _T else "\t")
    return "".join(parts)

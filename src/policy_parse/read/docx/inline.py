"""The text of a Word paragraph's runs: what a reader sees, what it does not
(docx.hidden), and the text boxes anchored in them (read by the reader where
they are anchored)."""

from __future__ import annotations

from typing import Any

from .fields import FieldNumbers
from .hidden import Looks
from .notes import Notes
from .revisions import DELETED_REASON, MOVED_REASON, deleted_text
from .symbols import SYMBOL_REASON, symbol_text
from .wordml import W

__all__ = ["Inline"]

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_R = W + "r"
_T = W + "t"
_TAB = W + "tab"
_PTAB = W + "ptab"
_BR = W + "br"
_CR = W + "cr"
_NBH = W + "noBreakHyphen"
_SYM = W + "sym"
_TXBX = W + "txbxContent"
_FALLBACK = _MC + "Fallback"
_INSTR = W + "instrText"
_FLD_CHAR = W + "fldChar"
_FLD_SIMPLE = W + "fldSimple"
# Tracked changes that take text away (docx.revisions): residue, not text.
_TAKEN = {W + "del": DELETED_REASON, W + "moveFrom": MOVED_REASON}

# Inline containers whose runs are part of the paragraph's text.
_INLINE_CONTAINERS = frozenset(
    W + tag
    for tag in (
        "hyperlink",
        "ins",
        "moveTo",
        "smartTag",
        "fldSimple",
        "sdt",
        "sdtContent",
        "customXml",
        "dir",
        "bdo",
    )
)
# Run children that may anchor a text box.
_ANCHORS = frozenset((W + "drawing", W + "pict", W + "object", _MC + "AlternateContent"))


class Inline:
    """The runs of one paragraph: visible text into `parts`, text boxes into
    `boxes`, runs nobody sees (docx.hidden), text tracked changes delete
    (docx.revisions) and the notes whose marks stand in the runs
    (docx.notes) into `hidden` with the reason."""

    def __init__(
        self,
        looks: Looks,
        p: Any,
        shaded: bool,
        hidden: list[tuple[str, str]],
        notes: Notes | None = None,
        fields: FieldNumbers | None = None,
    ) -> None:
        self.looks, self.p, self.shaded, self.hidden = looks, p, shaded, hidden
        self.notes = notes
        self.fields = fields  # numbers of AUTONUM / LISTNUM fields (docx.fields)
        # Instructions of the complex fields open in this paragraph, innermost
        # last (None once drawn).
        self.codes: list[list[str] | None] = []

    def read(self, parent: Any, parts: list[str], boxes: list[Any]) -> None:
        for el in parent:
            tag = el.tag
            if tag == _R:
                why = self.looks.why_hidden(el, self.p, self.shaded)
                if why is None:
                    if self.fields is not None:
                        self.field_codes(self.fields, el, parts)
                    _run_text(el, parts, boxes, self.hidden)
                else:
                    unseen: list[str] = []
                    _run_text(el, unseen, boxes, self.hidden)
                    self.hidden.append((why, "".join(unseen)))
                if self.notes is not None:
                    self.hidden.extend(self.notes.of_run(el))
            elif tag in _TAKEN:
                self.hidden.append((_TAKEN[tag], deleted_text(el)))
            elif tag in _INLINE_CONTAINERS:
                if tag == _FLD_SIMPLE and self.fields is not None:
                    parts.append(self.fields.draw(el.get(W + "instr")))
                self.read(el, parts, boxes)
            elif tag in _ANCHORS:  # mc:AlternateContent directly in the paragraph
                boxes.extend(_text_boxes(el))

    def field_codes(self, fields: FieldNumbers, run: Any, parts: list[str]) -> None:
        """A complex field's instruction, which Word may split over several
        runs (` LISTNUM ` `LegalDefault \\l 2`), gathered from its begin
        to its separator or end and drawn once (docx.fields)."""
        for el in run.iter(_INSTR, _FLD_CHAR):
            if el.tag == _INSTR:
                if self.codes and self.codes[-1] is not None:
                    self.codes[-1].append(el.text or "")
                else:  # no begin seen in this paragraph: the code alone
                    parts.append(fields.draw(el.text))
                continue
            kind = el.get(W + "fldCharType")
            if kind == "begin":
                self.codes.append([])
            elif kind in ("separate", "end") and self.codes:
                code = self.codes[-1]
                if code is not None:
                    parts.append(fields.draw("".join(code)))
                    self.codes[-1] = None  # drawn; its result follows
                if kind == "end":
                    self.codes.pop()


def _run_text(run: Any, parts: list[str], boxes: list[Any], unread: list[tuple[str, str]]) -> None:
    """A run's text into `parts`; a symbol no table names into `unread`
    (reason, text), as residue of its paragraph or cell."""
    for c in run:
        ctag = c.tag
        if ctag == _T:
            if c.text:
                parts.append(c.text)
        elif ctag == _TAB or ctag == _PTAB:
            parts.append("\t")
        elif ctag == _BR:
            # Page and column breaks are layout; a plain break is a line.
            if c.get(W + "type") in (None, "textWrapping"):
                parts.append("\n")
        elif ctag == _CR:
            parts.append("\n")
        elif ctag == _NBH:
            parts.append("-")
        elif ctag == _SYM:
            text, unknown = symbol_text(c)
            parts.append(text)
            if unknown is not None:
                unread.append((SYMBOL_REASON, unknown))
        elif ctag in _ANCHORS:
            boxes.extend(_text_boxes(c))


def _text_boxes(anchor: Any) -> list[Any]:
    """Outermost text boxes under `anchor`, skipping mc:Fallback copies."""
    found = []
    for box in anchor.iter(_TXBX):
        up = box.getparent()
        inner = False
        while up is not None and up is not anchor:
            if up.tag == _FALLBACK or up.tag == _TXBX:
                inner = True
                break
            up = up.getparent()
        if not inner:
            found.append(box)
    return found

"""The main text of a Word 97 document, walked character by character into
the WordprocessingML body the .docx reader walks (as `rtf.wordml` does for
RTF: one set of rules for every Word format).

What becomes what:

* 0x0D ends a paragraph; in a nested table it may end a cell or a row
  (`tables.Para`); 0x07 ends a cell, or a row when it is a row mark, whose
  definition becomes the row's grid (`tables.row_def`, `rtf.wordml`).
* 0x0B is a line break ("\\n"), 0x09 a tab, 0x1E a non-breaking hyphen
  ("-", as the .docx reader reads w:noBreakHyphen); 0x1F (optional
  hyphen) and the special characters that anchor pictures, drawings, notes
  and comments (0x01, 0x02, 0x05, 0x08, …) are no text, nor is any
  character of a run marked special (sprmCFSpec: a symbol drawn from a
  font, sprmCSymbol, is written "(" in the text; the .docx reader reads no
  w:sym either).  0x0C (a page or
  section break) ends the paragraph it interrupts, as LibreOffice splits it.
* A shape's anchor (0x08) with text boxes (`shapes`) reads them there:
  their paragraphs follow the anchoring one, as in a .docx.
* A field (0x13 code 0x14 result 0x15) shows its result; its code, and a
  field with no result, show nothing — as Word draws it.
* A run marked deleted (sprmCFRMarkDel, a tracked deletion) is not read,
  as the .docx reader does not read w:del; hidden (sprmCFVanish) and white
  runs are marked so, and the .docx reader files them as residue.
* sprmPIlfo / sprmPIlvl become w:numPr: the number is drawn by the .docx
  reader's `Numbering` from the lists `lists` writes.
"""

from __future__ import annotations

import re

from lxml import etree

from ...errors import InputTooLargeError
from ..docx.wordml import VAL, W
from ..limits import Limits
from ..rtf.state import HIDDEN, HIGHLIGHT, WHITE
from ..rtf.wordml import Builder
from .pieces import Piece, decode_compressed
from .sprms import Runs, sprms
from .tables import MAX_NESTING, para_props, row_def

__all__ = ["DocBuilder", "walk"]

_DELETED = 1 << 8  # look bits of this module only: the run is not read,
_SPECIAL = 1 << 9  # or its characters stand for something drawn (sprmCFSpec)
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f]")
_RMARK_DEL, _VANISH, _SPEC = 0x0800, 0x083C, 0x0855
_ICO, _CV, _HIGHLIGHT = 0x2A42, 0x6870, 0x2A0C
_WHITE_ICO = 8
_ON = (1, 0x81)  # a toggle's "on" and "the opposite of the style's (off)"
_MAX_FIELD_DEPTH = 256  # Word nests fields 20 deep; deeper is hostile


def _look(grpprl: bytes, cache: dict[bytes, int]) -> int:
    """A run's look bits from its CHPX grpprl."""
    look = cache.get(grpprl)
    if look is not None:
        return look
    look = 0
    for op, arg in sprms(grpprl):
        if op == _RMARK_DEL:
            look = look | _DELETED if arg[0] in _ON else look & ~_DELETED
        elif op == _VANISH:
            look = look | HIDDEN if arg[0] in _ON else look & ~HIDDEN
        elif op == _SPEC:
            look = look | _SPECIAL if arg[0] in _ON else look & ~_SPECIAL
        elif op == _ICO:
            look = look | WHITE if arg[0] == _WHITE_ICO else look & ~WHITE
        elif op == _CV and len(arg) == 4:
            white = arg[:3] == b"\xff\xff\xff" and not arg[3]
            look = look | WHITE if white else look & ~WHITE
        elif op == _HIGHLIGHT:
            look = look | HIGHLIGHT if arg[0] not in (0, _WHITE_ICO) else look & ~HIGHLIGHT
    cache[grpprl] = look
    return look


class DocBuilder(Builder):
    """The RTF reader's builder, its paragraphs given w:pStyle and w:numPr."""

    def __init__(self, limits: Limits) -> None:
        super().__init__(limits)
        # (ilfo, ilvl, istd) of the paragraph ending: what its own
        # properties say of its list (None: its style's), and its style.
        self.number: tuple[int | None, int | None, int] | None = None

    def paragraph(self) -> etree._Element:
        p = super().paragraph()
        if self.number is not None:
            ilfo, ilvl, istd = self.number
            ppr = etree.Element(W + "pPr")
            etree.SubElement(ppr, W + "pStyle").set(VAL, str(istd))
            if ilfo is not None or ilvl is not None:
                numpr = etree.SubElement(ppr, W + "numPr")
                if ilvl is not None:
                    etree.SubElement(numpr, W + "ilvl").set(VAL, str(ilvl))
                if ilfo is not None:
                    etree.SubElement(numpr, W + "numId").set(VAL, str(ilfo))
            p.insert(0, ppr)
            self.number = None
        return p


class _Walk:
    def __init__(
        self,
        word: bytes,
        chpx: Runs,
        papx: Runs,
        builder: DocBuilder,
        boxes: dict[int, list[list[str]]] | None = None,
    ) -> None:
        self.word, self.chpx, self.papx, self.builder = word, chpx, papx, builder
        self.boxes = boxes or {}  # anchor CP: the lines of each text box drawn there
        self.fields: list[bool] = []  # open fields: True once past the separator
        self.hidden_fields = 0  # open fields whose code is being read
        self.looks: dict[bytes, int] = {}
        self.paragraphs = 0
        self.level = 0  # the table depth of the last paragraph mark

    def piece(self, piece: Piece, start: int, end: int) -> None:
        begin, stop = max(piece.start, start), min(piece.end, end)
        if stop <= begin:
            return
        width = 1 if piece.compressed else 2
        fc_end = piece.fc_of(stop)
        for fc0, fc1, grpprl in self.chpx.boundaries(piece.fc_of(begin), fc_end):
            # A run boundary inside a UTF-16 character (damaged FKPs) moves
            # past it, at both ends: every character is read once, whole.
            if width == 2:
                fc0 += (fc0 - piece.fc) % 2
                fc1 = min(fc1 + (fc1 - piece.fc) % 2, fc_end)
            if fc1 <= fc0:
                continue
            raw = self.word[fc0:fc1]
            text = decode_compressed(raw) if width == 1 else raw.decode("utf-16-le", "replace")
            self.run(
                text, _look(grpprl, self.looks), piece, piece.start + (fc0 - piece.fc) // width
            )

    def run(self, text: str, look: int, piece: Piece, cp: int) -> None:
        at = 0
        for m in _CONTROL.finditer(text):
            if m.start() > at:
                self.emit(text[at : m.start()], look)
            at = m.end()
            self.control(m.group(), look, piece, cp + m.start())
        if at < len(text):
            self.emit(text[at:], look)

    def emit(self, text: str, look: int) -> None:
        if self.hidden_fields or look & (_DELETED | _SPECIAL):
            return
        self.builder.text(text, look)

    def control(self, ch: str, look: int, piece: Piece, cp: int) -> None:
        if ch == "\r":
            self.mark(piece, cp, cell=False)
        elif ch == "\x07":
            self.mark(piece, cp, cell=True)
        elif ch == "\x0b":
            self.emit("\n", look)
        elif ch == "\x1e":
            self.emit("-", look)
        elif ch == "\x08" and cp in self.boxes:  # a shape's anchor: its text boxes
            for lines in self.boxes.pop(cp):
                self.builder.text_box(lines)
        elif ch == "\x0c":
            # A section break is its paragraph's mark (its properties' run
            # ends there); a page break inside a paragraph splits it, as
            # LibreOffice does; one at a paragraph's start is no text.
            if self.builder.runs or self.papx.ends_at(piece.fc_of(cp) + piece.width):
                self.mark(piece, cp, cell=False)
        elif ch == "\x13":
            if len(self.fields) >= _MAX_FIELD_DEPTH:
                raise InputTooLargeError(
                    f"Word document nests fields over {_MAX_FIELD_DEPTH} deep (hostile?)"
                )
            self.fields.append(False)
            self.hidden_fields += 1
        elif ch == "\x14":
            if self.fields and not self.fields[-1]:
                self.fields[-1] = True
                self.hidden_fields -= 1
        elif ch == "\x15" and self.fields and not self.fields.pop():
            self.hidden_fields -= 1

    def mark(self, piece: Piece, cp: int, *, cell: bool) -> None:
        """A paragraph, cell or row mark: the paragraph ends, and its
        properties say where it goes."""
        self.count()
        istd, grpprl = self.papx.style_and_props(piece.fc_of(cp))
        para = para_props(grpprl)
        b = self.builder
        b.number = (para.ilfo, para.ilvl, istd)
        level = para.level
        self.level = level
        if cell and level == 0:
            level = 1  # a cell mark outside any table: the cell of a table of its own
        if para.row_end and (cell or level > 1):
            b.number = None
            b.end_row(level, row_def(grpprl))
        elif cell or para.cell_end:
            b.end_cell(level)
        else:
            b.end_paragraph(level)

    def count(self) -> None:
        self.paragraphs += 1
        if self.paragraphs > self.builder.limits.max_paragraphs:
            raise InputTooLargeError(
                f"Word document has over {self.builder.limits.max_paragraphs} paragraphs "
                "(Limits.max_paragraphs); raise the limit if the file is genuine"
            )


def walk(
    word: bytes,
    pieces: list[Piece],
    cps: tuple[int, int],
    chpx: Runs,
    papx: Runs,
    limits: Limits,
    boxes: dict[int, list[list[str]]] | None = None,
) -> DocBuilder:
    """Walk the text of CPs [start, end) (the main text: [0, ccpText)) into
    a builder's w:body; `boxes` are the lines of the text boxes anchored at
    a CP (`shapes`), read where they are anchored."""
    builder = DocBuilder(limits)
    w = _Walk(word, chpx, papx, builder, boxes)
    start, end = cps
    for piece in pieces:
        if piece.start >= end:
            break
        w.piece(piece, start, end)
    builder.end_document(min(w.level, MAX_NESTING))
    return builder

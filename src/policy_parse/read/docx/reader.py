"""Word reader: a .docx as paragraphs and table grids in body order.

python-docx opens the package (after `safety.check_zip` has vetted the bytes);
everything after that walks the lxml elements of the body directly, because
python-docx's per-cell API is slow, returns the same cell object for every grid
position a merge covers, has no accessor for vertical merges, and never renders
automatic numbers.

What the walk produces (docs/formats.md has specimens):

* Body paragraphs -> `Paragraph`, `Span(paragraph=i)` with i the index of the
  w:p among the body's paragraphs (blank ones included in the count, skipped
  in the output), stripped; the tabs or spaces in front of a row of cells
  parted by tabs or runs of spaces stay (they place its first cell under
  its column, as in the .txt copy).  A line break (w:br, w:cr) is "\\n", a tab "\\t"; page and
  column breaks are no text.  Tracked changes are read as accepted:
  deleted text and rows are residue (`docx.revisions`).  Footnotes,
  endnotes and comments are residue at their mark, page headers and
  footers (less their fields) residue of the document (`docx.notes`).
* Automatic numbering (w:numPr on the paragraph or its style) is rendered
  from numbering.xml (`docx.numbering`) and put in front of the paragraph's
  text, as a reader sees it: "1." + "加强…".  The separator Word draws after
  the number (w:suff, a tab by default) is layout, not text, and is not
  added, unless the text opens with a number typed by hand ("1." drawn
  before "1.加强…"): then a space keeps the two apart, and a note says so.
  A paragraph deleted whole in tracked changes takes no number, nor does
  one hidden whole (w:vanish on its mark and runs; a note says so).
  AUTONUM and LISTNUM fields, which keep no number in the file, are
  counted by the reader (`docx.fields`), with a note.  A number
  format the reader cannot draw (w:numFmt custom, ordinalText, ...) is
  drawn as decimal, and a note names it.  Bullets carry no number and add nothing.
* Text boxes (w:txbxContent) are read where they are anchored: their
  paragraphs follow the anchoring paragraph as Paragraphs with its span (in a
  table cell, they are appended to the cell's lines).  A text box drawn twice
  for old Word versions (mc:AlternateContent) is read once.
* Tables -> `Table` of `Row`s with one `Cell` per grid column.  w:gridSpan=n
  gives the cell then n-1 `Cell(text="", merged_left=True)`; a w:vMerge
  continuation gives `Cell(text="", merged_up=True)`; w:tblHeader marks
  `Row(repeat_header=True)`; grid columns a row leaves out (w:gridBefore,
  w:gridAfter) are empty cells.  Cell text is its non-blank lines joined with
  "\\n", each stripped.  Cells go by grid position: a continuation of nothing
  (first row, first column) is an ordinary cell, and a row wider than the
  grid is fitted back to it (padding and span fillers dropped first, text
  cells beyond the grid to residue).  Spans, grids, rows, paragraphs and
  rendered numbers are bounded by `Limits`.
* A table that goes on another with only blank paragraphs between (a
  分工表 split by an Enter), or a 续表 line that becomes residue, is joined
  to it (`docx.joins`), with a note.
* A 分工表 pasted as paragraphs (one per cell, or a row per paragraph with
  tabs) becomes a `Table` rebuilt by the text aligner, as its .txt copy
  would be (`read/text/paragraphs.py`).
* Page numbers (- 3 -, 第3页, a bare 5 inside an annotation) that text
  copied from a PDF into Word keeps as paragraphs become `Residue`, as in
  the text's .txt copy (`read/block_furniture.py`); a bare
  number where a 序号 header stands may be a cell, and stays.
* w:altChunk (HTML/MHT, text or a whole .docx shown in place) becomes a
  `Residue` holding the chunk's text (`docx.chunks`).
* A table that frames the notice or its 分工表 (at most three rows, a table
  in a cell: a border drawn round the table) is read as the body it holds,
  cell after cell.  Any other table nested in a cell is read into that
  cell's text, a row a line, its cells parted by a space (the units of a
  责任单位 cell set one a row), and the note `docx_nested_table` says so.
  Text Word keeps
  in a vertical-merge continuation cell (it is never displayed) becomes a
  `Residue` too.
* Runs Word does not show (w:vanish, white on white: `docx.hidden`) become
  `Residue` at their paragraph or cell with that reason, never text.
"""

from __future__ import annotations

import io
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.exceptions import OpcError
from docx.package import Package

from ...errors import (
    CorruptFileError,
    EmptyDocumentError,
    InputTooLargeError,
    PolicyParseError,
    UnsupportedFormatError,
)
from ...models import Document, Paragraph, ReadNote, Residue, Row, Source, Span, Table
from ..block_furniture import without_page_furniture
from ..limits import Limits
from ..row_gaps import row_kept
from ..safety import PACKAGE_ERRORS, check_zip
from ..text.paragraphs import tables_in_paragraphs
from .chunks import chunk_text
from .fields import FieldNumbers
from .hidden import Looks, is_shaded
from .inline import Inline
from .joins import join_split_table
from .notes import Notes, header_footer_residue
from .numbering import Numbering
from .revisions import deleted_text, is_deleted_paragraph, is_deleted_row, row_reason
from .rows import RowReader, too_wide
from .shapes import CONTINUED, MAX_FRAMES, TYPED_NUMBER
from .shapes import frames as is_frame
from .wordml import W, unwrap
from .wraps import glue_wraps

__all__ = ["read_docx"]

_P = W + "p"
_TBL = W + "tbl"
_TR = W + "tr"
_TC = W + "tc"
_ALT_CHUNK = W + "altChunk"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

_CORRUPT: tuple[type[BaseException], ...] = (*PACKAGE_ERRORS, OpcError)


def read_docx(data: bytes, source: Source, limits: Limits, *, depth: int = 0) -> Document:
    """Read a .docx into a `Document` (module docstring: what becomes what).
    `depth` 1 is a .docx embedded in another (w:altChunk); deeper ones are
    refused so that nesting cannot multiply the zip limits."""
    if depth > 1:
        raise InputTooLargeError(".docx embeds Word documents within embedded documents")
    check_zip(data, limits)
    try:
        part = Package.open(io.BytesIO(data)).main_document_part
        if part.content_type != CT.WML_DOCUMENT_MAIN:
            # python-docx would say so with the repr of our BytesIO.
            raise UnsupportedFormatError(
                f"not a plain Word document: its main part is {part.content_type!r} "
                "(a macro-enabled .docm or a template?); save it as .docx"
            )
        document = part.document
        body = document.element.body
        numbering = Numbering.from_package(data, document, limits)
        looks = Looks(_styles_element(part))
        notes = Notes.from_part(document.part)
        furniture = header_footer_residue(document.part)
    except PolicyParseError:
        raise
    except _CORRUPT as exc:
        raise CorruptFileError(f"not a readable .docx ({type(exc).__name__}: {exc})") from exc
    return body_to_document(
        body,
        source,
        limits,
        numbering=numbering,
        looks=looks,
        part=document.part,
        depth=depth,
        notes=notes,
        residue=tuple(furniture),
    )


def body_to_document(
    body: Any,
    source: Source,
    limits: Limits,
    *,
    numbering: Numbering | None = None,
    looks: Looks | None = None,
    part: Any = None,
    depth: int = 0,
    name: str = ".docx",
    residue: tuple[Residue, ...] = (),
    notes: Notes | None = None,
) -> Document:
    """The `Document` of a w:body: of a .docx, or of what the RTF reader
    builds (`read.rtf`), so that both formats follow one set of rules.
    `name` is the format errors name; `residue` is the caller's own."""
    walker = _Walker(numbering or Numbering.empty(), limits, part, depth, looks, name, notes)
    try:
        walker.body_to_blocks(body)
    except RecursionError as exc:
        # Tables nested in tables as deep as libxml2 allows.
        raise CorruptFileError(f"{name} nests tables too deeply to read") from exc
    if walker.numbering.guessed:
        formats = ", ".join(sorted(walker.numbering.guessed))
        walker.notes.append(ReadNote(note="docx_number_format", fields=(("formats", formats),)))
    for note, count in (
        ("docx_cell_wraps", walker.cell_wraps),
        ("docx_nested_table", walker.nested_tables),
        ("docx_field_number", walker.fields.drawn),
        ("docx_hidden_numbered", walker.hidden_numbers),
        ("docx_typed_number", walker.typed_numbers),
    ):
        if count:
            walker.notes.append(ReadNote(note=note, fields=(("count", str(count)),)))
    if not walker.blocks and not walker.residue and not residue:
        raise EmptyDocumentError(f"the {name} holds no text")
    # Text copied from a PDF into Word keeps its page numbers (and running
    # heads) as paragraphs: residue, as in its .txt copy.
    blocks, furniture = without_page_furniture(walker.blocks)
    # A 分工表 pasted as paragraphs (one per cell) reads as its .txt copy does.
    blocks, left = tables_in_paragraphs(blocks)
    return Document(
        source=source,
        blocks=tuple(blocks),
        residue=(*walker.residue, *residue, *furniture, *left),
        notes=tuple(walker.notes),
    )


# ---------------------------------------------------------------------------
# The body walk


def _styles_element(part: Any) -> Any:
    """styles.xml's root, or None: python-docx would invent default styles."""
    for rel in part.rels.values():
        if not rel.is_external and rel.target_part.content_type == CT.WML_STYLES:
            return rel.target_part.element
    return None


class _Walker(RowReader):
    def __init__(
        self,
        numbering: Numbering,
        limits: Limits,
        part: Any = None,
        depth: int = 0,
        looks: Looks | None = None,
        name: str = ".docx",
        notes: Notes | None = None,
    ) -> None:
        self.name = name  # the format, as errors name it
        self.footnotes = notes  # footnotes, endnotes, comments (docx.notes)
        self.notes: list[ReadNote] = []  # readings chosen, said in the output
        # Blocks when the last table was read: a table read while the count
        # is the same follows it with only blank paragraphs between.
        self.after_table = -1
        # (table, cell) of first-row vertical-merge continuations of nothing.
        self.orphan_merges: set[tuple[int, int]] = set()
        self.numbering = numbering
        self.looks = looks or Looks()
        # Runs no reader sees (docx.hidden), as (reason, text), until the
        # paragraph or cell they sit in files them as residue.
        self.hidden: list[tuple[str, str]] = []
        self.shaded = False  # the cell being read has a coloured fill
        self.limits = limits
        self.depth = depth
        self.part = part  # the document part, to resolve w:altChunk targets
        self.blocks: list[Paragraph | Table] = []
        self.residue: list[Residue] = []
        self.paragraph_index = -1
        self.table_index = -1
        self.paragraphs_seen = 0  # every w:p read, wherever it sits
        self.rows_seen = 0
        self.cell_wraps = 0  # soft breaks in cells read as wraps (docx.wraps)
        self.nested_tables = 0  # tables in cells read into their cell
        self.typed_numbers = 0
        self.hidden_numbers = 0
        self.fields = FieldNumbers()  # numbered paragraphs hidden whole, not counted  # numbered paragraphs whose text starts with a number too

    # -- blocks ---------------------------------------------------------------

    def body_to_blocks(self, body: Any) -> None:
        for child in unwrap(body):
            if child.tag == _P:
                self.paragraph_index += 1
                self.paragraph_to_blocks(child, Span(paragraph=self.paragraph_index))
            elif child.tag == _TBL:
                self.table_to_block(child)
            elif child.tag == _ALT_CHUNK:
                self.alt_chunk_to_residue(child, Span(paragraph=self.paragraph_index + 1))

    def alt_chunk_to_residue(self, el: Any, span: Span) -> None:
        """Word shows an embedded chunk (HTML, another .docx, ...) in place;
        its text is kept as residue, not read into the outline."""
        rid = el.get(_R_ID)
        part = None
        if self.part is not None and rid is not None:
            part = self.part.related_parts.get(rid)
        if part is None:
            return  # an external or missing target: nothing in this file to read
        kind, text = chunk_text(part.content_type, part.blob, self.limits, self.depth, read_docx)
        self.residue.append(
            Residue(
                text=text,
                reason=f"embedded {kind} chunk (w:altChunk), not read as outline",
                span=span,
            )
        )

    def paragraph_to_blocks(self, p: Any, span: Span) -> None:
        boxes: list[Any] = []
        text = row_kept(self.paragraph_text(p, boxes))
        if text and self.after_table == len(self.blocks) and CONTINUED.match(text):
            # 续表 right under a table: a marker, and the table may go on.
            reason = "table continuation marker (续表)"
            self.residue.append(Residue(text=text, reason=reason, span=span))
        elif text:
            self.blocks.append(Paragraph(text=text, span=span))
        self.hidden_to_residue(span)
        for box in boxes:
            for child in unwrap(box):
                if child.tag == _P:
                    self.paragraph_to_blocks(child, span)
                elif child.tag == _TBL:
                    self.table_to_block(child)

    def hidden_to_residue(self, span: Span) -> None:
        """File the hidden runs read so far, one residue per reason."""
        by_reason: dict[str, list[str]] = {}
        for reason, text in self.hidden:
            by_reason.setdefault(reason, []).append(text)
        self.hidden = []
        for reason, texts in by_reason.items():
            text = "".join(texts).strip()
            if text:
                self.residue.append(Residue(text=text, reason=reason, span=span))

    def table_to_block(self, tbl: Any, frames: int = 0) -> None:
        if frames < MAX_FRAMES and is_frame(tbl):
            self.frame_to_blocks(tbl, frames + 1)
            return
        self.table_index += 1
        t = self.table_index
        grid = tbl.find(W + "tblGrid")
        width = len(grid.findall(W + "gridCol")) if grid is not None else 0
        if width > self.limits.max_grid_columns:
            raise too_wide(f"{self.name} table {t} declares {width} grid columns", self.limits)
        rows: list[Row] = []
        for tr in (child for child in unwrap(tbl) if child.tag == _TR):
            self.count_row()
            if is_deleted_row(tr):
                self.deleted_row_to_residue(tr, t)
                continue
            rows.append(self.row_to_row(tr, t, len(rows), width, rows[-1] if rows else None))
        if rows:
            table = Table(rows=tuple(rows), span=Span(table=t))
            previous = self.blocks[-1] if self.blocks else None
            if isinstance(previous, Table) and self.after_table == len(self.blocks):
                joined = join_split_table(previous, table, self.orphan_merges)
                if joined is not None:
                    self.blocks[-1] = joined
                    self.notes.append(
                        ReadNote(note="docx_table_joined", fields=(("rows", str(len(rows))),))
                    )
                    return
            self.blocks.append(table)
            self.after_table = len(self.blocks)

    def deleted_row_to_residue(self, tr: Any, t: int) -> None:
        """A row deleted with tracks on (docx.revisions): its text as residue."""
        text = "\t".join(deleted_text(tc) for tc in unwrap(tr) if tc.tag == _TC).strip()
        if text:
            self.residue.append(Residue(text=text, reason=row_reason(t), span=Span(table=t)))

    def frame_to_blocks(self, tbl: Any, frames: int) -> None:
        """A table that frames the notice (`_frames`) is read as the body it
        holds: its paragraphs and tables, cell after cell."""
        for tr in unwrap(tbl):
            if tr.tag != _TR:
                continue
            self.count_row()
            for tc in unwrap(tr):
                if tc.tag != _TC:
                    continue
                for child in unwrap(tc):
                    if child.tag == _P:
                        self.paragraph_index += 1
                        self.paragraph_to_blocks(child, Span(paragraph=self.paragraph_index))
                    elif child.tag == _TBL:
                        self.table_to_block(child, frames)
                    elif child.tag == _ALT_CHUNK:
                        span = Span(paragraph=self.paragraph_index + 1)
                        self.alt_chunk_to_residue(child, span)

    def count_row(self) -> None:
        self.rows_seen += 1
        if self.rows_seen > self.limits.max_rows:
            raise InputTooLargeError(
                f"{self.name} has over {self.limits.max_rows} table rows "
                "(Limits.max_rows); raise the limit if the file is genuine"
            )

    def cell_text(self, tc: Any, t: int, r: int, c: int) -> str:
        lines: list[str] = []
        outer, self.shaded = self.shaded, self.shaded or is_shaded(tc.find(W + "tcPr"))
        try:
            self.cell_lines(tc, t, r, c, lines)
        finally:
            self.shaded = outer
        self.hidden_to_residue(Span(table=t, row=r, cell=c))
        return "\n".join(lines)

    def cell_lines(self, tc: Any, t: int, r: int, c: int, lines: list[str]) -> None:

        def add(p: Any) -> None:
            boxes: list[Any] = []
            pieces, glued = glue_wraps(self.paragraph_text(p, boxes).split("\n"))
            lines.extend(pieces)
            self.cell_wraps += glued
            for box in boxes:
                for child in unwrap(box):
                    if child.tag == _P:
                        add(child)

        for child in unwrap(tc):
            if child.tag == _P:
                add(child)
            elif child.tag == _ALT_CHUNK:
                self.alt_chunk_to_residue(child, Span(table=t, row=r, cell=c))
            elif child.tag == _TBL:
                # A little table in a cell (the units of a 责任单位 cell, one
                # a row): its text is the cell's, a row a line (a note says so).
                nested = self.nested_table_text(child, t, r, c)
                if nested:
                    lines.extend(nested.split("\n"))
                    self.nested_tables += 1

    def nested_table_text(self, tbl: Any, t: int, r: int, c: int) -> str:
        rows = []
        for tr in unwrap(tbl):
            if tr.tag != _TR:
                continue
            self.count_row()
            cells = []
            for tc in unwrap(tr):
                if tc.tag == _TC:
                    # A table nested deeper still is read into its cell alike.
                    cells.append(self.cell_text(tc, t, r, c).replace("\n", " "))
            if any(cells):
                rows.append(" ".join(cell for cell in cells if cell))
        return "\n".join(rows)

    # -- paragraph text -----------------------------------------------------

    def paragraph_text(self, p: Any, boxes: list[Any]) -> str:
        """The paragraph's visible text, its automatic number in front; text
        boxes anchored in it are collected in `boxes`, not read here."""
        self.paragraphs_seen += 1
        if self.paragraphs_seen > self.limits.max_paragraphs:
            raise InputTooLargeError(
                f"{self.name} has over {self.limits.max_paragraphs} paragraphs "
                "(Limits.max_paragraphs); raise the limit if the file is genuine"
            )
        parts: list[str] = []
        inline = Inline(self.looks, p, self.shaded, self.hidden, self.footnotes, self.fields)
        inline.read(p, parts, boxes)
        text = "".join(parts)
        if is_deleted_paragraph(p, text):
            return ""  # gone once the changes are accepted: Word counts it no more
        if not text.strip() and self.looks.mark_hidden(p) and self.numbering.numbered(p):
            # Hidden whole: no bare number, and not counted (a guess, said).
            self.hidden_numbers += 1
            return ""
        label, gap = self.numbering.label_and_gap(p)
        if label and gap and TYPED_NUMBER.match(text):
            # Numbered by Word and by hand ("1." drawn, "1.推行…" typed): Word
            # draws its gap between the two; glued, they would read as 1.1.
            self.typed_numbers += 1
            return f"{label} {text}"
        return label + text

"""Frozen records shared by every stage: the vocabulary of policy_parse.

Two layers live here.  The *document* layer (`Document`, `Paragraph`, `Table`,
`Row`, `Cell`) is what every reader produces, whatever the file format.  The
*notice* layer (`Notice`, `Measure`, `TableEntry`, `Unit`, `Discrepancy`, ...)
is what the later stages build from it.  Every normalised value keeps what was
written beside it, and every piece keeps a `Span` saying where it came from.
"""

from __future__ import annotations

import enum

import attrs

from ._support import attrs_code
from ._support.lazy_regex import lazy_compile

# Every attrs class of the package is built after this module is imported:
# their generated methods come compiled from the cache (_support/attrs_code.py).
attrs_code.install()

# ---------------------------------------------------------------------------
# Provenance


@attrs.frozen(kw_only=True)
class Span:
    """Where a piece of text came from.

    Text files fill the line numbers (1-based, inclusive); Word files the
    paragraph / table / row / cell indices (0-based, body order); PDF files the
    page (1-based) and bounding box in points.  Unused fields stay None.
    """

    start_line: int | None = None
    end_line: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    page: int | None = None
    end_page: int | None = None
    bbox: tuple[float, float, float, float] | None = None

    def cover(self, other: Span) -> Span:
        """The smallest span holding both: used when lines are joined."""

        def lo(a: int | None, b: int | None) -> int | None:
            return b if a is None else a if b is None else min(a, b)

        def hi(a: int | None, b: int | None) -> int | None:
            return b if a is None else a if b is None else max(a, b)

        bbox = self.bbox
        if self.bbox and other.bbox and self.page == other.page:
            bbox = (
                min(self.bbox[0], other.bbox[0]),
                min(self.bbox[1], other.bbox[1]),
                max(self.bbox[2], other.bbox[2]),
                max(self.bbox[3], other.bbox[3]),
            )
        return Span(
            start_line=lo(self.start_line, other.start_line),
            end_line=hi(self.end_line, other.end_line),
            paragraph=lo(self.paragraph, other.paragraph),
            table=lo(self.table, other.table),
            row=lo(self.row, other.row),
            cell=self.cell if self.cell == other.cell else None,
            page=lo(self.page, other.page),
            end_page=hi(self.end_page or self.page, other.end_page or other.page),
            bbox=bbox,
        )


# ---------------------------------------------------------------------------
# Document layer: what readers produce


@attrs.frozen(kw_only=True)
class Paragraph:
    """One line of prose (txt line, Word paragraph, PDF text line)."""

    text: str
    span: Span


@attrs.frozen(kw_only=True)
class Cell:
    """One table cell, one per grid column.

    A merge continuation carries no text of its own: `merged_up` marks a
    vertical merge (Word's w:vMerge without "restart"; a PDF region drawn once
    over several rows), whose value is the cell's above; `merged_left` marks a
    grid column covered by the cell to its left (w:gridSpan).
    """

    text: str
    span: Span
    merged_up: bool = False
    merged_left: bool = False


@attrs.frozen(kw_only=True)
class Row:
    """One table row; `repeat_header` is set when the source marks the row as a
    header repeated on every page (Word's w:tblHeader)."""

    cells: tuple[Cell, ...]
    span: Span
    repeat_header: bool = False


@attrs.frozen(kw_only=True)
class Alignment:
    """How a table flattened to text was rebuilt (read/text/align.py): the
    winning alignment's cost and the runner-up's (the cheapest reading that
    places some cell otherwise; None when there is none), the first line of
    every row the runner-up nearly ties, the role the reader gave each
    column (``number`` for a 序号 column the header does not write), and
    where it read a cut inside a units cell as the break between two names."""

    cost: float
    runner_up: float | None
    doubtful: tuple[int, ...] = ()
    roles: tuple[str | None, ...] = ()
    # Two names of a units cell met at a cut at the wrap width with no space
    # kept (区统计局 / 区财政局), read as two: (line, name before, name after).
    apart: tuple[tuple[int, str, str], ...] = ()


@attrs.frozen(kw_only=True)
class Table:
    rows: tuple[Row, ...]
    span: Span
    alignment: Alignment | None = None


Block = Paragraph | Table


class Format(str, enum.Enum):
    TXT = "txt"
    DOCX = "docx"
    PDF = "pdf"
    HTML = "html"
    DOC = "doc"  # legacy Word / Kingsoft WPS (OLE compound file), read through LibreOffice
    RTF = "rtf"  # read through LibreOffice
    XLSX = "xlsx"
    XLS = "xls"  # legacy Excel (OLE compound file), read through LibreOffice
    OFD = "ofd"  # GB/T 33190; detected, not yet read


@attrs.frozen(kw_only=True)
class Source:
    path: str | None
    format: Format
    sha256: str
    # The OCR engine and its version when pages were read from their image
    # (read.ocr), with the pages it read; None when every page had text.
    ocr: str | None = None


@attrs.frozen(kw_only=True)
class Residue:
    """Text that belongs to no record, kept with the reason it was set aside."""

    text: str
    reason: str
    span: Span


@attrs.frozen(kw_only=True)
class ReadNote:
    """A reading the reader chose where the file allows another, to be said
    in the output: the key of its message (data/messages.toml [note]) and
    the values that fill it.  The pipeline makes each an info finding."""

    note: str
    fields: tuple[tuple[str, str], ...] = ()


@attrs.frozen(kw_only=True)
class Document:
    """The intermediate form every reader returns: blocks in reading order."""

    source: Source
    blocks: tuple[Block, ...]
    residue: tuple[Residue, ...] = ()
    notes: tuple[ReadNote, ...] = ()

    def texts(self) -> list[str]:
        """Every text the reader found, in order: paragraphs, each table
        cell, then the reader's residue."""
        out: list[str] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                out.append(block.text)
            else:
                out.extend(c.text for r in block.rows for c in r.cells)
        out.extend(r.text for r in self.residue)
        return out


# ---------------------------------------------------------------------------
# Notice layer: what segmenting and normalising produce

_NO_RE = lazy_compile(r"^\d+(?:-\d+)*$")
# Real measure numbers have one to three digits; Python refuses int() of
# more than 4300 with a bare ValueError, long before that is useful.
MAX_NUMBER_DIGITS = 18


def _number_part(part: str, whole: str) -> int:
    if len(part) > MAX_NUMBER_DIGITS:
        from .errors import NumberTooLongError

        raise NumberTooLongError(
            f"measure number {whole[:20]}… has {len(part)} digits, over the "
            f"{MAX_NUMBER_DIGITS} a number may have: not a measure number (damaged input?)"
        )
    return int(part)


@attrs.frozen(order=True)
class MeasureNo:
    """A measure number such as 36 or 36-1, compared and sorted as numbers."""

    parts: tuple[int, ...]

    @classmethod
    def parse(cls, text: str) -> MeasureNo:
        text = text.strip()
        if not _NO_RE.match(text):
            raise ValueError(f"not a measure number: {text!r}")
        return cls(tuple(_number_part(p, text) for p in text.split("-")))

    def __str__(self) -> str:
        return "-".join(str(p) for p in self.parts)

    @property
    def main(self) -> int:
        return self.parts[0]

    def sub(self, index: int) -> MeasureNo:
        return MeasureNo((*self.parts, index))


class UnitStatus(str, enum.Enum):
    AS_WRITTEN = "as-written"  # the written form is the canonical one
    RESOLVED = "resolved"  # an abbreviation resolved to one full name
    AMBIGUOUS = "ambiguous"  # an abbreviation that fits several full names
    EXPANDED = "expanded"  # a shared suffix added to the written item (北辰 → 北辰区政府)


class Evidence(str, enum.Enum):
    """How a measure's units were found: what a reader should check them against.

    Only `guessed` is a guess; it always comes with a `structure` finding
    naming the measure.
    """

    ANNOTATION = "annotation"  # its own annotation names the units and who leads
    CONVENTION = "convention"  # the lead is the first unit listed, as the notice states
    SECTION = "section"  # the lead is the one its heading names for its items (一、X牵头工作)
    TABLE = "table"  # its 分工表 row (a notice with no prose list)
    GUESSED = "guessed"  # the lead taken as a combined column's first unit, unstated
    NONE = "none"  # no unit is named for it


@attrs.frozen(kw_only=True)
class Unit:
    """A department as written and as normalised.

    `written` is the text in the notice (after trimming); `expanded` adds a
    shared suffix the writer left implicit (北辰、南开、武清区政府); `name` is the
    canonical full name, or `expanded` when the unit is ambiguous.
    """

    name: str
    written: str
    expanded: str
    status: UnitStatus = UnitStatus.AS_WRITTEN
    candidates: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Deadline:
    written: str
    kind: str  # ongoing | date | year | recurring | unknown
    value: str | None = None


@attrs.frozen(kw_only=True)
class Section:
    number: str
    written: str
    title: str


@attrs.frozen(kw_only=True)
class Part:
    """A part of the outline.  Sections of a notice without parts sit in one
    implicit part whose number and title are None."""

    number: str | None
    written: str
    title: str | None
    sections: tuple[Section, ...] = ()


@attrs.frozen(kw_only=True)
class Header:
    """版头 and 主体 of the notice, plus the plan's own title and preamble."""

    issuer: str | None = None
    doc_number: str | None = None
    title: str | None = None
    recipients: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()
    signature: tuple[str, ...] = ()
    date: str | None = None
    date_written: str | None = None
    note: str | None = None
    attachment_mark: str | None = None  # the 附件 line that opens the plan
    plan_title: str | None = None
    preamble: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Measure:
    """One measure of the prose list.

    `id` is the number, unless numbering restarts in each section; then it is
    "<section>/<number>" (3/4: measure 4 of section 3), unique in the notice.

    `origin` is "table" when the notice has no prose list and the measure is
    a view of a 分工表 row (so `notice.measures` says what the JSON says); its
    `id` and `number` are then None for a row with no 序号.
    """

    id: str | None
    number: MeasureNo | None
    written_number: str
    part: str | None
    section: str | None
    text: str
    lead: tuple[Unit, ...]
    support: tuple[Unit, ...]
    annotation: str | None
    deadline: Deadline | None = None
    leaders: tuple[str, ...] = ()  # persons and positions (责任领导 …), as written
    span: Span
    origin: str = "prose"  # prose | table
    evidence: Evidence = Evidence.NONE


@attrs.frozen(kw_only=True)
class TableEntry:
    """One body row of the 分工表, with merged cells filled in.

    `row` counts body rows from 1 (header rows and repeats not counted).
    `number_inferred` is set when the row had no 序号 of its own and its
    number was derived from the row above (a measure's second sub-row).
    `inherited` names the columns whose value is a copy from above (a merged
    cell, or a group title row): what the row shows but did not write.
    `unmarked` names those of them, and the empty cells left empty, that no
    merge mark backs (a table copied as text): a copy there is a guess.
    """

    id: str | None
    row: int
    number: MeasureNo | None
    written_number: str
    number_inferred: bool
    part: str | None
    section: str | None
    part_written: str | None = None
    section_written: str | None = None
    national_task: str | None
    text: str
    deadline: Deadline | None
    upper_units: tuple[Unit, ...]
    lead: tuple[Unit, ...]
    support: tuple[Unit, ...]
    leaders: tuple[str, ...] = ()  # a 责任领导 / 分管领导 column: persons, never units
    extra: tuple[tuple[str, str], ...]
    inherited: tuple[str, ...] = ()
    unmarked: tuple[str, ...] = ()
    span: Span


_RANK = {"error": 3, "warning": 2, "info": 1}


class Severity(str, enum.Enum):
    """How grave a finding is.  Compares by gravity, not alphabetically (a
    `str` enum would sort "error" < "info" < "warning"): `max()` of a notice's
    severities is ERROR when there is one, and `>= WARNING` keeps warnings and
    errors.  A plain string compares as the severity it names."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self.value]

    def _other(self, other: object) -> int | None:
        if isinstance(other, Severity):
            return other.rank
        if isinstance(other, str):
            return Severity(other).rank  # an unknown name raises ValueError
        return None

    def __lt__(self, other: object) -> bool:
        r = self._other(other)
        return NotImplemented if r is None else self.rank < r

    def __le__(self, other: object) -> bool:
        r = self._other(other)
        return NotImplemented if r is None else self.rank <= r

    def __gt__(self, other: object) -> bool:
        r = self._other(other)
        return NotImplemented if r is None else self.rank > r

    def __ge__(self, other: object) -> bool:
        r = self._other(other)
        return NotImplemented if r is None else self.rank >= r


class Kind(str, enum.Enum):
    TEXT_MISMATCH = "text-mismatch"
    DUPLICATE_TEXT = "duplicate-text"
    LEAD_MISMATCH = "lead-mismatch"
    UNITS_MISMATCH = "units-mismatch"
    ALIAS = "alias"
    MISSING_IN_TABLE = "missing-in-table"
    MISSING_IN_PROSE = "missing-in-prose"
    NUMBERING = "numbering"
    REPEATED_TERM = "repeated-term"
    DEADLINE_MISMATCH = "deadline-mismatch"
    PLACEMENT_MISMATCH = "placement-mismatch"
    STRUCTURE = "structure"  # the parser had to guess the notice's structure


Value = str | tuple[str, ...] | None


@attrs.frozen(kw_only=True)
class Discrepancy:
    """One finding.  `message` is the English sentence; `note` and `fields`,
    where set, name the catalogue entry (data/messages.toml) and the values
    that render it in any language when the kind alone does not say enough
    (a `structure` guess has several causes)."""

    kind: Kind
    severity: Severity
    measure: str | None
    prose: Value
    table: Value
    message: str
    note: str | None = None
    fields: tuple[tuple[str, str], ...] = ()


@attrs.frozen(kw_only=True)
class Notice:
    """Everything policy_parse knows about one notice."""

    source: Source
    header: Header
    parts: tuple[Part, ...]
    parts_from_table: bool = False  # no prose outline: parts read off the table's columns
    measures: tuple[Measure, ...]
    table: tuple[TableEntry, ...]
    table_header: tuple[str, ...]
    table_header_repeats: int = 0
    # How a table flattened to text was rebuilt (cost, runner-up, doubtful rows).
    table_alignment: Alignment | None = None
    table_caption: str | None
    residue: tuple[Residue, ...]
    discrepancies: tuple[Discrepancy, ...] = ()

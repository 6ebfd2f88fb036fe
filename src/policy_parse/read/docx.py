"""Word reader: a .docx as paragraphs and table grids in body order.

python-docx opens the package (after `safety.check_zip` has vetted the bytes);
everything after that walks the lxml elements of the body directly, because
python-docx's per-cell API is slow, returns the same cell object for every grid
position a merge covers, has no accessor for vertical merges, and never renders
automatic numbers.

What the walk produces (docs/formats.md has specimens):

* Body paragraphs -> `Paragraph`, `Span(paragraph=i)` with i the index of the
  w:p among the body's paragraphs (blank ones included in the count, skipped
  in the output).  A line break (w:br, w:cr) is "\\n", a tab "\\t"; page and
  column breaks are no text.  Deleted text (tracked changes) is not read.
* Automatic numbering (w:numPr on the paragraph or its style) is rendered from
  numbering.xml and put in front of the paragraph's text, as a reader sees it:
  "1." + "加强…".  The separator Word draws after the number (w:suff, a tab
  by default) is layout, not text, and is not added.  Bullets carry no number
  and add nothing.
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
* w:altChunk (HTML/MHT, text or a whole .docx shown in place) becomes a
  `Residue` holding the chunk's text.
* Nested tables are not flattened into the cell (their grid would be lost in
  a string): each becomes a `Residue` with reason "nested table in table t,
  row r, cell c", rows on lines and cells separated by tabs.  Text Word keeps
  in a vertical-merge continuation cell (it is never displayed) becomes a
  `Residue` too.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

import attrs
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import OpcError
from docx.package import Package
from lxml import etree

from ..errors import (
    CorruptFileError,
    EmptyDocumentError,
    InputTooLargeError,
    PolicyParseError,
    UnsupportedFormatError,
)
from ..models import Cell, Document, Paragraph, Residue, Row, Source, Span, Table
from .limits import Limits
from .safety import PACKAGE_ERRORS, check_zip, parse_xml

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

_P = _W + "p"
_R = _W + "r"
_T = _W + "t"
_TAB = _W + "tab"
_PTAB = _W + "ptab"
_BR = _W + "br"
_CR = _W + "cr"
_NBH = _W + "noBreakHyphen"
_TBL = _W + "tbl"
_TR = _W + "tr"
_TC = _W + "tc"
_SDT = _W + "sdt"
_SDT_CONTENT = _W + "sdtContent"
_CUSTOM_XML = _W + "customXml"
_TXBX = _W + "txbxContent"
_FALLBACK = _MC + "Fallback"
_VAL = _W + "val"
_ALT_CHUNK = _W + "altChunk"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

# Inline containers whose runs are part of the paragraph's text.
_INLINE_CONTAINERS = frozenset(
    _W + tag
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
_ANCHORS = frozenset((_W + "drawing", _W + "pict", _W + "object", _MC + "AlternateContent"))
# Elements that only wrap block-level or row/cell-level content.
_WRAPPERS = frozenset((_SDT, _SDT_CONTENT, _CUSTOM_XML))

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
        numbering = _Numbering.from_package(data, document, limits)
    except PolicyParseError:
        raise
    except _CORRUPT as exc:
        raise CorruptFileError(f"not a readable .docx ({type(exc).__name__}: {exc})") from exc
    walker = _Walker(numbering, limits, document.part, depth)
    try:
        walker.body_to_blocks(body)
    except RecursionError as exc:
        # Tables nested in tables as deep as libxml2 allows.
        raise CorruptFileError(".docx nests tables too deeply to read") from exc
    if not walker.blocks and not walker.residue:
        raise EmptyDocumentError("the .docx holds no text")
    return Document(source=source, blocks=tuple(walker.blocks), residue=tuple(walker.residue))


# ---------------------------------------------------------------------------
# The body walk


def _unwrap(parent: Any) -> Iterator[Any]:
    """Children of `parent`, looking through content controls and custom XML."""
    for child in parent:
        if child.tag in _WRAPPERS:
            yield from _unwrap(child)
        else:
            yield child


class _Walker:
    def __init__(
        self, numbering: _Numbering, limits: Limits, part: Any = None, depth: int = 0
    ) -> None:
        self.numbering = numbering
        self.limits = limits
        self.depth = depth
        self.part = part  # the document part, to resolve w:altChunk targets
        self.blocks: list[Paragraph | Table] = []
        self.residue: list[Residue] = []
        self.paragraph_index = -1
        self.table_index = -1
        self.paragraphs_seen = 0  # every w:p read, wherever it sits
        self.rows_seen = 0

    # -- blocks ---------------------------------------------------------------

    def body_to_blocks(self, body: Any) -> None:
        for child in _unwrap(body):
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
        kind, text = chunk_text(part.content_type, part.blob, self.limits, self.depth)
        self.residue.append(
            Residue(
                text=text,
                reason=f"embedded {kind} chunk (w:altChunk), not read as outline",
                span=span,
            )
        )

    def paragraph_to_blocks(self, p: Any, span: Span) -> None:
        boxes: list[Any] = []
        text = self.paragraph_text(p, boxes).strip()
        if text:
            self.blocks.append(Paragraph(text=text, span=span))
        for box in boxes:
            for child in _unwrap(box):
                if child.tag == _P:
                    self.paragraph_to_blocks(child, span)
                elif child.tag == _TBL:
                    self.table_to_block(child)

    def table_to_block(self, tbl: Any) -> None:
        self.table_index += 1
        t = self.table_index
        grid = tbl.find(_W + "tblGrid")
        width = len(grid.findall(_W + "gridCol")) if grid is not None else 0
        if width > self.limits.max_grid_columns:
            raise _too_wide(f"table {t} declares {width} grid columns", self.limits)
        rows: list[Row] = []
        for r, tr in enumerate(child for child in _unwrap(tbl) if child.tag == _TR):
            self.count_row()
            rows.append(self.row_to_row(tr, t, r, width, rows[-1] if rows else None))
        if rows:
            self.blocks.append(Table(rows=tuple(rows), span=Span(table=t)))

    def count_row(self) -> None:
        self.rows_seen += 1
        if self.rows_seen > self.limits.max_rows:
            raise InputTooLargeError(
                f".docx has over {self.limits.max_rows} table rows "
                "(Limits.max_rows); raise the limit if the file is genuine"
            )

    def span_of(self, el: Any, what: str, t: int, r: int) -> int:
        n = _int_val(el, 0)
        if n > self.limits.max_cell_span:
            raise InputTooLargeError(
                f".docx table {t}, row {r}: {what}={n} is over the {self.limits.max_cell_span}"
                "-column limit (Limits.max_cell_span); Word never writes more than 63"
            )
        return n

    def row_to_row(self, tr: Any, t: int, r: int, width: int, above: Row | None) -> Row:
        """Cells by grid position: w:gridBefore/w:gridSpan/w:gridAfter place
        them, a merge continuation with nothing above or to its left is an
        ordinary cell, and a row wider than the grid is fitted back to it."""
        cells: list[Cell] = []
        padding: set[int] = set()  # positions only w:gridBefore/w:gridAfter fill
        repeat = False
        after = 0
        trpr = tr.find(_W + "trPr")
        if trpr is not None:
            repeat = _on(trpr.find(_W + "tblHeader"))
            for _ in range(self.span_of(trpr.find(_W + "gridBefore"), "w:gridBefore", t, r)):
                padding.add(len(cells))
                cells.append(Cell(text="", span=Span(table=t, row=r, cell=len(cells))))
            after = self.span_of(trpr.find(_W + "gridAfter"), "w:gridAfter", t, r)
        for tc in _unwrap(tr):
            if tc.tag != _TC:
                continue
            c = len(cells)
            span = Span(table=t, row=r, cell=c)
            tcpr = tc.find(_W + "tcPr")
            n = 1
            merged_up = merged_left = False
            if tcpr is not None:
                n = max(1, self.span_of(tcpr.find(_W + "gridSpan"), "w:gridSpan", t, r))
                vmerge = tcpr.find(_W + "vMerge")
                merged_up = vmerge is not None and vmerge.get(_VAL) != "restart"
                hmerge = tcpr.find(_W + "hMerge")  # legacy horizontal merge
                merged_left = hmerge is not None and hmerge.get(_VAL) != "restart"
            # A continuation of nothing (first row, first column, or past the
            # end of a shorter row above) is read as the cell it looks like:
            # a header row made only of continuations is still the header.
            if merged_up and (above is None or c >= len(above.cells)):
                merged_up = False
            if merged_left and c == 0:
                merged_left = False
            text = self.cell_text(tc, t, r, c)
            if merged_up or merged_left:
                if text:
                    # Word never displays a continuation cell's own text.
                    self.residue.append(
                        Residue(
                            text=text,
                            reason=f"text in a merged continuation cell (table {t}, row {r}, cell {c})",
                            span=span,
                        )
                    )
                cells.append(Cell(text="", span=span, merged_up=merged_up, merged_left=merged_left))
            else:
                cells.append(Cell(text=text, span=span))
            for _ in range(n - 1):
                cells.append(
                    Cell(text="", span=Span(table=t, row=r, cell=len(cells)), merged_left=True)
                )
            if len(cells) > self.limits.max_grid_columns:
                raise _too_wide(f"table {t}, row {r} has over {len(cells)} cells", self.limits)
        for _ in range(after):
            padding.add(len(cells))
            cells.append(Cell(text="", span=Span(table=t, row=r, cell=len(cells))))
        if width and len(cells) > width:
            cells = self.fit_to_grid(cells, padding, width, t, r)
        # Grid columns the row leaves out (a short row).
        while len(cells) < width:
            cells.append(Cell(text="", span=Span(table=t, row=r, cell=len(cells))))
        return Row(cells=tuple(cells), span=Span(table=t, row=r), repeat_header=repeat)

    def fit_to_grid(
        self, cells: list[Cell], padding: set[int], width: int, t: int, r: int
    ) -> list[Cell]:
        """A row claiming more grid columns than the table has: drop what
        carries no text (grid padding, then span fillers from the right);
        cells that still overflow go to residue, as they cannot be aligned."""
        excess = len(cells) - width
        keep = [True] * len(cells)
        for i in sorted(padding):
            if excess and keep[i]:
                keep[i], excess = False, excess - 1
        for i in range(len(cells) - 1, -1, -1):
            if excess and cells[i].merged_left and not cells[i].text:
                keep[i], excess = False, excess - 1
        fitted = [c for c, k in zip(cells, keep, strict=True) if k]
        for c in fitted[width:]:
            if c.text:
                self.residue.append(
                    Residue(
                        text=c.text,
                        reason=(
                            f"cell beyond the table grid (table {t}, row {r}: "
                            f"{len(fitted)} cells for {width} grid columns), not aligned"
                        ),
                        span=c.span,
                    )
                )
        return [
            attrs.evolve(c, span=Span(table=t, row=r, cell=i)) for i, c in enumerate(fitted[:width])
        ]

    def cell_text(self, tc: Any, t: int, r: int, c: int) -> str:
        lines: list[str] = []

        def add(p: Any) -> None:
            boxes: list[Any] = []
            for line in self.paragraph_text(p, boxes).split("\n"):
                line = line.strip()
                if line:
                    lines.append(line)
            for box in boxes:
                for child in _unwrap(box):
                    if child.tag == _P:
                        add(child)

        for child in _unwrap(tc):
            if child.tag == _P:
                add(child)
            elif child.tag == _ALT_CHUNK:
                self.alt_chunk_to_residue(child, Span(table=t, row=r, cell=c))
            elif child.tag == _TBL:
                text = self.nested_table_text(child, t, r, c)
                if text:
                    self.residue.append(
                        Residue(
                            text=text,
                            reason=f"nested table in table {t}, row {r}, cell {c}",
                            span=Span(table=t, row=r, cell=c),
                        )
                    )
        return "\n".join(lines)

    def nested_table_text(self, tbl: Any, t: int, r: int, c: int) -> str:
        rows = []
        for tr in _unwrap(tbl):
            if tr.tag != _TR:
                continue
            self.count_row()
            cells = []
            for tc in _unwrap(tr):
                if tc.tag == _TC:
                    # A table nested deeper still becomes residue of its own,
                    # located at the outermost cell.
                    cells.append(self.cell_text(tc, t, r, c).replace("\n", " "))
            if any(cells):
                rows.append("\t".join(cells))
        return "\n".join(rows)

    # -- paragraph text -----------------------------------------------------

    def paragraph_text(self, p: Any, boxes: list[Any]) -> str:
        """The paragraph's visible text, its automatic number in front; text
        boxes anchored in it are collected in `boxes`, not read here."""
        self.paragraphs_seen += 1
        if self.paragraphs_seen > self.limits.max_paragraphs:
            raise InputTooLargeError(
                f".docx has over {self.limits.max_paragraphs} paragraphs "
                "(Limits.max_paragraphs); raise the limit if the file is genuine"
            )
        parts: list[str] = []
        label = self.numbering.label(p)
        if label:
            parts.append(label)
        _inline_text(p, parts, boxes)
        return "".join(parts)


def _too_wide(what: str, limits: Limits) -> InputTooLargeError:
    return InputTooLargeError(
        f".docx {what}, over the {limits.max_grid_columns}-column limit "
        "(Limits.max_grid_columns); Word never writes more than 63"
    )


_HTML_BLOCKS = frozenset(
    ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section")
)
_HTML_TYPES = ("text/html", "application/xhtml+xml", "message/rfc822", "multipart/related")


def chunk_text(content_type: str, blob: bytes, limits: Limits, depth: int) -> tuple[str, str]:
    """The kind and visible text of a w:altChunk target part."""
    if content_type.endswith("wordprocessingml.document"):  # a whole .docx file
        return "Word", _docx_chunk_text(blob, limits, depth + 1)
    if content_type.startswith("text/plain"):
        from .txt import decode

        return "text", decode(blob)
    if any(content_type.startswith(t) for t in _HTML_TYPES):
        return "HTML", _html_text(blob)
    return f"{content_type!r}", ""


def _docx_chunk_text(blob: bytes, limits: Limits, depth: int) -> str:
    """A whole .docx inside the package (Word's "insert object from file")."""
    from ..models import Format

    try:
        inner = read_docx(
            blob, Source(path=None, format=Format.DOCX, sha256=""), limits, depth=depth
        )
    except EmptyDocumentError:
        return ""
    return "\n".join(inner.texts())


def _html_text(blob: bytes) -> str:
    """Text of an HTML chunk, also when wrapped in MIME (.mht), never fetching
    anything it links to."""
    import email
    from email.message import Message

    if blob.lstrip()[:5].lower() not in (b"<html", b"<!doc", b"<?xml", b"<body", b"<head"):
        msg = email.message_from_bytes(blob)
        for sub in msg.walk() if msg.is_multipart() else [msg]:
            assert isinstance(sub, Message)
            if sub.get_content_type() == "text/html":
                payload = sub.get_payload(decode=True)
                if isinstance(payload, bytes):
                    blob = payload
                    break
    from .txt import decode

    try:
        markup = decode(blob)  # UTF-8 or GB18030, as text files
    except PolicyParseError:
        markup = blob.decode("utf-8", "replace")  # residue only: U+FFFD shows the damage
    parser = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(markup, parser)
    except (etree.LxmlError, ValueError):
        root = None
    if root is None:
        return markup
    for el in root.iter():
        if el.tag in ("script", "style"):
            el.text = None
        elif el.tag in _HTML_BLOCKS:  # a block ends a line, as a browser shows it
            el.tail = "\n" + (el.tail or "")
        elif el.tag in ("td", "th"):
            el.tail = "\t" + (el.tail or "")
    text = str(etree.tostring(root, method="text", encoding="unicode"))
    lines = (line.strip().strip("\t") for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _inline_text(parent: Any, parts: list[str], boxes: list[Any]) -> None:
    for el in parent:
        tag = el.tag
        if tag == _R:
            for c in el:
                ctag = c.tag
                if ctag == _T:
                    if c.text:
                        parts.append(c.text)
                elif ctag == _TAB or ctag == _PTAB:
                    parts.append("\t")
                elif ctag == _BR:
                    # Page and column breaks are layout; a plain break is a line.
                    if c.get(_W + "type") in (None, "textWrapping"):
                        parts.append("\n")
                elif ctag == _CR:
                    parts.append("\n")
                elif ctag == _NBH:
                    parts.append("-")
                elif ctag in _ANCHORS:
                    boxes.extend(_text_boxes(c))
        elif tag in _INLINE_CONTAINERS:
            _inline_text(el, parts, boxes)
        elif tag in _ANCHORS:  # mc:AlternateContent directly in the paragraph
            boxes.extend(_text_boxes(el))


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


def _on(el: Any) -> bool:
    """A WordprocessingML on/off property: present and not switched off."""
    return el is not None and el.get(_VAL) not in ("0", "false", "off")


def _int_val(el: Any, default: int) -> int:
    if el is None:
        return default
    try:
        return int(el.get(_VAL))
    except (TypeError, ValueError):
        return default


# ---------------------------------------------------------------------------
# Automatic numbering


@attrs.frozen(kw_only=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None
    restart: int | None = None  # w:lvlRestart: None = after any higher level
    legal: bool = False  # w:isLgl: show every level as decimal


def _parse_level(lvl: Any) -> _Level:
    def val(name: str) -> str | None:
        el = lvl.find(_W + name)
        return None if el is None else el.get(_VAL)

    restart = val("lvlRestart")
    return _Level(
        start=_int_val(lvl.find(_W + "start"), 1),
        fmt=val("numFmt") or "decimal",
        text=val("lvlText"),
        restart=int(restart) if restart and restart.isdigit() else None,
        legal=_on(lvl.find(_W + "isLgl")),
    )


@attrs.define
class _Num:
    abstract: str
    start_overrides: dict[int, int]
    level_overrides: dict[int, _Level]
    applied: set[int] = attrs.field(factory=set)


class _Numbering:
    """numbering.xml, and the counters of a walk in document order.

    Counters belong to the abstract list (w:abstractNum), as in Word: two
    w:num of one abstract list continue each other, unless a w:num restarts
    a level with w:lvlOverride/w:startOverride, which takes effect the first
    time that w:num is used at that level.  Using a level restarts the levels
    below it (w:lvlRestart can say otherwise).
    """

    def __init__(
        self,
        abstracts: dict[str, dict[int, _Level]],
        nums: dict[str, _Num],
        style_numpr: dict[str, tuple[str | None, int | None]],
        default_style: str | None,
        max_chars: int = Limits().max_marker_chars,
    ) -> None:
        self.max_chars = max_chars
        self.abstracts = abstracts
        self.nums = nums
        self.style_numpr = style_numpr
        self.default_style = default_style
        self.counters: dict[str, dict[int, int]] = {}

    @classmethod
    def empty(cls) -> _Numbering:
        return cls({}, {}, {}, None)

    @classmethod
    def from_package(cls, data: bytes, document: Any, limits: Limits) -> _Numbering:
        try:
            part = document.part.part_related_by(RT.NUMBERING)
        except KeyError:
            return cls.empty()
        member = str(part.partname).lstrip("/")
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            try:
                xml = zf.read(member)
            except KeyError:
                return cls.empty()
        root = parse_xml(xml)
        styles = _style_numpr(document)
        abstracts: dict[str, dict[int, _Level]] = {}
        links: dict[str, str] = {}
        for an in root.iter(_W + "abstractNum"):
            aid = an.get(_W + "abstractNumId")
            if aid is None:
                continue
            levels = {}
            for lvl in an.iter(_W + "lvl"):
                ilvl = lvl.get(_W + "ilvl")
                if ilvl is not None and ilvl.isdigit():
                    levels[int(ilvl)] = _parse_level(lvl)
            abstracts[aid] = levels
            link = an.find(_W + "numStyleLink")
            style_link = link.get(_VAL) if link is not None else None
            if style_link:
                links[aid] = style_link
        nums: dict[str, _Num] = {}
        for num in root.iter(_W + "num"):
            nid = num.get(_W + "numId")
            ref = num.find(_W + "abstractNumId")
            if nid is None or ref is None or ref.get(_VAL) is None:
                continue
            starts: dict[int, int] = {}
            overrides: dict[int, _Level] = {}
            for ov in num.iter(_W + "lvlOverride"):
                ilvl = ov.get(_W + "ilvl")
                if ilvl is None or not ilvl.isdigit():
                    continue
                so = ov.find(_W + "startOverride")
                if so is not None:
                    starts[int(ilvl)] = _int_val(so, 1)
                override = ov.find(_W + "lvl")
                if override is not None:
                    overrides[int(ilvl)] = _parse_level(override)
            nums[nid] = _Num(str(ref.get(_VAL)), starts, overrides)
        # An abstract list that only links to a numbering style takes its
        # levels from the list that style points at (one hop is all Word uses).
        for aid, style_id in links.items():
            num_id = styles[0].get(style_id, (None, None))[0]
            target = nums.get(num_id) if num_id else None
            if target is not None and abstracts.get(target.abstract):
                abstracts[aid] = abstracts[target.abstract]
                for linked in nums.values():
                    if linked.abstract == aid:
                        linked.abstract = target.abstract
        return cls(abstracts, nums, styles[0], styles[1], limits.max_marker_chars)

    def label(self, p: Any) -> str:
        """Advance the counters for paragraph `p` and return its number as
        Word draws it ("" when it has none)."""
        if not self.nums:
            return ""
        num_id: str | None = None
        ilvl: int | None = None
        ppr = p.find(_W + "pPr")
        style: str | None = self.default_style
        if ppr is not None:
            ps = ppr.find(_W + "pStyle")
            if ps is not None:
                style = ps.get(_VAL)
            numpr = ppr.find(_W + "numPr")
            if numpr is not None:
                el = numpr.find(_W + "numId")
                if el is not None:
                    num_id = el.get(_VAL)
                el = numpr.find(_W + "ilvl")
                if el is not None:
                    ilvl = _int_val(el, 0)
        if (num_id is None or ilvl is None) and style in self.style_numpr:
            s_num, s_ilvl = self.style_numpr[style]
            num_id = num_id if num_id is not None else s_num
            ilvl = ilvl if ilvl is not None else s_ilvl
        if num_id is None or num_id == "0":
            return ""
        num = self.nums.get(num_id)
        if num is None:
            return ""
        levels = self.abstracts.get(num.abstract, {})
        k = ilvl or 0
        level = num.level_overrides.get(k) or levels.get(k)
        if level is None:
            return ""
        counters = self.counters.setdefault(num.abstract, {})
        if k in num.start_overrides and k not in num.applied:
            num.applied.add(k)
            counters[k] = num.start_overrides[k]
        elif k in counters:
            counters[k] += 1
        else:
            counters[k] = level.start
        for deeper in [j for j in counters if j > k]:
            dl = num.level_overrides.get(deeper) or levels.get(deeper) or _Level()
            bound = deeper if dl.restart is None else dl.restart
            if k < bound:
                del counters[deeper]
        if level.fmt == "bullet" or level.text is None:
            return ""
        return _render(level.text, k, counters, num, levels, self.max_chars)


def _render(
    text: str,
    k: int,
    counters: dict[int, int],
    num: _Num,
    levels: dict[int, _Level],
    max_chars: int = Limits().max_marker_chars,
) -> str:
    """Word's level text with every %n replaced; refused once it would pass
    `max_chars` (a huge w:start in letters, a level text of many %1)."""
    legal = (num.level_overrides.get(k) or levels.get(k) or _Level()).legal
    out = []
    size = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "%" and i + 1 < len(text) and text[i + 1].isdigit():
            ref = int(text[i + 1]) - 1
            lvl = num.level_overrides.get(ref) or levels.get(ref) or _Level()
            value = counters.get(ref, lvl.start)
            fmt = "decimal" if legal and lvl.fmt not in ("none", "bullet") else lvl.fmt
            piece = format_number(value, fmt, max_chars - size)
            i += 2
        else:
            piece = ch
            i += 1
        size += len(piece)
        if size > max_chars:
            raise InputTooLargeError(
                f".docx automatic numbering renders a number of over {max_chars} characters "
                f"(level text {text[:40]!r}); refused (Limits.max_marker_chars)"
            )
        out.append(piece)
    return "".join(out)


_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"


def format_number(n: int, fmt: str, max_chars: int = Limits().max_marker_chars) -> str:
    """Render counter `n` in the w:numFmt `fmt`; unknown formats fall back to
    decimal (the number is still right, only its script may differ).  Formats
    whose length grows with `n` itself (letters, roman) are refused past
    `max_chars` before anything is built."""
    if fmt == "none":
        return ""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
        "japaneseCounting",
        "koreanCounting",
    ):
        return _chinese(n, _CN_DIGITS, "十百千万", zero="零")
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional", "japaneseLegal"):
        return _chinese(n, _CN_LEGAL, "拾佰仟万", zero="零", legal=True)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return _TIANGAN[n - 1]
    if fmt == "ideographZodiac" and 1 <= n <= 12:
        return _DIZHI[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return _PAREN[n - 1]
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return _FULLSTOP[n - 1]
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperRoman", "lowerRoman", "upperLetter", "lowerLetter") and n > 0:
        # Letters repeat (A … Z, AA … ZZ, AAA …); roman numerals use one M
        # per thousand.
        length = (n - 1) // 26 + 1 if fmt.endswith("Letter") else n // 1000
        if length > max_chars:
            raise InputTooLargeError(
                f".docx automatic numbering: {fmt} number {n} renders to about {length} "
                f"characters, over the {max_chars}-character limit (Limits.max_marker_chars)"
            )
    if fmt in ("upperRoman", "lowerRoman") and n > 0:
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter") and n > 0:
        # Word repeats the letter: A … Z, AA … ZZ, AAA …
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    return str(n)


def _chinese(n: int, digits: str, units: str, *, zero: str, legal: bool = False) -> str:
    """一 … 十, 十一, 二十, 一百零一, 一千零一十 (units: 十百千万)."""
    if n <= 0:
        return digits[0] if n == 0 else str(n)
    if n >= 100000:
        return str(n)
    out: list[str] = []
    text = str(n)
    pending_zero = False
    for pos, d in enumerate(text):
        place = len(text) - pos - 1
        v = int(d)
        if v == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append(zero)
            pending_zero = False
        # 10-19 read 十, 十一 … (not 一十一) in ordinary counting.
        if not (place == 1 and v == 1 and pos == 0 and not legal):
            out.append(digits[v])
        if place:
            out.append(units[place - 1])
    return "".join(out)


def _roman(n: int) -> str:
    out = []
    for value, sym in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _style_numpr(document: Any) -> tuple[dict[str, tuple[str | None, int | None]], str | None]:
    """Numbering that paragraph styles carry (w:basedOn followed), and the
    default paragraph style."""
    styles_el = document.styles.element
    raw: dict[str, tuple[str | None, int | None, str | None]] = {}
    default: str | None = None
    for st in styles_el.iter(_W + "style"):
        if st.get(_W + "type") not in (None, "paragraph", "numbering"):
            continue
        sid = st.get(_W + "styleId")
        if sid is None:
            continue
        if _on_attr(st.get(_W + "default")) and st.get(_W + "type") == "paragraph":
            default = sid
        based = st.find(_W + "basedOn")
        num_id: str | None = None
        ilvl: int | None = None
        numpr = st.find(_W + "pPr/" + _W + "numPr")
        if numpr is not None:
            el = numpr.find(_W + "numId")
            num_id = el.get(_VAL) if el is not None else None
            el = numpr.find(_W + "ilvl")
            ilvl = _int_val(el, 0) if el is not None else None
        raw[sid] = (num_id, ilvl, based.get(_VAL) if based is not None else None)
    resolved: dict[str, tuple[str | None, int | None]] = {}
    for sid, (num_id, ilvl, based) in raw.items():
        seen = {sid}
        while (num_id is None or ilvl is None) and based and based in raw and based not in seen:
            seen.add(based)
            b_num, b_ilvl, based_next = raw[based]
            num_id = num_id if num_id is not None else b_num
            ilvl = ilvl if ilvl is not None else b_ilvl
            based = based_next
        if num_id is not None:
            resolved[sid] = (num_id, ilvl if ilvl is not None else 0)
    return resolved, default


def _on_attr(value: str | None) -> bool:
    return value in ("1", "true", "on")

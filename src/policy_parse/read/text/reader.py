"""Plain-text reader: notices copied from web portals.

Portals render the 分工表 as tab-indented cells: one cell per line, each line
starting with a tab, rows separated by blank lines.  A line *without* a tab
directly under a cell line continues that cell (the clerk pressed Enter inside
the cell).  Between such tables, tables flattened in other ways (pipe rows,
one cell per paragraph, key–value pairs, ...) are found by their header words
(read/text/tables.py); everything else is a paragraph, one per line.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable

import attrs

from ..._support.gc_pause import gc_paused
from ..._support.lazy_regex import lazy_compile
from ...errors import DecodingError, EmptyDocumentError
from ...models import Cell, Document, Paragraph, ReadNote, Residue, Row, Source, Span, Table
from ..invisible import NOTE as INVISIBLE_NOTE
from ..invisible import strip_text
from ..lookalikes import NOTE as LOOKALIKES_NOTE
from ..lookalikes import ideographs
from .contents import contents_lines
from .csvtable import csv_document
from .entities import decoded
from .furniture import find_furniture
from .gutter import ungutted
from .indent import untabbed
from .letterspace import unletterspaced
from .markdown import unmarked
from .markup import untagged
from .numerals import respaced as respaced_numerals
from .relines import relined
from .repeated_heads import repeated_heads
from .spacing import unspaced
from .tables import read_region

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Notices are Chinese: a decoding that yields Han characters is the plausible
# one (docs/security.md, "Encodings", says why this beats a statistical guess).
_HAN = lazy_compile(r"\p{Han}")
# Private Use Area (GBK's user-defined rows) and unassigned code points: in a
# GB18030 reading of bytes that are valid UTF-8 they mean "not GB18030".
_NOT_NOTICE_TEXT = lazy_compile(r"[\p{Co}\p{Cn}\p{Cs}]")
_LATE = 4  # a failure this close to the end is a cut-off file, not another encoding


def _strict(data: bytes, codec: str) -> tuple[str | None, UnicodeDecodeError | None]:
    """Decode strictly; a file cut off inside its last character still reads,
    with U+FFFD marking the lost character so the loss stays visible."""
    try:
        return data.decode(codec), None
    except UnicodeDecodeError as exc:
        if exc.end >= len(data) and exc.start >= len(data) - _LATE:
            try:
                return data[: exc.start].decode(codec) + "\ufffd", exc
            except UnicodeDecodeError:
                pass
        return None, exc


def _bom_contradicted(rest: bytes, codec: str) -> str | None:
    """Why the bytes after a BOM are not in the BOM's encoding, or None.

    A UTF-16 BOM pasted before UTF-8 text decodes "successfully" into CJK
    mojibake: real UTF-16 Chinese text has zero bytes (every ASCII character,
    line break and U+xx00 code point carries one), UTF-8 never does.  UTF-16
    after a UTF-8 BOM is the mirror case: zeros in every other byte."""
    if codec == "utf-16":
        if b"\x00" not in rest and rest:
            utf8, _ = _strict(rest, "utf-8")
            if utf8 is not None and not utf8.isascii() and _HAN.search(utf8):
                return "the bytes after it are UTF-8 Chinese text"
        return None
    zeros = rest[:4096].count(0)
    if zeros and zeros * 4 > len(rest[:4096]):
        return "a quarter of the bytes after it are zero (UTF-16 text?)"
    return None


def decode(data: bytes) -> str:
    """Decode text bytes: BOM, else strict UTF-8, else strict GB18030, else
    strict Big5 (Big5-HKSCS), with one plausibility rule (docs/security.md,
    "Encodings"): a reading is plausible when it holds Han characters and no
    private-use or unassigned code point."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            if contradiction := _bom_contradicted(data[len(bom) :], codec):
                raise DecodingError(
                    f"text starts with a {codec} byte-order mark but {contradiction}; "
                    "refused rather than read as mojibake: save it again as UTF-8"
                )
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodingError(
                    f"text starts with a {codec} byte-order mark but is not valid {codec} "
                    f"at byte {exc.start}: {exc.reason}"
                ) from exc
    utf8, utf8_error = _strict(data, "utf-8")
    if utf8 is not None and (utf8.isascii() or _HAN.search(utf8)):
        return utf8
    # Valid UTF-8 without a single Han character, yet not ASCII: 1920 GBK
    # characters (一 专 业 为 ...) are byte-for-byte valid two-byte UTF-8, so a
    # short GBK text can read as Cyrillic/Hebrew/Arabic.  Prefer GB18030 when
    # it gives Chinese text.
    gb, _ = _strict(data, "gb18030")
    if gb is not None and _plausible(gb):
        return gb
    # Big5 bytes are nearly all valid GB18030 too, but Big5's full-width
    # punctuation (，。、： at 0xA140-0xA3BF) falls in GBK's user-defined rows,
    # which GB18030 maps to the Private Use Area: a Traditional notice saved
    # as Big5 fails the GB18030 plausibility test and passes this one.
    big5, _ = _strict(data, "big5hkscs")
    if big5 is not None and _plausible(big5):
        return big5
    if utf8 is not None:
        return utf8
    if gb is not None:
        return gb
    assert utf8_error is not None
    where = _where(data, utf8_error.start)
    raise DecodingError(
        f"text is neither UTF-8 nor GB18030/GBK nor Big5 (first bad byte {where}): "
        "save it as UTF-8 and try again"
    )


def _plausible(text: str) -> bool:
    return bool(_HAN.search(text)) and not _NOT_NOTICE_TEXT.search(text)


def _where(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    return f"0x{data[offset]:02x} at offset {offset}, line {line}"


def _is_blank(line: str) -> bool:
    # A lone tab is an empty cell, not a blank line.
    return not line.strip() and not line.startswith("\t")


def read_text(text: str, source: Source) -> Document:
    """Split decoded text into paragraphs and tab-indented tables.  The
    cyclic collector is paused meanwhile: the lines, cells and records made
    here hold no cycles (_support/gc_pause.py; pipeline.py does the same)."""
    with gc_paused():
        return _read_text(text, source)


def _counted(rewrite: Callable[[str], tuple[str, int]]) -> Callable[[str], tuple[str, int] | None]:
    """`rewrite`, None where it changed nothing."""

    def run(text: str) -> tuple[str, int] | None:
        out, count = rewrite(text)
        return (out, count) if count else None

    return run


# What copies do to a notice's text, undone in this order before it is read;
# each pass gives the text back with how much it changed, or None, and a
# note (its message key, the name of its count) says so.
_TEXT_PASSES: tuple[tuple[Callable[[str], tuple[str, int] | None], str, str], ...] = (
    # 县乙局<br>: markup left in a copy of a database field (markup.py).
    (untagged, "tags_removed", "count"),
    # &nbsp;1.推进…: a page's character references (entities.py).
    (decoded, "entities_decoded", "count"),
    # Zero-width spaces, soft hyphens …: they would cut labels, names and
    # cells apart, and a reader sees none of them (read/invisible.py).
    (_counted(strip_text), INVISIBLE_NOTE, "count"),
    # ⼈⺠ for 人民: a PDF whose fonts share glyphs with radicals (read/lookalikes.py).
    (_counted(ideographs), LOOKALIKES_NOTE, "count"),
)
_LINE_PASSES: tuple[tuple[Callable[[list[str]], tuple[list[str], int] | None], str, str], ...] = (
    # 3 1.推进…: line numbers a viewer pasted at the left (gutter.py).
    (ungutted, "line_numbers", "lines"),
    # ## 一、 / **牵头单位**：: a notice converted to Markdown (markdown.py).
    (unmarked, "markdown_read", "lines"),
    # 推 进 数 字 …: a PDF copy's letter spacing (letterspace.py).
    (unletterspaced, "letter_spaced", "lines"),
    # …。一、总体要求（一）…: a text that lost its line breaks (relines.py).
    (relined, "relined", "breaks"),
    # A tab before every paragraph: indentation (indent.py).
    (untabbed, "tab_indent", "lines"),
    # 一 总体要求: a heading's 、 printed as a space (numerals.py).
    (respaced_numerals, "spaced_numerals", "lines"),
)


def _read_text(text: str, source: Source) -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.removeprefix("\ufeff")
    notes: list[ReadNote] = []
    for text_pass, note, field in _TEXT_PASSES:
        if (done := text_pass(text)) is not None:
            text, count = done
            notes.append(ReadNote(note=note, fields=((field, str(count)),)))
    if not text.strip():
        raise EmptyDocumentError("the input holds no text")
    if (csv_table := csv_document(text, source)) is not None:
        # 序号,重点任务,牵头单位,…: a 分工表 saved as CSV (read/text/csvtable.py).
        return attrs.evolve(csv_table, notes=(*notes, *csv_table.notes))
    lines = text.split("\n")
    for line_pass, note, field in _LINE_PASSES:
        if (redone := line_pass(lines)) is not None:
            lines, count = redone
            notes.append(ReadNote(note=note, fields=((field, str(count)),)))
    respaced = unspaced(lines, _is_blank)
    if respaced is not None:
        # A blank line after every line: spacing, not structure (read/text/spacing.py).
        lines, respacing = respaced
        document = respacing.document(_read_lines(lines, source))
    else:
        document = _read_lines(lines, source)
    if notes:
        document = attrs.evolve(document, notes=(*document.notes, *notes))
    return document


def _read_lines(lines: list[str], source: Source) -> Document:
    blocks: list[Paragraph | Table] = []
    residue: list[Residue] = []
    furniture = find_furniture(lines)
    # A title repeated at a page top with no page number beside it.
    furniture.update(repeated_heads(lines, frozenset(furniture)))
    # 一、总体要求……1: a table of contents at the top (contents.py).
    furniture.update(contents_lines(lines, frozenset(furniture)))
    if furniture:
        # A blank in its place: the measure around it reads on unbroken.
        residue.extend(furniture[k] for k in sorted(furniture))
        lines = ["" if k in furniture else ln for k, ln in enumerate(lines)]
    table_rows: list[Row] = []
    pending = 0  # first line not yet read: the region of non-tab lines

    def flush(end: int) -> None:
        found, left = read_region(lines, pending, end)
        blocks.extend(found)
        residue.extend(left)

    def close_table() -> None:
        if table_rows:
            span = table_rows[0].span.cover(table_rows[-1].span)
            blocks.append(Table(rows=tuple(table_rows), span=span))
            table_rows.clear()

    # A cell line opens with a tab; _is_blank written out.  Asked of every
    # line: a call each was a tenth of the reading.
    blank = [not line.strip() and not line.startswith("\t") for line in lines]
    i = 0
    while i < len(lines):
        if blank[i]:
            i += 1
            continue
        # A group: consecutive non-blank lines.
        j = i
        while j < len(lines) and not blank[j]:
            j += 1
        group = lines[i:j]
        cell_lines = sum([line.startswith("\t") for line in group])
        # A one-cell group inside a table is a full-width row (a group title).
        if group[0].startswith("\t") and (cell_lines >= 2 or (table_rows and len(group) == 1)):
            if not table_rows:
                flush(i)
            table_rows.append(_group_to_row(group, first_line=i + 1))
            pending = j
        else:
            close_table()
        i = j
    close_table()
    flush(len(lines))
    return Document(source=source, blocks=tuple(blocks), residue=tuple(residue))


def _group_to_row(group: list[str], first_line: int) -> Row:
    cells: list[tuple[list[str], int, int]] = []
    for k, line in enumerate(group):
        n = first_line + k
        if line.startswith("\t") or not cells:  # a cell line
            cells.append(([line.removeprefix("\t")], n, n))
        else:
            # No tab: the previous cell goes on over a line break.
            parts, start, _ = cells[-1]
            parts.append(line)
            cells[-1] = (parts, start, n)
    return Row(
        cells=tuple(
            Cell(text=_cell_text(parts), span=Span(start_line=s, end_line=e))
            for parts, s, e in cells
        ),
        span=Span(start_line=first_line, end_line=first_line + len(group) - 1),
    )


def _cell_text(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0].strip()
    return "\n".join(p.strip() for p in parts).strip()

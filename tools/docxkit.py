"""What the sample generators in tools/ share: python-docx helpers and the
reading of notice.txt into Word structure.

The scripts that use it (make_samples.py, make_family_samples.py,
make_layout_variants.py) run as `python tools/<script>.py` and put this folder
on sys.path to import it; tools/ is not a package.  Anything here changes the
bytes of committed .docx files: regenerate and compare before committing.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import OxmlElement
from docx.shared import Cm, Pt
from docx.table import _Cell

LATIN_FONT = "Times New Roman"
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)

# A measure paragraph of the notice's prose list: "12.text" (not "36-1.text", not "1、").
MEASURE = re.compile(r"^(\d+)\.(?!\d)")
SUB_MEASURE = re.compile(r"^\d+-\d+\.")

# Header words of the notice table's columns whose empty cell continues the cell above.
CONTINUING_COLUMNS = ("方面", "任务", "国家重点任务", "时限", "责任部门")
NUMBER_COLUMN = "序号"
TEXT_COLUMN = "具体落实举措"


# ---------------------------------------------------------------------------
# Output


def fixed_zip_times(data: bytes) -> bytes:
    """Rewrite the zip with a constant timestamp, so that regenerating an
    unchanged sample gives identical bytes (python-docx stamps the time)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def save(d) -> bytes:
    """The document's bytes, reproducible (see fixed_zip_times)."""
    buf = io.BytesIO()
    d.save(buf)
    return fixed_zip_times(buf.getvalue())


def to_pdf(docx_path: Path, out_dir: Path) -> Path:
    """Convert with LibreOffice headless (a private profile, so a running
    instance or a stale lock cannot interfere)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit(
            "soffice not found: apt-get install -y libreoffice-writer-nogui fonts-noto-cjk"
        )
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out_dir),
                str(docx_path),
            ],
            check=True,
        )
    return out_dir / (docx_path.stem + ".pdf")


# ---------------------------------------------------------------------------
# Fonts, page setup, the document


def set_fonts(
    rpr, font, east_asian: str, size_pt: float | None = None, *, latin: str = LATIN_FONT
) -> None:
    """Declare Latin and East Asian faces on an rPr: without w:eastAsia Word
    and LibreOffice pick a CJK face of their own."""
    font.name = latin
    if size_pt is not None:
        font.size = Pt(size_pt)
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), east_asian)


def add_text(
    paragraph,
    text: str,
    east_asian: str,
    size_pt: float | None = None,
    *,
    latin: str = LATIN_FONT,
    bold: bool = False,
) -> None:
    """Add text as one run with its fonts; python-docx writes each "\\n" as a
    w:br inside the run, which is how a clerk's cell holds a line break."""
    run = paragraph.add_run(text)
    set_fonts(run._r.get_or_add_rPr(), run.font, east_asian, size_pt, latin=latin)
    if bold:
        run.bold = True


def set_page(
    section,
    size_cm: tuple[float, float],
    margins_cm: tuple[float, float, float, float],
    *,
    landscape: bool,
) -> None:
    """Page size (portrait width, height), orientation and margins (left,
    right, top, bottom): Word wants orientation and swapped sizes both."""
    w, h = (Cm(v) for v in size_cm)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (h, w) if landscape else (w, h)
    left, right, top, bottom = (Cm(v) for v in margins_cm)
    section.left_margin, section.right_margin = left, right
    section.top_margin, section.bottom_margin = top, bottom


def a4(section, *, landscape: bool) -> None:
    """A4 as the samples use it: 2.5 cm side margins portrait, 2 cm landscape
    (room for the wide table)."""
    side = 2.0 if landscape else 2.5
    set_page(section, (21.0, 29.7), (side, side, 2.0, 2.0), landscape=landscape)


def new_document(
    east_asian: str, size_pt: float, *, author: str, title: str, latin: str = LATIN_FONT
) -> docx.document.Document:
    """A blank document whose Normal style has the body fonts and no space
    after paragraphs (clerks space with empty paragraphs instead)."""
    d = docx.Document()
    normal = d.styles["Normal"]
    set_fonts(normal.element.get_or_add_rPr(), normal.font, east_asian, size_pt, latin=latin)
    normal.paragraph_format.space_after = Pt(0)
    d.core_properties.author = author
    d.core_properties.title = title
    return d


# ---------------------------------------------------------------------------
# Word automatic numbering


def decimal_numbering(
    abstract_id: int, first_line: int, *, tab_pos: int | None = None, start: int | None = None
) -> str:
    """numbering.xml for one single-level decimal "%1." list (w:numId 1).

    first_line is the indent in twips.  tab_pos None: nothing after the number
    (w:suff "nothing"); otherwise Word's default tab suffix with a tab stop at
    tab_pos.  start: a second w:num (w:numId 2) of the same list that restarts
    at `start`, because Word numbering cannot write "36-1" and the measures
    after such a literal sub-measure need the count to go on.
    """
    suff = '<w:suff w:val="nothing"/>' if tab_pos is None else ""
    tabs = "" if tab_pos is None else f'<w:tabs><w:tab w:val="num" w:pos="{tab_pos}"/></w:tabs>'
    second = (
        ""
        if start is None
        else f'<w:num w:numId="2"><w:abstractNumId w:val="{abstract_id}"/>'
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'
    )
    return (
        f"<w:numbering {nsdecls('w')}>"
        f'<w:abstractNum w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0">'
        '<w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'{suff}<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
        f'<w:pPr>{tabs}<w:ind w:left="0" w:firstLine="{first_line}"/></w:pPr>'
        "</w:lvl></w:abstractNum>"
        f'<w:num w:numId="1"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
        f"{second}</w:numbering>"
    )


def set_numbering(d, xml: str) -> None:
    """Replace the numbering part: python-docx has no API to define lists."""
    d.part.numbering_part._element = parse_xml(xml)


def number_paragraph(paragraph, num_id: int) -> None:
    """Put a paragraph in list num_id (w:numPr), level 0."""
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    for tag, val in (("w:ilvl", "0"), ("w:numId", str(num_id))):
        el = OxmlElement(tag)
        el.set(qn("w:val"), val)
        numpr.append(el)
    # w:numPr follows w:pStyle (and w:keepNext…) in CT_PPr's sequence.
    ppr.insert(1 if ppr.find(qn("w:pStyle")) is not None else 0, numpr)


def word_numbering(texts: list[str]) -> tuple[list[tuple[int | None, str]], int]:
    """For each paragraph text, the w:numId Word numbering gives it (None: it
    keeps what is typed) and its text without the digits Word then writes;
    and where list 2 starts.  Word cannot number "36-1", so sub-measures stay
    typed and the measures after them continue the count in a second list."""
    out: list[tuple[int | None, str]] = []
    sub_seen = False
    restart_at: int | None = None
    for text in texts:
        m = MEASURE.match(text)
        if m:
            if sub_seen and restart_at is None:
                restart_at = int(m.group(1))
            out.append((2 if sub_seen else 1, text[m.end() :]))
            continue
        if SUB_MEASURE.match(text):
            sub_seen = True
        out.append((None, text))
    if restart_at is None:
        raise SystemExit("no literal sub-measure found: nothing to restart")
    return out, restart_at


# ---------------------------------------------------------------------------
# Tables


def vmerge(cell, *, restart: bool) -> None:
    """Mark a cell as the first (restart) or a later part of a vertical merge:
    how a clerk's table says "same as above" without repeating the text."""
    vm = OxmlElement("w:vMerge")
    if restart:
        vm.set(qn("w:val"), "restart")
    cell._tc.get_or_add_tcPr().append(vm)


def continuations(rows: list[list[str]]) -> set[tuple[int, int]]:
    """(row, column) of every body cell of the notice table that continues the
    cell above: the text form shows a merged cell as empty continuations.  An
    empty 序号 continues only when the row has 具体落实举措 of its own (a
    measure's second sub-row)."""
    header = rows[0]
    cols = {name: header.index(name) for name in header}
    merging = [cols[name] for name in CONTINUING_COLUMNS if name in cols]
    out: set[tuple[int, int]] = set()
    for r in range(2, len(rows)):  # the first body row has nothing to continue
        row = rows[r]
        for c in merging:
            if not row[c]:
                out.add((r, c))
        if (
            NUMBER_COLUMN in cols
            and TEXT_COLUMN in cols
            and not row[cols[NUMBER_COLUMN]]
            and row[cols[TEXT_COLUMN]]
        ):
            out.add((r, cols[NUMBER_COLUMN]))
    return out


def add_table(
    d,
    rows: list[list[str]],
    merged: set[tuple[int, int]],
    *,
    header_font: str,
    body_font: str,
    size_pt: float,
    latin: str = LATIN_FONT,
    widths: list | None = None,
    repeat_header: bool = True,
) -> None:
    """A ruled ("Table Grid"), centred table as clerks make them: bold header
    row repeated on every page (w:tblHeader) unless repeat_header is False,
    the cells in `merged` continuing the cell above (w:vMerge), fixed column
    widths when given.  A row shorter than the header leaves its last cells
    empty."""
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = d.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    if widths is not None:
        table.autofit = False
        for gc, w in zip(table._tbl.tblGrid.gridCol_lst, widths):
            gc.w = w
    starts = {(r - 1, c) for r, c in merged if (r - 1, c) not in merged}
    for r, (tr, texts) in enumerate(zip(table._tbl.tr_lst, rows)):
        if r == 0 and repeat_header:
            tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        for c, tc in enumerate(tr.tc_lst):
            cell = _Cell(tc, table)
            if widths is not None:
                cell.width = widths[c]
            if (r, c) in merged:
                vmerge(cell, restart=False)
                continue
            if (r, c) in starts:
                vmerge(cell, restart=True)
            text = texts[c] if c < len(texts) else ""
            if text:
                font = header_font if r == 0 else body_font
                add_text(cell.paragraphs[0], text, font, size_pt, latin=latin, bold=r == 0)


# ---------------------------------------------------------------------------
# notice.txt as Word paragraphs


def notice_paragraphs(d, blocks: list, *, new_section, add_table) -> Iterator[tuple[int, Any, str]]:
    """Lay the notice's blocks out in d as a clerk's file has them, and yield
    (block index, new empty Word paragraph, text) for each prose block: the
    caller numbers, styles and fills it.  The table, with the caption right
    before it, opens a section of its own (new_section(d): the wide table
    wants a landscape page); add_table(d, rows of cell texts) writes the
    table; each blank text line between paragraphs becomes an empty
    paragraph, as clerks space, except at the top of a page."""
    from policy_parse.models import Paragraph, Table

    opens = {
        k - 1 if k and isinstance(blocks[k - 1], Paragraph) else k
        for k, b in enumerate(blocks)
        if isinstance(b, Table)
    }
    prev_end = 0
    for k, block in enumerate(blocks):
        start = block.span.start_line or 0
        if k in opens:
            new_section(d)
            prev_end = 0
        if isinstance(block, Table):
            add_table(d, [[cell.text for cell in row.cells] for row in block.rows])
            prev_end = block.span.end_line or start
            continue
        assert isinstance(block, Paragraph)
        if prev_end:
            for _ in range(start - prev_end - 1):
                d.add_paragraph()
        prev_end = block.span.end_line or start
        yield k, d.add_paragraph(), block.text

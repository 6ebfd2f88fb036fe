"""Build samples/notice.txt again in page layouts unlike samples/notice.docx.

    python tools/make_layout_variants.py            # .docx and .pdf (needs LibreOffice)
    python tools/make_layout_variants.py --no-pdf   # .docx only (python-docx)

Output goes to tests/fixtures/layouts/.  The tests check that every variant,
Word file and PDF alike, parses to the same measures, parts and discrepancies
as notice.txt: a reader tuned to the coordinates of samples/notice.pdf fails
them.  What changes from one variant to the next (see VARIANTS):

* page size and orientation (A4 portrait throughout; US Letter with a
  landscape table; B5), margins (symmetric or not), hence where the page
  breaks fall and which table rows a break cuts;
* fonts (Noto Serif CJK SC for the 仿宋 role, Noto Sans CJK SC for the 黑体
  role — the faces installed here; the sample uses the fallback for 仿宋/宋体)
  and sizes (三号 16 pt body down to 9 pt table text);
* paragraph form: first-line indent of two characters, justified text, exact
  line pitch (GB/T 9704 uses 28.95 pt), headings in 黑体;
* the table's column widths, its text size, and whether its header row
  repeats on every page (w:tblHeader);
* measure numbers typed or from Word automatic numbering with Word's default
  tab after the number (w:suff absent).

The content, the vertical merges and the line breaks in cells are those of
tools/make_samples.py (its `_continuations` and `_vmerge` are reused), so
every variant says exactly what notice.txt says.  Zip timestamps are fixed:
the .docx files are reproducible byte for byte; the PDFs are not.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import OxmlElement
from docx.shared import Cm, Pt
from docx.table import _Cell

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_samples import (  # a sibling script, not a package
    _continuations,
    _fixed_zip_times,
    _vmerge,
    to_pdf,
)

from policy_parse.models import Paragraph, Table
from policy_parse.read import read_document

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
OUT = ROOT / "tests" / "fixtures" / "layouts"

SERIF = "Noto Serif CJK SC"  # stands in for 仿宋 / 宋体
SANS = "Noto Sans CJK SC"  # stands in for 黑体
LATIN = "Liberation Serif"

PART = re.compile(r"^[一二三四五六七八九十]+、")
SECTION = re.compile(r"^（[一二三四五六七八九十]+）")
MEASURE = re.compile(r"^(\d+)\.(?!\d)")
SUB_MEASURE = re.compile(r"^\d+-\d+\.")

PAGE_SIZES = {  # (width, height) in cm, portrait
    "A4": (21.0, 29.7),
    "Letter": (21.59, 27.94),
    "B5": (17.6, 25.0),
}


@dataclass(frozen=True)
class Layout:
    name: str
    page: str
    body_landscape: bool
    table_landscape: bool
    margins_cm: tuple[float, float, float, float]  # left, right, top, bottom
    body_font: str
    body_pt: float
    heading_font: str
    table_font: str
    table_pt: float
    widths_cm: dict[str, float]
    line_pitch_pt: float | None = None  # exact line spacing; None: single
    first_line_indent: bool = False
    justify: bool = False
    repeat_header: bool = True
    autonum: bool = False
    notes: tuple[str, ...] = field(default=())


VARIANTS = (
    Layout(
        name="a4-portrait-gbt9704",
        page="A4",
        body_landscape=False,
        table_landscape=False,
        margins_cm=(2.8, 2.6, 3.7, 3.5),  # GB/T 9704: asymmetric left/right
        body_font=SERIF,
        body_pt=16,  # 三号
        heading_font=SANS,
        table_font=SERIF,
        table_pt=9,
        # 15.6 cm between margins: the prose columns get most of it.
        widths_cm={
            "方面": 1.3,
            "任务": 1.5,
            "国家重点任务": 3.0,
            "序号": 0.9,
            "具体落实举措": 4.0,
            "时限": 1.2,
            "责任部门": 1.9,
            "高新区责任部门": 1.8,
        },
        line_pitch_pt=28.95,
        first_line_indent=True,
        justify=True,
        notes=(
            "A4 portrait throughout, the 8-column table too (15.6 cm wide)",
            "GB/T 9704 page: margins 2.8 | 2.6 cm, body 16 pt serif, exact 28.95 pt pitch,",
            "two-character first-line indent, justified; part headings in sans",
            "table text 9 pt serif",
        ),
    ),
    Layout(
        name="letter-landscape-large",
        page="Letter",
        body_landscape=False,
        table_landscape=True,
        margins_cm=(2.54, 2.54, 2.54, 2.54),  # Word's US default
        body_font=SANS,
        body_pt=14,
        heading_font=SANS,
        table_font=SANS,
        table_pt=12,
        # 22.86 cm between margins; the two prose columns swapped in weight.
        widths_cm={
            "方面": 1.6,
            "任务": 1.8,
            "国家重点任务": 5.4,
            "序号": 1.1,
            "具体落实举措": 5.2,
            "时限": 1.5,
            "责任部门": 3.0,
            "高新区责任部门": 3.26,
        },
        autonum=True,
        notes=(
            "US Letter, prose portrait and the table landscape, 2.54 cm margins",
            "everything in sans: body 14 pt, table 12 pt (rows split across pages often)",
            "measures 1-35, 37-77 from Word automatic numbering, tab after the number",
        ),
    ),
    Layout(
        name="b5-no-repeat",
        page="B5",
        body_landscape=False,
        table_landscape=True,
        margins_cm=(1.5, 1.5, 1.5, 1.5),
        body_font=SERIF,
        body_pt=10.5,  # 五号
        heading_font=SANS,
        table_font=SERIF,
        table_pt=8,
        widths_cm={
            "方面": 1.6,
            "任务": 1.8,
            "国家重点任务": 4.0,
            "序号": 0.8,
            "具体落实举措": 5.6,
            "时限": 1.2,
            "责任部门": 3.0,
            "高新区责任部门": 2.0,
        },
        repeat_header=False,
        line_pitch_pt=None,
        first_line_indent=True,
        notes=(
            "B5 (17.6 x 25 cm), prose portrait and the table landscape, 1.5 cm margins",
            "small type: body 10.5 pt serif, table 8 pt serif",
            "the table's header row is NOT repeated on later pages",
        ),
    ),
)


# ---------------------------------------------------------------------------


def _fonts(rpr, font, east_asian: str, size_pt: float) -> None:
    font.name = LATIN
    font.size = Pt(size_pt)
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), east_asian)


def _text(paragraph, text: str, east_asian: str, size_pt: float, bold: bool = False) -> None:
    run = paragraph.add_run(text)  # "\n" becomes w:br
    _fonts(run._r.get_or_add_rPr(), run.font, east_asian, size_pt)
    if bold:
        run.bold = True


def _page(section, lay: Layout, *, landscape: bool) -> None:
    w, h = (Cm(v) for v in PAGE_SIZES[lay.page])
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (h, w) if landscape else (w, h)
    left, right, top, bottom = (Cm(v) for v in lay.margins_cm)
    section.left_margin, section.right_margin = left, right
    section.top_margin, section.bottom_margin = top, bottom


# Decimal "%1." with Word's default suffix (a tab), and a second list that
# continues at `start` after the literal 36-1 / 36-2.
_NUMBERING = f"""
<w:numbering {nsdecls("w")}>
  <w:abstractNum w:abstractNumId="20">
    <w:multiLevelType w:val="singleLevel"/>
    <w:lvl w:ilvl="0">
      <w:start w:val="1"/>
      <w:numFmt w:val="decimal"/>
      <w:lvlText w:val="%1."/>
      <w:lvlJc w:val="left"/>
      <w:pPr><w:tabs><w:tab w:val="num" w:pos="900"/></w:tabs><w:ind w:left="0" w:firstLine="420"/></w:pPr>
    </w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="20"/></w:num>
  <w:num w:numId="2">
    <w:abstractNumId w:val="20"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="{{start}}"/></w:lvlOverride>
  </w:num>
</w:numbering>
"""


def _number(paragraph, num_id: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    for tag, val in (("w:ilvl", "0"), ("w:numId", str(num_id))):
        el = OxmlElement(tag)
        el.set(qn("w:val"), val)
        numpr.append(el)
    ppr.insert(1 if ppr.find(qn("w:pStyle")) is not None else 0, numpr)


def _table(d, rows: list[list[str]], lay: Layout) -> None:
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = d.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = [Cm(lay.widths_cm[name]) for name in rows[0]]
    for gc, w in zip(table._tbl.tblGrid.gridCol_lst, widths):
        gc.w = w
    cont = _continuations(rows)
    starts = {(r - 1, c) for r, c in cont if (r - 1, c) not in cont}
    for r, (tr, texts) in enumerate(zip(table._tbl.tr_lst, rows)):
        if r == 0 and lay.repeat_header:
            tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        for c, (tc, text) in enumerate(zip(tr.tc_lst, texts)):
            cell = _Cell(tc, table)
            cell.width = widths[c]
            if (r, c) in cont:
                _vmerge(cell, None)
            elif (r, c) in starts:
                _vmerge(cell, "restart")
            if text and (r, c) not in cont:
                font = lay.heading_font if r == 0 else lay.table_font
                _text(cell.paragraphs[0], text, font, lay.table_pt, bold=r == 0)


def build(lay: Layout) -> bytes:
    source = read_document(SAMPLES / "notice.txt")
    d = docx.Document()
    normal = d.styles["Normal"]
    _fonts(normal.element.get_or_add_rPr(), normal.font, lay.body_font, lay.body_pt)
    pf = normal.paragraph_format
    pf.space_after = Pt(0)
    if lay.line_pitch_pt:
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(lay.line_pitch_pt)
    d.core_properties.author = "policy_parse tools/make_layout_variants.py"
    d.core_properties.title = f"notice layout variant {lay.name}"
    _page(d.sections[0], lay, landscape=lay.body_landscape)

    blocks = source.blocks
    caption_or_table = {
        k - 1 if k and isinstance(blocks[k - 1], Paragraph) else k
        for k, b in enumerate(blocks)
        if isinstance(b, Table)
    }
    prev_end = 0
    num_id, sub_seen, restart_at = 1, False, None
    for k, block in enumerate(blocks):
        start = block.span.start_line or 0
        if k in caption_or_table:
            section = d.add_section(WD_SECTION.NEW_PAGE)
            _page(section, lay, landscape=lay.table_landscape)
            prev_end = 0
        if isinstance(block, Table):
            _table(d, [[cell.text for cell in row.cells] for row in block.rows], lay)
            prev_end = block.span.end_line or start
            continue
        assert isinstance(block, Paragraph)
        if prev_end:
            for _ in range(start - prev_end - 1):
                d.add_paragraph()
        prev_end = block.span.end_line or start
        text = block.text
        p = d.add_paragraph()
        indent = lay.first_line_indent
        font = lay.body_font
        if PART.match(text):
            font = lay.heading_font
        m = MEASURE.match(text)
        if lay.autonum and m:
            if sub_seen and num_id == 1:
                num_id, restart_at = 2, int(m.group(1))
            _number(p, num_id)
            text = text[m.end() :]
            indent = False  # the numbering level sets its own indent
        elif lay.autonum and SUB_MEASURE.match(text):
            sub_seen = True
        if indent and (
            m
            or SUB_MEASURE.match(text)
            or PART.match(text)
            or SECTION.match(text)
            or len(text) > 40
        ):
            p.paragraph_format.first_line_indent = Pt(2 * lay.body_pt)
        if lay.justify and len(text) > 40:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        _text(p, text, font, lay.body_pt)
    if lay.autonum:
        if restart_at is None:
            raise SystemExit("no literal sub-measure found: nothing to restart")
        d.part.numbering_part._element = parse_xml(_NUMBERING.replace("{start}", str(restart_at)))
    buf = io.BytesIO()
    d.save(buf)
    return _fixed_zip_times(buf.getvalue())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice conversion")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("names", nargs="*", help="only these variants")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for lay in VARIANTS:
        if args.names and lay.name not in args.names:
            continue
        path = args.out / f"{lay.name}.docx"
        path.write_bytes(build(lay))
        print(f"wrote {path}")
        if not args.no_pdf:
            print(f"wrote {to_pdf(path, args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

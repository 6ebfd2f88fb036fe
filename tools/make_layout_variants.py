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
tools/make_samples.py (both use `continuations` and `add_table` of
tools/docxkit.py), so every variant says exactly what notice.txt says.  Zip
timestamps are fixed: the .docx files are reproducible byte for byte; the
PDFs are not.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Cm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent))
import docxkit  # tools/ is not a package: found through sys.path above
from docxkit import MEASURE, SUB_MEASURE

from policy_parse.models import Paragraph
from policy_parse.read import read_document

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
OUT = ROOT / "tests" / "fixtures" / "layouts"

SERIF = "Noto Serif CJK SC"  # stands in for 仿宋 / 宋体
SANS = "Noto Sans CJK SC"  # stands in for 黑体
LATIN = "Liberation Serif"

PART = re.compile(r"^[一二三四五六七八九十]+、")
SECTION = re.compile(r"^（[一二三四五六七八九十]+）")

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


def _page(section, lay: Layout, *, landscape: bool) -> None:
    docxkit.set_page(section, PAGE_SIZES[lay.page], lay.margins_cm, landscape=landscape)


def _table(d, rows: list[list[str]], lay: Layout) -> None:
    docxkit.add_table(
        d,
        rows,
        docxkit.continuations(rows),
        header_font=lay.heading_font,
        body_font=lay.table_font,
        size_pt=lay.table_pt,
        latin=LATIN,
        widths=[Cm(lay.widths_cm[name]) for name in rows[0]],
        repeat_header=lay.repeat_header,
    )


def build(lay: Layout) -> bytes:
    source = read_document(SAMPLES / "notice.txt")
    d = docxkit.new_document(
        lay.body_font,
        lay.body_pt,
        author="policy_parse tools/make_layout_variants.py",
        title=f"notice layout variant {lay.name}",
        latin=LATIN,
    )
    if lay.line_pitch_pt:
        pf = d.styles["Normal"].paragraph_format
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(lay.line_pitch_pt)
    _page(d.sections[0], lay, landscape=lay.body_landscape)

    blocks = source.blocks
    if lay.autonum:
        numbered, restart_at = docxkit.word_numbering(
            [b.text if isinstance(b, Paragraph) else "" for b in blocks]
        )
    for k, p, text in docxkit.notice_paragraphs(
        d,
        blocks,
        new_section=lambda d: _page(
            d.add_section(WD_SECTION.NEW_PAGE), lay, landscape=lay.table_landscape
        ),
        add_table=lambda d, rows: _table(d, rows, lay),
    ):
        indent = lay.first_line_indent
        font = lay.heading_font if PART.match(text) else lay.body_font
        m = MEASURE.match(text)
        if lay.autonum:
            num_id, text = numbered[k]
            if num_id is not None:
                docxkit.number_paragraph(p, num_id)
                indent = False  # the numbering level sets its own indent
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
        docxkit.add_text(p, text, font, lay.body_pt, latin=LATIN)
    if lay.autonum:
        xml = docxkit.decimal_numbering(20, 420, tab_pos=900, start=restart_at)
        docxkit.set_numbering(d, xml)
    return docxkit.save(d)


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
            print(f"wrote {docxkit.to_pdf(path, args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

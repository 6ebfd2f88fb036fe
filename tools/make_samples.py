"""Generate the Word samples from samples/notice.txt (and, optionally, the PDF).

    python tools/make_samples.py            # samples/notice.docx, samples/notice-autonum.docx
    python tools/make_samples.py --pdf      # also samples/notice.pdf via LibreOffice headless

The text sample is the reference: it is read with policy_parse's own txt reader,
and every block is written back the way a clerk's Word file holds it:

* one Word paragraph per text line (blank text lines become empty paragraphs,
  as clerks use them for spacing), East Asian fonts declared (w:eastAsia);
* the 分工表 as a real 8-column Word table in a landscape section, its header
  row marked to repeat on every page (w:tblHeader), ruled ("Table Grid");
* vertical merges (w:vMerge restart/continue) wherever the text form shows a
  continuation: an empty 方面 / 任务 / 国家重点任务 / 时限 / 责任部门 cell
  continues the cell above, and an empty 序号 continues the number above when
  the row has 具体落实举措 of its own (a measure's second sub-row);
* a line break inside a cell kept as w:br;
* the stray line after the table (a page number left behind) as a final
  paragraph, so the docx carries everything the txt carries.

notice-autonum.docx is the same document, except that measure paragraphs
("1.…" … "77.…") get their number from Word automatic numbering (w:numPr,
decimal "%1." in numbering.xml) and lose the digits from their text.  Word
numbering cannot produce "36-1", so those sub-measures stay literal text and
the list after them is a second w:num whose w:startOverride continues the count.

The zip entries get a fixed timestamp so that regenerating an unchanged sample
gives identical bytes.  The PDF needs LibreOffice (see samples/README.md); the
tests never do.
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import OxmlElement
from docx.shared import Cm, Pt
from docx.table import _Cell

from policy_parse.models import Paragraph, Table
from policy_parse.read import read_document

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

BODY_FONT = "仿宋"  # FangSong: the body face of GB/T 9704 documents
HEAD_FONT = "宋体"  # SimSun: table and headings
LATIN_FONT = "Times New Roman"

# Header words of the columns whose empty cell continues the cell above.
CONTINUING_COLUMNS = ("方面", "任务", "国家重点任务", "时限", "责任部门")
NUMBER_COLUMN = "序号"
TEXT_COLUMN = "具体落实举措"
# Column widths in cm for the landscape A4 table (25.7 cm between margins).
WIDTHS = {
    "方面": 2.2,
    "任务": 2.4,
    "国家重点任务": 4.5,
    "序号": 1.2,
    "具体落实举措": 7.0,
    "时限": 1.8,
    "责任部门": 3.3,
    "高新区责任部门": 3.3,
}

# A measure paragraph of the prose list: "12.text" (not "36-1.text", not "1、").
MEASURE = re.compile(r"^(\d+)\.(?!\d)")
SUB_MEASURE = re.compile(r"^\d+-\d+\.")

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


# ---------------------------------------------------------------------------
# Fonts and page setup


def _set_fonts(rpr, font, east_asian: str, size_pt: float | None = None) -> None:
    """Declare Latin and East Asian faces (w:rFonts w:eastAsia) on an rPr."""
    font.name = LATIN_FONT
    if size_pt is not None:
        font.size = Pt(size_pt)
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), east_asian)


def _a4(section, *, landscape: bool) -> None:
    short, long_ = Cm(21.0), Cm(29.7)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long_, short) if landscape else (short, long_)
    margin = Cm(2.0) if landscape else Cm(2.5)
    section.left_margin = section.right_margin = margin
    section.top_margin = section.bottom_margin = Cm(2.0)


def _new_document() -> docx.document.Document:
    d = docx.Document()
    normal = d.styles["Normal"]
    _set_fonts(normal.element.get_or_add_rPr(), normal.font, BODY_FONT, 12)
    normal.paragraph_format.space_after = Pt(0)
    lang = normal.element.get_or_add_rPr().find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        normal.element.get_or_add_rPr().append(lang)
    lang.set(qn("w:val"), "zh-CN")
    lang.set(qn("w:eastAsia"), "zh-CN")
    d.core_properties.author = "policy_parse tools/make_samples.py"
    d.core_properties.title = "notice sample"
    _a4(d.sections[0], landscape=False)
    return d


def _add_text(paragraph, text: str, east_asian: str, size_pt: float | None = None) -> None:
    """Add text as one run; python-docx writes each "\\n" as a w:br inside it."""
    run = paragraph.add_run(text)
    _set_fonts(run._r.get_or_add_rPr(), run.font, east_asian, size_pt)


# ---------------------------------------------------------------------------
# Numbering (notice-autonum.docx)

_NUMBERING_XML = f"""
<w:numbering {nsdecls("w")}>
  <w:abstractNum w:abstractNumId="10">
    <w:multiLevelType w:val="singleLevel"/>
    <w:lvl w:ilvl="0">
      <w:start w:val="1"/>
      <w:numFmt w:val="decimal"/>
      <w:suff w:val="nothing"/>
      <w:lvlText w:val="%1."/>
      <w:lvlJc w:val="left"/>
      <w:pPr><w:ind w:left="0" w:firstLine="480"/></w:pPr>
    </w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
  <w:num w:numId="2">
    <w:abstractNumId w:val="10"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="{{start}}"/></w:lvlOverride>
  </w:num>
</w:numbering>
"""


def _number_paragraph(paragraph, num_id: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), str(num_id))
    numpr.append(ilvl)
    numpr.append(num)
    # w:numPr follows w:pStyle (and w:keepNext…) in CT_PPr's sequence.
    ppr.insert(1 if ppr.find(qn("w:pStyle")) is not None else 0, numpr)


# ---------------------------------------------------------------------------
# The table


def _vmerge(cell, value: str | None) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    vm = OxmlElement("w:vMerge")
    if value:
        vm.set(qn("w:val"), value)
    tcpr.append(vm)


def _continuations(rows: list[list[str]]) -> set[tuple[int, int]]:
    """(row, column) of every body cell that continues the cell above."""
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


def _add_table(d, rows: list[list[str]]) -> None:
    ncols = len(rows[0])
    table = d.add_table(rows=len(rows), cols=ncols)
    table.style = d.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = [Cm(WIDTHS.get(name, 25.7 / ncols)) for name in rows[0]]
    for gc, w in zip(table._tbl.tblGrid.gridCol_lst, widths):
        gc.w = w
    cont = _continuations(rows)
    starts = {(r - 1, c) for r, c in cont if (r - 1, c) not in cont}
    for r, (tr, texts) in enumerate(zip(table._tbl.tr_lst, rows)):
        if r == 0:
            trpr = tr.get_or_add_trPr()
            trpr.append(OxmlElement("w:tblHeader"))
        for c, (tc, text) in enumerate(zip(tr.tc_lst, texts)):
            cell = _Cell(tc, table)
            cell.width = widths[c]
            if (r, c) in cont:
                _vmerge(cell, None)
            elif (r, c) in starts:
                _vmerge(cell, "restart")
            if text and (r, c) not in cont:
                p = cell.paragraphs[0]
                _add_text(p, text, HEAD_FONT, 10.5)
                if r == 0:
                    for run in p.runs:
                        run.bold = True


# ---------------------------------------------------------------------------
# The document


def build(autonum: bool) -> bytes:
    source = read_document(SAMPLES / "notice.txt")
    d = _new_document()
    prev_end = 0
    num_id = 1
    literal_sub_seen = False
    restart_at: int | None = None
    blocks = source.blocks
    # The table's caption is the paragraph right before it: it opens the
    # landscape section together with the table.
    landscape_from = {
        k - 1 if k and isinstance(blocks[k - 1], Paragraph) else k
        for k, b in enumerate(blocks)
        if isinstance(b, Table)
    }
    for k, block in enumerate(blocks):
        start = block.span.start_line or 0
        if k in landscape_from:
            _new_landscape_section(d)
            prev_end = 0  # no spacing paragraphs at the top of a page
        if isinstance(block, Table):
            _add_table(d, [[cell.text for cell in row.cells] for row in block.rows])
            prev_end = block.span.end_line or start
            continue
        assert isinstance(block, Paragraph)
        if prev_end:  # blank text lines between blocks: empty paragraphs
            for _ in range(start - prev_end - 1):
                d.add_paragraph()
        prev_end = block.span.end_line or start
        text = block.text
        p = d.add_paragraph()
        m = MEASURE.match(text)
        if autonum and m:
            if literal_sub_seen and num_id == 1:
                num_id, restart_at = 2, int(m.group(1))
            _number_paragraph(p, num_id)
            text = text[m.end() :]
        elif autonum and SUB_MEASURE.match(text):
            literal_sub_seen = True  # Word cannot number "36-1": left as typed
        _add_text(p, text, BODY_FONT)
    if autonum:
        if restart_at is None:
            raise SystemExit("no literal sub-measure found: nothing to restart")
        numbering = d.part.numbering_part
        numbering._element = parse_xml(_NUMBERING_XML.replace("{start}", str(restart_at)))
    buf = io.BytesIO()
    d.save(buf)
    return _fixed_zip_times(buf.getvalue())


def _new_landscape_section(d) -> None:
    section = d.add_section(WD_SECTION.NEW_PAGE)
    _a4(section, landscape=True)


def _fixed_zip_times(data: bytes) -> bytes:
    """Rewrite the zip with a constant timestamp: reproducible bytes."""
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pdf", action="store_true", help="also convert notice.docx to PDF")
    ap.add_argument("--out", type=Path, default=SAMPLES, help="output folder")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, autonum in (("notice.docx", False), ("notice-autonum.docx", True)):
        path = args.out / name
        path.write_bytes(build(autonum))
        print(f"wrote {path}")
    if args.pdf:
        print(f"wrote {to_pdf(args.out / 'notice.docx', args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

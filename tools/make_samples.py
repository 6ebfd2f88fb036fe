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
import sys
from pathlib import Path

from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.shared import Cm

sys.path.insert(0, str(Path(__file__).resolve().parent))
import docxkit  # tools/ is not a package: found through sys.path above

from policy_parse.models import Paragraph
from policy_parse.read import read_document

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

BODY_FONT = "仿宋"  # FangSong: the body face of GB/T 9704 documents
HEAD_FONT = "宋体"  # SimSun: table and headings

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


def _new_document():
    d = docxkit.new_document(
        BODY_FONT, 12, author="policy_parse tools/make_samples.py", title="notice sample"
    )
    rpr = d.styles["Normal"].element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "zh-CN")
    lang.set(qn("w:eastAsia"), "zh-CN")
    docxkit.a4(d.sections[0], landscape=False)
    return d


def _add_table(d, rows: list[list[str]]) -> None:
    ncols = len(rows[0])
    docxkit.add_table(
        d,
        rows,
        docxkit.continuations(rows),
        header_font=HEAD_FONT,
        body_font=HEAD_FONT,
        size_pt=10.5,
        widths=[Cm(WIDTHS.get(name, 25.7 / ncols)) for name in rows[0]],
    )


def _new_landscape_section(d) -> None:
    docxkit.a4(d.add_section(WD_SECTION.NEW_PAGE), landscape=True)


def build(autonum: bool) -> bytes:
    source = read_document(SAMPLES / "notice.txt")
    d = _new_document()
    blocks = source.blocks
    if autonum:
        numbered, restart_at = docxkit.word_numbering(
            [b.text if isinstance(b, Paragraph) else "" for b in blocks]
        )
    for k, p, text in docxkit.notice_paragraphs(
        d, blocks, new_section=_new_landscape_section, add_table=_add_table
    ):
        if autonum:
            num_id, text = numbered[k]
            if num_id is not None:
                docxkit.number_paragraph(p, num_id)
        docxkit.add_text(p, text, BODY_FONT)
    if autonum:
        docxkit.set_numbering(d, docxkit.decimal_numbering(10, 480, start=restart_at))
    return docxkit.save(d)


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
        print(f"wrote {docxkit.to_pdf(args.out / 'notice.docx', args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Lay out a corpus notice as a 公文 .docx (GB/T 9704) and convert it to PDF.

    python tools/render_gongwen.py NOTICE.txt [...] --out DIR [--autonum] [--pdf]
        [--grids tests/fixtures/forms]

Real notices reach people as Word files and PDFs exported from Word, not as the
text a portal shows.  This renders a corpus excerpt (../shared/corpus/real/
NN_name.txt, its `# ` lines stripped) the way a clerk's file holds it:

* A4 portrait, GB/T 9704 margins (3.7 / 3.5 cm top / bottom, 2.8 / 2.6 cm
  left / right), body 仿宋_GB2312 三号 (16 pt) on an exact 28.95 pt pitch (22
  lines a page), a two-character first-line indent, justified; page numbers
  `— N —` in the footer (宋体 四号).
* The title (the first line that names a document kind: …通知, …方案,
  …分工, …清单 …) in 方正小标宋简体 二号, centred; a 文号 (XX〔2020〕1号)
  centred; 一、 headings in 黑体, （一） headings in 楷体_GB2312; a date line
  right-aligned.  Every other line of the text is one paragraph, as written
  (leading spaces become the indent; blank lines are a web page's spacing and
  are dropped).
* `autonum`: paragraphs that start with 1. / 1、 / （一） / (一) / 一、 get their
  number from Word's automatic numbering (w:numPr) and lose the typed marker,
  so the digits are not in the paragraph text; every run of consecutive
  numbers of one style is a list of its own that starts at its first number.
* The 分工表: a ruled Word table ("Table Grid") with its header row repeated
  on every page (w:tblHeader), merged cells as w:vMerge / w:gridSpan, a line
  break inside a cell as a paragraph of its own; landscape (a section of its
  own) when it has five columns or more.  The text copy cannot say where a
  cell ends, so the grid is not guessed from the text: it comes from a grid
  file `NN_name.json` (in --grids), rebuilt by reading the notice, that says
  which lines of the text the table replaces and holds its cells.  In a cell
  list, "^" continues the cell above (vertical merge) and "<" the cell to its
  left (horizontal merge).

Faces are named as a 公文 names them; tools/fonts-gongwen.conf maps the names to
free CJK faces (AR PL UMing / UKai, Noto CJK), and `to_pdf` gives soffice that
file through FONTCONFIG_FILE.  `to_pdf` converts many files in one soffice
process with a private profile.  Nothing here reads policy_parse: the renderer
may not use the code its output is meant to test.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import OxmlElement
from docx.shared import Cm, Emu, Pt
from docx.table import _Cell

sys.path.insert(0, str(Path(__file__).resolve().parent))
import docxkit  # tools/ is not a package: found through sys.path above

HERE = Path(__file__).resolve().parent
FONTCONFIG = HERE / "fonts-gongwen.conf"

BODY = "仿宋_GB2312"
HEI = "黑体"
KAI = "楷体_GB2312"
TITLE = "方正小标宋简体"
SONG = "宋体"

BODY_PT = 16.0  # 三号
TITLE_PT = 22.0  # 二号
TABLE_PT = 12.0  # 小四
PAGE_NO_PT = 14.0  # 四号
PITCH_PT = 28.95  # 22 lines on the 22.5 cm type area

# A4 and GB/T 9704's margins (cm): left, right, top, bottom.
A4 = (21.0, 29.7)
MARGINS = (2.8, 2.6, 3.7, 3.5)
# Landscape pages for a wide table: narrower margins, as clerks do.
LANDSCAPE_MARGINS = (2.0, 2.0, 2.8, 2.6)

MERGED_UP = "^"
MERGED_LEFT = "<"

# A line naming the document: the title.  Short, no sentence punctuation.
_TITLE = re.compile(
    r"(?:通知|方案|意见|分工|分解|分解表|清单|要点|任务|安排|办法|计划)(?:[（(][^）)]*[）)])?$"
)
_SENTENCE = re.compile(r"[。；;：:，,]")
# 文号: 国办发〔2018〕117号, 锡政发[2011]21号, (苏府〔2011〕57号).
_DOC_NO = re.compile(r"^[（(]?\S{1,12}[〔\[［]\d{4}[〕\]］]\d{1,4}[号號][）)]?$")
# 成文日期: 2021年2月23日, 二○一一年三月十七日.
_DATE = re.compile(
    r"^(?:\d{4}|[一二三四五六七八九〇○零]{4})年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日$"
)

_CN = "一二三四五六七八九十"


def _cn_value(text: str) -> int | None:
    """一 … 九十九 → its value; anything else None."""
    if not text or any(ch not in _CN for ch in text):
        return None
    if len(text) == 1:
        return _CN.index(text) + 1
    if len(text) == 2 and text[0] == "十":
        return 10 + _CN.index(text[1]) + 1
    if len(text) == 2 and text[1] == "十":
        return (_CN.index(text[0]) + 1) * 10
    if len(text) == 3 and text[1] == "十":
        return (_CN.index(text[0]) + 1) * 10 + _CN.index(text[2]) + 1
    return None


@dataclass(frozen=True)
class Style:
    """One marker style Word can number: its pattern, w:numFmt, w:lvlText."""

    name: str
    pattern: re.Pattern[str]
    fmt: str
    text: str


# The marker, then (group "gap") the spaces a clerk typed after it.
STYLES = (
    Style("ar_dot", re.compile(r"^(?P<n>\d{1,3})\.(?!\d)(?P<gap> ?)"), "decimal", "%1."),
    Style("ar_dun", re.compile(r"^(?P<n>\d{1,3})、(?P<gap> ?)"), "decimal", "%1、"),
    Style(
        "cn_paren",
        re.compile(r"^（(?P<n>[一二三四五六七八九十]{1,3})）(?P<gap> ?)"),
        "chineseCounting",
        "（%1）",
    ),
    Style(
        "cn_ascii",
        re.compile(r"^\((?P<n>[一二三四五六七八九十]{1,3})\)(?P<gap> ?)"),
        "chineseCounting",
        "(%1)",
    ),
    Style(
        "cn_dun",
        re.compile(r"^(?P<n>[一二三四五六七八九十]{1,3})、(?P<gap> ?)"),
        "chineseCounting",
        "%1、",
    ),
)


def marker(text: str) -> tuple[Style, int, int] | None:
    """(style, number, end of marker and gap) of a paragraph Word could number."""
    for style in STYLES:
        m = style.pattern.match(text)
        if m is None:
            continue
        n = int(m["n"]) if m["n"].isdigit() else _cn_value(m["n"])
        if n is not None and n > 0 and m.end() < len(text):
            return style, n, m.end()
    return None


# ---------------------------------------------------------------------------
# Input: the notice's lines and its grids


@dataclass
class Grid:
    first: int  # first and last line of the text (1-based, as `cat -n` counts) the table replaces
    last: int
    rows: list[list[str]]
    header_rows: int = 1
    landscape: bool | None = None  # None: landscape from five columns
    widths: list[float] | None = None  # relative column widths; None: from the cells


@dataclass
class Notice:
    name: str
    lines: list[str]  # every line of the file, `# ` lines included (so numbers match cat -n)
    body_from: int  # index of the first line after the `# ` lines
    grids: list[Grid] = field(default_factory=list)


def load_notice(txt: Path, grids_dir: Path | None = None) -> Notice:
    lines = txt.read_text(encoding="utf-8").splitlines()
    k = 0
    while k < len(lines) and lines[k].startswith("# "):
        k += 1
    notice = Notice(name=txt.stem, lines=lines, body_from=k)
    spec = grids_dir / f"{txt.stem}.json" if grids_dir is not None else None
    if spec is not None and spec.exists():
        data = json.loads(spec.read_text(encoding="utf-8"))
        for t in data["tables"]:
            first, last = t["lines"]
            rows = t["rows"]
            if not rows or any(len(r) != len(rows[0]) for r in rows):
                raise ValueError(f"{spec.name}: every row needs {len(rows[0])} cells")
            notice.grids.append(
                Grid(
                    first=first,
                    last=last,
                    rows=rows,
                    header_rows=t.get("header_rows", 1),
                    landscape=t.get("landscape"),
                    widths=t.get("widths"),
                )
            )
    return notice


# ---------------------------------------------------------------------------
# The document


def _rfonts(rpr, east_asian: str, latin: str = "Times New Roman") -> None:
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:eastAsia"), east_asian)


def _run(paragraph, text: str, face: str, size: float, *, bold: bool = False) -> None:
    run = paragraph.add_run(text)
    _rfonts(run._r.get_or_add_rPr(), face)
    run.font.size = Pt(size)
    if bold:
        run.bold = True


def _page(section, *, landscape: bool) -> None:
    margins = LANDSCAPE_MARGINS if landscape else MARGINS
    docxkit.set_page(section, A4, margins, landscape=landscape)
    section.header_distance = Cm(1.5)
    section.footer_distance = Cm(2.3)


def _footer(section) -> None:
    """`— N —`: the page number between em dashes, GB/T 9704's form."""
    section.footer.is_linked_to_previous = False
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, "— ", SONG, PAGE_NO_PT)
    run = p.add_run()
    _rfonts(run._r.get_or_add_rPr(), SONG)
    run.font.size = Pt(PAGE_NO_PT)
    for kind, text in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        if kind is not None:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == " PAGE ":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)
    _run(p, " —", SONG, PAGE_NO_PT)


def new_document(title: str):
    d = docxkit.new_document(BODY, BODY_PT, author="tools/render_gongwen.py", title=title)
    normal = d.styles["Normal"]
    _rfonts(normal.element.get_or_add_rPr(), BODY)
    pf = normal.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(PITCH_PT)
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    rpr = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "zh-CN")
    lang.set(qn("w:eastAsia"), "zh-CN")
    rpr.append(lang)
    _page(d.sections[0], landscape=False)
    _footer(d.sections[0])
    return d


class Numbering:
    """Word lists for `autonum`: one w:abstractNum per run of consecutive
    numbers of one style, starting at the run's first number."""

    def __init__(self) -> None:
        self.lists: list[tuple[Style, int, bool]] = []  # style, start, space after
        self.last: dict[str, tuple[int, int]] = {}  # style → (list id, last number)

    def number_for(self, style: Style, n: int, spaced: bool) -> int:
        cur = self.last.get(style.name)
        if cur is not None and cur[1] + 1 == n and self.lists[cur[0] - 1][2] == spaced:
            self.last[style.name] = (cur[0], n)
            return cur[0]
        self.lists.append((style, n, spaced))
        num_id = len(self.lists)
        self.last[style.name] = (num_id, n)
        return num_id

    def xml(self) -> str:
        abstracts, nums = [], []
        for k, (style, start, spaced) in enumerate(self.lists, start=1):
            suff = "space" if spaced else "nothing"
            abstracts.append(
                f'<w:abstractNum w:abstractNumId="{k}">'
                '<w:multiLevelType w:val="singleLevel"/>'
                f'<w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
                f'<w:numFmt w:val="{style.fmt}"/><w:suff w:val="{suff}"/>'
                f'<w:lvlText w:val="{style.text}"/><w:lvlJc w:val="left"/>'
                '<w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr>'
                "</w:lvl></w:abstractNum>"
            )
            nums.append(f'<w:num w:numId="{k}"><w:abstractNumId w:val="{k}"/></w:num>')
        return f"<w:numbering {nsdecls('w')}>{''.join(abstracts)}{''.join(nums)}</w:numbering>"


def _is_title(text: str) -> bool:
    return (
        6 <= len(text) <= 60
        and not _SENTENCE.search(text)
        and bool(_TITLE.search(text))
        and marker(text) is None
    )


def _prose(d, text: str, *, numbering: Numbering | None, titled: list[bool]) -> None:
    stripped = text.strip()
    p = d.add_paragraph()
    pf = p.paragraph_format
    found = marker(stripped)
    face = BODY
    if not titled[0] and _is_title(stripped):
        titled[0] = True
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        pf.line_spacing = Pt(36)
        _run(p, stripped, TITLE, TITLE_PT)
        return
    if _DOC_NO.match(stripped):
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(p, stripped, BODY, BODY_PT)
        return
    if _DATE.match(stripped):
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        pf.right_indent = Pt(4 * BODY_PT)
        _run(p, stripped, BODY, BODY_PT)
        return
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if stripped.endswith(("：", ":")) and len(stripped) < 80 and not found:
        pf.first_line_indent = Pt(0)  # 主送机关: flush left
    else:  # every body paragraph: a two-character first-line indent
        pf.first_line_indent = Pt(2 * BODY_PT)
    if found is not None:
        style = found[0]
        if style.name == "cn_dun":
            face = HEI
        elif style.name in ("cn_paren", "cn_ascii"):
            face = KAI
        if numbering is not None:
            style, n, end = found
            num_id = numbering.number_for(style, n, spaced=bool(stripped[end - 1 : end].isspace()))
            docxkit.number_paragraph(p, num_id)
            _rfonts(_para_mark_rpr(p), face)
            stripped = stripped[end:]
    _run(p, stripped, face, BODY_PT)


def _para_mark_rpr(p):
    """The paragraph mark's run properties (w:pPr/w:rPr): Word draws the
    automatic number in the mark's face."""
    ppr = p._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.append(rpr)
    return rpr


# Table column widths, as Word's autofit would leave them: a column of short
# cells (序号, a unit, a deadline) as wide as its longest line, the rest of
# the width shared by the columns of long texts in proportion to their length.
CHAR_CM = TABLE_PT / 72 * 2.54 * 1.05  # one CJK character of the table face
PAD_CM = 0.4  # Word's default cell margins, left and right together
SHORT_CM = 3.5  # a column whose longest line fits in this is not stretched


def _widths(grid: Grid, total_cm: float) -> list[Emu]:
    ncols = len(grid.rows[0])
    if grid.widths is not None:
        scale = total_cm / sum(grid.widths)
        return [Cm(w * scale) for w in grid.widths]
    natural = []
    for c in range(ncols):
        cells = [row[c] for row in grid.rows if row[c] not in (MERGED_UP, MERGED_LEFT)]
        spans = [row for row in grid.rows if c + 1 < ncols and row[c + 1] == MERGED_LEFT]
        longest = max(
            (
                len(line)
                for text in cells
                for line in text.split("\n")
                if not any(row[c] == text for row in spans)
            ),
            default=2,
        )
        natural.append(max(longest, 2) * CHAR_CM + PAD_CM)
    short = [w if w <= SHORT_CM else None for w in natural]
    room = total_cm - sum(w for w in short if w is not None)
    long_cols = [c for c, w in enumerate(short) if w is None]
    if not long_cols or room < 2.0 * len(long_cols):
        scale = total_cm / sum(natural)
        return [Cm(w * scale) for w in natural]
    weight = {c: min(natural[c], 12.0) for c in long_cols}
    total_weight = sum(weight.values())
    out = []
    for c in range(ncols):
        w = short[c] if short[c] is not None else room * weight[c] / total_weight
        out.append(Cm(w))
    return out


def _table(d, grid: Grid, total_cm: float) -> None:
    rows = grid.rows
    ncols = len(rows[0])
    table = d.add_table(rows=len(rows), cols=ncols)
    table.style = d.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = _widths(grid, total_cm)
    for gc, w in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        gc.w = w
    trs = table._tbl.tr_lst
    # Horizontal merges first (python-docx merges cells by replacing tcs).
    for r, row in enumerate(rows):
        c = 0
        while c < ncols:
            span = 1
            while c + span < ncols and row[c + span] == MERGED_LEFT:
                span += 1
            if span > 1:
                table.cell(r, c).merge(table.cell(r, c + span - 1))
            c += span
    for r, (tr, row) in enumerate(zip(trs, rows, strict=True)):
        if r < grid.header_rows:
            tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        c = 0
        for tc in tr.tc_lst:
            cell = _Cell(tc, table)
            text = row[c]
            span = tc.grid_span
            if text == MERGED_UP:
                docxkit.vmerge(cell, restart=False)
            else:
                below = r + 1 < len(rows) and rows[r + 1][c] == MERGED_UP
                if below:
                    docxkit.vmerge(cell, restart=True)
                header = r < grid.header_rows
                for k, line in enumerate(text.split("\n")):
                    p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                    pf = p.paragraph_format
                    pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
                    pf.first_line_indent = Pt(0)
                    if header or len(text) <= 4:
                        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    else:
                        p.alignment = WD_ALIGN_PARAGRAPH.LEFT
                    if line:
                        _run(p, line, HEI if header else BODY, TABLE_PT)
            c += span


def _landscape(grid: Grid) -> bool:
    return grid.landscape if grid.landscape is not None else len(grid.rows[0]) >= 5


def render_docx(notice: Notice, *, autonum: bool = False) -> bytes:
    """The notice as a 公文 .docx (module docstring): reproducible bytes."""
    d = new_document(notice.name)
    numbering = Numbering() if autonum else None
    titled = [False]
    grids = {g.first - 1: g for g in notice.grids}  # 0-based line index → grid
    k = notice.body_from
    landscape = False
    while k < len(notice.lines):
        grid = grids.get(k)
        if grid is not None:
            want = _landscape(grid)
            if want != landscape:
                section = d.add_section(WD_SECTION.NEW_PAGE)
                _page(section, landscape=want)
                landscape = want
            page_w = A4[1] if want else A4[0]
            margins = LANDSCAPE_MARGINS if want else MARGINS
            _table(d, grid, page_w - margins[0] - margins[1])
            d.add_paragraph()  # Word ends every table with a paragraph
            k = grid.last
            continue
        line = notice.lines[k]
        k += 1
        if not line.strip():
            continue
        if landscape:
            section = d.add_section(WD_SECTION.NEW_PAGE)
            _page(section, landscape=False)
            landscape = False
        _prose(d, line, numbering=numbering, titled=titled)
    if numbering is not None and numbering.lists:
        docxkit.set_numbering(d, numbering.xml())
    return docxkit.save(d)


# ---------------------------------------------------------------------------
# PDF


def to_pdf(docx_paths: Sequence[Path], out_dir: Path, *, timeout: float = 900) -> list[Path]:
    """Convert every .docx to PDF in `out_dir` with ONE soffice process (its
    start-up is most of the cost), a private throw-away profile, and
    FONTCONFIG_FILE pointing at tools/fonts-gongwen.conf."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise RuntimeError(
            "soffice not found: apt-get install -y libreoffice-writer-nogui "
            "fonts-arphic-uming fonts-arphic-ukai fonts-noto-cjk"
        )
    if not docx_paths:
        return []
    env = {**os.environ, "FONTCONFIG_FILE": str(FONTCONFIG)}
    with tempfile.TemporaryDirectory(prefix="render-gongwen-profile-") as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf:writer_pdf_Export",
                "--outdir",
                str(out_dir),
                *map(str, docx_paths),
            ],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=timeout,
        )
    out = [out_dir / f"{p.stem}.pdf" for p in docx_paths]
    missing = [p.name for p in out if not p.exists()]
    if missing:
        raise RuntimeError(f"soffice made no PDF of {', '.join(missing)}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notices", nargs="+", type=Path, help="corpus NN_name.txt files")
    ap.add_argument("--out", type=Path, required=True, help="output folder")
    ap.add_argument("--grids", type=Path, help="folder of NN_name.json grid files")
    ap.add_argument("--autonum", action="store_true", help="Word automatic numbering")
    ap.add_argument("--pdf", action="store_true", help="also convert to PDF (LibreOffice)")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    made = []
    for txt in args.notices:
        path = args.out / f"{txt.stem}.docx"
        path.write_bytes(render_docx(load_notice(txt, args.grids), autonum=args.autonum))
        made.append(path)
        print(f"wrote {path}")
    if args.pdf:
        for pdf in to_pdf(made, args.out):
            print(f"wrote {pdf}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

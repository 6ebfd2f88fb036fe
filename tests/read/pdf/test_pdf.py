"""The PDF reader on small PDFs written by `pdf_fixtures` (no PDF library,
no LibreOffice needed), and on samples/notice.pdf against samples/notice.txt.

The fixtures' font draws every CJK glyph 1 em wide and ASCII half an em, so a
line's width is known exactly; the reader is never told the margins or
column positions used here — it must measure them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import regex
from pdf_fixtures import (
    Fill,
    Line,
    Page,
    Text,
    build_pdf,
    ruled_table,
    text_width,
    without_spans,
)

import policy_parse
from policy_parse.models import Document, Format, Paragraph, Source, Table
from policy_parse.read import read_document
from policy_parse.read.limits import Limits
from policy_parse.read.pdf.reader import ENGINES, read_pdf

SAMPLES = Path(__file__).resolve().parents[3] / "samples"

SIZE = 10.0
LEFT = 72.0
COLUMN = 30 * SIZE  # the text column holds 30 CJK characters
WIDTH = 2 * LEFT + COLUMN  # symmetric margins, as Word's default


def read(pages: list[Page]) -> Document:
    for p in pages:
        p.width = WIDTH
    data = build_pdf(pages)
    src = Source(path=None, format=Format.PDF, sha256=hashlib.sha256(data).hexdigest())
    doc = read_pdf(data, src, Limits())
    # Every PDF these tests build is read by both engines, which must agree.
    reference = read_pdf(data, src, Limits(), engine="pdfplumber")
    assert without_spans(doc) == without_spans(reference)
    return doc


def paragraphs(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def tables(doc: Document) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


def wrap(text: str, top: float, *, indent: int = 0, size: float = SIZE) -> tuple[list[Text], float]:
    """Lay `text` out as Word would in the test column: the first line indented
    by `indent` characters, lines broken where the next character no longer
    fits.  Returns the texts and the top of the next line."""
    out: list[Text] = []
    x0 = LEFT + indent * size
    line = ""
    for ch in text:
        if x0 + text_width(line + ch, size) > LEFT + COLUMN + 0.01:
            out.append(Text(x0, top, line, size))
            top += size * 1.5
            x0, line = LEFT, ""
        line += ch
    out.append(Text(x0, top, line, size))
    return out, top + size * 1.5


def centred(text: str, top: float, size: float = SIZE) -> Text:
    return Text(LEFT + (COLUMN - text_width(text, size)) / 2, top, text, size)


P1 = "为贯彻落实市科技局联合印发的若干举措，加快推动高新区高质量发展，现决定印发分工方案，请各有关部门按照职责和任务分工认真抓好落实。"
P2 = "各部门要结合实际制定具体措施，明确时间表和路线图，确保各项任务落到实处。"
M1 = "1." + "积极引进境内外高等学校、科研院所等创新资源，建立新型研发机构"[:29]
M2 = "2.支持在高新区建设市级产业创新中心。（牵头部门：科技创新局）"


# --- paragraphs ---------------------------------------------------------------


def test_it_joins_wrapped_lines_and_keeps_short_centred_lines_apart() -> None:
    texts = [centred("关于印发《关于促进高新区", 60), centred("高质量发展的分工方案》的通知", 75)]
    t, top = wrap(P1, 100, indent=2)
    texts += t
    t, top = wrap(P2, top, indent=2)
    texts += t
    # M1 fills its line exactly: the next line is a new numbered item all the same.
    assert text_width(M1, SIZE) == COLUMN
    t, top = wrap(M1, top)
    texts += t
    t, top = wrap(M2, top)
    texts += t
    doc = read([Page(texts=texts)])
    assert paragraphs(doc) == [
        "关于印发《关于促进高新区",
        "高质量发展的分工方案》的通知",
        P1,
        P2,
        M1,
        M2,
    ]
    para = doc.blocks[2]
    assert para.span.page == 1
    assert para.span.bbox is not None and para.span.bbox[0] == pytest.approx(LEFT)


def test_a_long_centred_title_wrapped_by_the_layout_is_one_paragraph() -> None:
    title = "关于促进天津滨海高新技术产业开发区高质量发展具体落实举措的分工表"
    first, rest = title[:30], title[30:]  # the first line holds 30: it is full
    texts = [centred(first, 60), centred(rest, 75)]
    texts += wrap(P1, 100, indent=2)[0]
    doc = read([Page(texts=texts)])
    assert paragraphs(doc) == [title, P1]


# A measure whose 责任单位 list, written with spaces, wraps at the margin
# right on the space between two names: the layout engine broke the line
# there, and the PDF has no space left to show it.
_LISTED = [
    "1.加快推进科技创新平台建设，培育一批高新技术企业，完善科技成",
    "果转化服务体系，推动产学研深度融合和落实。责任单位：区科技局",
    "区统计局 区财政局",
    "2.完善统计监测制度，做好数据质量核查工作。（区统计局负责）",
]


def _laid(lines: list[str]) -> list[Text]:
    return [Text(LEFT, 100 + 15 * k, ln, SIZE) for k, ln in enumerate(lines)]


def test_a_wrap_between_two_names_of_a_list_is_kept_as_a_line_break() -> None:
    assert [text_width(ln, SIZE) for ln in _LISTED[:2]] == [COLUMN, COLUMN]
    doc = read([Page(texts=_laid(["甲区重点工作任务分工方案", *_LISTED]))])
    assert paragraphs(doc)[1] == "".join(_LISTED[:2]) + "\n" + _LISTED[2]


def test_the_names_met_at_a_wrap_stay_two_units_and_the_measure_says_so() -> None:
    data = build_pdf([Page(width=WIDTH, texts=_laid(["甲区重点工作任务分工方案", *_LISTED]))])
    notice = policy_parse.parse(data)
    assert [u.written for u in notice.measures[0].support] == ["区科技局", "区统计局", "区财政局"]
    (said,) = [d for d in notice.discrepancies if d.note == "units_at_break"]
    assert (said.measure, dict(said.fields)) == (
        "1",
        {"line": "p.1", "head": "区科技局", "tail": "区统计局"},
    )


def test_a_name_the_wrap_cut_is_glued_back_whole() -> None:
    # 区人力资源和社会 / 保障局: no name ends in 社会 (data/units.toml [wrap] no_end).
    lines = [
        "1.加快推进科技创新平台建设，培育一批高新技术企业，完善科技成",
        "果转化服务体系，推动实。责任单位：区科技局、区人力资源和社会",
        "保障局 区财政局",
    ]
    assert text_width(lines[1], SIZE) == COLUMN
    doc = read([Page(texts=_laid(["甲区重点工作任务分工方案", *lines]))])
    assert paragraphs(doc)[1] == "".join(lines)


def test_it_keeps_a_line_apart_when_the_next_word_would_have_fit() -> None:
    # Short of the margin by three characters: the writer pressed Enter.
    texts, top = wrap(P1, 100)
    texts += [Text(LEFT, top, "联系人：张三", SIZE)]
    texts += [Text(LEFT, top + 15, "第" + "一" * 26 + "项", SIZE)]  # 28 chars: not full
    texts += [Text(LEFT, top + 30, "说明文字", SIZE)]
    doc = read([Page(texts=texts)])
    assert paragraphs(doc) == [P1, "联系人：张三", "第" + "一" * 26 + "项", "说明文字"]


def test_it_continues_a_paragraph_across_a_page_break() -> None:
    text = P1 + P2
    lines, _ = wrap(text, 100, indent=2)
    first, second = lines[:2], lines[2:]
    for t in second:
        t.top -= lines[2].top - 72
    page1 = Page(texts=[*wrap("前言部分的文字。", 60)[0], *first])
    page2 = Page(texts=second + [Text(LEFT, 400, "新的一段。", SIZE)])
    doc = read([page1, page2])
    assert paragraphs(doc) == ["前言部分的文字。", text, "新的一段。"]
    span = doc.blocks[1].span
    assert (span.page, span.end_page) == (1, 2)


def test_it_reads_cjk_without_spurious_spaces_or_doubled_glyphs() -> None:
    # Justified text: every glyph placed on its own, 3 pt apart — pdfplumber's
    # x_tolerance would turn these gaps into spaces.
    spaced = [Text(LEFT + i * (SIZE + 3), 100, ch, SIZE) for i, ch in enumerate("分工方案的通知")]
    bold = Text(LEFT, 130, "一、着力提升自主创新能力", SIZE, bold_twice=True)
    real_space = Text(LEFT, 160, "1、 着力提升 R字签证 ABC DEF", SIZE)
    doc = read([Page(texts=[*spaced, bold, real_space])])
    assert paragraphs(doc) == [
        "分工方案的通知",
        "一、着力提升自主创新能力",
        "1、 着力提升 R字签证 ABC DEF",
    ]


def test_it_inserts_a_space_between_latin_words_drawn_without_one() -> None:
    words = [
        Text(LEFT, 100, "Binhai", SIZE),
        Text(LEFT + text_width("Binhai", SIZE) + 4, 100, "Zone", SIZE),
    ]
    doc = read([Page(texts=words)])
    assert paragraphs(doc) == ["Binhai Zone"]


# --- page furniture -------------------------------------------------------------


@pytest.mark.parametrize("footer", ["- 3 -", "3", "第3页", "第 3 页 共 9 页", "— 3 —", "3/9"])
def test_it_moves_page_number_footers_to_residue(footer: str) -> None:
    texts, _ = wrap(P1, 100)
    texts.append(centred(footer, 800))
    doc = read([Page(texts=texts)])
    assert paragraphs(doc) == [P1]
    assert [(r.text, r.span.page) for r in doc.residue] == [(footer, 1)]
    assert "page number" in doc.residue[0].reason


def test_it_keeps_a_bare_number_inside_the_body() -> None:
    texts = [
        Text(LEFT, 100, "序号", SIZE),
        Text(LEFT, 115, "3", SIZE),
        Text(LEFT, 130, "说明。", SIZE),
    ]
    doc = read([Page(texts=texts)])
    assert paragraphs(doc) == ["序号", "3", "说明。"]
    assert doc.residue == ()


# --- tables -----------------------------------------------------------------------

XS = [60.0, 100.0, 206.0, 266.0]  # 序号 | 举措 (10 chars + 2×3 pt padding) | 单位
HEADER = {(0, 0): ["序号"], (0, 1): ["具体举措"], (0, 2): ["责任部门"]}


def _table_page(
    ys: list[float], cells: dict, *, merges=(), extra: list[Text] | None = None
) -> Page:
    texts, lines = ruled_table(XS, ys, cells, merges=merges, size=SIZE)
    return Page(texts=texts + (extra or []), lines=lines)


def cell_texts(table: Table, *, skip_repeats: bool = True) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in table.rows if not (skip_repeats and r.repeat_header)]


def test_it_stitches_a_table_across_pages_and_joins_a_cut_row() -> None:
    page1 = _table_page(
        [72, 90, 130, 170],
        {
            **HEADER,
            (1, 0): ["1"],
            (1, 1): ["第一项举措的文字内容", "到此结束。"],
            (1, 2): ["甲局"],
            (2, 0): ["2"],
            (2, 1): ["第二项举措的文字内容", "在页末被截断的一行字"],
            (2, 2): ["乙局、"],
        },
        extra=[Text(LEFT, 40, "分工表", SIZE)],
    )
    page2 = _table_page(
        [72, 90, 110, 150],
        {
            **HEADER,
            (1, 1): ["了。"],
            (1, 2): ["丙局"],
            (2, 0): ["3"],
            (2, 1): ["第三项举措。"],
            (2, 2): ["丁局"],
        },
        extra=[Text(LEFT, 300, "表后的说明。", SIZE)],
    )
    doc = read([page1, page2])
    assert paragraphs(doc) == ["分工表", "表后的说明。"]
    (table,) = tables(doc)
    assert [r.repeat_header for r in table.rows] == [False, False, False, True, False]
    assert cell_texts(table) == [
        ["序号", "具体举措", "责任部门"],
        ["1", "第一项举措的文字内容到此结束。", "甲局"],
        ["2", "第二项举措的文字内容在页末被截断的一行字了。", "乙局、\n丙局"],
        ["3", "第三项举措。", "丁局"],
    ]
    assert (table.span.page, table.span.end_page) == (1, 2)
    cut = table.rows[2]
    assert cut.cells[1].span.page == 1 and cut.cells[1].span.end_page == 2


def test_a_page_drawn_through_a_form_xobject_reads_like_the_page_itself() -> None:
    # Text and ruling lines inside a form, moved by the page's `cm`: each
    # engine walks into the form and maps its objects through both matrices.
    cells = {**HEADER, (1, 0): ["1"], (1, 1): ["第一项举措。"], (1, 2): ["甲局"]}
    plain = read([_table_page([72, 90, 130], cells, extra=[Text(LEFT, 40, "分工表", SIZE)])])
    page = _table_page([72, 90, 130], cells, extra=[Text(LEFT, 40, "分工表", SIZE)])
    page.in_form = (6.0, 20.0)
    moved = read([page])
    assert paragraphs(moved) == paragraphs(plain) == ["分工表"]
    assert [cell_texts(t) for t in tables(moved)] == [cell_texts(t) for t in tables(plain)]
    assert cell_texts(tables(moved)[0])[1] == ["1", "第一项举措。", "甲局"]
    shift = tables(moved)[0].span.bbox[0] - tables(plain)[0].span.bbox[0]
    assert shift == pytest.approx(6.0, abs=0.5)


def test_a_row_without_number_after_a_finished_sentence_stays_a_sub_row() -> None:
    page1 = _table_page(
        [72, 90, 130],
        {**HEADER, (1, 0): ["36"], (1, 1): ["支持细胞谷建设。"], (1, 2): ["甲局"]},
    )
    page2 = _table_page(
        [72, 90, 130],
        {**HEADER, (1, 1): ["支持设立评审分中心。"], (1, 2): ["乙局"]},
    )
    (table,) = tables(read([page1, page2]))
    assert cell_texts(table) == [
        ["序号", "具体举措", "责任部门"],
        ["36", "支持细胞谷建设。", "甲局"],
        ["", "支持设立评审分中心。", "乙局"],
    ]


def test_a_table_whose_first_page_holds_only_the_header_keeps_it() -> None:
    page1 = _table_page([700, 718], {**HEADER})
    page2 = _table_page([72, 90, 130], {**HEADER, (1, 1): ["没有序号的一行"], (1, 2): ["甲局"]})
    (table,) = tables(read([page1, page2]))
    assert [r.repeat_header for r in table.rows] == [False, True, False]
    assert cell_texts(table) == [
        ["序号", "具体举措", "责任部门"],
        ["", "没有序号的一行", "甲局"],
    ]


def test_it_marks_merged_cells_up_and_left() -> None:
    ys = [72, 90, 110, 130, 150]
    cells = {
        **HEADER,
        (1, 0): ["1"],
        (1, 1): ["举措一。"],
        (1, 2): ["甲局"],
        (2, 0): ["2"],
        (2, 1): ["举措二。"],
        (3, 0): ["说明：以下合并"],
    }
    # 甲局 spans rows 1–2 (vertical); the note in row 3 spans all columns.
    page = _table_page(ys, cells, merges=((1, 2, 2, 2), (3, 0, 3, 2)))
    (table,) = tables(read([page]))
    row2, row3 = table.rows[2], table.rows[3]
    assert row2.cells[2].merged_up and row2.cells[2].text == ""
    assert not row2.cells[2].merged_left
    assert [c.merged_left for c in row3.cells] == [False, True, True]
    assert row3.cells[0].text == "说明：以下合并"
    # An empty cell with its own rules is empty, not merged.
    page = _table_page(ys[:3], {**HEADER, (1, 0): ["1"], (1, 1): ["举措一。"]})
    (table,) = tables(read([page]))
    last = table.rows[1].cells[2]
    assert (last.text, last.merged_up, last.merged_left) == ("", False, False)


def test_it_keeps_typed_line_breaks_in_cells_and_joins_wrapped_ones() -> None:
    page = _table_page(
        [72, 90, 140],
        {
            **HEADER,
            (1, 0): ["1"],
            (1, 1): ["这一行正好写满十个字", "接着写。"],  # wrapped: joined
            (1, 2): ["经发局、", "京津冀招商局"],  # typed break: kept
        },
    )
    (table,) = tables(read([page]))
    assert cell_texts(table)[1] == ["1", "这一行正好写满十个字接着写。", "经发局、\n京津冀招商局"]


def test_an_invisible_rule_does_not_split_a_cell() -> None:
    page = _table_page(
        [72, 90, 140],
        {**HEADER, (1, 0): ["1"], (1, 1): ["上半句没有写满", "下半句。"], (1, 2): ["甲局"]},
    )
    # Word sometimes leaves a white border between two lines of one cell.
    page.lines.append(Line(XS[0], 115, XS[-1], 115, gray=1.0))
    (table,) = tables(read([page]))
    assert cell_texts(table)[1:] == [["1", "上半句没有写满\n下半句。", "甲局"]]


def test_it_keeps_tables_with_other_columns_apart() -> None:
    page1 = _table_page([72, 90, 130], {**HEADER, (1, 0): ["1"], (1, 1): ["举措一。"]})
    texts, lines = ruled_table(
        [60.0, 160.0, 300.0], [72, 90, 130], {(0, 0): ["甲"], (0, 1): ["乙"], (1, 0): ["丙"]}
    )
    doc = read([page1, Page(texts=texts, lines=lines)])
    assert len(tables(doc)) == 2


def test_it_honours_a_continued_table_marker() -> None:
    page1 = _table_page(
        [72, 90, 130], {**HEADER, (1, 0): ["1"], (1, 1): ["举措一。"], (1, 2): ["甲局"]}
    )
    # The next page's table is drawn 30 pt further right, under a 续表 line.
    texts, lines = ruled_table(
        [x + 30 for x in XS],
        [72, 90, 130],
        {**HEADER, (1, 0): ["2"], (1, 1): ["举措二。"], (1, 2): ["乙局"]},
    )
    doc = read([page1, Page(texts=texts + [Text(LEFT, 50, "续表", SIZE)], lines=lines)])
    (table,) = tables(doc)
    assert [r[0] for r in cell_texts(table)] == ["序号", "1", "2"]
    assert [(r.text, r.span.page) for r in doc.residue] == [("续表", 2)]


def test_table_text_is_not_repeated_as_paragraphs() -> None:
    page = _table_page(
        [72, 90, 130], {**HEADER, (1, 0): ["1"], (1, 1): ["举措一。"], (1, 2): ["甲局"]}
    )
    doc = read([page])
    assert paragraphs(doc) == []
    assert len(tables(doc)) == 1


# --- the sample -----------------------------------------------------------------------

_PAGE_NUMBER = regex.compile(r"^\s*[-—]?\s*\d{1,4}\s*[-—]?\s*$")


def _prose(doc: Document) -> list[str]:
    return [p for p in paragraphs(doc) if not _PAGE_NUMBER.match(p)]


def _grid(doc: Document) -> list[list[str]]:
    """The table's cell texts, line breaks removed (wrapped or typed is a
    layout question), repeated header rows skipped."""
    (table,) = tables(doc)
    return [[c.text.replace("\n", "") for c in r.cells] for r in table.rows if not r.repeat_header]


@pytest.mark.skipif(
    not (SAMPLES / "notice.pdf").exists(), reason="samples/notice.pdf not generated"
)
def test_notice_pdf_reads_like_notice_txt() -> None:
    pdf = read_document(SAMPLES / "notice.pdf")
    txt = read_document(SAMPLES / "notice.txt")
    assert _prose(pdf) == _prose(txt)
    assert _grid(pdf) == _grid(txt)
    # The page number the portal left behind in the text is a footer in the PDF.
    assert {r.reason for r in pdf.residue} <= {"page number (header/footer)"}


# --- hidden text ----------------------------------------------------------------


def test_text_outside_the_page_or_in_specks_of_type_goes_to_residue() -> None:
    # Planted text no reader of the printed page sees: it must not become a
    # measure, and must not vanish either.
    page = Page(
        texts=[
            Text(LEFT, 100, "关于印发分工方案的通知", SIZE),
            Text(LEFT, 900, "1.隐藏举措。（牵头单位：区财政局）", SIZE),  # below the page
            Text(-400, 300, "2.页外举措。", SIZE),  # left of the page
            Text(LEFT, 400, "3.极小字举措。", 0.2),
        ]
    )
    doc = read([page])
    assert paragraphs(doc) == ["关于印发分工方案的通知"]
    hidden = {(r.text, r.reason) for r in doc.residue}
    assert ("1.隐藏举措。（牵头单位：区财政局）", "hidden text: drawn outside the page") in hidden
    assert ("2.页外举措。", "hidden text: drawn outside the page") in hidden
    assert ("3.极小字举措。", "hidden text: type under 1 pt, too small to read") in hidden


TITLE = "关于印发分工方案的通知"
PLANTED = "1.隐藏举措。（牵头单位：区财政局）"
WHITE_ON_WHITE = "hidden text: white on white"
INVISIBLE = "hidden text: invisible (render mode 3)"
COVERED = "hidden text: covered by a filled shape"
OUTSIDE_CROP = "hidden text: outside the crop box"


def read_with(engine: str, pages: list[Page]) -> Document:
    """One engine's reading (the hidden-text tests run once per engine)."""
    for p in pages:
        p.width = WIDTH
    data = build_pdf(pages)
    src = Source(path=None, format=Format.PDF, sha256=hashlib.sha256(data).hexdigest())
    return read_pdf(data, src, Limits(), engine=engine)  # type: ignore[arg-type]


def residue(doc: Document) -> set[tuple[str, str]]:
    return {(r.text, r.reason) for r in doc.residue}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "white", [(1.0,), (1.0, 1.0, 1.0), (0.0, 0.0, 0.0, 0.0)], ids=["gray", "rgb", "cmyk"]
)
def test_white_text_on_a_white_page_goes_to_residue(engine: str, white: tuple[float, ...]) -> None:
    page = Page(texts=[Text(LEFT, 100, TITLE, SIZE), Text(LEFT, 130, PLANTED, SIZE, color=white)])
    doc = read_with(engine, [page])
    assert paragraphs(doc) == [TITLE]
    assert (PLANTED, WHITE_ON_WHITE) in residue(doc)


@pytest.mark.parametrize("engine", ENGINES)
def test_white_text_on_a_dark_box_painted_before_it_stays_text(engine: str) -> None:
    # A banner or a table's header cell: dark shading, white type on it.
    page = Page(
        texts=[Text(LEFT, 100, TITLE, SIZE), Text(LEFT, 130, PLANTED, SIZE, color=(1.0,))],
        fills=[Fill(LEFT - 5, 125, LEFT + COLUMN, 145, color=(0.2, 0.3, 0.6))],
    )
    doc = read_with(engine, [page])
    assert paragraphs(doc) == [TITLE, PLANTED]
    assert not doc.residue


@pytest.mark.parametrize("engine", ENGINES)
def test_invisible_text_goes_to_residue(engine: str) -> None:
    page = Page(texts=[Text(LEFT, 100, TITLE, SIZE), Text(LEFT, 130, PLANTED, SIZE, render=3)])
    doc = read_with(engine, [page])
    assert paragraphs(doc) == [TITLE]
    assert (PLANTED, INVISIBLE) in residue(doc)


@pytest.mark.parametrize("engine", ENGINES)
def test_invisible_text_over_a_scanned_page_is_its_text_layer(engine: str) -> None:
    # An OCR'd scan: the page is one image, the recognised text lies on it
    # in render mode 3 — the only text there is, and the wanted one.
    page = Page(
        scan=True,
        texts=[Text(LEFT, 100, TITLE, SIZE, render=3), Text(LEFT, 130, PLANTED, SIZE, render=3)],
    )
    doc = read_with(engine, [page])
    assert paragraphs(doc) == [TITLE, PLANTED]
    assert not doc.residue


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("box", [(0.0,), (1.0,)], ids=["black", "white"])
def test_text_under_a_box_painted_over_it_goes_to_residue(
    engine: str, box: tuple[float, ...]
) -> None:
    page = Page(
        texts=[Text(LEFT, 100, TITLE, SIZE), Text(LEFT, 130, PLANTED, SIZE)],
        fills=[Fill(LEFT - 2, 127, LEFT + COLUMN, 143, color=box, over_text=True)],
    )
    doc = read_with(engine, [page])
    assert paragraphs(doc) == [TITLE]
    assert (PLANTED, COVERED) in residue(doc)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_translucent_box_painted_over_text_does_not_hide_it(engine: str) -> None:
    # A tint laid over a paragraph (ca 0.3): the text shows through.
    page = Page(
        texts=[Text(LEFT, 100, TITLE, SIZE), Text(LEFT, 130, PLANTED, SIZE)],
        fills=[Fill(LEFT - 2, 127, LEFT + COLUMN, 143, color=(0.0,), over_text=True, alpha=0.3)],
    )
    doc = read_with(engine, [page])
    assert paragraphs(doc) == [TITLE, PLANTED]
    assert not doc.residue


@pytest.mark.parametrize("engine", ENGINES)
def test_shading_painted_before_the_text_does_not_hide_it(engine: str) -> None:
    # Shaded header cells of a ruled table, and a grey box behind a
    # paragraph: drawn first, the text stands on them.
    texts, lines = ruled_table(
        [LEFT, LEFT + 60, LEFT + COLUMN],
        [200, 220, 240],
        {(0, 0): ["序号"], (0, 1): ["工作任务"], (1, 0): ["1"], (1, 1): ["建立新型研发机构"]},
    )
    page = Page(
        texts=[Text(LEFT, 100, TITLE, SIZE), Text(LEFT, 130, PLANTED, SIZE), *texts],
        lines=lines,
        fills=[
            Fill(LEFT - 2, 127, LEFT + COLUMN, 143, color=(0.85,)),
            Fill(LEFT, 200, LEFT + COLUMN, 220, color=(0.7, 0.8, 0.9)),
        ],
    )
    doc = read_with(engine, [page])
    assert paragraphs(doc) == [TITLE, PLANTED]
    (table,) = tables(doc)
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["序号", "工作任务"],
        ["1", "建立新型研发机构"],
    ]
    assert not doc.residue


@pytest.mark.parametrize("engine", ENGINES)
def test_a_thin_rule_painted_over_text_does_not_hide_it(engine: str) -> None:
    # Struck-through or underlined type is still read (and a border drawn as
    # a thin filled rectangle crosses text now and then).
    page = Page(
        texts=[Text(LEFT, 100, TITLE, SIZE), Text(LEFT, 130, PLANTED, SIZE)],
        fills=[Fill(LEFT, 134.5, LEFT + COLUMN, 135.5, color=(0.0,), over_text=True)],
    )
    doc = read_with(engine, [page])
    assert paragraphs(doc) == [TITLE, PLANTED]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_seal_drawn_over_text_does_not_hide_it_but_two_boxes_in_one_path_do(engine: str) -> None:
    # A seal is drawn as filled curves over the issuer's name: its bounding
    # box is not its shape, and the name must stay.  `re re f` is one path
    # of two boxes, each hiding its line.
    content = (
        b"BT /F1 10 Tf 1 0 0 1 72 732 Tm <5173 4E8E> Tj ET\n"
        b"BT /F1 10 Tf 1 0 0 1 72 702 Tm <0031 002E 4E3E> Tj ET\n"
        b"BT /F1 10 Tf 1 0 0 1 72 672 Tm <0032 002E 4E3E> Tj ET\n"
        b"BT /F1 10 Tf 1 0 0 1 72 642 Tm <0033 002E 4E3E> Tj ET\n"
        b"q 0 g 70 700 60 14 re 70 670 60 14 re f Q\n"
        b"q 1 0 0 rg 70 640 m 130 640 l 130 654 c 70 654 l h f Q\n"
    )
    # The texts only feed the ToUnicode map; the raw content is what is drawn.
    page = Page(raw_content=content, texts=[Text(0, 0, "关于1.举2.举3.举")])
    doc = read_with(engine, [page])
    assert paragraphs(doc) == ["关于", "3.举"]
    assert residue(doc) == {("1.举", COVERED), ("2.举", COVERED)}


@pytest.mark.parametrize("engine", ENGINES)
def test_text_outside_the_crop_box_goes_to_residue(engine: str) -> None:
    # The crop box is the page a viewer shows and a printer prints.
    page = Page(
        texts=[Text(LEFT, 100, TITLE, SIZE), Text(LEFT, 800, PLANTED, SIZE)],
        crop=(0.0, 0.0, WIDTH, 700.0),
    )
    doc = read_with(engine, [page])
    assert paragraphs(doc) == [TITLE]
    assert (PLANTED, OUTSIDE_CROP) in residue(doc)


def test_both_engines_hide_the_same_text() -> None:
    page = Page(
        texts=[
            Text(LEFT, 100, TITLE, SIZE),
            Text(LEFT, 130, "2.白字举措。", SIZE, color=(1.0,)),
            Text(LEFT, 160, "3.隐形举措。", SIZE, render=3),
            Text(LEFT, 190, "4.遮盖举措。", SIZE),
            Text(LEFT, 800, "5.裁切举措。", SIZE),
        ],
        fills=[Fill(LEFT - 2, 187, LEFT + COLUMN, 203, color=(0.0,), over_text=True)],
        crop=(0.0, 0.0, WIDTH, 700.0),
    )
    doc = read([page])  # read() asserts the engines agree
    assert residue(doc) == {
        ("2.白字举措。", WHITE_ON_WHITE),
        ("3.隐形举措。", INVISIBLE),
        ("4.遮盖举措。", COVERED),
        ("5.裁切举措。", OUTSIDE_CROP),
    }


# --- page furniture pasted into the body ------------------------------------


@pytest.mark.parametrize("mark", ["- {} -", "第{}页", "{}"])
def test_page_numbers_a_pasted_pdf_copy_holds_in_its_body_are_residue(mark: str) -> None:
    # An invented notice copied out of a PDF into Word, then saved as PDF:
    # its old page numbers stand mid-page, inside annotations, on short lines.
    lines = [
        "某县重点任务分工方案",
        "1、推行甲事项。（县甲局牵头，县乙局、",
        mark.format(5),
        "县丙局配合）",
        "2、建立丁机制。（县丁局牵头，县戊局",
        mark.format(6),
        "配合）",
    ]
    doc = read([Page(texts=[Text(LEFT, 100 + 15 * k, t, SIZE) for k, t in enumerate(lines)])])
    pages = [r.text for r in doc.residue if r.reason == "page number left by a PDF copy"]
    assert pages == [mark.format(5), mark.format(6)]
    assert mark.format(5) not in paragraphs(doc)

"""The Word reader, on small hand-made .docx files and on the samples.

Fixture bodies are WordprocessingML written out in full, so each test shows
the exact markup it is about (conftest.build_docx wraps it in a real package
made by python-docx).
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

import pytest

import policy_parse
from policy_parse.errors import CorruptFileError, EmptyDocumentError
from policy_parse.models import Paragraph, Table
from policy_parse.read import read_document
from policy_parse.read.docx.numbering import format_number

# ---------------------------------------------------------------------------
# Markup helpers


def p(text: str = "", *, num: int | None = None, ilvl: int = 0, style: str | None = None) -> str:
    ppr = ""
    if style or num is not None:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num is not None:
            ppr += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'
        ppr += "</w:pPr>"
    runs = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(t)}</w:t>' for t in text.split("\n"))
    return f"<w:p>{ppr}<w:r>{runs}</w:r></w:p>" if text else f"<w:p>{ppr}</w:p>"


def tc(*paragraphs: str, span: int = 1, vmerge: str | None = None) -> str:
    props = ""
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        props += "<w:vMerge/>"
    body = "".join(paragraphs) or "<w:p/>"
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>"


def tr(*cells: str, header: bool = False) -> str:
    trpr = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
    return f"<w:tr>{trpr}{''.join(cells)}</w:tr>"


def tbl(columns: int, *rows: str) -> str:
    grid = "".join('<w:gridCol w:w="1000"/>' for _ in range(columns))
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def level(ilvl: int, text: str, fmt: str = "decimal", start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


def abstract(aid: int, *levels: str) -> str:
    return f'<w:abstractNum w:abstractNumId="{aid}">{"".join(levels)}</w:abstractNum>'


def num(nid: int, aid: int, start_override: int | None = None, ilvl: int = 0) -> str:
    override = ""
    if start_override is not None:
        override = (
            f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start_override}"/>'
            "</w:lvlOverride>"
        )
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{override}</w:num>'


def texts(document) -> list:
    """Blocks as plain values: a paragraph's text, a table's rows of cell texts."""
    out = []
    for block in document.blocks:
        if isinstance(block, Table):
            out.append([[cell.text for cell in row.cells] for row in block.rows])
        else:
            out.append(block.text)
    return out


def only_table(document) -> Table:
    tables = [b for b in document.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    return tables[0]


# ---------------------------------------------------------------------------
# Paragraphs


def test_it_reads_paragraphs_in_body_order_and_skips_blank_ones(build_docx, read_docx):
    body = p("甲") + p() + p("  乙  ") + tbl(1, tr(tc(p("格")))) + p("丙")
    document = read_docx(build_docx(body))
    assert texts(document) == ["甲", "乙", [["格"]], "丙"]
    paragraphs = [b for b in document.blocks if isinstance(b, Paragraph)]
    # Blank paragraphs count in the index even though they are skipped.
    assert [b.span.paragraph for b in paragraphs] == [0, 2, 3]


def test_it_turns_a_line_break_inside_a_paragraph_into_a_newline(build_docx, read_docx):
    document = read_docx(build_docx(p("第一行\n第二行")))
    assert texts(document) == ["第一行\n第二行"]


def test_it_reads_runs_inside_hyperlinks_and_insertions_but_not_deleted_text(build_docx, read_docx):
    body = (
        "<w:p><w:r><w:t>见</w:t></w:r>"
        "<w:hyperlink><w:r><w:t>附件</w:t></w:r></w:hyperlink>"
        '<w:ins w:id="1" w:author="a"><w:r><w:t>一</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="a"><w:r><w:delText>二</w:delText></w:r></w:del>'
        "</w:p>"
    )
    assert texts(read_docx(build_docx(body))) == ["见附件一"]


# ---------------------------------------------------------------------------
# Tables


def test_it_gives_a_horizontally_merged_cell_its_text_once_and_marks_the_columns_it_covers(
    build_docx, read_docx
):
    body = tbl(
        3, tr(tc(p("横跨两列"), span=2), tc(p("右"))), tr(tc(p("a")), tc(p("b")), tc(p("c")))
    )
    table = only_table(read_docx(build_docx(body)))
    first = table.rows[0].cells
    assert [c.text for c in first] == ["横跨两列", "", "右"]
    assert [c.merged_left for c in first] == [False, True, False]
    assert [c.span.cell for c in first] == [0, 1, 2]
    assert [c.text for c in table.rows[1].cells] == ["a", "b", "c"]


def test_it_gives_a_vertically_merged_cell_its_text_once_and_marks_the_rows_below(
    build_docx, read_docx
):
    body = tbl(
        2,
        tr(tc(p("纵向合并"), vmerge="restart"), tc(p("1"))),
        tr(tc(vmerge="continue"), tc(p("2"))),
        tr(tc(vmerge="continue"), tc(p("3"))),
        tr(tc(p("新值")), tc(p("4"))),
    )
    table = only_table(read_docx(build_docx(body)))
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["纵向合并", "1"],
        ["", "2"],
        ["", "3"],
        ["新值", "4"],
    ]
    assert [r.cells[0].merged_up for r in table.rows] == [False, True, True, False]
    assert not any(c.merged_up for r in table.rows for c in r.cells[1:])


def test_it_marks_header_rows_that_repeat_on_every_page(build_docx, read_docx):
    body = tbl(2, tr(tc(p("序号")), tc(p("任务")), header=True), tr(tc(p("1")), tc(p("甲"))))
    table = only_table(read_docx(build_docx(body)))
    assert [r.repeat_header for r in table.rows] == [True, False]


def test_it_keeps_line_breaks_and_paragraphs_inside_a_cell_as_newlines(build_docx, read_docx):
    body = tbl(1, tr(tc(p("经发局、\n招商局"), p(), p(" 科技局 "))))
    table = only_table(read_docx(build_docx(body)))
    assert table.rows[0].cells[0].text == "经发局、\n招商局\n科技局"


def test_it_fills_grid_columns_a_row_leaves_out_with_empty_cells(build_docx, read_docx):
    body = tbl(3, tr(tc(p("a")), tc(p("b")), tc(p("c"))), tr(tc(p("only"))))
    table = only_table(read_docx(build_docx(body)))
    assert [c.text for c in table.rows[1].cells] == ["only", "", ""]


def test_a_nested_table_is_read_into_its_cell_a_row_a_line_and_said(build_docx, read_docx):
    inner = tbl(2, tr(tc(p("内1")), tc(p("内2"))), tr(tc(p("内3")), tc(p(""))))
    rows = [tr(tc(p(str(k))), tc(p(f"任务{k}"))) for k in range(1, 4)]
    body = tbl(2, tr(tc(p("外"), inner), tc(p("乙"))), *rows)
    document = read_docx(build_docx(body))
    assert only_table(document).rows[0].cells[0].text == "外\n内1 内2\n内3"
    assert document.residue == ()
    assert [(n.note, dict(n.fields)) for n in document.notes] == [
        ("docx_nested_table", {"count": "1"})
    ]


def test_a_frame_round_the_table_is_read_as_the_body_it_holds(build_docx, read_docx):
    """A border drawn round the 分工表 as a one-cell table: the 分工表 is the
    table, not a nested table set aside."""
    data = tbl(
        3,
        tr(tc(p("序号")), tc(p("工作任务")), tc(p("牵头单位"))),
        tr(tc(p("1")), tc(p("建设甲平台")), tc(p("县某局"))),
    )
    body = p("附件") + tbl(1, tr(tc(p("分工表"), data, p("")))) + p("落款")
    document = read_docx(build_docx(body))
    paragraphs = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert paragraphs == ["附件", "分工表", "落款"]
    table = only_table(document)
    assert [c.text for c in table.rows[1].cells] == ["1", "建设甲平台", "县某局"]
    assert not document.residue


# ---------------------------------------------------------------------------
# Text boxes

_TEXT_BOX = (
    "<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent>"
    '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
    "<wps:wsp><wps:txbx><w:txbxContent>{box}</w:txbxContent></wps:txbx></wps:wsp>"
    "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{box}</w:txbxContent>"
    "</v:textbox></v:shape></w:pict></mc:Fallback>"
    "</mc:AlternateContent></w:r></w:p>"
)


def test_it_reads_a_text_box_once_where_it_is_anchored(build_docx, read_docx):
    body = _TEXT_BOX.format(box=p("框内一") + p("框内二")) + p("其后")
    document = read_docx(build_docx(body))
    # The VML fallback repeats the box for old Word versions: read once.
    assert texts(document) == ["正文", "框内一", "框内二", "其后"]
    assert [b.span.paragraph for b in document.blocks] == [0, 0, 0, 1]


def test_it_appends_a_text_box_in_a_cell_to_the_cells_text(build_docx, read_docx):
    body = tbl(1, tr(tc(_TEXT_BOX.format(box=p("框内")))))
    assert only_table(read_docx(build_docx(body))).rows[0].cells[0].text == "正文\n框内"


# ---------------------------------------------------------------------------
# Automatic numbering


def test_it_renders_automatic_numbers_in_front_of_the_text(build_docx, read_docx):
    numbering = abstract(1, level(0, "%1.")) + num(1, 1)
    body = p("甲", num=1) + p("乙", num=1) + p("未编号") + p("丙", num=1)
    assert texts(read_docx(build_docx(body, numbering=numbering))) == [
        "1.甲",
        "2.乙",
        "未编号",
        "3.丙",
    ]


def test_it_restarts_a_second_list_with_a_start_override(build_docx, read_docx):
    numbering = abstract(1, level(0, "%1.")) + num(1, 1) + num(2, 1, start_override=1)
    body = p("a", num=1) + p("b", num=1) + p("c", num=2) + p("d", num=2)
    assert texts(read_docx(build_docx(body, numbering=numbering))) == ["1.a", "2.b", "1.c", "2.d"]


def test_it_continues_the_count_in_a_list_that_starts_over_at_a_later_number(build_docx, read_docx):
    # The samples' shape: 35, then literal sub-measures, then 37 … by override.
    numbering = abstract(1, level(0, "%1.")) + num(1, 1) + num(2, 1, start_override=37)
    body = p("a", num=1) + p("36-1.b") + p("c", num=2) + p("d", num=2)
    assert texts(read_docx(build_docx(body, numbering=numbering))) == [
        "1.a",
        "36-1.b",
        "37.c",
        "38.d",
    ]


def test_it_continues_the_count_across_lists_sharing_one_definition_without_override(
    build_docx, read_docx
):
    numbering = abstract(1, level(0, "%1.")) + num(1, 1) + num(2, 1)
    body = p("a", num=1) + p("b", num=2) + p("c", num=1)
    assert texts(read_docx(build_docx(body, numbering=numbering))) == ["1.a", "2.b", "3.c"]


def test_it_keeps_separate_counts_for_separate_definitions(build_docx, read_docx):
    numbering = (
        abstract(1, level(0, "%1.")) + abstract(2, level(0, "（%1）")) + num(1, 1) + num(2, 2)
    )
    body = p("a", num=1) + p("x", num=2) + p("y", num=2) + p("b", num=1)
    assert texts(read_docx(build_docx(body, numbering=numbering))) == [
        "1.a",
        "（1）x",
        "（2）y",
        "2.b",
    ]


def test_it_restarts_a_lower_level_when_a_higher_level_advances(build_docx, read_docx):
    numbering = abstract(
        1,
        level(0, "%1、", fmt="chineseCounting"),
        level(1, "（%2）", fmt="chineseCounting"),
        level(2, "%3.", fmt="decimal"),
    ) + num(1, 1)
    body = (
        p("部分", num=1, ilvl=0)
        + p("节", num=1, ilvl=1)
        + p("举措", num=1, ilvl=2)
        + p("举措", num=1, ilvl=2)
        + p("节", num=1, ilvl=1)
        + p("举措", num=1, ilvl=2)
        + p("部分", num=1, ilvl=0)
        + p("节", num=1, ilvl=1)
    )
    assert texts(read_docx(build_docx(body, numbering=numbering))) == [
        "一、部分",
        "（一）节",
        "1.举措",
        "2.举措",
        "（二）节",
        "1.举措",
        "二、部分",
        "（一）节",
    ]


def test_it_renders_multi_level_numbers_such_as_3_1(build_docx, read_docx):
    numbering = abstract(1, level(0, "%1."), level(1, "%1.%2")) + num(1, 1)
    body = p("a", num=1) + p("b", num=1) + p("c", num=1) + p("c1", num=1, ilvl=1)
    assert texts(read_docx(build_docx(body, numbering=numbering)))[-1] == "3.1c1"


def test_it_takes_numbering_from_the_paragraph_style(build_docx, read_docx):
    numbering = abstract(1, level(0, "%1、", fmt="chineseCounting")) + num(1, 1)
    styles = (
        '<w:style w:type="paragraph" w:styleId="Part"><w:name w:val="Part"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    body = p("甲", style="Part") + p("乙", style="Part")
    assert texts(read_docx(build_docx(body, numbering=numbering, styles=styles))) == [
        "一、甲",
        "二、乙",
    ]


def test_it_numbers_paragraphs_inside_table_cells_in_document_order(build_docx, read_docx):
    numbering = abstract(1, level(0, "%1")) + num(1, 1)
    body = tbl(2, tr(tc(p("", num=1)), tc(p("甲"))), tr(tc(p("", num=1)), tc(p("乙"))))
    table = only_table(read_docx(build_docx(body, numbering=numbering)))
    assert [[c.text for c in r.cells] for r in table.rows] == [["1", "甲"], ["2", "乙"]]


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (1, "decimal", "1"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCountingThousand", "二十"),
        (101, "chineseCountingThousand", "一百零一"),
        (1010, "chineseCountingThousand", "一千零一十"),
        (3, "ideographTraditional", "丙"),
        (4, "upperRoman", "IV"),
        (28, "lowerLetter", "bb"),
        (3, "decimalEnclosedCircle", "③"),
        (7, "decimalZero", "07"),
    ],
)
def test_it_formats_numbers_the_way_word_draws_them(n, fmt, expected):
    assert format_number(n, fmt) == expected


# ---------------------------------------------------------------------------
# Damaged input


def test_it_reports_a_truncated_docx_as_corrupt(build_docx):
    data = build_docx(p("甲"))
    with pytest.raises(CorruptFileError):
        read_document(data[: len(data) // 2])


def test_it_reports_a_package_with_damaged_document_xml_as_corrupt(build_docx):
    src = zipfile.ZipFile(io.BytesIO(build_docx(p("甲"))))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "word/document.xml":
                blob = blob[: len(blob) // 2]  # cut mid-element
            dst.writestr(info.filename, blob)
    with pytest.raises(CorruptFileError) as excinfo:
        read_document(out.getvalue())
    assert excinfo.value.__cause__ is not None


def test_it_says_a_docx_without_text_is_empty(build_docx, read_docx):
    with pytest.raises(EmptyDocumentError):
        read_docx(build_docx(p() + p()))


# ---------------------------------------------------------------------------
# The samples: the same blocks as the text form


@pytest.mark.parametrize("name", ["notice.docx", "notice-autonum.docx"])
def test_the_word_sample_reads_to_the_same_blocks_as_the_text_sample(samples, name):
    expected = texts(read_document(samples / "notice.txt"))
    got = texts(read_document(samples / name))
    assert len(got) == len(expected)
    for k, (want, have) in enumerate(zip(expected, got)):
        assert have == want, f"block {k} differs"


@pytest.mark.parametrize("name", ["notice.docx", "notice-autonum.docx"])
def test_the_word_samples_table_marks_its_header_and_merges(samples, name):
    document = read_document(samples / name)
    table = only_table(document)
    assert [r.repeat_header for r in table.rows].count(True) == 1
    assert table.rows[0].repeat_header
    assert {len(r.cells) for r in table.rows} == {8}
    # Every empty cell of the text form continues the cell above: in Word
    # each one is a w:vMerge continuation, and nothing else is.
    text_table = only_table(read_document(samples / "notice.txt"))
    empty_in_text = {
        (r, c)
        for r, row in enumerate(text_table.rows)
        for c, cell in enumerate(row.cells)
        if not cell.text
    }
    merged_in_word = {
        (r, c)
        for r, row in enumerate(table.rows)
        for c, cell in enumerate(row.cells)
        if cell.merged_up
    }
    assert merged_in_word == empty_in_text
    assert document.residue == ()


def test_the_autonumbered_sample_numbers_its_measures_one_to_seventy_seven(samples):
    import regex

    document = read_document(samples / "notice-autonum.docx")
    numbers = [
        m.group(1)
        for b in document.blocks
        if isinstance(b, Paragraph) and (m := regex.match(r"^(\d+(?:-\d+)?)\.", b.text))
    ]
    expected = [str(n) for n in range(1, 36)] + ["36-1", "36-2"] + [str(n) for n in range(37, 78)]
    assert numbers == expected


# ---------------------------------------------------------------------------
# Damage read as content (issue 13): cells by grid position


def _with_row_props(row: str, props: str) -> str:
    return row.replace("<w:tr>", f"<w:tr><w:trPr>{props}</w:trPr>", 1)


def test_it_fits_a_row_wider_than_the_grid_back_to_it_without_shifting_columns(
    build_docx, read_docx
):
    header = tr(tc(p("序号")), tc(p("具体落实举措")), tc(p("牵头单位")), tc(p("完成时限")))
    # w:gridBefore pushes the row one column past the grid's right edge: read
    # cell by cell, 区科技局 would land under 完成时限.
    row = _with_row_props(
        tr(tc(p("1")), tc(p("加强领导")), tc(p("区科技局")), tc(p("2021年底前"))),
        '<w:gridBefore w:val="1"/>',
    )
    document = read_docx(build_docx(tbl(4, header, row)))
    assert texts(document)[0][1] == ["1", "加强领导", "区科技局", "2021年底前"]
    assert document.residue == ()


def test_it_sets_aside_text_cells_beyond_the_grid_and_says_so(build_docx, read_docx):
    row = tr(tc(p("a")), tc(p("b")), tc(p("c")))
    document = read_docx(build_docx(tbl(2, row)))
    assert texts(document) == [[["a", "b"]]]
    assert [r.text for r in document.residue] == ["c"]
    assert "beyond the table grid" in document.residue[0].reason
    assert "not aligned" in document.residue[0].reason


def test_it_shrinks_a_span_that_overruns_the_grid_before_dropping_text(build_docx, read_docx):
    row = tr(tc(p("a"), span=3), tc(p("b")))
    document = read_docx(build_docx(tbl(3, row)))
    assert texts(document) == [[["a", "", "b"]]]
    assert document.residue == ()


def test_it_reads_a_header_row_made_of_merge_continuations_as_the_header(build_docx, read_docx):
    header = tr(*(tc(p(h), vmerge="continue") for h in ("序号", "具体落实举措", "牵头单位")))
    row = tr(tc(p("1")), tc(p("加强领导")), tc(p("区科技局")))
    document = read_docx(build_docx(tbl(3, header, row)))
    table = only_table(document)
    assert [c.text for c in table.rows[0].cells] == ["序号", "具体落实举措", "牵头单位"]
    assert not any(c.merged_up for c in table.rows[0].cells)
    assert document.residue == ()


def test_it_keeps_a_continuation_past_the_end_of_a_shorter_row_above(build_docx, read_docx):
    body = tbl(
        3,
        _with_row_props(tr(tc(p("a"))), '<w:gridAfter w:val="0"/>'),
        tr(tc(p("b")), tc(p("c"), vmerge="continue"), tc(p("d"))),
    )
    # The row above is padded to the grid, so position 1 exists: a genuine
    # continuation, its own text set aside as before.
    document = read_docx(build_docx(body))
    assert only_table(document).rows[1].cells[1].merged_up
    assert [r.text for r in document.residue] == ["c"]


# ---------------------------------------------------------------------------
# A whole notice in Word's own shapes (keyed by reading)


def test_a_word_notice_with_auto_numbers_own_line_annotations_and_a_merged_table(build_docx):
    import policy_parse

    numbering = abstract(1, level(0, "（%1）", fmt="chineseCounting")) + num(1, 1)
    numbering += abstract(2, level(0, "%1.")) + num(2, 2)
    body = (
        p("某县优化营商环境工作任务分工方案", style="Title")
        + p("提升政务服务", num=1)
        + p("推行一网通办，整合高频事项。", num=2)
        + p("（县甲局牵头，县乙局、县丙局配合）", style="Note")
        + p("压减企业开办时间。", num=2)
        + p("（县丁局负责）", style="Note")
    )
    numbered = [
        (str(m.number), [u.written for u in m.lead], sorted(u.written for u in m.support))
        for m in policy_parse.parse(build_docx(body, numbering=numbering)).measures
    ]
    assert numbered == [("1", ["县甲局"], ["县丙局", "县乙局"]), ("2", ["县丁局"], [])]

    table = tbl(
        5,
        tr(
            tc(p("序号"), vmerge="restart"),
            tc(p("主要任务"), vmerge="restart"),
            tc(p("具体措施"), vmerge="restart"),
            tc(p("责任单位"), span=2),
            header=True,
        ),
        tr(
            tc(vmerge="continue"),
            tc(vmerge="continue"),
            tc(vmerge="continue"),
            tc(p("牵头单位")),
            tc(p("配合单位")),
            header=True,
        ),
        tr(
            tc(p("1")),
            tc(p("提升政务服务"), vmerge="restart"),
            tc(p("推行一网通办。")),
            tc(p("县甲局")),
            tc(p("县乙局"), p("县丙局")),
        ),
        tr(tc(p("2")), tc(vmerge="continue"), tc(p("压减开办时间。")), tc(p("县丁局")), tc(p("—"))),
    )
    rows = [
        (str(m.number), [u.written for u in m.lead], sorted(u.written for u in m.support))
        for m in policy_parse.parse(build_docx(p("某县任务分工表") + table)).measures
    ]
    assert rows == [("1", ["县甲局"], ["县丙局", "县乙局"]), ("2", ["县丁局"], [])]


def test_the_sample_with_its_table_framed_reads_as_the_sample(tmp_path, samples):
    import docx
    from docx.oxml.ns import qn

    import policy_parse

    word = docx.Document(str(samples / "notice.docx"))
    table = next(e for e in word.element.body if e.tag == qn("w:tbl"))
    frame = word.add_table(rows=1, cols=1)._tbl
    table.addprevious(frame)
    cell = frame.find(".//" + qn("w:tc"))
    cell.insert(0, table)  # before the cell's own (required) paragraph
    framed = tmp_path / "framed.docx"
    word.save(str(framed))

    def records(path):
        notice = policy_parse.parse(path)
        return [(m.id, m.text, m.lead, m.support) for m in notice.measures], len(
            notice.discrepancies
        )

    plain = records(samples / "notice.docx")
    assert len(plain[0]) == 78
    assert records(framed) == plain


# ---------------------------------------------------------------------------
# Text copied from a PDF into Word: its page numbers as paragraphs


@pytest.mark.parametrize("mark", ["- {} -", "第{}页", "{}"])
def test_page_numbers_pasted_into_word_inside_annotations_are_residue(build_docx, mark):
    # An invented notice pasted from a PDF, a paragraph a line: each page
    # break falls inside an annotation, between two of its units.
    import policy_parse

    lines = [
        "某县重点任务分工方案",
        "1、推行甲事项，年内整合乙项目。（县甲局牵头，县乙局、",
        mark.format(5),
        "县丙局配合）",
        "2、建立丁机制，每季度发布清单。（县丁局牵头，县戊局",
        mark.format(6),
        "配合）",
    ]
    notice = policy_parse.parse(build_docx("".join(p(t) for t in lines)))
    first, second = notice.measures
    assert [u.written for u in first.support] == ["县乙局", "县丙局"]
    assert [u.written for u in second.support] == ["县戊局"]
    pages = [r.text for r in notice.residue if r.reason == "page number left by a PDF copy"]
    assert pages == [mark.format(5), mark.format(6)]


def test_a_bare_number_after_a_word_table_with_a_number_column_stays_text(build_docx, read_docx):
    # As in the .txt copy (the word sample ends so): where a 序号 header
    # stands, a bare number may be a table's cell, and is no page number.
    body = (
        p("某县方案")
        + "".join(p(f"第{k}段说明文字。") for k in range(14))
        + tbl(2, tr(tc(p("序号")), tc(p("工作任务"))), tr(tc(p("1")), tc(p("甲任务"))))
        + p("12")
    )
    document = read_docx(build_docx(body))
    assert not [r for r in document.residue if r.reason.startswith("page number")]
    assert [b.text for b in document.blocks if isinstance(b, Paragraph)][-1] == "12"


def test_a_tab_row_pasted_into_word_keeps_the_empty_cells_in_front(build_docx):
    # An invented table pasted a row per paragraph, cells parted by tabs; its
    # header's second row starts under 责任单位 (two empty cells in front).
    import policy_parse

    rows = [
        "序号\t工作任务\t责任单位\t\t完成时间",
        "\t\t牵头单位\t配合单位\t",
        "1\t推行甲事项\t县甲局\t县乙局、县丙局\t年底前",
        "2\t开展乙活动\t县丁局\t县戊局\t每年",
    ]
    tab = '</w:t><w:tab/><w:t xml:space="preserve">'  # as Word writes a tab
    body = p("某县任务清单") + "".join(p(r).replace("\t", tab) for r in rows)
    notice = policy_parse.parse(build_docx(body))
    got = [
        ([u.written for u in e.lead], sorted(u.written for u in e.support)) for e in notice.table
    ]
    assert got == [(["县甲局"], ["县丙局", "县乙局"]), (["县丁局"], ["县戊局"])]


def test_a_running_head_pasted_into_word_inside_an_annotation_is_residue(build_docx):
    import policy_parse

    lines = [
        "某县重点任务分工方案",
        "1、推行甲事项。（县甲局牵头，县乙局配合）",
        "- 2 -",
        "某县人民政府办公室",
        "2、建立丁机制。（县丁局牵头，县戊局、",
        "- 3 -",
        "某县人民政府办公室",
        "县己局配合）",
    ]
    notice = policy_parse.parse(build_docx("".join(p(t) for t in lines)))
    assert [u.written for u in notice.measures[1].support] == ["县戊局", "县己局"]
    heads = [r.text for r in notice.residue if r.reason.startswith("running head")]
    assert heads == ["某县人民政府办公室", "某县人民政府办公室"]


def test_a_space_aligned_row_pasted_into_word_keeps_the_spaces_in_front(build_docx):
    # An invented table aligned by spaces, pasted a line per paragraph; its
    # narrow columns wrapped the header: 牵头 / 单位 and 配合 / 单位, the
    # second line's cells placed only by the spaces in front of them.
    import policy_parse

    rows = [
        "序号   项目名称             牵头       配合             完成时限",
        "                            单位       单位",
        "1      新建甲设施十个       县甲局     县乙局、县丙局   年底前",
        "2      改造乙设施二十处     县丁局     县戊局           十月底前",
    ]
    body = p("某县实事项目分工表") + "".join(p(r) for r in rows)
    notice = policy_parse.parse(build_docx(body))
    got = [
        ([u.written for u in e.lead], sorted(u.written for u in e.support)) for e in notice.table
    ]
    assert got == [(["县甲局"], ["县丙局", "县乙局"]), (["县丁局"], ["县戊局"])]


def test_a_table_nested_in_a_cell_of_a_short_fengong_table_is_not_taken_for_a_frame(
    build_docx, read_docx
):
    """Two rows, a table in a cell: a frame by its size, but its own cells
    make a 分工表 header, so it is data; the nested table is read into its
    cell (cells keep their columns) rather than the outer cells run together."""
    units = tbl(1, tr(tc(p("县甲局"))), tr(tc(p("县乙局"))))
    body = p("某县任务分工表") + tbl(
        3,
        tr(tc(p("序号")), tc(p("工作任务")), tc(p("牵头单位"))),
        tr(tc(p("1")), tc(p("推行一网通办。")), tc(units, p(""))),
    )
    data = build_docx(body)
    document = read_docx(data)
    assert [c.text for c in only_table(document).rows[1].cells] == [
        "1",
        "推行一网通办。",
        "县甲局\n县乙局",
    ]
    assert document.residue == ()
    # Set aside as residue, the units were lost to the measure.
    [measure] = policy_parse.parse(data).measures
    assert [u.written for u in measure.lead] == ["县甲局", "县乙局"]

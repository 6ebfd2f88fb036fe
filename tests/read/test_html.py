"""The web-page reader, on small hand-written pages and on samples/notice.html."""

from __future__ import annotations

import resource
import time
from pathlib import Path

import pytest

import policy_parse
from policy_parse.errors import EmptyDocumentError, InputTooLargeError, PolicyParseError
from policy_parse.models import Document, Format, Paragraph, Table
from policy_parse.read import detect_format, read_document

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def page(body: str, head: str = "", charset: str | None = "utf-8") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<!DOCTYPE html><html><head>{meta}{head}</head><body>{body}</body></html>"


def read(html: str | bytes, encoding: str = "utf-8") -> Document:
    data = html.encode(encoding) if isinstance(html, str) else html
    return read_document(data)


def paragraphs(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def tables(doc: Document) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


# ---------------------------------------------------------------------------
# Detection: never plain text again


@pytest.mark.parametrize(
    "head",
    [
        b"<!DOCTYPE html><html>",
        b"<HTML><HEAD>",
        b"\xef\xbb\xbf<!doctype HTML>",
        b"  \n<!-- saved from url=(0042)http://example.gov.cn -->\n<html>",
        b"<meta http-equiv='Content-Type' content='text/html; charset=gbk'><body>",
    ],
)
def test_a_web_page_is_detected_by_its_markup(head: bytes) -> None:
    assert detect_format(head + b"<p>x</p>") is Format.HTML


def test_a_text_mentioning_html_is_still_text() -> None:
    assert detect_format("通知\n<html> 标签说明\n".encode()) is Format.TXT


def test_a_web_page_named_txt_is_read_as_a_page_not_as_its_source(tmp_path: Path) -> None:
    p = tmp_path / "notice.txt"
    p.write_text(page("<p>关于印发方案的通知</p><script>var a=1;</script>"), encoding="utf-8")
    doc = read_document(p)
    assert doc.source.format is Format.HTML
    assert paragraphs(doc) == ["关于印发方案的通知"]
    assert not any("<" in t for t in doc.texts())


# ---------------------------------------------------------------------------
# Text, line breaks, furniture


def test_br_and_p_break_lines_and_whitespace_collapses() -> None:
    doc = read(page("<p>第一行<br>第二行</p><div>  第三\n   行 <span>续</span></div>"))
    assert paragraphs(doc) == ["第一行", "第二行", "第三 行 续"]


def test_pre_keeps_its_line_breaks_and_blank_lines_and_reads_as_a_text_file() -> None:
    body = "<p>前言</p><pre>一、甲\n\n1.乙事项。（牵头单位：县某局）\n  丙</pre><p>后记</p>"
    doc = read(page(body))
    assert paragraphs(doc) == ["前言", "一、甲", "1.乙事项。（牵头单位：县某局）", "丙", "后记"]
    # Numbered on with the page's paragraphs; lines counted within the <pre>.
    spans = [b.span for b in doc.blocks]
    assert [s.paragraph for s in spans] == [0, 1, 2, 3, 4]
    assert [s.start_line for s in spans] == [None, 1, 3, 4, None]


def test_white_space_pre_line_keeps_lines_and_pre_keeps_tabs() -> None:
    doc = read(page('<div style="white-space: pre-line">甲\n乙   丙</div>'))
    assert paragraphs(doc) == ["甲", "乙 丙"]
    # A table typed with tabs in <pre> is a table, as in a .txt file.
    rows = "序号\t工作任务\t牵头单位\n1\t建设甲平台\t县某局\n2\t完善乙机制\t县另局\n"
    found = tables(read(page(f"<pre>{rows}</pre>")))
    assert [[c.text for c in r.cells] for r in found[0].rows][1] == ["1", "建设甲平台", "县某局"]


def _rows(doc: Document) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in tables(doc)[0].rows]


def test_a_space_aligned_table_pasted_a_row_a_p_keeps_its_columns_from_the_source() -> None:
    # A browser shows "1 建设甲平台 县某局 县另局"; the source still parts the cells.
    body = (
        "<p>某县重点工作任务分工表</p>"
        "<p>序号   工作任务             牵头单位     配合单位</p>"
        "<p>1      建设甲平台           县某局       县另局</p>"
        "<p>2      完善乙机制           县另局       县某局、县他局</p>"
    )
    doc = read(page(body))
    assert paragraphs(doc) == ["某县重点工作任务分工表"]
    assert _rows(doc) == [
        ["序号", "工作任务", "牵头单位", "配合单位"],
        ["1", "建设甲平台", "县某局", "县另局"],
        ["2", "完善乙机制", "县另局", "县某局、县他局"],
    ]


def test_a_tab_row_in_a_p_keeps_the_tabs_in_front_of_a_headers_second_line() -> None:
    body = (
        "<p>序号\t工作任务\t责任单位\t\t完成时限</p>"
        "<p>\t\t牵头单位\t配合单位\t</p>"
        "<p>1\t建设甲平台\t县某局\t县另局\t2025年底</p>"
        "<p>2\t完善乙机制\t县另局\t县他局\t长期坚持</p>"
    )
    rows = _rows(read(page(body)))
    assert rows[1] == ["", "", "牵头单位", "配合单位", ""]
    assert rows[2] == ["1", "建设甲平台", "县某局", "县另局", "2025年底"]
    notice = policy_parse.parse(page(body).encode())
    assert [([u.name for u in m.lead], [u.name for u in m.support]) for m in notice.measures] == [
        (["县某局"], ["县另局"]),
        (["县另局"], ["县他局"]),
    ]


def test_the_sources_own_wrapping_and_a_cells_spaces_still_collapse() -> None:
    # White space holding a line break is the source's layout, not a gap;
    # a <td>'s text is a cell already.
    body = (
        "<p>建设甲平台，\n        完善乙机制。</p>"
        "<table><tr><td>牵头单位</td><td>配合单位</td></tr>"
        "<tr><td>县某局</td><td>县另局   县他局</td></tr></table>"
    )
    doc = read(page(body))
    assert paragraphs(doc) == ["建设甲平台， 完善乙机制。"]
    assert _rows(doc)[1] == ["县某局", "县另局 县他局"]


def test_a_notice_pasted_whole_into_pre_reads_as_its_txt_file() -> None:
    import html

    text = (SAMPLES / "notice.txt").read_text(encoding="utf-8")
    wrapped = policy_parse.parse(page(f"<pre>{html.escape(text)}</pre>").encode())
    plain = policy_parse.parse(SAMPLES / "notice.txt")

    def key(n: policy_parse.Notice) -> list[tuple[object, ...]]:
        return [
            (m.id, m.text, [u.name for u in m.lead], [u.name for u in m.support], m.deadline)
            for m in n.measures
        ]

    assert len(plain.measures) == 78
    assert key(wrapped) == key(plain)
    assert len(wrapped.discrepancies) == len(plain.discrepancies)


def test_navigation_share_bar_and_footer_are_residue_with_a_reason() -> None:
    body = (
        "<nav><a>首页</a></nav>"
        '<div class="breadcrumb">当前位置：首页</div>'
        "<p>正文</p>"
        '<div class="share-bar">分享到：微信</div>'
        '<div id="footer">版权所有</div>'
    )
    doc = read(page(body))
    assert paragraphs(doc) == ["正文"]
    reasons = {r.text: r.reason for r in doc.residue}
    assert reasons["首页"].startswith("web page furniture (<nav>")
    assert "breadcrumb" in reasons["当前位置：首页"]
    assert "share-bar" in reasons["分享到：微信"]
    assert "footer" in reasons["版权所有"]


def test_furniture_inside_furniture_is_set_aside_as_one_text() -> None:
    doc = read(page("<nav><a>首页</a><form><button>搜索</button></form></nav><p>正文</p>"))
    assert [r.text for r in doc.residue] == ["首页搜索"]


def test_a_class_word_matches_whole_words_only() -> None:
    doc = read(page('<div class="canvas-text">正文</div>'))
    assert paragraphs(doc) == ["正文"]


def test_scripts_and_styles_are_not_text_and_the_title_is_residue() -> None:
    doc = read(
        page("<style>p{}</style><p>正文</p><script>alert(1)</script>", "<title>标题</title>")
    )
    assert paragraphs(doc) == ["正文"]
    assert [(r.text, r.reason) for r in doc.residue] == [("标题", "web page title (<title>)")]


def test_hidden_text_is_residue() -> None:
    doc = read(page('<p>正文</p><p style="display: none">隐藏</p>'))
    assert paragraphs(doc) == ["正文"]
    assert doc.residue[0].text == "隐藏" and doc.residue[0].reason.startswith("hidden")


def test_the_portal_line_is_kept_for_the_header_to_set_aside() -> None:
    html = page(
        "<div class='info'>来源：某区政府 发布日期：2020-11-20</div><p>某区文件</p>"
        "<p>一、任务</p><p>1.推进改革。（牵头单位：区发改委）</p>"
    )
    notice = policy_parse.parse(html.encode())
    assert any(r.reason == "web portal line above the notice" for r in notice.residue)


# ---------------------------------------------------------------------------
# Charsets


def test_gbk_under_a_gb2312_label_reads() -> None:
    # 镕 is in GBK, not in GB2312: pages labelled gb2312 hold such characters.
    html = page("<p>朱镕基同志</p>", charset="gb2312")
    assert paragraphs(read(html, "gbk")) == ["朱镕基同志"]


def test_the_http_equiv_meta_form_gives_the_charset() -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK">'
        "</head><body><p>分工方案</p></body></html>"
    )
    assert paragraphs(read(html, "gbk")) == ["分工方案"]


def test_a_wrong_label_falls_back_to_the_byte_cascade() -> None:
    html = page("<p>分工方案</p>", charset="utf-8")
    assert paragraphs(read(html, "gbk")) == ["分工方案"]


def test_a_bom_wins_over_the_label() -> None:
    html = page("<p>分工方案</p>", charset="gbk")
    assert paragraphs(read(b"\xef\xbb\xbf" + html.encode("utf-8"))) == ["分工方案"]


# ---------------------------------------------------------------------------
# Tables


def test_rowspan_and_colspan_become_merged_cells_as_in_word() -> None:
    body = (
        "<table>"
        "<thead><tr><th>序号</th><th>措施</th><th>部门</th></tr></thead>"
        "<tr><td>1</td><td>甲</td><td rowspan='2'>科技局</td></tr>"
        "<tr><td>2</td><td>乙</td></tr>"
        "<tr><td colspan='3'>二、标题</td></tr>"
        "</table>"
    )
    (t,) = tables(read(page(body)))
    grid = [[(c.text, c.merged_up, c.merged_left) for c in r.cells] for r in t.rows]
    assert grid[1][2] == ("科技局", False, False)
    assert grid[2][2] == ("", True, False)
    assert grid[3] == [("二、标题", False, False), ("", False, True), ("", False, True)]
    assert t.rows[0].repeat_header and not t.rows[1].repeat_header


def test_a_short_row_is_padded_and_an_absurd_span_is_bounded() -> None:
    body = "<table><tr><td>a</td><td>b</td></tr><tr><td rowspan='99999'>c</td></tr></table>"
    (t,) = tables(read(page(body)))
    assert [[c.text for c in r.cells] for r in t.rows] == [["a", "b"], ["c", ""]]


def test_br_in_a_cell_is_a_line_break_and_a_nested_table_is_residue() -> None:
    rows = "".join(f"<tr><td>{k}</td><td>任务{k}</td></tr>" for k in range(1, 4))
    body = (
        "<table><tr><td>科技局、<br>人社局</td>"
        "<td><table><tr><td>内</td><td>表</td></tr></table></td></tr>"
        f"{rows}</table>"
    )
    doc = read(page(body))
    (t,) = tables(doc)
    assert t.rows[0].cells[0].text == "科技局、\n人社局"
    assert t.rows[0].cells[1].text == ""
    assert doc.residue[0].text == "内\n表"
    assert doc.residue[0].reason == "nested table in table 0, row 0, cell 1"


def test_a_one_column_box_in_a_cell_is_the_cell_s_text() -> None:
    rows = "".join(f"<tr><td>{k}</td><td>任务{k}</td></tr>" for k in range(1, 5))
    body = (
        f"<table><tr><td>甲</td><td><table><tr><td>乙局</td></tr></table></td></tr>{rows}</table>"
    )
    doc = read(page(body))
    (t,) = tables(doc)
    assert t.rows[0].cells[1].text == "乙局"
    assert not doc.residue


def test_a_page_framed_by_a_layout_table_is_read_as_its_flow() -> None:
    """An older portal's frame: a side bar cell, then the article with its
    分工表 nested in the next cell."""
    data = "<tr><td>序号</td><td>工作任务</td><td>牵头单位</td></tr><tr><td>1</td><td>甲</td><td>乙局</td></tr>"
    body = (
        '<table width="100%"><tr><td>栏目导航</td><td>'
        f"<p>一、总体要求</p><p>正文一段。</p><table>{data}</table><p>落款</p>"
        "</td></tr></table>"
    )
    doc = read(page(body))
    assert paragraphs(doc) == ["栏目导航", "一、总体要求", "正文一段。", "落款"]
    (t,) = tables(doc)
    assert [c.text for c in t.rows[1].cells] == ["1", "甲", "乙局"]
    assert not doc.residue


@pytest.mark.parametrize(
    "frame",
    [
        "<table><tr><td>{}</td></tr><tr><td>页脚</td></tr></table>",  # one column
        '<table role="presentation"><tr><td>{}</td><td>右栏</td></tr></table>',
        "<table><tr><td>左栏</td><td><p>a</p><p>b</p><p>c</p><p>d</p>{}</td></tr></table>",
    ],
)
def test_a_frame_is_flow_and_its_cells_lines_are_paragraphs(frame: str) -> None:
    doc = read(page(frame.format("<p>一、甲</p><p>1.乙</p>")))
    assert not tables(doc)
    assert "一、甲" in paragraphs(doc) and "1.乙" in paragraphs(doc)


def test_a_small_data_table_stays_a_table() -> None:
    body = (
        "<table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td></tr>"
        "<tr><td>1</td><td><p>建设甲平台</p></td><td><p>县某局</p><p>县另局</p></td></tr></table>"
    )
    (t,) = tables(read(page(body)))
    assert [c.text for c in t.rows[1].cells] == ["1", "建设甲平台", "县某局\n县另局"]


def test_a_notice_framed_by_a_layout_table_reads_as_the_unframed_page() -> None:
    raw = (SAMPLES / "notice.html").read_bytes().decode("gb18030")
    head, rest = raw.split("<body", 1)
    attrs_, inner = rest.split(">", 1)
    inner, tail = inner.rsplit("</body>", 1)
    framed = (
        f'{head}<body{attrs_}><table width="100%"><tr><td>栏目</td><td><table><tr><td>'
        f"{inner}</td></tr></table></td></tr></table></body>{tail}"
    )
    a = policy_parse.parse(framed.encode("gb18030"))
    b = policy_parse.parse(SAMPLES / "notice.html")
    assert len(b.measures) == 78
    assert [(m.id, m.text, [u.name for u in m.lead]) for m in a.measures] == [
        (m.id, m.text, [u.name for u in m.lead]) for m in b.measures
    ]


# ---------------------------------------------------------------------------
# Bad and hostile pages


def test_a_page_with_no_text_is_empty() -> None:
    with pytest.raises(EmptyDocumentError):
        read(page("<script>x()</script>"))


def test_a_million_nested_tags_are_refused_quickly_and_within_memory() -> None:
    n = 10**6
    html = "<html><body>" + "<div>" * n + "深" + "</div>" * n + "<p>后文</p></body></html>"
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.process_time()
    with pytest.raises(InputTooLargeError, match="256 levels"):
        read(html)
    assert time.process_time() - start < 10
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 200


def test_a_page_nested_just_under_the_limit_is_read_whole() -> None:
    n = 200
    doc = read(page("<div>" * n + "深" + "</div>" * n + "<p>后文</p>"))
    assert paragraphs(doc) == ["深", "后文"]


def test_a_truncated_page_gives_what_it_holds() -> None:
    data = (SAMPLES / "notice.html").read_bytes()
    cut = data[: len(data) // 3]
    cut = cut[: cut.rfind(b"</p>")] + b"</p><p>\xb5"  # cut inside a GBK character too
    try:
        doc = read_document(cut)
    except PolicyParseError:
        pytest.fail("a truncated page must read as far as it goes")
    assert doc.source.format is Format.HTML
    full = read_document(SAMPLES / "notice.html")
    assert paragraphs(doc)[:-1] == paragraphs(full)[: len(paragraphs(doc)) - 1]


# ---------------------------------------------------------------------------
# The sample


def test_the_sample_page_sets_its_furniture_aside_and_keeps_the_table() -> None:
    doc = read_document(SAMPLES / "notice.html")
    assert doc.source.format is Format.HTML
    (t,) = tables(doc)
    assert any(c.merged_up for r in t.rows for c in r.cells)
    reasons = " ".join(r.reason for r in doc.residue)
    for furniture in ("nav", "position", "bdsharebuttonbox", "footer", "<title>"):
        assert furniture in reasons


# ---------------------------------------------------------------------------
# Fragments and single-file pages


def test_a_saved_fragment_without_html_tags_is_still_a_page() -> None:
    doc = read(
        "<div class='TRS_Editor'><p>某区文件</p><table><tr><td>1</td><td>甲</td></tr></table></div>"
    )
    assert doc.source.format is Format.HTML
    assert paragraphs(doc) == ["某区文件"] and len(tables(doc)) == 1


def test_a_page_saved_as_one_mime_file_is_read_through_its_html_part() -> None:
    import quopri

    html = page("<p>分工方案</p><p>第二段</p>", charset=None).encode("gbk")
    mhtml = (
        b"From: <Saved by Windows Internet Explorer 8>\r\n"
        b"Subject: notice\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related; type="text/html"; boundary="----=_NextPart_000"\r\n'
        b"\r\n"
        b"This is a multi-part message in MIME format.\r\n\r\n"
        b"------=_NextPart_000\r\n"
        b'Content-Type: text/html; charset="gb2312"\r\n'
        b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        + quopri.encodestring(html).replace(b"\n", b"\r\n")
        + b"\r\n------=_NextPart_000--\r\n"
    )
    doc = read(mhtml)
    assert doc.source.format is Format.HTML
    assert paragraphs(doc) == ["分工方案", "第二段"]


def test_a_portal_table_with_a_two_row_header_rowspan_groups_and_br_lists_reads_by_column() -> None:
    # Keyed by reading: 牵头单位 | 配合单位 under a merged 责任单位, the 主要任务
    # cell written once over three rows, units one per <br>, 长期坚持 / 每年12月.
    body = (
        "<h1>某县优化营商环境工作任务分工方案</h1>"
        "<p>各乡镇人民政府，县直各部门：请县甲局牵头抓好落实。</p>"
        "<table border='1'>"
        "<tr><th rowspan='2'>序号</th><th rowspan='2'>主要任务</th><th rowspan='2'>具体措施</th>"
        "<th colspan='2'>责任单位</th><th rowspan='2'>完成时限</th></tr>"
        "<tr><th>牵头单位</th><th>配合单位</th></tr>"
        "<tr><td>1</td><td rowspan='3'>提升政务服务</td><td>推行一网通办。</td>"
        "<td>县乙局</td><td>县丙局<br>县丁局</td><td>2024年底前</td></tr>"
        "<tr><td>2</td><td>压减开办时间。</td><td>县戊局</td><td>县己局、<br>县庚局</td>"
        "<td>长期坚持</td></tr>"
        "<tr><td>3</td><td>规范执法监督。</td><td>县丁局</td><td>—</td><td>每年12月</td></tr>"
        "</table>"
    )
    notice = policy_parse.parse(page(body).encode())
    got = [
        (str(m.number), [u.written for u in m.lead], sorted(u.written for u in m.support))
        for m in notice.measures
    ]
    assert got == [
        ("1", ["县乙局"], ["县丁局", "县丙局"]),
        ("2", ["县戊局"], ["县己局", "县庚局"]),
        ("3", ["县丁局"], []),
    ]
    assert [m.deadline.written for m in notice.measures if m.deadline] == [
        "2024年底前",
        "长期坚持",
        "每年12月",
    ]


HIDING = [
    "display:none",
    "visibility: hidden",
    "visibility:collapse",
    "font-size:0",
    "font-size: 0px",
    "opacity:0",
    "opacity: 0.0",
    "color:#fff",
    "color: white; background-color: #FFFFFF",
    "position:absolute; left:-9999px",
    "position: fixed; top: -2000px",
    "text-indent:-9999px",
    "height:0; overflow:hidden",
    "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)",
    "clip-path: inset(50%)",
]


@pytest.mark.parametrize("css", HIDING)
def test_text_hidden_by_a_style_rule_for_its_class_is_residue(css: str) -> None:
    doc = read(page('<p>正文</p><p class="x">藏起来的措施</p>', f"<style>.x{{{css}}}</style>"))
    assert paragraphs(doc) == ["正文"]
    assert [(r.text, r.reason.split(" (")[0]) for r in doc.residue] == [
        ("藏起来的措施", "hidden in the page")
    ]


@pytest.mark.parametrize("css", HIDING)
def test_text_hidden_by_an_inline_style_is_residue(css: str) -> None:
    doc = read(page(f'<p>正文</p><p style="{css}">藏起来的措施</p>'))
    assert paragraphs(doc) == ["正文"]
    assert [r.text for r in doc.residue] == ["藏起来的措施"]


def test_rules_by_id_tag_and_class_list_hide_only_what_they_name() -> None:
    css = "<style>/* note */ span#a, i.b.c { display : none !important } .shown{color:red}</style>"
    body = (
        '<p>一<span id="a">甲</span><span>乙</span><i class="b">丙</i>'
        '<i class="c b">丁</i><i class="shown">戊</i></p>'
    )
    doc = read(page(body, css))
    assert paragraphs(doc) == ["一乙丙戊"]  # an inline hidden element splits no line
    assert sorted(r.text for r in doc.residue) == ["丁", "甲"]


def test_visible_styles_and_print_only_rules_hide_nothing() -> None:
    css = (
        "<style>.a{color:#333;font-size:16px;position:absolute;left:10px}"
        "@media print{.b{display:none}} .c{color:white;background:#c00}"
        ".d:hover{display:none} .e .f{display:none}</style>"
    )
    body = '<p class="a">甲</p><p class="b">乙</p><p class="c">丙</p><p class="d">丁</p>'
    body += '<div class="e"><p class="f">戊</p></div>'
    doc = read(page(body, css))
    assert paragraphs(doc) == ["甲", "乙", "丙", "丁", "戊"]
    assert doc.residue == ()


# ---------------------------------------------------------------------------
# Main content a script shows: a WeChat article's body


def _records(notice: policy_parse.Notice) -> list[tuple[str, list[str], list[str]]]:
    return [
        (m.id, [u.name for u in m.lead], sorted(u.name for u in m.support)) for m in notice.measures
    ]


def wechat_page(container_style: str = "visibility: hidden;", planted: str = "") -> str:
    """An invented page laid out as a WeChat article (mp.weixin.qq.com) is:
    title and account line, then the body in a container hidden until the
    page's script shows it, then the QR-code box.  The body is
    samples/notice.txt: its prose a <p> per line, its 分工表 a text block."""
    import html

    lines = (SAMPLES / "notice.txt").read_text(encoding="utf-8").split("\n")
    first_cell = next(k for k, ln in enumerate(lines) if ln.startswith("\t"))
    start = max(k for k in range(first_cell) if not lines[k].strip())
    prose = "".join(
        f'<p><span style="font-size: 16px;">{html.escape(ln)}</span></p>'
        for ln in lines[:start]
        if ln.strip()
    )
    table = html.escape("\n".join(lines[start:]))
    body = (
        '<div id="js_article" class="rich_media"><div class="rich_media_inner">'
        '<h1 class="rich_media_title">关于印发分工方案的通知</h1>'
        '<div id="meta_content"><span class="nickname">某某发布</span>'
        "<em>2020-11-20 17:30</em></div>"
        f'<div class="rich_media_content" id="js_content" style="{container_style}">'
        f'{prose}<section style="white-space: pre-wrap;">{table}</section>{planted}</div>'
        '</div><div class="qr_code_pc"><p>微信扫一扫<br>关注该公众号</p></div></div>'
        '<script>document.getElementById("js_content").style.visibility = "visible";</script>'
    )
    return page(body)


def test_a_body_hidden_until_its_script_runs_reads_as_the_notice_and_says_so() -> None:
    plain = policy_parse.parse((SAMPLES / "notice.txt").read_bytes())
    notice = policy_parse.parse(wechat_page().encode())
    assert _records(notice) == _records(plain)
    assert len(notice.measures) == 78
    (said,) = [d for d in notice.discrepancies if d.note == "shown_by_script"]
    assert said.severity is policy_parse.Severity.INFO
    assert dict(said.fields)["element"] == '<div id="js_content" class="rich_media_content">'
    assert "until a script runs" in said.message
    zh = policy_parse.to_text(notice, lang="zh")
    assert "读取了网页在脚本运行前隐藏的正文" in zh
    # Everything else the notice says is what its .txt copy says.
    others = sorted((d.kind.value, str(d.measure)) for d in notice.discrepancies if d is not said)
    assert others == sorted((d.kind.value, str(d.measure)) for d in plain.discrepancies)


def test_the_readers_form_lists_the_note() -> None:
    from policy_parse.emit.json import document_to_dict

    notes = document_to_dict(read(wechat_page()))["notes"]
    assert notes == [
        {
            "note": "shown_by_script",
            "fields": {
                "element": '<div id="js_content" class="rich_media_content">',
                "paragraph": "3",
            },
        }
    ]


def test_inside_the_shown_body_text_hidden_by_other_means_stays_residue() -> None:
    planted = '<p>补充：<span style="display:none">13.藏起来的措施。（牵头部门：某局）</span></p>'
    doc = read(wechat_page(planted=planted))
    assert "补充：" in paragraphs(doc)
    assert [r.text for r in doc.residue if r.reason.startswith("hidden in the page")] == [
        "13.藏起来的措施。（牵头部门：某局）"
    ]


@pytest.mark.parametrize("style", ["opacity: 0;", "visibility:hidden; opacity:0"])
def test_opacity_zero_on_the_body_is_lifted_too(style: str) -> None:
    doc = read(wechat_page(container_style=style))
    assert [n.note for n in doc.notes] == ["shown_by_script"]
    assert len(paragraphs(doc)) > 20


def test_a_rule_for_the_bodys_class_is_lifted_like_its_own_style() -> None:
    html = wechat_page(container_style="").replace(
        "<head>", "<head><style>.rich_media_content{visibility:hidden}</style>"
    )
    doc = read(html)
    assert [n.note for n in doc.notes] == ["shown_by_script"]


@pytest.mark.parametrize(
    "style",
    [
        "display: none;",
        "visibility: collapse;",
        "visibility: hidden; font-size: 0",
        "opacity: 0; position: absolute; left: -9999px",
    ],
)
def test_a_body_hidden_in_a_way_no_page_script_lifts_stays_residue(style: str) -> None:
    doc = read(wechat_page(container_style=style))
    assert doc.notes == ()
    assert not any("牵头部门" in p for p in paragraphs(doc))
    assert any(r.reason.startswith("hidden in the page (<div") for r in doc.residue)


def test_hidden_text_smaller_than_the_page_around_it_stays_residue() -> None:
    # The visible notice is the page's main content; a hidden block beside it,
    # however long, is not what a script would show instead of it.
    shown = "<p>" + "推进改革，优化营商环境。" * 30 + "</p>"
    hidden = (
        '<div style="visibility:hidden"><p>'
        + "1.藏起来的措施。（牵头部门：某局）" * 8
        + "</p></div>"
    )
    doc = read(page(shown + hidden))
    assert doc.notes == ()
    assert [r.reason.split(" (")[0] for r in doc.residue] == ["hidden in the page"]


def test_a_short_page_whose_only_text_is_hidden_stays_residue() -> None:
    # Under data/html.toml `shown_min_chars`: a hiding trick, not an article body.
    doc = read(page('<p>正文</p><div style="visibility:hidden"><p>藏起来的措施一项</p></div>'))
    assert doc.notes == ()
    assert paragraphs(doc) == ["正文"]

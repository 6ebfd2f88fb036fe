"""read/html_copies.py: what converters and portals do to a notice's web
page — a PDF's lines placed by position with page numbers in pieces, a
<br> a converter wrote inside a name, paragraphs run into one <p>.
Specimens invented."""

from __future__ import annotations

import policy_parse
from policy_parse.models import Paragraph
from policy_parse.read import read_document


def test_a_page_whose_paragraphs_ran_into_one_is_broken_before_its_markers_and_says_so() -> None:
    # Its <p>s lost (or <span>s for paragraphs): the outline markers are still in it.
    body = (
        "某县数字政务实施方案 各乡镇人民政府： 现将方案印发给你们。 一、总体要求 坚持统筹推进。"
        "二、主要任务 1.建设甲平台，完善平台功能，提升服务水平，推进数据共享。（县甲局负责） "
        "2.建设乙平台，完善平台功能，提升服务水平，推进数据共享。（县乙局负责） "
        "3.建设丙平台，完善平台功能，提升服务水平，推进数据共享。（县丙局负责） "
        "4.建设丁平台，完善平台功能，提升服务水平，推进数据共享。（县丁局负责） "
        "5.建设戊平台，完善平台功能。（县戊局负责）"
    )
    assert len(body) >= 200  # a paragraph this long among so few lost its breaks
    page = f"<html><head><meta charset='utf-8'></head><body><p>{body}</p></body></html>"
    notice = policy_parse.parse(page.encode())
    assert [[u.written for u in m.lead] for m in notice.measures] == [
        ["县甲局"],
        ["县乙局"],
        ["县丙局"],
        ["县丁局"],
        ["县戊局"],
    ]
    assert "relined" in [d.note for d in notice.discrepancies]


def test_a_break_a_converter_put_between_a_place_and_its_organ_word_in_a_cell_is_no_break() -> None:
    page = (
        "<html><head><meta charset='utf-8'></head><body><p>某县重点任务分工方案</p>"
        "<table><tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>"
        "<tr><td>1</td><td>推行一窗受理。</td><td>县甲局</td>"
        "<td>县乙局、县丙局、县丁局、县戊局、甲城经开区<br>管委会，县庚局</td></tr>"
        "<tr><td>2</td><td>压缩审批时间。</td><td>县乙局</td><td>各乡镇<br>管委会</td></tr>"
        "</table></body></html>"
    )
    first, second = policy_parse.parse(page.encode()).table
    assert "甲城经开区管委会" in [u.written for u in first.support]
    assert [u.written for u in second.support] == ["各乡镇", "管委会"]  # one unit a line


# --- a PDF converted to a web page (pdftohtml -s): lines placed by position ---

_PLACED = (
    "<html><head><meta charset='utf-8'></head><body>"
    '<div style="position:relative">'
    '<p style="position:absolute;top:100px;left:120px">某县数字政务实施方案</p>'
    '<p style="position:absolute;top:150px;left:120px">1.建设甲平台，完善平台功能。（县甲局、县农业</p>'
    '<p style="position:absolute;top:1138px;left:421px">—&#160;</p>'
    '<p style="position:absolute;top:1135px;left:445px">1&#160;—</p>'
    "</div>"
    '<div style="position:relative">'
    '<p style="position:absolute;top:100px;left:120px">农村局负责）</p>'
    '<p style="position:absolute;top:150px;left:120px">2.建设乙平台。（县乙局负责）</p>'
    '<p style="position:absolute;top:1138px;left:421px">—&#160;</p>'
    '<p style="position:absolute;top:1135px;left:445px">2&#160;—</p>'
    "</div></body></html>"
)


def test_a_page_number_a_converter_placed_in_pieces_is_furniture_not_text() -> None:
    notice = policy_parse.parse(_PLACED.encode())
    first, second = notice.measures
    assert [u.written for u in first.support] == ["县甲局", "县农业农村局"]
    assert [u.written for u in second.lead] == ["县乙局"]
    pages = [r.text for r in notice.residue if r.reason.startswith("page number")]
    assert [" ".join(t.split()) for t in pages] == ["— 1 —", "— 2 —"]


def test_pieces_of_one_placed_line_that_make_no_page_number_stay_apart() -> None:
    page = _PLACED.replace("—&#160;</p>", "序号</p>").replace("1&#160;—", "工作任务")
    doc = read_document(page.encode())
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert "序号" in texts and "工作任务" in texts


def test_a_cell_beside_two_page_numbers_is_no_running_head_on_a_web_page() -> None:
    body = "".join(
        f"<p>{t}</p>"
        for t in [
            "某县方案",
            "1.建设甲平台。",
            "责任科室：",
            "综合科",
            "— 1 —",
            "2.建设乙平台。",
            "责任科室：",
            "综合科",
            "— 2 —",
            "3.建设丙平台。",
        ]
    )
    doc = read_document(f"<html><body>{body}</body></html>".encode())
    assert [r.text for r in doc.residue if "running head" in r.reason] == []
    assert sum(r.reason.startswith("page number") for r in doc.residue) == 2


def test_a_bare_number_after_a_table_with_a_number_column_stays_text() -> None:
    # As in the page's .txt copy: where a 序号 header stands, a bare number
    # may be a cell of its table, and is no page number.
    rows = "".join(
        f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>"
        for a, b, c in [("序号", "工作任务", "责任单位"), ("1", "甲任务", "县甲局")]
    )
    filler = "".join(f"<p>第{k}段说明文字。</p>" for k in range(14))
    page = f"<html><body><p>某县方案</p>{filler}<table>{rows}</table><p>12</p></body></html>"
    doc = read_document(page.encode())
    assert not [r for r in doc.residue if r.reason.startswith("page number")]
    assert "12" in [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def test_a_running_head_a_page_broke_into_an_annotation_is_furniture() -> None:
    # An invented PDF copy made a web page, a <p> a line: the issuer's head
    # stands after each — 2 —, once inside an annotation the page broke.
    lines = [
        "某县重点任务分工方案",
        "（一）推行甲事项。（县甲局牵头，县乙局配合）",
        "— 2 —",
        "某县人民政府办公室",
        "（二）建立丁机制。（县丁局牵头，县戊局、",
        "— 3 —",
        "某县人民政府办公室",
        "县己局配合）",
    ]
    page = "<html><body>" + "".join(f"<p>{t}</p>" for t in lines) + "</body></html>"
    notice = policy_parse.parse(page.encode())
    assert [u.written for u in notice.measures[1].support] == ["县戊局", "县己局"]
    heads = [r.text for r in notice.residue if r.reason.startswith("running head")]
    assert heads == ["某县人民政府办公室", "某县人民政府办公室"]

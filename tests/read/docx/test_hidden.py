"""read/docx/hidden.py: runs Word does not show are residue with a reason,
never text of the notice (issue 23)."""

from __future__ import annotations

import badfiles
import policy_parse
from policy_parse.audit import lost_and_invented
from policy_parse.messages import reason

HIDDEN = "hidden text: marked hidden in Word (w:vanish)"
WHITE = "hidden text: white on white"


def _run(text: str, props: str = "") -> str:
    return f"<w:r><w:rPr>{props}</w:rPr><w:t>{text}</w:t></w:r>"


def _p(*runs: str, props: str = "") -> str:
    return f"<w:p><w:pPr>{props}</w:pPr>{''.join(runs)}</w:p>"


def _read(body: str, styles: str | None = None) -> policy_parse.Document:
    return policy_parse.read_document(badfiles.word_package(body, styles=styles))


def _texts(document: policy_parse.Document) -> list[str]:
    return [t for t in document.texts()[: len(document.texts()) - len(document.residue)]]


def test_a_run_marked_hidden_is_residue_not_text() -> None:
    doc = _read(
        _p(
            _run("健全工作机制。"),
            _run("（区财政局牵头）", "<w:vanish/>"),
            _run("（区科技局牵头）"),
        )
    )
    assert _texts(doc) == ["健全工作机制。（区科技局牵头）"]
    assert [(r.text, r.reason, r.span.paragraph) for r in doc.residue] == [
        ("（区财政局牵头）", HIDDEN, 0)
    ]


def test_a_run_switched_back_on_is_read() -> None:
    doc = _read(_p(_run("看得见", '<w:vanish w:val="0"/>')))
    assert _texts(doc) == ["看得见"] and doc.residue == ()


def test_white_text_on_the_page_is_residue() -> None:
    doc = _read(_p(_run("白字", '<w:color w:val="ffffff"/>'), _run("可见")))
    assert _texts(doc) == ["可见"]
    assert [(r.text, r.reason) for r in doc.residue] == [("白字", WHITE)]


def test_white_text_in_the_background_theme_colour_is_residue() -> None:
    doc = _read(
        _p(_run("白字", '<w:color w:val="000000" w:themeColor="background1"/>'), _run("可见"))
    )
    assert [(r.text, r.reason) for r in doc.residue] == [("白字", WHITE)]


def test_white_text_on_a_shaded_run_paragraph_or_cell_is_read() -> None:
    dark = '<w:shd w:val="clear" w:color="auto" w:fill="1F3864"/>'
    white = '<w:color w:val="FFFFFF"/>'
    body = (
        _p(_run("深色底纹", white + dark))
        + _p(_run("段落底纹"), _run("白字", white), props=dark)
        + _p(_run("黄色突出", white + '<w:highlight w:val="yellow"/>'))
        + badfiles.table(
            [f"<w:tc><w:tcPr>{dark}</w:tcPr>{_p(_run('单元格底纹', white))}</w:tc>"], 1
        )
    )
    doc = _read(body)
    assert _texts(doc) == ["深色底纹", "段落底纹白字", "黄色突出", "单元格底纹"]
    assert doc.residue == ()


def test_white_text_on_a_white_fill_is_still_hidden() -> None:
    doc = _read(_p(_run("白字", '<w:color w:val="FFFFFF"/><w:shd w:fill="FFFFFF"/>'), _run("可见")))
    assert [r.reason for r in doc.residue] == [WHITE]


def test_hidden_text_in_a_table_cell_is_residue_at_that_cell() -> None:
    cells = badfiles.cell("1") + (
        "<w:tc><w:tcPr/>" + _p(_run("区科技局"), _run("、区财政局", "<w:vanish/>")) + "</w:tc>"
    )
    doc = _read(badfiles.table([cells], 2))
    assert _texts(doc) == ["1", "区科技局"]
    (r,) = doc.residue
    assert (r.text, r.reason, r.span.table, r.span.row, r.span.cell) == (
        "、区财政局",
        HIDDEN,
        0,
        0,
        1,
    )


_STYLES = (
    '<w:style w:type="character" w:styleId="Secret"><w:rPr><w:vanish/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Pale" w:default="1">'
    '<w:rPr><w:color w:val="FFFFFF"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Body"><w:basedOn w:val="Plain"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Plain"><w:rPr><w:color w:val="000000"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Gone"><w:basedOn w:val="Hidden"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Hidden"><w:rPr><w:vanish/></w:rPr></w:style>'
)


def test_a_character_style_that_hides_hides() -> None:
    doc = _read(
        _p(
            _run("可见"),
            _run("隐藏", '<w:rStyle w:val="Secret"/>'),
            props='<w:pStyle w:val="Body"/>',
        ),
        _STYLES,
    )
    assert _texts(doc) == ["可见"] and [r.reason for r in doc.residue] == [HIDDEN]


def test_a_paragraph_style_hides_through_the_style_it_is_based_on() -> None:
    doc = _read(
        _p(_run("隐藏"), props='<w:pStyle w:val="Gone"/>')
        + _p(_run("正文"), props='<w:pStyle w:val="Body"/>'),
        _STYLES,
    )
    assert _texts(doc) == ["正文"] and [r.text for r in doc.residue] == ["隐藏"]


def test_the_default_paragraph_style_applies_to_a_paragraph_without_one() -> None:
    # Pale (the default) is white: a paragraph with no w:pStyle is blank paper,
    # unless its run says black.
    doc = _read(_p(_run("白纸")) + _p(_run("黑字", '<w:color w:val="000000"/>')), _STYLES)
    assert _texts(doc) == ["黑字"] and [(r.text, r.reason) for r in doc.residue] == [
        ("白纸", WHITE)
    ]


def test_a_based_on_loop_ends() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style>'
    )
    doc = _read(_p(_run("正文"), props='<w:pStyle w:val="A"/>'), styles)
    assert _texts(doc) == ["正文"]


def test_a_hidden_lead_does_not_change_who_leads_and_nothing_is_lost() -> None:
    body = (
        _p(_run("一、加强组织领导"))
        + _p(_run("1.健全工作机制。（"), _run("区财政局", "<w:vanish/>"), _run("区科技局牵头）"))
        + _p(_run("2.强化要素保障。（区发改委牵头）"))
    )
    document = _read(body)
    notice = policy_parse.notice_from_document(document)
    assert [u.name for u in notice.measures[0].lead] == ["区科技局"]
    assert lost_and_invented(document, notice) == ("", "")


def test_both_reasons_read_in_chinese() -> None:
    assert reason(HIDDEN, "zh") != HIDDEN and reason(WHITE, "zh") != WHITE

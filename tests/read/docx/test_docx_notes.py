"""read/docx/notes.py: footnotes, endnotes and comments are residue at the
paragraph or cell holding their mark, never lost and never read as the
notice.  Documents are invented: a 分工表 whose lead note sits in a footnote,
a comment naming a unit."""

from __future__ import annotations

import io

import docx
import pytest
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from test_docx import p, tbl, tc, texts, tr

import policy_parse
from policy_parse.messages import reason

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _with_part(data: bytes, name: str, content_type: str, reltype: str, xml: str) -> bytes:
    """`data` with one more part related to the document (as Word writes
    footnotes.xml, endnotes.xml, comments.xml)."""
    d = docx.Document(io.BytesIO(data))
    blob = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{xml}'.encode()
    part = Part(PackURI(f"/word/{name}"), content_type, blob, d.part.package)
    d.part.relate_to(part, reltype)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _footnotes(*notes: tuple[str, str]) -> str:
    separator = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    )
    body = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>'
        for i, text in notes
    )
    return f"<w:footnotes {_W}>{separator}{body}</w:footnotes>"


def _mark(kind: str, i: str) -> str:
    return f'<w:r><w:{kind}Reference w:id="{i}"/></w:r>'


def test_a_lead_note_in_a_footnote_is_residue_at_its_mark(build_docx, read_docx):
    title = f"<w:p><w:r><w:t>某县任务分工表</w:t></w:r>{_mark('footnote', '1')}</w:p>"
    table = tbl(
        3,
        tr(tc(p("序号")), tc(p("工作任务")), tc(p("责任单位"))),
        tr(tc(p("1")), tc(p("推行一网通办。")), tc(p("县甲局、县乙局"))),
    )
    data = _with_part(
        build_docx(title + table),
        "footnotes.xml",
        CT.WML_FOOTNOTES,
        RT.FOOTNOTES,
        _footnotes(("1", "排名第一的为牵头单位。")),
    )
    document = read_docx(data)
    # The mark draws no text in the title; the note is not lost.
    assert texts(document)[0] == "某县任务分工表"
    [note] = document.residue
    assert note.text == "排名第一的为牵头单位。"
    assert note.reason == "footnote text of the Word file, not read as outline"
    assert note.span.paragraph == 0
    assert reason(note.reason, "zh") == "Word 文件的脚注文字，未作为正文结构读取"


def test_a_comment_naming_a_unit_does_not_become_a_lead(build_docx):
    comment = (
        f'<w:comments {_W}><w:comment w:id="0" w:author="审核人">'
        "<w:p><w:r><w:t>建议改由县戊局牵头</w:t></w:r></w:p></w:comment></w:comments>"
    )
    body = (
        p("某县方案")
        + '<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>1.推行一网通办。（县甲局牵头）</w:t></w:r>'
        + '<w:commentRangeEnd w:id="0"/>'
        + _mark("comment", "0")
        + "</w:p>"
        + p("2.压减开办时间。（县丁局负责）")
    )
    data = _with_part(build_docx(body), "comments.xml", CT.WML_COMMENTS, RT.COMMENTS, comment)
    notice = policy_parse.parse(data)
    assert [[u.written for u in m.lead] for m in notice.measures] == [["县甲局"], ["县丁局"]]
    assert [(r.text, r.reason) for r in notice.residue] == [
        ("建议改由县戊局牵头", "comment text of the Word file, not read as outline")
    ]


@pytest.mark.parametrize("where", ["paragraph", "cell"])
def test_an_endnote_is_filed_where_its_mark_stands(build_docx, read_docx, where):
    endnotes = (
        f'<w:endnotes {_W}><w:endnote w:type="continuationSeparator" w:id="0">'
        "<w:p><w:r><w:continuationSeparator/></w:r></w:p></w:endnote>"
        '<w:endnote w:id="2"><w:p><w:r><w:t>资料来源：县统计局</w:t></w:r></w:p></w:endnote></w:endnotes>'
    )
    marked = f"<w:p><w:r><w:t>推行一网通办。</w:t></w:r>{_mark('endnote', '2')}</w:p>"
    body = (
        marked
        if where == "paragraph"
        else tbl(2, tr(tc(p("序号")), tc(p("工作任务"))), tr(tc(p("1")), tc(marked)))
    )
    data = _with_part(build_docx(body), "endnotes.xml", CT.WML_ENDNOTES, RT.ENDNOTES, endnotes)
    [note] = read_docx(data).residue
    assert note.text == "资料来源：县统计局"
    if where == "cell":
        assert (note.span.table, note.span.row, note.span.cell) == (0, 1, 1)
    else:
        assert note.span.paragraph == 0


def _with_header_and_footer(data: bytes, head: str, foot_xml: str) -> bytes:
    from docx.oxml import parse_xml

    d = docx.Document(io.BytesIO(data))
    section = d.sections[0]
    section.header.paragraphs[0].text = head
    footer = section.footer._element
    for child in list(footer):
        footer.remove(child)
    footer.append(parse_xml(f"<w:p {_W}>{foot_xml}</w:p>"))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


_PAGE = (
    '<w:r><w:t xml:space="preserve">- </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> -</w:t></w:r>'
)


def test_a_running_head_is_residue_and_a_page_number_footer_is_nothing(build_docx, read_docx):
    data = _with_header_and_footer(
        build_docx(p("1.推行一网通办。（县甲局负责）")), "某县人民政府办公室文件", _PAGE
    )
    document = read_docx(data)
    assert texts(document) == ["1.推行一网通办。（县甲局负责）"]
    assert [(r.text, r.reason) for r in document.residue] == [
        (
            "某县人民政府办公室文件",
            "page header or footer text of the Word file, not read as outline",
        )
    ]


def test_a_footer_with_words_besides_its_page_field_is_kept(build_docx, read_docx):
    simple = '<w:r><w:t>附件1 第</w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple><w:r><w:t>页</w:t></w:r>'
    data = _with_header_and_footer(build_docx(p("推行一网通办。")), "", simple)
    assert [r.text for r in read_docx(data).residue] == ["附件1 第页"]

"""read/docx/numbering.py: numbers Word draws that the text alone cannot
give, and the reader saying so where it guesses.  Documents are invented."""

from __future__ import annotations

from test_docx import abstract, level, num, p, texts

import policy_parse


def _body() -> str:
    return (
        p("某县方案")
        + p("1.推行一网通办。（县甲局负责）", num=1)
        + p("2.压减开办时间。（县丁局负责）", num=1)
    )


def test_a_number_typed_behind_words_own_number_is_kept_apart(build_docx, read_docx):
    """Word draws "1." then its tab, then the typed "1.推行…": glued, the two
    would read as measure 1.1."""
    data = build_docx(_body(), numbering=abstract(1, level(0, "%1.")) + num(1, 1))
    document = read_docx(data)
    assert texts(document)[1:] == [
        "1. 1.推行一网通办。（县甲局负责）",
        "2. 2.压减开办时间。（县丁局负责）",
    ]
    assert [(n.note, dict(n.fields)) for n in document.notes] == [
        ("docx_typed_number", {"count": "2"})
    ]
    notice = policy_parse.parse(data)
    assert [(str(m.number), [u.written for u in m.lead]) for m in notice.measures] == [
        ("1", ["县甲局"]),
        ("2", ["县丁局"]),
    ]
    assert any("typed by hand" in d.message for d in notice.discrepancies)


def test_a_level_that_draws_nothing_after_its_number_stays_glued(build_docx, read_docx):
    numbering = (
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="%1."/>'
        '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    )
    document = read_docx(build_docx(_body(), numbering=numbering))
    assert texts(document)[1] == "1.1.推行一网通办。（县甲局负责）"
    assert not document.notes


def test_a_number_format_the_reader_cannot_draw_is_read_as_decimal_and_said(build_docx, read_docx):
    body = (
        p("某县方案") + p("推行一网通办。（县甲局负责）", num=1) + p("压减。（县丁局负责）", num=1)
    )
    numbering = abstract(1, level(0, "%1.", fmt="ordinalText")) + num(1, 1)
    document = read_docx(build_docx(body, numbering=numbering))
    assert texts(document)[1:] == ["1.推行一网通办。（县甲局负责）", "2.压减。（县丁局负责）"]
    assert [(n.note, dict(n.fields)) for n in document.notes] == [
        ("docx_number_format", {"formats": "ordinalText"})
    ]


def test_known_formats_are_drawn_without_a_note(build_docx, read_docx):
    numbering = abstract(
        1, level(0, "%1、", fmt="chineseCounting"), level(1, "（%2）", fmt="chineseCounting")
    ) + num(1, 1)
    body = p("总体要求", num=1) + p("政务服务", num=1, ilvl=1)
    document = read_docx(build_docx(body, numbering=numbering))
    assert texts(document) == ["一、总体要求", "（一）政务服务"]
    assert not document.notes


def test_a_numbered_paragraph_hidden_whole_is_no_bare_number_and_is_said(build_docx, read_docx):
    hidden = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
        "<w:rPr><w:vanish/></w:rPr></w:pPr>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的措施。（县戊局负责）</w:t></w:r></w:p>"
    )
    body = (
        p("某县方案")
        + p("推行一网通办。（县甲局负责）", num=1)
        + hidden
        + p("压减开办时间。（县丁局负责）", num=1)
    )
    data = build_docx(body, numbering=abstract(1, level(0, "%1.")) + num(1, 1))
    document = read_docx(data)
    assert texts(document)[1:] == [
        "1.推行一网通办。（县甲局负责）",
        "2.压减开办时间。（县丁局负责）",
    ]
    assert [r.text for r in document.residue] == ["隐藏的措施。（县戊局负责）"]
    assert [(n.note, dict(n.fields)) for n in document.notes] == [
        ("docx_hidden_numbered", {"count": "1"})
    ]
    assert [str(m.number) for m in policy_parse.parse(data).measures] == ["1", "2"]


def test_a_numbered_paragraph_whose_mark_shows_keeps_its_number(build_docx, read_docx):
    """Runs hidden but the mark not: Word still draws the number."""
    shown = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r></w:p>"
    )
    body = p("甲。", num=1) + shown + p("乙。", num=1)
    document = read_docx(build_docx(body, numbering=abstract(1, level(0, "%1.")) + num(1, 1)))
    assert texts(document) == ["1.甲。", "2.", "3.乙。"]
    assert not document.notes


def test_autonum_fields_are_counted_by_the_reader_and_said(build_docx, read_docx):
    """AUTONUM keeps no number in the file: Word counts it at layout."""
    simple = '<w:fldSimple w:instr=" AUTONUM "/>'
    complex_ = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> AUTONUM </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    body = (
        p("某县方案")
        + f"<w:p>{simple}<w:r><w:t>推行一网通办。（县甲局负责）</w:t></w:r></w:p>"
        + f"<w:p>{complex_}<w:r><w:t>压减开办时间。（县丁局负责）</w:t></w:r></w:p>"
    )
    data = build_docx(body)
    document = read_docx(data)
    assert texts(document)[1:] == [
        "1.推行一网通办。（县甲局负责）",
        "2.压减开办时间。（县丁局负责）",
    ]
    assert [(n.note, dict(n.fields)) for n in document.notes] == [
        ("docx_field_number", {"count": "2"})
    ]
    assert [str(m.number) for m in policy_parse.parse(data).measures] == ["1", "2"]


def _listnum(instruction: str, text: str) -> str:
    return (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>{text}</w:t></w:r></w:p>'
    )


def test_listnum_fields_count_per_level_in_their_lists_style(build_docx, read_docx):
    """LISTNUM LegalDefault \\l 2 is Word's 1.1.; a level-1 number restarts
    the levels under it.  Counted flat (1) 2) 3) …), the sub-items read as
    measures of their own."""
    body = (
        p("某县方案")
        + _listnum("LISTNUM LegalDefault", "优化政务服务")
        + _listnum("LISTNUM LegalDefault \\l 2", "推行一网通办。（县甲局负责）")
        + _listnum("LISTNUM LegalDefault \\l 2", "压减开办时间。（县乙局负责）")
        + _listnum("LISTNUM LegalDefault", "强化要素保障")
        + _listnum("LISTNUM LegalDefault \\l 2", "保障用地需求。（县丙局负责）")
    )
    data = build_docx(body)
    document = read_docx(data)
    assert texts(document)[1:] == [
        "1.优化政务服务",
        "1.1.推行一网通办。（县甲局负责）",
        "1.2.压减开办时间。（县乙局负责）",
        "2.强化要素保障",
        "2.1.保障用地需求。（县丙局负责）",
    ]
    assert [n.note for n in document.notes] == ["docx_field_number"]
    measures = policy_parse.parse(data).measures
    assert [(str(m.number), [u.written for u in m.lead]) for m in measures] == [
        ("1-1", ["县甲局"]),
        ("1-2", ["县乙局"]),
        ("2-1", ["县丙局"]),
    ]


def test_each_listnum_list_keeps_its_own_count_and_style(build_docx, read_docx):
    body = (
        _listnum("LISTNUM", "甲")  # NumberDefault: 1) a) i)
        + _listnum("LISTNUM \\l 2", "乙")
        + _listnum("LISTNUM \\l 3", "丙")
        + _listnum("LISTNUM OutlineDefault", "丁")  # I. A. 1.
        + _listnum("LISTNUM OutlineDefault \\l 2", "戊")
        + _listnum("LISTNUM NumberDefault \\s 5", "己")  # \\s sets the number
    )
    assert texts(read_docx(build_docx(body))) == ["1)甲", "a)乙", "i)丙", "I.丁", "A.戊", "5)己"]


def test_a_field_instruction_split_over_runs_is_read_whole(build_docx, read_docx):
    """Word splits an instruction where it was edited: ` LISTNUM ` and
    `LegalDefault \\l 2` in two runs are one field, drawn once."""

    def split(text: str, *pieces: str) -> str:
        codes = "".join(
            f'<w:r><w:instrText xml:space="preserve">{piece}</w:instrText></w:r>'
            for piece in pieces
        )
        return (
            f'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>{codes}'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>{text}</w:t></w:r></w:p>'
        )

    body = split("优化政务服务", " LISTNUM ", "LegalDefault ") + split(
        "推行一网通办。", " LISTNUM ", "LegalDefault \\l", " 2 "
    )
    assert texts(read_docx(build_docx(body))) == ["1.优化政务服务", "1.1.推行一网通办。"]


def test_a_field_that_keeps_its_result_is_read_as_that_result(build_docx, read_docx):
    seq = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> SEQ 措施 \\* ARABIC </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    document = read_docx(build_docx(f"<w:p>{seq}<w:r><w:t>.推行一网通办。</w:t></w:r></w:p>"))
    assert texts(document) == ["7.推行一网通办。"]
    assert not document.notes

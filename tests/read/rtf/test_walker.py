"""The RTF reader on small invented specimens, one construct each: what
Word, WPS and LibreOffice write (read/rtf/walker.py says what becomes what).

Specimens are written out in full, so each test shows the exact RTF it is
about; `rtf()` only wraps a body in a document header with a font table.
"""

from __future__ import annotations

import pytest

from policy_parse.errors import CorruptFileError, EmptyDocumentError
from policy_parse.models import Document, Format, Paragraph, Source, Table
from policy_parse.read import Limits, read_document
from policy_parse.read.docx.hidden import VANISH_REASON, WHITE_REASON
from policy_parse.read.rtf import read_rtf

# A header as Word writes it for a Chinese document: code page 936, a
# Western font and a Chinese one (宋体, written in GBK hex).
HEAD = (
    rb"{\rtf1\ansi\ansicpg936\deff0\deflang1033\deflangfe2052"
    rb"{\fonttbl{\f0\froman\fcharset0 Times New Roman;}"
    rb"{\f1\fnil\fcharset134 \'cb\'ce\'cc\'e5;}{\f2\fnil\fcharset136 MingLiU;}}"
    rb"{\colortbl;\red0\green0\blue0;\red255\green255\blue255;\red255\green255\blue0;}"
    rb"{\stylesheet{\qj\f1\fs21 Normal;}}"
    rb"{\info{\author \'d5\'c5\'c8\'fd}}"
    b"\n"
)


def rtf(body: bytes) -> bytes:
    return HEAD + body + b"}"


def read(data: bytes, limits: Limits | None = None) -> Document:
    return read_rtf(data, Source(path=None, format=Format.RTF, sha256=""), limits or Limits())


def texts(document: Document) -> list[str]:
    return [b.text for b in document.blocks if isinstance(b, Paragraph)]


def grid(document: Document, t: int = 0) -> list[list[str]]:
    tables = [b for b in document.blocks if isinstance(b, Table)]
    return [[c.text for c in row.cells] for row in tables[t].rows]


# ---------------------------------------------------------------------------
# Text and code pages


def test_it_reads_gbk_bytes_in_a_chinese_font() -> None:
    # 加强 in GBK, under \f1 (\fcharset134)
    assert texts(read(rtf(rb"\pard\plain\f1 \'bc\'d3\'c7\'bf\par"))) == ["加强"]


def test_a_double_byte_character_split_across_two_escapes_is_one_character() -> None:
    # 工 is \'b9\'a4: the two halves with a line break and a control word between
    data = rtf(b"\\pard\\f1 \\'b9\n\\'a4\\'d7\\'f7\\par")
    assert texts(read(data)) == ["工作"]


def test_font_charset_beats_the_document_code_page() -> None:
    # 發展 in Big5 under \f2 (\fcharset136), in a document of code page 936
    assert texts(read(rtf(rb"\pard\f2 \'b5\'6f\'ae\'69\par"))) == ["發展"]


def test_a_western_font_reads_bytes_as_1252_as_word_and_libreoffice_do() -> None:
    # \fcharset0 is Western whatever \ansicpg says; \fcharset1 and no
    # \fcharset at all mean the document's code page
    data = (
        rb"{\rtf1\ansi\ansicpg936{\fonttbl{\f0\fcharset0 Arial;}{\f1\fcharset1 X;}{\f2 Y;}}"
        rb"\pard\f0 \'b9\'a4\par\pard\f1 \'b9\'a4\par\pard\f2 \'b9\'a4\par}"
    )
    assert texts(read(data)) == ["¹¤", "工", "工"]


def test_a_big5_document_reads_through_ansicpg950() -> None:
    data = (
        rb"{\rtf1\ansi\ansicpg950\deff0{\fonttbl{\f0\fnil PMingLiU;}}\pard\f0 \'a4\'75\'a7\'40\par}"
    )
    assert texts(read(data)) == ["工作"]


def test_unicode_escapes_skip_their_fallback_as_uc_says() -> None:
    # \uc1: one fallback byte (?); \uc2: two (a GBK pair); \uc0: none
    data = rtf(
        rb"\pard\uc1\u21152?\u24378?\par"
        rb"\pard{\uc2\u21152\'bc\'d3\u24378\'c7\'bf}\par"
        rb"\pard{\uc0\u21152\u24378 }\par"
    )
    assert texts(read(data)) == ["加强", "加强", "加强"]


def test_a_negative_unicode_escape_is_read_past_32767() -> None:
    # U+FF08 （ is \u-248; a surrogate pair makes one character beyond U+FFFF
    data = rtf(rb"\pard\u-248?1\u-247?\u-10179?\u-8694?\par")
    assert texts(read(data)) == ["（1）\U0001f60a"]


def test_the_fallback_skip_stops_at_a_group_end() -> None:
    data = rtf(rb"\pard{\uc3\u21152}x\par")
    assert texts(read(data)) == ["加x"]


def test_undecodable_bytes_become_replacement_characters_not_nothing() -> None:
    # \'ff\'ff is no GBK character
    [text] = texts(read(rtf(rb"\pard\f1 a\'ff\'ffb\par")))
    assert text.startswith("a") and text.endswith("b") and "\ufffd" in text


def test_escaped_braces_and_backslashes_are_text() -> None:
    data = rtf(rb"\pard a\{b\}c\\par d\par")
    assert texts(read(data)) == ["a{b}c\\par d"]


def test_par_line_and_tab() -> None:
    data = rtf(rb"\pard one\line two\tab three\par\pard four\par")
    assert texts(read(data)) == ["one\ntwo\tthree", "four"]


def test_a_backslash_before_a_line_break_ends_the_paragraph() -> None:
    data = rtf(b"\\pard one\\\ntwo\\par")
    assert texts(read(data)) == ["one", "two"]


def test_symbols_stand_for_their_characters() -> None:
    data = rtf(rb"\pard \ldblquote a\rdblquote\emdash b\~c\_d\-e\par")
    assert texts(read(data)) == ["“a”—b\u00a0c-de"]


def test_a_blank_paragraph_counts_in_the_spans_as_in_a_docx() -> None:
    document = read(rtf(rb"\pard one\par\pard\par\pard three\par"))
    assert [b.span.paragraph for b in document.blocks] == [0, 2]


def test_text_after_the_last_par_is_a_paragraph_too() -> None:
    assert texts(read(rtf(rb"\pard one\par\pard two"))) == ["one", "two"]


# ---------------------------------------------------------------------------
# Destinations


def test_ignorable_destinations_are_passed_over() -> None:
    data = rtf(
        rb"{\*\generator Riched20 10.0;}\pard{\*\bkmkstart _Toc1}one{\*\bkmkend _Toc1}"
        rb"{\*\unknownthing secret}\par"
    )
    assert texts(read(data)) == ["one"]


def test_an_unknown_destination_without_a_star_is_read() -> None:
    # the spec: a reader that does not know a destination reads its text
    assert texts(read(rtf(rb"\pard{\madeupword kept}\par"))) == ["kept"]


def test_a_field_reads_as_its_result() -> None:
    data = rtf(
        rb'\pard see {\field{\*\fldinst { HYPERLINK "http://x.example/" }}'
        rb"{\fldrslt {\ul the notice}}} here\par"
    )
    assert texts(read(data)) == ["see the notice here"]


def test_a_field_instruction_without_a_star_is_not_text() -> None:
    data = rtf(rb"\pard{\field{\fldinst PAGE }{\fldrslt 3}}\par")
    assert texts(read(data)) == ["3"]


def test_pictures_and_objects_data_are_skipped() -> None:
    data = rtf(
        rb"\pard a{\pict\pngblip\picw10\pich10 89504e470d0a1a0a}"
        rb"{\*\shppict{\pict\wmetafile8 0100}}{\nonshppict{\pict 0100}}b\par"
        rb"\pard c{\object\objemb{\*\objclass Excel.Sheet.8}{\*\objdata 01050000}"
        rb"{\result {\pict 0100}}}d\par"
    )
    assert texts(read(data)) == ["ab", "cd"]


def test_binary_data_may_hold_braces() -> None:
    data = rtf(rb"\pard a{\pict\bin6 }{\}{\ }b\par")
    assert texts(read(data)) == ["ab"]


def test_an_objects_shown_text_is_residue() -> None:
    data = rtf(rb"\pard a{\object\objemb{\*\objdata 01}{\result \pard inside\par}}\par")
    document = read(data)
    assert texts(document) == ["a"]
    assert [(r.text, "object" in r.reason) for r in document.residue] == [("inside", True)]


def test_headers_and_footers_are_page_furniture() -> None:
    data = rtf(rb"{\header \pard - 1 -\par}{\footerr \pard page\par}\pard body\par")
    assert texts(read(data)) == ["body"]


def test_a_footnote_is_residue_not_text() -> None:
    data = rtf(rb"\pard body{\super\chftn}{\footnote\pard{\super\chftn} see annex\par}\par")
    document = read(data)
    assert texts(document) == ["body"]
    assert [r.text for r in document.residue] == ["see annex"]
    assert "footnote" in document.residue[0].reason


def test_a_text_box_reads_after_its_anchoring_paragraph_as_in_a_docx() -> None:
    data = rtf(
        rb"\pard body{\shp{\*\shpinst\shpleft0{\sp{\sn fillColor}{\sv 255}}"
        rb"{\shptxt \pard boxed\par\pard two\par}}{\shprslt{\*\do\dobxcolumn boxed}}}\par"
        rb"\pard next\par"
    )
    document = read(data)
    assert [(b.text, b.span.paragraph) for b in document.blocks] == [
        ("body", 0),
        ("boxed", 0),
        ("two", 0),
        ("next", 1),
    ]
    assert not document.residue


def test_a_section_break_ends_a_paragraph_an_empty_one_after_par() -> None:
    # as LibreOffice's .docx of samples/notice.rtf has it (words._sect)
    document = read(rtf(rb"\pard one\par\sect\sectd\pard two\par\pard three\sect"))
    assert [(b.text, b.span.paragraph) for b in document.blocks] == [
        ("one", 0),
        ("two", 2),
        ("three", 3),
    ]


def test_comments_and_objects_text_are_residue() -> None:
    data = rtf(
        rb"\pard body\chatn{\*\annotation\pard note\par}"
        rb"{\object\objemb{\*\objdata 01}{\result \pard inside\par}}\par"
    )
    document = read(data)
    assert texts(document) == ["body"]
    assert [r.text for r in document.residue] == ["note", "inside"]


def test_upr_reads_its_unicode_twin_once() -> None:
    data = rtf(rb"\pard{\upr{\f1 \'bc\'d3}{\*\ud{\u21152?}}}\par")
    assert texts(read(data)) == ["加"]


# ---------------------------------------------------------------------------
# List numbers and hidden text


def test_the_drawn_list_number_goes_in_front_without_its_tab() -> None:
    data = rtf(
        rb"\pard\ls1\ilvl0{\listtext\pard\plain\f0 1.\tab}first\par"
        rb"\pard\ls1\ilvl1{\listtext\pard\plain\f1 \'a3\'a8\'d2\'bb\'a3\'a9\tab}second\par"
        rb"\pard{\*\pn\pnlvlbody\pndec{\pntxta .}}{\pntext\f0 3.\tab}third\par"
    )
    assert texts(read(data)) == ["1.first", "（一）second", "3.third"]


def test_the_list_number_group_does_not_reset_the_table_state() -> None:
    # Word writes \pard inside {\listtext ...}: it ends with the group
    data = rtf(
        rb"\trowd\cellx2000\cellx4000"
        rb"\pard\intbl{\listtext\pard\plain 1.\tab}a\cell b\cell\row\pard after\par"
    )
    document = read(data)
    assert grid(document) == [["1.a", "b"]]
    assert texts(document) == ["after"]


def test_hidden_text_is_residue_with_the_docx_reason() -> None:
    data = rtf(rb"\pard shown{\v secret} again\par\pard\v all hidden\v0\par")
    document = read(data)
    assert texts(document) == ["shown again"]
    assert [(r.text, r.reason) for r in document.residue] == [
        ("secret", VANISH_REASON),
        ("all hidden", VANISH_REASON),
    ]


def test_plain_ends_hidden_text() -> None:
    data = rtf(rb"\pard\v gone\plain  seen\par")
    document = read(data)
    assert texts(document) == ["seen"]
    assert [r.text for r in document.residue] == ["gone"]


def test_white_text_on_the_white_page_is_residue() -> None:
    # colour 2 is white, colour 3 yellow (colortbl in HEAD)
    data = rtf(rb"\pard seen{\cf2  unseen}{\cf1  black}\par")
    document = read(data)
    assert texts(document) == ["seen black"]
    assert [(r.text, r.reason) for r in document.residue] == [("unseen", WHITE_REASON)]


@pytest.mark.parametrize(
    "shading",
    [rb"\highlight3", rb"\cb3", rb"\chcbpat3"],
)
def test_white_text_on_a_coloured_run_is_seen(shading: bytes) -> None:
    data = rtf(rb"\pard{" + shading + rb"\cf2 on yellow}\par")
    assert texts(read(data)) == ["on yellow"]


def test_white_text_in_a_shaded_paragraph_or_cell_is_seen() -> None:
    data = rtf(
        rb"\pard\cbpat3{\cf2 shaded paragraph}\par"
        rb"\pard{\cf2 plain paragraph}\par"
        rb"\trowd\clcbpat3\cellx2000\cellx4000\pard\intbl{\cf2 filled}\cell{\cf2 bare}\cell\row"
        rb"\pard\par"
    )
    document = read(data)
    assert texts(document) == ["shaded paragraph"]
    assert grid(document) == [["filled", ""]]
    assert sorted(r.text for r in document.residue) == ["bare", "plain paragraph"]


def test_white_highlight_is_no_shading() -> None:
    data = rtf(rb"\pard{\highlight2\cf2 gone}\par\pard x\par")
    assert [r.text for r in read(data).residue] == ["gone"]


# ---------------------------------------------------------------------------
# Tables


def test_a_table_of_two_rows() -> None:
    data = rtf(
        rb"\pard before\par"
        rb"\trowd\trhdr\cellx3000\cellx6000\pard\intbl \'d0\'f2\'ba\'c5\cell task\cell\row"
        rb"\trowd\cellx3000\cellx6000\pard\intbl 1\cell do it\cell\row"
        rb"\pard after\par"
    )
    document = read(data)
    assert grid(document) == [["序号", "task"], ["1", "do it"]]
    [table] = [b for b in document.blocks if isinstance(b, Table)]
    assert table.rows[0].repeat_header and not table.rows[1].repeat_header
    assert texts(document) == ["before", "after"]


def test_row_properties_written_after_the_cells_as_word_does() -> None:
    data = rtf(
        rb"\pard\intbl a\cell b\cell\pard\intbl{\trowd\cellx3000\cellx6000\row}"
        rb"\pard\intbl c\cell d\cell\pard\intbl{\trowd\cellx3000\cellx6000\row}\pard\par"
    )
    assert grid(read(data)) == [["a", "b"], ["c", "d"]]


def test_paragraphs_in_a_cell_are_its_lines() -> None:
    data = rtf(rb"\trowd\cellx3000\cellx6000\pard\intbl one\par two\cell x\cell\row\pard\par")
    assert grid(read(data)) == [["one\ntwo", "x"]]


def test_vertical_merges_continue_the_cell_above() -> None:
    data = rtf(
        rb"\trowd\clvmgf\cellx2000\cellx4000\pard\intbl lead\cell a\cell\row"
        rb"\trowd\clvmrg\cellx2000\cellx4000\pard\intbl\cell b\cell\row\pard\par"
    )
    [table] = [b for b in read(data).blocks if isinstance(b, Table)]
    assert [[c.text for c in r.cells] for r in table.rows] == [["lead", "a"], ["", "b"]]
    assert table.rows[1].cells[0].merged_up


def test_text_in_a_merged_continuation_is_residue() -> None:
    data = rtf(
        rb"\trowd\clvmgf\cellx2000\cellx4000\pard\intbl lead\cell a\cell\row"
        rb"\trowd\clvmrg\cellx2000\cellx4000\pard\intbl stale\cell b\cell\row\pard\par"
    )
    document = read(data)
    assert [r.text for r in document.residue] == ["stale"]


def test_old_horizontal_merges_continue_the_cell_to_the_left() -> None:
    data = rtf(
        rb"\trowd\clmgf\cellx2000\clmrg\cellx4000\cellx6000"
        rb"\pard\intbl wide\cell\cell c\cell\row\pard\par"
    )
    [table] = [b for b in read(data).blocks if isinstance(b, Table)]
    assert [c.text for c in table.rows[0].cells] == ["wide", "", "c"]
    assert table.rows[0].cells[1].merged_left


def test_a_wider_cell_spans_the_grid_columns_other_rows_cut() -> None:
    # row 1 has three cells; row 2's first cell runs to the second edge
    data = rtf(
        rb"\trowd\cellx1000\cellx2000\cellx3000\pard\intbl a\cell b\cell c\cell\row"
        rb"\trowd\cellx2000\cellx3000\pard\intbl wide\cell d\cell\row\pard\par"
    )
    [table] = [b for b in read(data).blocks if isinstance(b, Table)]
    assert [c.text for c in table.rows[1].cells] == ["wide", "", "d"]
    assert table.rows[1].cells[1].merged_left


def test_a_row_starting_further_right_is_padded() -> None:
    data = rtf(
        rb"\trowd\cellx1000\cellx2000\pard\intbl a\cell b\cell\row"
        rb"\trowd\trleft1000\cellx2000\pard\intbl c\cell\row\pard\par"
    )
    assert grid(read(data)) == [["a", "b"], ["", "c"]]


def test_a_nested_table_is_read_into_its_cell_as_in_a_docx() -> None:
    data = rtf(
        rb"\trowd\cellx3000\cellx6000\pard\intbl 1\cell\pard\intbl\itap1 outer\par"
        rb"\pard\intbl\itap2 x\nestcell y\nestcell"
        rb"{\*\nesttableprops\trowd\cellx1000\cellx2000\nestrow}{\nonesttables\par}"
        rb"\pard\intbl\itap1\cell\row"
        rb"\trowd\cellx3000\cellx6000\pard\intbl 2\cell b\cell\row"
        rb"\trowd\cellx3000\cellx6000\pard\intbl 3\cell c\cell\row"
        rb"\trowd\cellx3000\cellx6000\pard\intbl 4\cell d\cell\row\pard\par"
    )
    document = read(data)
    assert grid(document) == [["1", "outer\nx y"], ["2", "b"], ["3", "c"], ["4", "d"]]
    assert document.residue == ()
    assert [n.note for n in document.notes] == ["docx_nested_table"]


def test_a_table_framing_a_table_is_read_as_what_it_frames() -> None:
    # one row, one cell, a table in it: a border drawn round the 分工表
    data = rtf(
        rb"\trowd\cellx9000\pard\intbl\itap1 title\par"
        rb"\pard\intbl\itap2 a\nestcell b\nestcell"
        rb"{\*\nesttableprops\trowd\cellx3000\cellx6000\nestrow}"
        rb"\pard\intbl\itap2 c\nestcell d\nestcell"
        rb"{\*\nesttableprops\trowd\cellx3000\cellx6000\nestrow}"
        rb"\pard\intbl\itap1\cell\row\pard\par"
    )
    document = read(data)
    assert texts(document) == ["title"]
    assert grid(document) == [["a", "b"], ["c", "d"]]


def test_a_cell_row_with_no_row_definition_still_reads() -> None:
    # a file cut before its \row: the cells are kept, not dropped
    data = rtf(rb"\pard\intbl a\cell b\cell")
    assert grid(read(data)) == [["a", "b"]]


# ---------------------------------------------------------------------------
# Bad input


def test_an_unterminated_group_is_a_typed_error() -> None:
    with pytest.raises(CorruptFileError, match="open group"):
        read(HEAD + rb"\pard text{\b bold\par")


def test_text_after_the_document_is_residue_not_dropped() -> None:
    document = read(rtf(rb"\pard body\par") + b"\r\n\x00 pasted after}")
    assert texts(document) == ["body"]
    assert [r.text for r in document.residue] == ["pasted after"]


def test_trailing_blanks_and_nuls_are_nothing() -> None:
    assert not read(rtf(rb"\pard body\par") + b"\r\n\x00\x00").residue


def test_a_document_of_no_text_is_empty() -> None:
    with pytest.raises(EmptyDocumentError):
        read(rtf(rb"\pard\par"))


def test_an_rtf_named_doc_is_read_natively(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "notice.doc"
    path.write_bytes(rtf(rb"\pard\f1 \'bc\'d3\'c7\'bf\par"))
    document = read_document(path)
    assert document.source.format is Format.RTF and texts(document) == ["加强"]

"""The native Word 97 reader (read/doc) on invented files (wordfile.py):
what each shape of the binary format becomes (read/doc/wordml.py says)."""

from __future__ import annotations

import struct

import pytest
from wordfile import (
    DELETED,
    IN_TABLE,
    ROW_END,
    VANISH,
    WHITE,
    itap,
    numbered,
    row,
    sprm,
    word_file,
)

from policy_parse.models import Document, Format, Paragraph, Source, Table
from policy_parse.read import Limits
from policy_parse.read.doc import read_doc

SOURCE = Source(path=None, format=Format.DOC, sha256="")


def read(data: bytes, limits: Limits | None = None) -> Document:
    return read_doc(data, SOURCE, limits or Limits())


def texts(document: Document) -> list[str]:
    return [b.text for b in document.blocks if isinstance(b, Paragraph)]


def grid(document: Document) -> list[list[tuple[str, bool, bool]]]:
    table = next(b for b in document.blocks if isinstance(b, Table))
    return [[(c.text, c.merged_left, c.merged_up) for c in r.cells] for r in table.rows]


@pytest.mark.parametrize("compressed", [False, True])
def test_paragraphs_are_read_from_either_kind_of_piece(compressed: bool) -> None:
    doc = read(
        word_file(
            [("Alpha \u201cone\u201d\r", b""), ("\r", b""), ("Beta\r", b"")], compressed=compressed
        )
    )
    assert texts(doc) == ["Alpha \u201cone\u201d", "Beta"]
    assert [b.span.paragraph for b in doc.blocks] == [0, 2]


def test_a_line_break_a_tab_and_a_non_breaking_hyphen_are_text_an_optional_hyphen_is_not() -> None:
    doc = read(word_file([("甲\x0b乙\t丙\x1e丁\x1f戊\r", b"")]))
    assert texts(doc) == ["甲\n乙\t丙-丁戊"]


def test_a_field_shows_its_result_not_its_code() -> None:
    doc = read(
        word_file(
            [
                ('见\x13 HYPERLINK "x" \x14链接\x15。\r', b""),
                ("页\x13 PAGE \x15码\r", b""),
                ("外\x13 IF \x13 REF a \x14内\x15 \x14果\x15止\r", b""),
            ]
        )
    )
    assert texts(doc) == ["见链接。", "页码", "外果止"]


def test_hidden_and_white_runs_are_residue_and_a_deleted_run_is_not_read() -> None:
    text = "留甲藏乙删丙白丁\r"
    doc = read(
        word_file(
            [(text, b"")],
            [(0, 2, b""), (2, 4, VANISH), (4, 6, DELETED), (6, 8, WHITE), (8, 9, b"")],
        )
    )
    assert texts(doc) == ["留甲"]
    reasons = {r.text: r.reason for r in doc.residue}
    assert set(reasons) == {"藏乙", "白丁"}
    assert "w:vanish" in reasons["藏乙"]
    assert "white" in reasons["白丁"]


def test_cells_and_rows_become_a_table_whose_grid_comes_from_the_cell_edges() -> None:
    doc = read(
        word_file(
            [
                ("前\r", b""),
                ("序号\x07", IN_TABLE),
                ("任务\x07", IN_TABLE),
                ("\x07", IN_TABLE + ROW_END + row([0, 600, 3000])),
                ("1\x07", IN_TABLE),
                ("第一\x07", IN_TABLE),
                ("第二\x07", IN_TABLE),
                ("\x07", IN_TABLE + ROW_END + row([0, 600, 1800, 3000])),
                ("后\r", b""),
            ]
        )
    )
    assert texts(doc) == ["前", "后"]
    # Edges 0, 600, 1800, 3000: the first row's second cell spans two columns.
    assert grid(doc) == [
        [("序号", False, False), ("任务", False, False), ("", True, False)],
        [("1", False, False), ("第一", False, False), ("第二", False, False)],
    ]


def test_vertical_and_horizontal_merges_of_a_row_definition() -> None:
    doc = read(
        word_file(
            [
                ("甲\x07", IN_TABLE),
                ("乙\x07", IN_TABLE),
                ("\x07", IN_TABLE + ROW_END + row([0, 500, 1000], {0: 0x60})),
                ("\x07", IN_TABLE),
                ("丙\x07", IN_TABLE),
                ("\x07", IN_TABLE + ROW_END + row([0, 500, 1000], {0: 0x20})),
                ("丁\x07", IN_TABLE),
                ("\x07", IN_TABLE),
                ("\x07", IN_TABLE + ROW_END + row([0, 500, 1000], {0: 0x01, 1: 0x02})),
            ]
        )
    )
    assert grid(doc) == [
        [("甲", False, False), ("乙", False, False)],
        [("", False, True), ("丙", False, False)],
        [("丁", False, False), ("", True, False)],
    ]


def test_a_table_in_a_one_row_table_is_read_as_the_table_the_frame_holds() -> None:
    """sprmPItap 2 with inner cell and row marks nest a table in a cell; a
    one-row table holding one is a frame (the .docx reader's rule)."""
    inner = itap(2) + IN_TABLE
    inner_cell = sprm(0x244B, b"\x01")
    inner_row = sprm(0x244C, b"\x01") + row([0, 300, 600])
    doc = read(
        word_file(
            [
                ("外一\x07", IN_TABLE + itap(1)),
                ("内一\r", inner + inner_cell),
                ("内二\r", inner + inner_cell),
                ("\r", inner + inner_row),
                ("\x07", IN_TABLE + itap(1)),
                ("\x07", IN_TABLE + itap(1) + ROW_END + row([0, 600, 1200])),
            ]
        )
    )
    assert texts(doc) == ["外一"]
    assert grid(doc) == [[("内一", False, False), ("内二", False, False)]]


def test_a_section_break_ends_its_paragraph() -> None:
    doc = read(word_file([("前页末\x0c", b""), ("后页首\r", b"")]))
    assert texts(doc) == ["前页末", "后页首"]


CN_COUNTING, DECIMAL = 37, 0


def test_list_numbers_are_drawn_from_the_list_tables() -> None:
    lists = [(7, [(1, CN_COUNTING, "（\x00）")]), (9, [(1, DECIMAL, "\x00.")])]
    doc = read(
        word_file(
            [
                ("首项\r", numbered(1)),
                ("次项\r", numbered(1)),
                ("另一列表\r", numbered(3)),
                ("续第一列表\r", numbered(2)),  # LFO 2: the same list (lsid 7) restarted at 5
                ("又续\r", numbered(1)),
                ("无编号\r", b""),
            ],
            lists=lists,
            lfos=[(7, []), (7, [(0, 5)]), (9, [])],
        )
    )
    assert texts(doc) == [
        "（一）首项",
        "（二）次项",
        "1.另一列表",
        "（五）续第一列表",
        "（六）又续",
        "无编号",
    ]


def test_a_multilevel_list_restarts_the_lower_level_and_shows_both_counters() -> None:
    levels = [(1, DECIMAL, "\x00."), (1, DECIMAL, "\x00.\x01")] + [(1, DECIMAL, "")] * 7
    doc = read(
        word_file(
            [
                ("甲\r", numbered(1, 0)),
                ("甲一\r", numbered(1, 1)),
                ("甲二\r", numbered(1, 1)),
                ("乙\r", numbered(1, 0)),
                ("乙一\r", numbered(1, 1)),
            ],
            lists=[(3, levels)],
            lfos=[(3, [])],
        )
    )
    assert texts(doc) == ["1.甲", "1.1甲一", "1.2甲二", "2.乙", "2.1乙一"]


def test_a_style_numbers_its_paragraphs_through_its_base_unless_one_says_no_list() -> None:
    """Style 1 (based on none) names list 1; style 2, based on it, sets
    only level 1; a paragraph's own sprmPIlfo 0 takes its number away."""
    levels = [(1, CN_COUNTING, "\x00、"), (1, DECIMAL, "\x01.")] + [(1, DECIMAL, "")] * 7
    doc = read(
        word_file(
            [
                ("总体要求\r", b"", 1),
                ("稳步推进甲项。\r", b"", 2),
                ("持续完善乙项。\r", b"", 2),
                ("不编号的标题\r", sprm(0x460B, b"\x00\x00"), 1),
                ("保障措施\r", b"", 1),
                ("加快建设丙项。\r", b"", 2),
                ("正文\r", b"", 0),
            ],
            lists=[(5, levels)],
            lfos=[(5, [])],
            styles=[(0, 0x0FFF, b""), (1, 0, numbered(1)), (2, 1, sprm(0x260A, b"\x01"))],
        )
    )
    assert texts(doc) == [
        "一、总体要求",
        "1.稳步推进甲项。",
        "2.持续完善乙项。",
        "不编号的标题",
        "二、保障措施",
        "1.加快建设丙项。",
        "正文",
    ]


def test_an_lfo_that_names_no_list_draws_no_number() -> None:
    doc = read(
        word_file([("文\r", numbered(4))], lists=[(3, [(1, DECIMAL, "\x00.")])], lfos=[(3, [])])
    )
    assert texts(doc) == ["文"]


def test_properties_too_large_for_an_fkp_are_read_from_the_data_stream() -> None:
    """sprmPHugePapx: the row definition sits in the Data stream."""
    from wordfile import compound

    big = IN_TABLE + ROW_END + row([0, 500, 1000])
    data = word_file(
        [
            ("甲\x07", IN_TABLE),
            ("乙\x07", IN_TABLE),
            ("\x07", IN_TABLE + sprm(0x6646, struct.pack("<I", 8))),
        ]
    )
    import olefile

    ole = olefile.OleFileIO(data)
    streams = {name: ole.openstream(name).read() for name in ("WordDocument", "1Table")}
    ole.close()
    streams["Data"] = b"\x00" * 8 + struct.pack("<H", len(big)) + big
    doc = read(compound(streams))
    assert grid(doc) == [[("甲", False, False), ("乙", False, False)]]


def test_footnotes_comments_endnotes_and_text_boxes_are_residue_headers_are_not_read() -> None:
    from policy_parse.read.doc.reader import STORY_REASONS

    doc = read(
        word_file(
            [("正文\x02。\r", b"")],
            stories=(
                "\x02 脚注甲\r",
                "页眉\r\r",
                "",
                "\x05批注乙\r",
                "尾注丙\r",
                "框内丁\r框内戊\r",
            ),
        )
    )
    assert texts(doc) == ["正文。"]
    assert [(r.text, r.reason) for r in doc.residue] == [
        ("脚注甲", STORY_REASONS[0]),
        ("批注乙", STORY_REASONS[3]),
        ("尾注丙", STORY_REASONS[4]),
        ("框内丁\n框内戊", STORY_REASONS[5]),
    ]


def test_a_run_of_special_characters_is_no_text() -> None:
    """A symbol Word draws from a font (sprmCSymbol) is written "(" in a run
    marked sprmCFSpec: not a parenthesis of the text."""
    special = sprm(0x0855, b"\x01") + sprm(0x6A09, b"\x00\x00\x2a\xf0")
    doc = read(word_file([("前(后\r", b"")], [(0, 1, b""), (1, 2, special), (2, 4, b"")]))
    assert texts(doc) == ["前后"]


def test_a_text_box_is_read_after_the_paragraph_that_anchors_it() -> None:
    """Shape 7 is anchored at CP 2 (a 0x08 in the first paragraph) and shows
    the story's second box; the first box's shape (9) is anchored nowhere:
    residue."""
    from policy_parse.read.doc.reader import STORY_REASONS

    special = sprm(0x0855, b"\x01")
    doc = read(
        word_file(
            [("框前\x08文\r", b""), ("后段\r", b"")],
            [(0, 2, b""), (2, 3, special), (3, 7, b"")],
            stories=("", "", "", "", "", "无锚\r框内甲\r框内乙\r"),
            anchors=[(2, 7)],
            boxes=[(0, 3, 9), (3, 11, 7)],
        )
    )
    assert texts(doc) == ["框前文", "框内甲", "框内乙", "后段"]
    assert [b.span.paragraph for b in doc.blocks] == [0, 0, 0, 1]
    assert [(r.text, r.reason) for r in doc.residue] == [("无锚", STORY_REASONS[5])]

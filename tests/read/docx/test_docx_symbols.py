"""read/docx/symbols.py: a character Word draws from a symbol font (w:sym)
is read as the character it shows, or kept as residue: never dropped."""

from __future__ import annotations

from test_docx import p, tbl, tc, texts, tr

from policy_parse.messages import reason
from policy_parse.read.docx.symbols import SYMBOL_REASON


def _sym(font: str, char: str) -> str:
    return f'<w:r><w:sym w:font="{font}" w:char="{char}"/></w:r>'


def _para(*runs: str) -> str:
    return f"<w:p>{''.join(runs)}</w:p>"


def _run(text: str) -> str:
    return f"<w:r><w:t>{text}</w:t></w:r>"


def test_a_wingdings_square_and_circled_number_read_as_the_characters_they_show(
    build_docx, read_docx
):
    body = (
        _para(_sym("Wingdings", "F06E"), _run("推行一网通办。"))
        + _para(_sym("Wingdings", "F081"), _run("压减开办时间。"))
        + _para(_sym("Symbol", "F0B7"), _run("县甲局牵头"))
    )
    document = read_docx(build_docx(body))
    # Read from w:t alone, each paragraph lost its first character.
    assert texts(document) == ["■推行一网通办。", "①压减开办时间。", "•县甲局牵头"]
    assert document.residue == ()


def test_a_unicode_character_drawn_by_w_sym_is_read_as_itself(build_docx, read_docx):
    body = _para(_sym("宋体", "2460"), _run("推行一网通办。"))
    assert texts(read_docx(build_docx(body))) == ["①推行一网通办。"]


def test_a_glyph_no_table_names_is_residue_with_its_font_and_number(build_docx, read_docx):
    cell = tc(_para(_sym("Webdings", "F063"), _run("县甲局")))
    body = p("推行一网通办。") + tbl(2, tr(tc(p("牵头单位")), cell))
    document = read_docx(build_docx(body))
    assert texts(document)[1] == [["牵头单位", "县甲局"]]
    [kept] = document.residue
    assert (kept.text, kept.reason) == ("Webdings F063", SYMBOL_REASON)
    assert (kept.span.table, kept.span.row, kept.span.cell) == (0, 0, 1)
    assert reason(kept.reason, "zh").startswith("Word 符号字体中的字符")

"""read/invisible.py: characters that draw nothing (zero-width spaces, soft
hyphens, word joiners, direction marks) are taken out of what any reader
read, and the notice says how many.  The specimens are invented."""

from __future__ import annotations

import policy_parse
from helpers import units_of
from policy_parse.models import Cell, Document, Format, Paragraph, Row, Source, Span, Table
from policy_parse.read.invisible import NOTE, strip_document, strip_text

ZW, SHY, WJ, LRM = "\u200b", "\u00ad", "\u2060", "\u200e"

# A portal's copy: zero-width spaces inside a label, a marker and names.
NOTICE = (
    "甲县任务分工\n"
    f"1{ZW}.推进数字政府建设。（牵头单位：县数据{ZW}局；责{ZW}任单位：县财政局、县发改局）\n"
    f"2.完善{SHY}服务体系。（牵头单位：县民政局；责任单位：县人{WJ}社局）\n"
    f"3.加强{LRM}监管。（牵头单位：县市场监管局）\n"
)


def _removed(notice: policy_parse.Notice) -> list[str]:
    return [dict(d.fields)["count"] for d in notice.discrepancies if d.note == NOTE]


def test_strip_text_takes_out_format_characters_and_counts_them() -> None:
    assert strip_text(f"区科{ZW}技局{SHY}{WJ}") == ("区科技局", 3)
    assert strip_text("区科技局") == ("区科技局", 0)


def test_tabs_and_line_breaks_are_structure_and_stay() -> None:
    assert strip_text("a\tb\nc\fd") == ("a\tb\nc\fd", 0)


def test_a_text_notice_salted_with_invisible_characters_reads_as_the_clean_one() -> None:
    salted = policy_parse.parse_text(NOTICE)
    clean = policy_parse.parse_text(strip_text(NOTICE)[0])
    assert units_of(salted) == units_of(clean)
    assert units_of(salted) == [
        ("1", ["县数据局"], ["县财政局", "县发改局"]),
        ("2", ["县民政局"], ["县人社局"]),
        ("3", ["县市场监管局"], []),
    ]
    assert _removed(salted) == ["6"]
    assert _removed(clean) == []


def test_a_web_page_with_zero_width_entities_reads_as_the_clean_page() -> None:
    body = "".join(f"<p>{line}</p>" for line in NOTICE.replace(ZW, "&#8203;").splitlines())
    html = f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>{body}</body></html>"
    notice = policy_parse.parse(html.encode("utf-8"))
    assert units_of(notice) == units_of(policy_parse.parse_text(strip_text(NOTICE)[0]))
    assert _removed(notice) == ["6"]


def test_strip_document_cleans_cells_and_leaves_a_clean_document_as_it_is() -> None:
    source = Source(path=None, format=Format.DOCX, sha256="0")
    cell = Cell(text=f"县{ZW}财政局", span=Span())
    doc = Document(
        source=source,
        blocks=(
            Paragraph(text="甲县任务分工", span=Span()),
            Table(rows=(Row(cells=(cell,), span=Span()),), span=Span()),
        ),
    )
    out = strip_document(doc)
    table = out.blocks[1]
    assert isinstance(table, Table)
    assert table.rows[0].cells[0].text == "县财政局"
    assert [(n.note, dict(n.fields)) for n in out.notes] == [(NOTE, {"count": "1"})]
    clean = Document(source=source, blocks=(Paragraph(text="甲县", span=Span()),))
    assert strip_document(clean) is clean

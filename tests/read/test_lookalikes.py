"""read/lookalikes.py: radicals and compatibility ideographs a PDF's text
layer gives for the ideographs its page shows are read as those ideographs,
in every format, and the notice says how many.  The specimens are invented."""

from __future__ import annotations

import sys
from pathlib import Path

import policy_parse
from policy_parse.models import Cell, Document, Format, Paragraph, Row, Source, Span, Table
from policy_parse.read.lookalikes import NOTE, ideographs, ideographs_document

sys.path.insert(0, str(Path(__file__).resolve().parent / "pdf"))
from pdf_fixtures import Page, Text, build_pdf

# What such a PDF's text layer says for 人民 (Kangxi ⼈ U+2F08, supplement
# ⺠ U+2EA0), 力, 门, 长, 黄, 工 and 革.
PERSON, CIVILIAN, POWER, GATE, LONG, YELLOW, WORK, LEATHER = (
    "\u2f08",
    "\u2ea0",
    "\u2f12",
    "\u2ed4",
    "\u2ed3",
    "\u2ee9",
    "\u2f2f",
    "\u2fb0",
)

CLEAN = (
    "甲县任务分工\n"
    "1.推进人才工作改革。（牵头单位：县人力资源和社会保障局；责任单位：县民政局、县黄河管理所）\n"
    "2.完善长效服务机制。（牵头单位：县发展和改革局；责任单位：各部门）\n"
)
# The same notice as a copy of such a PDF gives it: labels, names and texts.
DRAWN = (
    CLEAN.replace("人", PERSON)
    .replace("民", CIVILIAN)
    .replace("力", POWER)
    .replace("门", GATE)
    .replace("长", LONG)
    .replace("黄", YELLOW)
    .replace("工", WORK)
    .replace("革", LEATHER)
)


def _units(notice: policy_parse.Notice) -> list[tuple[str, str, list[str], list[str]]]:
    return [
        (m.id, m.text, [u.name for u in m.lead], [u.name for u in m.support])
        for m in notice.measures
    ]


def _read(notice: policy_parse.Notice) -> list[str]:
    return [dict(d.fields)["count"] for d in notice.discrepancies if d.note == NOTE]


def test_radicals_and_compatibility_ideographs_read_as_the_ideographs_drawn() -> None:
    assert ideographs(f"{PERSON}{CIVILIAN}政府") == ("人民政府", 2)
    assert ideographs(f"{YELLOW}埔区{GATE}户") == ("黄埔区门户", 2)
    # U+F9F4 is a compatibility form of 林; U+FA0E is a unified ideograph.
    assert ideographs("\uf9f4业局\ufa0e") == ("林业局\ufa0e", 1)


def test_component_radicals_and_plain_text_stay_as_they_are() -> None:
    # ⺅ and ⺡ draw a part of a character, never a character: no reading.
    assert ideographs("\u2e85\u2ea1") == ("\u2e85\u2ea1", 0)
    text = "县民政局"
    out, n = ideographs(text)
    assert (out, n) == (text, 0) and out is text


def test_a_text_copy_of_such_a_pdf_reads_as_the_clean_notice_and_says_so() -> None:
    drawn = policy_parse.parse_text(DRAWN)
    clean = policy_parse.parse_text(CLEAN)
    assert _units(drawn) == _units(clean)
    assert _units(clean)[0][2:] == (["县人力资源和社会保障局"], ["县民政局", "县黄河管理所"])
    drawn_as = (PERSON, CIVILIAN, POWER, GATE, LONG, YELLOW, WORK, LEATHER)
    assert _read(drawn) == [str(sum(DRAWN.count(c) for c in drawn_as))]
    assert _read(clean) == []


def test_a_pdf_whose_text_layer_gives_radicals_reads_as_the_clean_notice() -> None:
    lines = [line for line in DRAWN.splitlines() if line]
    pdf = build_pdf([Page(texts=[Text(40, 60 + 30 * k, s, 9) for k, s in enumerate(lines)])])
    notice = policy_parse.parse(pdf)
    assert [u[2:] for u in _units(notice)] == [
        u[2:] for u in _units(policy_parse.parse_text(CLEAN))
    ]
    assert _read(notice) != []


def test_a_document_is_read_in_its_cells_too_and_left_as_it_is_when_clean() -> None:
    source = Source(path=None, format=Format.DOCX, sha256="0")
    cell = Cell(text=f"县{CIVILIAN}政局", span=Span())
    doc = Document(
        source=source,
        blocks=(
            Paragraph(text="甲县任务分工", span=Span()),
            Table(rows=(Row(cells=(cell,), span=Span()),), span=Span()),
        ),
    )
    out = ideographs_document(doc)
    table = out.blocks[1]
    assert isinstance(table, Table)
    assert table.rows[0].cells[0].text == "县民政局"
    assert [(n.note, dict(n.fields)) for n in out.notes] == [(NOTE, {"count": "1"})]
    clean = Document(source=source, blocks=(Paragraph(text="甲县", span=Span()),))
    assert ideographs_document(clean) is clean

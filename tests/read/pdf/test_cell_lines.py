"""Two units written on two lines of one table cell are two units, in every
form a 分工表 comes in (issue 28).

A clerk types 东湖新区建设集团 and 区城投集团 on two lines of the 牵头单位
cell.  Word keeps the break (a paragraph or a w:br), HTML a <br>; a PDF or
OFD page only shows two lines, and when the first name fills the cell's
width the break looks exactly like a wrap inside one name.  There the cell
keeps the line break when the text before it and the line after it each
read as a unit (data/units.toml [wrap]); a name cut by the wrap
(区人力资源和社会 / 保障局) or a branch written after its parent
(区市场监督管理局 / 东湖分局) stays one name, and a unit that ends like a
branch but starts like the name before it (区消防救援大队) is a unit of its
own.  The specimen is invented.
"""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

import docx
import pytest
from pdf_fixtures import Page, Text, build_pdf, ruled_table

import policy_parse

ROOT = Path(__file__).resolve().parents[3]
SIZE = 10.0
PAD = 3.0
# 序号 (3) | 工作任务 (12) | 牵头单位 (8) | 配合单位 (8): characters of inner width.
XS = [60.0]
for chars in (3, 12, 8, 8):
    XS.append(XS[-1] + chars * SIZE + 2 * PAD)

HEADER = ("序号", "工作任务", "牵头单位", "配合单位")
# (number, task, lead lines, support lines): the lead cells' lines as drawn.
ROWS = (
    ("1", "建设园区道路。", ("东湖新区建设集团", "区城投集团"), ("区财政局",)),
    ("2", "开展技能培训。", ("区人力资源和社会", "保障局"), ("区教育局",)),
    ("3", "规范市场秩序。", ("区市场监督管理局", "东湖分局"), ("区商务局",)),
    ("4", "完善管网设施。", ("区财政局", "区税务局"), ("区住建局",)),
    ("5", "排查消防隐患。", ("区综合行政执法局", "区消防救援大队"), ("各街道",)),
)
# What the clerk wrote in each lead cell: the key of the specimen.
LEADS = {
    "1": ["东湖新区建设集团", "区城投集团"],
    "2": ["区人力资源和社会保障局"],
    "3": ["区市场监督管理局东湖分局"],
    "4": ["区财政局", "区税务局"],
    "5": ["区综合行政执法局", "区消防救援大队"],
}


def _leads(notice) -> dict[str, list[str]]:
    records = notice.measures or notice.table
    return {str(m.number): [u.written for u in m.lead] for m in records}


def _pdf() -> bytes:
    ys = [100.0]
    for _ in range(len(ROWS) + 1):
        ys.append(ys[-1] + 3 * SIZE * 1.2 + 2 * PAD)
    cells: dict[tuple[int, int], list[str]] = {(0, c): [h] for c, h in enumerate(HEADER)}
    for r, (number, task, lead, support) in enumerate(ROWS, start=1):
        cells[(r, 0)] = [number]
        cells[(r, 1)] = [task]
        cells[(r, 2)] = list(lead)
        cells[(r, 3)] = list(support)
    texts, lines = ruled_table(XS, ys, cells, size=SIZE, pad=PAD)
    title = Text(XS[0], 60.0, "某区重点工作任务分工表", SIZE)
    return build_pdf([Page(width=XS[-1] + 60.0, texts=[title, *texts], lines=lines)])


def test_the_specimen_fills_the_lead_cell_exactly_where_the_reader_must_decide():
    # The first line of cells 1, 2, 3 and 5 is as wide as the cell: the wrap
    # test alone cannot tell a typed break from a wrap there.
    inner = XS[3] - XS[2] - 2 * PAD
    full = [number for number, _, lead, _ in ROWS if len(lead[0]) * SIZE == inner]
    assert full == ["1", "2", "3", "5"]


def test_units_on_two_lines_of_a_pdf_cell_are_two_units_and_a_wrapped_name_one():
    assert _leads(policy_parse.parse(_pdf())) == LEADS


def test_units_on_two_lines_of_an_ofd_cell_are_two_units_and_a_wrapped_name_one():
    spec = importlib.util.spec_from_file_location("make_ofd", ROOT / "tools" / "make_ofd.py")
    assert spec and spec.loader
    make_ofd = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_ofd)
    assert _leads(policy_parse.parse(make_ofd.build(_pdf()))) == LEADS


def _docx(*, breaks: str) -> bytes:
    d = docx.Document()
    d.add_paragraph("某区重点工作任务分工表")
    table = d.add_table(rows=len(ROWS) + 1, cols=len(HEADER))
    for c, h in enumerate(HEADER):
        table.cell(0, c).text = h
    for r, (number, task, _, support) in enumerate(ROWS, start=1):
        table.cell(r, 0).text = number
        table.cell(r, 1).text = task
        table.cell(r, 3).text = "\n".join(support)
        cell = table.cell(r, 2)
        names = LEADS[number]
        if breaks == "paragraphs":
            cell.paragraphs[0].add_run(names[0])
            for name in names[1:]:
                cell.add_paragraph(name)
        else:  # one paragraph, a w:br between the names (python-docx writes "\n" so)
            cell.paragraphs[0].add_run("\n".join(names))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("breaks", ["paragraphs", "w:br"])
def test_units_on_two_lines_of_a_word_cell_are_two_units(breaks):
    assert _leads(policy_parse.parse(_docx(breaks=breaks))) == LEADS


@pytest.mark.parametrize("br", ["<br>", "</p><p>"])
def test_units_on_two_lines_of_an_html_cell_are_two_units(br):
    rows = "".join(
        f"<tr><td>{n}</td><td>{t}</td><td><p>{br.join(LEADS[n])}</p></td>"
        f"<td>{'<br>'.join(s)}</td></tr>"
        for n, t, _, s in ROWS
    )
    head = "".join(f"<th>{h}</th>" for h in HEADER)
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>分工表</title></head><body>"
        f"<p>某区重点工作任务分工表</p><table><tr>{head}</tr>{rows}</table></body></html>"
    )
    assert _leads(policy_parse.parse(page.encode("utf-8"))) == LEADS

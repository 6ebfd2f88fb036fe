"""Cost grows with the input, not faster (issue 11): an 800-page notice —
one table running over every page, each break cutting a row — parses
within the default worker budget (256 MiB on top of the parent, 120 s).
Speed itself is measured by benchmarks/bench_formats.py, not here; this
only fails when the parse is refused or the records are wrong."""

from __future__ import annotations

import time

from pdf_fixtures import Page, Text, build_pdf, ruled_table

from policy_parse.models import Paragraph, Table
from policy_parse.read import read_document

PAGES = 800
ROWS = 12  # measure rows per page
XS = [60.0, 100.0, 420.0, 540.0]


def _page(p: int) -> Page:
    ys = [72.0 + 50 * r for r in range(ROWS + 2)]
    cells: dict[tuple[int, int], list[str]] = {
        (0, 0): ["序号"],
        (0, 1): ["具体举措"],
        (0, 2): ["责任部门"],
    }
    for r in range(1, ROWS + 1):
        n = p * ROWS + r
        cells[(r, 0)] = [str(n)]
        cells[(r, 1)] = [f"第{n}项举措的文字内容", "到此结束。"]
        cells[(r, 2)] = ["牵头单位甲局"]
    # The last row is cut by the page break: its text goes on next page.
    cells[(ROWS, 1)] = [f"第{(p + 1) * ROWS}项举措的文字内容", "在页末被截断的一行字"]
    if p:
        cells[(1, 0)] = []
        cells[(1, 1)] = ["了。"]
        cells[(1, 2)] = ["配合单位乙局"]
    texts, lines = ruled_table(XS, ys, cells)
    texts.append(Text(72, 800, f"- {p + 1} -", 10))
    if not p:
        texts.append(Text(72, 40, "附件：重点任务分工表", 12))
    return Page(texts=texts, lines=lines)


def test_an_800_page_notice_parses_within_the_default_budget() -> None:
    t0 = time.monotonic()
    data = build_pdf([_page(p) for p in range(PAGES)])
    print(f"built in {time.monotonic() - t0:.1f} s")
    start = time.monotonic()
    doc = read_document(data)
    elapsed = time.monotonic() - start
    print(f"parsed in {elapsed:.1f} s")
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    body = [r for r in table.rows if not r.repeat_header]
    # 1 header + ROWS per page, minus the cut row joined back on every page.
    assert len(body) == 1 + PAGES * ROWS - (PAGES - 1)
    assert (table.span.page, table.span.end_page) == (1, PAGES)
    assert (
        body[ROWS].cells[1].text.replace("\n", "")
        == f"第{ROWS}项举措的文字内容在页末被截断的一行字了。"
    )
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == ["附件：重点任务分工表"]
    assert sum(r.reason == "page number (header/footer)" for r in doc.residue) == PAGES
    assert elapsed < 60, f"{elapsed:.1f} s"

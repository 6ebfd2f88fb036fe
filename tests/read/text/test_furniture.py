"""read/text/furniture.py: page numbers a PDF copy leaves between lines —
here bare ones, a number alone on its line — are residue, and a
one-cell-per-line table's 序号 cells are not.  Specimens invented."""

from __future__ import annotations

import pytest

import policy_parse
from policy_parse.read.text.furniture import find_furniture

FILLER = "推进工作有关事项按计划落实，加强统筹协调，确保取得实效，形成长效机制，"
# Text that repeats no line: a running head is a line seen beside two numbers.
CLAUSES = (
    "健全县乡村三级服务网络，",
    "推动审批事项全程网上办理，",
    "完善数据共享交换平台，",
    "建立考核评价和通报制度，",
    "加大财政资金保障力度，",
    "强化专业人才队伍建设，",
    "开展试点示范并总结推广，",
    "落实安全保护责任制度，",
    "拓展移动端服务应用场景，",
    "提升基层窗口服务水平，",
    "规范服务标准和办事流程，",
    "畅通群众诉求反映渠道，",
)


def _wrapped_notice(pages: list[str]) -> str:
    """A notice copied from a PDF at 20 characters a line, with a bare page
    number every 12 lines, mid-sentence."""
    body = (
        "1.推进数字政府建设。"
        + "".join(CLAUSES[:6]) * 3
        + "（牵头单位：县数据局；责任单位：县财政局）"
        "2.完善养老服务体系。"
        + "".join(CLAUSES[6:]) * 3
        + "（牵头单位：县民政局；责任单位：县人社局、县卫健局）"
    )
    first, rest = body.split("2.完善")
    lines = ["甲县任务分工"]
    for part in (first, "2.完善" + rest):
        lines.extend(part[i : i + 20] for i in range(0, len(part), 20))
    out: list[str] = []
    for k, line in enumerate(lines, 1):
        out.append(line)
        if k % 12 == 0 and pages:
            out.append(pages.pop(0))
    return "\n".join(out) + "\n"


def test_bare_page_numbers_counting_pages_are_residue_and_the_measures_read_whole() -> None:
    text = _wrapped_notice(["2", "3"])
    notice = policy_parse.parse_text(text)
    assert [
        (m.id, [u.name for u in m.lead], [u.name for u in m.support]) for m in notice.measures
    ] == [
        ("1", ["县数据局"], ["县财政局"]),
        ("2", ["县民政局"], ["县人社局", "县卫健局"]),
    ]
    assert [r.text for r in notice.residue if r.reason == "page number left by a PDF copy"] == [
        "2",
        "3",
    ]
    clean = policy_parse.parse_text(_wrapped_notice([]))
    assert [m.text for m in notice.measures] == [m.text for m in clean.measures]


@pytest.mark.parametrize("header", ["序号", "序 号", "序號", "编号"])
def test_a_one_cell_per_line_tables_numbers_are_cells_not_pages(header: str) -> None:
    lines = [header, "工作任务", "牵头单位", ""]
    for n in range(1, 4):
        lines += [str(n), "修建道路" + FILLER * 2, "县交通局", ""] + [""] * 10
    assert find_furniture(lines) == {}


def test_bare_numbers_a_few_lines_apart_are_no_pages() -> None:
    lines = ["甲"] * 3 + ["2"] + ["乙"] * 4 + ["3"] + ["丙"] * 3
    assert find_furniture(lines) == {}


def test_row_numbers_of_a_table_whose_header_names_no_number_column_are_cells() -> None:
    # The header names its other columns one per line; each row writes its
    # number first, a row's many lines apart (cells between lone | lines).
    lines = ["工作任务", "|", "牵头单位", "|", ""]
    for n in range(1, 4):
        lines += [str(n), "|", "修建道路" + FILLER, "|", "县交通局", "|", ""] + [""] * 8
    assert find_furniture(lines) == {}


@pytest.mark.parametrize(
    "number",
    ["·3·", "· 3 ·", "•12•", "・7・", "3/12", "3 / 12", "共12页 第3页", "共 12 页，第 3 页"],
)
def test_more_page_number_forms_are_page_numbers(number: str) -> None:
    # A gazette's footer (·3·), a browser's (3/12) or 共9页 第3页 inside an
    # annotation was glued to the unit after it (·3·县发改局), mostly with no
    # finding (probe9).
    lines = ["1.修路。（县甲局牵头，县乙局、", number, "县丙局配合）"]
    assert list(find_furniture(lines)) == [1]
    text = "甲县任务分工\n" + "\n".join(lines) + "\n"
    (m,) = policy_parse.parse_text(text).measures
    assert [u.name for u in m.support] == ["县乙局", "县丙局"]

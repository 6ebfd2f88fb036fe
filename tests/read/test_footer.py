"""read/footer.py: a web page's footer at the end of a copy of its text, or of
a PDF the browser printed, is set aside as residue, not read as the last
measure's units.  The notices and footers are invented."""

from __future__ import annotations

import sys
from pathlib import Path

import policy_parse
from helpers import units_of
from policy_parse.read.footer import trailing_furniture

REASON = "web page footer"
CLOSING = "closing block (版记: 抄送, 印发)"

sys.path.insert(0, str(Path(__file__).resolve().parent / "pdf"))
from pdf_fixtures import Page, Text, build_pdf

NOTICE = (
    "甲县任务分工\n"
    "1.推进数字政府建设。（牵头单位：县数据局；责任单位：县财政局）\n"
    "2.简化备案程序，完善服务体系。（责任单位：县民政局）\n"
)
FOOTER = (
    "\n关于我们 | 网站地图 | 联系我们\n"
    "主办单位：甲县人民政府办公室  承办单位：甲县大数据中心\n"
    "地址：甲县人民路1号  电话：0000-1234567\n"
    "网站标识码：0000000000  某ICP备00000000号  某公网安备00000000000000号\n"
)


def _footer(notice: policy_parse.Notice) -> list[str]:
    return [r.text for r in notice.residue if r.reason == REASON]


def test_a_copied_pages_footer_is_no_measuresunits_of() -> None:
    notice = policy_parse.parse_text(NOTICE + FOOTER)
    assert units_of(notice) == units_of(policy_parse.parse_text(NOTICE))
    assert units_of(notice) == [("1", ["县数据局"], ["县财政局"]), ("2", [], ["县民政局"])]
    assert len(_footer(notice)) == 4 and _footer(notice)[-1].startswith("网站标识码")


def test_a_closing_sentence_above_the_footer_still_closes_the_plan() -> None:
    # The footer set aside, what stood between the last annotation and it is
    # closing text, as it is above a date or （此件公开发布） (segment/items.py).
    closing = "各单位要高度重视，按照任务分工抓好落实。\n"
    notice = policy_parse.parse_text(NOTICE + closing + FOOTER)
    assert notice.measures[-1].text == "简化备案程序，完善服务体系。"
    assert [r.text for r in notice.residue if r.reason.startswith("closing text")] == [
        closing.strip()
    ]


def test_a_footer_in_two_columns_is_not_taken_for_a_table_row() -> None:
    # Its two owners parted by spaces look like a row of a space-aligned table.
    footer = "\n主办单位：甲县人民政府办公室    承办单位：甲县大数据中心\n版权所有：甲县人民政府\n"
    notice = policy_parse.parse_text(NOTICE + footer)
    assert units_of(notice) == units_of(policy_parse.parse_text(NOTICE))
    assert len(_footer(notice)) == 2


def test_a_pages_tools_after_a_space_table_are_no_row_of_it() -> None:
    table = (
        "甲县任务分工表\n"
        "序号  任务                    责任单位\n"
        "1     推进数字政府建设        县数据局\n"
        "2     完善服务体系            县民政局\n"
    )
    tools = "\n【打印本页】   【关闭窗口】\n分享到：微信  微博\n"
    notice = policy_parse.parse_text(table + tools)
    assert [m.id for m in notice.table] == [m.id for m in policy_parse.parse_text(table).table]
    assert not [e.text for e in notice.table if "打印" in e.text or "分享" in e.text]
    assert len(_footer(notice)) == 2


def test_a_host_line_with_no_footer_mark_is_left_to_the_notice() -> None:
    # 主办单位 is a label for the lead too: alone it marks no footer.
    notice = policy_parse.parse_text(NOTICE + "主办单位：县民政局\n")
    assert _footer(notice) == []


def _start(lines: list[str]) -> int | None:
    found = trailing_furniture(lines)
    return found[0][0] if found else None


def test_where_a_footer_starts() -> None:
    lines = ["1.推进建设。（县数据局负责）", "", "主办单位：甲县人民政府", "京ICP备000号", ""]
    assert _start(lines) == 2
    # A sentence is no footer's line, nor is anything after text that is none.
    assert _start(["1.简化备案程序。主办单位：甲县", "京ICP备000号"]) == 1
    assert _start(["京ICP备000号", "3.推进建设。"]) is None
    assert _start(["主办单位：甲县人民政府"]) is None
    assert _start([]) is None


def test_a_closing_block_above_the_footer_is_set_aside_too() -> None:
    lines = [
        "3.加强督查。（县督查室负责）",
        "（此件公开发布）",
        "抄送：县委办公室，县人大常委会办公室，县政协办公室。",
        "甲县人民政府办公室          2024年3月1日印发",
        "主办单位：甲县人民政府办公室",
        "网站标识码：0000000000",
    ]
    assert trailing_furniture(lines) == [
        (1, CLOSING),
        (2, CLOSING),
        (3, CLOSING),
        (4, REASON),
        (5, REASON),
    ]


def test_a_title_that_announces_an_issue_is_no_closing_block() -> None:
    # 印发 marks the office's line where a line ends with it, not 关于印发….
    assert trailing_furniture(["关于印发甲县任务分工方案的通知"]) == []
    assert trailing_furniture(["甲县人民政府办公室    2024年3月1日印发"]) == [(0, CLOSING)]


def test_a_closing_block_is_no_row_of_a_table_copied_as_text() -> None:
    table = (
        "甲县任务分工表\n"
        "序号  任务                    责任单位\n"
        "1     推进数字政府建设        县数据局\n"
        "2     完善服务体系            县民政局\n"
    )
    closing = (
        "\n（此件公开发布）\n\n抄送：县委办公室，县人大常委会办公室。\n"
        "甲县人民政府办公室                    2024年3月1日印发\n"
    )
    notice = policy_parse.parse_text(table + closing)
    assert [m.id for m in notice.table] == ["1", "2"]
    assert [r.reason for r in notice.residue].count(CLOSING) == 3


def test_a_printed_pages_footer_is_set_aside_from_the_pdf_too() -> None:
    lines = [line for line in (NOTICE + FOOTER).splitlines() if line]
    pdf = build_pdf([Page(texts=[Text(40, 60 + 40 * k, s, 9) for k, s in enumerate(lines)])])
    notice = policy_parse.parse(pdf)
    assert units_of(notice) == units_of(policy_parse.parse_text(NOTICE))
    assert _footer(notice)


def test_a_lone_host_line_naming_a_government_after_label_lines_is_the_footer() -> None:
    # The portal's footer cut to its 主办单位 line: the notice labels its units
    # 牵头单位/责任单位 and never 主办单位, and the line names a government's
    # office, not a bureau: it is no lead of the last measure.
    notice = policy_parse.parse_text(NOTICE + "主办单位：甲县人民政府办公室\n")
    assert units_of(notice) == units_of(policy_parse.parse_text(NOTICE))
    assert [r.text for r in notice.residue if r.reason.startswith(REASON + ":")] == [
        "主办单位：甲县人民政府办公室"
    ]
    # A notice that labels its own measures 主办单位 keeps the line as a label.
    own = NOTICE.replace("牵头单位", "主办单位")
    notice = policy_parse.parse_text(own + "3.加强督查。\n主办单位：甲县人民政府办公室\n")
    assert units_of(notice)[-1] == ("3", ["甲县人民政府办公室"], [])


def test_a_lone_host_line_under_a_supporting_label_is_the_footer() -> None:
    # The notice labels its leads 主办单位 too, but no measure writes its lead
    # under its supporting units: the line under 协办单位 is the page's.
    notice = policy_parse.parse_text(
        "甲县任务分工\n1.推进数字政府建设。\n主办单位：县数据局\n协办单位：县财政局\n"
        "2.完善服务体系。\n协办单位：县民政局\n主办单位：甲县人民政府办公室\n"
    )
    assert units_of(notice) == [("1", ["县数据局"], ["县财政局"]), ("2", [], ["县民政局"])]
    # In Traditional script too.
    notice = policy_parse.parse_text(
        "甲縣任務分工\n1.推進數字政府建設。\n牽頭單位：縣數據局\n配合單位：縣財政局\n"
        "2.完善服務體系。\n配合單位：縣民政局\n主辦單位：甲縣人民政府辦公室\n"
    )
    assert [lead for _, lead, _ in units_of(notice)] == [["县数据局"], []]


def test_a_host_line_with_the_footers_other_unmarked_lines_is_the_footer() -> None:
    # 主办单位 with 地址：/电话： lines and no mark, 某某主办, 政府办: each gave
    # the last measure the site's owner as its lead, with no finding.
    for footer in (
        "主办单位：甲县人民政府办公室\n联系电话：0000-1234567\n",
        "主办单位：甲县人民政府办公室\n地址：甲县人民路1号\n",
        "甲县人民政府办公室主办\n",
        "主办单位：甲县政府办\n",
    ):
        notice = policy_parse.parse_text(NOTICE + footer)
        assert units_of(notice) == units_of(policy_parse.parse_text(NOTICE)), footer


def test_an_unmarked_footer_copied_in_traditional_script_or_ascii_colons_too() -> None:
    for footer in (
        "主辦單位：甲縣人民政府辦公室\n聯繫電話：0000-1234567\n",
        "主办单位:甲县人民政府办公室\n联系电话:0000-1234567\n",
    ):
        notice = policy_parse.parse_text(NOTICE + footer)
        assert units_of(notice) == units_of(policy_parse.parse_text(NOTICE)), footer


def test_a_host_line_under_a_supporting_label_is_the_footer_whoever_it_names() -> None:
    # A site run by a media centre: no government named, but no measure
    # writes its lead under its supporting units.
    text = NOTICE.replace("（责任单位：县民政局）\n", "\n责任单位：县民政局\n")
    notice = policy_parse.parse_text(text + "主办单位：甲县融媒体中心\n")
    assert units_of(notice) == units_of(policy_parse.parse_text(text))

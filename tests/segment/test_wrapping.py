"""segment/wrapping.py: paragraphs read back over the line breaks of a page.

The notices are invented; each breaks where a PDF copy breaks (at the page
width, anywhere), and must read as it does unbroken.
"""

from __future__ import annotations

import pytest

import policy_parse
from policy_parse.segment.wrapping import Page, ends_on_marker, goes_on, name_cut, units_apart


def _records(text: str) -> list[tuple[str, list[str], list[str]]]:
    notice = policy_parse.parse_text(text)
    return [(m.id, [u.name for u in m.lead], [u.name for u in m.support]) for m in notice.measures]


def _wrap(text: str, width: int) -> str:
    """Every line longer than `width` broken at `width`, as a PDF copy does."""
    out: list[str] = []
    for line in text.split("\n"):
        out.extend(line[k : k + width] for k in range(0, len(line), width)) if line else out.append(
            ""
        )
    return "\n".join(out)


# A notice whose annotations, labels, names and convention note all cross
# the page edge at one width or another.
NOTICE = """\
青川县人民政府办公室关于印发青川县2024年重点工作任务分工方案的通知
各乡镇人民政府，县政府各部门：
现将《青川县2024年重点工作任务分工方案》印发给你们，请认真贯彻执行。
一、扩大有效投资
1.推进重大项目建设，全年实施县级重点项目一百个以上，完成投资八十亿元以上。（县发展改革局、县财政局、县自然资源局负责。列第一位者为牵头单位，下同）
2.加快产业园区基础设施建设，完善园区道路、供水、供电和污水处理等配套设施。（牵头单位：县经济开发区管委会，配合单位：县住房城乡建设局、县水务局、县供电公司）
3.实施城市更新行动，改造老旧小区三十个，新建城市停车位一千个以上。（县住房城乡建设局、县城市管理局负责）
二、提升服务效能
4.深化一网通办改革，政务服务事项网上可办率达到百分之九十五以上。
牵头单位：县政务服务中心
配合单位：县大数据中心、县市场监管局、县税务局、县人力资源社会保障局、各乡镇人民政府
5.开展涉企收费专项治理，建立涉企收费目录清单制度，坚决纠正违规收费行为。（县市场监管局负责）
"""


def test_the_notice_unbroken_reads_as_keyed():
    assert _records(NOTICE) == [
        ("1", ["县发展改革局"], ["县财政局", "县自然资源局"]),
        ("2", ["县经济开发区管委会"], ["县住房城乡建设局", "县水务局", "县供电公司"]),
        ("3", ["县住房城乡建设局"], ["县城市管理局"]),
        (
            "4",
            ["县政务服务中心"],
            ["县大数据中心", "县市场监管局", "县税务局", "县人力资源社会保障局", "各乡镇人民政府"],
        ),
        ("5", ["县市场监管局"], []),
    ]


@pytest.mark.parametrize("width", [24, 27, 30, 33, 38, 41, 45])
def test_the_notice_wrapped_at_any_page_width_reads_as_unbroken(width):
    assert _records(_wrap(NOTICE, width)) == _records(NOTICE)


@pytest.mark.parametrize("width", [24, 30, 38])
def test_a_blank_line_after_every_wrapped_line_changes_nothing(width):
    spaced = "\n".join(f"{ln}\n" if ln.strip() else ln for ln in _wrap(NOTICE, width).split("\n"))
    assert _records(spaced) == _records(NOTICE)


def test_an_annotation_broken_after_its_first_label_goes_on():
    text = (
        "一、任务\n1.完善园区配套设施，推进园区道路建设。（牵头单位：\n"
        "县经济开发区管委会，配合单位：县水务局）\n2.优化营商环境。（县政务服务中心负责）\n"
    )
    assert _records(text)[0] == ("1", ["县经济开发区管委会"], ["县水务局"])


def test_a_second_label_starting_the_next_line_inside_the_bracket_goes_on():
    text = (
        "一、任务\n1.完善园区配套设施，推进园区道路建设。（牵头单位：县经济开发区管委会，\n"
        "配合单位：县水务局、各乡镇）\n2.优化营商环境。（县政务服务中心负责）\n"
    )
    assert _records(text)[0] == ("1", ["县经济开发区管委会"], ["县水务局", "各乡镇"])


def test_a_label_with_no_value_at_the_end_of_a_line_takes_the_next_line():
    text = (
        "一、任务\n1.户外广告宣传。在主要路段增设一批公益广告。责任单位：\n"
        "县城管局、县城投公司。\n2.网络宣传。开设专栏。责任单位：县融媒体中心。\n"
    )
    assert _records(text)[0] == ("1", [], ["县城管局", "县城投公司"])


def test_a_line_starting_with_a_list_separator_goes_on_from_the_line_above():
    text = (
        "一、任务\n1.社会宣传。组织户外电子屏开展宣传。责任单位：县商务局、县城投集团\n"
        "、青川镇。\n2.网络宣传。开设专栏。责任单位：县融媒体中心。\n"
    )
    assert _records(text)[0] == ("1", [], ["县商务局", "县城投集团", "青川镇"])


def test_the_tail_of_a_list_a_wrap_cut_off_stays_with_its_list():
    # A label line cut right before its closing 等 (a copy wrapped at a width
    # the notice has too few long lines to show).
    text = (
        "一、任务\n1.社会宣传。组织户外电子屏开展宣传。\n责任单位：县商务局、县城投集团\n"
        "等。\n2.网络宣传。开设专栏。\n责任单位：县融媒体中心。\n"
    )
    assert _records(text)[0] == ("1", [], ["县商务局", "县城投集团等"])


def test_a_convention_note_wrapped_over_two_lines_still_holds():
    text = (
        "一、任务\n1.推进重大项目建设，完成年度投资计划。（县发展改革局、县财政局负责。列第一\n"
        "位者为牵头单位，下同）\n2.加快园区建设。（县经济开发区管委会、县水务局负责）\n"
    )
    assert [r[1] for r in _records(text)] == [["县发展改革局"], ["县经济开发区管委会"]]


def test_on_a_web_copy_a_label_line_does_not_swallow_the_paragraph_after_it():
    # One paragraph per line, no page width: a long label line ends its list.
    text = (
        "一、任务\n1.深化一网通办改革。\n"
        "牵头单位：县政务服务中心、县大数据中心、县市场监管局、县税务局\n"
        "各乡镇要明确专人负责，按月报送进展情况。\n"
    )
    notice = policy_parse.parse_text(text)
    (m,) = notice.measures
    assert [u.name for u in m.lead] == [
        "县政务服务中心",
        "县大数据中心",
        "县市场监管局",
        "县税务局",
    ]
    assert "各乡镇要明确专人负责" in m.text


# Unit lists written with spaces between the names (ASCII or ideographic),
# at four levels of government and with no level at all: a copy wrapped on
# one of those spaces loses it, and the two names meet at the line break.
SPACED = """\
甲区人民政府办公室关于印发甲区2025年重点工作任务分工方案的通知
各街道办事处，区政府各部门：
一、科技创新
1.加快推进科技创新平台建设，培育一批高新技术企业，完善成果转化服务体系。责任单位：区科技局 区统计局 区财政局
2.完善统计监测制度，做好数据质量核查工作，建立健全统计数据共享机制。责任单位：县统计局\u3000县科技局\u3000县财政局\u3000县审计局
3.加强财政资金绩效管理，优化支出结构，提高资金使用效益，保障民生支出。责任单位：市财政局 市审计局 市发展改革委 市人力资源和社会保障局
4.推进小城镇环境综合整治，完善集镇道路、供水和污水处理等配套设施。责任单位：镇规划建设办 镇农业服务中心 镇综合执法队
5.推动招商引资提质增效，培育新兴产业集群，优化营商环境服务保障体系。责任单位：商务局 工信局 市场监管局、发展改革局、税务局
"""


def _doubts(text: str) -> dict[str, list[str]]:
    return {
        r["number"]: r["doubts"]
        for r in policy_parse.to_dict(policy_parse.parse_text(text))["measures"]
    }


def test_a_unit_list_written_with_spaces_reads_one_unit_per_name():
    assert [r[2] for r in _records(SPACED)] == [
        ["区科技局", "区统计局", "区财政局"],
        ["县统计局", "县科技局", "县财政局", "县审计局"],
        ["市财政局", "市审计局", "市发展改革委", "市人力资源和社会保障局"],
        ["镇规划建设办", "镇农业服务中心", "镇综合执法队"],
        ["商务局", "工信局", "市场监管局", "发展改革局", "税务局"],
    ]


@pytest.mark.parametrize("width", range(20, 62, 2))
def test_a_space_list_wrapped_at_any_width_keeps_its_names_apart(width):
    # Before the rule, 10 of these 21 widths glued two names into one unit
    # (区科技局区统计局) with no finding.
    assert _records(_wrap(SPACED, width)) == _records(SPACED)


def test_two_names_parted_at_the_line_break_say_so_on_their_measure():
    # At width 52 the break takes the space of 区统计局 区财政局 (measure 1,
    # line 5); the copy keeps it at the line's end, a PDF copy would not.
    wrapped = _wrap(SPACED, 52).replace("区统计局 \n", "区统计局\n")
    assert "区统计局\n区财政局" in wrapped
    notice = policy_parse.parse_text(wrapped)
    notes = [
        (d.measure, dict(d.fields)) for d in notice.discrepancies if d.note == "units_at_break"
    ]
    assert notes == [("1", {"line": "5", "head": "区统计局", "tail": "区财政局"})]
    assert "units_at_break" in _doubts(wrapped)["1"]
    assert all("units_at_break" not in d for d in _doubts(SPACED).values())


def test_a_list_wrapped_after_its_separator_needs_no_guess():
    text = "一、任务\n1.推进重大项目建设，完成年度投资计划。责任单位：县发展改革局、\n县财政局、县自然资源局\n"
    assert _records(text) == [("1", [], ["县发展改革局", "县财政局", "县自然资源局"])]
    assert _doubts(text)["1"] == []


@pytest.mark.parametrize(
    ("last", "line", "apart"),
    [
        ("责任单位：区科技局", "区统计局 区财政局", ("区科技局", "区统计局")),
        ("责任单位：县科技局 县统计局", "县财政局。", ("县统计局", "县财政局")),
        ("责任单位：商务局", "工信局 市场监管局", ("商务局", "工信局")),
        # A name the page cut stays one: no unit ends in 社会, and 保障局 is no name's start.
        ("责任单位：区人力资源和社会", "保障局 区财政局", None),
        ("责任单位：区人力资源和社", "会保障局", None),
        # A branch written after its parent is the branch's name.
        ("责任单位：区市场监督管理局", "城东分局", None),
        # A unit inside a sentence stands in no list.
        ("加快推进。由区财政局", "区统计局负责审核。", None),
        ("推进项目建设，县财政局", "县统计局负责。", None),
    ],
)
def test_two_names_meet_at_a_break_only_where_a_list_parts_them(last, line, apart):
    assert units_apart(last, line) == apart


def test_on_a_web_copy_a_label_list_written_with_spaces_goes_on_over_its_break():
    # No page width: the label line's list goes on where the next line is more
    # of it (names apart by spaces, the first meeting the label's last).
    text = (
        "一、任务\n1.加快推进科技创新平台建设。\n责任单位：县科技局\n县统计局 县财政局\n"
        "2.完善统计监测制度。\n责任单位：县统计局\n"
    )
    assert [r[2] for r in _records(text)] == [
        ["县科技局", "县统计局", "县财政局"],
        ["县统计局"],
    ]
    assert _doubts(text)["1"] == ["units_at_break"]


def test_a_lone_name_under_the_last_label_line_is_not_taken_into_its_list():
    # The signature under the last measure: one name, no space-separated list.
    text = (
        "一、任务\n1.加快推进科技创新平台建设。\n责任单位：县科技局\n"
        "县人民政府办公室\n2024年1月5日\n"
    )
    assert [r[2] for r in _records(text)] == [["县科技局"]]


def test_a_page_width_is_found_where_most_long_lines_share_it():
    page = Page.of(_wrap(NOTICE, 30).split("\n"))
    assert page.chars == 30
    assert page.full("十" * 28) and not page.full("十" * 20)


def test_a_web_copy_has_no_page_width():
    assert not Page.of(NOTICE.split("\n")).wrapped


@pytest.mark.parametrize(
    "last, line, expected",
    [
        ("推进园区道路建设（牵头单位：", "县经济开发区管委会）", True),  # bracket open
        ("组织开展宣传。责任单位：", "县商务局。", True),  # label awaits its value
        ("组织开展宣传活动，营造浓厚氛围。", "各乡镇要加强配合。", False),  # a sentence ended
        ("组织开展宣传活动，营造浓厚氛围", "（县委宣传部负责）", False),  # own-line annotation
        ("组织开展宣传活动营造浓厚氛围的", "牵头单位：县商务局", False),  # a label starts
        ("县商务局、县城投集团", "、青川镇。", True),  # no paragraph starts with 、
        ("县商务局、县城投集团", "等。", True),  # nor with the 等 closing a list
        ("县商务局、县城投集团", "等单位。", True),
        (
            "县商务局、县城投集团。",
            "等级评定工作由县商务局组织实施。",
            False,
        ),  # a word, not the tail
        ("压减审批要件。（县市场监管局负责）(2)", "推广电子执照应用。", True),  # a marker last
        ("压减审批要件。（县市场监管局负责）②", "推广电子执照应用。", True),
        ("压减审批要件，年内完成数量(2)", "推广电子执照应用。", False),  # a figure, not a marker
    ],
)
def test_goes_on_by_syntax_alone_on_a_web_copy(last, line, expected):
    assert goes_on(last, line, depth=last.count("（") - last.count("）"), label=False) is expected


def test_two_labels_apart_only_by_the_line_break_stay_two_labels():
    # The space between them was the line's end, stripped by the reader.
    text = (
        "一、任务\n1.加强市场监管，规范经营秩序。（牵头单位：县商务局\n"
        "配合单位：县财政局、县税务局）\n2.优化营商环境。（县政务服务中心负责）\n"
    )
    assert _records(text)[0] == ("1", ["县商务局"], ["县财政局", "县税务局"])


def test_a_label_cut_by_the_page_inside_its_word_is_one_label():
    text = (
        "一、任务\n1.加强市场监管，规范经营秩序，完善执法机制，提升执法效能。（责任\n"
        "领导：张三；牵头单位：县商务局；配合单位：县财政局）\n2.优化营商环境。（县政务服务中心负责）\n"
    )
    notice = policy_parse.parse_text(text)
    m1 = notice.measures[0]
    assert m1.leaders == ("张三",)
    assert [u.name for u in m1.lead] == ["县商务局"]
    assert [u.name for u in m1.support] == ["县财政局"]


def test_two_items_on_one_line_are_found_when_the_page_broke_the_annotation_between_them():
    text = (
        "某市重点工作分工意见\n一、主要目标\n（一）粮食总产量稳定在120万吨以上。（市农业局负\n"
        "责）（二）城镇新增就业3万人。（市人社局主\n办，市财政局协办）\n"
        "（三）居民收入增长7%左右。（市统计局负责）\n"
    )
    assert _records(text) == [
        ("1", ["市农业局"], []),
        ("2", ["市人社局"], ["市财政局"]),
        ("3", ["市统计局"], []),
    ]


def test_a_label_line_cut_inside_a_name_goes_on_without_a_page_width():
    text = (
        "一、任务\n1.推进交通建设。\n协同责任单位：县发展改革局、县财政局、县交通\n"
        "运输局、县水务局。\n2.优化营商环境。\n牵头单位：县政务服务中心\n"
    )
    assert _records(text)[0] == ("1", [], ["县发展改革局", "县财政局", "县交通运输局", "县水务局"])


def test_a_wrapped_line_that_starts_like_a_marker_out_of_sequence_goes_on():
    # 统 / 一、运转高效: the page cut 统一 after 统; 一、 after 二、 starts nothing.
    text = (
        "一、总体要求\n坚持统筹推进。\n二、重点任务\n"
        "1.完善管理体制。建立分工明确、职责清晰、权责统\n"
        "一、运转高效的管理体制。（牵头单位：市商务局）\n"
        "2.规范市场秩序。（牵头单位：市市场监管局）\n"
    )
    notice = policy_parse.parse_text(text)
    assert [m.id for m in notice.measures] == ["1", "2"]
    assert (
        notice.measures[0].text
        == "完善管理体制。建立分工明确、职责清晰、权责统一、运转高效的管理体制。"
    )
    assert [u.name for u in notice.measures[0].lead] == ["市商务局"]


def test_a_marker_in_sequence_after_an_unended_line_still_starts_an_item():
    text = (
        "一、重点任务\n1.完善管理体制，建立分工明确、权责统一的机制\n"
        "2.规范市场秩序。（牵头单位：市市场监管局）\n"
    )
    notice = policy_parse.parse_text(text)
    assert [m.id for m in notice.measures] == ["1", "2"]


def test_a_role_phrase_on_its_own_line_cut_inside_a_name_goes_on_without_a_page_width():
    # A web copy that kept a break inside a unit's name: 园区党工 / 委负责。
    text = (
        "一、任务\n1.推进园区基础设施建设，完善配套服务功能。\n县发展改革局、园区党工\n委负责。\n"
        "2.加快交通项目建设，打通断头路。\n县交通\n运输局牵头，县财政局配合。\n"
    )
    assert _records(text) == [
        ("1", [], ["县发展改革局", "园区党工委"]),
        ("2", ["县交通运输局"], ["县财政局"]),
    ]


@pytest.mark.parametrize(
    "last, line",
    [
        # A title line, then a phrase naming whole units: two paragraphs.
        ("推进项目建设", "县财政局、县税务局负责。"),
        # A unit written whole before the break: nothing is cut.
        ("县发展改革局", "县财政局负责。"),
    ],
)
def test_a_line_before_a_role_phrase_of_whole_names_does_not_go_on(last, line):
    assert goes_on(last, line, depth=0, label=False) is False


def test_an_inner_list_marker_the_page_left_last_on_a_line_goes_on_with_its_item():
    # …（A负责）(2) / 推广…: the page broke item (2) right after its marker.
    text = (
        "某区任务分工\n一、优化服务\n"
        "1.推进证照改革。(1)全面推行证照分离改革。（区市场监管局牵头负责）(2)\n"
        "推广电子营业执照跨部门应用。（区市场监管局牵头，区数据局配合）\n"
    )
    assert _records(text) == [
        ("1-1", ["区市场监管局"], []),
        ("1-2", ["区市场监管局"], ["区数据局"]),
    ]


def test_a_convention_note_above_a_table_wrapped_over_two_lines_still_holds():
    text = (
        "某县民生实事责任分工\n"
        "现将责任分工表印发给你们，表中责任单位列第\n"
        "一位的为牵头单位，请抓好落实。\n"
        "序号\t项目\t责任单位\n"
        "1\t新增托位300个\t县卫健局、县教育局\n"
        "2\t改造供水管网\t县水务局、县住建局\n"
    )
    notice = policy_parse.parse_text(text)
    assert [(e.id, [u.name for u in e.lead]) for e in notice.table] == [
        ("1", ["县卫健局"]),
        ("2", ["县水务局"]),
    ]


@pytest.mark.parametrize(
    ("last", "line", "cut"),
    [
        # one character that ends the name the line above ends on (管委 + 会)
        ("责任单位：县工信局、新城区管委", "会，县交通局", True),
        # the name ends where a bracket opens on the next line
        ("责任单位：县商务局、县文", "化和旅游局（列第一位的为牵头单位）", True),
        ("责任单位：县财政局、县交", "通运输局", True),
        # a whole name, then a line of its own
        ("责任单位：县财政局", "县发改局负责审核", False),
        ("责任单位：县财政局", "局长办公会研究", False),
    ],
)
def test_a_name_the_line_break_cut_is_seen(last: str, line: str, cut: bool) -> None:
    assert name_cut(last, line) is cut


def test_a_role_phrase_wrapped_between_two_names_parts_them():
    # （县甲局牵头，县乙局 / 县丙局配合）: glued into one unit 县乙局县丙局, which
    # ends like a unit, so nothing said so.
    notice = policy_parse.parse_text(
        "某县方案\n1.推进乙项目。（县甲局牵头，县乙局\n县丙局配合）\n2.推进丙项目。（县丁局负责）\n"
    )
    assert [u.name for u in notice.measures[0].support] == ["县乙局", "县丙局"]
    assert "units_at_break" in [d.note for d in notice.discrepancies]


def test_a_page_is_a_value_equal_by_its_widths() -> None:
    """Page is a plain class now (no attrs build per process): equal and
    hashed by its two widths, shown with them, keyword-only."""
    from policy_parse.segment.wrapping import NO_PAGE, Page

    assert Page(chars=30) == Page(chars=30, columns=None) != Page(chars=31)
    assert NO_PAGE == Page() and not NO_PAGE.wrapped
    assert len({Page(chars=30), Page(chars=30), Page(columns=60)}) == 2
    assert repr(Page(chars=30)) == "Page(chars=30, columns=None)"
    with pytest.raises(TypeError):
        Page(30)  # type: ignore[misc]


@pytest.mark.parametrize(
    "line, ends",
    [
        ("推进甲工作（县甲局负责）(2)", True),
        ("推进甲工作（县甲局负责）（12） ", True),  # the space after it is no word
        ("推进甲工作。②", True),
        ("推进甲工作；3、", True),
        ("推进甲工作。4.", True),
        ("推进甲工作。", False),
        ("推进甲工作（县甲局负责）", False),  # a bracket, but no number in it
        ("推进甲工作", False),
        ("", False),
    ],
)
def test_a_line_ending_on_an_inner_list_marker(line, ends):
    # Ruled out by its last character before the pattern: each kind of
    # ending a marker has still counts.
    assert ends_on_marker(line) is ends


# A PDF with a first-line indent, copied with its lines (perturb.py's indent,
# then wrap38): each paragraph's first line is the indent shorter than the
# page, the rest full.  Short paragraphs make the first lines the commonest
# length; the break falls right before an inline task's annotation.
INDENTED = """\
临江县2025年就业工作任务分工
1.开展职业技能提升行动，全年培训两千人次。（牵头单位：县人社局；配合单位：县财政局）
2.强化重点群体帮扶。一是做好高校毕业生就业（牵头单位：县人社局；配合单位：县教育局）；二是做好退役军人就业安置（牵头单位：县退役军人事务局；配合单位：县人社局）。
3.加大创业担保贷款支持力度，扩大贷款覆盖面。（牵头单位：县人社局；配合单位：县财政局）
4.推进零工市场建设，完善零工信息发布机制。（牵头单位：县人社局；配合单位：各乡镇）
"""
# The same with markers of three characters: indent and marker together
# take more than an indent's slack off the marker line's text.
INDENTED_LONG_MARKER = (
    INDENTED.replace("1.", "（一）", 1)
    .replace(
        "2.强化重点群体帮扶。一是做好高校毕业生就业", "（二）强化群体帮扶。一是做好高校毕业生的就业"
    )
    .replace("3.", "（三）", 1)
    .replace("4.", "（四）", 1)
)


def _indented(text: str) -> str:
    return "\n".join("\u3000\u3000" + ln if ln.strip() else ln for ln in text.split("\n"))


def test_a_first_line_indent_does_not_hide_the_page_width():
    lines = _wrap(_indented(INDENTED), 24).split("\n")
    full = [ln for ln in lines if len(ln) == 24 and not ln.startswith("\u3000")]
    first = [ln for ln in lines if len(ln.strip()) == 22]
    assert len(first) > len(full) >= 2  # the first lines are the commonest length
    assert Page.of(lines).chars == 24


@pytest.mark.parametrize("notice", [INDENTED, INDENTED_LONG_MARKER], ids=["1.", "（一）"])
def test_an_indented_copy_cut_before_a_tasks_annotation_reads_as_unbroken(notice):
    wrapped = _wrap(_indented(notice), 24)
    assert "就业\n（牵头单位：县人社局；配合单位：县教育局）" in wrapped  # the shape
    assert (
        _records(wrapped)
        == _records(notice)
        == [
            ("1", ["县人社局"], ["县财政局"]),
            ("2-1", ["县人社局"], ["县教育局"]),
            ("2-2", ["县退役军人事务局"], ["县人社局"]),
            ("3", ["县人社局"], ["县财政局"]),
            ("4", ["县人社局"], ["各乡镇"]),
        ]
    )


def test_the_marker_taken_off_a_line_counts_toward_its_reaching_the_page_edge():
    page = Page(chars=24)
    last = "强化群体帮扶。一是做好高校毕业生的就业"  # 19 of 24: with （二） and the indent, full
    line = "（牵头单位：县人社局；配合单位：县教育局）"
    assert not goes_on(last, line, depth=0, label=False, page=page)
    assert goes_on(last, line, depth=0, label=False, page=page, before="（二）")


def test_a_web_copy_with_two_lines_of_one_length_and_longer_ones_once_has_no_page_width():
    # One paragraph per line: 44 twice, 46 and 48 once each.  Within the
    # indent's slack 48 is reached by four lines, but no page wraps at a
    # length only one line meets.
    lines = ["甲" * n for n in (33, 39, 44, 44, 46, 48)]
    assert not Page.of(lines).wrapped


@pytest.mark.parametrize(
    "last, line",
    [
        ("强化宣传引导。县委宣传部（县新闻办）", "牵头，县融媒体中心配合。"),  # after a bracket
        ("开展美丽庭院评选。县妇联牵头，各乡镇", "（街道）负责。"),  # a bracket ending the name
        ("推进村庄清洁行动，县农业农村局", "负责。"),
    ],
)
def test_a_line_opening_on_a_bare_role_word_closes_the_phrase_above(last, line):
    # A short notice wrapped narrow has no page width to tell: the role
    # word the page cut off its unit is no paragraph's first word.
    assert goes_on(last, line, depth=0, label=False)


@pytest.mark.parametrize(
    "line",
    [
        "牵头单位：县商务局",  # a label line
        "（县商务局负责）",  # an own-line annotation: the role inside the bracket
        "牵头抓总的部门要加强统筹。",  # a word that starts with a role word
    ],
)
def test_a_role_word_that_starts_a_label_or_a_word_is_no_cut_phrase(line):
    assert not goes_on("组织开展宣传活动，营造浓厚氛围。", line, depth=0, label=False)


def test_a_role_phrase_cut_before_or_after_a_bracket_on_a_narrow_indented_copy():
    text = (
        "石桥县人居环境整治分工\n"
        "1.开展美丽庭院评选。县妇联牵头，各乡镇（街道）负责。\n"
        "2.强化宣传引导。县委宣传部（县新闻办）牵头，县融媒体中心配合。\n"
        "3.建立长效管护机制。各乡镇（街道）负责。\n"
    )
    wrapped = _wrap(_indented(text), 22)
    assert "各乡镇\n（街道）负责。" in wrapped and "（县新闻办）\n牵头，" in wrapped  # the shape
    assert not Page.of(wrapped.split("\n")).wrapped  # too few lines to show a width
    assert (
        _records(wrapped)
        == _records(text)
        == [
            ("1", ["县妇联"], ["各乡镇(街道)"]),
            ("2", ["县委宣传部(县新闻办)"], ["县融媒体中心"]),
            ("3", ["各乡镇(街道)"], []),
        ]
    )

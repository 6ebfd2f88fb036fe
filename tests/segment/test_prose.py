"""segment/prose.py: the prose list of parts, sections and measures."""

from __future__ import annotations

import pytest

import policy_parse
from helpers import PROSE_LINE, prose_lines, sample_notice, sample_text
from policy_parse.models import MeasureNo
from policy_parse.segment.markers import match_marker

# --- markers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, style, number, rest",
    [
        ("1、 着力提升自主创新能力", "ar_dun", "1", "着力提升自主创新能力"),
        ("一、着力提升自主创新能力", "cn_dun", "1", "着力提升自主创新能力"),
        ("（一）大力集聚高端创新资源", "cn_paren", "1", "大力集聚高端创新资源"),
        ("（十八）强化动态管理", "cn_paren", "18", "强化动态管理"),
        ("(十二)深化管理体制机制改革", "cn_paren", "12", "深化管理体制机制改革"),
        ("第二部分 进一步激发企业创新发展活力", "part_word", "2", "进一步激发企业创新发展活力"),
        ("75. 建立“一区五园”联动机制", "ar_dot", "75", "建立“一区五园”联动机制"),
        ("7．滨海高新区内企业", "ar_dot", "7", "滨海高新区内企业"),
        ("36-1.支持中源协和", "ar_sub", "36-1", "支持中源协和"),
        ("36－2．支持将医疗器械", "ar_sub", "36-2", "支持将医疗器械"),
        ("（12-1）同步实施雨污分流", "ar_sub", "12-1", "同步实施雨污分流"),
        ("(12-2)增设停车位", "ar_sub", "12-2", "增设停车位"),
        ("3.1 支持建设", "ar_dec", "3-1", "支持建设"),
        ("（2）子项", "ar_paren", "2", "子项"),
        ("③遴选示范工厂", "circled", "3", "遴选示范工厂"),
        ("⑫ 建设人才公寓", "circled", "12", "建设人才公寓"),
        ("㉑、完善设施", "circled", "21", "完善设施"),
        ("❷推行分时预约", "circled", "2", "推行分时预约"),
        ("第一条 开展汽车下乡活动", "article", "1", "开展汽车下乡活动"),
        ("第十二条、支持以旧换新", "article", "12", "支持以旧换新"),
        ("第3条　完善充电设施", "article", "3", "完善充电设施"),
        ("第1项 推进城乡客运一体化", "article", "1", "推进城乡客运一体化"),  # refused before
        # A PDF copy that lost the dot: a number and a space before a verb.
        ("1 推进数字政府建设", "ar_dot", "1", "推进数字政府建设"),
        ("12\u3000加快建设枢纽", "ar_dot", "12", "加快建设枢纽"),
        ("第二项、推进物流枢纽建设", "article", "2", "推进物流枢纽建设"),
        # Past 1899 a long list's numbers look like years: before text they are
        # still its measures (issue 26), a date is below.
        ("1999.推进某片区改造", "ar_dot", "1999", "推进某片区改造"),
        ("2000、落实某项任务", "ar_dun", "2000", "落实某项任务"),
    ],
)
def test_it_reads_every_marker_style(line, style, number, rest):
    m = match_marker(line)
    assert m is not None
    assert (m.style, m.number, m.rest) == (style, number, rest)


@pytest.mark.parametrize(
    "line",
    [
        "2020年11月19日",
        "为深入贯彻落实天津市科技局的要求",
        "5G基站建设",
        "2021年6月底前完成",
        "第一条生产线建成投产",  # 第…条 glued to its noun: no article marker
        "第一项目部负责施工",  # nor 第…项
        "30 个老旧小区完成改造",  # a figure wrapped to the line's start
        "2 产业发展",  # a number and a space before no verb: a heading's title
    ],
)
def test_it_finds_no_marker_where_a_line_starts_with_ordinary_text(line):
    assert match_marker(line) is None


# A PDF copy that took the dots from a whole list (1 努力…, 2 规模…): the
# numbers count on from one another, whatever the measures' first words.
BARE_LIST = """某区2023年重点工作任务分工方案
一、主要预期目标
1 稳步提高居民收入水平。（牵头单位：区发改局）
2 万元地区生产总值能耗下降3%。（牵头单位：区发改局）
3 “双招双引”签约项目50个。（牵头单位：区商务局）
4 城镇登记失业率控制在4%以内。（牵头单位：区人社局）
"""


def test_a_list_of_bare_numbers_that_count_on_is_read_as_measures():
    notice = policy_parse.parse_text(BARE_LIST)
    assert [str(m.number) for m in notice.measures] == ["1", "2", "3", "4"]
    assert [m.lead[0].written for m in notice.measures] == [
        "区发改局",
        "区发改局",
        "区商务局",
        "区人社局",
    ]
    # Without the list around them, the same lines' starts are no markers.
    assert match_marker("1 稳步提高居民收入水平。") is None
    assert match_marker("3 “双招双引”签约项目50个。") is None


def test_bare_numbers_that_do_not_count_on_stay_text():
    from policy_parse.segment.markers import counted_bare_numbers

    lines = ["1 稳步提高增长。", "5 个项目落地。", "3 万元以上。", "8 年内完成。"]
    assert counted_bare_numbers(lines) == frozenset()
    # A figure word goes on a list; it never starts one.
    assert counted_bare_numbers(["2 万元能耗下降。", "3 稳步提高。"]) == frozenset()
    assert counted_bare_numbers(["1 稳步提高。", "2 万元能耗下降。"]) == {
        "1 稳步提高。",
        "2 万元能耗下降。",
    }
    # Past 1, two lines are not enough to call it a list.
    assert counted_bare_numbers(["204 稳步提高。", "205 稳步推进。"]) == frozenset()
    assert len(counted_bare_numbers(["204 稳步提高。", "205 稳步推进。", "206 着力完善。"])) == 3


def test_every_circled_number_is_a_circled_marker_with_its_value():
    # NFKC folds ① to a bare 1, which is no marker: the style must survive folding.
    import unicodedata

    from policy_parse.segment.grammar import CIRCLED

    for ch in CIRCLED:
        m = match_marker(ch + "开展诊断")
        assert m is not None and m.style == "circled", ch
        assert m.number == str(int(unicodedata.numeric(ch)))


def test_measures_numbered_with_circled_numbers_under_sections_are_the_measures():
    text = (
        "某市方案\n一、主要任务\n（一）上云\n①开展诊断。（牵头单位：市工信局）\n"
        "②培育平台。（牵头单位：市科技局）\n（二）工厂\n③遴选工厂。（牵头单位：市工信局）\n"
    )
    notice = policy_parse.parse_text(text)
    assert [str(m.number) for m in notice.measures] == ["1", "2", "3"]


# --- the sample's outline -------------------------------------------------------------


def test_every_measure_line_of_the_sample_has_the_annotation_shape_the_helpers_expect():
    assert len(prose_lines()) == 78


def test_it_finds_six_parts_and_eighteen_sections_in_the_sample():
    notice = sample_notice()
    assert [p.number for p in notice.parts] == ["1", "2", "3", "4", "5", "6"]
    assert [len(p.sections) for p in notice.parts] == [3, 3, 2, 3, 5, 2]
    sections = [s.number for p in notice.parts for s in p.sections]
    assert sections == [str(k) for k in range(1, 19)]
    assert notice.parts[0].title == "着力提升自主创新能力"
    assert notice.parts[-1].sections[-1].title == "强化动态管理"


def test_it_finds_the_78_measures_of_the_sample_in_order():
    expected = [MeasureNo((k,)) for k in range(1, 36)]
    expected += [MeasureNo((36, 1)), MeasureNo((36, 2))]
    expected += [MeasureNo((k,)) for k in range(37, 78)]
    assert [m.number for m in sample_notice().measures] == expected


def test_it_places_each_measure_in_its_part_and_section():
    by_no = {str(m.number): m for m in sample_notice().measures}
    assert (by_no["1"].part, by_no["1"].section) == ("1", "1")
    assert (by_no["12"].part, by_no["12"].section) == ("1", "3")
    assert (by_no["36-1"].part, by_no["36-1"].section) == ("3", "8")
    assert (by_no["36-2"].part, by_no["36-2"].section) == ("3", "8")
    assert (by_no["77"].part, by_no["77"].section) == ("6", "18")


def test_it_keeps_a_parenthetical_of_the_text_and_drops_the_annotation():
    m1 = sample_notice().measures[0]
    assert m1.text.endswith("可依法注册为科技类民办非企业单位（社会服务机构）、事业单位和企业。")
    assert "牵头部门" not in m1.text
    assert m1.annotation is not None and m1.annotation.startswith("牵头部门：科技创新局")


def test_it_reads_each_measures_lead_and_supporting_units():
    by_no = {str(m.number): m for m in sample_notice().measures}
    m1 = by_no["1"]
    assert [u.written for u in m1.lead] == ["科技创新局"]
    assert [u.written for u in m1.support] == ["政务服务办", "组织人事部", "市场监管局"]
    assert [u.written for u in by_no["36-1"].lead] == ["生物医药招商局"]
    assert by_no["36-1"].support == ()
    assert [u.written for u in by_no["36-2"].support] == ["生物医药招商局", "市场监管局"]
    assert [u.written for u in by_no["9"].lead] == ["组织人事部"]
    assert by_no["9"].support == ()


def test_every_measure_of_the_sample_has_exactly_one_lead():
    # Every annotation of the sample starts with 牵头部门：<one unit>.
    assert all(len(m.lead) == 1 for m in sample_notice().measures)


def test_it_resolves_an_abbreviated_unit_in_the_prose_against_the_notice():
    m74 = next(m for m in sample_notice().measures if str(m.number) == "74")
    she_fa = next(u for u in m74.support if u.written == "社发局")
    assert she_fa.name == "社会发展局"


def test_it_reads_the_sample_measure_texts_as_written():
    lines = sample_text().split("\n")
    for m in sample_notice().measures:
        written = PROSE_LINE.match(lines[prose_lines()[str(m.number)]])
        assert written is not None
        assert m.text == written["body"].strip()


def test_it_skips_the_blank_lines_inside_a_section():
    # The sample has an empty line after measure 7 and after the heading of （三）.
    by_no = {str(m.number): m for m in sample_notice().measures}
    assert by_no["7"].text.endswith("可按规定申办5年以内的工作类居留许可。")
    assert by_no["8"].text.startswith("对在国内重点高等学校")
    assert by_no["12"].text.startswith("积极与高校、科研院所合作")


def test_it_leaves_only_the_stray_page_number_of_the_sample_as_residue():
    residue = sample_notice().residue
    assert [r.text.strip() for r in residue] == ["42"]
    assert residue[0].reason


# --- small outlines ----------------------------------------------------------------------

SUB_MEASURES = """\
1、 着力提升自主创新能力
（一）大力集聚高端创新资源
1.措施甲。（牵头部门：科技创新局）
2.措施乙。（牵头部门：经发局，责任部门：人社局）
3.措施丙包括两项。（牵头部门：办公室）
（1）子项一。（牵头部门：经发局）
（2）子项二。（牵头部门：人社局，责任部门：办公室）
4.措施丁。（牵头部门：办公室）
"""


def test_it_numbers_paren_items_under_a_measure_as_its_sub_measures():
    notice = policy_parse.parse_text(SUB_MEASURES)
    assert [str(m.number) for m in notice.measures] == ["1", "2", "3", "3-1", "3-2", "4"]
    sub = notice.measures[4]
    assert sub.text == "子项二。"
    assert [u.name for u in sub.lead] == ["人社局"]
    assert [u.name for u in sub.support] == ["办公室"]


LABEL_LINES = """\
1、 着力提升自主创新能力
（一）大力集聚高端创新资源
1.措施甲。
牵头单位：科技创新局
责任单位：经发局、人社局
2.措施乙。（牵头单位：经发局）
"""


def test_it_reads_label_lines_under_a_measure_as_its_annotation():
    notice = policy_parse.parse_text(LABEL_LINES)
    m1 = notice.measures[0]
    assert m1.text == "措施甲。"
    assert [u.name for u in m1.lead] == ["科技创新局"]
    assert [u.name for u in m1.support] == ["经发局", "人社局"]


WRAPPED = """\
1、 着力提升自主创新能力
（一）大力集聚高端创新资源
1.支持滨海高新区建设市级产业创新中心、
制造业创新中心。（牵头部门：科技创新局）
2.措施乙。（牵头部门：经发局）
"""


def test_it_joins_a_measure_wrapped_over_two_lines():
    m1 = policy_parse.parse_text(WRAPPED).measures[0]
    assert m1.text == "支持滨海高新区建设市级产业创新中心、制造业创新中心。"
    assert [u.name for u in m1.lead] == ["科技创新局"]


def test_sub_measures_written_36_1_with_a_dun_do_not_crash_a_dun_numbered_list() -> None:
    import policy_parse

    text = "一、甲\n1、做甲。（牵头部门：A局）\n2-1、做乙。（牵头部门：B局）\n2-2、做丙。（牵头部门：C局）\n"
    notice = policy_parse.parse_text(text)
    assert [str(m.number) for m in notice.measures] == ["1", "2-1", "2-2"]


def test_numbering_restarting_in_each_part_gets_ids_with_the_part() -> None:
    import policy_parse

    text = "一、甲\n1.做甲。（牵头部门：A局）\n2.做乙。（牵头部门：B局）\n二、乙\n1.做丙。（牵头部门：C局）\n"
    notice = policy_parse.parse_text(text)
    assert [m.id for m in notice.measures] == ["1/1", "1/2", "2/1"]
    assert not [d for d in notice.discrepancies if d.kind.value == "numbering"]


def test_one_number_written_twice_keeps_every_id_plain() -> None:
    # Numbering runs on across the parts; 3 is written twice and 4 is missing:
    # one slip, not a numbering that restarts per part (ids "2/3" for all).
    text = (
        "一、甲\n1.做甲。（牵头部门：A局）\n2.做乙。（牵头部门：B局）\n"
        "二、乙\n3.做丙。（牵头部门：C局）\n3.做丁。（牵头部门：D局）\n5.做戊。（牵头部门：E局）\n"
    )
    notice = policy_parse.parse_text(text)
    assert [m.id for m in notice.measures] == ["1", "2", "3", "3", "5"]
    numbering = [d.message for d in notice.discrepancies if d.kind.value == "numbering"]
    assert any("two measures 3" in msg for msg in numbering), numbering


# --- real notices (issue 8) -------------------------------------------------------------


@pytest.mark.parametrize(
    "line, style, number",
    [
        ("1﹒全省生产总值增长7%以上", "ar_dot", "1"),  # U+FE52 SMALL FULL STOP
        ("１２．规范市场秩序", "ar_dot", "12"),  # full-width digits and stop
        ("3。加强资源保护", "ar_dot", "3"),  # an ideographic full stop after a digit
        ("（３）子项", "ar_paren", "3"),
        ("1.2021年底前完成清单编制", "ar_dot", "1"),  # a year after the marker is text
        ("2）优化服务", "ar_rparen", "2"),
        ("⑶完善机制", "ar_paren", "3"),  # a parenthesised digit character, NFKC (3)
    ],
)
def test_it_reads_marker_look_alikes_through_one_normalisation(line, style, number):
    m = match_marker(line)
    assert m is not None
    assert (m.style, m.number) == (style, number)
    assert line.startswith(m.written)


@pytest.mark.parametrize(
    "line",
    [
        "2023-01-05 10:00 区人民政府办公室",
        "13.03.2015  07:51",
        "2021.05.14 发布",
        "12.03 08:15 更新",
        "1-03-24",  # 成文日期: 202 / 1-03-24: a date the page wrapped inside its year
        "1-03-24 发布机构: 市政府办公室",
        "2021、2022年完成改造",  # two years in a row, not marker 2021
        "2021.5月底前完成",
    ],
)
def test_it_never_takes_a_date_or_a_time_for_a_marker(line):
    assert match_marker(line) is None


def _parse(text: str) -> policy_parse.Notice:
    return policy_parse.parse_text(text)


def test_it_reads_leaders_beside_units_and_keeps_them_out_of_the_units():
    notice = _parse(
        "一、主要目标\n1.地区生产总值增长6%以上。\n分管省领导：张三\n"
        "部门分工：省发展改革委牵头，各地、各部门配合。\n"
        "2.一般公共预算收入增长5%左右。（责任领导：李四；牵头单位：区财政局）\n"
    )
    m1, m2 = notice.measures
    assert m1.leaders == ("张三",) and m2.leaders == ("李四",)
    assert [u.name for u in m1.lead] == ["省发展改革委"]
    assert [u.name for u in m1.support] == ["各地", "各部门"]
    assert [u.name for u in m2.lead] == ["区财政局"]
    assert policy_parse.to_dict(notice)["measures"][0]["leaders"] == ["张三"]


def test_it_reads_unnumbered_measures_under_a_numbered_heading_as_n_k():
    notice = _parse(
        "一、总体要求\n1.推进产业升级。\n加快技术改造。（牵头单位：市工信局）\n"
        "培育龙头企业。（牵头单位：市发改委）\n扩大有效投资。（牵头单位：市财政局）\n"
        "2.优化营商环境。（牵头单位：市政务局）\n"
    )
    assert [m.id for m in notice.measures] == ["1-1", "1-2", "1-3", "2"]
    assert [m.lead[0].name for m in notice.measures] == [
        "市工信局",
        "市发改委",
        "市财政局",
        "市政务局",
    ]
    assert any("1.推进产业升级" in r.text for r in notice.residue)


def test_it_reads_a_cover_letter_with_its_own_numbering_as_header():
    notice = _parse(
        "区政府办公室关于印发任务分解方案的通知\n各街道办事处：\n现将方案印发给你们，通知如下：\n"
        "一、各责任单位要高度重视，明确责任。\n二、区绩效考评机构要纳入考核。\n"
        "区人民政府办公室\n2023年1月3日\n任务分解方案\n一、主要预期目标\n"
        "（一）地区生产总值增长7%以上\n责任单位：区发展和改革局\n"
        "（二）工业投资增长12%以上\n责任单位：区科技局\n"
    )
    assert [p.title for p in notice.parts] == ["主要预期目标"]
    assert [m.id for m in notice.measures] == ["1", "2"]
    assert notice.header.date == "2023-01-03"
    assert any("高度重视" in b for b in notice.header.body)
    # The rule guesses (no 附件 mark): it says so.
    notes = [d.note for d in notice.discrepancies if d.kind.value == "structure"]
    assert notes == ["cover_letter"]


def test_it_applies_a_convention_stated_once_to_every_later_annotation():
    notice = _parse(
        "工作方案\n各单位：排在第一位的部门为牵头部门。\n一、任务\n"
        "1.推进改革。（市发改委、市财政局按职责分工负责）\n2.优化服务。（市政务局负责）\n"
    )
    m1, m2 = notice.measures
    assert [u.name for u in m1.lead] == ["市发改委"]
    assert [u.name for u in m1.support] == ["市财政局"]
    assert [u.name for u in m2.lead] == ["市政务局"]


def test_it_sets_a_byline_after_the_last_annotation_aside():
    notice = _parse(
        "一、任务\n1、推进改革。(省发改委等负责)\n2、优化服务。(省农业厅牵头)\n详见某网\n记者张三\n"
    )
    assert notice.measures[-1].text == "优化服务。"
    assert {r.text for r in notice.residue} >= {"详见某网", "记者张三"}


def test_it_joins_a_line_wrapped_inside_an_annotation():
    notice = _parse(
        "一、任务\n1.积极引进境内外高等学校和科研院所等创新资源。（牵头部门：科技\n"
        "创新局，责任部门：经发局）\n"
    )
    (m,) = notice.measures
    assert [u.name for u in m.lead] == ["科技创新局"]
    assert [u.name for u in m.support] == ["经发局"]


def test_it_keeps_a_short_measure_after_an_annotated_one_as_a_measure():
    notice = _parse(
        "一、工作任务\n1）推进改革。（市发改委负责，市财政局配合）\n2）优化服务。（各区政府落实）\n"
    )
    assert [m.id for m in notice.measures] == ["1", "2"]
    assert [u.name for u in notice.measures[0].lead] == ["市发改委"]
    assert [u.name for u in notice.measures[1].lead] == ["各区政府"]


def test_continuation_lines_cost_linear_time():
    # Issue 13: each continuation line was checked against the whole measure
    # text so far (20k lines took 26 s).  Four times the lines, about four
    # times the time; quadratic would be sixteen.
    import time

    def seconds(n: int) -> float:
        text = "一、任务\n1.开始。\n" + "继续推进各项改革任务落实见效，加快发展\n" * n
        start = time.perf_counter()
        policy_parse.parse_text(text)
        return time.perf_counter() - start

    small, large = seconds(2500), seconds(10000)
    assert large < 8 * small + 0.5


def test_it_keeps_leaders_of_a_traditional_notice_as_written():
    notice = _parse(
        "一、進一步提升政務服務效能\n"
        "1.加大簡政放權力度，承接好省下放行政許可事項。（責任領導：張偉國；牽頭單位：州行政審批服務局）\n"
    )
    (m,) = notice.measures
    assert m.leaders == ("張偉國",)
    assert [u.written for u in m.lead] == ["州行政審批服務局"]


def test_it_reads_several_tasks_inside_one_numbered_paragraph_as_n_k():
    notice = _parse(
        "一、任务\n3.扩大有效投资，实施重大项目。（市发改委牵头）"
        "促进消费回升，开展促消费活动。（市商务局牵头，市财政局配合）\n"
        "4.优化营商环境。（市政务局负责）\n"
    )
    assert [m.id for m in notice.measures] == ["3-1", "3-2", "4"]
    m1, m2, _ = notice.measures
    assert [u.name for u in m1.lead] == ["市发改委"]
    assert ([u.name for u in m2.lead], [u.name for u in m2.support]) == (["市商务局"], ["市财政局"])
    assert m1.text == "扩大有效投资，实施重大项目。"
    assert m1.written_number == "3." and m2.written_number == ""


def test_an_annotation_with_a_note_ends_its_task_like_any_other():
    # The note (以下各项…不再列出) speaks for later annotations; it joins no
    # tasks and names no unit (segment.notes, issue 22).
    notice = _parse(
        "一、任务\n1.制定清单。〔甲局牵头，乙局参与。以下各项均需各区落实，不再列出。〕"
        "推进整治。（甲局、丙局牵头，乙局参与）\n"
    )
    assert [m.id for m in notice.measures] == ["1-1", "1-2"]
    got = [([u.name for u in m.lead], [u.name for u in m.support]) for m in notice.measures]
    assert got == [(["甲局"], ["乙局"]), (["甲局", "丙局"], ["乙局"])]


def test_a_numbered_paragraph_and_the_annotated_paragraph_under_it_are_two_tasks():
    notice = _parse(
        "一、任务\n1.推进改革，完善机制。（牵头单位：甲局）\n深化试点，扩大范围。（牵头单位：乙局）\n"
        "2.优化服务。（牵头单位：丙局）\n"
    )
    assert [m.id for m in notice.measures] == ["1-1", "1-2", "2"]


@pytest.mark.parametrize("line, style", [("㈠深化改革", "cn_paren"), ("⒈推进改革", "ar_dot")])
def test_it_reads_enclosed_marker_characters_through_nfkc(line, style):
    m = match_marker(line)
    assert m is not None and (m.style, m.number) == (style, "1")


def test_a_convention_stated_in_a_label_holds_for_that_measure_and_later_ones():
    notice = _parse(
        "一、任务\n1.推进改革。\n责任单位（列第一位者为牵头单位）：甲局、乙局\n"
        "2.优化服务。\n责任单位：丙局、丁局\n"
    )
    assert [[u.name for u in m.lead] for m in notice.measures] == [["甲局"], ["丙局"]]
    assert [[u.name for u in m.support] for m in notice.measures] == [["乙局"], ["丁局"]]


def test_it_reads_bare_units_in_trailing_brackets_and_a_convention_stated_in_the_preamble():
    notice = _parse(
        "分解方案\n现将重点工作分解如下（列第一位的为牵头单位）：\n一、稳定增长\n"
        "1.全县地区生产总值增长8%左右。（县发改局、县统计局）\n"
        "2.深化改革，推进“一网通办”。（县政务服务中心、县直有关部门，2022年6月底前完成）\n"
        "3.建设产业园区（含高新区管委会）\n"
    )
    m1, m2, m3 = notice.measures
    assert ([u.name for u in m1.lead], [u.name for u in m1.support]) == (["县发改局"], ["县统计局"])
    assert m2.deadline is not None and m2.deadline.written == "2022年6月底前完成"
    assert m3.annotation is None and m3.text.endswith("（含高新区管委会）")


def test_the_measure_level_is_the_shallowest_mostly_annotated_style():
    # 1. carries label lines, 2. is a lead-in over （1）（2）, each annotated:
    # the measures are 1, 2-1, 2-2, not （1） with 1. taken for a heading.
    notice = _parse(
        "（一）着力扩大有效投资\n1.加快重大项目建设。\n牵头单位：市发展改革委\n"
        "2.强化要素保障。\n（1）加强用地保障。（市自然资源局负责）\n（2）加强资金保障。（市财政局负责）\n"
    )
    assert [m.id for m in notice.measures] == ["1", "2-1", "2-2"]
    assert [m.lead[0].name for m in notice.measures] == ["市发展改革委", "市自然资源局", "市财政局"]


def test_nothing_is_lost_around_unnumbered_measures():
    from policy_parse.audit import lost_and_invented

    text = (
        "一、总体要求\n1.推进产业升级，加快构建现代化产业体系，提升产业链\n供应链现代化水平\n"
        "加快技术改造。（牵头单位：市工信局）\n培育龙头企业。（牵头单位：市发改委）\n附表\n"
    )
    document = policy_parse.read_text_document(text)
    notice = policy_parse.notice_from_document(document)
    assert [m.id for m in notice.measures] == ["1-1", "1-2"]
    assert lost_and_invented(document, notice) == ("", "")


def test_it_reads_a_bracketed_deadline_line_under_a_measure():
    notice = _parse("一、任务\n1.推进改革。（牵头单位：甲局）\n（完成时限：2022年底前）\n")
    (m,) = notice.measures
    assert m.text == "推进改革。"
    assert m.deadline is not None and m.deadline.value == "2022-12-31"


def test_a_paragraph_full_of_unclosed_brackets_costs_linear_time():
    import time

    def seconds(n: int) -> float:
        start = time.perf_counter()
        policy_parse.parse_text("一、任务\n1.开始。" + "（推进改革" * n + "\n")
        return time.perf_counter() - start

    small, large = seconds(2000), seconds(8000)
    assert large < 8 * small + 0.5


def test_a_36_1_dun_sub_measure_under_dun_measures_is_read():
    notice = _parse("一、任务\n1、推进改革。（甲局负责）\n36-1、优化服务。（乙局负责）\n")
    assert [m.id for m in notice.measures] == ["1", "36-1"]


def test_one_task_under_a_title_is_numbered_like_its_siblings_tasks():
    # （一） holds two unnumbered tasks under its title, so the notice numbers
    # tasks that way: （二）'s single task is 2-1 with its title a lead-in,
    # not the title glued to the task (tests/specimens/11_unnumbered.txt).
    text = (
        "一、加强保护\n"
        "（一）推进修复\n"
        "开展综合治理。（牵头单位：甲局）\n"
        "建立管护机制。（牵头单位：甲局；配合单位：乙局）\n"
        "（二）强化保持\n"
        "实施治理工程。（牵头单位：丙局）\n"
    )
    notice = policy_parse.parse_text(text)
    assert [(m.id, m.text) for m in notice.measures] == [
        ("1-1", "开展综合治理。"),
        ("1-2", "建立管护机制。"),
        ("2-1", "实施治理工程。"),
    ]
    assert "（二）强化保持" in [r.text for r in notice.residue]


def test_a_lone_title_over_one_task_stays_one_measure():
    # No sibling splits into tasks: the title line belongs to the measure.
    text = "一、加强保护\n（一）推进修复\n开展综合治理。（牵头单位：甲局）\n"
    notice = policy_parse.parse_text(text)
    assert [(m.id, m.text) for m in notice.measures] == [("1", "推进修复开展综合治理。")]


def test_articles_numbered_di_yi_tiao_are_the_measures_under_the_parts():
    text = (
        "某县若干措施任务分工\n一、促进汽车消费\n第一条 开展汽车下乡活动。（县商务局牵头）\n"
        "第二条 完善充电设施。（县发改局牵头）\n二、促进家居消费\n第三条 支持以旧换新。（县商务局牵头）\n"
    )
    notice = policy_parse.parse_text(text)
    assert [str(m.number) for m in notice.measures] == ["1", "2", "3"]


def test_a_label_whose_value_is_on_the_next_line_takes_that_line():
    # A PDF copy breaks after the colon, or inside the list after a 、.
    text = (
        "某县方案\n一、任务\n1.建设甲项目。\n牵头单位：\n县发改局\n配合单位：县财政局、\n"
        "县自然资源局\n2.建设乙项目。\n牵头单位：县住建局\n"
    )
    notice = policy_parse.parse_text(text)
    first, second = notice.measures
    assert [u.written for u in first.lead] == ["县发改局"]
    assert [u.written for u in first.support] == ["县财政局", "县自然资源局"]
    assert first.text == "建设甲项目。"
    assert [u.written for u in second.lead] == ["县住建局"]


# --- inner items of one measure ------------------------------------------------------------


def test_inner_items_closed_by_one_annotation_line_are_one_measure():
    notice = policy_parse.parse_text(
        "一、工作\n1.提升养老服务。\n（1）新建互助点5个；\n（2）发放高龄津贴。\n"
        "（牵头单位：镇甲办；配合单位：镇乙所）\n2.改善饮水。（牵头单位：镇丙站）\n"
    )
    assert [m.id for m in notice.measures] == ["1", "2"]
    first = notice.measures[0]
    assert [u.written for u in first.lead] == ["镇甲办"]
    assert "（1）新建互助点5个" in first.text and "（2）发放高龄津贴" in first.text


def test_inner_items_each_annotated_stay_sub_measures():
    notice = policy_parse.parse_text(
        "一、工作\n1.提升养老服务。\n（1）新建互助点5个。（牵头单位：镇甲办）\n"
        "（2）发放高龄津贴。\n（牵头单位：镇乙所）\n2.改善饮水。（牵头单位：镇丙站）\n"
    )
    assert [m.id for m in notice.measures] == ["1-1", "1-2", "2"]


# --- the plan before a 附件 that holds only its table ----------------------------------------

_TABLE_ANNEX = "附件\n某县任务分工表\n| 序号 | 工作任务 | 牵头单位 |\n| 1 | 推进甲事 | 县甲局 |\n| 2 | 推进乙事 | 县乙局 |\n"


def test_an_annotated_list_before_a_table_only_attachment_is_the_prose_list():
    notice = policy_parse.parse_text(
        "某县任务分工\n一、任务\n1.推进甲事。（牵头单位：县甲局）\n2.推进乙事。（牵头单位：县乙局）\n"
        + _TABLE_ANNEX
    )
    assert [(m.id, [u.written for u in m.lead]) for m in notice.measures] == [
        ("1", ["县甲局"]),
        ("2", ["县乙局"]),
    ]
    assert all("附件" not in m.text for m in notice.measures)
    # The prose is reconciled against the table: it is not a table-only notice.
    assert "missing-in-prose" not in {d.kind.value for d in notice.discrepancies}


def test_a_cover_letters_own_items_before_a_table_only_attachment_stay_the_letter():
    notice = policy_parse.parse_text(
        "各单位：\n现将分工表印发给你们。\n一、加强领导，县甲局要统筹。\n二、强化督查。\n"
        "某县人民政府办公室\n2024年3月1日\n" + _TABLE_ANNEX
    )
    assert "missing-in-prose" in {d.kind.value for d in notice.discrepancies}
    assert [str(e.number) for e in notice.table] == ["1", "2"]


def test_inner_items_whose_last_alone_is_annotated_are_one_measure_and_it_says_so():
    notice = policy_parse.parse_text(
        "一、工作\n1.提升养老服务。\n（1）新建互助点5个；\n"
        "（2）发放高龄津贴。（牵头单位：镇甲办；配合单位：镇乙所）\n2.改善饮水。（牵头单位：镇丙站）\n"
    )
    assert [m.id for m in notice.measures] == ["1", "2"]
    assert [u.written for u in notice.measures[0].lead] == ["镇甲办"]
    notes = [d for d in notice.discrepancies if d.kind.value == "structure"]
    assert [(d.note, d.fields) for d in notes] == [("inner_items", (("marker", "1."),))]


def test_measures_ended_by_a_full_stop_are_no_inner_items_of_their_heading():
    notice = policy_parse.parse_text(
        "一、工作\n1.推进甲事。\n2.推进乙事。（牵头单位：县乙局）\n"
        "二、保障\n1.推进丙事。（牵头单位：县丙局）\n"
    )
    assert [m.id for m in notice.measures] == ["1/1", "1/2", "2/1"]


def test_inner_items_ended_by_a_full_stop_stay_items_before_an_inline_annotation():
    notice = policy_parse.parse_text(
        "一、工作\n1.提升养老服务。\n（1）新建互助点5个。\n"
        "（2）发放高龄津贴。（牵头单位：镇甲办）\n2.改善饮水。（牵头单位：镇丙站）\n"
    )
    assert [m.id for m in notice.measures] == ["1-1", "1-2", "2"]


def test_a_short_line_that_leaves_the_annotation_open_goes_on_with_the_next_line():
    # A PDF page width of 22 characters: the line is shorter than a full
    # line after the marker, but its bracket is still open.
    text = (
        "某县分工方案\n一、甲类任务\n"
        "（一）建立县甲局政策推送机制，每季度梳理发\n"
        "布政策清单。（县甲局牵头，县乙局、\n"
        "县丙局配合）\n"
        "（二）开展检查。（县丁局负责）\n"
    )
    first = policy_parse.parse_text(text).measures[0]
    assert [u.written for u in first.lead] == ["县甲局"]
    assert sorted(u.written for u in first.support) == ["县丙局", "县乙局"]


@pytest.mark.parametrize(
    "line",
    [
        "3.0版本。（县甲局负责）",
        "2.05亿元。",
        "2.5万元以上。",
        "1.5倍。",
        "2.5万平方米。",
        "3.2千个。",
    ],
)
def test_a_line_that_starts_with_a_figure_is_no_sub_measure_marker(line):
    assert match_marker(line) is None


@pytest.mark.parametrize("line", ["3.1年内完成改造。", "3.2天然气管网建设。", "3.3户籍制度改革。"])
def test_a_sub_measure_whose_text_starts_like_a_figure_word_is_still_one(line):
    marked = match_marker(line)
    assert marked is not None and marked.style == "ar_dec"


def test_a_wrapped_line_that_starts_with_a_decimal_figure_goes_on_with_its_measure():
    text = (
        "某市分工方案\n"
        "1.推广平台应用，迭代升级县甲局的政务平台至\n"
        "3.0版本。（县甲局牵头，县乙局配合）\n"
        "2.完善机制。（县丙局负责）\n"
    )
    measures = policy_parse.parse_text(text).measures
    assert [str(m.number) for m in measures] == ["1", "2"]
    assert [u.written for u in measures[0].lead] == ["县甲局"]


@pytest.mark.parametrize(
    "line", ["3、4月份农资供应充足。", "一、二季度完成验收。", "1、2号楼改造。"]
)
def test_a_line_that_starts_with_two_figures_in_a_row_is_no_marker(line):
    # A wrap before 3、4月份: the next number, then a word that counts months.
    assert match_marker(line) is None


@pytest.mark.parametrize("line", ["3、6月底前完成排查。", "一、二〇二三年目标", "4、5G基站建设。"])
def test_a_marker_whose_text_starts_with_another_figure_is_still_one(line):
    assert match_marker(line) is not None


def test_a_line_wrapped_before_3_4_yue_goes_on_with_its_measure():
    text = (
        "某区分工方案\n"
        "1.组织农资企业做好储备调运，确保在春播前即\n"
        "3、4月份农资供应充足。（牵头单位：区农业农村局；配合单位：区供销社）\n"
        "2.完善机制。（区财政局负责）\n"
    )
    measures = policy_parse.parse_text(text).measures
    assert [str(m.number) for m in measures] == ["1", "2"]
    assert "3、4月份" in measures[0].text


def test_annotated_measures_beside_parents_of_annotated_items_stay_measures():
    # Most 1. items are parents of annotated （1）（2）; the others carry their
    # own annotation: all are measures, the （1） their sub-measures.
    text = (
        "某区分工方案\n一、教育\n1.推进中小学改扩建。\n"
        "（1）甲小学年底前完工。（牵头单位：区教育局；配合单位：区住建局）\n"
        "（2）乙中学主体封顶。（牵头单位：区教育局；配合单位：区自然资源局）\n"
        "2.新增学位800个。（牵头单位：区教育局；配合单位：区财政局）\n"
        "3.提升校园安全。\n"
        "（1）视频监控全覆盖。（牵头单位：区教育局；配合单位：区公安分局）\n"
        "（2）配齐专职保安。（牵头单位：区人社局）\n"
    )
    measures = policy_parse.parse_text(text).measures
    assert [m.id for m in measures] == ["1-1", "1-2", "2", "3-1", "3-2"]
    assert [u.written for u in measures[2].support] == ["区财政局"]


def test_a_heading_level_with_persons_only_over_it_is_no_measure_level():
    text = (
        "某县分工方案\n一、产业链招商\n"
        "（一）零部件产业（责任领导：王某）\n"
        "1.引进项目5个。（牵头单位：县投促局；配合单位：县工信局）\n"
        "2.推动配套本地化。（牵头单位：县工信局）\n"
        "（二）绿色食品产业（责任领导：李某）\n"
        "3.引进龙头企业2家。（牵头单位：县农业农村局）\n"
    )
    notice = policy_parse.parse_text(text)
    assert [m.id for m in notice.measures] == ["1", "2", "3"]
    assert [m.section for m in notice.measures] == ["1", "1", "2"]


@pytest.mark.parametrize(
    "closing",
    [
        "各单位要高度重视，按照任务分工抓好落实。\n某县人民政府办公室\n2022年8月5日\n",
        "各单位要高度重视，按照任务分工抓好落实。\n（此件公开发布）\n",
        "上一篇：关于印发某某方案的通知\n下一篇：关于做好某项工作的通知\n",
    ],
)
def test_closing_matter_after_the_last_measure_is_residue_not_its_text(closing):
    text = (
        "某县分工方案\n一、任务\n1.建设商贸中心5个。（牵头单位：县商务局）\n"
        "2.建设物流配送中心1个。（牵头单位：县交通运输局；配合单位：县商务局）\n" + closing
    )
    notice = policy_parse.parse_text(text)
    assert notice.measures[-1].text == "建设物流配送中心1个。"
    # The segmenter's closing text, and the reader's closing block (版记,
    # read/footer.py) below it, in the order of the lines.
    residue = sorted(notice.residue, key=lambda r: r.span.start_line or 0)
    closing_lines = [r.text for r in residue if r.reason.startswith("closing")]
    assert closing_lines == [ln for ln in closing.splitlines() if ln]


def test_a_long_paragraph_after_an_annotation_with_no_closing_line_stays_the_measure_text():
    text = (
        "某县分工方案\n一、任务\n1.建设商贸中心5个。（牵头单位：县商务局）\n"
        "同步完善配套设施，确保按期投入使用并发挥效益。\n"
    )
    (measure,) = policy_parse.parse_text(text).measures
    assert "同步完善配套设施" in measure.text


# --- numbering read against the neighbours (issue 22) ------------------------------------------

RUN_ON = (
    "某市重点工作分工意见\n一、主要目标\n"
    "（一）粮食总产量稳定在120万吨以上。（市农业局负责）（二）城镇新增就业3万人。"
    "（市人社局主办，市财政局、市教育局协办）\n"
    "（三）居民收入增长7%左右。（市统计局负责）\n"
)


def test_two_items_on_one_line_are_two_measures_when_an_annotation_ends_the_first():
    notice = policy_parse.parse_text(RUN_ON)
    assert [m.id for m in notice.measures] == ["1", "2", "3"]
    m1, m2, _ = notice.measures
    assert m1.text == "粮食总产量稳定在120万吨以上。"
    assert [u.name for u in m1.lead] == ["市农业局"] and not m1.support
    assert m2.written_number == "（二）"
    assert [u.name for u in m2.lead] == ["市人社局"]
    assert [u.name for u in m2.support] == ["市财政局", "市教育局"]
    assert not [d for d in notice.discrepancies if d.kind.value == "numbering"]


@pytest.mark.parametrize(
    "line",
    [
        # not the next number: a reference, not an item
        "（一）粮食总产量稳定在120万吨以上。（市农业局负责）（三）项另行安排。",
        # no annotation before it: the item's own inner words
        "（一）粮食总产量稳定在120万吨以上（二）城镇新增就业3万人。（市农业局负责）",
    ],
)
def test_a_marker_inside_a_line_that_does_not_go_on_from_the_item_is_text(line):
    text = (
        "某市重点工作分工意见\n一、主要目标\n"
        + line
        + "\n（二）居民收入增长7%左右。（市统计局负责）\n"
    )
    notice = policy_parse.parse_text(text)
    assert [m.id for m in notice.measures] == ["1", "2"]
    assert notice.measures[0].text.startswith("粮食总产量")


GLUED = (
    "某市人才工程实施意见\n一、重点项目\n"
    "1.青年英才项目。每年资助50名青年人才。（牵头单位：市人社局）\n"
    "2.121专家工程。培养100名学科带头人、200名骨干和1000名青年专家。（牵头单位：市科技局）\n"
    "3.工匠项目。每年评选30名工匠。（牵头单位：市总工会）\n"
)


def test_a_number_glued_to_a_figure_is_the_measure_its_neighbours_call_for():
    # 2.121专家工程: not sub-measure 2-121 but measure 2, whose title starts
    # with the figure 121 — 1. before it and 3. after it say so.
    notice = policy_parse.parse_text(GLUED)
    assert [m.id for m in notice.measures] == ["1", "2", "3"]
    m2 = notice.measures[1]
    assert m2.written_number == "2."
    assert m2.text.startswith("121专家工程。")
    assert [u.name for u in m2.lead] == ["市科技局"]
    assert not [d for d in notice.discrepancies if d.kind.value == "numbering"]


def test_a_decimal_number_among_its_own_siblings_stays_a_sub_measure():
    # 1. then 2.1 and 2.2 with no 2. between: sub-measures under a missing
    # lead-in, as written — 2.2 follows 2.1, not 3.
    text = GLUED.replace("2.121专家工程", "2.1专家工程").replace("3.工匠项目", "2.2工匠项目")
    notice = policy_parse.parse_text(text)
    assert [m.id for m in notice.measures] == ["1", "2-1", "2-2"]


def test_an_inner_list_in_the_items_own_style_is_not_split_into_items():
    # （1）is both the topic's marker and its first task's: the inner list
    # starts again at （1）, so its （2） goes on from it, not from the topic.
    text = (
        "一、持续减少审批事项\n（1）深化商事制度改革。（1）全面落实多证合一改革。（市市场监管局牵头负责）"
        "（2）完善企业登记全程电子化。（市市场监管局牵头负责）\n"
        "（2）深化投资审批改革。（市发展改革委负责）\n"
    )
    notice = policy_parse.parse_text(text)
    assert [m.id for m in notice.measures][:2] == ["1-1", "1-2"]


@pytest.mark.parametrize("mark", ["、", "．"])
def test_a_glued_number_takes_the_style_of_its_neighbours_list(mark):
    text = GLUED.replace("1.", f"1{mark}").replace("3.", f"3{mark}")
    notice = policy_parse.parse_text(text)
    assert [m.id for m in notice.measures] == ["1", "2", "3"]
    assert notice.measures[1].text.startswith("121专家工程。")


# Invented: （一） holds two tasks after its title sentence (1-1, 1-2); （二）
# holds one after its own title sentence, so it is 2-1 as the level numbers
# its tasks; （三） is one sentence with no title: measure 3.
TITLED_TASKS = """\
某省人民政府关于重点工作部门分工的意见
一、全面深化改革
（一）推进国企改革。完善国有资产监管体制，分类推进国有企业改革（丁省国资委牵头）。支持民营企业参与国有企业改革，发展混合所有制经济（丁省发改委牵头）。
（二）转变政府职能。深化行政审批制度改革。进一步清理行政审批事项，实施投资准入负面清单（丁省发改委牵头）。
二、扩大有效需求
（三）稳定投资增长，加快重大项目建设，优化投资结构（丁省发改委牵头）。
"""


def test_a_lone_task_after_a_title_sentence_is_n_1_where_its_siblings_hold_tasks():
    notice = policy_parse.parse_text(TITLED_TASKS)
    assert [m.id for m in notice.measures] == ["1-1", "1-2", "2-1", "3"]
    assert notice.measures[2].text.startswith("转变政府职能。")


def test_a_lone_task_after_a_title_sentence_stays_n_where_no_sibling_holds_tasks():
    text = TITLED_TASKS.replace("（丁省国资委牵头）。支持", "。支持")
    assert [m.id for m in policy_parse.parse_text(text).measures] == ["1", "2", "3"]


def test_sub_measures_written_in_brackets_are_the_sub_measures_of_the_measure_above():
    # （12-1） as 12-1.: not text of measure 12 cut into 12-1 … 12-3 at its annotations.
    text = (
        "某镇任务分工\n一、基础设施\n12.改造主街道。（镇建设办负责）\n"
        "（12-1）实施雨污分流。（镇建设办牵头，镇财政所配合）\n"
        "（12-2）增设停车位。（镇综合执法队负责）\n13.建成公园。（镇建设办负责）\n"
    )
    notice = policy_parse.parse_text(text)
    assert [m.id for m in notice.measures] == ["12", "12-1", "12-2", "13"]
    assert [u.name for u in notice.measures[2].lead] == ["镇综合执法队"]


@pytest.mark.parametrize("line", ["（3-5年内完成）", "(2023-01-05)"])
def test_a_range_or_a_date_in_brackets_is_no_sub_measure_marker(line):
    assert match_marker(line) is None


def test_dotted_numbers_under_unmarked_headings_are_the_measures():
    # 1 科技创新 / 2 产业发展 (a list of two counting on from 1): headings over
    # 1.1 …; the notice was once refused as no notice (probe3).
    notice = policy_parse.parse_text(
        "某区分工方案\n1 科技创新\n1.1 建设孵化器。（牵头单位：甲局；配合单位：乙局）\n"
        "1.2 培育企业。（牵头单位：甲局）\n2 产业发展\n2.1 培育规上企业。（牵头单位：丙局）\n"
    )
    got = [(m.id, [u.name for u in m.lead], [u.name for u in m.support]) for m in notice.measures]
    assert got == [("1-1", ["甲局"], ["乙局"]), ("1-2", ["甲局"], []), ("2-1", ["丙局"], [])]
    assert "2 产业发展" in [r.text for r in notice.residue]  # kept, not lost


@pytest.mark.parametrize(
    "text",
    [
        "某区说明\n1.1 建设孵化器。\n1.2 培育企业。\n",  # no annotation
        "某区说明\n36-1 推进改革。（牵头单位：甲局）\n",  # one stray annotated line
    ],
)
def test_dotted_numbers_with_fewer_than_two_annotated_are_still_no_notice(text):
    with pytest.raises(policy_parse.NotANoticeError):
        policy_parse.parse_text(text)


def test_annotated_items_under_a_third_heading_level_are_its_sub_measures():
    # 1./2. had nowhere to go: their （1） came out as two measures 1 (probe3).
    notice = policy_parse.parse_text(
        "某区分工方案\n一、发展目标\n（一）经济指标\n1.地区生产总值\n"
        "（1）增长6%。（牵头单位：甲局；配合单位：乙局）\n（2）人均增长5%。（牵头单位：乙局）\n"
        "2.财政收入\n（1）收入增长4%。（牵头单位：丙局）\n"
    )
    got = [(m.id, [u.name for u in m.lead]) for m in notice.measures]
    assert got == [("1-1", ["甲局"]), ("1-2", ["乙局"]), ("2-1", ["丙局"])]
    assert "1.地区生产总值" in [r.text for r in notice.residue]  # the lead-in, kept


def test_chapters_over_articles_are_parts_over_measures():
    # 第二章 was the trailer of the measure above it, and no part was read (probe9)
    text = (
        "某市若干措施\n第一章 政务服务\n第一条 推行甲。（责任单位：市甲局）\n"
        "第二条 推进乙。（市乙局牵头）\n第二章 要素保障\n第三条 保障丙。（市丙局负责）\n"
    )
    notice = policy_parse.parse_text(text)
    assert [(p.written, p.title) for p in notice.parts] == [
        ("第一章", "政务服务"),
        ("第二章", "要素保障"),
    ]
    assert [(str(m.number), m.part) for m in notice.measures] == [
        ("1", "1"),
        ("2", "1"),
        ("3", "2"),
    ]
    assert notice.residue == ()


def test_numbers_in_black_lenticular_brackets_are_measures():
    # 【1】推进… read no measure at all: the notice was refused (probe9)
    text = "某县任务分工\n【1】推进甲。（县甲局牵头）\n【2】推进乙。（县乙局牵头）\n"
    notice = policy_parse.parse_text(text)
    assert [(str(m.number), m.written_number) for m in notice.measures] == [
        ("1", "【1】"),
        ("2", "【2】"),
    ]
    # a unit in 【】 after a marker is still the annotation, not a number
    (m,) = policy_parse.parse_text("某县任务分工\n1.【县甲局】推进甲项工作。\n").measures
    assert [u.name for u in m.support + m.lead] == ["县甲局"]


def test_an_article_number_alone_on_its_line_numbers_the_text_under_it():
    # 第一条 / 推进…: the notice was refused (no measure), probe9
    text = "某县任务分工\n第一条\n推进甲。（县甲局牵头）\n第二条\n推进乙。（县乙局牵头）\n"
    notice = policy_parse.parse_text(text)
    assert [(str(m.number), m.text) for m in notice.measures] == [
        ("1", "推进甲。"),
        ("2", "推进乙。"),
    ]


@pytest.mark.parametrize(
    "line, style, number",
    [
        ("十、加强甲", "cn_dun", "10"),
        ("两、推进乙", "cn_dun", "2"),
        ("第三条 加强甲", "article", "3"),
        ("百、丙", "cn_dun", "100"),
        ("加强甲工作", None, None),  # opens with an ideograph no marker opens with
        ("推进（一）乙", None, None),
        ("  （一）加强甲", "cn_paren", "1"),  # past the indent, a bracket and a numeral
        ("（牵头单位：甲局）", None, None),  # a bracket, then an ideograph no marker has
        ("（ 1）推进乙", "ar_paren", "1"),  # a space after the bracket: the pattern decides
    ],
)
def test_a_marker_opening_with_an_ideograph_is_a_numeral_or_di(line, style, number):
    # match_marker answers None for a line opening with any other CJK
    # ideograph without folding it or trying the pattern.
    m = match_marker(line)
    assert ((None, None) if m is None else (m.style, m.number)) == (style, number)


def test_items_at_no_measure_level_are_set_aside_not_dropped():
    # hostile4: a lone 1.1 line above a 分工表 (a sub-item with no measure
    # over it) found no level for measures, and its text went nowhere.
    from policy_parse.audit import lost_and_invented

    text = "分工方案\n1.1推进项目（牵头单位：县甲局）\n序号\t主要任务\t牵头单位\t配合单位\t完成时限\n1\t开展工作\t县乙局\t\t\n"
    document = policy_parse.read_text_document(text)
    notice = policy_parse.notice_from_document(document)
    assert lost_and_invented(document, notice) == ("", "")
    assert [r.text for r in notice.residue if r.reason == "prose line outside any measure"] == [
        "1.1推进项目（牵头单位：县甲局）"
    ]

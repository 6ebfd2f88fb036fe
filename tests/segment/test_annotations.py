"""segment/annotations.py: responsibility annotations at the end of a measure."""

from __future__ import annotations

import pytest

import policy_parse
from policy_parse.segment.annotations import (
    bare_units,
    parse_annotation,
    states_first_is_lead,
)
from policy_parse.segment.placement import split_paragraph_annotation, split_trailing_annotation

# Measure 1 of the sample: a parenthetical inside the text, the annotation at the end.
MEASURE_1 = (
    "积极引进境内外高等学校、科研院所等创新资源，建立新型研发机构，提升自主创新基础能力。"
    "为鼓励高校院所落地，符合条件的高校院所申请建设的新型研发机构，可依法注册为科技类民办非企业单位"
    "（社会服务机构）、事业单位和企业。"
)


def test_it_reads_a_lead_and_its_supporting_units():
    ann = parse_annotation("牵头部门：科技创新局，责任部门：政务服务办、组织人事部、市场监管局")
    assert ann is not None
    assert ann.lead == ("科技创新局",)
    assert ann.support == ("政务服务办、组织人事部、市场监管局",)


def test_it_reads_a_lead_alone():
    ann = parse_annotation("牵头部门：组织人事部")
    assert ann is not None
    assert (ann.lead, ann.support) == (("组织人事部",), ())


def test_it_reads_supporting_units_alone():
    ann = parse_annotation("责任单位：科技创新局、经发局")
    assert ann is not None
    assert (ann.lead, ann.support) == ((), ("科技创新局、经发局",))


@pytest.mark.parametrize(
    ("body", "lead", "support"),
    [
        ("责任单位：甲局；配合单位：乙局、丙局", ("甲局",), ("乙局、丙局",)),
        ("配合单位：乙局；主要责任单位：甲局", ("甲局",), ("乙局",)),
        ("承办单位：甲局；协办单位：乙局", ("甲局",), ("乙局",)),
        ("负责部门：甲局；协同部门：乙局", ("甲局",), ("乙局",)),
        # No 配合 label: 责任 names no lead; a 牵头 label leads over 责任.
        ("责任单位：甲局；责任单位：乙局", (), ("甲局", "乙局")),
        ("牵头单位：甲局；责任单位：乙局；配合单位：丙局", ("甲局",), ("乙局", "丙局")),
        # 配合责任单位 helps: it makes no lead of the 责任 label before it…
        ("责任单位：甲局；配合责任单位：乙局", ("甲局",), ("乙局",)),
        # …and a 配合 label alone leads nothing.
        ("配合单位：乙局", (), ("乙局",)),
    ],
)
def test_a_responsible_label_beside_a_helping_one_names_the_lead(
    body: str, lead: tuple[str, ...], support: tuple[str, ...]
) -> None:
    ann = parse_annotation(body)
    assert ann is not None
    assert (ann.lead, ann.support) == (lead, support)


@pytest.mark.parametrize(
    ("labels", "lead", "support"),
    [
        ("责任部门：甲部\n协同部门：乙部、各子公司", ["甲部"], ["乙部", "各子公司"]),
        ("配合单位：乙局\n责任单位：甲局", ["甲局"], ["乙局"]),
        ("责任领导：张三\n责任单位：甲局\n配合单位：乙局", ["甲局"], ["乙局"]),
        # No 配合 line: 责任 alone names no lead, on lines as in a bracket.
        ("责任单位：甲局\n责任单位：乙局", [], ["甲局", "乙局"]),
    ],
)
def test_label_lines_apart_lead_as_one_bracket_does(
    labels: str, lead: list[str], support: list[str]
) -> None:
    # Each line is an annotation of its own, merged for the measure: the
    # 责任 beside 配合 rule must see them together (a silent no-lead before).
    notice = policy_parse.parse_text(f"1.开展清理。\n{labels}\n2.盘活资产。（牵头单位：丙局）\n")
    m = notice.measures[0]
    assert ([u.name for u in m.lead], [u.name for u in m.support]) == (lead, support)


@pytest.mark.parametrize(
    "body",
    [
        "牵头部门:科技创新局,责任部门:经发局",  # all half-width
        "牵头部门: 科技创新局, 责任部门: 经发局",  # half-width with spaces
        "牵头部门：科技创新局,责任部门:经发局",  # mixed
        "牵头部门：科技创新局；责任部门：经发局",  # a semicolon between clauses
        "牵头单位：科技创新局；配合单位：经发局",  # another issuer's labels
    ],
)
def test_it_reads_the_same_annotation_whatever_the_punctuation(body):
    ann = parse_annotation(body)
    assert ann is not None
    assert ann.lead == ("科技创新局",)
    assert ann.support == ("经发局",)


def test_it_reads_the_lead_phrase_form():
    ann = parse_annotation("科技创新局牵头，经发局、人社局按职责分工负责")
    assert ann is not None
    assert ann.lead == ("科技创新局",)
    assert ann.support == ("经发局、人社局",)


def test_it_reads_a_single_unit_that_is_responsible_as_the_lead():
    ann = parse_annotation("科技创新局负责")
    assert ann is not None
    assert (ann.lead, ann.support) == (("科技创新局",), ())


def test_it_reads_a_shared_phrase_without_a_lead_as_supporting_units():
    ann = parse_annotation("科技创新局、经发局按职责分工负责")
    assert ann is not None
    assert (ann.lead, ann.support) == ((), ("科技创新局、经发局",))


@pytest.mark.parametrize("body", ["社会服务机构", "人才", "滨海高新区管委会", "含2021年", "套"])
def test_it_knows_a_plain_parenthetical_is_no_annotation(body):
    assert parse_annotation(body) is None


def test_it_cuts_the_annotation_from_the_end_of_a_measure():
    text, ann = split_trailing_annotation(
        MEASURE_1 + "（牵头部门：科技创新局，责任部门：政务服务办、组织人事部、市场监管局）"
    )
    assert text == MEASURE_1
    assert ann is not None and ann.lead == ("科技创新局",)


@pytest.mark.parametrize(
    "tail",
    [
        "(牵头部门:科技创新局,责任部门:经发局)",  # half-width parentheses and colons
        "（牵头部门：科技创新局，责任部门：经发局）。",  # a full stop after it
        "（牵头部门：科技创新局，责任部门：经发局） ",  # a trailing space
        " （牵头部门：科技创新局，责任部门：经发局）",  # a space before it (sample measure 64)
        "［牵头部门：科技创新局；责任部门：经发局］",  # full-width square brackets (probe4)
        "〖牵头部门：科技创新局；责任部门：经发局〗",
    ],
)
def test_it_cuts_the_annotation_whatever_its_brackets(tail):
    text, ann = split_trailing_annotation("支持滨海高新区企业申请国际专利。" + tail)
    assert text == "支持滨海高新区企业申请国际专利。"
    assert ann is not None
    assert (ann.lead, ann.support) == (("科技创新局",), ("经发局",))


def test_it_leaves_a_parenthetical_that_is_no_annotation_in_the_text():
    text = "可依法注册为科技类民办非企业单位（社会服务机构）"
    assert split_trailing_annotation(text) == (text, None)


def test_it_leaves_a_parenthetical_inside_the_text_alone():
    text, ann = split_trailing_annotation(MEASURE_1 + "（牵头部门：科技创新局）")
    assert "（社会服务机构）" in text
    assert ann is not None and ann.lead == ("科技创新局",)


def test_it_keeps_a_parenthetical_inside_a_unit_name():
    text, ann = split_trailing_annotation(
        "市有关部门全力支持。（牵头部门：示范区领导小组办公室（滨海高新区管委会））"
    )
    assert text == "市有关部门全力支持。"
    assert ann is not None
    assert ann.lead == ("示范区领导小组办公室（滨海高新区管委会）",)


def test_it_keeps_the_annotation_as_written():
    body = "牵头部门:科技创新局,责任部门:经发局"
    ann = parse_annotation(body)
    assert ann is not None and ann.written == body


# --- labels built from role words (issue 8) --------------------------------------------


@pytest.mark.parametrize(
    "body, lead, support",
    [
        ("牵头责任单位：省发展改革委；协同责任单位：省财政厅", ("省发展改革委",), ("省财政厅",)),
        ("牵头负责部门：市商务局，配合责任处室：市财政局", ("市商务局",), ("市财政局",)),
        ("主办单位：市科技局；协办单位：市教育局", ("市科技局",), ("市教育局",)),
        ("参与单位：市教育局", (), ("市教育局",)),
    ],
)
def test_it_reads_labels_made_of_a_role_word_and_a_unit_word(body, lead, support):
    ann = parse_annotation(body)
    assert ann is not None
    assert (ann.lead, ann.support) == (lead, support)


@pytest.mark.parametrize(
    "label", ["责任领导", "分管省领导", "牵头负责领导", "责任人", "分管副省长"]
)
def test_it_keeps_persons_and_positions_as_leaders_never_as_units(label):
    ann = parse_annotation(f"{label}：张三；牵头单位：区发改局")
    assert ann is not None
    assert ann.leaders == ("张三",)
    assert (ann.lead, ann.support) == (("区发改局",), ())


def test_it_reads_a_division_line_whose_value_is_a_phrase():
    ann = parse_annotation("部门分工：省发展改革委牵头，各地、各部门配合。", line=True)
    assert ann is not None
    assert (ann.lead, ann.support) == (("省发展改革委",), ("各地、各部门",))


# --- phrases ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, lead, support",
    [
        ("市经信委牵头落实", ("市经信委",), ()),  # a verb glued to 牵头 is no unit
        ("市经信委、市国土资源局牵头负责", ("市经信委、市国土资源局",), ()),
        ("甲局、乙局、丙局分别负责", (), ("甲局、乙局、丙局",)),
        ("甲局牵头，乙局、丙局参与", ("甲局",), ("乙局、丙局",)),
        ("甲局主办，乙局协办", ("甲局",), ("乙局",)),
        ("省农业厅等负责", (), ("省农业厅等",)),  # X等 names several units: no lead
        ("省发改委、省文化厅等负责", (), ("省发改委、省文化厅等",)),
        ("甲局牵头，乙局、丙局等部门，丁公司配合", ("甲局",), ("乙局、丙局等部门", "丁公司")),
    ],
)
def test_it_reads_responsibility_phrases_clause_by_clause(body, lead, support):
    ann = parse_annotation(body)
    assert ann is not None
    assert (ann.lead, ann.support) == (lead, support)


@pytest.mark.parametrize(
    "body, lead, support",
    [
        # 联合 joins a lead to its partners as 会同 does, before any verb of the lead's.
        ("乙县卫健局联合乙县医保局推进", ("乙县卫健局",), ("乙县医保局",)),
        (
            "乙县卫健局会同乙县医保局、乙县财政局组织实施",
            ("乙县卫健局",),
            ("乙县医保局、乙县财政局",),
        ),
        # ... but not inside a name: 联合会 ends no unit before it.
        ("乙县工商业联合会负责", ("乙县工商业联合会",), ()),
        # 按职责配合 is a supporting marker, not part of the unit's name.
        ("乙县科技局牵头负责，乙县财政局按职责配合", ("乙县科技局",), ("乙县财政局",)),
        # More lead and support words issuers use.
        (
            "乙县发改局、乙县住建局双牵头，乙县财政局配合",
            ("乙县发改局、乙县住建局",),
            ("乙县财政局",),
        ),
        ("乙县住建局主抓，乙县交通局共同参与", ("乙县住建局",), ("乙县交通局",)),
        ("乙县公安局负主责，乙县人社局支持", ("乙县公安局",), ("乙县人社局",)),
        ("乙县发改委总负责，乙县教育局做好配合", ("乙县发改委",), ("乙县教育局",)),
        # A unit that guides (指导) neither leads nor supports.
        ("各乡镇负责落实，乙县民政局指导", ("各乡镇",), ()),
    ],
)
def test_it_reads_phrases_with_a_joiner_a_duty_or_an_overseer(body, lead, support):
    ann = parse_annotation(body)
    assert ann is not None
    assert (ann.lead, ann.support) == (lead, support)


@pytest.mark.parametrize(
    "body, lead, support, deadline",
    [
        (
            "乙县水利局牵头，乙县财政局配合，每季度调度一次",
            ("乙县水利局",),
            ("乙县财政局",),
            "每季度调度一次",
        ),
        ("乙县住建局牵头，2026年起逐年推进", ("乙县住建局",), (), "2026年起逐年推进"),
        ("乙县住建局牵头，按月报送进展", ("乙县住建局",), (), "按月报送进展"),
        (
            "乙县住建局牵头，乙县财政局配合，2026年完成",
            ("乙县住建局",),
            ("乙县财政局",),
            "2026年完成",
        ),
        ("乙县住建局牵头，2026—2028年", ("乙县住建局",), (), "2026—2028年"),
        ("乙县住建局牵头，2026年第三季度", ("乙县住建局",), (), "2026年第三季度"),
        ("乙县住建局牵头，分年度实施", ("乙县住建局",), (), "分年度实施"),
    ],
)
def test_it_reads_a_start_year_or_a_frequency_as_the_deadline(body, lead, support, deadline):
    ann = parse_annotation(body)
    assert ann is not None
    assert (ann.lead, ann.support, ann.deadline) == (lead, support, deadline)


def test_a_contact_person_in_brackets_after_a_unit_is_no_part_of_its_name():
    # 牵头单位：A（联系人：NAME）: the unit was read as "A（联系人：NAME）" (odd_unit).
    ann = parse_annotation("牵头单位：乙县文旅局（联系人：赵一）；配合单位：各镇人民政府")
    assert ann is not None
    assert (ann.lead, ann.support, ann.leaders) == (("乙县文旅局",), ("各镇人民政府",), ("赵一",))


def test_it_takes_a_deadline_out_of_a_unit_list():
    ann = parse_annotation("牵头单位：州政务局；责任单位：州司法局，各县市人民政府，6月底完成")
    assert ann is not None
    assert ann.support == ("州司法局，各县市人民政府",)
    assert ann.deadline == "6月底完成"


# --- where annotations sit -------------------------------------------------------------


def test_it_finds_an_unbracketed_annotation_after_the_last_sentence():
    text, anns = split_paragraph_annotation(
        "户外电视宣传。在广场播放视频广告。责任单位:开发区、城管执法局。", own_line=False
    )
    assert text == "户外电视宣传。在广场播放视频广告。"
    assert [a.support for a in anns] == [("开发区、城管执法局",)]


def test_it_does_not_take_a_label_inside_a_sentence_for_an_annotation():
    _, anns = split_paragraph_annotation("明确各牵头单位:职责如下。", own_line=False)
    assert anns == []


def test_it_reads_bare_units_in_brackets_on_their_own_line_as_support():
    _, anns = split_paragraph_annotation("（市发改委、市财政局）", own_line=True)
    assert [(a.lead, a.support) for a in anns] == [((), ("市发改委、市财政局",))]


def test_it_does_not_read_a_plain_note_on_its_own_line_as_units():
    assert split_paragraph_annotation("（此件公开发布）", own_line=True)[1] == []


def test_it_finds_an_annotation_standing_between_two_sentences():
    text, anns = split_paragraph_annotation(
        "制定清单。〔甲局牵头，乙局参与。以下各项不再列出。〕按要求推进。（甲局、丙局牵头）",
        own_line=False,
    )
    assert text == "制定清单。按要求推进。"
    assert [a.lead for a in anns] == [("甲局",), ("甲局、丙局",)]


@pytest.mark.parametrize(
    "text",
    [
        "列第一位者为牵头单位（下同）",
        "排在第一位的部门为牵头部门",
        "（列第一位的为牵头单位，下同）",
        "责任单位中排名第一的为牵头单位",
        "排序第一位的单位为牵头单位",
        "各项任务中第一个单位为牵头单位",
        "首个责任单位为牵头单位，其余为配合单位",
        "（列第一位的 为 牵头单位，下同）",  # a PDF copy's spaces between words
    ],
)
def test_it_recognises_a_first_unit_leads_convention(text):
    assert states_first_is_lead(text)


def test_it_sees_no_convention_in_ordinary_text():
    assert not states_first_is_lead("各牵头单位要加强协调，排在前列的地区要总结经验")
    assert not states_first_is_lead("全市排名第一的企业要发挥示范作用")


@pytest.mark.parametrize(
    "body, lead, support",
    [
        ("甲局负责，乙局、丙局配合", ("甲局",), ("乙局、丙局",)),  # one unit responsible leads
        ("甲局会同乙局、丙局负责", ("甲局",), ("乙局、丙局",)),
        ("由甲局负责", ("甲局",), ()),
        ("甲局、乙局负责，丙局配合", (), ("丙局", "甲局、乙局")),  # two responsible: no lead
    ],
)
def test_it_reads_who_answers_for_a_measure_in_more_phrase_forms(body, lead, support):
    ann = parse_annotation(body)
    assert ann is not None
    assert (ann.lead, ann.support) == (lead, support)


def test_it_keeps_a_position_named_in_a_phrase_out_of_the_units():
    ann = parse_annotation("张三副市长牵头，市发改委、市财政局配合")
    assert ann is not None
    assert ann.leaders == ("张三副市长",)
    assert (ann.lead, ann.support) == ((), ("市发改委、市财政局",))


@pytest.mark.parametrize(
    "body, lead, support, leaders",
    [
        # A position before the name: the person leads nothing, the unit responsible does.
        ("副区长张三牵头，甲局负责，乙局配合", ("甲局",), ("乙局",), ("副区长张三",)),
        ("常务副市长李四，甲局牵头，乙局配合", ("甲局",), ("乙局",), ("常务副市长李四",)),
        # 市长江办 ends like a unit: no person.
        ("市长江办牵头，市水务局配合", ("市长江办",), ("市水务局",), ()),
    ],
)
def test_a_position_written_before_a_name_is_a_person_not_a_unit(body, lead, support, leaders):
    ann = parse_annotation(body)
    assert ann is not None
    assert (ann.lead, ann.support, ann.leaders) == (lead, support, leaders)


@pytest.mark.parametrize(
    "body, lead, support",
    [
        ("牵头单位：甲局，乙局、丙局配合", ("甲局",), ("乙局、丙局",)),
        ("牵头单位：甲局；乙局协助", ("甲局",), ("乙局",)),
        ("牵头单位：甲局，乙局", ("甲局，乙局",), ()),  # no phrase after it: all the label's
    ],
)
def test_a_lead_label_followed_by_a_support_phrase_reads_both(body, lead, support):
    # All three were leads before, the last as 丙局配合 (probe3).
    ann = parse_annotation(body)
    assert ann is not None
    assert (ann.lead, ann.support) == (lead, support)


@pytest.mark.parametrize(
    "body, lead, support",
    [
        ("甲局主责，乙局配合", ("甲局",), ("乙局",)),
        ("甲局、乙局分别牵头，丙局配合", ("甲局", "乙局"), ("丙局",)),
    ],
)
def test_zhuze_and_fenbie_qiantou_mark_the_lead_in_a_phrase(body, lead, support):
    # Read before as the unit 甲局主责 / 乙局分别, said only as odd units.
    ann = parse_annotation(body)
    assert ann is not None
    got = tuple(u for x in ann.lead for u in x.split("、")), ann.support
    assert got == (lead, support)


@pytest.mark.parametrize(
    "body, lead, support",
    [
        ("责任单位：市发改委（牵头）、市财政局、市商务局", ("市发改委",), ("市财政局、市商务局",)),
        ("市发改委(牵头单位)、市财政局", ("市发改委",), ("市财政局",)),
        # 〔牵头〕 and 【牵头】 mark too: a bracketed label needs a value after it.
        ("责任单位：市商务局〔牵头〕、市邮政管理局", ("市商务局",), ("市邮政管理局",)),
        ("责任单位：市邮政管理局、市商务局【牵头】", ("市商务局",), ("市邮政管理局",)),
        ("【牵头单位】市商务局【配合单位】市财政局", ("市商务局",), ("市财政局",)),
        # The others' own marks go too.
        ("责任单位：县委网信办（主办）、县农业农村局（协办）", ("县委网信办",), ("县农业农村局",)),
        ("县发改委（牵头）、县财政局（配合）、县商务局", ("县发改委",), ("县财政局、县商务局",)),
    ],
)
def test_it_reads_a_lead_marked_in_brackets_after_its_name(body, lead, support):
    ann = parse_annotation(body)
    assert ann is not None
    assert (ann.lead, ann.support) == (lead, support)


def test_it_does_not_take_a_later_label_for_part_of_an_unbracketed_annotation():
    text, anns = split_paragraph_annotation(
        "推进改革。牵头单位：甲局。具体要求：按季度报送进展情况。", own_line=False
    )
    assert anns == []
    assert text.endswith("具体要求：按季度报送进展情况。")


def test_it_reads_a_label_with_a_bracketed_unit_word():
    ann = parse_annotation("牵头部门（单位）：甲局；配合部门（单位）：乙局")
    assert ann is not None
    assert (ann.lead, ann.support) == (("甲局",), ("乙局",))


def test_it_reads_a_phrase_given_as_the_value_of_a_label():
    ann = parse_annotation("责任单位：甲局牵头，乙局、丙局配合")
    assert ann is not None
    assert (ann.lead, ann.support) == (("甲局",), ("乙局、丙局",))


def test_it_reads_x_deng_bumen_as_several_units():
    ann = parse_annotation("市发改委等部门负责")
    assert ann is not None
    assert (ann.lead, ann.support) == ((), ("市发改委等部门",))


def test_it_reads_a_label_with_a_remark_in_brackets():
    ann = parse_annotation("责任单位（列第一位者牵头）：甲局、乙局")
    assert ann is not None
    assert ann.support == ("甲局、乙局",)
    assert states_first_is_lead("责任单位（牵头单位列第一位）：甲局、乙局")


@pytest.mark.parametrize(
    "body",
    ["含高新区管委会", "以下简称市发改委", "不含开发区", "国令第722号", "另行部署", "视情调整"],
)
def test_it_does_not_read_a_remark_in_brackets_as_bare_units(body):
    assert bare_units(body) is None


def test_it_reads_a_list_of_unit_names_in_brackets_as_supporting_units():
    ann = bare_units("县发改局、县统计局等部门，2022年底前")
    assert ann is not None
    assert (ann.lead, ann.support, ann.deadline) == (
        (),
        ("县发改局、县统计局等部门",),
        "2022年底前",
    )


# --- an unbracketed role phrase ending the paragraph ------------------------------


def test_it_reads_a_role_phrase_that_ends_the_paragraph_without_brackets():
    text, anns = split_paragraph_annotation(
        "新建幼儿园12所，新增学位3600个。市教育局牵头，市发改委、市财政局配合。", own_line=False
    )
    assert text == "新建幼儿园12所，新增学位3600个。"
    ((ann),) = anns
    assert ann.lead == ("市教育局",) and ann.support == ("市发改委、市财政局",)


def test_a_lone_unit_responsible_in_an_unbracketed_tail_leads():
    _, anns = split_paragraph_annotation("提高普惠性幼儿园覆盖率。市教育局负责。", own_line=False)
    assert [a.lead for a in anns] == [("市教育局",)]


def test_a_role_phrase_on_its_own_line_under_a_measure_is_its_annotation():
    text, anns = split_paragraph_annotation("市住建局牵头，各街道办事处配合。", own_line=True)
    assert text == "" and [a.lead for a in anns] == [("市住建局",)]


@pytest.mark.parametrize(
    "text",
    [
        "建设创新联合体。支持龙头企业牵头，高校院所参与。",  # not units
        "支持龙头企业牵头组建创新联合体。",  # one sentence: the measure itself
        "推进集团化办学。市教育局牵头（试点）。",  # a bracket: not this rule's
    ],
)
def test_it_reads_no_unbracketed_phrase_whose_words_are_not_units(text):
    assert split_paragraph_annotation(text, own_line=False)[1] == []


# --- more phrase forms ----------------------------------------------------------------


@pytest.mark.parametrize(
    "body, lead, support",
    [
        (
            "市发改委为牵头单位，市财政局、市工信局为配合单位",
            ("市发改委",),
            ("市财政局、市工信局",),
        ),
        ("县教育局是牵头部门，县财政局是责任部门", ("县教育局",), ("县财政局",)),
        ("市交通局负总责，市公安局协助", ("市交通局",), ("市公安局",)),
        ("市商务局总牵头，各区政府具体落实", ("市商务局",), ("各区政府",)),
        ("市文旅局牵头负责，市体育局协助配合", ("市文旅局",), ("市体育局",)),
        ("区城管局牵头，各街道积极配合", ("区城管局",), ("各街道",)),
    ],
)
def test_it_reads_the_role_named_in_other_words(body, lead, support):
    ann = parse_annotation(body)
    assert ann is not None
    assert (ann.lead, ann.support) == (lead, support)


def test_bracketed_labels_after_the_last_sentence_are_the_annotation():
    text, anns = split_paragraph_annotation(
        "建设高标准农田。【牵头单位】市农业农村局【配合单位】市水利局", own_line=False
    )
    assert text == "建设高标准农田。"
    assert [(a.lead, a.support) for a in anns] == [(("市农业农村局",), ("市水利局",))]


def test_a_whole_annotation_in_lenticular_brackets_still_reads_as_before():
    _, anns = split_paragraph_annotation(
        "实施技改。【牵头单位：市工信局；配合单位：市财政局】", own_line=False
    )
    assert [(a.lead, a.support) for a in anns] == [(("市工信局",), ("市财政局",))]


@pytest.mark.parametrize(
    "line, value",
    [
        ("牵头单位：市发改委、市财政局（按职责分工负责）", ("市发改委、市财政局",)),
        ("责任单位：市住建局、市城管局（列第一位的为牵头单位）", ("市住建局、市城管局",)),
        (
            "责任单位：县委组织部（县委人才办）",
            ("县委组织部（县委人才办）",),
        ),  # a second name stays
    ],
)
def test_a_bracket_saying_how_units_share_the_work_is_no_part_of_a_unit(line, value):
    ann = parse_annotation(line, line=True)
    assert ann is not None
    assert (*ann.lead, *ann.support) == value


@pytest.mark.parametrize(
    "body, lead, support",
    [
        ("牵头股室：县局办公室；责任股室：县局财务股", ("县局办公室",), ("县局财务股",)),
        ("落实单位：县住建局、县城管局", (), ("县住建局、县城管局",)),
        ("实施单位：县交通局", (), ("县交通局",)),
        # Beside a 配合 label the 负责 one leads (as a 责任单位 column beside
        # a 配合单位 column); alone it names no lead (落实单位, 实施单位 above).
        ("主要负责单位：县卫健局；配合单位：县医保局", ("县卫健局",), ("县医保局",)),
        ("牵头负责单位：县发改局", ("县发改局",), ()),  # the longer label still leads
    ],
)
def test_it_reads_more_label_words(body, lead, support):
    ann = parse_annotation(body)
    assert ann is not None
    assert (ann.lead, ann.support) == (lead, support)


def test_an_enumeration_comma_after_a_role_marker_ends_the_clause():
    ann = parse_annotation("县民政局牵头、县残联配合")
    assert ann is not None
    assert (ann.lead, ann.support) == (("县民政局",), ("县残联",))
    # before the marker it still joins units: A、B牵头负责
    ann = parse_annotation("县民政局、县残联牵头负责")
    assert ann is not None and ann.lead == ("县民政局、县残联",)


# --- a deadline bracket after the annotation ------------------------------------------------


@pytest.mark.parametrize("due", ["2024年9月底前", "长期坚持", "完成时限：2024年底前"])
def test_it_reads_the_annotation_before_a_bracket_that_only_gives_the_deadline(due):
    text, ann = split_trailing_annotation(
        f"淘汰燃煤锅炉。（牵头领导：张三；牵头单位：市甲局；责任单位：市乙局、市丙局）（{due}）"
    )
    assert text == "淘汰燃煤锅炉。"
    assert ann is not None
    assert (ann.lead, ann.support, ann.leaders) == (("市甲局",), ("市乙局、市丙局",), ("张三",))
    assert ann.deadline is not None and ann.deadline.endswith(due.split("：")[-1])


def test_a_deadline_bracket_after_plain_text_is_no_annotation():
    _text, ann = split_trailing_annotation("淘汰燃煤锅炉（含工业窑炉）（2024年9月底前）")
    assert ann is None


def test_a_label_inside_a_closed_bracket_is_no_unbracketed_tail():
    # The label after 牵头领导：张三； sits inside the bracket: the bracket is
    # the annotation, and the remark after it is no part of a unit.
    text, anns = split_paragraph_annotation(
        "推进改革。（牵头领导：张三；牵头单位：市甲局）（按季度报送进展）", own_line=False
    )
    assert [(a.lead, a.leaders) for a in anns] == [(("市甲局",), ("张三",))]
    assert text.startswith("推进改革。")


def test_it_reads_a_labelled_annotation_in_brackets_on_its_own_line():
    _, anns = split_paragraph_annotation(
        "（牵头单位：镇甲办；配合单位：镇乙所、各村委会）", own_line=True
    )
    assert [(a.lead, a.support) for a in anns] == [(("镇甲办",), ("镇乙所、各村委会",))]


def test_bare_units_are_no_labelled_list():
    assert bare_units("牵头单位：镇甲办；配合单位：镇乙所") is None


# --- who supervises, and a lead picked out of the list -------------------------------------


@pytest.mark.parametrize("label", ["督办单位", "督查部门", "督导单位"])
def test_a_supervising_office_is_no_unit_of_the_measure(label):
    ann = parse_annotation(f"{label}：市委改革办；牵头单位：市国资委；配合单位：市财政局")
    assert ann is not None
    assert (ann.lead, ann.support) == (("市国资委",), ("市财政局",))


def test_a_lead_named_again_after_the_list_is_picked_out_of_it():
    ann = parse_annotation("责任单位：市城管局、市司法局、市编办，市城管局牵头")
    assert ann is not None
    assert ann.lead == ("市城管局",)
    assert ann.support == ("市司法局、市编办",)


def test_a_lead_after_other_units_still_leads_with_them():
    # A，B牵头: both lead (no unit named twice).
    ann = parse_annotation("市城管局，市司法局牵头")
    assert ann is not None
    assert ann.lead == ("市城管局", "市司法局")


@pytest.mark.parametrize(
    "body, lead, support",
    [
        ("责任单位：县发展改革局、县财政局按职责分工负责", (), ("县发展改革局、县财政局",)),
        ("责任单位：县发展改革局、县财政局分工负责。", (), ("县发展改革局、县财政局",)),
        ("配合单位：县财政局、县人社局协助", (), ("县财政局、县人社局",)),
        ("责任单位：县财政局、各乡镇按职责分工负责", (), ("县财政局、各乡镇",)),
        # The deadline last: the marker is cut from the list before it.
        ("责任单位：县教育局，县人社局按职责分工负责，2023年底前完成", (), ("县教育局，县人社局",)),
        ("牵头单位：县财政局、县人社局按职责分工负责", ("县财政局、县人社局",), ()),
        # Under a lead label a support marker is not stripped: it is no label's role.
        ("牵头单位：县财政局；配合单位：县人社局", ("县财政局",), ("县人社局",)),
    ],
)
def test_a_marker_ending_a_labelled_list_is_no_part_of_its_last_unit(body, lead, support):
    ann = parse_annotation(body)
    assert ann is not None
    assert (ann.lead, ann.support) == (lead, support)


@pytest.mark.parametrize(
    "body, lead, support, deadline, leaders",
    [
        (
            "县城管局牵头，县住建局配合；完成时限：2022年底",
            ("县城管局",),
            ("县住建局",),
            "2022年底",
            (),
        ),
        (
            "县人社局牵头；配合单位：县财政局、县总工会",
            ("县人社局",),
            ("县财政局、县总工会",),
            None,
            (),
        ),
        (
            "县城管局牵头，县住建局配合；责任领导：陈刚",
            ("县城管局",),
            ("县住建局",),
            None,
            ("陈刚",),
        ),
    ],
)
def test_a_phrase_followed_by_labelled_clauses_reads_both(body, lead, support, deadline, leaders):
    ann = parse_annotation(body)
    assert ann is not None
    assert (ann.lead, ann.support, ann.deadline, ann.leaders) == (lead, support, deadline, leaders)
    assert ann.written == body


def test_text_before_a_label_that_is_no_phrase_is_no_annotation():
    assert parse_annotation("含各乡镇；牵头单位：县财政局") is None


@pytest.mark.parametrize(
    "body, lead, support",
    [
        ("国网某县供电公司负责实施", ("国网某县供电公司",), ()),
        (
            "县交通运输局牵头，县公安局配合，各乡镇具体实施",
            ("县交通运输局",),
            ("县公安局", "各乡镇"),
        ),
        ("县住建局牵头，县应急局、各乡镇共同推进", ("县住建局",), ("县应急局、各乡镇",)),
        ("县财政局牵头负责实施，县人社局配合", ("县财政局",), ("县人社局",)),
    ],
)
def test_more_verbs_of_carrying_a_measure_out_end_a_clause(body, lead, support):
    ann = parse_annotation(body)
    assert ann is not None
    assert (ann.lead, ann.support) == (lead, support)


@pytest.mark.parametrize("label", ["指导部门", "监督单位"])
def test_who_guides_or_oversees_a_measure_is_no_unit_of_it(label):
    ann = parse_annotation(f"牵头单位：县发改局；{label}：市发改委")
    assert ann is not None
    assert (ann.lead, ann.support) == (("县发改局",), ())


def test_the_first_is_lead_convention_without_a_unit_word():
    assert states_first_is_lead("涉及多个单位的，第一个为牵头单位")


# --- an annotation alone on the line under the body, written as a phrase ---------


@pytest.mark.parametrize(
    "line, lead, support",
    [
        ("（县甲局、县乙局、县丙局等负责）", (), ("县甲局、县乙局、县丙局等",)),
        ("（县甲局负责）", ("县甲局",), ()),
        ("（县甲局、县乙局按职责分工负责）", (), ("县甲局、县乙局",)),
    ],
)
def test_a_phrase_alone_on_its_line_is_read_as_a_phrase_not_as_bare_names(line, lead, support):
    _, anns = split_paragraph_annotation(line, own_line=True)
    assert [(a.lead, a.support) for a in anns] == [(lead, support)]


def test_a_role_marker_after_x_deng_is_no_part_of_a_bare_unit_list():
    assert bare_units("县甲局、县乙局等负责") is None
    assert bare_units("县甲局、县乙局等部门") is not None


# --- an explicit 牵头 after a list: every unit before it leads ---------------------


@pytest.mark.parametrize(
    "body, lead, support",
    [
        ("县甲局、县乙局牵头，县丙局、县丁局", ("县甲局、县乙局",), ("县丙局、县丁局",)),
        ("责任单位：县甲局、县乙局牵头，县丙局、县丁局", ("县甲局、县乙局",), ("县丙局、县丁局",)),
        ("县甲局牵头，县乙局配合，各乡镇政府", ("县甲局",), ("县乙局", "各乡镇政府")),
    ],
)
def test_units_after_the_last_role_marker_support_it(body, lead, support):
    ann = parse_annotation(body)
    assert ann is not None
    assert (ann.lead, ann.support) == (lead, support)


def test_words_after_the_last_role_marker_that_are_no_units_make_no_annotation():
    assert parse_annotation("县甲局牵头，确保按期完成") is None


def test_an_explicit_lead_beats_a_convention_stated_in_the_same_annotation():
    import policy_parse

    notice = policy_parse.parse_text(
        "一、任务\n1.推进改革。\n"
        "责任单位：县甲局、县乙局牵头，县丙局、县丁局（列第一位的为牵头单位，下同）\n"
        "2.优化服务。\n责任单位：县戊局、县己局\n"
    )
    got = [([u.name for u in m.lead], [u.name for u in m.support]) for m in notice.measures]
    assert got == [(["县甲局", "县乙局"], ["县丙局", "县丁局"]), (["县戊局"], ["县己局"])]


def test_levels_waiting_for_the_body_the_last_one_names_are_bare_units():
    ann = bare_units("县发改委、农委，各市（县）、区政府")
    assert ann is not None
    assert ann.support == ("县发改委、农委，各市（县）、区政府",)


@pytest.mark.parametrize("body", ["各市（县）、2022年", "各县、市", "甲乙、区政府"])
def test_a_level_with_no_body_after_it_is_no_bare_unit(body):
    assert bare_units(body) is None


# --- labels and persons by structure -------------------------------------------------


@pytest.mark.parametrize(
    "body, lead, support",
    [
        ("共同责任单位：县甲局、县乙局", (), ("县甲局、县乙局",)),
        ("牵头实施单位：县甲局；协同推进部门：县乙局", ("县甲局",), ("县乙局",)),
        ("主责科室：办公室；其他配合科室：财务科", ("办公室",), ("财务科",)),
        ("具体承办处室：县甲局", (), ("县甲局",)),
    ],
)
def test_any_label_ending_in_a_unit_word_is_a_unit_label_its_role_from_its_words(
    body, lead, support
):
    ann = parse_annotation(body)
    assert ann is not None
    assert (ann.lead, ann.support) == (lead, support)


@pytest.mark.parametrize(
    "body, leaders",
    [
        ("分管同志：张三；牵头单位：县甲局", ("张三",)),
        ("包联县领导：李四；牵头单位：县甲局", ("李四",)),
        ("联系副县长：王五；牵头单位：县甲局", ("王五",)),
    ],
)
def test_a_person_label_is_known_by_its_form(body, leaders):
    ann = parse_annotation(body)
    assert ann is not None
    assert (ann.lead, ann.support, ann.leaders) == (("县甲局",), (), leaders)


@pytest.mark.parametrize("tail", ["其中县城管局牵头", "其中县城管局为牵头单位"])
def test_a_lead_named_after_qizhong_among_the_listed_units_leads_and_the_rest_support(tail):
    # （A、B、C负责，其中A牵头）: 其中 ("among them") is no part of the unit's name.
    text = f"某县任务分工\n一、任务\n1.推进垃圾分类。（县城管局、县农业局、县财政局负责，{tail}）\n"
    (m,) = policy_parse.parse_text(text).measures
    assert [u.name for u in m.lead] == ["县城管局"]
    assert sorted(u.name for u in m.support) == ["县农业局", "县财政局"]


# --- a space for the colon (probe4) -------------------------------------------------------


def test_it_reads_spaced_labels_in_a_bracket():
    ann = parse_annotation("牵头单位 甲局；责任单位 乙局、丙局")
    assert ann is not None
    assert (ann.lead, ann.support) == (("甲局",), ("乙局、丙局",))


def test_spaced_label_lines_under_a_measure_name_its_units():
    # Before, 牵头单位　甲局 was no label: the measure named no unit.
    notice = policy_parse.parse_text(
        "方案\n一、任务\n1.推进改革，完成试点。\n牵头单位\u3000甲局\n配合单位\u3000乙局、丙局\n"
    )
    (m,) = notice.measures
    assert [u.name for u in m.lead] == ["甲局"]
    assert [u.name for u in m.support] == ["乙局", "丙局"]


def test_a_unit_label_joined_to_a_persons_label_reads_both():
    # 牵头单位及责任人：甲局（张三） was read as a persons label: the lead was lost.
    ann = parse_annotation("牵头单位及责任人：甲局（张三）；配合单位及负责人：乙局（李四）、丙局")
    assert ann is not None
    assert (ann.lead, ann.support) == (("甲局",), ("乙局、丙局",))
    assert ann.leaders == ("张三", "李四")


@pytest.mark.parametrize("label", ["时间", "截止时间", "进度安排"])
def test_a_deadline_column_word_is_a_deadline_label_too(label):
    # （…；时间：2026年底前） gave a supporting unit named 时间：2026年底前 (probe4).
    ann = parse_annotation(f"牵头单位：甲局；配合单位：乙局；{label}：2026年底前")
    assert ann is not None
    assert (ann.lead, ann.support, ann.deadline) == (("甲局",), ("乙局",), "2026年底前")


def test_a_person_label_in_a_bracket_after_a_unit_is_that_units_person():
    # 牵头单位：甲局（负责人：张三） was cut at 负责人： — lead 甲局（ (probe4).
    ann = parse_annotation("牵头单位：甲局（负责人：张三）；配合单位：乙局（分管领导：李四）、丙局")
    assert ann is not None
    assert (ann.lead, ann.support) == (("甲局",), ("乙局、丙局",))
    assert ann.leaders == ("张三", "李四")


def test_a_bracket_after_a_unit_that_is_no_person_label_stays_in_its_name():
    ann = parse_annotation("牵头单位：甲局（乙办）；配合单位：丙局")
    assert ann is not None
    assert (ann.lead, ann.leaders) == (("甲局（乙办）",), ())


def test_a_person_label_then_a_phrase_with_no_label_reads_both():
    # （责任领导：张三；甲局牵头，乙局配合）: all of it was the person (probe4).
    ann = parse_annotation("责任领导：张三；甲局牵头，乙局配合")
    assert ann is not None
    assert (ann.lead, ann.support, ann.leaders) == (("甲局",), ("乙局",), ("张三",))


def test_a_person_label_whose_value_holds_no_phrase_keeps_it_whole():
    ann = parse_annotation("责任领导：张三；李四")
    assert ann is not None
    assert (ann.lead, ann.support, ann.leaders) == ((), (), ("张三；李四",))


@pytest.mark.parametrize(
    "body, lead, support",
    [
        # probe4: the bracket was glued to the last unit's name.
        ("牵头单位：甲局、乙局（分别牵头）；配合单位：丙局", ("甲局、乙局",), ("丙局",)),
        ("责任单位：甲局、乙局、丙局（甲局为牵头单位）", ("甲局",), ("乙局、丙局",)),
        # A bare role word marks the unit before it, not the list.
        ("责任单位：甲局、乙局（牵头）", ("乙局",), ("甲局",)),
        # A bracket naming a unit not in the list says nothing of the list.
        ("责任单位：甲局、乙局（丙局牵头）", (), ("甲局、乙局（丙局牵头）",)),
    ],
)
def test_a_closing_bracket_that_says_who_leads_the_list(body, lead, support):
    ann = parse_annotation(body)
    assert ann is not None
    assert (ann.lead, ann.support) == (lead, support)


@pytest.mark.parametrize(
    "body, lead, support",
    [
        # probe4: a clause opening with 会同 named no role; the annotation was not read.
        ("由甲局牵头，会同乙局、丙局推进", ("甲局",), ("乙局、丙局",)),
        ("甲局牵头，会同乙局", ("甲局",), ("乙局",)),
        # the one-character shorthand of a dense list
        ("主：甲局；协：乙局、丙局", ("甲局",), ("乙局、丙局",)),
    ],
)
def test_partners_after_huitong_and_the_zhu_xie_shorthand(body, lead, support):
    ann = parse_annotation(body)
    assert ann is not None
    assert (ann.lead, ann.support) == (lead, support)


def test_a_huitong_clause_with_no_lead_before_it_is_no_annotation():
    assert parse_annotation("会同甲局推进") is None


# A sign against a unit's name marks the lead (标★的为牵头单位): data/annotations.toml lead_signs.
@pytest.mark.parametrize(
    ("body", "lead", "support"),
    [
        ("县发改局★、县财政局、县自然资源局", ("县发改局",), ("县财政局、县自然资源局",)),
        ("★县住建局、县城管局", ("县住建局",), ("县城管局",)),
        ("县政务服务中心*、县市场监管局", ("县政务服务中心",), ("县市场监管局",)),
        ("县发改局※", ("县发改局",), ()),
    ],
)
def test_a_sign_against_a_name_in_bare_units_marks_the_lead(body, lead, support):
    ann = bare_units(body)
    assert ann is not None
    assert (ann.lead, ann.support) == (lead, support)


def test_a_sign_in_a_labelled_list_marks_the_lead():
    ann = parse_annotation("责任单位：县发改局★、县财政局")
    assert ann is not None
    assert (ann.lead, ann.support) == (("县发改局",), ("县财政局",))


def test_a_sign_that_marks_no_name_is_no_annotation():
    assert bare_units("★") is None
    assert bare_units("详见附件★") is None


def test_a_notice_marking_its_leads_with_stars_gets_them():
    notice = policy_parse.parse_text(
        "某县重点工作任务分工方案\n（标注★的为牵头单位）\n一、扩大有效投资\n"
        "1.加快重大项目建设。（县发改局★、县财政局）\n"
        "2.推进城市更新。（县住建局★、县城管局）\n"
    )
    got = [([u.name for u in m.lead], [u.name for u in m.support]) for m in notice.measures]
    assert got == [(["县发改局"], ["县财政局"]), (["县住建局"], ["县城管局"])]


@pytest.mark.parametrize(
    ("body", "lead", "support"),
    [
        # 第一责任 names the first responsible, the lead; 其他责任 the rest.
        ("第一责任单位：县发改局；其他责任单位：县财政局", ("县发改局",), ("县财政局",)),
        # 总 before the role word, as 共同 / 其他 stand there.
        ("总牵头单位：县发改局；协办部门：县财政局", ("县发改局",), ("县财政局",)),
    ],
)
def test_it_reads_the_rarer_label_words(body, lead, support):
    ann = parse_annotation(body)
    assert ann is not None
    assert (ann.lead, ann.support) == (lead, support)


@pytest.mark.parametrize(
    ("tail", "lead", "support"),
    [
        # A bracketed marker of how the list shares the work, inside the bracket.
        ("（县委组织部、县发改局（按职责分工负责））", [], ["县委组织部", "县发改局"]),
        ("（县委组织部、县发改局〔按职责分工负责〕）", [], ["县委组织部", "县发改局"]),
        ("（县委组织部、县发改局（配合））", [], ["县委组织部", "县发改局"]),
        # A unit written with its second name, alone or in a list.
        ("（县委组织部（县委人才办））", [], ["县委组织部（县委人才办）"]),
        ("（县委组织部（县委人才办）、县人社局）", [], ["县委组织部（县委人才办）", "县人社局"]),
    ],
)
def test_a_bracket_inside_a_bare_list_does_not_hide_its_units(tail, lead, support):
    notice = policy_parse.parse_text(
        f"某县重点工作分工方案\n一、任务\n1.加快重大项目建设。{tail}\n"
        "2.推进城市更新。（县住建局牵头）\n3.抓好粮食生产。（县农业农村局牵头）\n"
    )
    first = notice.measures[0]
    assert ([u.written for u in first.lead], [u.written for u in first.support]) == (lead, support)
    assert first.text == "加快重大项目建设。"


@pytest.mark.parametrize("body", ["社会服务机构", "含高新区管委会", "县委人才办（试行）"])
def test_a_bracket_after_a_name_that_is_no_second_name_is_no_unit(body):
    assert bare_units(body) is None


def test_a_label_after_a_comma_that_runs_to_the_end_is_the_annotation():
    text, anns = split_paragraph_annotation(
        "加快重大项目建设，牵头单位：县发改局，配合单位：县财政局。", own_line=False
    )
    assert text == "加快重大项目建设，"
    assert [(a.lead, a.support) for a in anns] == [(("县发改局",), ("县财政局",))]


def test_a_label_word_after_a_comma_that_names_no_unit_stays_text():
    text, anns = split_paragraph_annotation(
        "加快重大项目建设，明确各牵头单位：要加强调度。", own_line=False
    )
    assert anns == [] and text == "加快重大项目建设，明确各牵头单位：要加强调度。"


@pytest.mark.parametrize(
    "body, lead, support, deadline",
    [
        # A deadline before the labels (it made the bracket no annotation).
        (
            "2026年底前完成；牵头单位：乙县甲局；配合单位：乙县乙局",
            ("乙县甲局",),
            ("乙县乙局",),
            "2026年底前完成",
        ),
        # Bare role labels beyond 牵头/配合: 协助：B was read into the lead's name.
        ("牵头：乙县甲局；协助：乙县乙局", ("乙县甲局",), ("乙县乙局",), None),
        ("牵头：乙县甲局；协同：乙县乙局", ("乙县甲局",), ("乙县乙局",), None),
        # A remark that the order means nothing is no part of the last name.
        (
            "牵头单位：乙县甲局；责任单位：乙县乙局、乙县丙局（排名不分先后）",
            ("乙县甲局",),
            ("乙县乙局、乙县丙局",),
            None,
        ),
        # 排名第一的为总牵头 states the first-listed convention, a remark too.
        ("牵头单位：乙县甲局、乙县乙局（排名第一的为总牵头）", ("乙县甲局、乙县乙局",), (), None),
    ],
)
def test_labels_with_a_leading_deadline_bare_roles_or_an_order_remark(
    body, lead, support, deadline
):
    ann = parse_annotation(body)
    assert ann is not None
    assert (ann.lead, ann.support, ann.deadline) == (lead, support, deadline)


def test_leaders_parted_by_a_space_leave_the_phrase_its_units():
    # 分管副省长 协管副秘书长负责: the space read as a leader label's colon left
    # the body's units unread (every measure of such a notice had none,
    # silent); the phrase the body also is names them.
    ann = parse_annotation("分管副省长 协管副秘书长负责，省甲厅牵头")
    assert ann is not None
    assert (ann.lead, ann.support) == (("省甲厅",), ())
    assert ann.leaders


@pytest.mark.parametrize(
    ("body", "lead", "support"),
    [
        (
            "以丁区住建局为主，丁区财政局、丁区城管委配合",
            ("丁区住建局",),
            ("丁区财政局、丁区城管委",),
        ),
        ("以丁区住建局为主导，丁区财政局参与", ("丁区住建局",), ("丁区财政局",)),
    ],
)
def test_a_lead_framed_by_yi_weizhu_leads(body, lead, support):
    ann = parse_annotation(body)
    assert ann is not None
    assert (ann.lead, ann.support) == (lead, support)


@pytest.mark.parametrize("remark", ["以企业为主体", "以政府为主", "以财政投入为主"])
def test_a_yi_weizhu_remark_names_no_lead(remark):
    ann = parse_annotation(remark)
    assert ann is None or not ann.lead


@pytest.mark.parametrize(
    ("body", "lead", "support"),
    [
        ("丁区甲局主要负责，丁区乙局配合", ("丁区甲局",), ("丁区乙局",)),
        ("丁区甲局负责牵头，丁区乙局配合", ("丁区甲局",), ("丁区乙局",)),
        ("丁区甲局统筹，丁区乙局配合", ("丁区甲局",), ("丁区乙局",)),
        ("丁区甲局领衔，丁区乙局参与", ("丁区甲局",), ("丁区乙局",)),
        ("丁区甲局负责统筹协调，丁区乙局配合", ("丁区甲局",), ("丁区乙局",)),
        ("丁区甲局牵头统筹，丁区乙局配合", ("丁区甲局",), ("丁区乙局",)),
        # 分别由 was kept in the first lead's name (分别由丁区甲局), unsaid.
        ("分别由丁区甲局、丁区乙局牵头，丁区丙局配合", ("丁区甲局、丁区乙局",), ("丁区丙局",)),
        ("丁区甲局、丁区乙局按照职能分工负责", (), ("丁区甲局、丁区乙局",)),
    ],
)
def test_more_lead_words_and_prefixes(body, lead, support):
    ann = parse_annotation(body)
    assert ann is not None
    assert (ann.lead, ann.support) == (lead, support)


@pytest.mark.parametrize("remark", ["城乡统筹", "县级统筹", "市级统筹协调", "省级领衔"])
def test_a_remark_ending_in_a_strict_lead_word_leads_nothing(remark):
    ann = parse_annotation(remark)
    assert ann is None or not ann.lead


@pytest.mark.parametrize(
    ("body", "lead", "support"),
    [
        (
            "牵头单位为丁县甲局，配合单位为丁县乙局、丁县丙局",
            ("丁县甲局",),
            ("丁县乙局、丁县丙局",),
        ),
        ("责任单位为丁县甲局", (), ("丁县甲局",)),
    ],
)
def test_wei_stands_for_a_labels_colon(body, lead, support):
    # 牵头单位为A: read as one odd unit 牵头单位为丁县甲局 (said, not read).
    ann = parse_annotation(body)
    assert ann is not None
    assert (ann.lead, ann.support) == (lead, support)


@pytest.mark.parametrize(
    ("clause", "deadline"),
    [
        ("常态化推进", "常态化推进"),
        ("全年", "全年"),
        ("长期", "长期"),
        ("2025年底前完成并长期坚持", "2025年底前完成并长期坚持"),
        # probe9: each of these left the whole annotation unread
        ("2024年起长期坚持", "2024年起长期坚持"),
        ("2025年3月起", "2025年3月起"),
        ("2025年6月起实施", "2025年6月起实施"),
        ("2026年6月底前全面完成", "2026年6月底前全面完成"),
        # two steps: both kept, as written
        ("2025年6月底前启动，年底前完成", "2025年6月底前启动，年底前完成"),
    ],
)
def test_more_deadline_clauses_close_a_phrase(clause, deadline):
    # The whole annotation was unread (unread_annotation): the clause left over.
    ann = parse_annotation(f"丁镇甲站牵头，丁镇乙所配合，{clause}")
    assert ann is not None
    assert (ann.lead, ann.support, ann.deadline) == (("丁镇甲站",), ("丁镇乙所",), deadline)


def test_a_deadline_closing_a_leader_label_is_no_part_of_the_person():
    # 分管领导：刘副市长，每年 gave the leader 刘副市长，每年 and no deadline (probe9)
    ann = parse_annotation("丁县甲局负责，分管领导：刘副县长，每年")
    assert ann is not None
    assert (ann.lead, ann.leaders, ann.deadline) == (("丁县甲局",), ("刘副县长",), "每年")


def test_a_deadline_as_a_sentence_of_its_own_after_the_phrase_is_read():
    # （A牵头，B配合。2025年底前完成）: the sentence after 。 was dropped from the deadline
    ann = parse_annotation("丁县甲局牵头，丁县乙局配合。2025年底前完成")
    assert ann is not None
    assert (ann.lead, ann.support, ann.deadline) == (("丁县甲局",), ("丁县乙局",), "2025年底前完成")
    # any other sentence after 。 is still no unit and no deadline
    ann = parse_annotation("丁县甲局牵头，丁县乙局配合。各地要加强督促")
    assert ann is not None and ann.deadline is None and ann.support == ("丁县乙局",)


@pytest.mark.parametrize(
    "body",
    [
        "丁县甲局牵头 丁县乙局配合",  # a space for the comma (probe9: one odd unit)
        "丁县甲局牵头\u3000丁县乙局配合",
        "丁县甲局负责牵头，丁县乙局负责配合",  # 负责配合 (probe9: 丁县乙局负责 a unit)
    ],
)
def test_phrase_clauses_apart_by_a_space_or_with_fuzeze_peihe_are_read(body):
    ann = parse_annotation(body)
    assert ann is not None
    assert (ann.lead, ann.support) == (("丁县甲局",), ("丁县乙局",))


def test_a_closing_bracket_is_read_with_qizhong_only_after_a_list_of_units():
    # hostile4: 县甲局、县乙局、开展工作（县甲局负责） — a line run into the
    # list — was read as …，其中县甲局负责, and 其中县甲局 became a unit.
    notice = policy_parse.parse_text(
        "分工方案\n1.推进工作\n配合单位：县甲局、县乙局、开展工作（县甲局负责）\n"
    )
    (measure,) = notice.measures
    names = [u.written for u in (*measure.lead, *measure.support)]
    assert "县乙局" in names and not any(n.startswith("其中") for n in names)

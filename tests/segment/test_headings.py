"""segment/headings.py: a heading that names the lead of the items under it."""

from __future__ import annotations

import pytest

import policy_parse
from policy_parse import Evidence
from policy_parse.segment.headings import title_lead

# Invented: each part names its lead in its title (一、X牵头工作).
TITLE_LEADS = """\
关于印发某某工作分工方案的通知
一、甲区发展改革局牵头工作
1.推进项目审批改革，压缩审批时限。（配合单位：甲区财政局）
2.完善投资项目储备机制，建立项目库。
二、甲区住房建设局牵头工作
3.推进老旧小区改造。（配合单位：甲区城管局、甲区财政局）
4.加快保障性住房建设。（甲区城管局牵头，甲区财政局配合）
"""

# Invented: each section names its lead on a label line under its title.
LABEL_LEADS = """\
关于印发某某工作分工方案的通知
（一）优化营商环境
牵头单位：乙市发展改革委
1.深化审批制度改革，压缩办理时限。（配合单位：乙市政务服务局）
2.开展营商环境评价，发布评价报告。
（二）强化要素保障
牵头单位：乙市财政局
3.加大财政资金支持力度。（配合单位：乙市税务局）
4.健全融资担保体系。（乙市金融局牵头，乙市财政局配合）
"""


def _read(text: str) -> dict[str, tuple[list[str], list[str], Evidence]]:
    notice = policy_parse.parse_text(text)
    return {
        m.id: ([u.name for u in m.lead], [u.name for u in m.support], m.evidence)
        for m in notice.measures
    }


def test_a_heading_titled_x_leads_gives_x_to_its_items_that_name_no_lead():
    assert _read(TITLE_LEADS) == {
        "1": (["甲区发展改革局"], ["甲区财政局"], Evidence.SECTION),
        "2": (["甲区发展改革局"], [], Evidence.SECTION),
        "3": (["甲区住房建设局"], ["甲区城管局", "甲区财政局"], Evidence.SECTION),
        # An item that names its own lead keeps it.
        "4": (["甲区城管局"], ["甲区财政局"], Evidence.ANNOTATION),
    }


def test_a_lead_label_line_under_a_section_title_leads_its_items_and_is_no_measure():
    assert _read(LABEL_LEADS) == {
        "1": (["乙市发展改革委"], ["乙市政务服务局"], Evidence.SECTION),
        "2": (["乙市发展改革委"], [], Evidence.SECTION),
        "3": (["乙市财政局"], ["乙市税务局"], Evidence.SECTION),
        "4": (["乙市金融局"], ["乙市财政局"], Evidence.ANNOTATION),
    }


def test_a_person_in_a_heading_title_leads_nothing():
    text = TITLE_LEADS.replace("一、甲区发展改革局牵头工作", "一、张三区长主抓工作")
    read = _read(text)
    assert read["2"] == ([], [], Evidence.NONE)
    assert read["1"] == ([], ["甲区财政局"], Evidence.ANNOTATION)


def test_a_title_that_is_a_task_and_not_a_unit_names_no_lead():
    # 支持龙头企业牵头 ends like no unit: a topic, not a lead.
    text = TITLE_LEADS.replace("一、甲区发展改革局牵头工作", "一、支持龙头企业牵头组建联合体")
    assert _read(text)["2"] == ([], [], Evidence.NONE)


def test_the_heading_lead_is_kept_as_residue_with_its_reason():
    notice = policy_parse.parse_text(LABEL_LEADS)
    reasons = {r.text: r.reason for r in notice.residue}
    assert "lead of the items under" in reasons["牵头单位：乙市发展改革委"]


def test_every_output_names_the_section_evidence():
    notice = policy_parse.parse_text(TITLE_LEADS)
    records = policy_parse.to_dict(notice)["measures"]
    assert [r["evidence"] for r in records] == ["section", "section", "section", "annotation"]
    assert "标题" in policy_parse.to_csv(notice) or "章节" in policy_parse.to_csv(notice)


# Invented: each section closes its title with a lead-only annotation; its
# items name supporting units only.
BRACKET_LEADS = """\
关于印发某某工作分工方案的通知
（一）优化创新生态（牵头单位：丙区科技局）
1.建设众创空间。（配合单位：丙区财政局）
2.举办创新创业大赛。（配合单位：丙区人社局）
（二）提升城市品质（牵头单位：丙区住建局）
3.建设口袋公园。（配合单位：丙区城管局）
"""


def test_a_lead_only_annotation_closing_a_heading_leads_its_items():
    # Read as measure 1 with sub-measures 1-1, 1-2, this lost the pairing unsaid.
    assert _read(BRACKET_LEADS) == {
        "1": (["丙区科技局"], ["丙区财政局"], Evidence.SECTION),
        "2": (["丙区科技局"], ["丙区人社局"], Evidence.SECTION),
        "3": (["丙区住建局"], ["丙区城管局"], Evidence.SECTION),
    }


def test_a_heading_annotation_over_items_with_leads_of_their_own_stays_a_measure():
    # Numbered again under each heading, the items are the heading's details.
    text = BRACKET_LEADS.replace("（配合单位：丙区财政局）", "（牵头单位：丙区财政局）")
    text = text.replace("3.建设口袋公园", "1.建设口袋公园")
    assert "1" in _read(text) and "1-1" in _read(text)


def test_items_with_leads_of_their_own_numbered_on_across_headings_are_measures():
    # Numbered on (1 2 | 3) they were read as 1-1, 1-2 and 2-3 (probe5's
    # reading): the items are the measures, an item's own lead wins.
    text = BRACKET_LEADS.replace("（配合单位：丙区财政局）", "（牵头单位：丙区财政局）")
    assert _read(text) == {
        "1": (["丙区财政局"], [], Evidence.ANNOTATION),
        "2": (["丙区科技局"], ["丙区人社局"], Evidence.SECTION),
        "3": (["丙区住建局"], ["丙区城管局"], Evidence.SECTION),
    }


@pytest.mark.parametrize("title", ["甲局牵头", "由甲局牵头"])
def test_a_title_that_is_a_lead_phrase_alone_names_the_lead(title):
    # 一、甲局牵头 with no 工作/任务 after it led nothing (probe4).
    assert title_lead(title) == ("甲局",)


def test_a_task_title_ending_in_qiantou_leads_nothing():
    assert title_lead("支持龙头企业牵头") == ()


# Invented: each section's title closes with the units of the items under it,
# which name none of their own; numbering runs on across the sections.
BRACKET_UNITS = """\
关于印发某某工作方案的通知
（一）推进甲事项（丁县发改局牵头，丁县工信局配合）
1.实施甲类项目十个。
2.培育乙类企业五家。
（二）保障乙事项（牵头单位：丁县财政局；配合单位：丁县人社局）
3.设立专项资金。
"""


def test_units_closing_a_section_title_are_its_unannotated_items_units():
    assert _read(BRACKET_UNITS) == {
        "1": (["丁县发改局"], ["丁县工信局"], Evidence.SECTION),
        "2": (["丁县发改局"], ["丁县工信局"], Evidence.SECTION),
        "3": (["丁县财政局"], ["丁县人社局"], Evidence.SECTION),
    }


def test_a_measure_over_unannotated_details_keeps_its_own_units():
    # 1.（A牵头，B配合） over （1）（2）: a measure with its details, not a
    # heading handing its units down (1. is no heading style).
    text = (
        "关于印发某某工作方案的通知\n"
        "1.推进甲事项。（丁县发改局牵头，丁县工信局配合）\n"
        "（1）实施甲类项目。\n"
        "（2）培育乙类企业。\n"
        "2.保障乙事项。（丁县财政局牵头，丁县人社局配合）\n"
    )
    got = _read(text)
    assert got["1"] == (["丁县发改局"], ["丁县工信局"], Evidence.ANNOTATION)
    assert got["2"] == (["丁县财政局"], ["丁县人社局"], Evidence.ANNOTATION)


def test_items_numbered_on_across_annotated_headings_are_the_measures():
    # Read as heading measures 1, 2 over sub-measures 1-1 … 2-3, wrong with no
    # finding: the items' numbers run on (1 2 | 3), so they are the measures;
    # the heading's lead is theirs where they name none.
    text = (
        "关于印发某某工作方案的通知\n"
        "（一）推进甲事项（丁区甲局牵头）\n"
        "1.实施甲类项目。（配合单位：丁区乙局）\n"
        "2.培育乙类企业。\n"
        "（二）保障乙事项（牵头单位：丁区丙局；配合单位：丁区丁局）\n"
        "3.设立专项资金。（配合单位：丁区戊局）\n"
        "4.建立项目库。（丁区己局牵头）\n"
    )
    assert _read(text) == {
        "1": (["丁区甲局"], ["丁区乙局"], Evidence.SECTION),
        "2": (["丁区甲局"], [], Evidence.SECTION),
        "3": (["丁区丙局"], ["丁区戊局"], Evidence.SECTION),
        "4": (["丁区己局"], [], Evidence.ANNOTATION),
    }


def test_items_numbered_again_under_each_annotated_heading_stay_its_sub_measures():
    # 1. 2. again under each heading: details of the heading's measure.
    text = (
        "关于印发某某工作方案的通知\n"
        "（一）推进甲事项（丁区甲局牵头）\n"
        "1.实施甲类项目。（配合单位：丁区乙局）\n"
        "2.培育乙类企业。\n"
        "（二）保障乙事项（丁区丙局牵头）\n"
        "1.设立专项资金。（配合单位：丁区戊局）\n"
    )
    assert "1" in _read(text)


def test_units_on_a_part_reach_items_under_its_untitled_sections():
    text = (
        "关于印发某某工作方案的通知\n"
        "一、巩固甲成果（丁县甲局牵头，丁县乙局配合）\n"
        "（一）健全甲机制\n"
        "1.开展甲监测。\n"
        "（二）促进乙增收\n"
        "2.推动乙产业。\n"
    )
    assert _read(text) == {
        "1": (["丁县甲局"], ["丁县乙局"], Evidence.SECTION),
        "2": (["丁县甲局"], ["丁县乙局"], Evidence.SECTION),
    }

"""segment/annotations.py: responsibility annotations at the end of a measure."""

from __future__ import annotations

import pytest

from policy_parse.segment.annotations import (
    parse_annotation,
    parse_annotation_line,
    split_trailing_annotation,
)

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


def test_it_reads_a_label_line_under_a_measure():
    assert parse_annotation_line("牵头单位：科技创新局") == ("lead", "科技创新局")
    assert parse_annotation_line("  责任单位: 经发局、人社局") == ("support", "经发局、人社局")


def test_it_knows_a_line_with_another_label_is_no_annotation_line():
    assert parse_annotation_line("联系人：张三") is None
    assert parse_annotation_line("支持滨海高新区企业申请国际专利。") is None

"""segment/labels.py: label lines (牵头单位：A, 【配合单位】B, 牵头单位　A) —
which lines are labels and what role their value plays (split from
tests/segment/test_annotations.py with the module; named apart from
tests/read/layout/test_labels.py)."""

from __future__ import annotations

import pytest

from policy_parse.segment.labels import is_label_line, parse_annotation_line


def test_it_reads_a_label_line_under_a_measure():
    assert parse_annotation_line("牵头单位：科技创新局") == ("lead", "科技创新局")
    assert parse_annotation_line("  责任单位: 经发局、人社局") == ("support", "经发局、人社局")


def test_it_knows_a_line_with_another_label_is_no_annotation_line():
    assert parse_annotation_line("联系人：张三") is None
    assert parse_annotation_line("支持滨海高新区企业申请国际专利。") is None


def test_a_label_in_lenticular_brackets_needs_no_colon():
    assert parse_annotation_line("【牵头单位】市农业农村局") == ("lead", "市农业农村局")
    assert parse_annotation_line("〔配合单位〕市水利局、市林业局") == (
        "support",
        "市水利局、市林业局",
    )


@pytest.mark.parametrize(
    "line", ["各有关单位：要高度重视", "有关部门：按要求推进", "各责任单位：抓好落实"]
)
def test_a_word_ending_in_a_unit_word_with_no_role_in_it_is_no_label(line):
    assert parse_annotation_line(line) is None


@pytest.mark.parametrize(
    "line, expected",
    [
        ("牵头单位\u3000甲局", ("lead", "甲局")),
        ("配合单位 乙局、丙局", ("support", "乙局、丙局")),
        ("牵头部门\t甲局", ("lead", "甲局")),
    ],
)
def test_it_reads_a_label_whose_colon_is_a_space(line, expected):
    assert parse_annotation_line(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "牵头单位 配合单位 完成时限",  # a header row: the value would be another label
        "，牵头单位 每月召集会议",  # after ， a sentence may go on
        "牵头单位 ",  # nothing after the space
    ],
)
def test_a_spaced_label_needs_a_clause_start_and_a_value_that_is_no_label(line):
    assert parse_annotation_line(line) is None


@pytest.mark.parametrize(
    "line, label",
    [
        ("牵头单位：甲局", True),
        ("【牵头单位】甲局", True),  # the bracket is its colon
        ("牵头单位为甲局", True),
        ("牵头单位\u3000甲局", True),  # a wide space for the colon
        ("牵头单位 甲局", True),
        ("牵头单位甲局负责", False),  # nothing a label ends in
        ("甲局负责，乙局配合", False),
    ],
)
def test_a_label_line_ends_its_label_in_a_colon_a_bracket_wei_or_a_space(line, label):
    # is_label_line rules a line out, before the pattern, when it holds none
    # of the characters a label ends in: each ending still counts.
    assert is_label_line(line) is label
    assert (parse_annotation_line(line) is not None) is label

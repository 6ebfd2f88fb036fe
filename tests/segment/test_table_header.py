"""segment/table_header.py: which row names the columns, and each column's role.

Header cells are given as their texts; the roles are read by their words,
never their position.
"""

from __future__ import annotations

import pytest

from helpers import HEADER
from policy_parse.segment.table_header import header_to_roles


def test_it_gives_each_column_of_the_sample_header_its_role():
    assert header_to_roles(list(HEADER)) == [
        "part",
        "section",
        "national_task",
        "number",
        "text",
        "deadline",
        "upper",
        "combined",
    ]


def test_it_finds_columns_by_their_words_not_their_position():
    header = ["高新区责任部门", "时限", "具体落实举措", "序号", "责任部门"]
    assert header_to_roles(header) == ["combined", "deadline", "text", "number", "upper"]


def test_it_reads_another_issuers_lead_and_support_columns():
    roles = header_to_roles(["序号", "具体措施", "牵头单位", "配合单位", "完成时限"])
    assert roles == ["number", "text", "lead", "support", "deadline"]


@pytest.mark.parametrize(
    "header, roles",
    [
        (["序号", "重点任务", "工作措施", "牵头单位"], ["number", "part", "text", "lead"]),
        (["重点任务", "具体措施", "牵头单位"], ["part", "text", "lead"]),
        (["方面", "工作任务", "主要内容", "责任单位"], ["part", "section", "text", "combined"]),
    ],
)
def test_of_two_measure_text_columns_the_last_holds_the_text(header, roles):
    # A table groups its measures from the left: the others are groups.
    assert header_to_roles(header) == roles


@pytest.mark.parametrize(
    "header, roles",
    [
        (
            ["序号", "具体措施", "市级牵头单位", "县级牵头单位", "县级配合单位"],
            ["number", "text", "upper", "lead", "support"],
        ),
        (
            ["序号", "具体措施", "区级牵头部门", "区级配合部门"],
            ["number", "text", "lead", "support"],
        ),
    ],
)
def test_a_level_prefix_on_a_lead_or_support_header_says_whose_units(header, roles):
    assert header_to_roles(header) == roles


@pytest.mark.parametrize("word", ["完成期限", "时限要求", "时间要求", "截止时间", "完成时间节点"])
def test_more_words_name_the_deadline_column(word):
    assert header_to_roles(["序号", "具体措施", "牵头单位", word])[-1] == "deadline"


@pytest.mark.parametrize(
    "header, roles",
    [
        (
            ["序号", "重点任务", "牵头单位（部门）", "配合单位（部门）", "完成时限"],
            ["number", "text", "lead", "support", "deadline"],
        ),
        (
            ["序号", "工作任务", "责任单位(部门)", "完成时间（月）"],
            ["number", "text", "combined", "deadline"],
        ),
    ],
)
def test_a_bracketed_qualifier_after_a_header_word_keeps_its_role(header, roles):
    # Read as a remarks column, 牵头单位（部门） lost every row's units unsaid.
    assert header_to_roles(header) == roles


def test_a_bracket_alone_is_no_header_word():
    assert header_to_roles(["序号", "工作任务", "（部门）"]) == ["number", "text", "extra"]


def test_it_reads_header_words_with_spaces_and_full_width_letters_inside():
    roles = header_to_roles(["序 号", "具体落实举措", "时\u3000限", "责任部门"])
    assert roles == ["number", "text", "deadline", "combined"]


def test_it_knows_a_body_row_is_no_header():
    assert (
        header_to_roles(["1", "支持滨海高新区企业申请国际专利。", "持续推进", "市场监管局"]) is None
    )


def test_a_responsible_units_column_beside_lead_and_support_columns_names_supporters() -> None:
    assert header_to_roles(["序号", "具体措施", "牵头单位", "责任单位", "配合单位"]) == [
        "number",
        "text",
        "lead",
        "support",
        "support",
    ]


@pytest.mark.parametrize(
    ("header", "roles"),
    [
        (["序号", "重点工作", "牵头负责部门", "配合单位"], ["number", "text", "lead", "support"]),
        (["序号", "工作内容", "主要责任单位"], ["number", "text", "support"]),
        (["序号", "重点任务", "负责部门", "完成时限"], ["number", "text", "support", "deadline"]),
        (["编号", "具体措施", "责任科室"], ["number", "text", "support"]),
    ],
)
def test_a_units_column_without_a_lead_mark_gives_support_only(header, roles):
    assert header_to_roles(header) == roles

"""_support/unit_gaps.py: units a copy parts by spaces instead of 、, and
spaces inside one name.  Specimens invented."""

from __future__ import annotations

import pytest

import policy_parse
from helpers import units_of
from policy_parse._support.unit_gaps import apart_by_spaces, pieces_at_gaps


def _ends_like_a_unit(piece: str) -> bool:
    return piece.endswith(("局", "委", "府", "会", "区", "地", "部门", "集团"))


@pytest.mark.parametrize(
    ("item", "units"),
    [
        ("县财政局 县发改局", ["县财政局", "县发改局"]),
        # a short or unusual name among units parted so goes with them
        ("县财政局 县发改局 人行", ["县财政局", "县发改局", "人行"]),
        ("县发改委 各区 各地", ["县发改委", "各区", "各地"]),
        # spaces inside one name
        ("市委 宣传部", ["市委 宣传部"]),
        ("县 财 政 局", ["县 财 政 局"]),
        ("县财政局 人行", ["县财政局 人行"]),
        # a gap inside brackets parts nothing
        ("市工信局 相关县（市 区）政府", ["市工信局", "相关县（市 区）政府"]),
        ("相关县（市 区）政府", ["相关县（市 区）政府"]),
    ],
)
def test_apart_by_spaces(item: str, units: list[str]) -> None:
    assert apart_by_spaces(item, _ends_like_a_unit) == units


def test_an_annotation_whose_units_are_parted_by_spaces_reads_as_with_dun() -> None:
    text = (
        "甲县任务分工（排在第一位的为牵头单位）\n"
        "1.推进数字政府建设。（县数据局 县财政局 县发改局负责）\n"
        "2.完善养老服务体系。（县民政局负责）\n"
        "3.加强市场监管。（牵头单位：县市场监管局；责任单位：县公安局 县商务局 人行）\n"
        "4.加强文化建设。（牵头单位：县委宣传部；责任单位：县财政局 县文化和旅游局等）\n"
    )
    spaced = policy_parse.parse_text(text)
    assert units_of(spaced) == units_of(policy_parse.parse_text(text.replace("局 ", "局、")))
    assert units_of(spaced) == [
        ("1", ["县数据局"], ["县财政局", "县发改局"]),
        ("2", ["县民政局"], []),
        ("3", ["县市场监管局"], ["县公安局", "县商务局", "人行"]),
        ("4", ["县委宣传部"], ["县财政局", "县文化和旅游局等"]),
    ]


@pytest.mark.parametrize(
    ("item", "pieces"),
    [
        ("县财政局 县发改局", ["县财政局", "县发改局"]),
        ("甲局 乙局 丙局", ["甲局", "乙局", "丙局"]),
        # inside brackets: the stretches that meet at the gap, not the whole
        ("各县政府（含甲新区 乙区管委会）", ["含甲新区", "乙区管委会"]),
        ("相关县（市 区）政府", ["市", "区"]),
        ("县财政局", []),
    ],
)
def test_the_pieces_at_a_gap_stop_at_the_nearest_bracket(item: str, pieces: list[str]) -> None:
    assert pieces_at_gaps(item) == pieces


def test_two_names_a_copy_spaced_inside_brackets_keep_the_space_and_are_said():
    # 、 inside the brackets made a space: read as one name (a gap inside
    # brackets parts nothing), but not glued silently into 含甲新区乙区管委会.
    text = "某县实施方案\n1.推进平台建设。（牵头单位：县甲局；配合单位：各县政府（含甲新区 乙区管委会））\n"
    notice = policy_parse.parse_text(text)
    (measure,) = notice.measures
    assert [u.written for u in measure.support] == ["各县政府（含甲新区 乙区管委会）"]
    odd = [d for d in notice.discrepancies if d.note == "odd_unit" and d.measure == "1"]
    assert len(odd) == 1


def test_a_level_spaced_inside_brackets_keeps_its_space_and_is_said():
    text = "某县实施方案\n1.推进平台建设。（牵头单位：县甲局；配合单位：相关县（市 区）政府）\n"
    notice = policy_parse.parse_text(text)
    (measure,) = notice.measures
    assert [u.written for u in measure.support] == ["相关县（市 区）政府"]
    assert [d.measure for d in notice.discrepancies if d.note == "odd_unit"] == ["1"]

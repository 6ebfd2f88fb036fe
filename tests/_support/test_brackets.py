"""_support/brackets.py: one rule for what opens, closes and pairs, for every stage."""

from __future__ import annotations

import pytest

from policy_parse._support.brackets import (
    depth,
    group_ends,
    group_start,
    open_at_end,
    top_level_spans,
    top_level_split,
)


@pytest.mark.parametrize(
    "text, counted, still_open",
    [
        ("（县甲局牵头，县乙局、", 1, True),
        ("县丙局配合）", -1, False),
        ("A）（B", 0, True),  # a stray closer opens nothing; the last bracket is open
        ("（A【B】C）", 0, False),
    ],
)
def test_the_count_and_the_walk_answer_two_questions(text, counted, still_open):
    assert depth(text) == counted
    assert open_at_end(text) is still_open


def test_each_opener_is_paired_with_its_closer_nesting_respected():
    text = "甲（A【B】C）乙"
    assert group_ends(text) == {1: 7, 3: 5}
    assert group_start(text, 7) == 1


def test_a_round_opener_closes_any_closer_but_no_other_opener_does():
    assert group_start("（A负责〕", 4) == 0
    assert group_start("【A负责）", 4) is None


def test_clauses_split_outside_every_kind_of_bracket():
    assert top_level_split("各市(区、县)人民政府，A【B，C】；D") == [
        "各市(区、县)人民政府",
        "A【B，C】",
        "D",
    ]


def test_stretches_between_separators_skip_what_brackets_hold():
    text = "甲局（乙、丙）、丁局】、戊〔己；庚〕；辛"
    assert [text[a:b] for a, b in top_level_spans(text, "、；")] == [
        "甲局（乙、丙）",
        "丁局】",  # a stray closer opens nothing
        "戊〔己；庚〕",
        "辛",
    ]
    assert group_start(text, text.index("〕")) == text.index("〔")
    assert group_start("（A【B】C）", 6) == 0  # the round opener, nesting respected


def test_stretches_without_brackets_mix_separator_kinds_in_text_order():
    # Found a separator kind at a time: the stretches still come in text
    # order, and separators side by side leave an empty stretch between.
    text = "甲；乙、丙、；丁"
    assert top_level_spans(text, "、；") == [(0, 1), (2, 3), (4, 5), (6, 6), (7, 8)]
    assert top_level_spans("", "、") == [(0, 0)]
    assert top_level_spans("甲乙", "、") == [(0, 2)]


def test_a_long_text_splits_as_a_short_one_does():
    # Past a few dozen characters the brackets and separators are found by
    # kind (str.find), not by a step per character: the same stretches.
    text = "甲局（乙、丙）、" * 8 + "丁"
    assert len(text) > 48
    assert top_level_spans(text, "、") == [(8 * k, 8 * k + 7) for k in range(8)] + [(64, 65)]
    assert [text[a:b] for a, b in top_level_spans(text, "、")][:2] == ["甲局（乙、丙）"] * 2

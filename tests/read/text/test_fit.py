"""read/text/fit.py: the cell shapes the aligner prices, on invented cells.

The shapes are kept per text and per list item (a long table repeats its
unit names); these pin what the faster paths must still say."""

from __future__ import annotations

from policy_parse._support import memo
from policy_parse.read.text.fit import shape_of


def test_a_list_is_cut_at_every_separator_where_no_bracket_nests() -> None:
    sh = shape_of("县甲局、县乙局，县丙局；县丁局 县戊局")
    assert (sh.items, sh.others, sh.units) == (5, 0, 1.0)


def test_a_bracket_keeps_its_separators_inside_one_item() -> None:
    sh = shape_of("相关县(市、区)政府、县甲局")
    assert (sh.items, sh.others) == (2, 0)


def test_role_words_ending_a_name_are_stripped_longest_first() -> None:
    # 县甲局牵头 / 县乙局配合落实 name units; 牵头 alone (nothing left) does not.
    assert shape_of("县甲局牵头、县乙局配合落实").others == 0
    assert shape_of("县甲局、牵头").others == 1


def test_a_timing_word_anywhere_in_a_short_cell_makes_a_deadline() -> None:
    assert shape_of("常态化推进").deadline
    assert shape_of("每季度报送").deadline
    assert not shape_of("推进道路改造").deadline


def test_the_answers_are_the_same_after_the_caches_are_emptied() -> None:
    texts = ["县甲局、县乙局牵头", "相关县(市、区)政府", "2025年底前", "1.推进道路改造"]
    first = [shape_of(t) for t in texts]
    memo.clear()
    assert [shape_of(t) for t in texts] == first

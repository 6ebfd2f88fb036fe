"""segment/bar_labels.py: a bar for a label's colon (invented lines)."""

from __future__ import annotations

from policy_parse.segment.bar_labels import mended_bars


def test_a_bar_after_a_label_word_is_its_colon() -> None:
    assert mended_bars("牵头单位丨县甲局") == "牵头单位：县甲局"
    assert mended_bars("牵头单位 | 县甲局、县乙局") == "牵头单位：县甲局、县乙局"
    assert (
        mended_bars("推行甲事项。（牵头单位｜县甲局；配合单位｜县乙局）")
        == "推行甲事项。（牵头单位：县甲局；配合单位：县乙局）"
    )


def test_a_header_of_bar_cells_stays_a_header() -> None:
    assert mended_bars("牵头单位|配合单位") == "牵头单位|配合单位"
    assert mended_bars("序号|重点任务|牵头单位|配合单位") == "序号|重点任务|牵头单位|配合单位"


def test_a_row_of_bar_cells_stays_a_row() -> None:
    assert mended_bars("1|推行甲事项|县甲局|县乙局") == "1|推行甲事项|县甲局|县乙局"
    assert mended_bars("|牵头单位|县甲局|") == "|牵头单位|县甲局|"


def test_a_bar_after_no_label_word_is_left() -> None:
    assert mended_bars("推行甲事项丨县甲局") == "推行甲事项丨县甲局"

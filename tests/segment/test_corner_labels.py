"""segment/corner_labels.py: labels in corner quotes (invented lines)."""

from __future__ import annotations

from policy_parse.segment.corner_labels import mended_corners


def test_a_corner_quoted_label_is_a_bracketed_annotation() -> None:
    assert mended_corners("建设甲。「牵头单位：县甲局」") == "建设甲。（牵头单位：县甲局）"
    assert mended_corners("『配合单位：县乙局』") == "（配合单位：县乙局）"


def test_a_quoted_term_stays_quoted() -> None:
    assert mended_corners("深化「放管服」改革") == "深化「放管服」改革"

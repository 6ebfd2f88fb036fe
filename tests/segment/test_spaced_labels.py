"""segment/spaced_labels.py: a label line written apart (牵 头 单 位：A,
牵头 单位：A, 牵头单位——A) is read as the label it is.  Invented text."""

from __future__ import annotations

import policy_parse
from helpers import units_of
from policy_parse.segment.spaced_labels import mended_label

PLAN = "甲县方案\n1.推进供水工程建设。\n{label}\n配合单位：县财政局\n2.加强水源地保护。\n牵头单位：县生态环境局\n"


def test_a_label_written_apart_names_the_lead() -> None:
    # 牵 头 单 位 and 牵头单位—— lost the lead with no finding; 牵头 单位 read
    # a unit 单位：县水利局.
    for label in ("牵 头 单 位：县水利局", "牵头 单位：县水利局", "牵头单位——县水利局"):
        notice = policy_parse.parse_text(PLAN.format(label=label))
        assert units_of(notice) == [
            ("1", ["县水利局"], ["县财政局"]),
            ("2", ["县生态环境局"], []),
        ], label


def test_what_is_mended() -> None:
    assert mended_label("牵 头 单 位：县水利局") == "牵头单位：县水利局"
    assert mended_label("配合单位—县财政局") == "配合单位：县财政局"
    # Not a label once mended, or no label's shape: as it is.
    assert mended_label("推 进 建 设：加快进度") == "推 进 建 设：加快进度"
    assert mended_label("全年目标——完成改造20个") == "全年目标——完成改造20个"
    assert mended_label("牵头单位：县水利局") == "牵头单位：县水利局"


def test_a_bullet_before_a_label_line_is_read_past():
    # 🔸牵头单位：… / · 配合单位：… under a measure (a WeChat copy): the lines
    # were text, the measure had no unit (probe10)
    assert mended_label("🔸牵头单位：县甲局") == "牵头单位：县甲局"
    assert mended_label("· 配合单位：县乙局、县丙局") == "配合单位：县乙局、县丙局"
    assert mended_label("● 推进供水工程建设。") == "● 推进供水工程建设。"
    notice = policy_parse.parse_text(
        "某县方案\n1.建设甲。\n🔸牵头单位：县甲局\n🔸配合单位：县乙局\n2.建设乙。\n🔸牵头单位：县丙局\n"
    )
    assert units_of(notice) == [("1", ["县甲局"], ["县乙局"]), ("2", ["县丙局"], [])]

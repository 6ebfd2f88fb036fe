"""read/text/relines.py: a notice whose line breaks were lost (its
paragraphs run on in one line, or a space where each break was) is broken
again before its outline markers, and says so.  Specimens invented."""

from __future__ import annotations

import pytest

import policy_parse
from helpers import units_of
from policy_parse.read.text.relines import relined

LINES = [
    "甲县人民政府办公室关于印发甲县优化营商环境任务分工方案的通知",
    "各乡镇人民政府，县政府各部门：现将《甲县优化营商环境任务分工方案》印发给你们，请认真贯彻落实。",
    "一、优化政务服务",
    "1.推进政务服务事项全程网上办理，2025年底前实现高频事项“一网通办”。（牵头单位：县数据局；责任单位：县直各部门）",
    "2.完善企业开办服务，压缩开办时间至1个工作日以内。（县市场监管局负责）",
    "二、强化要素保障",
    "3.加大对中小微企业的融资支持力度，落实担保费补贴政策。（牵头单位：县财政局；责任单位：县金融办、人行甲县支行）",
    "4.保障重点项目用地需求，推行“标准地”出让。（县自然资源局负责）",
]


@pytest.mark.parametrize("joiner", [" ", "\u3000"])
def test_a_notice_on_one_line_is_broken_before_its_markers_and_says_so(joiner: str) -> None:
    notice = policy_parse.parse_text(joiner.join(LINES))
    assert units_of(notice) == units_of(policy_parse.parse_text("\n".join(LINES)))
    assert [m.id for m in notice.measures] == ["1", "2", "3", "4"]
    assert [d.note for d in notice.discrepancies if d.note == "relined"] == ["relined"]


def test_a_notice_with_its_breaks_is_left_as_it_is() -> None:
    assert relined(LINES) is None
    notice = policy_parse.parse_text("\n".join(LINES))
    assert not [d for d in notice.discrepancies if d.note == "relined"]


def test_a_long_line_with_few_markers_is_left_whole() -> None:
    # Two markers after sentence ends: fewer than a list that lost its breaks.
    line = "说明：" + "本方案自印发之日起施行，由县政府办公室负责解释。" * 10
    line += "一、适用范围。" + "本方案适用于全县。" * 5 + "二、施行日期。本方案自印发之日起施行。"
    assert relined([line]) is None
    # … where a third makes them a list, broken before each
    assert relined([line + "三、解释。由县政府办公室负责解释。"]) is not None

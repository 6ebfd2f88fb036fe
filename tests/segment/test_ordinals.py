"""segment/ordinals.py: items written 一是……, 二是…… on lines of their own
are numbered in their order, and the outline says the numbers are the
parser's.  The notices are invented."""

from __future__ import annotations

import policy_parse
from helpers import units_of
from policy_parse.segment.ordinals import counted_ordinals

PLAN = (
    "甲县2025年供水保障工作方案\n"
    "为提升供水保障水平，现就有关工作安排如下：\n"
    "一是推进供水工程建设。（牵头单位：县水利局；配合单位：县财政局）\n"
    "二是加强水源地保护。（牵头单位：县生态环境局）\n"
    "三是完善管护机制。（牵头单位：县水利局；配合单位：各乡镇）\n"
)


def _notes(notice: policy_parse.Notice) -> list[str]:
    return [d.note for d in notice.discrepancies if d.kind.value == "structure" and d.note]


def test_a_plan_written_as_yishi_erhsi_is_read_as_measures_numbered_in_order() -> None:
    # It was refused: no measure and no 分工表 row found.
    notice = policy_parse.parse_text(PLAN)
    assert units_of(notice) == [
        ("1", ["县水利局"], ["县财政局"]),
        ("2", ["县生态环境局"], []),
        ("3", ["县水利局"], ["各乡镇"]),
    ]
    assert notice.measures[0].text.startswith("推进供水工程建设")
    assert _notes(notice) == ["ordinal_items"]


def test_yishi_lines_under_a_numbered_measure_are_its_parts() -> None:
    notice = policy_parse.parse_text(
        "甲县方案\n1.开展扬尘整治。（牵头单位：县住建局）\n2.推进重点行业减排。\n"
        "一是完成锅炉改造。（牵头单位：县生态环境局）\n"
        "二是推进有机物治理。（牵头单位：县工信局）\n"
    )
    assert units_of(notice) == [
        ("1", ["县住建局"], []),
        ("2-1", ["县生态环境局"], []),
        ("2-2", ["县工信局"], []),
    ]
    assert "ordinal_items" in _notes(notice)


def test_which_lines_count_as_ordinal_items() -> None:
    lines = ["一是推进甲。", "二是推进乙。", "三是推进丙。"]
    assert counted_ordinals(lines) == frozenset(lines)
    # One alone, one out of order, 一是 inside a sentence: no list.
    assert counted_ordinals(["一是推进甲。", "推进乙。"]) == frozenset()
    assert counted_ordinals(["二是推进乙。", "三是推进丙。"]) == frozenset()
    assert counted_ordinals(["重点有二：一是推进甲，二是推进乙。"]) == frozenset()
    # A list counted again from 一是 (under the next heading) is a list too.
    again = ["一是甲。", "二是乙。", "二、标题", "一是丙。", "二是丁。"]
    assert counted_ordinals(again) == frozenset(again) - {"二、标题"}
    # 一是一，二是二: no text after 是 but a comma.
    assert counted_ordinals(["一是，甲", "二是，乙"]) == frozenset()


def test_other_ordinal_words_make_such_lists_in_one_form() -> None:
    for one, two, three in (
        ("一要", "二要", "三要"),
        ("第一，", "第二，", "第三，"),
        ("其一，", "其二，", "其三，"),
    ):
        text = PLAN.replace("一是", one).replace("二是", two).replace("三是", three)
        notice = policy_parse.parse_text(text)
        assert [str(m.number) for m in notice.measures] == ["1", "2", "3"], one
        assert notice.measures[1].text.startswith("加强水源地保护"), one
    # Two forms are two lists, neither counting on: 一是 then 第二，.
    assert counted_ordinals(["一是推进甲。", "第二，推进乙。"]) == frozenset()
    # 第一部分, 第一条 are other markers' (segment/markers.py), 一是一 no list.
    assert counted_ordinals(["第一部分 总则", "第二部分 任务"]) == frozenset()


def test_parts_naming_no_unit_are_the_measures_own_words() -> None:
    head = "甲县方案\n1.开展扬尘整治。（牵头单位：县住建局）\n"
    # Under an annotated measure: its text, as before they were items; no note.
    notice = policy_parse.parse_text(
        head + "2.加强队伍建设。（牵头单位：县人社局）\n一是加强培训。\n二是完善激励。\n"
    )
    assert units_of(notice) == [("1", ["县住建局"], []), ("2", ["县人社局"], [])]
    assert "二是完善激励" in notice.measures[1].text
    assert _notes(notice) == []
    # Only the last names units: folded into the measure, with a note.
    notice = policy_parse.parse_text(
        head + "2.加强队伍建设。\n一是加强培训。\n二是完善激励。（牵头单位：县人社局）\n"
    )
    assert units_of(notice) == [("1", ["县住建局"], []), ("2", ["县人社局"], [])]
    assert _notes(notice) == ["inner_items"]

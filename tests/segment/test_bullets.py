"""segment/bullets.py: items opening with a bullet (● 推进…) are numbered in
their order, and the outline says the numbers are the parser's.  The
notices are invented."""

from __future__ import annotations

import policy_parse
from helpers import units_of
from policy_parse.segment.bullets import counted_bullets

PLAN = (
    "甲县方案\n"
    "● 推进供水工程建设。（牵头单位：县水利局；配合单位：县财政局）\n"
    "● 加强水源地保护。（牵头单位：县生态环境局）\n"
)


def _notes(notice: policy_parse.Notice) -> list[str]:
    return [d.note for d in notice.discrepancies if d.kind.value == "structure" and d.note]


def test_a_bulleted_plan_is_read_as_measures_numbered_in_order() -> None:
    # It was refused: no measure and no 分工表 row found.
    for bullet in ("●", "•", "◆", "■", "- ", "★"):
        notice = policy_parse.parse_text(PLAN.replace("● ", bullet))
        assert units_of(notice) == [
            ("1", ["县水利局"], ["县财政局"]),
            ("2", ["县生态环境局"], []),
        ], bullet
        assert _notes(notice) == ["bullet_items"], bullet


def test_bullets_count_again_under_each_heading() -> None:
    text = (
        PLAN.replace("甲县方案\n", "甲县方案\n一、供水\n") + "二、排水\n" + PLAN.split("\n", 1)[1]
    )
    notice = policy_parse.parse_text(text)
    assert [str(m.number) for m in notice.measures] == ["1", "2", "1", "2"]


def test_a_portals_bulleted_tools_are_no_items() -> None:
    # • 听全文 / • 分享到: no item ends like a measure's line.
    texts = ["• 设为首页", "• 加入收藏", "• 无障碍阅读"]
    assert counted_bullets(texts, lambda t: False) == {}
    texts = ["• 推进甲。", "• 推进乙。"]
    assert [b.number for b in counted_bullets(texts, lambda t: False).values()] == [1, 2]


def test_a_bulleted_item_wrapped_ends_on_its_last_line() -> None:
    # A PDF copy wrapped each item inside its annotation: the bullet's own
    # line ends with none of 。）, its item does (read as tasks 1-1, 1-2 of
    # the heading above, with no finding).
    wrapped = "甲县方案\n一、供水\n● 推进供水工程建设。（牵头单位：县\n水利局）\n● 加强水源地保护。（牵头单位：县\n生态环境局）\n"
    notice = policy_parse.parse_text(wrapped)
    assert units_of(notice) == [("1", ["县水利局"], []), ("2", ["县生态环境局"], [])]


def test_a_bullet_before_the_notices_own_marker_decorates_it() -> None:
    # A WeChat copy: ▶ 1.… under ◆ 一、…  The ▶ lines were counted as bullets
    # (▶ 2. read as item 2-1 of measure 1), the ◆ heading joined the title.
    text = (
        "甲县方案\n"
        "◆ 一、供水\n"
        "▶ 1.【保供】推进供水工程建设。（牵头单位：县水利局；配合单位：县财政局）\n"
        "▶ 2.【护源】加强水源地保护。（牵头单位：县生态环境局）\n"
        "◆ 二、排水\n"
        "■ 3.【治污】建设污水管网。（牵头单位：县住建局）\n"
    )
    notice = policy_parse.parse_text(text)
    assert units_of(notice) == [
        ("1", ["县水利局"], ["县财政局"]),
        ("2", ["县生态环境局"], []),
        ("3", ["县住建局"], []),
    ]
    assert "bullet_items" not in _notes(notice)
    assert [p.title for p in notice.parts] == ["供水", "排水"]
    assert notice.header.title == "甲县方案"


def test_wechat_bullets_and_keycap_numbers_open_measures() -> None:
    # ▲ glued to 1., a 🔹 part heading, keycap 3️⃣ (the reader takes its
    # U+FE0F out, U+20E3 is left): the ▲ plan and the keycaps were refused
    # or read as 1-1, 1-2 under the part (probe10).
    text = (
        "甲县方案\n"
        "▎一、供水\n"
        "▲1.推进供水工程建设。（牵头单位：县水利局）\n"
        "✔ 2.加强水源地保护。（牵头单位：县生态环境局）\n"
        "3\ufe0f\u20e3 建设污水管网。（牵头单位：县住建局）\n"
    )
    notice = policy_parse.parse_text(text)
    assert units_of(notice) == [
        ("1", ["县水利局"], []),
        ("2", ["县生态环境局"], []),
        ("3", ["县住建局"], []),
    ]
    assert [p.title for p in notice.parts] == ["供水"]

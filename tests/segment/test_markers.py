"""segment/markers.py: a bare number read as a marker where its neighbours
call for it.  Notices invented."""

from __future__ import annotations

import policy_parse
from helpers import units_of
from policy_parse.segment.markers import counted_bare_numbers


def test_one_item_that_lost_its_dot_between_its_neighbours_is_their_sibling():
    # 3 建设丙 between 2. and 4. was read as task 2-2 of item 2 (probe10:
    # a keycap 3️⃣ a PDF's font drew as 3), glued or with a space.
    for three in ("3 建设丙。", "3建设丙。"):
        text = (
            "某县方案\n"
            "1.建设甲。（县甲局负责）\n"
            "2.建设乙。（县乙局负责）\n"
            f"{three}（县丙局负责）\n"
            "4.建设丁。（县丁局负责）\n"
        )
        notice = policy_parse.parse_text(text)
        assert [u[0] for u in units_of(notice)] == ["1", "2", "3", "4"], three


def test_a_figure_a_wrap_put_first_between_two_items_stays_text():
    texts = ["1.建设甲。", "2.建设乙，共", "3 个项目。（县乙局负责）", "3.建设丁。"]
    assert counted_bare_numbers(texts) == frozenset()
    # neighbours of another number, or of another style, call for no 3
    assert counted_bare_numbers(["1.甲。", "2.乙。", "3 丙。", "5.丁。"]) == frozenset()
    assert counted_bare_numbers(["1.甲。", "2、乙。", "3 丙。", "4.丁。"]) == frozenset()


def test_a_bullet_before_the_first_marker_still_makes_the_list_dotted():
    texts = ["▶ 1.甲。", "▶ 2.乙。", "3 丙。", "▶ 4.丁。"]
    assert counted_bare_numbers(texts) == frozenset({"3 丙。"})


def test_a_card_number_before_a_bar_or_after_no_is_a_measure_number() -> None:
    from policy_parse.segment.markers import match_marker

    for line in (
        "01｜推行甲事项",
        "7|推行甲事项",
        "03丨推行甲事项",
        "NO.1 推行甲事项",
        "No.12：推行甲事项",
    ):
        m = match_marker(line)
        assert m is not None and m.style == "ar_dot", line
        assert m.rest == "推行甲事项" and m.number == str(int("".join(filter(str.isdigit, line))))


def test_a_row_of_bar_cells_opening_on_a_number_is_no_card() -> None:
    from policy_parse.segment.markers import match_marker

    assert match_marker("1 | 推行甲事项 | 县甲局 | 县乙局") is None

"""segment/lost_dots.py (and the markers it reports, segment/markers.py):
numbers a copy wrote with no dot after them, glued to the text or alone on
a line, are measure numbers only where they count on, and the outline says
so."""

from __future__ import annotations

import policy_parse
from policy_parse.segment.markers import counted_bare_numbers, match_marker

GLUED = """丁县任务分工
一、甲方面
1推进甲项工作。（丁县甲局牵头，丁县乙局配合）
2完善乙项制度。（丁县乙局牵头）
3开展丙项行动。（丁县丙局牵头）
"""

ALONE = """丁县任务分工
1
推进甲项工作。（丁县甲局牵头，丁县乙局配合）
2
完善乙项制度。（丁县乙局牵头）
3
开展丙项行动。（丁县丙局牵头）
"""


def _read(text: str) -> list[tuple[str, str, list[str]]]:
    notice = policy_parse.parse_text(text)
    return [(str(m.number), m.text, [u.name for u in m.lead]) for m in notice.measures]


def _notes(text: str) -> list[str]:
    return [d.note for d in policy_parse.parse_text(text).discrepancies if d.note == "lost_dots"]


def test_numbers_glued_to_their_text_that_count_on_are_the_measures():
    # read as 1-1, 1-2, 1-3 under 一、 before (three tasks of part 1, no finding on them)
    assert _read(GLUED) == [
        ("1", "推进甲项工作。", ["丁县甲局"]),
        ("2", "完善乙项制度。", ["丁县乙局"]),
        ("3", "开展丙项行动。", ["丁县丙局"]),
    ]
    assert _notes(GLUED) == ["lost_dots"]


def test_numbers_alone_on_their_lines_number_the_text_under_them():
    assert [n for n, _, _ in _read(ALONE)] == ["1", "2", "3"]
    assert _read(ALONE)[0][1] == "推进甲项工作。"
    assert _notes(ALONE) == ["lost_dots"]


def test_a_number_glued_to_text_alone_or_among_figures_is_no_marker():
    assert match_marker("1推进甲项工作。") is None
    assert match_marker("3") is None
    # figures a wrap put first, and numbers that do not count on: no list
    assert counted_bare_numbers(["30个项目落地。", "31个村完成改造。", "32家企业入驻。"]) == set()
    assert counted_bare_numbers(["1推进甲项。", "5个项目落地。", "3年内完成。"]) == set()
    # a year is no bare number: four digits
    assert counted_bare_numbers(["2024年完成。", "2025年完成。", "2026年完成。"]) == set()
    # a number alone before a line that does not open with text counts nothing
    assert counted_bare_numbers(["1", "（丁县甲局）", "2", "（丁县乙局）", "3", "—"]) == set()


def test_the_dot_lost_with_the_space_kept_reads_as_before_with_no_note():
    text = GLUED.replace("1推进", "1 推进").replace("2完善", "2 完善").replace("3开展", "3 开展")
    assert [n for n, _, _ in _read(text)] == ["1", "2", "3"]
    assert _notes(text) == []


def test_glued_numbers_beside_dotted_markers_are_a_flattened_table_not_a_list():
    # A PDF that lost a 分工表's grid writes its rows 1推行…县甲局县乙局 under a
    # prose list numbered 1. 2. 3.: the rows are no measures (specimen 153 as a PDF).
    lines = [
        "1.推进甲。（县甲局牵头）",
        "2.推进乙。（县乙局牵头）",
        "1推进甲县甲局",
        "2推进乙县乙局",
        "3推进丙县丙局",
    ]
    assert counted_bare_numbers(lines) == set()
    # the spaced form (1 推进…) is counted as before
    assert len(counted_bare_numbers(["1.甲。", "1 推进甲。", "2 推进乙。", "3 推进丙。"])) == 3

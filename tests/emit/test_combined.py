"""--combine's department sheet under the batch's registry (emit/combined.py,
compare/registry.py): one row per department, however its notices wrote it."""

from __future__ import annotations

import policy_parse
from policy_parse.emit.combined import Combined, notice_part

A = "一、任务\n1.推进甲项改革。（牵头单位：市发改委；配合单位：市财政局）\n"
B = (
    "一、任务\n1.推进乙项改革。（牵头单位：市发展和改革委员会；配合单位：区财政局）\n"
    "2.推进丙项改革。（牵头单位：市科委）\n"
)


def rows(aliases: dict[str, str] | None = None) -> dict[str, list[object]]:
    combined = Combined("en", aliases=aliases)
    for file, text in (
        ("a.txt", A),
        ("b.txt", B),
        ("c.txt", "一、任务\n1.推进丁项改革。（牵头单位：市科学技术局）\n"),
    ):
        combined.add(notice_part(policy_parse.parse_text(text), file, "en"))
    _, body = combined.tables()["departments"]
    return {str(r[0]): r for r in body}


def test_two_ways_of_writing_one_bureau_are_one_row() -> None:
    by = rows()
    ndrc = by["市发展和改革委员会"]
    assert ndrc[1] == "市发改委"  # its other written form
    assert ndrc[2] == 2 and ndrc[3] == 2  # two notices, one lead measure in each
    assert "市发改委" not in by


def test_the_city_and_the_district_bureau_stay_two_rows() -> None:
    by = rows()
    assert by["市财政局"][2] == 1 and by["区财政局"][2] == 1


def test_the_users_alias_file_joins_what_no_rule_sees() -> None:
    assert "市科委" in rows()
    joined = rows({"市科委": "市科学技术局"})
    assert "市科委" not in joined and joined["市科学技术局"][2] == 2

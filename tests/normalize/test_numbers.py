"""normalize/numbers.py, _support/chinese_numerals.py and models.MeasureNo: outline numbers
as written and as values."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policy_parse._support.chinese_numerals import cn_to_int, int_to_cn
from policy_parse.models import MeasureNo
from policy_parse.normalize.numbers import parse_written

# --- MeasureNo ---------------------------------------------------------------


def test_it_reads_36_1_as_a_sub_number_of_36():
    no = MeasureNo.parse("36-1")
    assert no.parts == (36, 1)
    assert no.main == 36


def test_it_writes_a_sub_number_back_with_a_hyphen():
    assert str(MeasureNo.parse("36-2")) == "36-2"
    assert str(MeasureNo.parse("7")) == "7"


def test_it_ignores_whitespace_around_a_number():
    assert MeasureNo.parse(" 12 \n") == MeasureNo((12,))


@pytest.mark.parametrize("text", ["", "36-", "-1", "36.1", "三十六", "36-a", "1 2"])
def test_it_refuses_what_is_not_a_measure_number(text):
    with pytest.raises(ValueError):
        MeasureNo.parse(text)


def test_it_names_the_next_sub_number_of_a_measure():
    assert MeasureNo.parse("36").sub(2) == MeasureNo.parse("36-2")


def test_it_sorts_sub_numbers_between_their_measure_and_the_next():
    written = ["37", "36-2", "10", "36", "36-1", "9"]
    ordered = sorted(MeasureNo.parse(w) for w in written)
    assert [str(n) for n in ordered] == ["9", "10", "36", "36-1", "36-2", "37"]


def test_it_compares_numbers_as_numbers_not_as_strings():
    assert MeasureNo.parse("9") < MeasureNo.parse("10")
    assert MeasureNo.parse("36-2") < MeasureNo.parse("36-10")


measure_nos = st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=4).map(
    lambda parts: MeasureNo(tuple(parts))
)


@settings(max_examples=200)
@given(measure_nos)
def test_it_reads_back_every_number_it_writes(no):
    assert MeasureNo.parse(str(no)) == no


@settings(max_examples=100)
@given(measure_nos, measure_nos)
def test_its_order_is_the_order_of_its_parts(a, b):
    assert (a < b) == (a.parts < b.parts)


# --- Chinese numerals -----------------------------------------------------------

SMALL = [
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "十一",
    "十二",
    "十三",
    "十四",
    "十五",
    "十六",
    "十七",
    "十八",
]


@pytest.mark.parametrize("value, written", list(enumerate(SMALL, start=1)))
def test_it_reads_the_section_numerals_one_to_eighteen(value, written):
    assert cn_to_int(written) == value


@pytest.mark.parametrize(
    "written, value",
    [
        ("二十", 20),
        ("二十一", 21),
        ("九十九", 99),
        ("一百", 100),
        ("一百零五", 105),
        ("一百一十", 110),
        ("一百一十八", 118),
        ("三百四十五", 345),
        ("九百九十九", 999),
        ("两", 2),
    ],
)
def test_it_reads_numerals_beyond_eighteen(written, value):
    assert cn_to_int(written) == value


def test_it_reads_a_year_written_digit_by_digit():
    assert cn_to_int("二〇二〇") == 2020
    assert cn_to_int("二零二一") == 2021


def test_it_reads_arabic_and_full_width_digits_too():
    assert cn_to_int("18") == 18
    assert cn_to_int("１８") == 18


def test_it_refuses_an_empty_numeral():
    with pytest.raises(ValueError):
        cn_to_int("  ")


def test_it_refuses_a_numeral_with_a_foreign_character_after_a_unit():
    with pytest.raises(ValueError):
        cn_to_int("十甲")


def test_it_refuses_a_character_that_is_no_numeral_with_a_value_error():
    with pytest.raises(ValueError):
        cn_to_int("甲")


@pytest.mark.parametrize(
    "value, written",
    [
        (1, "一"),
        (10, "十"),
        (18, "十八"),
        (21, "二十一"),
        (100, "一百"),
        (105, "一百零五"),
        (110, "一百一十"),
        (999, "九百九十九"),
    ],
)
def test_it_writes_numerals_as_a_clerk_would(value, written):
    assert int_to_cn(value) == written


@settings(max_examples=300)
@given(st.integers(min_value=1, max_value=999))
def test_it_reads_back_every_numeral_from_one_to_999(n):
    assert cn_to_int(int_to_cn(n)) == n


# --- written measure numbers ---------------------------------------------------------


@pytest.mark.parametrize(
    "written, parts",
    [
        ("36-1", (36, 1)),
        ("36－1", (36, 1)),  # full-width hyphen
        ("36 - 2", (36, 2)),
        ("3.1", (3, 1)),  # decimal style sub-number
        ("3．1", (3, 1)),  # full-width full stop
        ("３６", (36,)),  # full-width digits
        ("３６－１", (36, 1)),
        ("12.", (12,)),  # the marker's trailing dot
        ("12、", (12,)),
        (" 7 ", (7,)),
    ],
)
def test_it_reads_written_measure_numbers_in_every_style(written, parts):
    assert parse_written(written) == MeasureNo(parts)


def test_it_reads_3_1_as_the_same_number_as_3_dash_1():
    assert parse_written("3.1") == MeasureNo.parse("3-1")


@pytest.mark.parametrize("written", ["", "、", "."])
def test_it_refuses_a_written_number_without_digits(written):
    with pytest.raises(ValueError):
        parse_written(written)


@pytest.mark.parametrize(
    ("written", "number"), [("一", "1"), ("十二", "12"), ("三、", "3"), ("３６", "36")]
)
def test_a_table_number_written_as_a_chinese_numeral_is_read(written, number):
    # A 分工表 whose 序号 are 一、二、三 (no Arabic row beside them) had rows
    # with no number: "table row 1 has no number" for each.
    assert str(parse_written(written)) == number


def test_a_table_numbered_in_chinese_numerals_gives_its_rows_their_numbers():
    import policy_parse

    notice = policy_parse.parse_text(
        "某县重点改革任务分工表\n"
        "| 序号 | 改革任务 | 牵头单位 | 配合单位 |\n"
        "| 一 | 深化放管服改革 | 县甲中心 | 县乙局 |\n"
        "| 二 | 推进国企改革 | 县丙局 | 县丁公司 |\n"
    )
    assert [(str(e.number), e.text) for e in notice.table] == [
        ("1", "深化放管服改革"),
        ("2", "推进国企改革"),
    ]
    assert not [d for d in notice.discrepancies if d.kind.value == "numbering"]

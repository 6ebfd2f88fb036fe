"""normalize/deadlines.py: the 时限 column as a structured value."""

from __future__ import annotations

import pytest

from helpers import sample_notice
from policy_parse.normalize.deadlines import parse_deadline


@pytest.mark.parametrize("written", ["持续推进", "长期坚持"])
def test_it_reads_an_open_ended_deadline_as_ongoing(written):
    d = parse_deadline(written)
    assert d is not None
    assert (d.kind, d.value, d.written) == ("ongoing", None, written)


@pytest.mark.parametrize(
    "written, value",
    [
        ("2021年6月底前", "2021-06-30"),
        ("2021年6月前", "2021-06-30"),
        ("2021年9月底", "2021-09-30"),
        ("2021年2月底前", "2021-02-28"),
        ("2024年2月底前", "2024-02-29"),  # a leap year
        ("2021年12月31日前", "2021-12-31"),
        ("2021年3月15日", "2021-03-15"),
        ("2021年年底前", "2021-12-31"),
        ("2021年底前", "2021-12-31"),
        ("2021年年底", "2021-12-31"),
    ],
)
def test_it_reads_a_month_or_year_end_as_a_date(written, value):
    d = parse_deadline(written)
    assert d is not None
    assert (d.kind, d.value) == ("date", value)


@pytest.mark.parametrize(
    "written, value",
    [
        ("2021年底前完成", "2021-12-31"),
        ("2021年6月底前完成", "2021-06-30"),
        ("2021年9月30日前办结", "2021-09-30"),
        ("2021年第三季度", "2021-09-30"),
        ("2021年1季度末前", "2021-03-31"),
        ("2021年上半年", "2021-06-30"),
        ("2021年下半年", "2021-12-31"),
        ("2026年6月底前全面完成", "2026-06-30"),
        ("2025年底前见效", "2025-12-31"),
    ],
)
def test_it_reads_a_closing_verb_a_quarter_or_a_half_year_as_a_date(written, value):
    # 2021年底前完成 was `unknown`: a date said with its verb is the same date.
    d = parse_deadline(written)
    assert d is not None
    assert (d.kind, d.value, d.written) == ("date", value, written)


@pytest.mark.parametrize("written", ["2021年第五季度", "完成"])
def test_a_quarter_that_does_not_exist_or_a_verb_alone_stays_unknown(written):
    d = parse_deadline(written)
    assert d is not None and d.kind == "unknown"


def test_it_reads_a_bare_year_as_a_year():
    d = parse_deadline("2021年")
    assert d is not None
    assert (d.kind, d.value) == ("year", "2021")


def test_it_reads_recurring_work_as_recurring():
    d = parse_deadline("每季度")
    assert d is not None
    assert d.kind == "recurring"


def test_it_reads_full_width_digits_and_stray_spaces():
    d = parse_deadline(" ２０２１年 ６月底前\u3000")
    assert d is not None
    assert (d.kind, d.value) == ("date", "2021-06-30")
    assert d.written == " ２０２１年 ６月底前\u3000"  # what was written is kept


@pytest.mark.parametrize("written", ["2021年13月底前", "2021年2月30日前", "2021年0月底前"])
def test_it_does_not_invent_a_date_that_does_not_exist(written):
    d = parse_deadline(written)
    assert d is not None
    assert d.kind == "unknown"
    assert d.value is None


def test_it_calls_words_it_does_not_know_unknown_but_keeps_them():
    d = parse_deadline("尽快完成")
    assert d is not None
    assert (d.kind, d.written) == ("unknown", "尽快完成")


@pytest.mark.parametrize("written", ["", "  ", "\u3000"])
def test_it_gives_no_deadline_for_an_empty_cell(written):
    assert parse_deadline(written) is None


def test_every_row_of_the_sample_table_is_ongoing():
    # The sample's 时限 column says 持续推进 in every one of its 78 rows.
    notice = sample_notice()
    assert len(notice.table) == 78
    assert {(e.deadline.kind, e.deadline.written) for e in notice.table if e.deadline} == {
        ("ongoing", "持续推进")
    }
    assert all(e.deadline is not None for e in notice.table)


def test_days_in_month_is_the_calendars():
    import calendar

    from policy_parse.normalize.deadlines import days_in_month

    for year in (1900, 2000, 2023, 2024, 2100, 0, 9999):
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1]

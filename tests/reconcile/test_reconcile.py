"""reconcile.py: where the prose list and the 分工表 disagree.

First the sample's own findings (read off the notice by hand), then small
hand-made measure/row pairs, one discrepancy code at a time.
"""

from __future__ import annotations

import time

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policy_parse
from helpers import entry, findings, measure, sample_notice, sample_text, units
from policy_parse.messages import message
from policy_parse.models import Kind, Severity, Unit, UnitStatus
from policy_parse.normalize.deadlines import parse_deadline
from policy_parse.reconcile import comparable_text, measures_to_discrepancies

# --- the sample ------------------------------------------------------------------


def on(kind: str, number: str):
    return [d for d in findings(sample_notice(), kind) if d.measure == number]


def test_it_finds_that_prose_55_repeats_the_text_of_54():
    (d,) = findings(sample_notice(), "duplicate-text")
    assert d.measure == "55"
    assert d.severity is Severity.ERROR
    assert "54" in d.message
    # The prose copied 54's wording; the table has 55's own (a different measure).
    assert d.prose.startswith("对不涉及敏感国家和地区")
    assert d.table != d.prose


def test_it_finds_the_two_bureaus_that_disagree_on_measure_35():
    (d,) = on("units-mismatch", "35")
    assert d.severity is Severity.ERROR
    assert "信创产业招商局" in d.prose
    assert "海洋经济和军民融合产业招商局" in d.table
    assert "信创产业招商局" in d.message
    assert "海洋经济和军民融合产业招商局" in d.message


def test_measure_35_is_the_only_units_mismatch_in_the_sample():
    assert [d.measure for d in findings(sample_notice(), "units-mismatch")] == ["35"]


def test_it_finds_the_repeated_term_in_58_on_both_sides():
    ds = on("repeated-term", "58")
    assert ds, "产业链融资、产业链融资 is written twice in a row in 58"
    assert {d.severity for d in ds} == {Severity.WARNING}
    assert all("产业链融资" in d.message for d in ds)
    assert {("prose" if d.prose else "table") for d in ds} == {"prose", "table"}


@pytest.mark.parametrize(
    "kind", ["lead-mismatch", "missing-in-table", "missing-in-prose", "text-mismatch"]
)
def test_it_reports_nothing_false_on_the_sample(kind):
    # Every measure's lead is the first unit of its 高新区责任部门 cell, every
    # measure is on both sides, and apart from 55 the wording matches.
    assert findings(sample_notice(), kind) == []


def test_it_pairs_prose_36_2_with_the_unnumbered_table_row_after_36():
    notice = sample_notice()
    row = next(e for e in notice.table if str(e.number) == "36-2")
    assert row.written_number == ""
    assert row.text.startswith("支持将医疗器械国家级天津评审分中心")
    prose = next(m for m in notice.measures if str(m.number) == "36-2")
    assert comparable_text(prose.text) == comparable_text(row.text)


def test_it_reads_jin_rong_ju_in_row_74_as_the_bureau_the_prose_names():
    # Table 74 writes 金融局; the prose names 财政金融局 and 金融招商局 there, so it
    # is ambiguous, said as a warning, and no units differ.
    (d,) = [x for x in on("alias", "74") if x.table == "金融局"]
    assert d.severity is Severity.WARNING
    assert "财政金融局" in d.message and "金融招商局" in d.message
    assert on("units-mismatch", "74") == []


@pytest.mark.parametrize("number, written", [("16", "市场局"), ("74", "规划局"), ("74", "社发局")])
def test_it_reports_a_resolved_abbreviation_as_info(number, written):
    ds = [d for d in on("alias", number) if written in (d.prose, d.table)]
    assert ds
    assert {d.severity for d in ds} == {Severity.INFO}


def test_every_sample_error_is_one_a_reader_finds_in_the_notice():
    errors = {
        (d.kind.value, d.measure)
        for d in sample_notice().discrepancies
        if d.severity is Severity.ERROR
    }
    assert errors == {("duplicate-text", "55"), ("units-mismatch", "35")}


# --- one code at a time, on hand-made records --------------------------------------------


def kinds(ds):
    return sorted((d.kind.value, d.measure) for d in ds)


def test_it_finds_nothing_when_both_sides_agree():
    ms = [measure("1", "甲。", ["科技创新局"], ["经发局", "人社局"])]
    es = [entry("1", "甲。", ["科技创新局"], ["人社局", "经发局"])]
    assert measures_to_discrepancies(ms, es) == ()


def test_it_compares_text_across_widths_spaces_and_end_punctuation():
    ms = [measure("1", "支持“双创”(试点)建设。", ["科技创新局"])]
    es = [entry("1", "支持“双创”（试点）建设 ", ["科技创新局"])]
    assert measures_to_discrepancies(ms, es) == ()


def test_it_reports_a_differently_worded_measure_as_a_text_mismatch():
    ms = [measure("1", "支持建设创新平台。", ["科技创新局"])]
    es = [entry("1", "支持建设研发平台。", ["科技创新局"])]
    (d,) = measures_to_discrepancies(ms, es)
    assert (d.kind, d.severity, d.measure) == (Kind.TEXT_MISMATCH, Severity.WARNING, "1")


def test_it_reports_a_different_lead_as_a_lead_mismatch():
    ms = [measure("1", "甲。", ["科技创新局"], ["经发局"])]
    es = [entry("1", "甲。", ["科技发展局"], ["经发局"])]
    (d,) = measures_to_discrepancies(ms, es)
    assert (d.kind, d.severity, d.measure) == (Kind.LEAD_MISMATCH, Severity.ERROR, "1")
    assert d.prose == ("科技创新局",) and d.table == ("科技发展局",)


def test_a_lead_one_side_leaves_unsaid_among_the_same_units_is_a_warning():
    # （A、B负责） beside a table whose 牵头 column holds A: no contradiction (probe9)
    ms = [measure("1", "甲。", [], ["住建局", "城管局"])]
    es = [entry("1", "甲。", ["住建局"], ["城管局"])]
    (d,) = measures_to_discrepancies(ms, es)
    assert (d.kind, d.severity) == (Kind.LEAD_MISMATCH, Severity.WARNING)
    assert d.prose == () and d.table == ("住建局",)
    # and the other way round: a table naming no lead
    (d,) = measures_to_discrepancies([measure("1", "甲。", ["住建局"], ["城管局"])],
                                     [entry("1", "甲。", [], ["住建局", "城管局"])])  # fmt: skip
    assert d.severity is Severity.WARNING
    # a unit the other side lacks keeps it an error
    es = [entry("1", "甲。", ["住建局"], ["城管局", "财政局"])]
    severities = {d.kind: d.severity for d in measures_to_discrepancies(ms, es)}
    assert severities[Kind.LEAD_MISMATCH] is Severity.ERROR


def test_it_reports_a_lead_that_swapped_with_a_supporter_once():
    ms = [measure("1", "甲。", ["科技创新局"], ["经发局"])]
    es = [entry("1", "甲。", ["经发局"], ["科技创新局"])]
    assert kinds(measures_to_discrepancies(ms, es)) == [("lead-mismatch", "1")]


def test_it_calls_a_supporter_on_one_side_only_a_warning():
    ms = [measure("1", "甲。", ["科技创新局"], ["经发局"])]
    es = [entry("1", "甲。", ["科技创新局"], ["经发局", "人社局"])]
    (d,) = measures_to_discrepancies(ms, es)
    assert (d.kind, d.severity) == (Kind.UNITS_MISMATCH, Severity.WARNING)
    assert "人社局" in d.message


def test_it_calls_a_supporter_replaced_by_another_an_error():
    ms = [measure("1", "甲。", ["科技创新局"], ["经发局"])]
    es = [entry("1", "甲。", ["科技创新局"], ["人社局"])]
    (d,) = measures_to_discrepancies(ms, es)
    assert (d.kind, d.severity) == (Kind.UNITS_MISMATCH, Severity.ERROR)


def test_it_reports_a_measure_missing_from_either_side():
    ms = [measure("1", "甲。", ["办公室"]), measure("2", "乙。", ["办公室"])]
    es = [entry("1", "甲。", ["办公室"], row=1), entry("3", "丙。", ["办公室"], row=2)]
    found = kinds(measures_to_discrepancies(ms, es))
    assert ("missing-in-table", "2") in found
    assert ("missing-in-prose", "3") in found


def test_it_reports_a_gap_in_the_numbering():
    ms = [measure("1", "甲。", ["办公室"]), measure("3", "丙。", ["办公室"])]
    es = [entry("1", "甲。", ["办公室"], row=1), entry("3", "丙。", ["办公室"], row=2)]
    found = measures_to_discrepancies(ms, es)
    gaps = [d for d in found if d.kind is Kind.NUMBERING]
    assert {d.measure for d in gaps} == {"3"}
    assert all("2" in d.message for d in gaps)


def test_it_reports_a_number_used_twice():
    ms = [measure("1", "甲。", ["办公室"]), measure("1", "乙。", ["办公室"])]
    es = [entry("1", "甲。", ["办公室"])]
    found = [d for d in measures_to_discrepancies(ms, es) if d.kind is Kind.NUMBERING]
    assert [(d.measure, d.severity) for d in found] == [("1", Severity.ERROR)]


def test_it_reports_a_text_copied_from_the_neighbour_as_a_duplicate():
    ms = [measure("1", "甲。", ["办公室"]), measure("2", "甲。", ["办公室"])]
    es = [entry("1", "甲。", ["办公室"], row=1), entry("2", "乙。", ["办公室"], row=2)]
    (d,) = measures_to_discrepancies(ms, es)
    assert (d.kind, d.severity, d.measure) == (Kind.DUPLICATE_TEXT, Severity.ERROR, "2")


def test_it_reports_an_item_written_twice_in_a_row():
    ms = [measure("1", "开展贸易融资、产业链融资、产业链融资等工作。", ["办公室"])]
    es = [entry("1", "开展贸易融资、产业链融资、产业链融资等工作。", ["办公室"])]
    found = measures_to_discrepancies(ms, es)
    assert kinds(found) == [("repeated-term", "1"), ("repeated-term", "1")]


def test_it_does_not_call_two_different_items_a_repeat():
    ms = [measure("1", "开展贸易融资、产业链融资等工作。", ["办公室"])]
    es = [entry("1", "开展贸易融资、产业链融资等工作。", ["办公室"])]
    assert measures_to_discrepancies(ms, es) == ()


def test_it_matches_an_ambiguous_abbreviation_to_the_candidate_the_other_side_names():
    ambiguous = Unit(
        name="金融局",
        written="金融局",
        expanded="金融局",
        status=UnitStatus.AMBIGUOUS,
        candidates=("财政金融局", "金融招商局"),
    )
    ms = [measure("1", "甲。", ["办公室"], ["财政金融局", "金融招商局"])]
    e = entry("1", "甲。", ["办公室"], ["财政金融局"])
    e = attrs.evolve(e, support=(*e.support, ambiguous))
    found = measures_to_discrepancies(ms, [e])
    assert [d.kind for d in found] == [Kind.ALIAS]
    assert found[0].severity is Severity.WARNING


# --- pairing that survives one typo ---------------------------------------------------


def test_one_duplicated_number_in_the_sample_gives_one_numbering_finding():
    # 56 written as 55 in the prose: 168 findings before (156 missing-in-*),
    # and the real findings on 35 and 55 were lost.
    text = sample_text().replace("\n56.", "\n55.", 1)
    assert text != sample_text()
    notice = policy_parse.parse_text(text)
    number = {m.id: str(m.number) for m in notice.measures}
    got = sorted((d.kind.value, number.get(d.measure or "")) for d in notice.discrepancies)
    base = sorted(
        (d.kind.value, d.measure) for d in sample_notice().discrepancies
    )  # the sample's own 13 findings
    assert len(notice.discrepancies) == len(base) + 1
    assert sorted([*base, ("numbering", "55")]) == got
    (slip,) = findings(notice, "numbering")
    assert slip.severity is Severity.ERROR
    assert (slip.prose, slip.table) == ("55", "56")
    assert "prose" in slip.message.split(";")[1]  # the prose is where the slip is
    assert not findings(notice, "missing-in-table") and not findings(notice, "missing-in-prose")


def test_a_number_the_prose_skips_is_one_finding_and_every_pair_still_reconciles():
    texts = ["甲。", "乙。", "丙。", "丁。", "戊。"]
    ms = [measure(no, t, ["办公室"]) for no, t in zip(["1", "2", "4", "5", "6"], texts)]
    es = [entry(str(k + 1), t, ["办公室"], row=k + 1) for k, t in enumerate(texts)]
    es[3] = attrs.evolve(es[3], lead=units("经发局"))
    found = measures_to_discrepancies(ms, es)
    assert kinds(found) == [("lead-mismatch", "5"), ("numbering", "4")]
    (slip,) = [d for d in found if d.kind is Kind.NUMBERING]
    assert (slip.prose, slip.table) == ("4–6", "3–5")
    assert "3 measures" in slip.message


def test_a_typo_in_the_table_number_is_blamed_on_the_table():
    ms = [measure(str(k), t, ["办公室"]) for k, t in enumerate(["甲。", "乙。", "丙。"], 1)]
    es = [entry(no, t, ["办公室"]) for no, t in zip(["1", "1", "3"], ["甲。", "乙。", "丙。"])]
    (d,) = measures_to_discrepancies(ms, es)
    assert (d.kind, d.measure, d.prose, d.table) == (Kind.NUMBERING, "2", "2", "1")
    assert "the slip is in the table" in d.message


def test_a_reworded_measure_under_a_shifted_number_pairs_by_similar_text():
    ms = [
        measure("1", "支持企业上市融资。", ["金融局"]),
        measure("3", "推进科技成果转化，建设中试基地。", ["科技局"]),
    ]
    es = [
        entry("1", "支持企业上市融资。", ["金融局"], row=1),
        entry("2", "推进科技成果转化，建设一批中试基地。", ["科技局"], row=2),
    ]
    got = kinds(measures_to_discrepancies(ms, es))
    assert ("text-mismatch", "3") in got
    assert not [k for k in got if k[0].startswith("missing")]


def test_a_numbering_gap_is_one_finding_with_its_bounds_and_takes_no_time():
    start = time.process_time()
    notice = policy_parse.parse_text(
        "1.甲。（牵头单位：办公室）\n100000000.乙。（牵头单位：办公室）\n"
    )
    assert time.process_time() - start < 2
    (gap,) = findings(notice, "numbering")
    assert "2 to 99999999" in gap.message and len(gap.message) < 200


def test_a_narrow_gap_still_lists_its_numbers():
    ms = [measure("1", "甲。", ["办公室"]), measure("4", "丁。", ["办公室"])]
    (d,) = [x for x in measures_to_discrepancies(ms, []) if x.kind is Kind.NUMBERING]
    assert "no measure 2、3" in d.message


def test_pairing_ten_thousand_unmatched_measures_stays_fast():
    ms = [measure(str(k), f"措施{k}甲。", ["办公室"]) for k in range(1, 5001)]
    es = [entry(str(k), f"任务{k}乙。", ["办公室"], row=k) for k in range(5001, 10001)]
    start = time.process_time()
    found = measures_to_discrepancies(ms, es)
    assert time.process_time() - start < 10
    assert sum(d.kind is Kind.MISSING_IN_TABLE for d in found) == 5000


# --- deadlines and placement --------------------------------------------------------


def dated(m, written):
    return attrs.evolve(m, deadline=parse_deadline(written))


def test_it_reports_two_different_deadlines_with_both_written_forms():
    ms = [dated(measure("1", "甲。", ["办公室"]), "2021年6月底前")]
    es = [dated(entry("1", "甲。", ["办公室"]), "2021年12月底前")]
    (d,) = measures_to_discrepancies(ms, es)
    assert (d.kind, d.severity, d.measure) == (Kind.DEADLINE_MISMATCH, Severity.ERROR, "1")
    assert (d.prose, d.table) == ("2021年6月底前", "2021年12月底前")
    assert "2021-06-30" in d.message and "2021-12-31" in d.message


@pytest.mark.parametrize(
    "prose, table",
    [
        ("2021年6月底前", "2021年6月30日前"),
        ("2021年年底前", "2021年12月底前"),
        ("持续推进", "持续推进"),
    ],
)
def test_deadlines_written_differently_with_one_value_agree(prose, table):
    ms = [dated(measure("1", "甲。", ["办公室"]), prose)]
    es = [dated(entry("1", "甲。", ["办公室"]), table)]
    assert measures_to_discrepancies(ms, es) == ()


def test_a_deadline_only_the_table_states_is_no_finding():
    es = [dated(entry("1", "甲。", ["办公室"]), "2021年12月底前")]
    assert measures_to_discrepancies([measure("1", "甲。", ["办公室"])], es) == ()


def test_a_deadline_the_table_took_from_the_row_above_differs_as_a_warning():
    # The row's 时限 cell was empty in a text copy: the row above's deadline
    # was taken as a merged cell's.  Both values are given; a contradiction
    # only if it was a merge, so a warning, not an error.
    ms = [dated(measure("2", "乙。", ["办公室"]), "2021年9月底前")]
    copied = dated(entry("2", "乙。", ["办公室"]), "2021年12月底前")
    es = [attrs.evolve(copied, inherited=("deadline",), unmarked=("deadline",))]
    (d,) = measures_to_discrepancies(ms, es)
    assert (d.kind, d.severity, d.measure) == (Kind.DEADLINE_MISMATCH, Severity.WARNING, "2")
    assert (d.prose, d.table) == ("2021年9月底前", "2021年12月底前")
    assert "row above" in message(d, "en")


def test_a_merge_a_reader_marked_keeps_the_deadline_mismatch_an_error():
    ms = [dated(measure("2", "乙。", ["办公室"]), "2021年9月底前")]
    merged = dated(entry("2", "乙。", ["办公室"]), "2021年12月底前")
    (d,) = measures_to_discrepancies(ms, [attrs.evolve(merged, inherited=("deadline",))])
    assert d.severity is Severity.ERROR


def test_it_reads_a_deadline_mismatch_from_a_notice():
    text = (
        "1.支持企业上市。\n牵头单位：金融局\n完成时限：2021年6月底前\n\n"
        "\t序号\n\t具体措施\n\t牵头单位\n\t完成时限\n\n"
        "\t1\n\t支持企业上市。\n\t金融局\n\t2021年12月底前\n"
    )
    (d,) = policy_parse.parse_text(text).discrepancies
    assert d.kind is Kind.DEADLINE_MISMATCH


def test_it_reports_a_measure_filed_under_another_section():
    ms = [measure("1", "甲。", ["办公室"])]
    es = [attrs.evolve(entry("1", "甲。", ["办公室"]), section="2", section_written="（二）乙")]
    (d,) = measures_to_discrepancies(ms, es)
    assert (d.kind, d.severity) == (Kind.PLACEMENT_MISMATCH, Severity.WARNING)
    assert (d.prose, d.table) == ("part 1, section 1", "part 1, section 2")
    assert "（二）乙" in d.message


def test_placement_is_not_compared_where_the_table_has_no_section_column():
    es = [attrs.evolve(entry("1", "甲。", ["办公室"]), part=None, section=None)]
    assert measures_to_discrepancies([measure("1", "甲。", ["办公室"])], es) == ()


def test_a_reworded_shifted_measure_pairs_even_among_many_unpaired_ones():
    # 80 prose measures the table lacks come first; the reworded one at the end
    # must still meet its row (81 x 81 pairs once exceeded an all-or-nothing
    # comparison budget and nothing was compared).
    ms = [measure(str(k), f"措施{k}甲乙丙丁。", ["办公室"]) for k in range(1, 81)]
    ms.append(measure("82", "推进科技成果转化，建设中试基地。", ["科技局"]))
    es = [entry(str(k), f"任务{k}子丑寅卯。", ["办公室"], row=k) for k in range(100, 180)]
    es.append(entry("81", "推进科技成果转化，建设一批中试基地。", ["科技局"], row=81))
    got = kinds(measures_to_discrepancies(ms, es))
    assert ("text-mismatch", "82") in got
    assert ("missing-in-table", "82") not in got


def test_it_reads_a_placement_mismatch_from_a_notice():
    text = (
        "一、总体要求\n（一）第一节\n1.甲。（牵头单位：办公室）\n"
        "（二）第二节\n2.乙。（牵头单位：办公室）\n\n"
        "\t方面\n\t任务\n\t序号\n\t具体措施\n\t牵头单位\n\n"
        "\t一、总体要求\n\t（一）第一节\n\t1\n\t甲。\n\t办公室\n\n"
        "\t一、总体要求\n\t（一）第一节\n\t2\n\t乙。\n\t办公室\n"
    )
    (d,) = policy_parse.parse_text(text).discrepancies
    assert (d.kind, d.measure) == (Kind.PLACEMENT_MISMATCH, "2")
    assert "（一）第一节" in d.message


# --- a property: one slip in the numbers is one finding ----------------------------------

_CHARS = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(min_value=3, max_value=30),
    data=st.data(),
    slip=st.sampled_from(["copy-previous", "copy-next", "skip", "off-by-ten"]),
    side=st.sampled_from(["prose", "table"]),
)
def test_one_slip_in_either_sides_numbers_gives_exactly_one_numbering_finding(n, data, slip, side):
    texts = [
        f"推进{_CHARS[k % len(_CHARS)]}{_CHARS[k // len(_CHARS)]}项工作{k}。" for k in range(n)
    ]
    numbers = list(range(1, n + 1))
    k = data.draw(st.integers(min_value=1, max_value=n - 2))
    if slip == "copy-previous":
        numbers[k] = numbers[k - 1]
    elif slip == "copy-next":
        numbers[k] = numbers[k + 1]
    elif slip == "skip":
        numbers[k:] = [x + 1 for x in numbers[k:]]
    else:
        numbers[k] += 10
    right = range(1, n + 1)
    p_no, t_no = (numbers, right) if side == "prose" else (right, numbers)
    ms = [measure(str(no), t, ["办公室"]) for no, t in zip(p_no, texts)]
    es = [entry(str(no), t, ["办公室"], row=j + 1) for j, (no, t) in enumerate(zip(t_no, texts))]
    (d,) = measures_to_discrepancies(ms, es)
    assert d.kind is Kind.NUMBERING and d.severity is Severity.ERROR
    assert f"the slip is in the {side}" in d.message


def test_a_committee_written_short_in_the_table_is_no_disagreement():
    # 委 for 委员会 (normalize.units): the table's 甲市发改委 is the prose's
    # 甲市发展和改革委员会, an abbreviation, not a second unit.
    notice = policy_parse.parse_text(
        "一、任务\n"
        "1.开展收费检查。（牵头单位：甲市市场监督管理局；配合单位：甲市发展和改革委员会）\n"
        "2.建立沟通机制。（牵头单位：甲市工商联；配合单位：甲市发展和改革委员会）\n"
        "附件\n"
        "| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n"
        "| 1 | 开展收费检查 | 甲市市场监督管理局 | 甲市发改委 |\n"
        "| 2 | 建立沟通机制 | 甲市发改委 | 甲市工商联 |\n"
    )
    found = [(d.kind, d.severity, d.measure, d.prose, d.table) for d in notice.discrepancies]
    assert not [f for f in found if f[0] is Kind.UNITS_MISMATCH]
    # The swap on 2 is still told, with both sides' leads in full.
    assert (
        Kind.LEAD_MISMATCH,
        Severity.ERROR,
        "2",
        ("甲市工商联",),
        ("甲市发展和改革委员会",),
    ) in found
    assert any(d.kind is Kind.ALIAS and d.measure == "1" for d in notice.discrepancies)


def test_three_level_numbers_counting_on_are_no_gap():
    # 1-1-1 → 1-1-2 → 1-2-1: each step counts on by one at the level where
    # the numbers part; it was read at the second level alone (1 → 1: a gap).
    from policy_parse.normalize.numbers import parse_written
    from policy_parse.reconcile.numbering import side_numbering

    def check(*written: str) -> list[tuple[str | None, str]]:
        numbers = [(parse_written(w), w) for w in written]
        return [(d.measure, d.message) for d in side_numbering(numbers, "prose")]

    assert check("1.1.1", "1.1.2", "1.2.1", "2.1.1") == []
    assert check("1.1", "1.1.1", "1.1.2") == []  # a measure and its own sub-measures
    assert check("1.1.1", "1.1.3") == [("1.1.3", "the prose goes from 1-1-1 to 1-1-3")]
    assert check("1.1.2", "1.2.2") == [("1.2.2", "the prose starts 1-2 at sub-number 2")]
    assert check("1.1", "1.3") == [("1.3", "the prose goes from 1-1 to 1-3")]  # as before


_ONE_SIDE = (
    "某县2025年甲工作任务分工方案\n一、重点任务\n"
    "1.建设甲平台。（牵头单位：县甲局；完成时限：2025年6月底前）\n"
    "2.推行乙服务。（牵头单位：县乙局）\n"
    "3.开展丙行动。（牵头单位：县丙局；完成时限：2025年底前）\n"
    "附件\n重点任务分工表\n序号 | 重点任务 | 牵头单位 | {head}\n"
    "1 | 建设甲平台。 | 县甲局 | \n"
    "2 | 推行乙服务。 | 县乙局 | {d2}\n"
    "3 | 开展丙行动。 | 县丙局 | {d3}\n"
)


def test_a_deadline_only_one_side_states_is_an_info_finding_with_both_values():
    text = _ONE_SIDE.format(head="完成时限", d2="2025年9月底前", d3="2025年底前")
    notice = policy_parse.parse_text(text)
    found = [d for d in notice.discrepancies if d.note == "deadline_one_side"]
    assert [(d.measure, d.severity, d.prose, d.table) for d in found] == [
        ("1", Severity.INFO, "2025年6月底前", None),
        ("2", Severity.INFO, None, "2025年9月底前"),
    ]
    assert "正文—，分工表2025年9月底前" in message(found[1], "zh")
    assert "the prose —, the table 2025年9月底前" in message(found[1], "en")


def test_no_deadline_one_side_where_the_table_has_no_deadline_column():
    text = _ONE_SIDE.format(head="备注", d2="", d3="").replace("| 备注", "| 配合单位")
    notice = policy_parse.parse_text(text)
    assert not [d for d in notice.discrepancies if d.note == "deadline_one_side"]


def test_no_deadline_one_side_where_the_prose_never_states_one():
    # The sample's shape: the prose list leaves every 时限 to the table.
    assert not [d for d in sample_notice().discrepancies if d.note == "deadline_one_side"]

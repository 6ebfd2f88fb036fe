"""pairing.py and the numbering before it at length: a notice of thousands of
distinct measures (tools/long_notice.py) reads and pairs like a short one.

Issue 26: past ~1900 measures the numbers were read as dates (1900.… looks
like a year), the measures after them became sub-items of 1899 with ids the
table never wrote, and every one fell to the similar-text tier.  Asserted
here: what the records say, not how long it took (benchmarks/bench_parse.py
times the sizes).
"""

from __future__ import annotations

import sys
from pathlib import Path

import policy_parse
from policy_parse.reconcile import pair_measures

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

import long_notice  # tools/ is not a package: imported by path

N = 3000


def test_a_notice_of_three_thousand_distinct_measures_reads_every_number_and_pairs_by_text():
    written = long_notice.measures(N)
    notice = policy_parse.parse_text(long_notice.notice(N))

    assert [m.id for m in notice.measures] == [str(m.number) for m in written]
    assert [e.id for e in notice.table] == [str(m.number) for m in written]
    assert [m.text for m in notice.measures] == [m.text for m in written]
    assert [[u.name for u in m.lead] for m in notice.measures] == [[m.lead] for m in written]
    assert [[u.name for u in m.support] for m in notice.measures] == [
        list(m.support) for m in written
    ]
    pairs = pair_measures(notice.measures, notice.table)
    assert [(p.prose, p.table, p.how) for p in pairs] == [(i, i, "text") for i in range(N)]
    assert notice.discrepancies == ()


def test_the_generated_notice_is_what_its_docstring_says():
    # The specimen itself: distinct texts and departments, numbers 1…N in order.
    ms = long_notice.measures(N)
    assert len({m.text for m in ms}) == N
    units = [m.lead for m in ms] + [u for m in ms for u in m.support]
    assert len(set(units)) == len(units)
    assert [m.number for m in ms] == list(range(1, N + 1))


def test_pairs_asked_for_again_are_the_same_and_other_records_are_paired_anew():
    # pair_measures keeps its last answer for the same records (the report
    # asks after the reconciler); other records, even in another order, are
    # paired again.
    notice = policy_parse.parse_text(long_notice.notice(4))
    measures = list(notice.measures)
    first = pair_measures(measures, notice.table)
    assert [(p.prose, p.table) for p in first] == [(i, i) for i in range(4)]
    assert pair_measures(list(measures), notice.table) == first
    flipped = pair_measures(measures[::-1], notice.table)
    assert [(p.prose, p.table, p.how) for p in flipped] == [(i, 3 - i, "text") for i in range(4)]
    # A list may change between calls: never answered from memory.
    rows = list(notice.table)
    assert [p.table for p in pair_measures(measures, rows)] == [0, 1, 2, 3]
    rows.reverse()
    assert [p.table for p in pair_measures(measures, rows)] == [3, 2, 1, 0]

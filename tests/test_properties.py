"""Properties of the whole pipeline, on edited copies of samples/notice.txt.

Each example parses the edited text through `policy_parse.parse` (a `str`
holding line breaks is read as text), so the examples are kept few.
"""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import policy_parse
from helpers import (
    HEADER,
    PROSE_LINE,
    prose_annotation,
    prose_lines,
    records,
    sample_notice,
    sample_text,
    with_annotation,
)
from policy_parse import to_dict, to_json
from policy_parse.models import UnitStatus

FEW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def key(d):
    return (d.kind.value, d.severity.value, d.measure, d.message)


def sample_findings():
    return sorted(key(d) for d in sample_notice().discrepancies)


def about(findings, number):
    return [f for f in findings if f[2] == number]


def not_about(findings, number):
    return sorted(f for f in findings if f[2] != number)


# The measures whose prose names two or more supporting units.
MULTI_SUPPORT = sorted(no for no in prose_lines() if len(prose_annotation(no)[1]) >= 2)

# Full names the sample itself uses for the zone's departments.
FULL_NAMES = sorted(
    {
        u.name
        for m in sample_notice().measures
        for u in (*m.lead, *m.support)
        if u.status is UnitStatus.AS_WRITTEN
    }
)


# --- supporting units are a set -------------------------------------------------------


@FEW
@given(
    st.sampled_from(MULTI_SUPPORT).flatmap(
        lambda no: st.tuples(st.just(no), st.permutations(prose_annotation(no)[1]))
    )
)
def test_any_order_of_a_measures_supporting_units_is_never_a_units_mismatch(case):
    number, order = case
    lead, _ = prose_annotation(number)
    notice = policy_parse.parse_text(with_annotation(number, lead, order))
    found = sorted(key(d) for d in notice.discrepancies)
    mismatches = [f for f in about(found, number) if f[0] == "units-mismatch"]
    if number == "35":
        # The sample's own mismatch (信创产业招商局 / 海洋经济和军民融合产业招商局) stays one.
        assert len(mismatches) == 1
    else:
        assert mismatches == []
    assert [f[:3] for f in found] == [f[:3] for f in sample_findings()]


# --- a lead is checked measure by measure -------------------------------------------------


@FEW
@given(
    st.sampled_from(sorted(prose_lines())).flatmap(
        lambda no: st.tuples(
            st.just(no),
            st.sampled_from([n for n in FULL_NAMES if n != prose_annotation(no)[0]]),
        )
    )
)
def test_changing_one_prose_lead_is_a_lead_mismatch_there_and_nowhere_else(case):
    number, new_lead = case
    _, support = prose_annotation(number)
    notice = policy_parse.parse_text(with_annotation(number, new_lead, support))
    found = sorted(key(d) for d in notice.discrepancies)
    leads = [f for f in found if f[0] == "lead-mismatch"]
    assert [(f[1], f[2]) for f in leads] == [("error", number)]
    assert new_lead in leads[0][3]
    assert not_about(found, number) == not_about(sample_findings(), number)


# --- the way a file was saved changes no record ----------------------------------------------


N_LINES = len(sample_text().split("\n"))


@FEW
@given(
    crlf=st.booleans(),
    padded=st.sets(st.integers(min_value=0, max_value=N_LINES - 1), max_size=60),
    pad=st.sampled_from([" ", "  ", "\u3000", " \u3000"]),
)
def test_line_endings_and_trailing_spaces_change_no_record(crlf, padded, pad):
    lines = sample_text().split("\n")
    lines = [line + pad if k in padded else line for k, line in enumerate(lines)]
    text = ("\r\n" if crlf else "\n").join(lines)
    assert records(policy_parse.parse_text(text)) == records(sample_notice())


def test_crlf_line_endings_alone_change_no_record():
    text = sample_text().replace("\n", "\r\n")
    assert records(policy_parse.parse_text(text)) == records(sample_notice())


HALF = {"（": "(", "）": ")", "：": ":", "，": ","}


def half_width_annotations(numbers, chars):
    lines = sample_text().split("\n")
    table = str.maketrans({c: HALF[c] for c in chars})
    for no in numbers:
        k = prose_lines()[no]
        m = PROSE_LINE.match(lines[k])
        assert m is not None
        start = m.start("lead") - len("（牵头部门：")
        lines[k] = lines[k][:start] + lines[k][start:].translate(table)
    return "\n".join(lines)


def without_annotations(rec):
    for m in rec["measures"]:
        m.pop("annotation", None)
    return rec


@FEW
@given(
    numbers=st.sets(st.sampled_from(sorted(prose_lines())), min_size=1, max_size=20),
    chars=st.sets(st.sampled_from(sorted(HALF)), min_size=1),
)
def test_half_width_punctuation_in_annotations_changes_no_record(numbers, chars):
    notice = policy_parse.parse_text(half_width_annotations(numbers, chars))
    assert without_annotations(records(notice)) == without_annotations(records(sample_notice()))


def test_all_annotations_in_half_width_change_no_record():
    notice = policy_parse.parse_text(half_width_annotations(prose_lines(), HALF))
    assert without_annotations(records(notice)) == without_annotations(records(sample_notice()))


# --- emit -----------------------------------------------------------------------------------


def test_the_json_of_the_sample_loads_back_as_its_dict():
    text = to_json(sample_notice())
    assert text.endswith("\n")
    assert json.loads(text) == to_dict(sample_notice())


@FEW
@given(st.sampled_from(sorted(prose_lines())), st.sampled_from(FULL_NAMES))
def test_the_json_of_an_edited_notice_loads_back_as_its_dict(number, lead):
    notice = policy_parse.parse_text(with_annotation(number, lead, prose_annotation(number)[1]))
    assert json.loads(to_json(notice)) == to_dict(notice)
    assert json.loads(to_json(notice, indent=None)) == to_dict(notice)


def test_the_json_names_its_schema():
    assert json.loads(to_json(sample_notice()))["schema"] == "policy_parse/1"


# --- the helpers edit what they claim to ---------------------------------------------------


def test_the_edit_helpers_touch_only_the_annotation_of_one_line():
    edited = with_annotation("35", "经发局", ["海洋综合办", "信创产业招商局"]).split("\n")
    original = sample_text().split("\n")
    changed = [k for k, (a, b) in enumerate(zip(edited, original)) if a != b]
    assert changed == [prose_lines()["35"]]
    assert re.search(
        r"（牵头部门：经发局，责任部门：海洋综合办、信创产业招商局）$", edited[changed[0]]
    )


# --- a table written from the prose agrees with it ------------------------------------------


def prose_with_own_table(drop: tuple[str, str] | None = None) -> str:
    """The sample's covering notice and prose, followed by a 分工表 written
    from that prose (tab-indented cells, as web portals give it).  `drop`
    leaves one (measure, unit) out of the table."""
    lines = sample_text().split("\n")
    prose_end = max(prose_lines().values()) + 1
    out = lines[:prose_end] + ["", "\t分工表", ""] + [f"\t{h}" for h in HEADER] + [""]
    for m in sample_notice().measures:
        names = [u.written for u in (*m.lead, *m.support) if drop != (str(m.number), u.written)]
        no = "" if str(m.number) == "36-2" else str(m.number).split("-")[0]
        cells = [
            f"第{m.part}部分",
            f"第{m.section}项",
            "国家任务",
            no,
            m.text,
            "持续推进",
            "滨海高新区管委会",
            "、".join(names),
        ]
        out += [f"\t{c}" for c in cells] + [""]
    return "\n".join(out) + "\n"


# What the prose says about itself, whatever table stands beside it.
OWN = {"alias", "repeated-term"}


def test_a_table_written_from_the_prose_reconciles_with_it():
    notice = policy_parse.parse_text(prose_with_own_table())
    assert len(notice.table) == 78
    assert [str(e.number) for e in notice.table] == [str(m.number) for m in notice.measures]
    assert [key(d) for d in notice.discrepancies if d.kind.value not in OWN | {"numbering"}] == []


SUPPORTERS = sorted(
    (str(m.number), u.written, u.name) for m in sample_notice().measures for u in m.support
)


@FEW
@given(st.sampled_from(SUPPORTERS))
def test_leaving_one_supporter_out_of_that_table_is_exactly_one_finding(drop):
    number, written, name = drop
    before = {key(d) for d in policy_parse.parse_text(prose_with_own_table()).discrepancies}
    after = {
        key(d)
        for d in policy_parse.parse_text(prose_with_own_table((number, written))).discrepancies
    }
    new = sorted(after - before)
    assert [(f[0], f[1], f[2]) for f in new] == [("units-mismatch", "warning", number)]
    assert f"only the prose names {name}" in new[0][3]

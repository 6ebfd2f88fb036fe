"""segment/annotation_words.py: the annotation record, and the annotations
of one measure merged in one pass."""

from __future__ import annotations

import functools

from hypothesis import given, settings
from hypothesis import strategies as st

from policy_parse.segment.annotation_words import Annotation, merged_all

_NAMES = st.sampled_from(["县甲局", "县乙局", "县丙局"])
_NAME_LISTS = st.lists(_NAMES, max_size=3).map(tuple)

annotations = st.builds(
    Annotation,
    written=st.sampled_from(["牵头单位：县甲局", "责任单位：县乙局", "配合单位：县丙局", ""]),
    # Mostly none: a lead in any annotation ends the 责任-beside-配合 rule.
    lead=st.sampled_from([(), (), (), (), ("县甲局",), ("县乙局", "县丙局")]),
    support=_NAME_LISTS,
    deadline=st.sampled_from([None, "", "2025年底", "2026年6月"]),
    leaders=st.lists(st.sampled_from(["张三", "李四"]), max_size=2).map(tuple),
    responsible=_NAME_LISTS,
    helping=st.booleans(),
)


@settings(max_examples=120)
@given(st.lists(annotations, max_size=8))
def test_merging_in_one_pass_is_folding_merged_from_the_left(anns):
    # The fold is what a measure's annotations meant before (hostile4: it was
    # quadratic in thousands of label lines); the one pass must agree on every
    # field, the 责任-beside-配合 lead taken at the same step included.
    folded = functools.reduce(Annotation.merged, anns) if anns else None
    assert merged_all(anns) == folded


def test_a_responsible_label_beside_a_helping_one_leads_once_merged():
    # 责任单位：A / 配合单位：B on label lines of one measure: A leads, as in one bracket.
    responsible = Annotation(
        written="责任单位：县甲局", lead=(), support=("县甲局",), responsible=("县甲局",)
    )
    helping = Annotation(written="配合单位：县乙局", lead=(), support=("县乙局",), helping=True)
    merged = merged_all([responsible, helping])
    assert merged is not None
    assert (merged.lead, merged.support, merged.responsible, merged.helping) == (
        ("县甲局",),
        ("县乙局",),
        (),
        False,
    )
    assert merged.written == "责任单位：县甲局\n配合单位：县乙局"


def test_the_responsible_lead_is_taken_at_the_step_the_fold_takes_it():
    # No lead until the third line brings 配合: then 县乙局, the first 责任
    # value, leads (its first place in support taken out); a lead named
    # after it is added behind it.
    lines = [
        Annotation(
            written="责任单位：县乙局", lead=(), support=("县乙局",), responsible=("县乙局",)
        ),
        Annotation(
            written="责任单位：县丙局", lead=(), support=("县丙局",), responsible=("县丙局",)
        ),
        Annotation(written="配合单位：县乙局", lead=(), support=("县乙局",), helping=True),
        Annotation(written="牵头单位：县甲局", lead=("县甲局",), support=()),
    ]
    merged = merged_all(lines)
    assert merged == functools.reduce(Annotation.merged, lines)
    assert merged is not None
    assert (merged.lead, merged.support) == (("县乙局", "县甲局"), ("县丙局", "县乙局"))


def test_one_annotation_or_none_is_kept_as_it_is():
    only = Annotation(written="县甲局牵头", lead=("县甲局",), support=())
    assert merged_all([only]) is only
    assert merged_all([]) is None

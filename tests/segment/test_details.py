"""segment/details.py: unannotated （1）（2） under an annotated measure are
its details, folded into it under its units, and said (inner_details)."""

from __future__ import annotations

import pytest

import policy_parse


def _read(text: str) -> policy_parse.Notice:
    return policy_parse.parse_text("云岭市2025年养老服务任务分工\n一、完善服务体系\n" + text)


def _details(notice: policy_parse.Notice) -> list[policy_parse.Discrepancy]:
    return [d for d in notice.discrepancies if d.note == "inner_details"]


def test_plain_sub_items_of_an_annotated_measure_fold_into_it_under_its_units():
    notice = _read(
        "1.建设社区养老服务网络。（牵头单位：市民政局；配合单位：市财政局）\n"
        "（1）新建社区养老服务站20个。\n（2）为高龄老人发放津贴。\n"
        "2.提升医养结合水平。（牵头单位：市卫健委）\n"
    )
    assert [m.id for m in notice.measures] == ["1", "2"]
    first = notice.measures[0]
    assert [u.name for u in first.lead] == ["市民政局"]
    assert [u.name for u in first.support] == ["市财政局"]
    assert "（1）新建社区养老服务站20个。" in first.text
    assert "（2）为高龄老人发放津贴。" in first.text
    (d,) = _details(notice)
    assert d.measure == "1"
    assert dict(d.fields) == {"line": "4", "marker": "1.", "count": "2"}
    assert policy_parse.to_dict(notice)["measures"][0]["doubts"] == ["inner_details"]


def test_the_fold_keeps_the_table_s_single_row_paired():
    notice = _read(
        "1.建设社区养老服务网络。（牵头单位：市民政局）\n"
        "（1）新建社区养老服务站20个。\n（2）为高龄老人发放津贴。\n"
        "附件\n序号\t重点任务\t牵头单位\n1\t建设社区养老服务网络。\t市民政局\n"
    )
    kinds = {d.kind for d in notice.discrepancies}
    assert policy_parse.Kind.MISSING_IN_TABLE not in kinds


@pytest.mark.parametrize(
    "subs",
    [
        # each names its own unit: sub-measures 1-1, 1-2 (specimens 14, 28)
        "（1）新建站点。（市民政局负责）\n（2）发放津贴。（市财政局负责）\n",
        # one names a unit: not plain details
        "（1）新建站点。\n（2）发放津贴。（市财政局负责）\n",
        # numbered by the notice as sub-measures
        "1.1新建站点。\n1.2发放津贴。\n",
    ],
)
def test_sub_items_that_are_not_plain_details_stay_sub_measures(subs):
    notice = _read("1.建设社区养老服务网络。（牵头单位：市民政局）\n" + subs)
    assert "1-1" in [m.id for m in notice.measures]
    assert _details(notice) == []


def test_items_under_a_heading_that_names_units_stay_its_measures():
    # （一）标题（A牵头） over 1. 2.: the heading gives its items their units.
    notice = policy_parse.parse_text(
        "一、重点任务\n（一）加快产业升级（县发改局牵头，县工信局配合）\n"
        "1.实施技术改造项目20个。\n2.培育专精特新企业5家。\n"
        "（二）强化要素支撑（县财政局牵头）\n3.设立专项资金。\n"
    )
    assert [m.id for m in notice.measures] == ["1", "2", "3"]
    assert _details(notice) == []


def test_a_heading_level_taken_as_measures_keeps_its_sub_items():
    notice = policy_parse.parse_text(
        "一、推进改革（牵头单位：市发改委）\n1.细则一。\n二、优化服务（牵头单位：市政务局）\n"
    )
    assert [m.id for m in notice.measures] == ["1", "1-1", "2"]

"""normalize/abbreviations.py: abbreviations resolved against the notice's
own inventory of names (split from tests/normalize/test_units.py with the
module)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import ZONE_NAMES
from policy_parse.models import UnitStatus
from policy_parse.normalize.abbreviations import (
    Inventory,
    _abbreviated_by,
    _is_abbreviation,
    contracted,
)

# --- abbreviations against the notice's inventory -------------------------------------


def test_it_records_a_suffix_expansion_as_such():
    inv = Inventory(["北辰区政府", "南开区政府"])
    assert inv.unit("北辰", "北辰区政府").status is UnitStatus.EXPANDED
    assert inv.unit("南开区政府", "南开区政府").status is UnitStatus.AS_WRITTEN


def _unit(inv: Inventory, name: str):
    return inv.unit(name, name)


def test_it_resolves_an_abbreviation_to_the_full_name_seen_elsewhere():
    inv = Inventory([*ZONE_NAMES, "市场局"])
    u = _unit(inv, "市场局")
    assert (u.status, u.name, u.written) == (UnitStatus.RESOLVED, "市场监管局", "市场局")


def test_it_resolves_she_fa_ju_to_the_social_development_bureau():
    u = _unit(Inventory([*ZONE_NAMES, "社发局"]), "社发局")
    assert (u.status, u.name) == (UnitStatus.RESOLVED, "社会发展局")


def test_it_resolves_gui_hua_ju_to_the_planning_and_resources_bureau():
    u = _unit(Inventory([*ZONE_NAMES, "规划局"]), "规划局")
    assert (u.status, u.name) == (UnitStatus.RESOLVED, "规划和资源局")


def test_a_committee_or_office_written_short_is_its_full_name():
    # 委 for 委员会 and 办 for 办公室: the first-and-last-character rule alone
    # misses them, and a table writing 甲市发改委 beside a prose 甲市发展和
    # 改革委员会 would read as two units (a units-mismatch error).
    full = ["甲市发展和改革委员会", "甲市人民政府办公室", "甲市财政局"]
    inv = Inventory([*full, "甲市发改委", "甲市发展改革委", "甲市府办", "甲市政府办"])
    for short in ("甲市发改委", "甲市发展改革委"):
        assert (_unit(inv, short).status, _unit(inv, short).name) == (
            UnitStatus.RESOLVED,
            "甲市发展和改革委员会",
        )
    assert _unit(inv, "甲市府办").name == "甲市人民政府办公室"
    assert _unit(inv, "甲市政府办").name == "甲市人民政府办公室"
    # 管委会 keeps its own last character: still read by the plain rule.
    assert _unit(Inventory(["乙区管理委员会", "乙区管委会"]), "乙区管委会").name == "乙区管理委员会"
    # A 委 that is not the committee's short form stays apart: 甲市教委 names no
    # 甲市发展和改革委员会 (its 教 is not in it).
    other = _unit(Inventory([*full, "甲市教委"]), "甲市教委")
    assert (other.status, other.name) == (UnitStatus.AS_WRITTEN, "甲市教委")


def test_it_leaves_the_full_name_itself_as_written():
    u = _unit(Inventory([*ZONE_NAMES, "市场局"]), "市场监管局")
    assert (u.status, u.name) == (UnitStatus.AS_WRITTEN, "市场监管局")


def test_it_calls_jin_rong_ju_ambiguous_between_two_bureaus():
    u = _unit(Inventory([*ZONE_NAMES, "金融局"]), "金融局")
    assert u.status is UnitStatus.AMBIGUOUS
    assert set(u.candidates) == {"财政金融局", "金融招商局"}
    assert u.name == "金融局"  # not a guess
    assert u.written == "金融局"


def test_it_resolves_jin_rong_ju_when_only_one_bureau_fits():
    u = _unit(Inventory(["财政金融局", "科技创新局", "金融局"]), "金融局")
    assert (u.status, u.name) == (UnitStatus.RESOLVED, "财政金融局")


def test_it_leaves_a_name_that_abbreviates_nothing_in_the_notice_as_written():
    # 经发局 abbreviates 经济发展局, but the notice never writes that name.
    u = _unit(Inventory(ZONE_NAMES), "经发局")
    assert (u.status, u.name, u.candidates) == (UnitStatus.AS_WRITTEN, "经发局", ())


def test_it_leaves_a_name_unknown_to_the_inventory_as_written():
    u = _unit(Inventory(ZONE_NAMES), "审计局")
    assert (u.status, u.name) == (UnitStatus.AS_WRITTEN, "审计局")


def test_it_does_not_call_a_name_with_another_ending_an_abbreviation():
    # Same characters in order, but a 委 is not a 局.
    u = _unit(Inventory(["市场监管委", "市场局"]), "市场局")
    assert u.status is UnitStatus.AS_WRITTEN


@pytest.mark.parametrize(
    "joined", ["县发展改革局及县财政局", "县住建局和县财政局", "县教育局以及县财政局"]
)
def test_a_unit_is_no_abbreviation_of_an_item_that_joins_it_to_another(joined):
    # Two units written as one item stay so, but the second is named, not abbreviated.
    u = _unit(Inventory([joined, "县财政局"]), "县财政局")
    assert (u.status, u.name) == (UnitStatus.AS_WRITTEN, "县财政局")


def test_a_parent_body_is_no_abbreviation_of_its_branch():
    u = _unit(Inventory(["市生态环境局某区分局", "市生态环境局"]), "市生态环境局")
    assert (u.status, u.name) == (UnitStatus.AS_WRITTEN, "市生态环境局")


def test_a_group_is_no_abbreviation_of_a_unit_and_others_like_it():
    u = _unit(Inventory(["县住建局等相关部门", "相关部门"]), "相关部门")
    assert (u.status, u.name) == (UnitStatus.AS_WRITTEN, "相关部门")


def test_a_leading_qualifier_dropped_is_still_an_abbreviation():
    u = _unit(Inventory(["高新区财政局", "财政局"]), "财政局")
    assert (u.status, u.name) == (UnitStatus.RESOLVED, "高新区财政局")


def test_it_keeps_written_and_expanded_forms_beside_the_canonical_name():
    inv = Inventory(["北辰区政府", "南开区政府"])
    u = inv.unit("北辰", "北辰区政府")
    assert (u.written, u.expanded, u.name) == ("北辰", "北辰区政府", "北辰区政府")


def test_it_applies_a_curated_alias_only_when_its_full_name_is_in_the_notice():
    assert _unit(Inventory(["人行", "人民银行"]), "人行").name == "人民银行"
    assert _unit(Inventory(["人行", "科技创新局"]), "人行").status is UnitStatus.AS_WRITTEN


inventories = st.lists(
    st.sampled_from(
        [*ZONE_NAMES, "市场局", "社发局", "规划局", "金融局", "各招商部门", "经济发展局"]
    ),
    min_size=1,
    unique=True,
)


@settings(max_examples=60)
@given(inventories)
def test_normalising_a_name_twice_changes_nothing(names):
    inv = Inventory(names)
    for name in names:
        once = _unit(inv, name)
        twice = _unit(inv, once.name)
        assert twice.name == once.name


@settings(max_examples=60)
@given(inventories)
def test_every_full_name_in_the_inventory_stays_as_written(names):
    inv = Inventory(names)
    for name in set(names) & set(ZONE_NAMES) - {"经发局"}:
        # 经发局 is a short form of 经济发展局, when that is in the inventory.
        u = _unit(inv, name)
        assert u.name == name


@settings(max_examples=80)
@given(
    st.lists(st.text(alphabet="区县财政局委办发展改员会公室", min_size=1, max_size=7), unique=True)
)
def test_the_abbreviation_index_finds_what_comparing_every_pair_finds(names):
    # The index (issue 26: no quadratic step for thousands of units) must
    # change no answer: every (short, full) pair the definition accepts,
    # a full name ending 委员会/办公室 compared as ending 委/办.
    def abbreviates(short: str, full: str) -> bool:
        form = contracted(full)
        if _is_abbreviation(short, full):
            return True
        if form == full:
            return False
        return _is_abbreviation(short, form) or (short == form and len(short) >= 3)

    brute = {short: {full for full in names if abbreviates(short, full)} for short in names}
    assert _abbreviated_by(names) == {k: v for k, v in brute.items() if v}


# --- many distinct names (issue 23: the Inventory is near-linear) ---------------------

_PLACES = "东南西北中金银山水林湖江河湾岭桥港城乡镇"


_BUREAUS = ("财政局", "教育局", "科学技术局", "生态环境局", "市场监督管理局", "交通运输局")


def _many_names() -> list[str]:
    """~2,300 invented names: every two-character place (two of `_PLACES`,
    in order) with every bureau, and for each place its 财局 and 教局."""
    places = [a + b + "区" for a in _PLACES for b in _PLACES if a != b]
    names = [p + b for p in places for b in _BUREAUS[:4]]
    names += [p + "财局" for p in places] + [p + "教局" for p in places]
    return names


def _pairwise(short: str, names: list[str]) -> list[str]:
    """The abbreviation rule checked against every name: a short name
    abbreviates a longer one ending alike that holds its characters in order,
    not at its start (what the Inventory's index must answer exactly)."""
    out = []
    for full in names:
        if len(short) < 3 or len(full) <= len(short) or short[-1] != full[-1]:
            continue
        it = iter(full)
        if not full.startswith(short) and all(ch in it for ch in short):
            out.append(full)
    return out


def test_many_distinct_names_resolve_as_checking_every_pair_would() -> None:
    names = _many_names()
    assert len(names) > 2000
    inv = Inventory(names)
    # Each place's 财局 is its 财政局 alone, 教局 its 教育局; every full name
    # abbreviates none of the others.
    for name in names:
        u = _unit(inv, name)
        if name.endswith(("财局", "教局")):
            full = name[:-1] + {"财": "政局", "教": "育局"}[name[-2]]
            assert (u.status, u.name) == (UnitStatus.RESOLVED, full), name
        else:
            assert (u.status, u.name) == (UnitStatus.AS_WRITTEN, name), name
    # And on a sample, the same answer as the rule tried on every pair.
    for name in random.Random(23).sample(names, 150):
        fulls = _pairwise(name, names)
        assert _unit(inv, name).name == (fulls[0] if fulls else name), name


def test_an_abbreviation_of_several_of_many_names_stays_ambiguous() -> None:
    names = [*_many_names(), "东南区局"]  # 东南区 with each bureau holds it
    u = _unit(Inventory(names), "东南区局")
    assert u.status is UnitStatus.AMBIGUOUS
    assert set(u.candidates) == {"东南区" + b for b in _BUREAUS[:4]}


def test_a_name_that_does_not_look_like_one_is_no_full_name_to_resolve_to():
    # 主责:县甲局 (a label read into a name) made every well-read 县甲局 of
    # the notice resolve to it.
    inv = Inventory(["县甲局", "主责:县甲局", "县乙局"])
    assert inv.unit("县甲局", "县甲局").name == "县甲局"

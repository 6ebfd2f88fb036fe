"""normalize/units.py: splitting unit lists, shared suffixes, abbreviations."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policy_parse
from policy_parse.models import UnitStatus
from policy_parse.normalize.units import (
    Inventory,
    _abbreviated_by,
    _contracted,
    _is_abbreviation,
    clean,
    expand_shared_suffixes,
    looks_like_unit,
    spaced_name,
    split_units,
    written_units,
)

# Full names the sample notice uses for the zone's departments.
ZONE_NAMES = [
    "科技创新局",
    "科技发展局",
    "经发局",
    "人社局",
    "社会发展局",
    "市场监管局",
    "财政金融局",
    "金融招商局",
    "规划和资源局",
    "组织人事部",
    "政务服务办",
    "办公室",
    "信创产业招商局",
    "海洋经济和军民融合产业招商局",
    "海洋综合办",
    "生物医药招商局",
    "各相关招商部门",
    "建设和交通局",
    "京津冀招商局",
    "智能与新经济产业促进局",
]

# --- splitting -------------------------------------------------------------------


def test_it_splits_on_the_enumeration_comma():
    assert split_units("科技创新局、经发局、人社局") == ["科技创新局", "经发局", "人社局"]


@pytest.mark.parametrize("sep", ["、", "，", "；", ",", ";", "\n", "\r\n", "、\n"])
def test_it_splits_on_every_list_separator(sep):
    assert split_units(f"科技创新局{sep}经发局") == ["科技创新局", "经发局"]


@pytest.mark.parametrize("space", [" ", "\t", "\u3000", "\u00a0", "\u200b", "\ufeff", "  \u3000 "])
def test_it_trims_every_kind_of_whitespace(space):
    text = f"{space}科技创新局{space}、{space}经发局{space}"
    assert split_units(text) == ["科技创新局", "经发局"]


def test_it_drops_empty_items_between_doubled_separators():
    assert split_units("科技创新局、、经发局、") == ["科技创新局", "经发局"]


@pytest.mark.parametrize("empty", ["—", "——", "－", "-", "/", "无", "暂无", " 无 ", "…"])
def test_a_cell_that_says_none_names_no_unit(empty):
    assert split_units(empty) == []
    assert split_units(f"科技创新局、{empty}") == ["科技创新局"]


def test_a_unit_whose_name_merely_contains_a_placeholder_stays():
    assert split_units("无线电管理局、D-LAB中心") == ["无线电管理局", "D-LAB中心"]


def test_a_none_support_label_gives_no_supporting_unit():
    import policy_parse

    notice = policy_parse.parse_text(
        "某县方案\n一、任务\n1.建设广场。（牵头单位：县文化局；配合单位：无）\n"
    )
    (m,) = notice.measures
    assert [u.written for u in m.lead] == ["县文化局"] and m.support == ()


def test_it_unifies_full_and_half_width_characters():
    assert clean("ＡＢＣ局") == "ABC局"
    assert clean("清数Ｄ－ＬＡＢ") == "清数D-LAB"


separators = st.sampled_from(["、", "，", "；", "\n", "、 ", " ，\u3000"])
spaces = st.sampled_from(["", " ", "\u3000", "\u00a0", "\t"])


@settings(max_examples=60)
@given(st.lists(st.sampled_from(ZONE_NAMES), min_size=1, max_size=8), st.data())
def test_it_finds_exactly_the_names_that_were_joined(names, data):
    text = ""
    for k, name in enumerate(names):
        if k:
            text += data.draw(separators)
        text += data.draw(spaces) + name + data.draw(spaces)
    assert split_units(text) == names


@settings(max_examples=60)
@given(st.lists(st.sampled_from(ZONE_NAMES + ["北辰", "南开", " 武清区政府"]), max_size=8))
def test_splitting_what_it_split_changes_nothing(names):
    once = split_units("、".join(names))
    assert split_units("、".join(once)) == once


# --- shared suffixes ---------------------------------------------------------------


def test_it_gives_each_district_the_suffix_the_last_one_carries():
    assert expand_shared_suffixes(["北辰", "南开", "武清区政府"]) == [
        ("北辰", "北辰区政府"),
        ("南开", "南开区政府"),
        ("武清区政府", "武清区政府"),
    ]


def test_it_expands_a_suffix_run_after_a_full_name():
    # 表 row 74 of the sample: 滨海新区政府、北辰、南开、武清区政府
    pairs = written_units("滨海新区政府、北辰、南开、武清区政府")
    assert [e for _, e in pairs] == ["滨海新区政府", "北辰区政府", "南开区政府", "武清区政府"]
    assert [w for w, _ in pairs] == ["滨海新区政府", "北辰", "南开", "武清区政府"]


def test_a_run_shares_the_ending_and_the_level_only_the_ends_write():
    # 丁市民政、人社局: 丁市 is before the first name only, 局 after the last.
    assert expand_shared_suffixes(["市民政", "人社局"]) == [
        ("市民政", "市民政局"),
        ("人社局", "市人社局"),
    ]
    assert [e for _, e in written_units("区教育、卫健、文旅局")] == [
        "区教育局",
        "区卫健局",
        "区文旅局",
    ]


def test_a_shared_ending_never_lengthens_a_place_or_a_whole_unit():
    # 高新区、丁县财政局: a place; 人民银行、丁县财政局: a unit with no 局.
    assert [e for _, e in written_units("高新区、丁县财政局")] == ["高新区", "丁县财政局"]
    assert [e for _, e in written_units("人民银行、丁县财政局")] == ["人民银行", "丁县财政局"]
    # A level before the last name too: each keeps its own.
    assert [e for _, e in written_units("市民政、区人社局")] == ["市民政局", "区人社局"]


def test_it_leaves_a_run_that_ends_the_list_without_a_suffix_as_written():
    assert expand_shared_suffixes(["科技创新局", "北辰", "南开"]) == [
        ("科技创新局", "科技创新局"),
        ("北辰", "北辰"),
        ("南开", "南开"),
    ]


def test_a_run_takes_the_suffix_of_the_unit_beside_it_not_of_one_joined_after_it():
    # 甲乡、乙局及丙区政府: 丙区政府 is another unit joined by 及; 甲乡 does not
    # become 甲乡区政府, and 甲、乙局及丙区政府 gives 甲 the 局 of 乙局 at most.
    assert expand_shared_suffixes(["东坡", "西坡区政府及新港管委会"]) == [
        ("东坡", "东坡区政府"),
        ("西坡区政府及新港管委会", "西坡区政府及新港管委会"),
    ]
    # Not 市民宗区政府: the 办 of 人防办 at most (a shared_ending finding says
    # it is a guess), and the joined item stays as written.
    assert expand_shared_suffixes(["市民宗", "人防办及各区政府"]) == [
        ("市民宗", "市民宗办"),
        ("人防办及各区政府", "人防办及各区政府"),
    ]


def test_it_keeps_full_names_as_they_are():
    names = ["科技创新局", "经发局", "组织人事部"]
    assert expand_shared_suffixes(names) == [(n, n) for n in names]


def test_it_takes_an_unlisted_suffix_from_the_part_beyond_the_short_names():
    # 区教育局 is in no data file; the short names are two characters long.
    assert [e for _, e in written_units("河东、河西区教育局")] == ["河东区教育局", "河西区教育局"]


def test_it_expands_each_run_with_its_own_suffix():
    pairs = written_units("北辰、南开区政府、宝坻、宁河区人民政府")
    assert [e for _, e in pairs] == ["北辰区政府", "南开区政府", "宝坻区人民政府", "宁河区人民政府"]


def test_it_never_doubles_the_head_of_a_shared_suffix():
    # 黄埔区、南沙区政府 (a Guangzhou table): 黄埔区 + 区政府 is 黄埔区政府, not 黄埔区区政府.
    assert [e for _, e in written_units("黄埔区、南沙区政府")] == ["黄埔区政府", "南沙区政府"]


@pytest.mark.parametrize("name", ["市科协", "市侨联", "区工商联", "城投公司", "镇政府"])
def test_it_leaves_a_complete_unit_name_before_a_suffix_run_as_written(name):
    # 市科协、…管委会 once gave 市科协管委会: a name ending in a unit word keeps its name.
    pairs = written_units(f"{name}、高新区管委会")
    assert pairs[0] == (name, name)


@pytest.mark.parametrize(
    "written, expanded",
    [
        # levels of government before one level with its body: 各县、镇、乡政府
        ("各县、镇、乡政府", ["各县政府", "镇政府", "乡政府"]),
        # a level with its alternative in brackets: 各市（县）、区政府
        ("县农委，各市（县）、区政府", ["县农委", "各市(县)政府", "区政府"]),
        ("各县、区人民政府（管委会）", ["各县人民政府(管委会)", "区人民政府(管委会)"]),
    ],
)
def test_a_run_of_levels_takes_the_body_the_last_level_names(written, expanded):
    assert [e for _, e in written_units(written)] == expanded


@pytest.mark.parametrize("written", ["甲乙、区政府", "各县（园区）、区政府"])
def test_a_run_that_is_no_level_takes_no_body(written):
    # 甲乙 is no level; （园区） is no alternative level.
    pairs = written_units(written)
    assert pairs[0][1] == pairs[0][0].replace("（", "(").replace("）", ")")


@pytest.mark.parametrize(
    "written, expanded",
    [
        # a named town or district before a department: two units, not 东湖镇住建局
        ("东湖镇、县住建局", ["东湖镇", "县住建局"]),
        ("北辰区、市财政局", ["北辰区", "市财政局"]),
        # a group of levels is a unit of its own, not 各乡镇住建局 / 各县区直各部门
        ("各乡镇、县住建局", ["各乡镇", "县住建局"]),
        ("各县区、市直各部门", ["各县区", "市直各部门"]),
        # one bare level still takes the body: 各区、县住建局
        ("各区、县住建局", ["各区住建局", "县住建局"]),
    ],
)
def test_only_a_bare_level_takes_the_body_of_the_unit_after_it(written, expanded):
    assert [e for _, e in written_units(written)] == expanded


def test_it_records_a_suffix_expansion_as_such():
    inv = Inventory(["北辰区政府", "南开区政府"])
    assert inv.unit("北辰", "北辰区政府").status is UnitStatus.EXPANDED
    assert inv.unit("南开区政府", "南开区政府").status is UnitStatus.AS_WRITTEN


# --- abbreviations against the notice's inventory -------------------------------------


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
        form = _contracted(full)
        if _is_abbreviation(short, full):
            return True
        if form == full:
            return False
        return _is_abbreviation(short, form) or (short == form and len(short) >= 3)

    brute = {short: {full for full in names if abbreviates(short, full)} for short in names}
    assert _abbreviated_by(names) == {k: v for k, v in brute.items() if v}


def test_it_keeps_a_parenthetical_inside_a_unit_name_whole():
    assert split_units("科技创新局、示范区领导小组办公室（滨海高新区管委会、市科技局）") == [
        "科技创新局",
        "示范区领导小组办公室（滨海高新区管委会、市科技局）",  # as written: full width kept
    ]


def test_a_bare_name_takes_no_tail_that_is_not_an_administrative_level() -> None:
    from policy_parse.normalize.units import written_units

    assert written_units("东陵海关、市市场监管局") == [
        ("东陵海关", "东陵海关"),
        ("市市场监管局", "市市场监管局"),
    ]
    # …while a run of place names still takes the level it shares.
    assert written_units("甲乙、丙丁、戊己县政府")[0] == ("甲乙", "甲乙县政府")


# --- units apart by spaces (a PDF copy) ----------------------------------------------------


def test_it_splits_a_list_whose_units_are_apart_by_spaces():
    assert split_units("县财政局 县自然资源局\u3000各乡镇人民政府") == [
        "县财政局",
        "县自然资源局",
        "各乡镇人民政府",
    ]


def test_every_town_or_district_is_a_unit_of_its_own_between_spaces():
    # 县邮政公司 各乡镇 was read as one name 县邮政公司各乡镇 (it ends in 镇,
    # so no odd_unit either): 各 and a place names a group of units.
    assert split_units("县邮政公司 各乡镇") == ["县邮政公司", "各乡镇"]
    assert split_units("各街道 区城管局") == ["各街道", "区城管局"]


@pytest.mark.parametrize(
    "text",
    [
        "县 财 政 局",  # a name spaced out letter by letter
        "县财政局 有关科室负责同志",  # a piece that does not end like a unit
    ],
)
def test_it_keeps_a_name_with_spaces_inside_whole(text):
    assert split_units(text) == [text.replace(" ", "")]


@pytest.mark.parametrize(
    "text",
    [
        "高新区 管委会",  # a place then a body: one name
        "市委 宣传部",  # a piece too short to be a unit of its own
        "东城区 西城区政府",  # two places, or one name: not taken apart either way
    ],
)
def test_a_name_kept_whole_whose_pieces_each_look_like_a_unit_keeps_its_space(text):
    # The canonical name glues them; the written form keeps the space, so the
    # odd_unit finding can say the name may be several units.
    assert split_units(text) == [text]
    assert spaced_name(text)
    assert clean(text) == text.replace(" ", "")


def test_a_spaced_name_read_whole_is_an_odd_unit():
    notice = policy_parse.parse_text(
        "甲市任务分工\n1.推进就业。（牵头单位：市人社局；配合单位：东城区 西城区政府）\n"
    )
    odd = [dict(d.fields) for d in notice.discrepancies if d.note == "odd_unit"]
    assert odd == [{"units": "东城区西城区政府"}]
    assert [u.written for u in notice.measures[0].support] == ["东城区 西城区政府"]


# --- what a unit looks like ------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "县财政局",
        "各街道",
        "隽水镇",
        "立山经济开发区",
        "县委组织部（县委人才办）",
        "省农业厅等",
        "各乡镇(街道)",
        "区人民政府(管委会)",
        "各县",
        "各地",
        "全区经济运行各专班",
        "县直各有关单位",
        "民盟中央",  # a national body of an organisation: 中央
        "各镇街",  # towns and sub-districts together: it warned as an odd unit
        "各街镇",
        "各区",  # a level with 各 (or a body: 县委) is a unit
        "县委",
    ],
)
def test_names_of_departments_places_and_groups_look_like_units(name):
    assert looks_like_unit(name)


@pytest.mark.parametrize(
    "name",
    [
        "区",  # an excerpt cut inside 区发展和改革局
        "县工业和信息化局按职责分工负责",  # a sharing marker glued on
        "市商务局牵头",
        "配合单位：市财政局",
        "指导部门:市发改委",  # an unknown label glued on (NFKC makes its colon half-width)
        "推进惠企政策免申即享",  # no unit ending: text, not a department
        "市" + "发展和改革委员会" * 4,  # too long for a name: a sentence swallowed
        "区市",  # levels only: 区市场监管局 cut at a line break (区市 / 场监管局)
        "县市",
    ],
)
def test_a_name_cut_in_the_wrong_place_does_not_look_like_a_unit(name):
    assert not looks_like_unit(name)


@pytest.mark.parametrize(
    "written, expanded",
    [
        (["中新生态城", "滨海新区政府"], ["中新生态城", "滨海新区政府"]),
        (["滨海新区", "和平县政府"], ["滨海新区", "和平县政府"]),
        (["河东区", "河西区政府"], ["河东区政府", "河西区政府"]),
        (["高新区", "经开区管委会"], ["高新区管委会", "经开区管委会"]),
    ],
)
def test_a_whole_place_takes_no_suffix_of_another_level(written, expanded):
    assert [e for _, e in expand_shared_suffixes(written)] == expanded


def test_a_level_run_after_x_deng_takes_the_body_too():
    pairs = written_units("县甲局、县乙局等，各县、市、区政府")
    assert [e for _, e in pairs] == ["县甲局", "县乙局等", "各县政府", "市政府", "区政府"]


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

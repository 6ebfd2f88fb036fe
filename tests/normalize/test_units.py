"""normalize/units.py: splitting unit lists, shared suffixes (abbreviations:
test_abbreviations.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policy_parse
from helpers import ZONE_NAMES
from policy_parse.normalize.units import (
    clean,
    expand_shared_suffixes,
    looks_like_unit,
    spaced_name,
    split_units,
    written_units,
)

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


# --- lists with brackets and levels -------------------------------------------------


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

"""split_units keeps every character it is given (no placeholder characters)."""

from __future__ import annotations

from policy_parse.normalize.units import split_units


def test_a_nul_and_a_soh_in_a_list_are_not_turned_into_separators() -> None:
    assert split_units("区\x00科技局、区\x01财政局") == ["区\x00科技局", "区\x01财政局"]


def test_a_separator_inside_parentheses_still_does_not_split() -> None:
    assert split_units("各县（市、区）政府，区发改局") == ["各县（市、区）政府", "区发改局"]


def test_a_separator_inside_any_kind_of_bracket_does_not_split() -> None:
    # Portals write the level alternatives in 〔〕 or 【】 as often as in （）.
    for opener, closer in ("〔〕", "【】", "［］"):
        name = f"相关县{opener}市、区{closer}政府"
        assert split_units(f"{name}、县财政局") == [name, "县财政局"]


def test_a_unit_with_a_bracketed_level_looks_like_one() -> None:
    from policy_parse.normalize.units import looks_like_unit

    assert looks_like_unit("各乡镇〔街道〕")
    assert looks_like_unit("各乡镇【街道】")
    assert not looks_like_unit("〔街道〕")

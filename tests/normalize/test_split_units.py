"""split_units keeps every character it is given (no placeholder characters)."""

from __future__ import annotations

from policy_parse.normalize.units import split_units


def test_a_nul_and_a_soh_in_a_list_are_not_turned_into_separators() -> None:
    assert split_units("区\x00科技局、区\x01财政局") == ["区\x00科技局", "区\x01财政局"]


def test_a_separator_inside_parentheses_still_does_not_split() -> None:
    assert split_units("各县（市、区）政府，区发改局") == ["各县（市、区）政府", "区发改局"]

"""layout.tabs: white gaps with no glyph, read back as the tabs that made
them (docs/pdf.md, "Text of a line").  Lines of invented characters: CJK
one em wide, digits half an em, 10 pt type."""

from __future__ import annotations

import pytest

from policy_parse.read.layout import compiled
from policy_parse.read.layout.lines import group_lines, is_wide
from policy_parse.read.layout.page_model import Char
from policy_parse.read.layout.tabs import count_tabs, find_tabs, line_tabs, tab_lines

SIZE = 10.0


def _set(*pieces: tuple[float, str], top: float = 0.0) -> list[Char]:
    """Each piece's text set from its x, glyph by glyph."""
    out: list[Char] = []
    for x, text in pieces:
        for ch in text:
            w = SIZE / 2 if ch.isascii() else SIZE
            out.append(Char(ch, x, x + w, top, top + SIZE, SIZE))
            x += w
    return out


def test_a_gap_between_cjk_cells_is_a_tab_and_a_justified_spread_is_none() -> None:
    row = _set((0, "序号"), (24, "任务"), (48, "甲局"))
    assert find_tabs(row, is_wide) == [2, 4]
    # Every gap alike: a line spread by justification, however wide.
    spread = [Char(ch, 13.0 * k, 13.0 * k + SIZE, 0, SIZE, SIZE) for k, ch in enumerate("各部门要")]
    assert find_tabs(spread, is_wide) == []


def test_cjk_latin_spacing_alone_is_no_tab() -> None:
    line = _set((0, "完成"), (22, "2025"), (44, "年"))
    assert find_tabs(line, is_wide) == []
    assert line_tabs(line, is_wide) == {}


def test_a_gap_past_several_stops_holds_a_tab_for_each() -> None:
    # 1, then the task cell left empty: 推进 on the second stop.
    header = _set((0, "序号"), (24, "任务"), (48, "单位"), (72, "时限"))
    row = _set((0, "1"), (48, "推进"), (72, "甲局"))
    found = [find_tabs(header, is_wide), find_tabs(row, is_wide)]
    assert count_tabs([header, row], found, is_wide)[1] == {1: 2, 3: 1}
    # One line alone, one stop position in it: no step is known, one tab.
    assert line_tabs(_set((0, "1"), (48, "推进")), is_wide) == {1: 1}


def test_a_narrow_gap_on_a_stop_wider_than_the_usual_spacing_is_a_tab() -> None:
    # 2 pt of CJK/Latin spacing on the row above; 技局 ends 4 pt before the
    # stop at 24: that gap is a tab, too narrow for find_tabs alone.
    above = _set((0, "1"), (24, "完成"), (46, "2025"), (68, "年"))
    cut = _set((0, "技局"), (24, "25"), (48, "乙局"))
    found = [find_tabs(above, is_wide), find_tabs(cut, is_wide)]
    assert found[1] == [4]  # 乙局 only
    assert count_tabs([above, cut], found, is_wide)[1] == {2: 1, 4: 1}


def test_a_row_of_cells_on_a_stop_right_of_the_margin_has_tabs_in_front() -> None:
    header = _set((0, "序号"), (24, "任务"), (48, "单位"), (72, "时限"))
    under = _set((48, "牵头"), (72, "配合"))
    found = [find_tabs(header, is_wide), find_tabs(under, is_wide)]
    assert count_tabs([header, under], found, is_wide)[1] == {0: 2, 2: 1}


@pytest.mark.parametrize("passes", [True, False], ids=["compiled", "python"])
def test_lines_carry_the_tabs_whichever_path_builds_them(
    passes: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not passes:
        monkeypatch.setattr(compiled, "PASSES", None)
    chars = [
        *_set((0, "序号"), (24, "任务"), (48, "单位"), (72, "时限")),
        *_set((0, "1"), (48, "推进"), (72, "甲局"), top=15),
        *_set((48, "牵头"), (72, "配合"), top=30),
    ]
    assert [ln.text for ln in group_lines(chars, 1)] == [
        "序号\t任务\t单位\t时限",
        "1\t\t推进\t甲局",
        "\t\t牵头\t配合",
    ]


def test_only_lines_with_a_gap_wide_enough_for_a_tab_are_looked_at() -> None:
    row = _set((0.0, "序号"), (24.0, "任务"))
    justified = _set((0.0, "甲乙丙丁"))
    lone = _set((0.0, "甲"))
    assert tab_lines([row, justified, lone]) == [0]
    assert find_tabs(justified, is_wide) == [] and find_tabs(lone, is_wide) == []

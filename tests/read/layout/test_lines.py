"""layout.lines: the shortcuts (the fake-bold dedupe's `_no_twins`, the
clustering's runs, the all-wide text) never change what the exact loops
give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policy_parse.read.layout.lines import (
    _all_wide,
    _chars_to_text,
    _cluster,
    _dedupe_loop,
    _no_twins,
    _text_loop,
    dedupe,
)
from policy_parse.read.layout.page_model import Char


def _cluster_loop(keyed: list[tuple[float, float, int, Char]]) -> list[list[Char]]:
    """`_cluster` character by character: the reference its shortcut is
    tested against."""
    groups: list[list[Char]] = []
    mid_line = 0.0
    group: list[Char] = []
    for mid, _, _, c in keyed:
        size = max(1.0, c.size)
        if group and abs(mid - mid_line) <= 0.5 * size:
            group.append(c)
            # running mean keeps a long line from drifting
            mid_line += (mid - mid_line) / len(group)
        else:
            group = [c]
            groups.append(group)
            mid_line = mid
    return groups


def _char(text: str, x0: float, top: float, size: float = 10.0) -> Char:
    return Char(text, x0, x0 + size, top, top + size, size)


def test_a_glyph_drawn_twice_a_quarter_point_apart_is_dropped_once() -> None:
    chars = [_char("甲", 10.0, 20.0), _char("甲", 10.25, 20.25), _char("乙", 20.0, 20.0)]
    assert not _no_twins(chars, 1.0)
    assert [c.x0 for c in dedupe(chars)] == [10.0, 20.0]


def test_a_page_of_distinct_neighbours_takes_the_shortcut_and_keeps_everything() -> None:
    # The same character again one em to the right, or on the next line, is
    # text, not fake bold.
    chars = [_char("十", 10.0 * k, 20.0 * row) for k in range(30) for row in range(10)]
    assert _no_twins(chars, 1.0)
    assert dedupe(chars) == chars


def test_twins_across_a_cell_edge_are_still_found() -> None:
    # 0.9999 and 1.0001 fall in neighbouring grid cells; 1.999 and 1.001
    # (0.998 apart) too.
    chars = [_char("甲", 0.9999, 5.0), _char("甲", 1.0001, 5.0)]
    assert dedupe(chars) == chars[:1]
    chars = [_char("乙", 1.999, 5.0), _char("乙", 1.001, 5.9)]
    assert dedupe(chars) == chars[:1]


_coord = st.one_of(
    st.floats(min_value=0, max_value=40, allow_nan=False),
    st.integers(min_value=0, max_value=40).map(float),
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from("甲乙 a"), _coord, _coord, st.sampled_from([1.0, 1.005, 10.0])),
        max_size=25,
    ),
    st.lists(st.tuples(st.integers(0, 24), _coord, _coord), max_size=10),
    st.sampled_from([0.5, 1.0, 2.0]),
)
def test_the_shortcut_keeps_exactly_what_the_loop_keeps(
    base: list[tuple[str, float, float, float]],
    near: list[tuple[int, float, float]],
    tol: float,
) -> None:
    chars = [_char(t, x, y, s) for t, x, y, s in base]
    # Copies of some characters moved by up to about `tol` (fake bold, and
    # pairs just too far apart to be it).
    for k, dx, dy in near:
        if chars:
            c = chars[k % len(chars)]
            chars.append(
                _char(
                    c.text,
                    c.x0 + (dx / 40 - 0.5) * 2.2 * tol,
                    c.top + (dy / 40 - 0.5) * 2.2 * tol,
                    c.size,
                )
            )
    assert dedupe(chars, tol) == _dedupe_loop(chars, tol)
    if _no_twins(chars, tol):
        assert _dedupe_loop(chars, tol) == chars


# group_lines' clustering: the run shortcut against the loop.

_middle = st.one_of(
    st.sampled_from([10.0, 10.5, 11.0, 14.0, 30.0, float("inf"), float("nan")]),
    st.floats(min_value=0, max_value=40, allow_nan=False),
)


def _keyed(spec: list[tuple[float, float, float]]) -> list[tuple[float, float, int, Char]]:
    chars = [Char("字", x, x + 1.0, mid - 0.5, mid + 0.5, size) for mid, x, size in spec]
    return sorted(
        zip(
            [(c.top + c.bottom) / 2 for c in chars],
            [c.x0 for c in chars],
            range(len(chars)),
            chars,
            strict=True,
        )
    )


def test_a_run_on_one_middle_joins_the_line_it_starts() -> None:
    keyed = _keyed([(10.0, float(x), 10.0) for x in range(5)] + [(30.0, 0.0, 10.0)])
    assert [len(g) for g in _cluster(keyed)] == [5, 1]


def test_a_run_joining_a_line_of_another_middle_is_tested_character_by_character() -> None:
    # 10, then 13 ×3: each 13 moves the mean (10 → 11.5 → 12 → 12.25), the
    # second and later 13s are tested against a mean that is not theirs.
    keyed = _keyed([(10.0, 0.0, 10.0), *[(13.0, float(x), 10.0) for x in range(1, 4)]])
    assert _cluster(keyed) == _cluster_loop(keyed)
    assert [len(g) for g in _cluster(keyed)] == [4]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(_middle, _coord, st.sampled_from([0.5, 1.0, 3.0, 10.0, float("nan")])),
        max_size=30,
    )
)
def test_the_clustering_shortcut_groups_exactly_as_the_loop(
    spec: list[tuple[float, float, float]],
) -> None:
    keyed = _keyed(spec)
    assert [[id(c) for c in g] for g in _cluster(keyed)] == [
        [id(c) for c in g] for g in _cluster_loop(keyed)
    ]


# A line's text: the all-wide shortcut against the character loop.


def test_a_line_of_wide_characters_is_joined_without_spaces_whatever_the_gaps() -> None:
    chars = [_char("第", 0.0, 0.0), _char("一", 30.0, 0.0), _char("条", 60.0, 0.0)]
    assert _all_wide([c.text for c in chars])
    assert _chars_to_text(chars) == "第一条"


def test_a_gap_between_two_narrow_characters_is_still_a_space() -> None:
    chars = [_char("第", 0.0, 0.0), _char("1", 10.0, 0.0), _char("2", 30.0, 0.0)]
    assert not _all_wide([c.text for c in chars])
    assert _chars_to_text(chars) == "第1 2"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(["甲", "，", "\u3000", " ", "a", "1", "fi", ""]), _coord))
)
def test_the_wide_shortcut_gives_the_loops_text(spec: list[tuple[str, float]]) -> None:
    chars = sorted((_char(t, x, 0.0) for t, x in spec), key=lambda c: c.x0)
    assert _chars_to_text(chars) == _text_loop(chars)


# A run of spaces drawn as one space glyph and a move: its width in spaces.


def _row(*pieces: tuple[str, float], size: float = 10.0, space: float = 5.0) -> list[Char]:
    """Characters set from x = 0: each piece's text (a space glyph is
    `space` wide, others `size`), then `pieces[k][1]` points of white."""
    out: list[Char] = []
    x = 0.0
    for text, move in pieces:
        for ch in text:
            w = space if ch == " " else size
            out.append(Char(ch, x, x + w, 0.0, size, size))
            x += w
        x += move
    return out


def test_a_space_glyph_and_white_room_read_as_the_spaces_they_hold() -> None:
    # 序号 and three spaces (a glyph, then two spaces' room), then 任务.
    chars = _row(("序号 ", 10.0), ("任务 ", 0.0), ("甲局", 0.0))
    assert _chars_to_text(chars) == "序号   任务 甲局"
    # Two spaces (a .txt table's narrowest gap) are a run.
    assert _chars_to_text(_row(("甲局 ", 5.0), ("乙局", 0.0))) == "甲局  乙局"
    # After a digit the glyph is the Latin face's, narrower: counted in it.
    assert _chars_to_text(_row(("1 ", 12.0), ("建设", 0.0), space=3.0)) == "1     建设"


def test_a_word_space_stretched_by_justification_stays_one_space() -> None:
    # Half as wide again (a justified line's stretch) is still one space.
    chars = _row(("甲局 ", 2.5), ("乙局", 0.0))
    assert _chars_to_text(chars) == "甲局 乙局"
    # A glyph with no width says nothing of the room after it.
    assert _chars_to_text(_row(("甲局 ", 40.0), ("乙局", 0.0), space=0.0)) == "甲局 乙局"


def test_a_row_of_cells_keeps_the_run_in_front_and_says_it_ended_in_a_space() -> None:
    # A header's second line: a space glyph at the margin, room, 单位.
    chars = _row((" ", 45.0), ("单位 ", 15.0), ("单位 ", 0.0))
    assert _chars_to_text(chars) == "          单位    单位 "
    # Prose: no run inside, so nothing in front or behind.
    assert _chars_to_text(_row((" ", 45.0), ("甲局 乙局 ", 0.0))) == "甲局 乙局"

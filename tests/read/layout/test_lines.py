"""layout.lines: the fake-bold dedupe's shortcut (`_no_twins`) never
changes what the exact loop keeps."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policy_parse.read.layout.lines import _dedupe_loop, _no_twins, dedupe
from policy_parse.read.layout.page_model import Char


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

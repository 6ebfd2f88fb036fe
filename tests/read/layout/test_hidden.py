"""layout.hidden: the shortcut for a page where nothing can be hidden
(`_plainly_visible`) never keeps a character the per-character rules hide."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policy_parse.read.layout.hidden import (
    OUTSIDE_CROP,
    _covers,
    _plainly_visible,
    _split_loop,
    split_hidden,
)
from policy_parse.read.layout.page_model import Char, PageModel


def _page(chars: list[Char], crop: tuple[float, float, float, float] | None = None) -> PageModel:
    return PageModel(number=1, width=100.0, height=200.0, chars=chars, edges=[], crop=crop)


def test_a_page_of_plain_type_inside_its_bounds_takes_the_shortcut() -> None:
    page = _page(
        [Char("甲", 10.0, 20.0, 10.0, 20.0, 10.0), Char(" ", 90.0, 100.0, 190.0, 200.0, 10.0)]
    )
    assert _plainly_visible(page)
    assert split_hidden(page) == page.chars
    assert page.hidden == []


def test_a_box_straddling_the_crop_edge_goes_to_the_loop_which_decides_by_its_centre() -> None:
    # Its centre (55) lies inside the crop box (0–60): visible, but only the
    # loop can say so.
    inside = Char("甲", 50.0, 60.0, 10.0, 20.0, 10.0)
    outside = Char("乙", 62.0, 72.0, 10.0, 20.0, 10.0)
    page = _page([inside, outside], crop=(0.0, 0.0, 60.0, 200.0))
    assert not _plainly_visible(page)
    assert split_hidden(page) == [inside]
    assert page.hidden == [(outside, OUTSIDE_CROP)]


_coord = st.one_of(
    st.floats(min_value=-20, max_value=220, allow_nan=False),
    st.sampled_from([0.0, 100.0, 200.0, float("nan"), float("inf"), -float("inf")]),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["甲", " ", "a"]),
            _coord,
            _coord,
            _coord,
            st.sampled_from([0.5, 1.0, 12.0, float("nan")]),
            st.booleans(),
            st.sampled_from([0, 0, 0, 3, 1]),
        ),
        max_size=12,
    ),
    st.sampled_from([None, (5.0, 5.0, 95.0, 195.0), (0.0, 0.0, 300.0, 300.0)]),
)
def test_the_shortcut_never_keeps_what_the_loop_hides(
    spec: list[tuple[str, float, float, float, float, bool, int]],
    crop: tuple[float, float, float, float] | None,
) -> None:
    chars = [
        Char(t, x, x + w / 10, y, y + 10.0, size, white, render)
        for t, x, w, y, size, white, render in spec
    ]
    page = _page(chars, crop)
    if _plainly_visible(page) and not _covers(page):
        assert _split_loop(page, []) == chars
        assert page.hidden == []

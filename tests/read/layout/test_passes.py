"""layout._passes, the compiled `no_twins`, line clustering, wide lines'
texts, chunks, lines that may hold a tab and visibility test, against the Python they stand in for (`lines._no_twins` /
`_dedupe_loop`, `lines.group_lines` and `borderless_lines.text_lines`,
`hidden.split_hidden`, `tabs.tab_lines` without them): the same lines, field by field, and the
same kept characters — on odd values too (NaN, infinities, ints, texts of
several characters), which the compiled passes hand back to Python."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policy_parse.read.layout import compiled
from policy_parse.read.layout.borderless_lines import text_lines
from policy_parse.read.layout.hidden import split_hidden
from policy_parse.read.layout.lines import (
    _WIDE,
    NO_LINE_END,
    NO_LINE_START,
    _dedupe_loop,
    _text_loop,
    dedupe,
    group_lines,
    is_wide,
)
from policy_parse.read.layout.page_model import Char, PageModel, Paint, PaintKind
from policy_parse.read.layout.tabs import WIDE_GAP, find_tabs, tab_lines

pytestmark = pytest.mark.skipif(compiled.PASSES is None, reason="the C extension is not built")


def _python(fn: Any, *args: Any) -> Any:
    saved, compiled.PASSES = compiled.PASSES, None
    try:
        return fn(*args)
    finally:
        compiled.PASSES = saved


def _char(text: str, x: float, top: float, size: float = 10.0) -> Char:
    return Char(text, x, x + size, top, top + size, size)


def test_a_glyph_drawn_twice_is_a_twin_and_distinct_glyphs_are_not() -> None:
    passes = compiled.PASSES
    assert passes is not None
    twice = [_char("甲", 10.0, 5.0), _char("甲", 10.25, 5.0)]
    assert passes.no_twins(twice, 1.0) is False
    assert dedupe(twice) == twice[:1]
    apart = [_char("甲", 10.0, 5.0), _char("甲", 30.0, 5.0), _char("乙", 10.2, 5.0)]
    assert passes.no_twins(apart, 1.0) is True
    # A twin in another size is no twin; blanks are never twins.
    assert passes.no_twins([_char("甲", 10.0, 5.0), _char("甲", 10.0, 5.0, 12.0)], 1.0)
    assert passes.no_twins([_char(" ", 10.0, 5.0), _char(" ", 10.0, 5.0)], 1.0)


def test_odd_values_are_left_to_python() -> None:
    passes = compiled.PASSES
    assert passes is not None
    nan = [_char("甲", float("nan"), 5.0)]
    assert passes.no_twins(nan, 1.0) is False
    assert passes.group(nan) is None
    ints = [Char("甲", 1, 2, 3, 4, 5)]
    assert passes.group(ints) is None
    assert passes.no_twins([Char("ab", 1.0, 2.0, 3.0, 4.0, 5.0)], 1.0) is False


def test_a_long_run_of_one_glyph_on_one_line_is_left_to_python() -> None:
    # Every pair of a 600-dash rule lies within 1 pt vertically: past its
    # budget the compiled check gives up instead of testing them all.
    passes = compiled.PASSES
    assert passes is not None
    rule = [_char("—", 2.0 * k, 5.0) for k in range(600)]
    assert passes.no_twins(rule, 1.0) is False
    assert dedupe(rule) == rule


def test_lines_are_clustered_left_to_right_with_their_edges_and_median_size() -> None:
    cs = [
        _char("乙", 20.0, 100.0),
        _char("甲", 10.0, 100.5, 11.0),
        _char("丙", 10.0, 200.0, 12.0),
        _char("a", 30.0, 100.0, 9.0),
    ]
    got = group_lines(cs, 3)
    assert [(ln.text, ln.x0, ln.x1, ln.top, ln.bottom, ln.size) for ln in got] == [
        ("甲乙a", 10.0, 39.0, 100.0, 111.5, 10.0),
        ("丙", 10.0, 22.0, 200.0, 212.0, 12.0),
    ]
    assert got == _python(group_lines, cs, 3)


def test_a_line_of_wide_characters_has_its_text_and_first_unit_from_c() -> None:
    # An ideographic space first (stripped, not the first unit), an opening
    # bracket (may not end a line: its partner joins the unit), then two
    # characters that may not start a line (carried with it).
    cs = [_char(t, 10.0 * k, 100.0) for k, t in enumerate("\u3000（甲），乙\u3000")]
    passes = compiled.PASSES
    assert passes is not None
    assert group_lines(cs, 1) == _python(group_lines, cs, 1)  # _WIDE learns them
    grouped = passes.group(cs)
    assert grouped is not None
    assert passes.wide_texts(grouped, _WIDE, NO_LINE_END, NO_LINE_START) == [("（甲），乙", 40.0)]
    [line] = group_lines(cs, 1)
    assert (line.text, line.first_unit) == ("（甲），乙", 40.0)
    # A character not yet judged wide, or a narrow one, leaves the line to Python.
    fresh = [_char("\u9fa0", 0.0, 0.0)]
    assert passes.wide_texts(passes.group(fresh), _WIDE, NO_LINE_END, NO_LINE_START) == [None]
    latin = [_char("a", 0.0, 0.0)]
    assert passes.wide_texts(passes.group(latin), _WIDE, NO_LINE_END, NO_LINE_START) == [None]


def test_a_line_is_cut_into_chunks_at_wide_gaps_with_its_upper_median_size() -> None:
    # 甲乙 touch; 丙 stands 20 pt off (past 0.6 of its size), 丁 2 pt off.
    cs = [
        _char("甲", 0.0, 100.0, 10.0),
        _char("乙", 10.0, 100.0, 12.0),
        _char("丙", 42.0, 100.0, 10.0),
        _char("丁", 54.0, 100.0, 11.0),
    ]
    passes = compiled.PASSES
    assert passes is not None
    grouped = passes.group(cs)
    assert grouped is not None
    assert passes.chunks(grouped, 0.6) == [([(0.0, 22.0, "甲乙"), (42.0, 65.0, "丙丁")], 11.0)]
    [line] = text_lines(cs)
    assert line.chunks == [(0.0, 22.0, "甲乙"), (42.0, 65.0, "丙丁")]
    assert repr(text_lines(cs)) == repr(_python(text_lines, cs))


def test_the_tally_counts_each_text_as_counter_does() -> None:
    cs = [_char(t, 10.0 * k, 0.0) for k, t in enumerate(["乙", "甲", "乙", " ", "fi", "乙"])]
    passes = compiled.PASSES
    assert passes is not None
    got = passes.tally(cs)
    assert got == {"乙": 3, "甲": 1, " ": 1, "fi": 1}
    assert list(got) == ["乙", "甲", " ", "fi"]  # in the order first seen, as Counter
    assert passes.tally([*cs, "乙"]) is None  # not a Char: Counter decides


_value = st.one_of(
    st.floats(min_value=0, max_value=40, allow_nan=False),
    st.integers(min_value=0, max_value=40).map(float),
    st.sampled_from([float("nan"), float("inf"), 10.0, 10.5]),
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["甲", "乙", " ", "a", "fi", "（", "，", "。", "\u3000"]),
            _value,
            _value,
            st.sampled_from([0.5, 1.0, 1.005, 3.0, 10.0, float("nan")]),
        ),
        max_size=30,
    ),
    st.sampled_from([0.5, 1.0, 2.0]),
)
def test_the_compiled_passes_give_what_python_gives(
    spec: list[tuple[str, float, float, float]], tol: float
) -> None:
    cs = [_char(t, x, top, size) for t, x, top, size in spec]
    native = repr(group_lines(cs, 1))
    assert native == repr(_python(group_lines, cs, 1))
    assert repr(text_lines(cs)) == repr(_python(text_lines, cs))
    passes = compiled.PASSES
    assert passes is not None
    if passes.no_twins(cs, tol):
        assert _dedupe_loop(cs, tol) == cs
    assert _outcome(dedupe, cs, tol) == _outcome(_python, dedupe, cs, tol)


def _outcome(fn: Any, *args: Any) -> Any:
    """What `fn` returns, or the error it raises (dedupe's loop refuses a
    NaN or infinite top with ValueError, both ways)."""
    try:
        return fn(*args)
    except ValueError as exc:
        return repr(exc)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["甲", " ", "a"]),
            st.sampled_from([-50.0, 10.0, 300.0, 700.0, float("nan")]),
            st.sampled_from([-50.0, 10.0, 300.0, 900.0, float("inf")]),
            st.sampled_from([0.5, 10.0]),
            st.booleans(),
            st.sampled_from([0, 1, 3]),
        ),
        max_size=20,
    ),
    st.sampled_from([None, (0.0, 0.0, 400.0, 400.0)]),
    st.booleans(),
)
def test_the_compiled_visibility_test_hides_what_python_hides(
    spec: list[tuple[str, float, float, float, bool, int]],
    crop: tuple[float, float, float, float] | None,
    scan: bool,
) -> None:
    def page() -> PageModel:
        cs = [
            Char(t, x, x + size, top, top + size, size, white=white, render=render, order=1)
            for t, x, top, size, white, render in spec
        ]
        paints = [Paint(PaintKind.IMAGE, 0, (0.0, 0.0, 595.0, 842.0))] if scan else []
        return PageModel(1, 595.0, 842.0, cs, [], paints=paints, crop=crop)

    compiled_page, python_page = page(), page()
    assert repr(split_hidden(compiled_page)) == repr(_python(split_hidden, python_page))
    assert repr(compiled_page.hidden) == repr(python_page.hidden)


def test_only_lines_with_a_gap_of_a_fifth_of_their_smallest_size_may_hold_a_tab() -> None:
    passes = compiled.PASSES
    assert passes is not None
    cells = [_char("序", 0.0, 0.0), _char("号", 10.0, 0.0), _char("任", 24.0, 0.0)]
    solid = [_char("甲", 10.0 * k, 20.0) for k in range(5)]
    # 1.9 pt apart: under a fifth of 10 pt; 2 pt: on it.
    spread = [_char("乙", 11.9 * k, 40.0) for k in range(4)]
    wide = [_char("丙", 12.0 * k, 60.0) for k in range(4)]
    small = [_char("丁", 0.0, 80.0), _char("丁", 11.5, 80.0, 7.0)]  # 1.5 pt >= 0.2 x 7
    nan = [*cells[:2], _char("任", float("nan"), 0.0)]
    odd = [_char("序", 0.0, 0.0), Char("号", 10, 20, 0.0, 10.0, 10.0)]  # ints: Python's
    groups = [cells, solid, spread, wide, small, [cells[0]], [], nan, odd]
    assert passes.tab_lines(groups, WIDE_GAP) == [0, 3, 4, 8]
    assert tab_lines(groups) == [0, 3, 4, 8]
    with pytest.raises(TypeError):
        passes.tab_lines([(cells,)], WIDE_GAP)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.lists(
            st.tuples(
                st.sampled_from(["甲", "乙", " ", "a", "1", "，"]),
                _value,
                st.sampled_from([0.0, 1.5, 2.0, 5.0, 12.0, -3.0, float("inf")]),
                st.sampled_from([1.0, 7.0, 10.0, 10.5, 0.0, float("nan")]),
                st.booleans(),
            ),
            max_size=8,
        ),
        max_size=6,
    )
)
def test_the_compiled_tab_lines_give_what_python_gives_and_drop_no_tab(
    spec: list[list[tuple[str, float, float, float, bool]]],
) -> None:
    """Lines from x positions (a glyph `size` wide, then `gap` to the next,
    or at `x` itself where `absolute`): `_passes.tab_lines` keeps the lines
    `tabs.tab_lines` keeps, and `find_tabs` finds no tab on any other."""
    groups: list[list[Char]] = []
    for line in spec:
        cs: list[Char] = []
        pen = 0.0
        for text, x, gap, size, absolute in line:
            x0 = x if absolute else pen
            cs.append(Char(text, x0, x0 + size, 0.0, 10.0, size))
            pen = x0 + size + gap
        groups.append(cs)
    passes = compiled.PASSES
    assert passes is not None
    kept = passes.tab_lines(groups, WIDE_GAP)
    assert kept == tab_lines(groups)
    for i, cs in enumerate(groups):
        if i not in kept:
            assert find_tabs(cs, is_wide) == []


def test_a_line_s_text_from_c_keeps_word_spaces_runs_and_tabs() -> None:
    passes = compiled.PASSES
    assert passes is not None
    # "ab" 5 pt apart (a word space), two space glyphs drawn as one and a
    # move (a run of 3), a CJK pair 5 pt apart (no space), a tab in front
    # of the last and one in front of the line.
    line = [
        Char("a", 0.0, 5.0, 0.0, 10.0, 10.0),
        Char("b", 10.0, 15.0, 0.0, 10.0, 10.0),
        Char(" ", 15.0, 19.0, 0.0, 10.0, 10.0),
        Char("c", 27.0, 32.0, 0.0, 10.0, 10.0),
        Char("甲", 37.0, 47.0, 0.0, 10.0, 10.0),
        Char("乙", 60.0, 70.0, 0.0, 10.0, 10.0),
    ]
    tabs = {0: 1, 5: 2}
    assert passes.text_loop(line, tabs, is_wide) == "\ta b   c甲\t\t乙"
    assert passes.text_loop(line, tabs, is_wide) == _text_loop(line, tabs)
    assert passes.text_loop([Char("a", 0, 5, 0.0, 10.0, 10.0)], {}, is_wide) is None  # ints
    assert passes.text_loop(line, {5: 2.0}, is_wide) is None  # a count Python must multiply


@settings(max_examples=250, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["甲", "乙", " ", " ", "a", "1", "，", "", "fi", "\u3000", "a甲"]),
            st.sampled_from([0.0, 0.5, 1.5, 2.6, 3.0, 5.0, 9.0, 20.0, -1.0, float("nan")]),
            st.sampled_from([0.0, 2.0, 4.0, 5.0, 10.0, -0.5]),
            st.sampled_from([10.0, 7.0, 0.0, 1.0]),
        ),
        max_size=14,
    ),
    st.dictionaries(st.integers(min_value=0, max_value=14), st.integers(0, 3), max_size=4),
)
def test_the_compiled_text_loop_gives_what_python_gives(
    spec: list[tuple[str, float, float, float]], tabs: dict[int, int]
) -> None:
    """Each glyph `gap` after the last one's right edge, `width` wide."""
    line: list[Char] = []
    pen = 0.0
    for text, gap, width, size in spec:
        x0 = pen + gap
        line.append(Char(text, x0, x0 + width, 0.0, 10.0, size))
        pen = x0 + width
    passes = compiled.PASSES
    assert passes is not None
    native = passes.text_loop(line, tabs, is_wide)
    finite = all(c.x0 == c.x0 for c in line)
    assert (native is None) == (not finite)
    if native is not None:
        assert native == _text_loop(line, tabs)

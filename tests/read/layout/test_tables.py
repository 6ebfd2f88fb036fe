"""layout.tables: a character goes to the cell a scan of every cell in
row-major order would give it, wherever its centre lies — on a rule, on the
frame, before the first column edge or row top — by the bisections over the
slot table that `_place_chars` does instead."""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from policy_parse.read.layout import compiled
from policy_parse.read.layout.lines import Line
from policy_parse.read.layout.page_model import Char, Edge
from policy_parse.read.layout.tables import GridCell, _place_chars, _table_to_grid, find_tables

# A specimen grid: three columns, two rows, the middle column's two cells
# merged into one (a slot with no box of its own, found by the scan).
_XS = (10.0, 60.0, 130.0, 170.0)
_YS = (20.0, 45.0, 90.0)


def _edges() -> list[Edge]:
    h = [Edge("h", _XS[0], y, _XS[-1], y) for y in _YS]
    v = [Edge("v", x, _YS[0], x, _YS[-1]) for x in (_XS[0], _XS[1], _XS[3])]
    # The middle column's inner rules stop at the merged cell.
    v.append(Edge("v", _XS[2], _YS[0], _XS[2], _YS[-1]))
    h_cut = [e for e in h if e.top != _YS[1]]
    h_cut += [
        Edge("h", _XS[0], _YS[1], _XS[1], _YS[1]),
        Edge("h", _XS[2], _YS[1], _XS[3], _YS[1]),
    ]
    return h_cut + v


def _char(mx: float, my: float) -> Char:
    return Char("字", mx - 3.0, mx + 3.0, my - 3.0, my + 3.0, 6.0)


def _scan(boxes: list[tuple[float, float, float, float]], c: Char) -> int:
    """The reference: the first box holding the centre, -1 for none."""
    mx, my = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
    return next((k for k, b in enumerate(boxes) if b[0] <= mx <= b[2] and b[1] <= my <= b[3]), -1)


# Centres anywhere around the grid, often exactly on a rule.
_coord_x = st.one_of(st.sampled_from(_XS), st.floats(0.0, 180.0))
_coord_y = st.one_of(st.sampled_from(_YS), st.floats(10.0, 100.0))


_TABLE = find_tables(_edges())[0]
_MADE = _table_to_grid(_TABLE, 1)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_coord_x, _coord_y), max_size=30))
def test_each_character_lands_where_a_scan_of_every_cell_puts_it(centres):
    table = _TABLE
    assert _MADE is not None
    grid, slots = _MADE
    chars = [_char(x, y) for x, y in centres]
    per_box, stray, rest = _place_chars(chars, table, grid, slots)
    gx0, gtop, gx1, gbottom = grid.bbox
    for c in chars:
        mx, my = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
        if not (gx0 <= mx <= gx1 and gtop <= my <= gbottom):
            assert any(c is r for r in rest)
            continue
        k = _scan(table.cells, c)
        if k < 0:
            assert any(c is s for s in stray)
        else:
            assert any(c is p for p in per_box[k])


def test_the_merged_cell_is_one_box_over_two_rows():
    (table,) = find_tables(_edges())
    assert len(table.cells) == 5
    assert (_XS[1], _YS[0], _XS[2], _YS[2]) in table.cells


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(_coord_x, st.sampled_from([float("nan"), float("inf")])),
            _coord_y,
        ),
        max_size=30,
    )
)
def test_the_compiled_placement_places_as_the_loop(centres):
    # layout._passes.place against the Python loop it stands in for: the
    # same cells, the same order, the same stray and rest (a NaN or an
    # infinity sends the whole page to the loop).
    if compiled.PASSES is None:
        return
    assert _MADE is not None
    grid, slots = _MADE
    chars = [_char(x, y) for x, y in centres]
    native = _place_chars(chars, _TABLE, grid, slots)
    saved, compiled.PASSES = compiled.PASSES, None
    try:
        python = _place_chars(chars, _TABLE, grid, slots)
    finally:
        compiled.PASSES = saved
    assert repr(native) == repr(python)


def test_a_grid_cell_crosses_the_pipe_whole() -> None:
    """GridCell pickles as its constructor's arguments (the page workers send
    hundreds): every field comes back, a covered cell's None box too, and
    two cells sharing one list of lines still share it."""
    line = Line(3, "区财政局", 10.5, 60.25, 100.0, 112.0, 12.0, 12.0)
    shared = [line]
    cells = [
        GridCell((10.0, 98.0, 80.0, 130.0), shared, merged_up=False, merged_left=True),
        GridCell(None, shared, merged_up=True),
    ]
    back = pickle.loads(pickle.dumps(cells))
    assert back == cells
    assert back[0].merged_left and not back[0].merged_up and back[1].merged_up
    assert back[1].bbox is None
    assert back[0].lines is back[1].lines

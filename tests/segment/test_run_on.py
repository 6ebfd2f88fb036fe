"""segment/run_on.py: two items written on one line."""

from __future__ import annotations

from policy_parse.models import Span
from policy_parse.segment.header import Line
from policy_parse.segment.run_on import _inline_places, split_run_on_items


def test_inline_markers_are_looked_for_at_brackets_and_after_sentence_ends_only():
    text = "（一）甲。（乙负责）（二）丙"
    # 5: the bracket after 。 (once, though both rules give it); 10: the
    # bracket after ）; 13: after the last ）.  Not 4 (。 itself), not 6–9.
    assert _inline_places(text, 4) == [5, 10, 13]
    assert _inline_places(text, 11) == [13]
    assert _inline_places("甲；", 9) == [2]  # past the end: the end itself


def test_a_line_of_two_annotated_items_is_cut_at_the_second_marker():
    line = Line("（一）推进甲。（县甲局负责）（二）推进乙。（县乙局负责）", Span())
    assert [p.text for p in split_run_on_items(line)] == [
        "（一）推进甲。（县甲局负责）",
        "（二）推进乙。（县乙局负责）",
    ]

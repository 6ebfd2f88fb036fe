"""The white space that places a row of cells written as one line (read/row_gaps.py)."""

from __future__ import annotations

import pytest

from policy_parse.read.row_gaps import is_row_of_cells, row_kept


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("1\t建设甲平台\t县某局", True),
        ("1      建设甲平台      县某局", True),
        ("序号\u3000\u3000工作任务", True),
        ("  建设甲平台，完善乙机制。  ", False),  # white space only around it
        ("建设甲平台 完善乙机制", False),  # one space: a sentence's
        ("", False),
    ],
)
def test_a_row_of_cells_parts_them_by_a_tab_or_a_run_of_spaces(text: str, row: bool) -> None:
    assert is_row_of_cells(text) is row


def test_the_white_space_in_front_of_a_row_stays_and_a_sentence_is_stripped() -> None:
    assert row_kept("\t\t牵头单位\t配合单位\t") == "\t\t牵头单位\t配合单位"
    assert row_kept("  \t\t牵头单位\t配合单位") == "\t\t牵头单位\t配合单位"  # tabs: tabs only
    assert row_kept("          单位     单位   ") == "          单位     单位"
    assert row_kept("\n    甲   乙") == "    甲   乙"
    assert row_kept("    建设甲平台。  ") == "建设甲平台。"

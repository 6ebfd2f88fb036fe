"""_support/ranges.py: page numbers written as runs."""

from __future__ import annotations

import pytest

from policy_parse._support.ranges import ranges_text


@pytest.mark.parametrize(
    ("pages", "text"),
    [
        ([1, 2, 3, 5], "1-3, 5"),
        ([4], "4"),
        ([], ""),
        ([2, 4, 6], "2, 4, 6"),
        ([7, 8], "7-8"),
    ],
)
def test_consecutive_pages_are_written_as_one_run(pages, text):
    assert ranges_text(pages) == text

"""_support/lazy_regex.py's `escape`: regex's escaping without importing regex."""

from __future__ import annotations

import pytest
import regex

from policy_parse._support.lazy_regex import escape


@pytest.mark.parametrize(
    "text",
    ["牵头单位", "第1项", "A1", "", "县(市、区)", "1.2", "a b", "牵头\u3000单位", "x|y", "~&#-"],
)
def test_an_escaped_word_matches_itself_alone(text: str) -> None:
    """Letters and digits come back as they are (the quick path); any
    metacharacter or space is escaped, so the pattern matches the text."""
    got = escape(text)
    if text.isalnum():
        assert got == text
    assert regex.fullmatch(got, text) is not None
    assert regex.fullmatch(got, text + "x") is None

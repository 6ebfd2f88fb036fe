"""layout.labels: `norm`, NFKC by character then of the whole, is the
text's NFKC without whitespace, on texts made to test it (compatibility
forms, combining marks that compose across characters, Hangul jamo,
whitespace between a letter and its mark)."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from policy_parse.read.layout.labels import label_role, norm

# Characters whose NFKC depends on their neighbours, or changes them.
_TRICKY = (
    "e\u0301\u0327\u0323a\u030a\u00b4\u1100\u1161\u11a8\uac00\u11a8 \u3000\t"
    "\uff08\uff09\uff0c\uff11\u2460\u00bd\ufb01\u2126\u212b\u0344\u0f73\u1e9b"
    "牵头单位序号甲乙"
)


def _plain(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def test_full_width_forms_and_spaces_are_folded() -> None:
    assert norm("（１）牵头\u3000单位，") == "(1)牵头单位,"
    assert norm("e\u0301") == "\u00e9"  # composed across two characters
    assert norm("\u1100\u1161\u11a8") == "\uac01"  # jamo into one syllable
    assert label_role("牵头\u3000单位") == label_role("牵头单位")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(_TRICKY), max_size=24) | st.text(max_size=12))
def test_norm_is_nfkc_of_the_whole_text(text: str) -> None:
    assert norm(text) == _plain(text)

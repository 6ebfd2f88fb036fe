"""Traditional script: detected, matched in Simplified, written kept."""

from __future__ import annotations

import opencc
from hypothesis import given
from hypothesis import strategies as st

import policy_parse
from golden import SAMPLES
from policy_parse.normalize.script import _traditional_only, is_traditional, to_simplified


def test_every_marker_character_is_traditional_only() -> None:
    # A Simplified character in the list would send every notice down the slow
    # path, or tip a Simplified notice into conversion.
    t2s = opencc.OpenCC("t2s").convert
    assert [c for c in sorted(_traditional_only()) if t2s(c) == c] == []


def test_the_samples_are_told_apart() -> None:
    verdicts = {p.name: is_traditional(p.read_text("utf-8")) for p in sorted(SAMPLES.glob("*.txt"))}
    assert verdicts.pop("family-hk-republished-trad.txt") is True
    assert set(verdicts.values()) == {False}


@given(
    st.text(
        alphabet="關於印發南灣市深化與港澳服務業合作若干措施任務分工方案的通知，。、（）1a ",
        max_size=60,
    )
)
def test_conversion_keeps_every_offset(text: str) -> None:
    assert len(to_simplified(text)) == len(text)


def test_written_keeps_the_traditional_characters_and_names_are_simplified() -> None:
    notice = policy_parse.parse(SAMPLES / "family-hk-republished-trad.txt")
    lead = notice.measures[0].lead[0]
    assert lead.written == "市商務局" and lead.name == "市商务局"
    assert notice.measures[0].text.startswith("支持港澳投資者")

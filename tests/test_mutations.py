"""Line-level damage to the samples: deletions, duplications and shuffles of
lines never raise anything but PolicyParseError, finish within a deadline,
and whatever parses still loses and invents no text (policy_parse.audit)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import policy_parse
from golden import SAMPLES
from policy_parse.audit import lost_and_invented

LINES = {
    name: (SAMPLES / name).read_text("utf-8").split("\n")
    for name in (
        "notice.txt",
        "family-zone-business-environment.txt",
        "family-city-sci-tech-table-only.txt",
        "family-hk-republished-trad.txt",
    )
}


@st.composite
def damaged(draw: st.DrawFn) -> str:
    lines = list(LINES[draw(st.sampled_from(sorted(LINES)))])
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "move-block"]))
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(j, lines[i])
        elif op == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        else:
            block = lines[i : i + draw(st.integers(1, 20))]
            del lines[i : i + len(block)]
            k = min(j, len(lines))
            lines[k:k] = block
        if not lines:
            lines = [""]
    return "\n".join(lines)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_damaged_text_parses_or_fails_cleanly_and_loses_nothing(text: str) -> None:
    try:
        document = policy_parse.read_text_document(text)
        notice = policy_parse.notice_from_document(document)
    except policy_parse.PolicyParseError:
        return
    assert lost_and_invented(document, notice) == ("", "")
    policy_parse.to_json(policy_parse.parse_text(text))

"""Nothing lost: every character a reader found ends up in the output, once
(whitespace and punctuation aside; see policy_parse.audit)."""

from __future__ import annotations

from pathlib import Path

import pytest

import policy_parse
from golden import SAMPLE_FILES, SAMPLES, need_reader_for
from policy_parse.audit import lost_and_invented


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_every_character_read_is_kept_exactly_once(sample: Path) -> None:
    need_reader_for(sample)
    document = policy_parse.read_document(sample)
    notice = policy_parse.notice_from_document(document)
    lost, invented = lost_and_invented(document, notice)
    assert (lost, invented) == ("", "")


def test_the_audit_notices_a_dropped_line() -> None:
    text = (SAMPLES / "notice.txt").read_text("utf-8")
    document = policy_parse.read_text_document(text)
    notice = policy_parse.notice_from_document(document)
    # Drop the residue (the stray 42 after the table): the audit must say so.
    import attrs

    lost, invented = lost_and_invented(document, attrs.evolve(notice, residue=()))
    assert sorted(lost) == ["2", "4"] and invented == ""


def test_the_audit_notices_a_duplicated_measure_text() -> None:
    document = policy_parse.read_document(SAMPLES / "notice.txt")
    notice = policy_parse.notice_from_document(document)
    import attrs

    doubled = attrs.evolve(notice, measures=(*notice.measures, notice.measures[0]))
    lost, invented = lost_and_invented(document, doubled)
    assert lost == "" and len(invented) > 20

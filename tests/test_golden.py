"""Every sample's output matches its reviewed golden file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from golden import (
    REGEN,
    SAMPLE_FILES,
    SAMPLES,
    dump,
    golden_diff,
    golden_path,
    need_reader_for,
    stable_dict,
)


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_output_matches_the_golden_file(sample: Path) -> None:
    need_reader_for(sample)
    actual = dump(stable_dict(sample))
    path = golden_path(sample)
    if REGEN:
        path.write_text(actual, encoding="utf-8")
        pytest.skip(f"regenerated {path.name}: review `git diff golden/` before committing")
    assert path.exists(), (
        f"no golden for {sample.name}: run POLICY_PARSE_REGEN=1 pytest tests/test_golden.py"
    )
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, "output differs from the golden file:\n" + golden_diff(
        expected, actual, path.name
    )


def test_every_golden_file_has_its_sample() -> None:
    goldens = {p.name for p in golden_path(SAMPLES / "x.txt").parent.glob("*.json")}
    expected = {golden_path(s).name for s in SAMPLE_FILES}
    assert goldens <= expected, f"golden files without a sample: {sorted(goldens - expected)}"


def test_regeneration_is_off_in_ci() -> None:
    if os.environ.get("CI"):
        assert not REGEN, "POLICY_PARSE_REGEN must not be set in CI"


def test_the_golden_test_catches_a_one_character_change_to_the_sample() -> None:
    text = (SAMPLES / "notice.txt").read_text(encoding="utf-8")
    # Change one character of one measure's text: 积极 → 消极 in the first measure.
    needle = "1.积极引进"
    assert text.count(needle) == 1
    edited = text.replace(needle, "1.消极引进")
    expected = golden_path(SAMPLES / "notice.txt").read_text(encoding="utf-8")
    fresh = stable_dict(edited.encode("utf-8"))
    fresh["source"] = stable_dict(SAMPLES / "notice.txt")["source"]  # only the text differs
    actual = dump(fresh)
    assert actual != expected
    diff = golden_diff(expected, actual, "notice.json")
    assert "消极引进" in diff and "积极引进" in diff

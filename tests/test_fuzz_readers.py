"""A short fuzzer per reader (issue 23), on bytes and on decoded text
(tests/fuzzing.py): only a `PolicyParseError` may escape, and a notice that
parses loses nothing and validates.  Derandomised, a few examples each, so
CI runs the same inputs every time; tools/fuzz_readers.py hunts longer."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzzing import TARGETS, check, example

COUNTS = {
    "txt": 15,
    "html": 15,
    "docx": 10,
    "xlsx": 10,
    "ofd": 10,
    "pdf": 4,
    "rtf": 8,
    "xls": 8,
    "doc": 8,
}


@pytest.mark.parametrize("reader", sorted(TARGETS))
def test_mutated_input_of_each_reader_parses_or_raises_a_policy_parse_error(reader: str) -> None:
    @settings(
        max_examples=COUNTS[reader],
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(st.integers(0, 2**32 - 1))
    def run(seed: int) -> None:
        check(example(reader, seed))

    run()


# Inputs the longer hunt (tools/fuzz_readers.py) found, kept fixed: a PDF
# whose damaged page tree PDFium counts one page more than pdfminer reads
# (IndexError in the fallback engine, exit 3).
FOUND = [("pdf", 1015)]


@pytest.mark.parametrize(("reader", "seed"), FOUND)
def test_what_the_hunt_found_stays_fixed(reader: str, seed: int) -> None:
    check(example(reader, seed))

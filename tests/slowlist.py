"""The tests `pytest -m "not slow"` leaves out: the ids in tests/slow.txt
(tests/conftest.py marks them), and every test function collected before
`-m` deselects any (for tests/test_slow_list.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

SLOW_LIST = Path(__file__).parent / "slow.txt"
COLLECTED = pytest.StashKey[set[str]]()


def slow_ids() -> set[str]:
    lines = SLOW_LIST.read_text("utf-8").splitlines()
    return {ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")}

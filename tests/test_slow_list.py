"""tests/slow.txt names tests that exist: a renamed test must not leave the
fast subset by accident."""

from __future__ import annotations

import pytest

from slowlist import COLLECTED, slow_ids


def test_every_test_named_slow_exists(request: pytest.FixtureRequest) -> None:
    collected = request.config.stash[COLLECTED]
    if len({i.split("::")[0] for i in collected}) < 20:
        pytest.skip("only part of the suite was collected")
    assert sorted(slow_ids() - collected) == []
    assert len(slow_ids()) > 50  # the list is read (a broken read names none)

"""The fast subset: tests named in tests/slow.txt are marked `slow`, so
`pytest -m "not slow"` runs the rest (the marker is registered in
pyproject.toml)."""

from __future__ import annotations

import pytest
from hypothesis import settings

from slowlist import COLLECTED, slow_ids

# Hypothesis' per-example deadline (200 ms) is a timed test: on a loaded
# machine it fails properties that hold.  Speed is measured in benchmarks/.
settings.register_profile("policy_parse", deadline=None)
settings.load_profile("policy_parse")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    slow = slow_ids()
    config.stash[COLLECTED] = {item.nodeid.split("[")[0] for item in items}
    for item in items:
        if item.nodeid.split("[")[0] in slow:
            item.add_marker(pytest.mark.slow)

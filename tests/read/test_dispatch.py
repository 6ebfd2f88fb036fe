"""read/dispatch.py: the source's SHA-256, whichever module computes it."""

from __future__ import annotations

import hashlib

import pytest

from policy_parse.read.dispatch import _sha256


@pytest.mark.parametrize("size", [0, 7, (1 << 20) - 1, 1 << 20, (1 << 20) + 5])
def test_the_sha256_is_hashlibs_below_and_above_the_megabyte(size):
    data = (bytes(range(251)) * (size // 251 + 1))[:size]
    assert _sha256(data) == hashlib.sha256(data).hexdigest()

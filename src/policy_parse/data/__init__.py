"""Data files (TOML) that describe how notices are written: annotation labels,
table headers, department-name rules, deadline words.  Logic lives in the
stages; everything issuer-specific lives here (docs/formats.md)."""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any


@functools.cache
def load(name: str) -> dict[str, Any]:
    text = resources.files(__package__).joinpath(f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)

"""Data files (TOML) that describe how notices are written: annotation labels,
table headers, department-name rules, deadline words.  Logic lives in the
stages; everything issuer-specific lives here (docs/formats.md)."""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import Any

_HERE = Path(__file__).parent


@functools.cache
def load(name: str) -> dict[str, Any]:
    """Parsed once per process.  The files are read next to this module;
    importlib.resources (a tenth of `import policy_parse`) is only imported
    when the package is not on disk, e.g. inside a zip."""
    try:
        text = (_HERE / f"{name}.toml").read_text("utf-8")
    except (FileNotFoundError, NotADirectoryError):
        from importlib import resources

        text = resources.files(__package__).joinpath(f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)

"""Data files (TOML) that describe how notices are written: annotation labels,
table headers, department-name rules, deadline words.  Logic lives in the
stages; everything issuer-specific lives here (docs/formats.md)."""

from __future__ import annotations

import functools
import os
from typing import Any

_HERE = os.path.dirname(__file__)


@functools.cache
def load(name: str) -> dict[str, Any]:
    """Parsed once per process.  The files are read next to this module;
    importlib.resources (a tenth of `import policy_parse`) is only imported
    when the package is not on disk, e.g. inside a zip.  tomllib is imported with the first file asked
    for, not with the package."""
    import tomllib

    try:
        with open(os.path.join(_HERE, f"{name}.toml"), encoding="utf-8") as f:
            text = f.read()
    except (FileNotFoundError, NotADirectoryError):
        from importlib import resources

        text = resources.files(__package__).joinpath(f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)

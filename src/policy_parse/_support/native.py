"""Whether the optional C extensions may be used (docs/pdf.md, "The
compiled character loop"): POLICY_PARSE_NATIVE=0 turns them off, and the
Python code they stand in for runs, with the same results."""

from __future__ import annotations

import os

__all__ = ["native_wanted"]


def native_wanted() -> bool:
    return os.environ.get("POLICY_PARSE_NATIVE", "1") != "0"

"""Golden files: one per sample, the full JSON output less volatile fields.

Regenerating is an explicit act after a reviewed change:

    POLICY_PARSE_REGEN=1 pytest tests/test_golden.py

then read `git diff golden/` line by line and explain it in the commit.
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
from pathlib import Path
from typing import Any

import policy_parse

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "golden"
REGEN = os.environ.get("POLICY_PARSE_REGEN") == "1"
# Every format a sample may come in; the legacy ones are read through
# LibreOffice, which CI installs (.ci/run) and a laptop may lack.
SAMPLE_SUFFIXES = frozenset(
    (".txt", ".docx", ".pdf", ".html", ".doc", ".rtf", ".xlsx", ".xls", ".ofd")
)
NEEDS_SOFFICE = frozenset((".doc", ".rtf", ".xls"))
SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.suffix in SAMPLE_SUFFIXES)


def need_reader_for(sample: Path) -> None:
    """Skip (locally; CI has LibreOffice) a sample only LibreOffice can read."""
    import pytest

    if sample.suffix in NEEDS_SOFFICE and not shutil.which("soffice"):
        if os.environ.get("CI"):
            pytest.fail(f"{sample.name} needs LibreOffice (soffice), which CI must install")
        pytest.skip(f"{sample.name} is read through LibreOffice; soffice is not on PATH")


def golden_path(sample: Path) -> Path:
    """samples/notice.txt → golden/notice.json; other formats keep their suffix:
    samples/notice.docx → golden/notice.docx.json."""
    name = sample.stem if sample.suffix == ".txt" else sample.name
    return GOLDEN / f"{name}.json"


def stable_dict(source: Path | bytes) -> dict[str, Any]:
    """to_dict less what depends on where the file lies (its path)."""
    data = policy_parse.to_dict(policy_parse.parse(source), lang=None)
    data["source"].pop("path", None)
    return data


def dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def golden_diff(expected: str, actual: str, name: str) -> str:
    return "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=f"golden/{name}",
            tofile="fresh output",
            n=2,
        )
    )

"""--resume: a batch run again over the same folder keeps the outputs of
inputs that did not change — the output is newer than the input and the
input's SHA-256 is the one the last summary.csv recorded — and parses the
rest.  --force (the default) parses every input again."""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path
from typing import Any

from ..messages import Lang, catalogue, error_line

_COUNTS = ("measures", "table_rows", "errors", "warnings", "infos")


def sha256_of(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def previous(summary: Path) -> dict[str, dict[str, str]]:
    """The last run's rows by input file, whatever language it was in."""
    try:
        text = summary.read_text("utf-8-sig")
    except (OSError, UnicodeError):
        return {}
    names = {
        label: key
        for key, entry in catalogue()["summary"].items()
        for label in (entry["zh"], entry["en"])
    }
    rows = {}
    for raw in csv.DictReader(io.StringIO(text)):
        row = {names.get(k, k): v for k, v in raw.items() if k is not None}
        if "file" in row:
            rows[row["file"]] = row
    return rows


def _fails(row: dict[str, Any], fail_on: str | None) -> bool:
    if not fail_on:
        return False
    keys = {"error": ("errors",), "warning": ("errors", "warnings")}.get(
        fail_on, ("errors", "warnings", "infos")
    )
    return any(int(row[k]) for k in keys)


def kept(
    source: str, output: str, before: dict[str, dict[str, str]], lang: Lang, fail_on: str | None
) -> dict[str, Any] | None:
    """The summary row of an input whose output stands, or None to parse it."""
    row = before.get(source)
    if row is None or row.get("code") != "ok" or row.get("output") != output:
        return None
    src, out = Path(source), Path(output)
    try:
        if not out.is_file() or out.stat().st_mtime < src.stat().st_mtime:
            return None
        if not row.get("sha256") or sha256_of(source) != row["sha256"]:
            return None
        counts = {k: int(row[k]) for k in _COUNTS}
    except (OSError, ValueError, KeyError):
        return None
    message = error_line("unchanged", lang, file=source)
    out_row = {"file": source, "format": row.get("format", ""), "status": "unchanged",
               **counts, "output": output, "sha256": row["sha256"], "message": message}  # fmt: skip
    return {**out_row, "failed_on": _fails(counts, fail_on)}

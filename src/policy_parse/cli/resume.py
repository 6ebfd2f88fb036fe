"""--resume: a batch run again over the same folder keeps the outputs of
inputs that did not change — the output is newer than the input and the
input's SHA-256 is the one the last summary.csv recorded — and parses the
rest.  --force (the default) parses every input again.

With --combine the output is one file for all inputs, so what is kept is
each unchanged input's part of it: every combined run (an interrupted one
too) leaves the parts it has beside its output (`parts_path`, a hidden
JSON-lines file: input, SHA-256, language, part), and --resume takes an
input's part from there when the last summary says it was read, its
SHA-256 is unchanged and the parts file is newer than the input."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable
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


def _unchanged(
    source: str,
    row: dict[str, str],
    counts: dict[str, int],
    output: str,
    lang: Lang,
    fail_on: str | None,
) -> dict[str, Any]:
    """The summary row of a file read before and unchanged since."""
    message = error_line("unchanged", lang, file=source)
    out_row = {"file": source, "format": row.get("format", ""), "status": "unchanged",
               **counts, "output": output, "sha256": row["sha256"], "message": message}  # fmt: skip
    return {**out_row, "failed_on": _fails(counts, fail_on)}


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
    return _unchanged(source, row, counts, output, lang, fail_on)


def parts_path(target: Path) -> Path:
    """Where a combined run keeps each input's part (hidden: a folder read
    again does not list it)."""
    return target.with_name(f".{target.name}.parts.jsonl")


def parts_jsonl(parts: Iterable[tuple[str, str, Lang, dict[str, Any]]]) -> str:
    """(input, SHA-256, language, part) per line."""
    lines = (
        json.dumps({"file": f, "sha256": h, "lang": lang, "part": part}, ensure_ascii=False)
        for f, h, lang, part in parts
    )
    return "".join(line + "\n" for line in lines)


def previous_parts(path: Path) -> tuple[dict[str, dict[str, Any]], float]:
    """The parts a combined run left, by input, and when they were written
    (0 when there are none, or they cannot be read: all is parsed again)."""
    try:
        written = path.stat().st_mtime
        text = path.read_text("utf-8")
    except (OSError, UnicodeError):
        return {}, 0.0
    found: dict[str, dict[str, Any]] = {}
    for line in text.splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue  # a damaged line: that input is parsed again
        if isinstance(entry, dict) and isinstance(entry.get("file"), str):
            found[entry["file"]] = entry
    return found, written


def kept_part(
    source: str,
    before: dict[str, dict[str, str]],
    parts: tuple[dict[str, dict[str, Any]], float],
    lang: Lang,
    fail_on: str | None,
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The summary row and part of an input of a combined run that did not
    change, or None to parse it."""
    row = before.get(source)
    entries, written = parts
    entry = entries.get(source)
    if row is None or entry is None or row.get("code") not in ("ok", "unchanged"):
        return None
    if entry.get("lang") != lang or not isinstance(entry.get("part"), dict):
        return None  # the part's column names and messages are in its language
    try:
        if Path(source).stat().st_mtime > written:
            return None
        if not row.get("sha256") or entry.get("sha256") != row["sha256"]:
            return None
        if sha256_of(source) != row["sha256"]:
            return None
        counts = {k: int(row[k]) for k in _COUNTS}
    except (OSError, ValueError, KeyError):
        return None
    return _unchanged(source, row, counts, "", lang, fail_on), entry["part"]

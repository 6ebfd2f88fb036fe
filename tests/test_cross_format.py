"""The same notice gives the same records whatever file it comes in.

Two families of checks:

* the four samples (notice.txt, notice.docx, notice-autonum.docx, notice.pdf)
  agree pairwise on `notice`, `parts`, `measures` and `discrepancies` — every
  `span` removed, since provenance is format-specific by design;
* the layout variants in tests/fixtures/layouts/ (the same notice typeset on
  other page sizes, fonts, column widths and page breaks; made by
  tools/make_layout_variants.py) agree with notice.txt on `parts`, `measures`
  and `discrepancies`.  A reader tuned to the coordinates of one file fails
  these.

A failure shows a unified diff of the sorted, indented JSON, cut after the
first DIFF_LIMIT differing lines.  Each file is parsed once per session.
"""

from __future__ import annotations

import difflib
import functools
import itertools
import json
from pathlib import Path
from typing import Any

import pytest

import policy_parse
from golden import need_reader_for

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
LAYOUTS = ROOT / "tests" / "fixtures" / "layouts"

SAMPLE_NAMES = (
    "notice.txt",
    "notice.docx",
    "notice-autonum.docx",
    "notice.pdf",
    "notice.html",
    "notice.ofd",
)
FIELDS = ("notice", "parts", "measures", "discrepancies")
LAYOUT_FIELDS = ("parts", "measures", "discrepancies")
DIFF_LIMIT = 60

LAYOUT_FILES = sorted(p for p in LAYOUTS.glob("*") if p.suffix in {".docx", ".pdf"})


# ---------------------------------------------------------------------------
# Helpers


def without_spans(value: Any) -> Any:
    """`value` with every "span" key removed, at any depth."""
    if isinstance(value, dict):
        return {k: without_spans(v) for k, v in value.items() if k != "span"}
    if isinstance(value, list):
        return [without_spans(v) for v in value]
    return value


@functools.cache
def records(path: Path) -> dict[str, Any]:
    """The compared fields of `to_dict(parse(path))`, spans removed; parsed
    once per session (the PDF takes most of a second)."""
    data = policy_parse.to_dict(policy_parse.parse(path))
    return {name: without_spans(data[name]) for name in FIELDS}


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def json_diff(
    left: dict[str, Any],
    right: dict[str, Any],
    left_name: str,
    right_name: str,
    *,
    limit: int = DIFF_LIMIT,
) -> str:
    """A unified diff of the two JSON dumps, stopped after `limit` differing
    lines with a note saying how many more there were."""
    lines = difflib.unified_diff(
        dump(left).splitlines(),
        dump(right).splitlines(),
        fromfile=left_name,
        tofile=right_name,
        lineterm="",
        n=2,
    )
    out: list[str] = []
    changed = 0
    more = 0
    for line in lines:
        is_change = line[:1] in "+-" and not line.startswith(("+++", "---"))
        if changed >= limit:
            more += is_change
            continue
        changed += is_change
        out.append(line)
    if more:
        out.append(f"... {more} more differing lines not shown")
    return "\n".join(out)


def assert_same(left: Path, right: Path, fields: tuple[str, ...]) -> None:
    a = {k: records(left)[k] for k in fields}
    b = {k: records(right)[k] for k in fields}
    if a != b:
        differing = [k for k in fields if a[k] != b[k]]
        pytest.fail(
            f"{left.name} and {right.name} differ in {', '.join(differing)}:\n"
            + json_diff(a, b, left.name, right.name),
            pytrace=False,
        )


# ---------------------------------------------------------------------------
# The samples, pairwise

PAIRS = list(itertools.combinations(SAMPLE_NAMES, 2))


@pytest.mark.parametrize(("left", "right"), PAIRS, ids=[f"{a}-{b}" for a, b in PAIRS])
def test_two_formats_of_the_notice_give_the_same_records(left: str, right: str) -> None:
    assert_same(SAMPLES / left, SAMPLES / right, FIELDS)


# ---------------------------------------------------------------------------
# Formats read through LibreOffice (made by tools/make_legacy.py)

LEGACY_NAMES = ("notice.doc", "notice.rtf")


@pytest.mark.parametrize("name", LEGACY_NAMES)
def test_a_legacy_file_of_the_notice_gives_the_records_of_the_text(name: str) -> None:
    need_reader_for(SAMPLES / name)
    assert_same(SAMPLES / "notice.txt", SAMPLES / name, FIELDS)


# ---------------------------------------------------------------------------
# The 分工表 on its own, as a spreadsheet (tools/make_xlsx.py, make_legacy.py)

TABLE_ONLY_NAMES = ("notice.xlsx", "notice.xls")


def table_records(path: Path) -> list[Any]:
    """What each measure's table row says: all a spreadsheet of the table holds."""
    return [m["table"] for m in records(path)["measures"]]


def _unranked(record: dict[str, Any]) -> dict[str, Any]:
    """A row's record with its lead and support told apart no more."""
    return {k: v for k, v in record.items() if k not in ("lead", "support")}


@pytest.mark.parametrize("name", TABLE_ONLY_NAMES)
def test_the_table_as_a_spreadsheet_gives_the_table_records_of_the_text(name: str) -> None:
    need_reader_for(SAMPLES / name)
    ours, text = table_records(SAMPLES / name), table_records(SAMPLES / "notice.txt")
    assert len(ours) == len(text) == 78
    ours_u, text_u = [_unranked(r) for r in ours], [_unranked(r) for r in text]
    if ours_u != text_u:
        pytest.fail(json_diff({"t": text_u}, {"t": ours_u}, "notice.txt", name), pytrace=False)
    # The 高新区责任部门 column ranks no unit by itself (issue 21): the text's
    # prose names its first unit the lead, the spreadsheet alone does not.
    assert all(r["lead"] for r in text)
    assert not any(r["lead"] for r in ours)
    assert [r["support"] for r in ours] == [r["zone_units"] for r in ours]


# ---------------------------------------------------------------------------
# The same notice, laid out differently


def test_the_layout_variants_are_there() -> None:
    # A missing fixture must not pass silently as "no parametrised cases".
    names = {p.name for p in LAYOUT_FILES}
    assert len(names) >= 4, f"expected .docx and .pdf variants in {LAYOUTS}, found {names}"
    for p in LAYOUT_FILES:
        assert p.with_suffix(".docx").exists(), f"{p.name} has no .docx it was made from"
    assert (LAYOUTS / "README.md").exists()


@pytest.mark.parametrize("variant", LAYOUT_FILES, ids=lambda p: p.name)
def test_a_differently_laid_out_notice_gives_the_records_of_the_text(variant: Path) -> None:
    assert_same(SAMPLES / "notice.txt", variant, LAYOUT_FIELDS)


# ---------------------------------------------------------------------------
# The diff itself


def test_the_diff_names_both_files_and_stops_after_the_limit() -> None:
    a = {"measures": [{"id": str(i), "text": "甲"} for i in range(100)]}
    b = {"measures": [{"id": str(i), "text": "乙"} for i in range(100)]}
    diff = json_diff(a, b, "left.txt", "right.pdf", limit=60)
    lines = diff.splitlines()
    assert lines[0] == "--- left.txt" and lines[1] == "+++ right.pdf"
    changed = [ln for ln in lines[2:] if ln[:1] in "+-"]
    assert len(changed) == 60
    assert lines[-1] == "... 140 more differing lines not shown"
    assert '-      "text": "甲"' in lines and '+      "text": "乙"' in lines


def test_spans_are_removed_at_every_depth_and_nothing_else() -> None:
    data = {"span": 1, "a": [{"span": 2, "b": {"span": 3, "c": 4}}], "spanner": 5}
    assert without_spans(data) == {"a": [{"b": {"c": 4}}], "spanner": 5}

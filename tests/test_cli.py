"""The command line: python -m policy_parse FILE [--format] [-o] [--fail-on] [--stage]."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from golden import SAMPLES

NOTICE = str(SAMPLES / "notice.txt")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policy_parse", *args], capture_output=True, text=True, check=False
    )


def test_the_summary_names_the_notice_counts_and_errors_first() -> None:
    r = run(NOTICE)
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "津高新区管发〔2020〕44号" in out
    assert "6 parts, 18 sections, 78 measures in the prose, 78 rows in the table" in out
    assert out.index("ERROR (2)") < out.index("WARNING (3)") < out.index("INFO (")


def test_json_goes_to_a_file_with_dash_o(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    r = run(NOTICE, "--format", "json", "-o", str(target))
    assert r.returncode == 0 and r.stdout == ""
    data = json.loads(target.read_text("utf-8"))
    assert data["schema"] == "policy_parse/1" and len(data["measures"]) == 78


def test_fail_on_sets_the_exit_code_by_severity() -> None:
    assert run(NOTICE, "--fail-on", "error").returncode == 1
    text = SAMPLES / "family-zone-business-environment.txt"
    # That notice has warnings and infos but no error.
    assert run(str(text), "--fail-on", "error").returncode == 0
    assert run(str(text), "--fail-on", "warning").returncode == 1


def test_stage_read_shows_the_readers_form_with_merges_marked() -> None:
    r = run(str(SAMPLES / "notice.docx"), "--stage", "read")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    tables = [b["table"] for b in data["blocks"] if "table" in b]
    assert len(tables) == 1
    # The second sub-row of 36 continues its 序号 cell: shown as ^.
    assert any(row["cells"][3] == "^" and row["cells"][4] for row in tables[0])


def test_an_unwritable_output_is_one_line_and_exit_2(tmp_path: Path) -> None:
    r = run(NOTICE, "-o", str(tmp_path / "no" / "such" / "dir.json"))
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "cannot write" in r.stderr

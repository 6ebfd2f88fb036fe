"""`policy_parse cover PARENT NOTICE` on the command line: every format,
one readable line for a bad parent, usage errors as the rest of the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from golden import SAMPLES

PARENT = Path(__file__).parent.parent / "fixtures" / "cover" / "seed-parent.txt"
NOTICE = SAMPLES / "notice.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policy_parse", *args], capture_output=True, text=True, check=False
    )


def test_text_on_standard_output() -> None:
    r = run("cover", str(PARENT), str(NOTICE), "--lang", "en")
    assert r.returncode == 0, r.stderr
    assert "59 parent items, 59 covered, 0 not covered; 78 measures" in r.stdout


def test_the_output_suffix_picks_the_format(tmp_path: Path) -> None:
    out = tmp_path / "cover.json"
    assert run("cover", str(PARENT), str(NOTICE), "-o", str(out)).returncode == 0
    data = json.loads(out.read_text("utf-8"))
    assert data["schema"] == "policy_parse-cover/1" and len(data["items"]) == 59
    pytest.importorskip("openpyxl")
    book = tmp_path / "cover.xlsx"
    assert run("cover", str(PARENT), str(NOTICE), "-o", str(book)).returncode == 0
    assert book.read_bytes()[:2] == b"PK"


def test_a_parent_without_numbered_items_is_one_line_and_exit_2(tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text("关于某事的函\n\n请各单位认真贯彻执行。\n", "utf-8")
    r = run("cover", str(letter), str(NOTICE), "--lang", "en")
    assert r.returncode == 2 and r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and str(letter) in lines[0] and "Traceback" not in r.stderr
    zh = run("cover", str(letter), str(NOTICE))
    assert zh.returncode == 2 and "错误" in zh.stderr


def test_a_missing_notice_names_that_file(tmp_path: Path) -> None:
    r = run("cover", str(PARENT), str(tmp_path / "nowhere.txt"), "--lang", "en")
    assert r.returncode == 2 and "nowhere.txt" in r.stderr and str(PARENT) not in r.stderr


def test_a_format_that_contradicts_the_suffix_is_a_usage_error(tmp_path: Path) -> None:
    r = run("cover", str(PARENT), str(NOTICE), "--format", "csv", "-o", str(tmp_path / "a.json"))
    assert r.returncode == 4 and not (tmp_path / "a.json").exists()
    assert run("cover", str(PARENT)).returncode == 4  # NOTICE missing: argparse's own error


def test_a_file_named_cover_is_still_a_notice(tmp_path: Path) -> None:
    (tmp_path / "cover").write_bytes(NOTICE.read_bytes())
    r = subprocess.run(
        [sys.executable, "-m", "policy_parse", "cover", "--format", "json"],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["schema"] == "policy_parse/1"

"""`policy_parse names PATH...`: the batch's registry on the command line."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from golden import SAMPLES


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policy_parse", *args], capture_output=True, text=True, check=False
    )


def test_a_folder_gives_one_name_per_department(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "一、任务\n1.推进甲项改革。（牵头单位：市发改委；配合单位：市财政局）\n", "utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "一、任务\n1.推进乙项改革。（牵头单位：市发展和改革委员会；配合单位：区财政局）\n", "utf-8"
    )
    out = tmp_path / "names.json"
    r = run("names", str(tmp_path), "-o", str(out))
    assert r.returncode == 0, r.stderr
    data = json.loads(out.read_text("utf-8"))
    assert data["schema"] == "policy_parse-names/1"
    assert [(m["name"], m["canonical"]) for m in data["merges"]] == [
        ("市发改委", "市发展和改革委员会")
    ]
    assert {r["name"] for r in data["refused"] if r["reason"] == "levels"} == {
        "市财政局",
        "区财政局",
    }


def test_an_unreadable_file_is_one_line_and_the_rest_is_still_written(tmp_path: Path) -> None:
    shutil.copy(SAMPLES / "notice.txt", tmp_path / "a.txt")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    out = tmp_path / "names.txt"
    r = run("names", str(tmp_path), "-o", str(out), "--lang", "en")
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1 and "broken.docx" in r.stderr
    assert out.read_text("utf-8").splitlines()[1].startswith("1 file, ")


def test_jobs_must_be_positive() -> None:
    assert run("names", str(SAMPLES / "notice.txt"), "--jobs", "0").returncode == 4

"""Batches at scale: --include / --exclude, files of unknown type listed,
--resume / --force, --timeout."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from golden import SAMPLES

NOTICE = SAMPLES / "notice.txt"
ZONE = SAMPLES / "family-zone-business-environment.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policy_parse", *args], capture_output=True, text=True, check=False
    )


def _summary(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig"))))


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    (src / "2021").mkdir(parents=True)
    shutil.copy(NOTICE, src / "a.txt")
    shutil.copy(ZONE, src / "2021" / "b.txt")
    (src / "notes.md").write_text("# not a notice\n", "utf-8")
    (src / "scan.jpg").write_bytes(b"\xff\xd8\xff")
    (src / ".hidden.txt").write_text("x", "utf-8")
    return src


def test_files_of_an_unknown_type_are_listed_not_dropped(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = run(str(folder), "-o", str(out), "--quiet")
    assert r.returncode == 0, r.stderr  # passed over, not failed
    rows = {Path(x["文件"]).name: x for x in _summary(out / "summary.csv")}
    assert set(rows) == {"a.txt", "b.txt", "notes.md", "scan.jpg"}  # hidden files stay out
    for name in ("notes.md", "scan.jpg"):
        assert rows[name]["状态代码"] == "skipped" and rows[name]["状态"] == "已跳过：类型未知"
        assert rows[name]["输出文件"] == ""
    assert rows["a.txt"]["状态代码"] == "ok"


def test_include_and_exclude_globs_choose_a_folders_files(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "only2021"
    assert run(str(folder), "-o", str(out), "--include", "2021/*", "--quiet").returncode == 0
    assert [Path(x["文件"]).name for x in _summary(out / "summary.csv")] == ["b.txt"]
    out = tmp_path / "not-b"
    r = run(str(folder), "-o", str(out), "--exclude", "b.txt", "--exclude", "*.md", "--quiet")
    assert r.returncode == 0
    names = [Path(x["文件"]).name for x in _summary(out / "summary.csv")]
    assert names == ["a.txt", "scan.jpg"]
    assert sorted(p.name for p in out.rglob("*.txt")) == ["a.txt.txt"]
    # A file given by name is read whatever the globs say.
    out = tmp_path / "named"
    r = run(str(NOTICE), str(ZONE), "-o", str(out), "--include", "*.pdf", "--quiet")
    assert r.returncode == 0 and len(_summary(out / "summary.csv")) == 2


def test_resume_keeps_unchanged_outputs_and_redoes_changed_ones(
    folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert run(str(folder), "-o", str(out), "--quiet").returncode == 0
    first = {Path(x["文件"]).name: x for x in _summary(out / "summary.csv")}
    a_out, b_out = out / "a.txt.txt", out / "2021" / "b.txt.txt"
    stamp = {p: p.stat().st_mtime_ns for p in (a_out, b_out)}
    # b changes (its content, so its hash); a does not.
    time.sleep(0.05)
    b = folder / "2021" / "b.txt"
    b.write_text(b.read_text("utf-8").replace("营商环境", "营商环镜", 1), "utf-8")
    r = run(str(folder), "-o", str(out), "--resume")
    assert r.returncode == 0, r.stderr
    rows = {Path(x["文件"]).name: x for x in _summary(out / "summary.csv")}
    assert rows["a.txt"]["状态代码"] == "unchanged" and rows["a.txt"]["状态"].startswith("未变更")
    assert rows["a.txt"]["措施数"] == first["a.txt"]["措施数"] == "78"
    assert rows["a.txt"]["文件 SHA-256"] == first["a.txt"]["文件 SHA-256"] != ""
    assert rows["b.txt"]["状态代码"] == "ok"
    assert a_out.stat().st_mtime_ns == stamp[a_out] and b_out.stat().st_mtime_ns != stamp[b_out]
    assert "成功2个，失败0个" in r.stderr
    # A touched file whose bytes are the same is still unchanged by its hash;
    # --force (and a plain run) parses everything again.
    os.utime(folder / "a.txt")
    r = run(str(folder), "-o", str(out), "--resume", "--quiet")
    rows = {Path(x["文件"]).name: x for x in _summary(out / "summary.csv")}
    assert rows["a.txt"]["状态代码"] == "ok"  # newer than its output: parsed again
    assert run(str(folder), "-o", str(out), "--force", "--quiet").returncode == 0
    assert all(x["状态代码"] in ("ok", "skipped") for x in _summary(out / "summary.csv"))
    assert run(str(folder), "-o", str(out), "--force", "--resume").returncode == 4


def test_resume_with_combine_reuses_the_unchanged_inputs_rows(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.csv"
    assert run(str(folder), "--combine", "-o", str(out), "--quiet").returncode == 0
    whole = out.read_text("utf-8")
    b = folder / "2021" / "b.txt"
    b.write_text(b.read_text("utf-8").replace("营商环境", "营商环镜", 1), "utf-8")
    r = run(str(folder), "--combine", "-o", str(out), "--resume", "--quiet")
    assert r.returncode == 0, r.stderr
    rows = {Path(x["文件"]).name: x for x in _summary(tmp_path / "all.summary.csv")}
    assert rows["a.txt"]["状态代码"] == "unchanged" and rows["a.txt"]["措施数"] == "78"
    assert rows["a.txt"]["输出文件"].split("; ")[0] == str(out)
    assert rows["b.txt"]["状态代码"] == "ok"
    text = out.read_text("utf-8")
    assert "营商环镜" in text and text != whole
    # The same rows as a run from scratch, a's taken from the parts file.
    fresh = tmp_path / "fresh" / "all.csv"
    assert run(str(folder), "--combine", "-o", str(fresh), "--quiet").returncode == 0
    assert text == fresh.read_text("utf-8")
    # Another language: every part is parsed again (its columns differ).
    r = run(str(folder), "--combine", "-o", str(out), "--resume", "--quiet", "--lang", "en")
    codes = {Path(x["file"]).name: x["code"] for x in _summary(tmp_path / "all.summary.csv")}
    assert codes["a.txt"] == codes["b.txt"] == "ok"
    assert run(str(folder), "--combine", "-o", str(out), "--force", "--resume").returncode == 4


def test_timeout_bounds_every_format_not_only_pdf(folder: Path, tmp_path: Path) -> None:
    # Text and Word are read in the process itself: the clock is over the
    # whole parse (_support/deadline.py), and says so as a PDF's does.
    shutil.copy(SAMPLES / "notice.docx", folder / "c.docx")
    shutil.copy(SAMPLES / "notice.html", folder / "d.html")
    r = run(str(NOTICE), "--timeout", "0.001", "--lang", "en")
    assert r.returncode == 2, r.stderr
    assert (
        r.stderr.count("\n") == 1
        and "timed out and was stopped (took longer than 0.001 s" in r.stderr
    )
    out = tmp_path / "out"
    r = run(str(folder), "-o", str(out), "--timeout", "0.001", "--jobs", "1", "--quiet")
    codes = {Path(x["文件"]).name: x["状态代码"] for x in _summary(out / "summary.csv")}
    assert codes == {"a.txt": "timeout", "b.txt": "timeout", "c.docx": "timeout",
                     "d.html": "timeout", "notes.md": "skipped", "scan.jpg": "skipped"}  # fmt: skip
    assert r.returncode == 2 and "处理超时" in r.stderr
    r = run(str(folder), "-o", str(out), "--timeout", "60", "--quiet")
    assert r.returncode == 0, r.stderr


def test_timeout_bounds_a_pdf_and_a_bad_timeout_is_a_usage_error(tmp_path: Path) -> None:
    r = run(str(SAMPLES / "notice.pdf"), "--timeout", "0.001", "--lang", "en")
    assert r.returncode == 2 and "took longer than 0.001 s" in r.stderr
    zh = run(str(SAMPLES / "notice.pdf"), "--timeout", "0.001")
    assert zh.returncode == 2 and "notice.pdf：处理超时，已停止" in zh.stderr
    assert (
        run(
            str(SAMPLES / "notice.pdf"), "--timeout", "60", "-o", str(tmp_path / "r.json")
        ).returncode
        == 0
    )
    assert run(str(NOTICE), "--timeout", "0").returncode == 4

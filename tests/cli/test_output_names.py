"""-o names the format: its suffix picks it, a --format that contradicts it
is a usage error, and a binary format never goes to a terminal."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from golden import SAMPLES

NOTICE = str(SAMPLES / "notice.txt")


def run(*args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policy_parse", *args],
        capture_output=True, text=True, check=False, **kw,  # type: ignore[call-overload]
    )  # fmt: skip


@pytest.mark.parametrize(
    ("name", "looks_like"),
    [
        ("report.xlsx", lambda raw: zipfile.is_zipfile(raw)),
        ("report.csv", lambda raw: raw.read_bytes().startswith("\ufeff编号,序号".encode())),
        ("report.html", lambda raw: raw.read_text("utf-8").startswith("<!DOCTYPE html>")),
        ("report.json", lambda raw: json.loads(raw.read_text("utf-8"))["schema"]),
        ("report.txt", lambda raw: raw.read_text("utf-8").startswith("津高新区管发〔2020〕44号")),
        ("report.HTM", lambda raw: raw.read_text("utf-8").startswith("<!DOCTYPE html>")),
    ],
)
def test_the_suffix_of_dash_o_picks_the_format(tmp_path: Path, name: str, looks_like) -> None:  # type: ignore[no-untyped-def]
    if name.endswith(".xlsx"):
        pytest.importorskip("openpyxl")
    out = tmp_path / name
    r = run(NOTICE, "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert looks_like(out)


def test_a_format_that_contradicts_the_suffix_is_a_usage_error(tmp_path: Path) -> None:
    out = tmp_path / "report.xlsx"
    r = run(NOTICE, "-o", str(out), "--format", "csv")
    assert r.returncode == 4 and not out.exists()
    assert r.stderr == (
        f"policy_parse: 错误：--format csv 与 -o {out} 的扩展名（.xlsx）矛盾："
        "去掉 --format，或改用 .csv 扩展名\n"
    )
    en = run(NOTICE, "-o", str(out), "--format", "csv", "--lang", "en")
    assert en.returncode == 4 and "contradicts the suffix" in en.stderr
    # Agreeing, or a suffix that names no format, is fine.
    assert run(NOTICE, "-o", str(tmp_path / "r.json"), "--format", "json").returncode == 0
    odd = tmp_path / "report.out"
    assert run(NOTICE, "-o", str(odd), "--format", "json").returncode == 0
    assert json.loads(odd.read_text("utf-8"))["schema"] == "policy_parse/1"
    assert run(NOTICE, "-o", str(tmp_path / "plain.out")).returncode == 0
    assert (tmp_path / "plain.out").read_text("utf-8").startswith("津高新区管发")


def _on_a_terminal(*args: str) -> tuple[int, bytes, str]:
    """Run with standard output on a pseudo-terminal: (exit code, what the
    terminal received, stderr)."""
    leader, follower = pty.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "policy_parse", *args],
            stdout=follower, stderr=subprocess.PIPE,
        )  # fmt: skip
        os.close(follower)
        received = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the child closed its end
                break
            if not chunk:
                break
            received += chunk
        err = proc.stderr.read().decode() if proc.stderr else ""
        return proc.wait(), received, err
    finally:
        os.close(leader)


def test_a_workbook_is_never_written_to_a_terminal() -> None:
    code, received, err = _on_a_terminal(NOTICE, "--format", "xlsx")
    assert code == 4 and received == b""
    assert err == "policy_parse: 错误：xlsx 是二进制格式，不能输出到终端：请用 -o 文件名.xlsx\n"
    # Text formats still go to the terminal; a pipe takes the workbook.
    code, received, _ = _on_a_terminal(NOTICE, "--format", "json")
    assert code == 0 and b'"schema"' in received
    piped = subprocess.run(
        [sys.executable, "-m", "policy_parse", NOTICE, "--format", "xlsx"],
        capture_output=True, check=False,
    )  # fmt: skip
    assert piped.returncode == 0 and piped.stdout.startswith(b"PK\x03\x04")

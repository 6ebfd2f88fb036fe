"""The CLI starts a PDF's page workers before it imports the rest of the
pipeline (issue 11): the same output as the library, the same one-line
errors for files the early start passes over or the workers refuse, and no
worker left behind when the run fails after starting them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import policy_parse
from golden import SAMPLES

sys.path.insert(0, str(Path(__file__).resolve().parent / "read" / "pdf"))
from pdf_fixtures import Page, Text, build_pdf

PDF = str(SAMPLES / "notice.pdf")
TEXT = "关于印发分工方案的通知"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policy_parse", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _python(code: str) -> str:
    return subprocess.check_output([sys.executable, "-c", code], text=True, timeout=60).strip()


def test_the_workers_fork_before_attrs_the_models_and_regex_are_imported() -> None:
    code = f"""
import os, sys
seen = []
real_fork = os.fork
def fork():
    if not seen:
        seen.append([m for m in ("attrs", "regex", "policy_parse.models") if m in sys.modules])
    return real_fork()
os.fork = fork
from policy_parse.__main__ import main
sys.stdout = open(os.devnull, "w")
code = main([{PDF!r}])
sys.stdout = sys.__stdout__
print(code, seen)
"""
    assert _python(code) == "0 [[]]"


def test_the_early_start_gives_what_the_library_gives() -> None:
    notice = policy_parse.parse(PDF)
    r = _cli(PDF, "--format", "json")
    assert r.returncode == 0, r.stderr
    assert r.stdout == policy_parse.to_json(notice, lang="zh")  # the CLI's default
    r = _cli(PDF, "--stage", "read")
    assert r.returncode == 0, r.stderr
    from policy_parse.emit.json import document_to_dict
    from policy_parse.emit.jsonout import dumps

    document = policy_parse.read_document(PDF)
    assert r.stdout == dumps(document_to_dict(document), sort_keys=False) + "\n"


@pytest.mark.parametrize(
    ("data", "args"),
    [
        # The workers start, and refuse the file: no password given.
        (build_pdf([Page(texts=[Text(72, 100, TEXT, 12)])], user_password="u"), ()),
        # The early start passes over a cut-off file; the normal path refuses it.
        (build_pdf([Page(texts=[Text(72, 100, TEXT, 12)])])[:300], ()),
        # The workers start, then the aliases file turns out unreadable.
        (build_pdf([Page(texts=[Text(72, 100, TEXT, 12)])]), ("--aliases", "missing.toml")),
    ],
    ids=["encrypted", "truncated", "bad-aliases"],
)
def test_a_refused_pdf_is_the_librarys_error_in_one_line(
    tmp_path: Path, data: bytes, args: tuple[str, ...]
) -> None:
    path = tmp_path / "notice.pdf"
    path.write_bytes(data)
    r = _cli(str(path), *args)
    assert r.returncode == 2
    with pytest.raises(policy_parse.PolicyParseError) as info:
        if args:  # what the library says of the same aliases file
            policy_parse.load_aliases(args[1])
        policy_parse.parse(str(path))
    # One Chinese line naming the file (the aliases file for its error) ...
    named = args[1] if args else str(path)
    assert r.stderr.startswith(f"policy_parse: 错误：{named}：") and r.stderr.count("\n") == 1
    assert r.stderr.endswith("。\n")
    # ... and in English, the library's own words inside.
    en = _cli(str(path), *args, "--lang", "en")
    assert en.returncode == 2 and en.stderr.count("\n") == 1
    assert en.stderr.startswith(f"policy_parse: error: {named}: ")
    assert f"({info.value})" in en.stderr


def test_the_password_reaches_the_early_start(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(build_pdf([Page(texts=[Text(72, 100, TEXT, 12)])], user_password="u"))
    r = _cli(str(path), "--password", "u", "--stage", "read")
    assert r.returncode == 0, r.stderr
    assert TEXT in r.stdout


def test_no_worker_is_left_behind_when_the_run_fails_after_starting_them() -> None:
    code = f"""
import os
from policy_parse.__main__ import main
code = main([{PDF!r}, "--aliases", "/nonexistent/aliases.toml"])
try:
    os.waitpid(-1, os.WNOHANG)
    left = "a child is left"
except ChildProcessError:
    left = "none left"
print(code, left)
"""
    assert _python(code) == "2 none left"

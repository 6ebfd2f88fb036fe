"""cli/diff.py: `policy_parse diff OLD NEW`, its formats, errors and exit codes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from diffcases import NEW, OLD
from policy_parse.__main__ import main


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return str(old), str(new)


def test_it_writes_each_format_the_suffix_of_o_names(pair: tuple[str, str], tmp_path: Path) -> None:
    for suffix in (".json", ".csv", ".html", ".txt"):
        out = tmp_path / f"diff{suffix}"
        assert main(["diff", *pair, "-o", str(out)]) == 0
        assert out.stat().st_size > 0
    data = json.loads((tmp_path / "diff.json").read_text("utf-8"))
    assert data["schema"] == "policy_parse-diff/1" and data["summary"]["changes"] == 9
    assert (tmp_path / "diff.csv").read_text("utf-8-sig").startswith("严重程度,")
    assert "[-一-]{+半+}" in (tmp_path / "diff.txt").read_text("utf-8")


def test_the_workbook_is_written_where_asked(pair: tuple[str, str], tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    out = tmp_path / "diff.xlsx"
    assert main(["diff", *pair, "-o", str(out)]) == 0
    assert out.read_bytes()[:2] == b"PK"


def test_fail_on_sets_the_exit_code_by_the_changes_severity(
    pair: tuple[str, str], tmp_path: Path
) -> None:
    # A removed measure, a new lead and a new deadline are warnings; none is an error.
    out = str(tmp_path / "d.json")
    assert main(["diff", *pair, "--fail-on", "warning", "-o", out]) == 1
    assert main(["diff", *pair, "--fail-on", "error", "-o", out]) == 0
    assert main(["diff", pair[0], pair[0], "--fail-on", "info", "-o", out]) == 0


def test_a_missing_version_is_one_line_naming_it_in_the_language_asked_for(
    pair: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "gone.txt")
    assert main(["diff", pair[0], missing, "--lang", "en"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("policy_parse: error: ") and missing in err[0]
    assert main(["diff", missing, pair[1]]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("policy_parse: 错误：") and missing in err[0]


def test_usage_errors_exit_4(
    pair: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "d.json")
    assert main(["diff", *pair, "--format", "csv", "-o", out, "--lang", "en"]) == 4
    assert "contradicts" in capsys.readouterr().err
    assert main(["diff", *pair, "-o", pair[1]]) == 4
    assert main(["diff", "-", pair[1], "--lang", "en"]) == 4
    assert "diff reads no standard input" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["diff", pair[0]])
    assert exc.value.code == 4


def test_the_module_runs_the_subcommand_and_prints_the_report(pair: tuple[str, str]) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "policy_parse", "diff", *pair, "--lang", "en"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Comparison of two versions\n")
    assert "measure 5 split into measure 5, measure 6" in run.stdout


def test_the_smallest_example_of_docs_diff_md_prints_what_it_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "diff.md").read_text("utf-8")
    for name in ("old.txt", "new.txt"):
        block = re.search(rf"`{name}`:\n\n((?:    .*\n)+)", doc)
        assert block is not None, name
        lines = [x[4:] for x in block.group(1).splitlines()]
        (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    shown = re.search(r"\$ python -m policy_parse diff old.txt new.txt\n(.*?)```", doc, re.DOTALL)
    assert shown is not None
    monkeypatch.chdir(tmp_path)
    assert main(["diff", "old.txt", "new.txt"]) == 0
    assert capfd.readouterr().out == shown.group(1)
    # And the Python lines below it, as a doctest in the same folder.
    import doctest

    example = re.search(r"```\n(>>> .*?)```", doc, re.DOTALL)
    assert example is not None
    test = doctest.DocTestParser().get_doctest(example.group(1), {}, "docs/diff.md", None, 0)
    runner = doctest.DocTestRunner()
    runner.run(test)
    assert runner.summarize(verbose=False) == (0, 3)

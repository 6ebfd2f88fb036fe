"""The command line: one notice or many, every format, the exit-code contract."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import policy_parse
from golden import SAMPLES
from policy_parse.batch import readable_suffixes
from policy_parse.cli.many import progress as _progress

NOTICE = str(SAMPLES / "notice.txt")
ZONE = str(SAMPLES / "family-zone-business-environment.txt")  # warnings and infos, no error


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policy_parse", *args],
        capture_output=True,
        text=True,
        check=False,
        input=None if stdin is None else stdin.decode("utf-8"),
    )


# --- one notice -----------------------------------------------------------------------


def test_the_summary_is_chinese_by_default_with_errors_first() -> None:
    r = run(NOTICE)
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "津高新区管发〔2020〕44号" in out
    assert "6个部分，18个章节，正文78项措施，分工表78行" in out
    assert out.index("错误（2）") < out.index("警告（3）") < out.index("提示（8）")


def test_the_english_summary_counts_with_correct_plurals() -> None:
    out = run(NOTICE, "--lang", "en").stdout
    assert (
        "6 parts, 18 sections, 78 measures in the prose, 78 rows in the table, 1 residue line\n"
        in out
    )
    assert "13 discrepancies: 2 errors, 3 warnings, 8 infos" in out
    assert out.index("ERROR (2)") < out.index("WARNING (3)") < out.index("INFO (8)")


def test_every_finding_shows_both_sides_sorted_by_measure_without_escapes() -> None:
    out = run(NOTICE, "--lang", "en").stdout
    assert "\\u" not in out and "'" not in out.split("residue")[-1]
    finding_lines = [k for k, line in enumerate(out.splitlines()) if line.startswith("     [")]
    lines = out.splitlines()
    for k in finding_lines:
        assert lines[k + 1].lstrip().startswith(("prose: ", "prose (this measure): "))
        assert lines[k + 2].lstrip().startswith(("table: ", "table (this measure): "))
    # A finding about the table's 市场局 on 16 shows the prose's units for 16.
    k = next(k for k in finding_lines if "[16] abbreviated unit (alias)" in lines[k])
    prose16 = next(m for m in policy_parse.parse(NOTICE).measures if m.id == "16")
    names16 = ", ".join(u.name for u in (*prose16.lead, *prose16.support))
    assert lines[k + 1].strip() == f"prose (this measure): {names16}"
    # duplicate-text on 55: both texts in full.
    k = next(k for k in finding_lines if "duplicate-text" in lines[k])
    notice = policy_parse.parse(NOTICE)
    d = next(d for d in notice.discrepancies if d.kind.value == "duplicate-text")
    assert (
        lines[k + 1].strip() == f"prose: {d.prose}" and lines[k + 2].strip() == f"table: {d.table}"
    )
    info = out[out.index("INFO (8)") :].split("\n\n")[0]
    numbers = [
        int(line.split("]")[0].split("[")[1]) for line in info.splitlines()[1:] if "[" in line
    ]
    assert numbers == sorted(numbers) and len(numbers) == 8


def test_json_goes_to_a_file_with_dash_o_and_its_messages_in_the_chosen_language(
    tmp_path: Path,
) -> None:
    target = tmp_path / "out.json"
    r = run(NOTICE, "--format", "json", "-o", str(target))
    assert r.returncode == 0 and r.stdout == ""
    data = json.loads(target.read_text("utf-8"))
    assert data["schema"] == "policy_parse/1" and len(data["measures"]) == 78
    assert any("牵头" in d["message"] or "措施" in d["message"] for d in data["discrepancies"])
    en = json.loads(run(NOTICE, "--format", "json", "--lang", "en").stdout)
    assert [d["kind"] for d in en["discrepancies"]] == [d["kind"] for d in data["discrepancies"]]
    assert all(d["message"].isascii() is False or d["message"] for d in en["discrepancies"])


def test_fail_on_sets_the_exit_code_by_severity() -> None:
    assert run(NOTICE, "--fail-on", "error").returncode == 1
    assert run(ZONE, "--fail-on", "error").returncode == 0
    assert run(ZONE, "--fail-on", "warning").returncode == 1


def test_stage_read_shows_the_readers_form_with_merges_marked() -> None:
    r = run(str(SAMPLES / "notice.docx"), "--stage", "read")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    tables = [b["table"] for b in data["blocks"] if "table" in b]
    assert len(tables) == 1
    assert any(row["cells"][3] == "^" and row["cells"][4] for row in tables[0])


def test_dash_reads_the_notice_from_standard_input() -> None:
    r = run("-", "--lang", "en", stdin=Path(NOTICE).read_bytes())
    assert r.returncode == 0, r.stderr
    assert "78 measures in the prose" in r.stdout


def test_version_and_help_name_the_program() -> None:
    r = run("--version")
    assert (
        r.returncode == 0
        and r.stdout.strip() == f"python -m policy_parse {policy_parse.__version__}"
    )
    help_text = run("--help", "--lang", "en").stdout
    assert help_text.startswith("usage: python -m policy_parse")
    for code in ("0 ", "1 ", "2 ", "3 ", "4 "):
        assert f"\n  {code}" in help_text
    script = Path(sys.executable).parent / "policy-parse"
    if script.exists():
        out = subprocess.run(
            [str(script), "--help", "--lang=en"], capture_output=True, text=True, check=False
        )
        assert out.stdout.startswith("usage: policy-parse ")


def test_help_and_usage_errors_speak_chinese_by_default() -> None:
    help_text = run("--help").stdout
    assert help_text.startswith("用法：python -m policy_parse")
    for words in ("位置参数", "选项", "显示本帮助并退出", "退出码", "输出格式", "所有文字的语言"):
        assert words in help_text, words
    # No help line of an option is left in English.
    options = help_text.split("选项")[1].split("退出码")[0]
    for line in options.splitlines():
        if line.startswith("                        "):
            assert any("\u4e00" <= ch <= "\u9fff" for ch in line) or "{" in line, line
    bad = run(NOTICE, "--format", "docx")
    assert bad.returncode == 4 and "错误：参数 --format：无效的取值：'docx'" in bad.stderr
    assert "policy_parse: error:" in run(NOTICE, "--bogus", "--lang", "en").stderr


# --- the exit-code contract -----------------------------------------------------------


def test_an_unreadable_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    r = run(str(tmp_path / "missing.txt"))
    assert r.returncode == 2 and r.stderr.count("\n") == 1


def test_a_usage_error_is_exit_4() -> None:
    assert run(NOTICE, "--format", "docx").returncode == 4
    assert run().returncode == 4
    assert run(NOTICE, "--jobs", "0").returncode == 4


def test_xlsx_without_openpyxl_says_which_extra_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from policy_parse.__main__ import main

    monkeypatch.setitem(sys.modules, "openpyxl", None)
    monkeypatch.setattr("importlib.util.find_spec", lambda name, *a: None)
    assert main([NOTICE, "--format", "xlsx"]) == 4
    assert "policy_parse[xlsx]" in capsys.readouterr().err


def test_dash_o_onto_an_input_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    notice = tmp_path / "n.txt"
    shutil.copy(NOTICE, notice)
    before = notice.read_bytes()
    r = run(str(notice), "-o", str(notice))
    assert r.returncode == 4 and "input" in r.stderr and r.stderr.count("\n") == 1
    assert notice.read_bytes() == before


def test_an_unwritable_output_is_one_line_and_exit_2(tmp_path: Path) -> None:
    target = str(tmp_path / "no" / "such" / "dir.json")
    r = run(NOTICE, "-o", target, "--lang", "en")
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "cannot write (no such folder)" in r.stderr
    zh = run(NOTICE, "-o", target).stderr
    assert (
        zh
        == f"policy_parse: 错误：{target}：无法写入（目录不存在）。请检查目录是否存在、是否有写权限、磁盘是否已满。\n"
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_full_disk_is_one_line_and_exit_2() -> None:
    r = run(NOTICE, "--format", "json", "-o", "/dev/full", "--lang", "en")
    assert r.returncode == 2, r.stderr
    assert r.stderr.count("\n") == 1 and "no space left" in r.stderr
    assert (
        "/dev/full：无法写入（磁盘已满）"
        in run(NOTICE, "--format", "json", "-o", "/dev/full").stderr
    )
    with open("/dev/full", "w") as full:
        r2 = subprocess.run(
            [sys.executable, "-m", "policy_parse", NOTICE],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert r2.returncode == 2 and r2.stderr.count("\n") == 1, r2.stderr


def test_a_closed_pipe_is_one_line_not_a_traceback() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "policy_parse", NOTICE, "--format", "json", "--lang", "en"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the notice is parsed
    err = proc.stderr.read().decode()
    assert proc.wait() == 2
    assert "Traceback" not in err and err.count("\n") == 1 and "pipe" in err


def test_the_fast_exit_loses_no_output_when_streams_are_files(tmp_path: Path) -> None:
    # The CLI skips interpreter teardown (os._exit after main): output that
    # sits in a buffer then would be lost.  Block-buffered files, not the
    # unbuffered streams PYTHONUNBUFFERED gives.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    out, err = tmp_path / "out.json", tmp_path / "err.txt"
    with out.open("wb") as o, err.open("wb") as e:
        code = subprocess.run(
            [sys.executable, "-m", "policy_parse", NOTICE, "--format", "json", "--fail-on", "error"],
            stdout=o, stderr=e, env=env, check=False,
        ).returncode  # fmt: skip
    assert code == 1  # notice.txt has errors: the exit code survives os._exit
    assert json.loads(out.read_text("utf-8")) == json.loads(
        policy_parse.to_json(policy_parse.parse(NOTICE), lang="zh")
    )
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(NOTICE, folder / "a.txt")
    with err.open("wb") as e:
        subprocess.run(
            [sys.executable, "-m", "policy_parse", str(folder), "-o", str(tmp_path / "o")],
            stdout=subprocess.DEVNULL, stderr=e, env=env, check=True,
        )  # fmt: skip
    closing = err.read_text("utf-8")
    assert "共1个文件：成功1个" in closing and closing.endswith("\n")


# --- many notices ---------------------------------------------------------------------


def _summary(out: Path) -> list[dict[str, str]]:
    text = (out / "summary.csv").read_text("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_a_folder_gives_one_workbook_per_sample_and_a_broken_file_does_not_stop_it(
    tmp_path: Path,
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    src = tmp_path / "in"
    shutil.copytree(SAMPLES, src)
    (src / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    out = tmp_path / "out"
    r = run(str(src), "-o", str(out), "--format", "xlsx", "--jobs", "2")
    assert r.returncode == 2, r.stderr
    # Every sample a reader knows (.doc/.rtf/.xls need LibreOffice, as CI has).
    known = readable_suffixes() if shutil.which("soffice") else (".txt", ".docx", ".pdf")
    samples = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in known)
    for p in SAMPLES.iterdir():
        if p.suffix not in known:
            (src / p.name).unlink()
    assert sorted(p.name for p in out.glob("*.xlsx")) == [f"{s}.xlsx" for s in samples]
    rows = _summary(out)
    by_file = {Path(r["文件"]).name: r for r in rows}
    broken = by_file["broken.docx"]
    assert broken["状态"] == "文件损坏" and broken["状态代码"] == "corrupt"
    assert broken["说明"].startswith(f"{src / 'broken.docx'}：文件已损坏或不完整")
    assert by_file["notice.txt"] == {
        "文件": str(src / "notice.txt"), "格式": "txt", "状态": "成功", "状态代码": "ok",
        "措施数": "78", "分工表行数": "78", "错误": "2", "警告": "3", "提示": "8",
        "输出文件": str(out / "notice.txt.xlsx"), "说明": "",
        "文件 SHA-256": hashlib.sha256((SAMPLES / "notice.txt").read_bytes()).hexdigest(),
    }  # fmt: skip
    # Every row's output file exists, and only a parsed file has one.
    for row in rows:
        assert (row["输出文件"] != "") == (row["状态代码"] == "ok")
        assert row["输出文件"] == "" or Path(row["输出文件"]).is_file()
    # Every failure is one Chinese line on stderr naming its file.
    assert f"policy_parse: 错误：{src / 'broken.docx'}：文件已损坏" in r.stderr
    # The samples' README.md and FAMILY.md are listed as passed over.
    passed = sorted(Path(x["文件"]).name for x in rows if x["状态代码"] == "skipped")
    assert passed == ["FAMILY.md", "README.md"]
    assert len(rows) == len(samples) + 1 + len(passed)
    wb = openpyxl.load_workbook(out / "notice.docx.xlsx")
    assert len(wb.sheetnames) == 6
    # The closing line (stderr is no terminal: no progress bar) counts the files read.
    last = r.stderr.strip().splitlines()[-1]
    assert f"共{len(samples) + 1}个文件：成功{len(samples)}个，失败1个" in last and "秒" in last
    assert "\r" not in r.stderr


def test_several_files_need_dash_o_and_fail_on_still_applies(tmp_path: Path) -> None:
    assert run(NOTICE, ZONE).returncode == 4
    r = run(NOTICE, ZONE, "-o", str(tmp_path), "--format", "json", "--fail-on", "error", "--quiet")
    assert r.returncode == 1 and r.stderr == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "family-zone-business-environment.txt.json", "notice.txt.json", "summary.csv",
    ]  # fmt: skip
    assert run(ZONE, ZONE, "-o", str(tmp_path / "z"), "--quiet").returncode == 0
    assert sorted(p.name for p in (tmp_path / "z").iterdir()) == [
        "family-zone-business-environment-2.txt.txt",
        "family-zone-business-environment.txt.txt",
        "summary.csv",
    ]


def test_a_batch_into_its_own_input_folder_does_not_read_its_outputs(tmp_path: Path) -> None:
    shutil.copy(NOTICE, tmp_path / "n.txt")
    out = tmp_path / "out"
    assert run(str(tmp_path), "-o", str(out), "--quiet").returncode == 0
    assert run(str(tmp_path), "-o", str(out), "--quiet").returncode == 0
    assert [r["文件"] for r in _summary(out)] == [str(tmp_path / "n.txt")]
    assert run(str(tmp_path), "-o", str(out), "--quiet", "--lang", "en").returncode == 0
    assert [r["file"] for r in _summary(out)] == [str(tmp_path / "n.txt")]


def test_the_progress_bar_draws_only_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    rows = [{"k": k} for k in range(3)]
    tty, pipe = Terminal(), io.StringIO()
    assert list(_progress(iter(rows), 3, quiet=False, stream=tty)) == rows
    assert "0/3个文件" in tty.getvalue() and "已用" in tty.getvalue()
    en = Terminal()
    assert list(_progress(iter(rows), 3, quiet=False, stream=en, lang="en")) == rows
    assert "0/3 files" in en.getvalue() and "已用" not in en.getvalue()
    assert list(_progress(iter(rows), 3, quiet=False, stream=pipe)) == rows
    assert pipe.getvalue() == ""
    quiet = Terminal()
    list(_progress(iter(rows), 3, quiet=True, stream=quiet))
    assert quiet.getvalue() == ""


def test_aliases_from_a_file_reach_the_output_and_a_bad_file_is_one_line(tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.toml"
    aliases.write_text('[departments]\n"人力资源和社会保障局" = ["人社局"]\n', "utf-8")
    data = json.loads(run(NOTICE, "--format", "json", "--aliases", str(aliases)).stdout)
    units = [u for m in data["measures"] for u in m["support"] if u["written"] == "人社局"]
    assert units and all(u["name"] == "人力资源和社会保障局" for u in units)
    bad = tmp_path / "bad.toml"
    bad.write_text("[departments\n", "utf-8")
    r = run(NOTICE, "--aliases", str(bad), "--lang", "en")
    assert r.returncode == 2 and "not valid TOML" in r.stderr and r.stderr.count("\n") == 1
    zh = run(NOTICE, "--aliases", str(bad)).stderr
    assert zh.startswith(f"policy_parse: 错误：{bad}：别名文件无法读取或格式不对（")
    assert zh.endswith("）。格式见 docs/batch.md（[departments] 表）。\n")
    assert "not valid TOML" in zh and zh.count("\n") == 1  # the same detail as in English


def test_both_pdf_engines_give_the_same_records_from_the_command_line() -> None:
    out = {}
    for engine in ("pdfium", "pdfplumber"):
        r = run(str(SAMPLES / "notice.pdf"), "--format", "json", "--pdf-engine", engine)
        assert r.returncode == 0, r.stderr
        data = json.loads(r.stdout)
        out[engine] = [(m["number"], m["text"], m["lead"]) for m in data["measures"]]
    assert len(out["pdfium"]) == 78
    assert out["pdfium"] == out["pdfplumber"]
    r = run(str(SAMPLES / "notice.pdf"), "--pdf-engine", "mupdf")
    assert r.returncode == 4


def test_a_folder_without_dash_o_says_what_to_type() -> None:
    r = run(str(SAMPLES))
    assert r.returncode == 4 and r.stdout == ""
    assert r.stderr == (
        f"policy_parse: 错误：多个输入（或一个目录）需要用 -o 指定输出目录，"
        f"例如：python -m policy_parse {SAMPLES} -o out/；或用 --combine -o 全部.xlsx 合成一张表\n"
    )
    en = run(str(SAMPLES), "--lang", "en").stderr
    assert f"need -o DIR for their outputs, e.g. python -m policy_parse {SAMPLES} -o out/" in en


def test_an_error_names_its_file_and_what_to_do_in_chinese(tmp_path: Path) -> None:
    scanned = tmp_path / "扫描件.docx"
    scanned.write_bytes(b"PK\x03\x04 not really a zip")
    r = run(str(scanned))
    assert r.returncode == 2
    zh = r.stderr
    assert zh.startswith(f"policy_parse: 错误：{scanned}：文件已损坏或不完整，无法读取（")
    assert zh.endswith("）。请从原软件重新导出，或换一份文件。\n") and zh.count("\n") == 1
    en = run(str(scanned), "--lang", "en").stderr
    assert en.startswith(f"policy_parse: error: {scanned}: the file is damaged or cut off (")
    # The same detail in both languages (issue 24: the zh line dropped it).
    detail = en[en.index("(") + 1 : en.index("). Export")]
    assert detail and f"（{detail}）" in zh


def test_a_policy_parse_error_carries_the_path_it_concerns(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    for source in (str(broken), broken):
        with pytest.raises(policy_parse.CorruptFileError) as info:
            policy_parse.parse(source)
        assert info.value.path == str(broken)
    with pytest.raises(policy_parse.PolicyParseError) as info:
        policy_parse.parse(broken.read_bytes())
    assert info.value.path is None  # bytes name no file
    with pytest.raises(policy_parse.InputNotFoundError) as missing:
        policy_parse.parse(str(tmp_path / "nowhere.txt"))
    assert missing.value.path == str(tmp_path / "nowhere.txt")
    (bad,) = policy_parse.parse_many([str(broken)], jobs=1)
    assert isinstance(bad, policy_parse.PolicyParseError) and bad.path == str(broken)


def test_audit_is_an_attribute_of_the_package() -> None:
    code = "import policy_parse; print(policy_parse.audit.__name__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "policy_parse.audit"

"""--combine: a folder of notices as one table — a workbook, CSV files or
JSON lines — every row carrying its notice, and the departments across all."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import policy_parse
from golden import SAMPLES

NOTICE = SAMPLES / "notice.txt"
ZONE = SAMPLES / "family-zone-business-environment.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policy_parse", *args], capture_output=True, text=True, check=False
    )


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(NOTICE, src / "a.txt")
    shutil.copy(ZONE, src / "b.txt")
    (src / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    return src


def _rows(path: Path) -> list[dict[str, str]]:
    text = path.read_text("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_one_workbook_for_a_folder_with_every_row_carrying_its_notice(
    folder: Path, tmp_path: Path
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "all.xlsx"
    r = run(str(folder), "--combine", "-o", str(out), "--jobs", "2")
    assert r.returncode == 2, r.stderr  # the broken file
    assert f"{folder / 'broken.docx'}：文件已损坏" in r.stderr
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["通知一览", "措施", "问题", "部门分工"]
    a, b = policy_parse.parse(NOTICE), policy_parse.parse(ZONE)
    measures = list(wb["措施"].iter_rows(values_only=True))
    assert list(measures[0][:5]) == ["文件", "发文字号", "标题", "发文机关", "成文日期"]
    body = measures[1:]

    def n_rows(n: policy_parse.Notice) -> int:
        return len(list(csv.reader(io.StringIO(policy_parse.to_csv(n)[1:])))) - 1

    expected = [a] * n_rows(a) + [b] * n_rows(b)
    assert len(body) == len(expected)
    for row, n in zip(body, expected, strict=True):
        h = n.header
        assert row[1] == h.doc_number and row[2] == (h.title or h.plan_title)
        assert row[3] == (h.issuer or None) and row[4] == (h.date or None)
    assert body[0][0] == str(folder / "a.txt") and body[0][1] == "津高新区管发〔2020〕44号"
    findings = list(wb["问题"].iter_rows(values_only=True))[1:]
    assert len(findings) == len(a.discrepancies) + len(b.discrepancies)
    assert {f[0] for f in findings} == {str(folder / "a.txt"), str(folder / "b.txt")}
    overview = list(wb["通知一览"].iter_rows(values_only=True))
    assert overview[1][:2] == (str(folder / "a.txt"), "津高新区管发〔2020〕44号")
    assert overview[1][5] == 78 and isinstance(overview[1][5], int)
    # summary.csv beside the workbook names it for every file read.
    summary = _rows(tmp_path / "all.summary.csv")
    assert [Path(s["文件"]).name for s in summary] == ["a.txt", "b.txt", "broken.docx"]
    assert [s["输出文件"] for s in summary] == [str(out), str(out), ""]


def test_the_department_sheet_adds_up_every_notice(folder: Path, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from policy_parse.emit.departments import departments

    out = tmp_path / "all.xlsx"
    run(str(folder), "--combine", "-o", str(out), "--quiet")
    sheet = list(openpyxl.load_workbook(out)["部门分工"].iter_rows(values_only=True))
    header, rows = sheet[0], sheet[1:]
    assert header[:5] == ("部门", "其他写法", "通知数", "牵头措施数", "牵头措施")
    notices = [policy_parse.parse(p) for p in (NOTICE, ZONE)]
    per = [departments(n) for n in notices]
    # One row per name of the batch's registry (compare/registry.py).
    canonical = policy_parse.name_registry(notices).mapping()
    assert canonical["经发局"] == "经济发展局"  # the seed's short form, the zone's full one
    names = {canonical.get(d["name"], d["name"]) for ds in per for d in ds}
    assert {r[0] for r in rows} == names
    for r in rows:
        mine = [[d for d in ds if canonical.get(d["name"], d["name"]) == r[0]] for ds in per]
        assert r[2] == sum(1 for m in mine if m)
        assert r[3] == sum(len({i for d in m for i in d["lead"]}) for m in mine)
        assert r[5] == sum(len({i for d in m for i in d["support"]}) for m in mine)
    # Measures listed under their notice's 文号.
    lead = next(r for r in rows if r[0] == "生物医药招商局")
    assert "津高新区管发〔2020〕44号：" in lead[4] and "36-1" in lead[4]


def test_csv_and_json_lines_stack_the_same_rows(folder: Path, tmp_path: Path) -> None:
    (folder / "broken.docx").unlink()
    assert run(str(folder), "--combine", "-o", str(tmp_path / "all.csv"), "--quiet").returncode == 0
    names = sorted(p.name for p in tmp_path.iterdir() if p.is_file())
    assert names == [
        ".all.csv.parts.jsonl",  # each input's rows, for --resume
        "all.csv", "all.departments.csv", "all.findings.csv", "all.notices.csv", "all.summary.csv",
    ]  # fmt: skip
    measures = _rows(tmp_path / "all.csv")
    assert measures[0]["发文字号"] == "津高新区管发〔2020〕44号"
    summary = _rows(tmp_path / "all.summary.csv")
    assert summary[0]["输出文件"].split("; ")[0] == str(tmp_path / "all.csv")
    jl = tmp_path / "all.jsonl"
    r = run(str(folder), "--combine", "-o", str(jl), "--quiet", "--lang", "en")
    assert r.returncode == 0, r.stderr
    records = [json.loads(line) for line in jl.read_text("utf-8").splitlines()]
    m = [x for x in records if x["sheet"] == "measures"]
    assert len(m) == len(measures)
    assert m[0]["document number"] == "津高新区管发〔2020〕44号" and m[0]["file"].endswith("a.txt")
    assert {x["sheet"] for x in records} == {"measures", "discrepancies", "departments", "notices"}


def test_combine_needs_a_file_it_can_write(tmp_path: Path) -> None:
    r = run(str(NOTICE), "--combine")
    assert r.returncode == 4 and "--combine 需要 -o 文件" in r.stderr
    r = run(str(NOTICE), "--combine", "-o", str(tmp_path / "all.pdf"))
    assert r.returncode == 4
    r = run(str(NOTICE), "--combine", "-o", str(tmp_path / "all.xlsx"), "--format", "csv")
    assert r.returncode == 4 and "矛盾" in r.stderr


def test_a_workbook_in_the_folder_it_reads_is_not_read_again(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    shutil.copy(NOTICE, tmp_path / "a.txt")
    out = tmp_path / "all.xlsx"
    for _ in range(2):
        assert run(str(tmp_path), "--combine", "-o", str(out), "--quiet").returncode == 0
    assert [s["文件"] for s in _rows(tmp_path / "all.summary.csv")] == [str(tmp_path / "a.txt")]


def test_parquet_files_hold_the_same_rows_typed(folder: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    (folder / "broken.docx").unlink()
    out = tmp_path / "all.parquet"
    r = run(str(folder), "--combine", "-o", str(out), "--quiet", "--lang", "en")
    assert r.returncode == 0, r.stderr
    names = sorted(p.name for p in tmp_path.iterdir() if p.is_file())
    assert names == [
        ".all.parquet.parts.jsonl", "all.departments.parquet", "all.findings.parquet", "all.notices.parquet", "all.parquet",
        "all.summary.csv",
    ]  # fmt: skip
    measures = pq.read_table(out)
    assert measures.column_names[:5] == ["file", "document number", "title", "issuer", "date"]
    csv_rows = run(str(folder), "--combine", "-o", str(tmp_path / "c.csv"), "--lang", "en")
    assert csv_rows.returncode == 0
    assert measures.num_rows == len(_rows(tmp_path / "c.csv"))
    notices = pq.read_table(tmp_path / "all.notices.parquet")
    assert str(notices.schema.field("measures").type) == "int64"
    assert notices.column("measures").to_pylist() == [78, 14]
    depts = pq.read_table(tmp_path / "all.departments.parquet")
    assert str(depts.schema.field("leads").type) == "int64"


def test_parquet_without_pyarrow_is_a_usage_error_naming_the_extra(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['pyarrow'] = None\n"
        "from policy_parse.__main__ import main\n"
        f"raise SystemExit(main([{str(NOTICE)!r}, '--combine', '-o', {str(tmp_path / 'a.parquet')!r}]))"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert r.returncode == 4
    assert "parquet 格式需要 pyarrow：pip install 'policy_parse[parquet]'" in r.stderr


def test_one_notice_in_two_files_is_told_apart_in_the_department_sheet(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(NOTICE, src / "a.txt")
    shutil.copy(NOTICE, src / "copy.txt")
    (src / "plain.txt").write_text(  # no 文号: named by its file
        "一、任务\n1.推进甲项改革。（牵头单位：税务局；配合单位：财政局）\n"
        "2.推进乙项改革。（牵头单位：财政局）\n",
        "utf-8",
    )
    out = tmp_path / "all.xlsx"
    assert run(str(src), "--combine", "-o", str(out), "--quiet").returncode == 0
    rows = list(openpyxl.load_workbook(out)["部门分工"].iter_rows(values_only=True))[1:]
    lead = next(r for r in rows if r[0] == "生物医药招商局")
    assert lead[2] == 2  # two files name it
    assert lead[4].startswith("津高新区管发〔2020〕44号（a.txt）：")
    assert "；津高新区管发〔2020〕44号（copy.txt）：" in lead[4]
    tax = next(r for r in rows if r[0] == "税务局")
    assert tax[2:6] == (1, 1, "plain.txt：1", 0)

"""Issue 9, "never silently wrong": what is not a notice is refused, a Big5
notice reads as itself, severities order by gravity, and `notice.measures`
says what the JSON says.  Each test failed before the change it covers."""

from __future__ import annotations

from pathlib import Path

import pytest

import policy_parse
from helpers import sample_notice
from policy_parse import NotANoticeError, PolicyParseError, Severity
from policy_parse.read.text.reader import decode

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "real"

# --- what is not a notice -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param((ROOT / "README.md").read_text(encoding="utf-8"), id="readme"),
        pytest.param("D" * 4096, id="4096-D"),
        pytest.param(
            "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n",
            id="passwd",
        ),
    ],
)
def test_it_refuses_text_that_yields_no_measure_and_no_row(text: str) -> None:
    with pytest.raises(NotANoticeError) as info:
        policy_parse.parse_text(text)
    assert isinstance(info.value, PolicyParseError) and isinstance(info.value, ValueError)
    assert "notice" in str(info.value)


def test_it_refuses_a_non_notice_given_as_a_path(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("D" * 4096, encoding="utf-8")
    with pytest.raises(NotANoticeError):
        policy_parse.parse(path)


def test_it_still_parses_a_one_measure_notice() -> None:
    notice = policy_parse.parse_text("1.支持企业上市。（牵头部门：金融局）\n")
    assert [str(m.number) for m in notice.measures] == ["1"]


# --- Big5 -------------------------------------------------------------------------

TRAD = ROOT / "samples" / "family-hk-republished-trad.txt"


def _traditional_texts() -> list[Path]:
    extra = sorted(CORPUS.glob("*-trad.txt")) if CORPUS.is_dir() else []
    return [TRAD, *extra]


@pytest.mark.parametrize("path", _traditional_texts(), ids=lambda p: p.name)
def test_it_reads_a_big5_encoded_traditional_notice_as_written(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    try:
        data = text.encode("big5hkscs")
    except UnicodeEncodeError:
        pytest.skip(f"{path.name} holds a character Big5 cannot encode")
    assert decode(data) == text


def test_a_big5_notice_parses_to_the_records_of_its_utf8_twin(tmp_path: Path) -> None:
    text = TRAD.read_text(encoding="utf-8")
    path = tmp_path / "big5.txt"
    path.write_bytes(text.encode("big5"))
    big5, utf8 = policy_parse.parse(path), policy_parse.parse_text(text)
    assert big5.measures == utf8.measures
    assert big5.discrepancies == utf8.discrepancies


def test_gbk_still_wins_over_big5_for_a_simplified_notice() -> None:
    text = "1.支持企业上市，完善融资服务。（牵头部门：金融局）\n"
    assert decode(text.encode("gbk")) == text


# --- severities ---------------------------------------------------------------------


def test_severities_order_by_gravity() -> None:
    assert Severity.INFO < Severity.WARNING < Severity.ERROR
    assert max([Severity.WARNING, Severity.ERROR, Severity.INFO]) is Severity.ERROR
    assert min([Severity.WARNING, Severity.ERROR, Severity.INFO]) is Severity.INFO
    assert sorted(Severity) == [Severity.INFO, Severity.WARNING, Severity.ERROR]
    assert Severity.ERROR >= "warning" and not Severity.INFO >= "warning"
    assert [s.value for s in Severity] == ["error", "warning", "info"]


def test_max_severity_of_the_sample_is_error_and_at_least_warning_counts_right() -> None:
    ds = sample_notice().discrepancies
    assert max(d.severity for d in ds) is Severity.ERROR
    graver = [d for d in ds if d.severity >= Severity.WARNING]
    assert len(graver) == sum(1 for d in ds if d.severity is not Severity.INFO)


def test_a_severity_compared_with_an_unknown_name_raises() -> None:
    with pytest.raises(ValueError):
        _ = Severity.ERROR > "fatal"


# --- notice.measures and the JSON ------------------------------------------------------

SAMPLES = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in {".txt", ".docx", ".pdf"})


def _same(m: policy_parse.Measure, rec: dict[str, object]) -> None:
    assert (rec["id"], rec["origin"], rec["text"]) == (m.id, m.origin, m.text)
    assert rec["number"] == (None if m.number is None else str(m.number))
    assert [u["name"] for u in rec["lead"]] == [u.name for u in m.lead]  # type: ignore[attr-defined, union-attr]
    d = m.deadline
    assert rec["deadline"] == (
        None if d is None else {"written": d.written, "kind": d.kind, "value": d.value}
    )


def test_a_table_only_notice_exposes_its_rows_as_measures() -> None:
    notice = policy_parse.parse(ROOT / "samples" / "family-city-sci-tech-table-only.txt")
    records = policy_parse.to_dict(notice)["measures"]
    assert len(notice.measures) == len(notice.table) == len(records) == 14
    for m, rec, e in zip(notice.measures, records, notice.table):
        assert m.origin == "table"
        assert (m.id, m.text, m.lead, m.deadline) == (e.id, e.text, e.lead, e.deadline)
        _same(m, rec)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_measure_of_every_sample_is_a_json_record(path: Path) -> None:
    notice = policy_parse.parse(path)
    records = policy_parse.to_dict(notice)["measures"]
    if notice.measures[0].origin == "table":
        assert len(records) == len(notice.measures)
    else:
        records = [r for r in records if r["origin"] == "prose"]
    assert [r["id"] for r in records] == [m.id for m in notice.measures]
    for m, rec in zip(notice.measures, records):
        _same(m, rec)


def test_the_json_pairs_a_renumbered_measure_with_its_row_as_the_findings_do() -> None:
    text = (
        (ROOT / "samples" / "notice.txt").read_text(encoding="utf-8").replace("\n56.", "\n55.", 1)
    )
    records = policy_parse.to_dict(policy_parse.parse_text(text))["measures"]
    assert len(records) == 78  # was 156: no prose record found its row
    assert all(r["table"] is not None for r in records)
    assert {r["table"]["number"] for r in records if r["number"] == "55"} == {"55", "56"}  # type: ignore[index]


def test_the_cli_refuses_a_non_notice_with_exit_2_and_one_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "README.txt"
    path.write_text((ROOT / "README.md").read_text(encoding="utf-8"), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "policy_parse", str(path)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stdout == "" and len(done.stderr.strip().splitlines()) == 1
    assert f"{path}：没有找到措施或分工表，不像分工方案" in done.stderr


# --- the docs name every kind the code can emit ------------------------------------------


def test_every_kind_is_in_the_schema_enum_and_has_a_section_in_discrepancies_md() -> None:
    import json
    import re

    schema = json.loads(
        (ROOT / "src" / "policy_parse" / "schema" / "policy_parse-1.schema.json").read_text(
            encoding="utf-8"
        )
    )
    enum = schema["$defs"]["discrepancy"]["properties"]["kind"]["enum"]
    kinds = [k.value for k in policy_parse.Kind]
    assert sorted(enum) == sorted(kinds)
    doc = (ROOT / "docs" / "discrepancies.md").read_text(encoding="utf-8")
    headed = {
        k
        for line in re.findall(r"^### (.+)$", doc, re.MULTILINE)
        for k in re.findall(r"`([a-z-]+)`", line)
    }
    assert set(kinds) <= headed


def test_a_finding_of_a_new_kind_validates_against_the_schema() -> None:
    import json

    import jsonschema

    text = (
        "1.支持企业上市。\n牵头单位：金融局\n完成时限：2021年6月底前\n\n"
        "\t序号\n\t具体措施\n\t牵头单位\n\t完成时限\n\n"
        "\t1\n\t支持企业上市。\n\t金融局\n\t2021年12月底前\n"
    )
    schema = json.loads(
        (ROOT / "src" / "policy_parse" / "schema" / "policy_parse-1.schema.json").read_text(
            encoding="utf-8"
        )
    )
    data = json.loads(policy_parse.to_json(policy_parse.parse_text(text)))
    assert [d["kind"] for d in data["discrepancies"]] == ["deadline-mismatch"]
    jsonschema.Draft202012Validator(schema).validate(data)


def test_the_text_summary_counts_no_prose_measures_in_a_table_only_notice() -> None:
    notice = policy_parse.parse(ROOT / "samples" / "family-city-sci-tech-table-only.txt")
    assert "0 measures in the prose, 14 rows in the table" in policy_parse.to_text(
        notice, lang="en"
    )
    assert "正文0项措施，分工表14行" in policy_parse.to_text(notice, lang="zh")


def test_a_copied_row_in_a_table_only_notice_is_told_without_a_prose_side() -> None:
    rows = (
        ["序号", "具体措施", "牵头单位"],
        ["1", "推进改革。", "甲局"],
        ["2", "推进改革。", "乙局"],
    )
    table = "\n".join("\n".join("\t" + c for c in r) + "\n" for r in rows)
    notice = policy_parse.parse_text("关于某方案的通知\n\n" + table)
    (dup,) = [d for d in notice.discrepancies if d.kind is policy_parse.Kind.DUPLICATE_TEXT]
    assert (dup.measure, dup.prose, dup.table) == ("2", None, "推进改革。")
    report = policy_parse.to_text(notice)
    # No "正文（本项）" showing the row's own text as if it were prose, and no
    # "与正文不同": there is no prose.
    assert "本项" not in report and "与正文不同" not in report
    assert "第2项措施分工表中的文字与第1项逐字相同" in report
    assert "正文：（无）" in report


def test_rows_with_no_text_are_no_copies_of_each_other() -> None:
    # A text column not recognised leaves every row's text empty: two empty
    # texts are no row copied from the one above (duplicate-text was told
    # for every row).  The columns here hold no task text at all.
    rows = (["序号", "牵头单位", "完成时限"], ["1", "甲局", "年底前"], ["2", "乙局", "年底前"])
    table = "\n".join("\n".join("\t" + c for c in r) + "\n" for r in rows)
    notice = policy_parse.parse_text("关于某方案的通知\n\n" + table)
    assert [e.text for e in notice.table] == ["", ""]
    assert not [d for d in notice.discrepancies if d.kind is policy_parse.Kind.DUPLICATE_TEXT]

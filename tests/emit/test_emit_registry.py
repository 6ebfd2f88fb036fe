"""The registry in every format the CLI writes (emit/registry.py)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from policy_parse.compare.registry import Registry, Use, build
from policy_parse.emit.registry import SCHEMA_ID, render_registry

ISSUER = "某某市人民政府办公厅"


@pytest.fixture(scope="module")
def registry() -> Registry:
    names = [("市发改委", "a.txt"), ("市发展和改革委员会", "b.txt"), ("市财政局", "a.txt"),
             ("区财政局", "b.txt"), ("<区>科技局", "b.txt")]  # fmt: skip
    return build([Use(name=n, written=n, file=f, issuer=ISSUER) for n, f in names],
                 files=["a.txt", "b.txt"])  # fmt: skip


def test_json_names_its_schema_with_codes_beside_words(registry: Registry) -> None:
    data = json.loads(render_registry(registry, "json", "en"))
    assert data["schema"] == SCHEMA_ID == "policy_parse-names/1"
    assert data["files"] == ["a.txt", "b.txt"]
    assert data["merges"] == [
        {"name": "市发改委", "canonical": "市发展和改革委员会", "rule": "ending",
         "evidence": "abbreviation, 委员会 read as 委 and 办公室 as 办", "files": ["a.txt"]}
    ]  # fmt: skip
    assert {r["reason"] for r in data["refused"]} == {"levels"}
    nd = next(d for d in data["departments"] if d["name"] == "市发展和改革委员会")
    assert nd == {"name": "市发展和改革委员会", "forms": ["市发改委"], "files": ["a.txt", "b.txt"]}


def test_csv_has_a_row_per_merge_and_refusal(registry: Registry) -> None:
    text = str(render_registry(registry, "csv", "zh"))
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0][:3] == ["名称", "类别", "统一名称"]
    assert [(r[0], r[1], r[2]) for r in rows[1:]] == [
        ("市发改委", "合并", "市发展和改革委员会"),
        ("区财政局", "未合并", ""),
        ("市财政局", "未合并", ""),
    ]


def test_the_workbook_and_the_page(registry: Registry) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(io.BytesIO(render_registry(registry, "xlsx", "en")))  # type: ignore[arg-type]
    assert wb.sheetnames == ["Departments", "Merges", "Refused"]
    page = str(render_registry(registry, "html", "zh"))
    assert "&lt;区&gt;科技局" in page and "<区>" not in page
    assert "合并 (1)" in page and "未合并 (2)" in page


def test_text_lists_each_merge_with_its_evidence(registry: Registry) -> None:
    en = str(render_registry(registry, "text", "en"))
    assert "市发改委 → 市发展和改革委员会 (abbreviation, 委员会 read as 委" in en
    assert "区财政局 ≠ 市财政局 (the same name at another level: another body; b.txt)" in en
    zh = str(render_registry(registry, "text", "zh"))
    assert zh.splitlines()[1] == "2个文件，4个部门，合并1处，拒绝合并2处"


def test_json_validates_against_its_schema(registry: Registry) -> None:
    import jsonschema

    import policy_parse

    root = Path(policy_parse.__file__).parent / "schema"
    schema = json.loads((root / "policy_parse-names-1.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(render_registry(registry, "json", "en")), schema)

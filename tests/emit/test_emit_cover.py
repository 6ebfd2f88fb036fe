"""A cover in every format the CLI writes (emit/cover.py): each says which
parent items no measure implements, and what each measure implements."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import policy_parse
from policy_parse.compare.cover import Cover
from policy_parse.emit.cover import SCHEMA_ID, render_cover

PARENT = "关于某事的意见\n\n1.建设研发平台，集聚创新资源。\n2.引进高端人才。\n3.建设月球基地。\n"
NOTICE = (
    "一、任务\n"
    "1.建设一批研发平台，集聚各类创新资源。（牵头单位：科技局）\n"
    "2.引进一批高端人才。（牵头单位：人社局）\n"
    "3.办好<全市>运动会。（牵头单位：体育局）\n"
)


@pytest.fixture(scope="module")
def result() -> Cover:
    return policy_parse.cover(
        policy_parse.parse_text(PARENT, path="parent.txt"),
        policy_parse.parse_text(NOTICE, path="notice.txt"),
    )


def test_json_names_its_schema_and_says_what_is_uncovered(result: Cover) -> None:
    data = json.loads(render_cover(result, "json", "en"))
    assert data["schema"] == SCHEMA_ID == "policy_parse-cover/1"
    assert (data["parent"], data["notice"]) == ("parent.txt", "notice.txt")
    assert data["uncovered"] == ["3"] and data["unlinked"] == ["3"]
    first = data["measures"][0]
    assert first["items"] == ["1"] and first["how"] == "text" and 0 < first["score"] <= 1
    assert [i["measures"] for i in data["items"]] == [["1"], ["2"], []]


def test_csv_has_a_row_per_link_and_one_for_each_item_left_over(result: Cover) -> None:
    text = render_cover(result, "csv", "zh")
    assert isinstance(text, str) and text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0][:3] == ["上级条目", "上级条目内容", "措施"]
    assert [(r[0], r[2]) for r in rows[1:]] == [("1", "1"), ("2", "2"), ("3", ""), ("", "3")]


def test_the_workbook_has_the_items_and_the_links(result: Cover) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    data = render_cover(result, "xlsx", "en")
    assert isinstance(data, bytes)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Parent items", "What each measure implements"]
    items = list(wb["Parent items"].iter_rows(values_only=True))
    assert items[3][:4] == ("3", "3.", "建设月球基地。", "no")


def test_html_escapes_and_leads_with_what_is_uncovered(result: Cover) -> None:
    page = render_cover(result, "html", "zh")
    assert isinstance(page, str)
    assert "没有措施落实的上级条目 (1)" in page
    assert page.index("建设月球基地") < page.index("引进高端人才")
    assert "&lt;全市&gt;" in page and "<全市>" not in page
    assert "default-src 'none'" in page


def test_text_in_both_languages(result: Cover) -> None:
    zh = render_cover(result, "text", "zh")
    en = render_cover(result, "text", "en")
    assert "上级文件3条，已落实2条，未落实1条" in str(zh)
    assert "3 parent items, 2 covered, 1 not covered" in str(en)
    assert "  3. 建设月球基地。" in str(en)


def test_json_validates_against_its_schema(result: Cover) -> None:
    import jsonschema

    root = Path(policy_parse.__file__).parent / "schema"
    schema = json.loads((root / "policy_parse-cover-1.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(render_cover(result, "json", "zh")), schema)
    seed = policy_parse.cover(
        Path(__file__).parents[1] / "fixtures" / "cover" / "seed-parent.txt",
        Path(__file__).parents[2] / "samples" / "notice.txt",
    )
    jsonschema.validate(json.loads(render_cover(seed, "json", "en")), schema)

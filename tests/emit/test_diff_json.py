"""emit/diff_json.py: the policy_parse-diff/1 contract and its schema."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from diffcases import EVERY_KIND, every_kind
from policy_parse.emit.diff_json import DIFF_SCHEMA_ID, to_dict, to_json

SCHEMA = json.loads(
    resources.files("policy_parse")
    .joinpath("schema", "policy_parse-diff-1.schema.json")
    .read_text("utf-8")
)


def test_the_schema_is_valid_and_a_diff_of_every_kind_validates() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    data = json.loads(to_json(every_kind()))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert data["schema"] == DIFF_SCHEMA_ID == SCHEMA["$id"]
    assert sorted(c["kind"] for c in data["changes"]) == sorted(EVERY_KIND)
    assert data["summary"]["by_kind"] == dict.fromkeys(EVERY_KIND, 1)


def test_an_edit_names_the_characters_that_differ_on_each_side() -> None:
    (text,) = [c for c in to_dict(every_kind())["changes"] if c["kind"] == "text"]
    old, new = text["old"][0]["text"], text["new"][0]["text"]
    pieces = [(old[slice(*e["old"])], new[slice(*e["new"])]) for e in text["edits"]]
    assert pieces == [("", "<b>"), ("一", "半")]


def test_units_are_lists_and_messages_follow_the_language() -> None:
    zh = to_dict(every_kind())
    en = to_dict(every_kind(), lang="en")
    (support,) = [c for c in zh["changes"] if c["kind"] == "support"]
    assert (support["before"], support["after"]) == (["区财政局"], ["区财政局", "区司法局"])
    assert support["severity"] == "info" and support["doubtful"] is False
    assert [c["message"] for c in zh["changes"]] != [c["message"] for c in en["changes"]]
    assert [c["kind"] for c in zh["changes"]] == [c["kind"] for c in en["changes"]]


def test_the_schema_refuses_a_removed_measure_with_a_new_side() -> None:
    data = to_dict(every_kind())
    removed = next(c for c in data["changes"] if c["kind"] == "removed")
    removed["new"] = removed["old"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(SCHEMA).validate(data)

"""The JSON contract: every sample's output validates against the schema."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

import policy_parse
from golden import SAMPLE_FILES, SAMPLES, need_reader_for

SCHEMA = json.loads(
    resources.files("policy_parse")
    .joinpath("schema", "policy_parse-1.schema.json")
    .read_text("utf-8")
)


def test_the_schema_is_itself_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_output_validates_against_the_schema(sample: Path) -> None:
    need_reader_for(sample)
    data = json.loads(policy_parse.to_json(policy_parse.parse(sample)))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert data["schema"] == policy_parse.SCHEMA_ID


def test_the_schema_rejects_a_measure_without_units() -> None:
    data = policy_parse.to_dict(policy_parse.parse(SAMPLES / "notice.txt"))
    del data["measures"][0]["lead"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(SCHEMA).validate(data)

"""The fast JSON encoder (orjson, the `[fast]` extra) writes the stdlib's
bytes: emit/jsonout.py's claim, checked on real output and on generated values."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import policy_parse
from golden import SAMPLES
from policy_parse.emit import jsonout
from policy_parse.emit.json import _span
from policy_parse.models import Span

orjson = pytest.importorskip("orjson")


def _stdlib(obj: Any, sort_keys: bool = True) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=sort_keys)


def test_the_fast_path_is_taken_when_orjson_is_installed() -> None:
    assert jsonout._orjson() is orjson


@pytest.mark.parametrize(
    "name",
    ["notice.txt", "notice.docx", "family-hk-republished-trad.txt", "family-district-renewal.docx"],
)
@pytest.mark.parametrize("lang", [None, "zh"])
def test_a_notice_is_written_byte_for_byte_as_the_stdlib_writes_it(
    name: str, lang: str | None
) -> None:
    notice = policy_parse.parse(SAMPLES / name)
    data = policy_parse.to_dict(notice, lang=lang)  # type: ignore[arg-type]
    assert jsonout.dumps(data) == _stdlib(data)


def test_the_read_stage_dump_keeps_its_key_order() -> None:
    from policy_parse.emit.json import document_to_dict
    from policy_parse.read import read_document

    data = document_to_dict(read_document(SAMPLES / "notice.txt"))
    assert jsonout.dumps(data, sort_keys=False) == _stdlib(data, sort_keys=False)
    assert list(json.loads(jsonout.dumps(data, sort_keys=False))) == list(data)


# What the emitters put in JSON: str keys, any text (no lone surrogates: the
# readers refuse them), ints, bools, None, and coordinates rounded to 0.1.
_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
_coord = st.floats(-1e15 + 1, 1e15 - 1, allow_nan=False).map(lambda v: round(v, 1))
_leaf = _text | st.integers(-(2**63), 2**63 - 1) | st.booleans() | st.none() | _coord
_json = st.recursive(
    _leaf,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_text, inner, max_size=4),
    max_leaves=30,
)


@given(_json)
def test_any_emitted_shape_is_written_alike(value: Any) -> None:
    assert jsonout.dumps(value) == _stdlib(value)
    assert jsonout.dumps(value, sort_keys=False) == _stdlib(value, sort_keys=False)


def test_what_orjson_refuses_the_stdlib_writes() -> None:
    value = {"n": 2**70, "k": [1]}
    with pytest.raises(TypeError):
        orjson.dumps(value)
    assert jsonout.dumps(value) == _stdlib(value)


def test_without_orjson_the_stdlib_writes_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    notice = policy_parse.parse(SAMPLES / "notice.txt")
    fast = policy_parse.to_json(notice)
    monkeypatch.setattr(jsonout, "_orjson", lambda: None)
    assert policy_parse.to_json(notice) == fast


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, 1e15, -3e20])
def test_a_position_no_page_can_have_is_left_out_of_the_span(bad: float) -> None:
    # The stdlib would write NaN (not JSON at all) or 1e+20, orjson null or
    # 1e20: such a coordinate is damage, and the span keeps only its page.
    assert _span(Span(page=3, bbox=(10.0, bad, 20.0, 30.0))) == {"page": 3}
    assert _span(Span(page=3, bbox=(10.04, 20.0, 999999.96, 30.0))) == {
        "page": 3,
        "bbox": [10.0, 20.0, 1000000.0, 30.0],
    }

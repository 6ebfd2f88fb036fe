"""The constructed samples (samples/FAMILY.md) against their hand-written
expectations (tests/expectations/*.toml): every measure a careful reader
lists, with its units and deadline, and exactly the planted discrepancies."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

import policy_parse
from golden import ROOT, SAMPLES

EXPECTATIONS = sorted((ROOT / "tests" / "expectations").glob("*.toml"))


def _load(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    exp = tomllib.loads(path.read_text("utf-8"))
    data = policy_parse.to_dict(policy_parse.parse(SAMPLES / exp["sample"]))
    return exp, data


def _key(record: dict[str, Any], restart: bool) -> tuple[str | None, ...]:
    return (record.get("section"), record["number"]) if restart else (record["number"],)


def _restart(exp: dict[str, Any]) -> bool:
    numbers = [m["number"] for m in exp["measure"]]
    return len(numbers) != len(set(numbers))


@pytest.fixture(params=EXPECTATIONS, ids=lambda p: p.stem)
def case(request: pytest.FixtureRequest) -> tuple[dict[str, Any], dict[str, Any]]:
    return _load(request.param)


def test_the_header_is_read_as_a_reader_would(case: tuple[dict[str, Any], dict[str, Any]]) -> None:
    exp, data = case
    for field in ("doc_number", "date"):
        if field in exp:
            assert data["notice"][field] == exp[field], field
    if "issuer" in exp:
        assert exp["issuer"] in (data["notice"]["issuer"] or ""), data["notice"]["issuer"]


def test_parts_and_sections_are_found(case: tuple[dict[str, Any], dict[str, Any]]) -> None:
    exp, data = case
    # Sections of a notice without parts sit in one implicit part numbered None.
    got_parts = [(p["number"], p["title"]) for p in data["parts"] if p["number"] is not None]
    assert got_parts == [(p["number"], p["title"]) for p in exp.get("part", [])]
    got_sections = [(s["number"], s["title"]) for p in data["parts"] for s in p["sections"]]
    assert got_sections == [(s["number"], s["title"]) for s in exp.get("section", [])]


def test_every_measure_is_listed_in_order(case: tuple[dict[str, Any], dict[str, Any]]) -> None:
    exp, data = case
    restart = _restart(exp)
    assert [_key(m, restart) for m in data["measures"]] == [
        _key(m, restart) for m in exp["measure"]
    ]
    for got, want in zip(data["measures"], exp["measure"]):
        assert got["text"].startswith(want["starts"]) or (
            got["table"] and got["table"]["text"].startswith(want["starts"])
        ), (want["number"], got["text"][:30])


def test_units_are_read_as_written(case: tuple[dict[str, Any], dict[str, Any]]) -> None:
    exp, data = case
    for got, want in zip(data["measures"], exp["measure"]):
        where = f"measure {want['number']}"
        assert [u["written"] for u in got["lead"]] == want["lead"], where
        assert [u["written"] for u in got["support"]] == want["support"], where
        if "support_expanded" in want:
            assert [u.get("expanded", u["written"]) for u in got["support"]] == want[
                "support_expanded"
            ], where
        table = got["table"]
        if want.get("in_table", True) and exp["has_table"]:
            assert table is not None, where
            assert [u["written"] for u in table["lead"]] == want.get("table_lead", want["lead"]), (
                where
            )
            assert [u["written"] for u in table["support"]] == want.get(
                "table_support", want["support"]
            ), where
        else:
            assert table is None or got["origin"] == "table", where


def test_deadlines_are_structured(case: tuple[dict[str, Any], dict[str, Any]]) -> None:
    exp, data = case
    for got, want in zip(data["measures"], exp["measure"]):
        deadline = got.get("deadline") or (got["table"] or {}).get("deadline")
        if "deadline" not in want:
            assert deadline is None, want["number"]
            continue
        want_d = {"value": None, **want["deadline"]}
        assert deadline == want_d, want["number"]


def test_exactly_the_planted_discrepancies_are_reported(
    case: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    exp, data = case
    restart = _restart(exp)
    got = {
        (
            d["kind"],
            *_key(
                {"section": _section_of(d, data), "number": d["measure"].split("/")[-1]}, restart
            ),
        )
        for d in data["discrepancies"]
        if d["measure"] is not None
    }
    want = {
        (d["kind"], *_key({"section": d.get("section"), "number": d["measure"]}, restart))
        for d in exp.get("discrepancy", [])
    }
    assert got == want
    for d in exp.get("discrepancy", []):
        if d.get("ambiguous"):
            found = [
                g
                for g in data["discrepancies"]
                if g["kind"] == "alias" and (g["measure"] or "").split("/")[-1] == d["measure"]
            ]
            assert any(all(c in g["message"] for c in d["candidates"]) for g in found)


def _section_of(d: dict[str, Any], data: dict[str, Any]) -> str | None:
    # In a notice whose numbering restarts per section, a finding's measure id
    # carries the section: "3/4" is measure 4 of section 3.
    return d["measure"].split("/")[0] if "/" in (d["measure"] or "") else None

"""The user's own department names (--aliases FILE / parse(aliases=...))."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

import policy_parse
from golden import SAMPLES
from policy_parse import AliasFileError, Kind, Notice, Severity, UnitStatus
from policy_parse.aliases import load_aliases

NOTICE = SAMPLES / "notice.txt"


@cache
def plain() -> Notice:
    return policy_parse.parse(NOTICE)


def _units(n: Notice, written: str) -> list[policy_parse.Unit]:
    return [
        u
        for rec in (*n.measures, *n.table)
        for u in (*rec.lead, *rec.support)
        if u.written == written
    ]


def test_the_file_maps_each_abbreviation_to_its_canonical_name(tmp_path: Path) -> None:
    f = tmp_path / "a.toml"
    f.write_text('[departments]\n"人力资源和社会保障局" = ["人社局", "人力社保局"]\n', "utf-8")
    assert load_aliases(f) == {
        "人社局": "人力资源和社会保障局",
        "人力社保局": "人力资源和社会保障局",
    }


@pytest.mark.parametrize(
    "text",
    [
        "[departments\n",
        "x = 1\n",
        '[departments]\n"A局" = [1]\n',
        '[departments]\n"A局" = ["A"]\n"B局" = ["A"]\n',
    ],
)
def test_a_malformed_file_is_an_alias_file_error(tmp_path: Path, text: str) -> None:
    f = tmp_path / "a.toml"
    f.write_text(text, "utf-8")
    with pytest.raises(AliasFileError):
        load_aliases(f)
    with pytest.raises(AliasFileError):
        load_aliases(tmp_path / "missing.toml")


def test_a_name_the_notice_leaves_as_written_takes_the_users_name() -> None:
    assert all(u.status is UnitStatus.AS_WRITTEN for u in _units(plain(), "人社局"))
    n = policy_parse.parse(NOTICE, aliases={"人社局": "人力资源和社会保障局"})
    units = _units(n, "人社局")
    assert units and all(
        u.name == "人力资源和社会保障局" and u.status is UnitStatus.RESOLVED for u in units
    )


def test_the_user_settles_an_abbreviation_the_notice_finds_ambiguous() -> None:
    (amb,) = {u.candidates for u in _units(plain(), "金融局") if u.status is UnitStatus.AMBIGUOUS}
    n = policy_parse.parse(NOTICE, aliases={"金融局": amb[0]})
    assert {u.name for u in _units(n, "金融局")} == {amb[0]}
    assert not [
        d for d in n.discrepancies if d.kind is Kind.ALIAS and d.severity is Severity.WARNING
    ]


def test_where_the_notice_reads_a_name_otherwise_the_notice_wins_and_says_so() -> None:
    (resolved,) = {u.name for u in _units(plain(), "市场局")}
    n = policy_parse.parse(NOTICE, aliases={"市场局": "市场管理局"})
    assert {u.name for u in _units(n, "市场局")} == {resolved}
    conflicts = [d for d in n.discrepancies if d.kind is Kind.ALIAS and d.measure is None]
    assert len(conflicts) == 1 and conflicts[0].severity is Severity.INFO
    assert "市场管理局" in conflicts[0].message and resolved in conflicts[0].message
    assert len(n.discrepancies) == len(plain().discrepancies) + 1

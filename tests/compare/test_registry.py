"""One name per department across a batch (compare/registry.py), on
invented names: the merges the evidence supports, and the ones it refuses."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import policy_parse
from policy_parse.compare.registry import Registry, Use, _Index, build
from policy_parse.normalize.abbreviations import is_abbreviation

CITY = "某某市人民政府办公厅 某市府办发〔2030〕1号"


def use(name: str, file: str, issuer: str = CITY, written: str | None = None) -> Use:
    return Use(name=name, written=written or name, file=file, issuer=issuer)


def merged(registry: Registry) -> dict[str, tuple[str, str]]:
    return {m.name: (m.canonical, m.rule) for m in registry.merges}


def test_four_ways_of_writing_one_bureau_become_one_name() -> None:
    r = build(
        [use("市发改委", "a"), use("市发展改革委", "b"), use("市发展和改革委员会", "c"),
         use("发改委", "d")]
    )  # fmt: skip
    assert r.mapping() == dict.fromkeys(
        ["市发展和改革委员会", "市发改委", "市发展改革委", "发改委"], "市发展和改革委员会"
    )
    assert [d.name for d in r.departments] == ["市发展和改革委员会"]
    assert r.departments[0].files == ("a", "b", "c", "d")
    # Each merge with its evidence and the notices that write it.
    assert merged(r)["市发展改革委"] == ("市发展和改革委员会", "ending")
    assert next(m for m in r.merges if m.name == "发改委").files == ("d",)
    assert r.refused == ()


def test_one_name_at_two_levels_is_two_bodies() -> None:
    r = build([use("市财政局", "a"), use("区财政局", "b")])
    assert r.mapping() == {"市财政局": "市财政局", "区财政局": "区财政局"}
    assert r.merges == ()
    assert {(x.name, x.candidates, x.reason) for x in r.refused} == {
        ("市财政局", ("区财政局",), "levels"),
        ("区财政局", ("市财政局",), "levels"),
    }


def test_a_short_name_that_fits_two_bodies_is_refused_not_guessed() -> None:
    r = build([use("市财政局", "a"), use("区财政局", "b"), use("财政局", "c")])
    assert r.mapping()["财政局"] == "财政局"
    refusal = next(x for x in r.refused if x.name == "财政局")
    assert refusal.reason == "ambiguous" and refusal.candidates == ("区财政局", "市财政局")
    assert refusal.files == ("c",)


def test_a_qualifier_in_front_needs_the_issuer_behind_it() -> None:
    west = "某某市西城区人民政府办公室"
    east = "某某市东城区人民政府办公室"
    taken = build([use("西城区财政局", "a", west), use("财政局", "b", west)])
    assert merged(taken)["财政局"] == ("西城区财政局", "abbreviation")
    refused = build([use("西城区财政局", "a", west), use("财政局", "b", east)])
    assert "财政局" not in merged(refused)
    assert [(x.name, x.reason) for x in refused.refused] == [("财政局", "qualifier")]


def test_a_branch_is_not_the_longer_name_of_its_body() -> None:
    r = build([use("市场监管局", "a"), use("市场监管分局", "b")])
    assert r.mapping()["市场监管局"] == "市场监管局"


def test_the_users_alias_file_merges_what_no_rule_sees() -> None:
    r = build(
        [use("市监局", "a"), use("市场监督管理局", "b")], aliases={"市监局": "市场监督管理局"}
    )
    assert merged(r)["市监局"] == ("市场监督管理局", "alias")
    assert r.mapping()["市监局"] == "市场监督管理局"


def test_a_notices_own_reading_is_reported_as_its_evidence() -> None:
    a = policy_parse.parse_text(
        "一、任务\n1.推进甲项改革。（牵头单位：市场监督管理局）\n2.推进乙项改革。（牵头单位：市场局）\n"
    )
    b = policy_parse.parse_text(
        "一、任务\n1.推进丙项改革。（牵头单位：市场监督管理局；配合单位：财政局）\n"
    )
    r = policy_parse.name_registry([("a.txt", a), ("b.txt", b)])
    assert merged(r)["市场局"] == ("市场监督管理局", "notice")
    market = next(d for d in r.departments if d.name == "市场监督管理局")
    assert market.forms == ("市场监督管理局", "市场局") and market.files == ("a.txt", "b.txt")
    assert r.files == ("a.txt", "b.txt")


_HAN = st.text(alphabet="市区局委发改财政展革和员会", min_size=2, max_size=7)


@settings(max_examples=60, deadline=None)
@given(st.lists(_HAN, min_size=1, max_size=40, unique=True))
def test_the_index_finds_what_comparing_every_pair_finds(names: list[str]) -> None:
    index = _Index(sorted(names))
    for short in names:
        brute = {f for f in names if len(f) > len(short) and is_abbreviation(short, f)}
        assert set(index.fulls(short)) == brute

"""JSON output stays linear in the table's size (issue 13) with the same bytes."""

from __future__ import annotations

import time
from functools import cache

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import policy_parse
from golden import SAMPLES
from policy_parse.emit import jsonout
from policy_parse.emit.json import View, _insert_each, _merge_sorted, to_json, to_json_chunks
from policy_parse.messages import Lang
from policy_parse.models import MeasureNo, Notice
from policy_parse.reconcile.pairing import pair_measures


@cache
def _sample() -> Notice:
    return policy_parse.parse(SAMPLES / "notice.txt")


def _numbered(prose: list[int], table: list[int]) -> Notice:
    n = _sample()
    m0, e0 = n.measures[0], n.table[0]
    ms = tuple(attrs.evolve(m0, id=f"p{k}", number=MeasureNo((v,))) for k, v in enumerate(prose))
    rows = tuple(
        attrs.evolve(e0, id=f"t{k}", number=MeasureNo((v,)), row=k + 1) for k, v in enumerate(table)
    )
    return attrs.evolve(n, measures=ms, table=rows, discrepancies=())


@given(
    st.lists(st.integers(1, 20), max_size=8).map(sorted),
    st.lists(st.integers(1, 20), max_size=8),
)
def test_the_linear_merge_places_table_only_rows_as_the_general_rule_does(
    prose: list[int], table: list[int]
) -> None:
    notice = _numbered(prose, table)
    records = policy_parse.emit.json.measure_records(notice)  # any path; we compare both
    base: list[View] = [(m, None, None) for m in notice.measures]
    keys = [m.number.parts for m in notice.measures]
    fast = _merge_sorted(list(base), keys, list(notice.table))
    slow = _insert_each(list(base), keys, list(notice.table))

    def ids(views: list[View]) -> list[str | None]:
        return [m.id if m is not None else e.id if e is not None else None for m, e, _ in views]

    assert ids(fast) == ids(slow)
    assert len(fast) == len(prose) + len(table)
    # Each prose measure once, each table row once: paired with its measure
    # (by the reconciler's pairing) or as a record of its own.
    pairs = pair_measures(list(notice.measures), notice.table)
    paired = sum(1 for p in pairs if p.prose is not None and p.table is not None)
    assert len(records) == len(prose) + len(table) - paired


def test_a_ten_thousand_row_table_emits_json_in_seconds_not_minutes() -> None:
    notice = _numbered(list(range(1, 51)), list(range(1, 10_001)))
    start = time.perf_counter()
    text = policy_parse.to_json(notice)
    elapsed = time.perf_counter() - start
    # rows 1–50 pair with the 50 prose measures; the other 9,950 stand alone
    assert text.count('"origin": "table"') == 9_950
    assert elapsed < 20, f"{elapsed:.1f} s: measure_records is quadratic again"


@pytest.mark.parametrize(
    "name",
    ["notice.txt", "notice.pdf", "family-hk-republished-trad.txt", "family-district-renewal.docx"],
)
@pytest.mark.parametrize("lang", [None, "zh", "en"])
def test_the_pieces_written_one_record_at_a_time_are_to_json_s_bytes(
    name: str, lang: Lang | None
) -> None:
    notice = policy_parse.parse(SAMPLES / name)
    pieces = list(to_json_chunks(notice, lang=lang))
    assert b"".join(pieces) == to_json(notice, lang=lang).encode("utf-8")
    # Streamed: a piece for each measure, finding and residue line at least,
    # and none of them the whole text.
    records = len(notice.measures) + len(notice.discrepancies) + len(notice.residue)
    assert len(pieces) > records
    assert max(map(len, pieces)) < sum(map(len, pieces)) // 4


def test_empty_lists_and_the_standard_library_s_encoder_give_the_same_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bare = attrs.evolve(_sample(), discrepancies=(), residue=(), measures=(), table=())
    for notice in (bare, _sample()):
        assert b"".join(to_json_chunks(notice)) == to_json(notice).encode("utf-8")
    monkeypatch.setattr(jsonout, "_orjson", lambda: None)  # as without the [fast] extra
    for notice in (bare, _sample()):
        assert b"".join(to_json_chunks(notice)) == to_json(notice).encode("utf-8")
    assert b'"measures": [],' in b"".join(to_json_chunks(bare))

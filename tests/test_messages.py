"""One message catalogue (data/messages.toml): every kind in zh and en."""

from __future__ import annotations

import string

import pytest

import policy_parse
from golden import SAMPLES
from policy_parse.messages import LANGS, catalogue, count, message
from policy_parse.models import Discrepancy, Kind, Severity

_FIELDS = {"measure", "prose", "table", "value", "side", "other", "only_prose", "only_table"}


@pytest.mark.parametrize("kind", list(Kind), ids=lambda k: k.value)
def test_every_kind_has_a_chinese_and_an_english_message(kind: Kind) -> None:
    entry = catalogue()["kind"].get(kind.value)
    assert entry is not None, f"data/messages.toml lacks [kind.{kind.value}]"
    variants = [entry, *(v for v in entry.values() if isinstance(v, dict))]
    for v in variants:
        for lang in LANGS:
            assert v.get(lang), f"[kind.{kind.value}] lacks {lang}"
            used = {f for _, f, _, _ in string.Formatter().parse(v[lang]) if f}
            assert used <= _FIELDS, f"unknown placeholder in [kind.{kind.value}]: {used - _FIELDS}"


def test_every_ui_word_and_noun_exists_in_both_languages() -> None:
    for table in ("ui", "noun", "column", "sheet", "html"):
        for key, entry in catalogue()[table].items():
            assert set(LANGS) <= set(entry), f"[{table}].{key} lacks a language"


def test_every_finding_of_every_sample_renders_in_both_languages() -> None:
    for sample in sorted(SAMPLES.glob("*.txt")):
        for d in policy_parse.parse(sample).discrepancies:
            zh, en = message(d, "zh"), message(d, "en")
            assert zh != en and "{" not in zh + en
            if d.measure:
                assert d.measure in zh and d.measure in en
    assert message(d, None) == d.message


def test_a_kind_the_catalogue_lacks_keeps_the_reconcilers_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    d = Discrepancy(
        kind=Kind.NUMBERING, severity=Severity.WARNING, measure="3", prose="3", table=None,
        message="the prose has 3 after 1",
    )  # fmt: skip
    monkeypatch.setitem(catalogue(), "kind", {})
    assert message(d, "zh") == "the prose has 3 after 1"


def test_counted_nouns_are_singular_for_one_in_english() -> None:
    assert count(1, "residue", "en") == "1 residue line"
    assert count(2, "residue", "en") == "2 residue lines"
    assert count(1, "measure", "zh") == "1项措施"


def test_json_messages_follow_the_language_asked_for() -> None:
    notice = policy_parse.parse(SAMPLES / "notice.txt")
    plain = policy_parse.to_dict(notice)
    zh = policy_parse.to_dict(notice, lang="zh")
    assert [d["message"] for d in plain["discrepancies"]] == [
        d.message for d in notice.discrepancies
    ]
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in d["message"]) for d in zh["discrepancies"])
    assert {k: v for k, v in zh.items() if k != "discrepancies"} == {
        k: v for k, v in plain.items() if k != "discrepancies"
    }

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
    tables = ("ui", "noun", "column", "sheet", "html", "kind_label", "cli", "usage", "argparse")
    for table in (*tables, "summary", "oserror"):
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
    plain = policy_parse.to_dict(notice, lang=None)
    zh = policy_parse.to_dict(notice, lang="zh")
    assert policy_parse.to_dict(notice) == zh  # the library's default, as the CLI's
    assert [d["message"] for d in plain["discrepancies"]] == [
        d.message for d in notice.discrepancies
    ]
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in d["message"]) for d in zh["discrepancies"])
    assert {k: v for k, v in zh.items() if k not in ("discrepancies", "residue")} == {
        k: v for k, v in plain.items() if k not in ("discrepancies", "residue")
    }


def test_every_kind_has_a_label_in_both_languages_beside_its_code() -> None:
    from policy_parse.messages import kind_label

    for kind in Kind:
        zh, en = kind_label(kind.value, "zh"), kind_label(kind.value, "en")
        assert zh.endswith(f"（{kind.value}）") and en.endswith(f" ({kind.value})")
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh[: -len(kind.value) - 2])
    assert kind_label("units-mismatch", "zh") == "责任单位不一致（units-mismatch）"


def _reasons_written_in_the_code() -> set[str]:
    """Every residue reason the readers and segmenters write, as a template
    ({} for what is filled in): literals and f-strings given as `reason`."""
    import ast
    from pathlib import Path

    import policy_parse

    root = Path(policy_parse.__file__).parent
    found: set[str] = set()

    def template(node: ast.AST, consts: dict[str, ast.AST]) -> list[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, ast.JoinedStr):
            return ["".join(
                v.value if isinstance(v, ast.Constant) else "{}" for v in node.values
            )]  # fmt: skip
        if isinstance(node, ast.IfExp):
            return template(node.body, consts) + template(node.orelse, consts)
        if isinstance(node, ast.Name) and node.id in consts:
            return template(consts[node.id], consts)
        return []

    stages = ("read", "segment", "normalize")  # normalize/row_units.py sets cells' words aside
    for path in [p for stage in stages for p in root.joinpath(stage).rglob("*.py")]:
        # normalize/structure.py's *_REASON are prefixes it matches, not reasons it writes.
        prefixes_only = path.parent.name == "normalize"
        tree = ast.parse(path.read_text("utf-8"))
        consts = {
            t.id: n.value
            for n in tree.body if isinstance(n, ast.Assign)
            for t in n.targets if isinstance(t, ast.Name)
        }  # fmt: skip
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                for kw in node.keywords:
                    if kw.arg == "reason":
                        found.update(template(kw.value, consts))
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                if name in ("set_aside", "_residue", "residue_of") and len(node.args) >= 2:
                    found.update(template(node.args[-2 if name == "set_aside" else 2], consts))
            if (
                not prefixes_only
                and isinstance(node, ast.Assign)
                and any(
                    isinstance(t, ast.Name) and (t.id == "reason" or t.id.endswith("_REASON"))
                    for t in node.targets
                )
            ):
                found.update(template(node.value, consts))
    from policy_parse.read.layout.hidden import REASONS

    found.update(REASONS)
    return {t for t in found if t and t != "{}"}


def test_every_residue_reason_the_code_writes_has_a_chinese_wording() -> None:
    from policy_parse.messages import reason

    templates = _reasons_written_in_the_code()
    assert len(templates) >= 35  # the scan finds them (a broken scan finds none)
    untranslated = []
    for t in templates:
        if t.startswith("{}") or t in ("web page furniture", "hidden in the page"):
            continue  # "{reason} ({element})": both of its reasons are tested below
        if t == "exit status {}":
            continue  # read/legacy.py's `reason` is why LibreOffice failed: an error's detail
        text = t.replace("{}", "3")
        if reason(text, "zh") == text:
            untranslated.append(t)
    assert untranslated == []
    for element in ("web page furniture", "hidden in the page"):
        assert reason(f'{element} (<div class="nav">)', "zh").endswith('（<div class="nav">）')


def test_residue_reasons_of_the_samples_read_in_chinese_and_keep_their_values() -> None:
    from policy_parse.messages import reason

    seen = 0
    for sample in sorted(SAMPLES.iterdir()):
        if sample.suffix not in (".txt", ".html", ".docx"):
            continue
        for r in policy_parse.parse(sample).residue:
            zh = reason(r.reason, "zh")
            assert zh != r.reason and any("\u4e00" <= ch <= "\u9fff" for ch in zh), r.reason
            assert reason(r.reason, "en") == r.reason
            seen += 1
    assert seen > 10
    assert reason("lead-in of measures 3-1…3-3, not itself a measure", "zh") == (
        "第3-1至3-3项措施的引导语，本身不是措施"
    )


def test_every_error_names_the_file_and_what_to_do_in_both_languages() -> None:
    from policy_parse import errors
    from policy_parse.messages import error_line, status_code, status_label

    classes = [
        c for c in vars(errors).values()
        if isinstance(c, type) and issubclass(c, errors.PolicyParseError)
    ]  # fmt: skip
    codes = set()
    for cls in classes:
        exc = cls("detail words")
        zh = error_line(exc, "zh", file="甲.docx")
        en = error_line(exc, "en", file="a.docx")
        assert zh.startswith("甲.docx：") and zh.endswith("。"), zh
        assert en.startswith("a.docx: ") and en.endswith("."), en
        # The Chinese line is Chinese: Latin words only for options, formats, names.
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh)
        code = status_code(exc)
        codes.add(code)
        assert status_label(code, "zh") != code or code == "ok"
    assert status_code(errors.NumberTooLongError("x")) == "too-large"  # by its base
    assert {"corrupt", "not-found", "encrypted", "no-text-layer", "not-a-notice"} <= codes


def test_one_finding_reads_the_same_everywhere_for_one_language(tmp_path) -> None:
    import json
    import subprocess
    import sys

    notice = policy_parse.parse(SAMPLES / "notice.txt")
    for lang in LANGS:
        expected = [message(d, lang) for d in notice.discrepancies]
        assert [
            d["message"] for d in policy_parse.to_dict(notice, lang=lang)["discrepancies"]
        ] == expected
        for indent in (None, 2):
            data = json.loads(policy_parse.to_json(notice, indent=indent, lang=lang))
            assert [d["message"] for d in data["discrepancies"]] == expected
        text = policy_parse.to_text(notice, lang=lang)
        assert all(m in text for m in expected)
        cli = subprocess.run(
            [sys.executable, "-m", "policy_parse", str(SAMPLES / "notice.txt"), "--format", "json",
             "--lang", lang], capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        assert [d["message"] for d in json.loads(cli)["discrepancies"]] == expected
    # The library's default language is the command line's: zh.
    zh = [message(d, "zh") for d in notice.discrepancies]
    assert [d["message"] for d in policy_parse.to_dict(notice)["discrepancies"]] == zh
    assert [d["message"] for d in json.loads(policy_parse.to_json(notice))["discrepancies"]] == zh
    assert all(m in policy_parse.to_text(notice) for m in zh)


def _entries(node: object, path: str) -> list[tuple[str, dict[str, str]]]:
    """Every catalogue entry that holds a zh and an en text, with its path."""
    out: list[tuple[str, dict[str, str]]] = []
    if isinstance(node, dict):
        if all(isinstance(node.get(lang), str) for lang in LANGS):
            out.append((path, node))
        for key, value in node.items():
            out += _entries(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _entries(value, f"{path}[{i}]")
    return out


def _placeholders(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None and f != ""}


def test_every_entry_says_the_same_things_in_zh_and_en() -> None:
    # A zh error line without {detail} told a Chinese reader less than the
    # English one (issue 24): each language fills in the same fields.
    entries = _entries(catalogue(), "messages")
    assert len(entries) > 200
    differ = {
        path: (sorted(_placeholders(e["zh"])), sorted(_placeholders(e["en"])))
        for path, e in entries
        if _placeholders(e["zh"]) != _placeholders(e["en"])
    }
    assert differ == {}


def test_a_zh_error_line_carries_the_readers_detail() -> None:
    from policy_parse.errors import CorruptFileError
    from policy_parse.messages import error_line

    line = error_line(CorruptFileError("x"), "zh", file="a.docx", detail="zip truncated at 12")
    assert "zip truncated at 12" in line and "a.docx" in line


def test_a_reason_is_matched_by_its_first_and_last_words_before_any_pattern(monkeypatch):
    from policy_parse import messages

    monkeypatch.setattr(messages, "_COMPILED", {})
    assert messages.reason("prose line outside any measure", "zh") == "不属于任何措施的正文"
    assert messages._COMPILED == {}  # no entry with fields could match: none compiled
    said = messages.reason("lead-in of measures 3…7, not itself a measure", "zh")
    assert said == "第3至7项措施的引导语，本身不是措施"
    assert len(messages._COMPILED) == 1
    assert messages.reason("lead-in of measures 3…7", "zh") == "lead-in of measures 3…7"

"""_support/lazy_regex.py's `escape`: regex's escaping without importing regex."""

from __future__ import annotations

import pytest
import regex

from policy_parse._support.lazy_regex import escape


@pytest.mark.parametrize(
    "text",
    ["牵头单位", "第1项", "A1", "", "县(市、区)", "1.2", "a b", "牵头\u3000单位", "x|y", "~&#-"],
)
def test_an_escaped_word_matches_itself_alone(text: str) -> None:
    """Letters and digits come back as they are (the quick path); any
    metacharacter or space is escaped, so the pattern matches the text."""
    got = escape(text)
    if text.isalnum():
        assert got == text
    assert regex.fullmatch(got, text) is not None
    assert regex.fullmatch(got, text + "x") is None


# --- the warm-up's bundle of every pattern (_support/bundle.py) --------------------

_SHAPES = [(r"(?P<n>\d+)、(?P<rest>.+)", 0), (r"^(?P<u>.+?)(?:牵头|负责)$  # x", 0x40)]


@pytest.fixture
def pattern_dir(tmp_path, monkeypatch):
    from policy_parse._support import lazy_regex

    monkeypatch.setattr(lazy_regex, "_DIR", str(tmp_path))
    monkeypatch.setattr(lazy_regex, "_FORCE", True)
    monkeypatch.setattr(lazy_regex, "_SEEN", {})
    monkeypatch.setattr(lazy_regex, "_BUNDLE", [])
    return tmp_path


def _bundled_only(pattern_dir) -> None:
    for p in pattern_dir.iterdir():
        if not p.name.startswith("all."):
            p.unlink()


def test_the_bundle_serves_every_pattern_the_warm_up_had(pattern_dir, monkeypatch):
    import sys

    from policy_parse._support import lazy_regex

    for pattern, flags in _SHAPES:
        lazy_regex._compiled(pattern, flags)
    assert lazy_regex.write_bundle()
    _bundled_only(pattern_dir)
    assert len(list(pattern_dir.iterdir())) == 1

    def no_compile(*a, **k):
        raise AssertionError("compiled in Python although bundled")

    monkeypatch.setattr(sys.modules["regex._main"], "_compile", no_compile)
    p = lazy_regex._compiled(*_SHAPES[0])
    q = lazy_regex._compiled(*_SHAPES[1])
    assert [m.groupdict() for m in p.finditer("12、改造 3、修路")] == [
        {"n": "12", "rest": "改造 3、修路"}
    ]
    assert q.match("某区住建局牵头")["u"] == "某区住建局" and q.match("配合") is None
    assert p.groupindex == {"n": 1, "rest": 2}


def test_a_pattern_not_in_the_bundle_is_read_or_compiled_as_before(pattern_dir):
    from policy_parse._support import lazy_regex

    lazy_regex._compiled(*_SHAPES[0])
    lazy_regex.write_bundle()
    assert lazy_regex._compiled(r"[一二三]、", 0).sub("#", "一、x") == "#x"


def test_a_damaged_or_foreign_bundle_reads_as_empty(pattern_dir):
    from policy_parse._support import lazy_regex

    lazy_regex._compiled(*_SHAPES[0])
    lazy_regex.write_bundle()
    _bundled_only(pattern_dir)
    (whole,) = pattern_dir.iterdir()
    body = whole.read_bytes()
    for damaged in (body[:-7], body.replace(b":", b";", 1), b"\x00"):
        whole.write_bytes(damaged)
        lazy_regex._BUNDLE.clear()
        assert lazy_regex._compiled(*_SHAPES[0]).match("7、某事")["n"] == "7"

"""The real-notice corpus (../shared/corpus/real/) scored in CI: a ratchet.

The figure below is the best total reached so far; a change that loses a
measure fails here.  Raise it when a change gains some (never lower it
without saying why in the commit).  Skipped where ../shared is absent.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
RATCHET = 61

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="no ../shared/corpus/real here")


def _scorer():  # benchmarks/ is not a package: load the script by path
    spec = importlib.util.spec_from_file_location("corpus", ROOT / "benchmarks" / "corpus.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_corpus_total_does_not_fall_below_the_ratchet():
    scores = _scorer().score_corpus(CORPUS)
    exact = sum(s.exact for s in scores)
    assert exact >= RATCHET, "\n".join(f"{s.name}: {m}" for s in scores for m in s.misses)


def _parsed():
    mod = _scorer()
    import policy_parse

    return [
        (p.stem, policy_parse.parse_text(mod.notice_text(p))) for p in sorted(CORPUS.glob("*.txt"))
    ]


def test_no_real_notice_gets_a_numbering_warning():
    found = [
        (name, d.message)
        for name, n in _parsed()
        for d in n.discrepancies
        if d.kind.value == "numbering"
    ]
    assert found == []


def test_no_real_notice_gets_a_timestamp_for_a_measure():
    # 2023-01-05 10:00 and 13.03.2015 07:51 once became measures 2023-1-5, 13-3-2015.
    found = [
        (name, str(m.number))
        for name, n in _parsed()
        for m in n.measures
        if m.number is not None and any(1900 <= p <= 2100 for p in m.number.parts)
    ]
    assert found == []


def test_every_real_notice_whose_outline_was_guessed_says_so():
    # Guessed: prose measures of which none carries an annotation.  A notice
    # read off its table alone (its measures are its rows) guessed nothing.
    for name, n in _parsed():
        prose = [m for m in n.measures if m.origin == "prose"]
        guessed = bool(prose) and all(m.annotation is None for m in prose)
        # The cover-letter rule is a guess of its own (about the header), and
        # an odd unit name one about an annotation, said apart from the
        # measure level's.
        structure = [
            d
            for d in n.discrepancies
            if d.kind.value == "structure" and d.note not in ("cover_letter", "odd_unit")
        ]
        assert bool(structure) == guessed, name


def test_the_only_odd_unit_name_on_the_corpus_is_an_excerpt_cut_mid_name():
    # 04 ends on "责任单位:区" (the excerpt stops inside 区发展和改革局; its key
    # lists three measures, not this fourth): every other unit of the 19
    # notices, prose and table, looks like one.
    found = [
        (name, d.measure, d.prose or d.table)
        for name, n in _parsed()
        for d in n.discrepancies
        if d.note == "odd_unit"
    ]
    assert found == [("04_wuhan-caidian", "4", ("区",))]


def test_nothing_is_lost_on_any_real_notice():
    # A set-aside item lost its marker (（一） under no measure) on one file.
    import policy_parse
    from policy_parse.audit import lost_and_invented

    mod = _scorer()
    bad = {}
    for p in sorted(CORPUS.glob("*.txt")):
        document = policy_parse.read_text_document(mod.notice_text(p))
        notice = policy_parse.notice_from_document(document)
        if (found := lost_and_invented(document, notice)) != ("", ""):
            bad[p.stem] = found
    assert bad == {}

"""Invented specimens (tests/specimens/) in the shapes real notices use, scored
like the dev corpus (tests/test_corpus.py): a ratchet.

They are our own text (made-up measures and departments), each keyed by hand
from reading it, so unlike ../shared/corpus they live in the repository and
run everywhere.  They probe variants the dev corpus lacks.  Raise RATCHET when
a change gains a measure; never lower it without saying why in the commit.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPECIMENS = ROOT / "tests" / "specimens"
RATCHET = 747


def _scorer():  # benchmarks/ is not a package: load the script by path
    spec = importlib.util.spec_from_file_location("corpus", ROOT / "benchmarks" / "corpus.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_there_are_enough_keyed_specimens() -> None:
    texts = sorted(SPECIMENS.glob("*.txt"))
    assert len(texts) >= 12
    assert all(p.with_name(p.name.replace(".txt", ".expected.json")).is_file() for p in texts)


def test_the_specimen_total_does_not_fall_below_the_ratchet() -> None:
    scores = _scorer().score_corpus(SPECIMENS)
    exact = sum(s.exact for s in scores)
    assert exact >= RATCHET, "\n".join(f"{s.name}: {m}" for s in scores for m in s.misses)

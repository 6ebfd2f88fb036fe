"""Never invent a name (issue 9): every canonical unit name is written in the
notice, comes from the curated alias data, or is a shared-suffix expansion
recorded as such (status "expanded")."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest

import policy_parse
from policy_parse.data import load
from policy_parse.models import Notice, Unit, UnitStatus
from policy_parse.normalize.script import to_simplified

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
SAMPLES = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in {".txt", ".docx", ".pdf"})


def _flat(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _units(notice: Notice) -> list[Unit]:
    out: list[Unit] = []
    for m in notice.measures:
        out += [*m.lead, *m.support]
    for e in notice.table:
        out += [*e.lead, *e.support, *e.upper_units]
    return out


def _invented(notice: Notice, text: str) -> list[str]:
    written = _flat(text)
    written += _flat(to_simplified(text))
    curated = set(load("units")["aliases"].values())
    bad = []
    for u in _units(notice):
        if _flat(u.name) in written:
            continue
        if u.status is UnitStatus.EXPANDED and u.name == u.expanded:
            continue
        if u.status is UnitStatus.RESOLVED and any(full in u.name for full in curated):
            continue
        bad.append(f"{u.written} → {u.name} ({u.status.value})")
    return bad


def _document_text(notice_path: Path) -> str:
    document = policy_parse.read_document(notice_path)
    return "\n".join(document.texts())


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_no_sample_gets_a_unit_name_it_does_not_write(path):
    notice = policy_parse.parse(path)
    assert _invented(notice, _document_text(path)) == []


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no ../shared/corpus/real here")
def test_no_corpus_notice_gets_a_unit_name_it_does_not_write():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import corpus  # benchmarks/corpus.py

    bad = {}
    for path in sorted(CORPUS.glob("*.txt")):
        text = corpus.notice_text(path)
        try:
            notice = policy_parse.parse_text(text)
        except policy_parse.NotANoticeError:
            continue  # refused (tests/test_corpus.py KNOWN_NOT_NOTICE): it names no unit
        if found := _invented(notice, text):
            bad[path.stem] = found
    assert bad == {}

"""Both PDF engines give identical records on every PDF in samples/ and
tests/ (spans aside): the page model is the contract, whatever engine drew
the page (docs/pdf.md, "Pipeline").  The PDFs the reader tests build on the
fly are compared in tests/read/pdf/test_pdf.py's `read()`."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_fixtures import without_spans

import policy_parse
from policy_parse.read import read_document

ROOT = Path(__file__).resolve().parents[3]
PDFS = sorted([*ROOT.glob("samples/*.pdf"), *ROOT.glob("tests/**/*.pdf")])


def test_there_are_pdfs_to_compare() -> None:
    assert any(p.parent.name == "samples" for p in PDFS)


@pytest.mark.parametrize("path", PDFS, ids=[p.name for p in PDFS])
def test_both_engines_give_the_same_records(path: Path) -> None:
    fast = read_document(path)
    reference = read_document(path, pdf_engine="pdfplumber")
    assert without_spans(fast) == without_spans(reference)
    # The same document gives the same measures, units and discrepancies.
    assert without_spans(policy_parse.notice_from_document(fast)) == without_spans(
        policy_parse.notice_from_document(reference)
    )


def test_parse_takes_the_engine_keyword() -> None:
    with pytest.raises(ValueError, match="unknown PDF engine"):
        policy_parse.parse(PDFS[0], pdf_engine="ghostscript")

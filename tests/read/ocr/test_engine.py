"""Scans through the OCR engine (read/ocr/engine.py), end to end: pages of
samples/notice.pdf scanned at test time (tests/scans.py) and parsed as a
user would, scored against the golden of the same notice read from its text
layer.  Scores with thresholds, not exact goldens: onnxruntime may round
differently on another CPU.  Two pages a test keep CI's OCR time modest; the
whole 23-page notice is scored by benchmarks/ocr.py."""

from __future__ import annotations

import json
import os
from typing import Any

import pytest

import policy_parse
from policy_parse.read.ocr import available
from scans import ROOT, ScanKind, scan_pdf

if not available() and os.environ.get("CI"):  # pragma: no cover - CI must run them
    pytest.fail("CI has no [ocr] extra: .ci/run installs it through [test]", pytrace=False)
pytestmark = pytest.mark.skipif(not available(), reason="the [ocr] extra is not installed")

KNOWN = json.loads((ROOT / "golden" / "notice.pdf.json").read_text(encoding="utf-8"))


def _key(record: dict[str, Any]) -> tuple[object, ...]:
    return (
        record["number"],
        record["text"],
        [u["name"] for u in record["lead"]],
        [u["name"] for u in record["support"]],
    )


@pytest.fixture(scope="module")
def prose_scan() -> dict[str, Any]:
    """Pages 1-2 (the covering letter and the first measures), 200 dpi
    colour, a red seal over the text, turned 0.8°, noise, JPEG."""
    kind = ScanKind(dpi=200, colour=True, seal=True, skew=0.8, noise=6, jpeg=80)
    return policy_parse.to_dict(policy_parse.parse(scan_pdf(kind=kind, pages=[0, 1])), lang=None)


def test_prose_measures_from_a_colour_scan_with_a_seal(prose_scan: dict[str, Any]) -> None:
    known = {
        m["number"]: m
        for m in KNOWN["measures"]
        if m["span"].get("end_page", m["span"]["page"]) <= 2
    }
    got = {m["number"]: m for m in prose_scan["measures"]}
    exact = [n for n, m in known.items() if n in got and _key(got[n]) == _key(m)]
    assert len(known) == 12
    assert len(exact) >= len(known) - 1, sorted(set(known) - set(exact))


def test_the_output_says_it_was_ocr_and_sets_the_seal_aside(prose_scan: dict[str, Any]) -> None:
    ocr = prose_scan["source"]["ocr"]
    assert ocr.startswith("rapidocr 3.") and "onnxruntime" in ocr and ocr.endswith("pages 1-2")
    seals = [r for r in prose_scan["residue"] if r["reason"] == "seal"]
    assert len(seals) == 1 and seals[0]["span"]["page"] == 1
    # The seal's ring reads 某某区管理委员会专用章 (tests/scans.py).
    assert not any("专用章" in m["text"] for m in prose_scan["measures"])


def test_the_header_survives_the_seal(prose_scan: dict[str, Any]) -> None:
    assert prose_scan["notice"]["doc_number"] == KNOWN["notice"]["doc_number"]
    assert prose_scan["notice"]["issuer"] == KNOWN["notice"]["issuer"]


@pytest.mark.slow
def test_table_rows_from_a_greyscale_150_dpi_scan() -> None:
    """Pages 9-10, the start of the 分工表: greyscale (the seal is no longer
    red), 150 dpi, turned the other way by 1.5°."""
    kind = ScanKind(dpi=150, colour=False, seal=False, skew=-1.5, noise=6, jpeg=75)
    got = policy_parse.to_dict(policy_parse.parse(scan_pdf(kind=kind, pages=[8, 9])), lang=None)
    rows = {m["number"]: m["table"] for m in got["measures"] if m.get("table")}
    known = {m["number"]: m["table"] for m in KNOWN["measures"] if m["table"]["span"]["page"] <= 10}

    def cells(row: dict[str, Any]) -> tuple[object, ...]:
        # Who leads is read from the prose's annotations, which these two
        # pages lack: the rows are compared as written, unit by unit.
        names = [[u["name"] for u in row[k]] for k in ("city_units", "zone_units")]
        return (row["number"], row["text"], *names)

    exact = [n for n, row in known.items() if n in rows and cells(rows[n]) == cells(row)]
    assert len(known) == 9
    # The last row may go on over page 11, which this scan leaves out.
    assert len(exact) >= len(known) - 1, sorted(set(known) - set(exact))


def _last_page() -> bytes:
    """samples/notice.pdf's last page alone, text layer and all."""
    import io

    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(ROOT / "samples" / "notice.pdf"))
    out = pdfium.PdfDocument.new()
    out.import_pages(src, [len(src) - 1])
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def test_ocr_true_reads_a_page_that_has_text_from_its_image_too() -> None:
    """`ocr=True` (CLI --ocr, engine "ocr"): a page with a text layer read from its
    image; without it the text layer is read and the source says no OCR."""
    from policy_parse.read import read_document

    data = _last_page()
    typed = read_document(data)
    assert typed.source.ocr is None
    read = read_document(data, pdf_engine="ocr")
    assert read.source.ocr is not None and read.source.ocr.endswith("pages 1")
    assert [b.text for b in read.blocks if hasattr(b, "text")][:3] == [
        b.text for b in typed.blocks if hasattr(b, "text")
    ][:3]


@pytest.mark.slow
def test_a_scanned_ofd_is_read_by_the_same_engine() -> None:
    """Pages 1-2 scanned as for `prose_scan`, wrapped as an image-only OFD
    (one full-page ImageObject a page, tests/scans.py): the same measures,
    the seal set aside, the source saying OCR."""
    from scans import scan_ofd

    kind = ScanKind(dpi=200, colour=True, seal=True, skew=0.8, noise=6, jpeg=80)
    got = policy_parse.to_dict(policy_parse.parse(scan_ofd(kind=kind, pages=[0, 1])), lang=None)
    assert got["source"]["format"] == "ofd"
    assert got["source"]["ocr"].startswith("rapidocr 3.") and got["source"]["ocr"].endswith(
        "pages 1-2"
    )
    known = {
        m["number"]: m
        for m in KNOWN["measures"]
        if m["span"].get("end_page", m["span"]["page"]) <= 2
    }
    mine = {m["number"]: m for m in got["measures"]}
    exact = [n for n, m in known.items() if n in mine and _key(mine[n]) == _key(m)]
    assert len(known) == 12
    assert len(exact) >= len(known) - 1, sorted(set(known) - set(exact))
    assert [r["span"]["page"] for r in got["residue"] if r["reason"] == "seal"] == [1]

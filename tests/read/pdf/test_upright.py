"""read/pdf/upright.py: a page stored sideways and turned by /Rotate reads as
the page a viewer shows.

The specimens are made here from samples/notice.pdf: each landscape page of
its 分工表 is stored as the page a printer driver writes (the content drawn
turned, inside a media box of the other shape) with the /Rotate that turns
it back, as Windows' "Print to PDF" and many scanners do.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from pdf_fixtures import without_spans

import policy_parse
from policy_parse.read import read_document
from policy_parse.read.pdf.upright import _turn

SAMPLE = Path(__file__).resolve().parents[3] / "samples" / "notice.pdf"


def _inverse(m: tuple[float, ...]) -> tuple[float, ...]:
    a, b, c, d, e, f = m
    det = a * d - b * c
    ia, ib, ic, id_ = d / det, -b / det, -c / det, a / det
    return (ia, ib, ic, id_, -(ia * e + ic * f), -(ib * e + id_ * f))


def _stored_turned(rotation: int, path: Path) -> Path:
    """samples/notice.pdf with every landscape page stored turned by `rotation`."""
    src = pdfium.PdfDocument(SAMPLE)
    out = pdfium.PdfDocument.new()
    for i in range(len(src)):
        w, h = src[i].get_size()
        if w < h:
            out.import_pages(src, [i])
            continue
        sw, sh = (h, w) if rotation in (90, 270) else (w, h)  # the stored page
        page = out.new_page(sw, sh)
        drawn = src.page_as_xobject(i, out).as_pageobject()
        drawn.transform(pdfium.PdfMatrix(*_inverse(_turn(rotation, 0.0, 0.0, sw, sh))))
        page.insert_obj(drawn)
        page.gen_content()
        page.set_rotation(rotation)
    out.save(path)
    return path


@pytest.fixture(scope="module", params=[90, 180, 270])
def turned(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    rotation: int = request.param
    return _stored_turned(rotation, tmp_path_factory.mktemp("turned") / f"r{rotation}.pdf")


def test_the_specimen_really_is_stored_sideways(turned: Path) -> None:
    pdf = pdfium.PdfDocument(turned)
    page = pdf[10]
    assert page.get_rotation() in (90, 180, 270)
    text = page.get_textpage()
    left, bottom, _, _ = text.get_charbox(0)
    plain = pdfium.PdfDocument(SAMPLE)[10].get_textpage().get_charbox(0)
    assert (round(left), round(bottom)) != (round(plain[0]), round(plain[1]))


def _records(path: Path, engine: str = "pdfium") -> object:
    doc = without_spans(read_document(path, pdf_engine=engine))
    assert isinstance(doc, dict)
    return {k: v for k, v in doc.items() if k != "source"}


def test_a_turned_page_gives_the_records_of_the_upright_one(turned: Path) -> None:
    assert _records(turned) == _records(SAMPLE)


def test_a_turned_notice_reads_its_whole_table(turned: Path) -> None:
    notice = policy_parse.parse(turned)
    plain = policy_parse.parse(SAMPLE)
    assert len(plain.measures) == 78
    assert [(m.id, m.text, m.lead, m.support) for m in notice.measures] == [
        (m.id, m.text, m.lead, m.support) for m in plain.measures
    ]
    assert len(notice.discrepancies) == len(plain.discrepancies)


def test_both_engines_agree_on_a_turned_page(tmp_path: Path) -> None:
    # pdfminer turns a /Rotate page itself; one rotation is enough to show the
    # engines agree (pdfplumber takes ~15 s over the 23 pages).
    turned = _stored_turned(90, tmp_path / "r90.pdf")
    assert _records(turned) == _records(turned, "pdfplumber")

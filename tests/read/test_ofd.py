"""OFD (GB/T 33190): recognised by content, read through the page model, and\nbad packages refused with typed errors."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from policy_parse.errors import (
    CorruptFileError,
    InputTooLargeError,
    NoTextLayerError,
    OcrNotInstalledError,
)
from policy_parse.models import Format, Paragraph, Table
from policy_parse.read import detect_format, read_document
from policy_parse.read.layout.page_model import PaintKind
from policy_parse.read.limits import Limits
from policy_parse.read.ofd import OfdEngine


def ofd_bytes() -> bytes:
    """The skeleton every OFD package has: OFD.xml pointing at a Document.xml."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "OFD.xml",
            '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD">'
            "<ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        )
        zf.writestr("Doc_0/Document.xml", '<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"/>')
    return buf.getvalue()


@pytest.mark.parametrize("name", ["notice.ofd", "notice.docx", "notice.zip"])
def test_an_ofd_is_detected_by_content_whatever_its_name(name: str) -> None:
    assert detect_format(ofd_bytes(), name) is Format.OFD


def _package(parts: dict[str, bytes | str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in parts.items():
            zf.writestr(name, body)
    return buf.getvalue()


SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "notice.ofd"
NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def _one_page(content: str) -> bytes:
    return _package(
        {
            "OFD.xml": ofd_bytes_parts()["OFD.xml"],
            "Doc_0/Document.xml": (
                f"<ofd:Document {NS}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297"
                "</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>"
                '<ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>'
            ),
            "Doc_0/Pages/Page_0/Content.xml": (
                f"<ofd:Page {NS}><ofd:Content><ofd:Layer ID='2'>{content}"
                "</ofd:Layer></ofd:Content></ofd:Page>"
            ),
        }
    )


def ofd_bytes_parts() -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(ofd_bytes())) as zf:
        return {n: zf.read(n).decode() for n in zf.namelist()}


def test_the_sample_ofd_is_read_as_ofd_with_its_table() -> None:
    doc = read_document(SAMPLE)
    assert doc.source.format is Format.OFD
    assert any(isinstance(b, Table) for b in doc.blocks)
    assert any(isinstance(b, Paragraph) for b in doc.blocks)


def test_text_codes_become_characters_at_their_positions_with_ctm() -> None:
    obj = (
        '<ofd:TextObject ID="3" Boundary="20 30 100 10" Font="1" Size="5" CTM="1 0 0 1 10 0">'
        '<ofd:TextCode X="0" Y="5" DeltaX="g 3 5">第一条措施</ofd:TextCode></ofd:TextObject>'
        '<ofd:PathObject ID="4" Boundary="0 0 210 297"><ofd:AbbreviatedData>'
        "M 10 50 L 200 50 M 10 50 L 10 80 C 1 2 3 4 5 6</ofd:AbbreviatedData></ofd:PathObject>"
    )
    engine = OfdEngine(_one_page(obj), Limits(), "t.ofd")
    (page,) = list(engine.pages())
    mm = 72 / 25.4
    assert "".join(c.text for c in page.chars) == "第一条措施"
    assert page.chars[0].x0 == pytest.approx(30 * mm)
    assert page.chars[1].x0 == pytest.approx(35 * mm)
    assert page.chars[0].bottom == pytest.approx(35 * mm)
    assert page.width == pytest.approx(210 * mm)
    assert sorted(e.orientation for e in page.edges) == ["h", "v"]


def test_an_ofd_zip_bomb_is_refused_before_it_is_inflated() -> None:
    data = _package({**ofd_bytes_parts(), "Doc_0/Res/bomb.bin": b"\0" * (20 * 1024 * 1024)})
    with pytest.raises(InputTooLargeError, match="zip bomb") as info:
        read_document(data, limits=Limits(max_unzipped_bytes=1024 * 1024))
    assert ".ofd" in str(info.value) and ".docx" not in str(info.value)


def test_a_truncated_ofd_is_a_corrupt_file_named_as_an_ofd() -> None:
    data = SAMPLE.read_bytes()
    with pytest.raises(CorruptFileError) as info:
        read_document(data[: len(data) // 2])
    # The zip checks are shared with .docx and .xlsx; the words are the OFD's.
    assert ".docx" not in str(info.value) and "Word" not in str(info.value)


def test_an_ofd_without_its_document_xml_says_which_part_is_missing() -> None:
    parts = ofd_bytes_parts()
    del parts["Doc_0/Document.xml"]
    with pytest.raises(CorruptFileError, match="Doc_0/Document.xml"):
        read_document(_package(parts))


def test_an_ofd_listing_no_pages_is_corrupt_not_a_zip() -> None:
    with pytest.raises(CorruptFileError, match="no pages") as info:
        read_document(ofd_bytes())
    assert "zip archive" not in str(info.value)


def test_a_page_of_a_million_text_objects_is_bounded_by_limits() -> None:
    obj = '<ofd:TextObject ID="3" Boundary="0 0 1 1" Size="1"><ofd:TextCode X="0" Y="1">字</ofd:TextCode></ofd:TextObject>'
    data = _one_page(obj * 1_000_000)
    with pytest.raises(InputTooLargeError, match="max_page_objects"):
        read_document(
            data, limits=Limits(max_unzipped_bytes=400 * 1024 * 1024, max_zip_ratio=10_000)
        )


def test_an_invisible_text_object_goes_to_residue_not_to_the_text() -> None:
    seen = (
        '<ofd:TextObject ID="3" Boundary="20 30 100 10" Size="5"><ofd:TextCode X="0" Y="5" '
        'DeltaX="g 5 5">一、总体要求</ofd:TextCode></ofd:TextObject>'
    )
    unseen = seen.replace('ID="3"', 'ID="4" Visible="false"').replace("30 100", "60 100")
    unseen = unseen.replace("一、总体要求", "隐藏的文字")
    doc = read_document(_one_page(seen + unseen))
    text = "".join(b.text for b in doc.blocks if isinstance(b, Paragraph))
    assert "总体要求" in text and "隐藏" not in text
    assert any("隐藏的文字" in r.text and "Visible" in r.reason for r in doc.residue)


def _seen_and(unseen_attrs: str, fill: str = "") -> bytes:
    seen = (
        '<ofd:TextObject ID="3" Boundary="20 30 100 10" Size="5"><ofd:TextCode X="0" Y="5" '
        'DeltaX="g 5 5">一、总体要求</ofd:TextCode></ofd:TextObject>'
    )
    unseen = (
        f'<ofd:TextObject ID="4" Boundary="20 60 100 10" Size="5" {unseen_attrs}>{fill}'
        '<ofd:TextCode X="0" Y="5" DeltaX="g 4 5">隐藏的文字</ofd:TextCode></ofd:TextObject>'
    )
    return _one_page(seen + unseen)


@pytest.mark.parametrize(
    ("attrs", "fill"),
    [
        ('Alpha="0"', ""),
        ("", '<ofd:FillColor Value="255 255 255"/>'),
        ("", '<ofd:FillColor Value="0 0 0" Alpha="0"/>'),
    ],
)
def test_transparent_and_white_text_is_residue_with_its_reason(attrs: str, fill: str) -> None:
    doc = read_document(_seen_and(attrs, fill))
    text = "".join(b.text for b in doc.blocks if isinstance(b, Paragraph))
    assert "总体要求" in text and "隐藏" not in text
    assert [r.reason.split(":")[0] for r in doc.residue if "隐藏的文字" in r.text] == [
        "hidden text"
    ]


def test_white_text_on_a_dark_filled_box_is_text() -> None:
    box = (
        '<ofd:PathObject ID="5" Boundary="10 50 150 30" Fill="true" Stroke="false">'
        '<ofd:FillColor Value="180 0 0"/><ofd:AbbreviatedData>M 0 0 L 150 0 L 150 30 L 0 30 Z'
        "</ofd:AbbreviatedData></ofd:PathObject>"
    )
    seen = (
        '<ofd:TextObject ID="3" Boundary="20 60 100 10" Size="5">'
        '<ofd:FillColor Value="255 255 255"/><ofd:TextCode X="0" Y="5" DeltaX="g 4 5">白底红字</ofd:TextCode>'
        "</ofd:TextObject>"
    )
    doc = read_document(_one_page(box + seen))
    assert "白底红字" in "".join(b.text for b in doc.blocks if isinstance(b, Paragraph))


def test_a_huge_repeated_step_costs_what_its_text_costs() -> None:
    from policy_parse.read.ofd import _deltas

    # A TextCode places one glyph per character: steps past its text are never built.
    assert _deltas("g 1000000000 5 7", "DeltaX", 3) == [5.0, 5.0, 5.0]
    assert _deltas("2 g 2 5 7", "DeltaX", 10) == [2.0, 5.0, 5.0, 7.0]
    # "g 1000000 5" three times for one glyph, in many objects: each costs one step.
    obj = (
        '<ofd:TextObject ID="3" Boundary="20 30 100 10" Size="5"><ofd:TextCode X="0" Y="5" '
        'DeltaX="g 1000000 5 g 1000000 5 g 1000000 5">一</ofd:TextCode></ofd:TextObject>'
    )
    engine = OfdEngine(_one_page(obj * 100), Limits(), "t.ofd")
    (page,) = list(engine.pages())
    assert len(page.chars) == 100


@pytest.mark.parametrize(
    "bad",
    ['Size="big"', 'Size="5" X="abc"', 'Size="5" Boundary="a b c d"'],
)
def test_a_damaged_number_in_a_text_object_is_a_corrupt_file(bad: str) -> None:
    attrs = bad if "Boundary" in bad else f'Boundary="20 30 100 10" {bad}'
    code_x = 'X="abc"' if 'X="abc"' in bad else 'X="0"'
    attrs = attrs.replace(' X="abc"', "")
    obj = (
        f'<ofd:TextObject ID="3" {attrs}><ofd:TextCode {code_x} Y="5">'
        "一、总体要求</ofd:TextCode></ofd:TextObject>"
    )
    with pytest.raises(CorruptFileError, match="damaged OFD"):
        read_document(_one_page(obj))


def _scan_page(picture: bytes, image_object: str) -> bytes:
    """One page drawing only `image_object`, whose ResourceID 7 is `picture`
    in the document's DocumentRes (folder Res)."""
    return _package(
        {
            "OFD.xml": ofd_bytes_parts()["OFD.xml"],
            "Doc_0/Document.xml": (
                f"<ofd:Document {NS}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297"
                "</ofd:PhysicalBox></ofd:PageArea><ofd:DocumentRes>DocumentRes.xml"
                "</ofd:DocumentRes></ofd:CommonData><ofd:Pages>"
                '<ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>'
            ),
            "Doc_0/DocumentRes.xml": (
                f'<ofd:Res {NS} BaseLoc="Res"><ofd:MultiMedias><ofd:MultiMedia ID="7" '
                'Type="Image"><ofd:MediaFile>scan.png</ofd:MediaFile></ofd:MultiMedia>'
                "</ofd:MultiMedias></ofd:Res>"
            ),
            "Doc_0/Res/scan.png": picture,
            "Doc_0/Pages/Page_0/Content.xml": (
                f"<ofd:Page {NS}><ofd:Content><ofd:Layer ID='2'>{image_object}"
                "</ofd:Layer></ofd:Content></ofd:Page>"
            ),
        }
    )


def test_an_image_object_is_an_image_paint_of_its_ctm_box_and_its_picture_is_found() -> None:
    """The CTM maps the unit square into the Boundary: 100 × 50 mm at
    (10, 20) within a Boundary at (5, 5)."""
    obj = '<ofd:ImageObject ID="3" Boundary="5 5 200 280" CTM="100 0 0 50 10 20" ResourceID="7"/>'
    engine = OfdEngine(_scan_page(b"picture bytes", obj), Limits(), "scan.ofd")
    try:
        (page,) = list(engine.pages())
        (paint,) = page.paints
        mm = 72 / 25.4
        assert paint.kind is PaintKind.IMAGE
        assert paint.box == pytest.approx((15 * mm, 25 * mm, 115 * mm, 75 * mm))
        assert engine.images(1) == [(b"picture bytes", paint.box, "Doc_0/Res/scan.png")]
    finally:
        engine.close()


def test_an_image_object_without_ctm_fills_its_boundary_and_a_missing_picture_is_named() -> None:
    obj = '<ofd:ImageObject ID="3" Boundary="0 0 210 297" ResourceID="9"/>'
    engine = OfdEngine(_scan_page(b"", obj), Limits(), "scan.ofd")
    try:
        (page,) = list(engine.pages())
        assert page.paints[0].box == pytest.approx((0, 0, page.width, page.height))
        assert engine.images(1) == [(b"", page.paints[0].box, "ResourceID 9")]
    finally:
        engine.close()


_FULL_PAGE = '<ofd:ImageObject ID="3" Boundary="0 0 210 297" CTM="210 0 0 297 0 0" ResourceID="7"/>'


def test_a_scanned_ofd_without_the_extra_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from policy_parse.read import ocr

    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(OcrNotInstalledError, match=r"pip install 'policy_parse\[ocr\]'"):
        read_document(_scan_page(b"not read", _FULL_PAGE))


def test_a_scanned_ofd_with_ocr_off_is_no_text_layer_and_says_why(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from policy_parse.read import ocr

    monkeypatch.setattr(ocr, "available", lambda: True)
    with pytest.raises(NoTextLayerError, match="OCR was turned off") as caught:
        read_document(_scan_page(b"not read", _FULL_PAGE), allow_ocr=False)
    assert not isinstance(caught.value, OcrNotInstalledError)

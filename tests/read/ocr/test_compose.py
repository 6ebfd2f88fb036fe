"""A page drawn with pictures laid out for OCR (read/ocr/compose.py), on
pictures made here: where each lands is known by construction."""

from __future__ import annotations

import io
import os

import pytest

from policy_parse.errors import InputTooLargeError
from policy_parse.read.ocr import available

if not available() and os.environ.get("CI"):  # pragma: no cover - CI must run them
    pytest.fail("CI has no [ocr] extra: .ci/run installs it through [test]", pytrace=False)
pytestmark = pytest.mark.skipif(not available(), reason="the [ocr] extra is not installed")


def _png(width: int, height: int, grey: int) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (width, height), grey).save(buf, "PNG")
    return buf.getvalue()


def test_a_picture_is_scaled_into_its_box_on_white_paper() -> None:
    from policy_parse.read.ocr.compose import compose

    # A 10 × 5 px black picture drawn over 20 × 10 pt at (30, 40) pt, at 2 px a point.
    page, left_out = compose([(_png(10, 5, 0), (30, 40, 50, 50), "a.png")], 100, 80, 2.0)
    assert left_out == []
    assert page.shape == (160, 200, 3)
    assert (page[80:100, 60:100] == 0).all()  # the box, in pixels
    assert (page[:80] == 255).all() and (page[100:] == 255).all()
    assert (page[80:100, :60] == 255).all() and (page[80:100, 100:] == 255).all()


def test_a_picture_running_off_the_page_is_cut_at_its_edge() -> None:
    from policy_parse.read.ocr.compose import compose

    page, left_out = compose([(_png(4, 4, 0), (-10, -10, 10, 10), "a.png")], 50, 50, 1.0)
    assert left_out == [] and (page[:10, :10] == 0).all() and (page[10:] == 255).all()


def test_a_picture_that_cannot_be_decoded_is_left_out_and_named() -> None:
    from policy_parse.read.ocr.compose import compose

    pictures = [(b"JB2\x00 not a format Pillow reads", (0, 0, 50, 50), "Res/page.jb2")]
    page, left_out = compose(pictures, 50, 50, 1.0)
    assert left_out == ["Res/page.jb2"] and (page == 255).all()


def test_a_page_too_large_to_be_a_scan_is_refused() -> None:
    from policy_parse.read.ocr.compose import MAX_PIXELS, compose

    side = (MAX_PIXELS**0.5 + 10) / 2.0  # points at 2 px a point: just over
    with pytest.raises(InputTooLargeError, match="too large to read as a scan"):
        compose([], side, side, 2.0)


def test_a_scanned_ofd_whose_picture_cannot_be_decoded_says_so() -> None:
    """Not "OCR found no text": OCR could not look, and the picture is named."""
    import zipfile

    from policy_parse.errors import NoTextLayerError
    from policy_parse.read import read_document
    from scans import ScanKind, scan_ofd

    good = scan_ofd(kind=ScanKind(dpi=50, colour=False, seal=False), pages=[0])
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(buf, "w") as out:
        for name in src.namelist():
            out.writestr(name, b"damaged" if name.endswith(".jpg") else src.read(name))
    with pytest.raises(NoTextLayerError, match=r"could not decode .*Doc_0/Res/page_0\.jpg"):
        read_document(buf.getvalue())

"""A scan without the [ocr] extra, and a scan OCR reads nothing from: the
error says which, and the CLI line tells how to install the extra, in
Chinese and in English.  The first runs with or without the extra (its
absence is simulated)."""

from __future__ import annotations

import io

import pytest

import policy_parse
from policy_parse.errors import NoTextLayerError, OcrNotInstalledError
from policy_parse.messages import error_line
from policy_parse.read import ocr


def _image_only_pdf() -> bytes:
    """One page holding nothing but an image of a pale grey square."""
    from PIL import Image

    img = Image.new("L", (850, 1100), 255)
    img.paste(235, (200, 200, 400, 400))
    buf = io.BytesIO()
    img.save(buf, "PDF", resolution=100)
    return buf.getvalue()


def test_without_the_extra_the_error_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(OcrNotInstalledError) as caught:
        policy_parse.parse(_image_only_pdf())
    assert isinstance(caught.value, NoTextLayerError)  # callers catching the old error still do
    assert ocr.INSTALL_HINT in str(caught.value)
    for lang in ("zh", "en"):
        line = error_line(caught.value, lang, file="scan.pdf", detail=str(caught.value))
        assert "pip install 'policy_parse[ocr]'" in line and line.startswith("scan.pdf")
    assert "扫描件" in error_line(caught.value, "zh", file="scan.pdf")


@pytest.mark.skipif(not ocr.available(), reason="the [ocr] extra is not installed")
def test_a_scan_with_no_text_on_it_is_no_text_layer_after_ocr() -> None:
    with pytest.raises(NoTextLayerError) as caught:
        policy_parse.parse(_image_only_pdf())
    assert not isinstance(caught.value, OcrNotInstalledError)
    assert "OCR found no text" in str(caught.value)


def test_cli_ocr_flag_asks_for_the_ocr_engine() -> None:
    from policy_parse.__main__ import _Version
    from policy_parse.cli.args import parse_args

    assert parse_args(["x.pdf", "--ocr"], _Version).pdf_engine == "ocr"
    assert parse_args(["x.pdf"], _Version).pdf_engine == "pdfium"

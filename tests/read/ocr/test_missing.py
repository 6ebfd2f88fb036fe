"""A scan without the [ocr] extra, and a scan OCR reads nothing from: the
error says which, and the CLI line tells how to install the extra, in
Chinese and in English.  The first runs with or without the extra (its
absence is simulated)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import policy_parse
from policy_parse.errors import NoTextLayerError, OcrNotInstalledError
from policy_parse.read import ocr


def _image_only_pdf() -> bytes:
    """One page holding nothing but an image of a pale grey square."""
    from PIL import Image

    img = Image.new("L", (850, 1100), 255)
    img.paste(235, (200, 200, 400, 400))
    buf = io.BytesIO()
    img.save(buf, "PDF", resolution=100)
    return buf.getvalue()


_WITHOUT_THE_EXTRA = """
import json, sys
sys.modules["rapidocr"] = None  # as if not installed: find_spec gives None
import policy_parse
from policy_parse.errors import NoTextLayerError, OcrNotInstalledError
from policy_parse.messages import error_line
from policy_parse.read import ocr
try:
    policy_parse.parse(sys.stdin.buffer.read())
except NoTextLayerError as exc:
    print(json.dumps({
        "missing": isinstance(exc, OcrNotInstalledError),
        "hint": ocr.INSTALL_HINT in str(exc),
        "lines": {lang: error_line(exc, lang, file="scan.pdf", detail=str(exc)) for lang in ("zh", "en")},
        "zh_plain": error_line(exc, "zh", file="scan.pdf"),
    }))
"""


def test_without_the_extra_the_error_says_how_to_install_it() -> None:
    # In a process of its own, where the extra is hidden before anything is
    # imported: the page workers (forked, or fresh interpreters where this
    # one runs other threads) cannot see a patch made in the test's process.
    r = subprocess.run(
        [sys.executable, "-c", _WITHOUT_THE_EXTRA],
        input=_image_only_pdf(), capture_output=True, check=False,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr.decode()
    said = json.loads(r.stdout)
    assert said["missing"] and said["hint"]  # an OcrNotInstalledError, a NoTextLayerError too
    for line in said["lines"].values():
        assert "pip install 'policy_parse[ocr]'" in line and line.startswith("scan.pdf")
    assert "扫描件" in said["zh_plain"]


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


def test_ocr_false_is_no_text_layer_even_with_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The extra claimed installed (it may be), OCR turned off: the page is
    not read from its image, and the error says OCR was off, not that the
    extra is missing nor that OCR read nothing."""
    monkeypatch.setattr(ocr, "available", lambda: True)
    with pytest.raises(NoTextLayerError) as caught:
        policy_parse.parse(_image_only_pdf(), ocr=False)
    assert not isinstance(caught.value, OcrNotInstalledError)
    message = str(caught.value)
    assert "OCR was turned off" in message and "--no-ocr" in message
    assert "OCR found no text" not in message


def test_ocr_false_opens_the_plain_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """`allow_ocr=False` gives the text-layer engine itself, not the OCR
    wrapper, whatever is installed; the "ocr" engine cannot run with it."""
    from policy_parse.read.pdf import pages

    monkeypatch.setattr(ocr, "available", lambda: True)
    data = _image_only_pdf()
    plain = pages.open_engine("pdfium", data, None, "scan.pdf", allow_ocr=False)
    wrapped = pages.open_engine("pdfium", data, None, "scan.pdf")
    try:
        assert type(plain).__name__ == "PdfiumEngine"
        assert type(wrapped).__name__ == "OcrEngine"
    finally:
        plain.close()
        wrapped.close()
    with pytest.raises(ValueError, match="OCR off"):
        pages.open_engine("ocr", data, None, "scan.pdf", allow_ocr=False)


@pytest.mark.parametrize(("lang", "words"), [("zh", "没有可读的文字层"), ("en", "no text layer")])
def test_cli_no_ocr_gives_one_no_text_layer_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, words: str
) -> None:
    from policy_parse.__main__ import main

    scan = tmp_path / "scan.pdf"
    scan.write_bytes(_image_only_pdf())
    out = tmp_path / "out.json"
    status = main([str(scan), "--no-ocr", "--lang", lang, "-o", str(out)])
    err = capsys.readouterr().err.strip().splitlines()
    assert status != 0 and not out.exists()
    assert len(err) == 1 and str(scan) in err[0], err
    assert words in err[0] and "OCR was turned off" in err[0]


def test_cli_ocr_and_no_ocr_are_exclusive_and_no_ocr_reaches_parse() -> None:
    from policy_parse.__main__ import _options, _Version
    from policy_parse.cli.args import parse_args

    args = parse_args(["x.pdf", "--no-ocr"], _Version)
    assert args.pdf_engine == "pdfium" and _options(args)["ocr"] is False
    assert "ocr" not in _options(parse_args(["x.pdf"], _Version))
    with pytest.raises(SystemExit):
        parse_args(["x.pdf", "--ocr", "--no-ocr"], _Version)

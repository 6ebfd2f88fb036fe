"""OCR never runs in the calling process (read/ocr/bounded.py; the fork
rule in read/pdf/worker.py): onnxruntime and OpenCV leave native threads
behind that `threading` does not count, and a PDF page worker forked from a
process holding them hangs until its clock kills it.  Each check runs in a
process of its own, whose imports it can then speak for."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from policy_parse.read.ocr import available
from scans import FONTS, images_ofd

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "pdf"))
from pdf_fixtures import Page, Text, build_pdf

if not available() and os.environ.get("CI"):  # pragma: no cover - CI must run them
    pytest.fail("CI has no [ocr] extra: .ci/run installs it through [test]", pytrace=False)
pytestmark = pytest.mark.skipif(not available(), reason="the [ocr] extra is not installed")

LIBRARIES = ("onnxruntime", "cv2", "rapidocr")
LINE = "第二页上的一行扫描文字"


def _page(text: str) -> object:
    """An A4 page at 100 dpi, blank or with one line of large text."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("RGB", (827, 1169), "white")
    if text:
        font_path = next(f for f in FONTS if Path(f).exists())
        ImageDraw.Draw(img).text((100, 200), text, font=ImageFont.truetype(font_path, 40), fill=0)
    return img


_PARSE_OFD = """
import json, sys
import policy_parse
from policy_parse.read import Limits, read_document
doc = read_document(sys.stdin.buffer.read(), limits=Limits(pdf_workers=2))
print(json.dumps({
    "blocks": [[b.span.page, b.text] for b in doc.blocks if hasattr(b, "text")],
    "ocr": doc.source.ocr,
    "loaded": [m for m in LIBRARIES if m in sys.modules],
}))
""".replace("LIBRARIES", repr(LIBRARIES))


@pytest.mark.slow
def test_a_scanned_ofds_pages_are_read_in_workers_and_come_back_in_order() -> None:
    # Three scanned pages shared by two workers (pages 1 and 3, page 2):
    # the text of page 2 must come back as page 2's.
    data = images_ofd([_page(""), _page(LINE), _page("")], 210, 297)
    r = subprocess.run(
        [sys.executable, "-c", _PARSE_OFD], input=data, capture_output=True, check=False
    )
    assert r.returncode == 0, r.stderr.decode()
    said = json.loads(r.stdout)
    assert said["loaded"] == []  # the caller imported none of the OCR libraries
    assert said["ocr"].startswith("rapidocr 3.")
    ((page, text),) = said["blocks"]
    assert page == 2 and text.replace(" ", "") == LINE


_FORK_AFTER = """
import json, os, sys
from policy_parse.read import read_document
from policy_parse.read.pdf.pages import workers_for
from policy_parse.read.pdf.worker import forkable
before = forkable()
import LIBRARY  # what the OCR engine imports: its thread pools may be alive now
forks = []
real_fork = os.fork
def counting_fork():
    forks.append(1)
    return real_fork()
os.fork = counting_fork
doc = read_document(sys.stdin.buffer.read())
print(json.dumps({
    "before": before,
    "after": forkable(),
    "workers": workers_for(2),
    "forks": len(forks),
    "text": [b.text for b in doc.blocks if hasattr(b, "text")],
}))
"""


@pytest.mark.parametrize("library", ["cv2", "onnxruntime"])
def test_once_an_ocr_library_is_imported_pdf_workers_are_fresh_interpreters(
    library: str,
) -> None:
    pdf = build_pdf([Page(texts=[Text(72, 100, "关于印发分工方案的通知", 12)])])
    r = subprocess.run(
        [sys.executable, "-c", _FORK_AFTER.replace("LIBRARY", library)],
        input=pdf,
        capture_output=True,
        check=False,
    )
    assert r.returncode == 0, r.stderr.decode()
    said = json.loads(r.stdout)
    assert said["before"] is True and said["after"] is False
    assert said["workers"] == 1 and said["forks"] == 0
    assert said["text"] == ["关于印发分工方案的通知"]

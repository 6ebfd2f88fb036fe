"""What the output says of OCR'd pages (read/ocr/report.py): doubts,
guesses and seals as residue, each with its page and box, in both
languages.  No OCR model needed: the facts are made here."""

from __future__ import annotations

from policy_parse.messages import reason
from policy_parse.read.layout.page_model import OcrFacts
from policy_parse.read.layout.tables import Layout
from policy_parse.read.ocr.report import ocr_residue


def test_a_comma_guess_is_residue_with_its_line_page_and_box_in_both_languages() -> None:
    facts = OcrFacts(
        engine="rapidocr", guesses=[("寅卯,辰巳", (72.0, 148.04, 152.0, 164.0))], seals=[]
    )
    lay = Layout(3, 595.0, 842.0, [], [], [], [], True, ocr=facts)
    (said,) = ocr_residue(lay)
    assert said.span.page == 3 and said.span.bbox == (72.0, 148.0, 152.0, 164.0)
    assert said.reason.endswith(": 寅卯,辰巳") and "ASCII" in said.reason
    assert reason(said.reason, "zh") == (
        "文字识别（OCR）推断：本页逗号为半角，识别出的全角逗号按半角计入正文：寅卯,辰巳"
    )

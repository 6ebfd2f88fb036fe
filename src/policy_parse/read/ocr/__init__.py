"""Scanned pages → the page model, through OCR (docs/formats.md, "Scans").

A page with no text layer (an image-only PDF or OFD, a scanned 分工表) is
rendered with PDFium (an OFD page: its pictures composed, `ocr.compose`),
read by RapidOCR (PP-OCR's detection and recognition models,
shipped inside its wheel, run offline on onnxruntime) and turned into the
same `PageModel` the PDF engines give: characters with em boxes, ruling
lines found in the image.  The layout code then rebuilds lines, paragraphs
and tables as for any PDF, which is why the OCR text is not simply joined
into lines and handed to the text reader (that lost every table).

    ocr.image  — the image: ink channel, seal ink, skew, ruling lines
    ocr.chars  — OCR lines → characters: em per page, margins, punctuation
    ocr.engine — the `Engine` wrapper: which pages to OCR, the recognizer
    ocr.compose — an OFD page's pictures laid onto the page, for the engine
    ocr.bounded — an OFD's scanned pages read in bounded workers, never here
    ocr.report — what the output says: `source.ocr`, doubts, seals, errors

The extra is optional (`pip install 'policy_parse[ocr]'`): `available()`
asks without importing it, so a PDF with a text layer never pays for it.
"""

from __future__ import annotations

import importlib.util

__all__ = ["INSTALL_HINT", "MODULES", "available"]

MODULES = ("rapidocr", "onnxruntime", "cv2", "PIL")
"""What the `[ocr]` extra installs, as imported."""

INSTALL_HINT = "pip install 'policy_parse[ocr]'"


def available() -> bool:
    """Whether the `[ocr]` extra is installed (found, not imported)."""
    return all(importlib.util.find_spec(name) is not None for name in MODULES)

"""What the output says of the pages OCR read (docs/formats.md, "Scans"):
`source.ocr` and the residue of doubts and seals.  Shared by the PDF and
OFD readers, whose scanned pages go through the same engine."""

from __future__ import annotations

from ..._support.ranges import ranges_text
from ...errors import NoTextLayerError, OcrNotInstalledError
from ...models import Residue, Span
from ..layout.page_model import Box
from ..layout.tables import Layout

__all__ = ["no_text_error", "ocr_residue", "ocr_source"]


def ocr_source(read: list[Layout]) -> str:
    """`source.ocr`: the engine and the pages it read."""
    engine = next(lay.ocr.engine for lay in read if lay.ocr is not None)
    return f"{engine}; pages {ranges_text(lay.page for lay in read)}"


def _rounded(box: Box) -> Box:
    x0, top, x1, bottom = box
    return (round(x0, 1), round(top, 1), round(x1, 1), round(bottom, 1))


def ocr_residue(lay: Layout) -> list[Residue]:
    """What OCR doubted or guessed on a page (kept in the text) and the seals
    it set aside."""
    facts = lay.ocr
    if facts is None:
        return []
    out = [
        Residue(
            text="",
            reason=f"OCR doubt: read with confidence {score:.2f}: {text}",
            span=Span(page=lay.page, bbox=_rounded(box)),
        )
        for text, score, box in facts.doubts
    ]
    out.extend(
        Residue(
            text="",
            reason=f"OCR guess: ， read as , (this page types its commas in ASCII): {text}",
            span=Span(page=lay.page, bbox=_rounded(box)),
        )
        for text, box in facts.guesses
    )
    out.extend(
        Residue(text="", reason="seal", span=Span(page=lay.page, bbox=_rounded(box)))
        for box in facts.seals
    )
    return out


def no_text_error(what: str, layouts: list[Layout], *, allow_ocr: bool) -> NoTextLayerError:
    """The error for a file none of whose pages has text: OCR turned off,
    OCR read nothing, the extra missing, or no image to read."""
    from . import INSTALL_HINT, available

    if not allow_ocr:
        return NoTextLayerError(
            f"{what} has no text layer (scanned or image-only pages), and OCR was turned "
            "off (ocr=False, CLI: --no-ocr)"
        )
    if any(lay.ocr is not None for lay in layouts):
        return NoTextLayerError(
            f"{what} has no text layer, and OCR found no text on its pages either"
        )
    if not available():
        return OcrNotInstalledError(
            f"{what} has no text layer (scanned or image-only pages); the OCR that reads "
            f"scans is an optional extra: {INSTALL_HINT}"
        )
    return NoTextLayerError(
        f"{what} has no text layer, and no page image large enough to be a scan for OCR to read"
    )

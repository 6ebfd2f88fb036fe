"""Scanned pages of a reader without page workers of its own (OFD) read by
OCR in bounded children, never in the calling process (docs/security.md,
"OCR").

OCR may not run in the caller: onnxruntime and OpenCV start native thread
pools that `threading` does not count and that outlive the call, and a
child forked later from a process holding them (the next PDF's page
workers) inherits their locks held and hangs.  So the pages go to the PDF
reader's bounded children (`pdf.worker`), shared among `workers` of them
as a PDF's pages are, each within the PDF budget (`Limits.pdf_memory_bytes`;
the OCR engine adds its own, `engine.OCR_MEMORY_BYTES`) and all within
`Limits.pdf_seconds` plus `Limits.ocr_page_seconds` for every page of the
busiest child.  Each child returns its pages laid out.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..layout.page_model import PageModel
from ..layout.tables import Layout, page_to_layout
from .compose import Picture

__all__ = ["Scan", "read_scans"]

Scan = tuple[PageModel, Sequence[Picture]]
"""A page that needs OCR (`engine.needs_ocr`) and the pictures it draws."""


def _read_part(scans: list[Scan]) -> list[tuple[Layout, list[str]]]:
    """In a child: each page's layout and the names of its pictures OCR
    could not decode."""
    from .engine import read_pictures

    out = []
    for page, pictures in scans:
        model, left_out = read_pictures(page, pictures)
        out.append((page_to_layout(model), left_out))
    return out


def read_scans(
    scans: Sequence[Scan],
    what: str,
    *,
    workers: int,
    memory_bytes: int,
    seconds: float,
    page_seconds: float,
) -> list[tuple[Layout, list[str]]]:
    """Every scan's layout and the pictures left out, in the order of
    `scans`, read by at most `workers` children (one where none can be
    forked: `pdf.pages.workers_for`)."""
    if not scans:
        return []
    from ..pdf.pages import workers_for
    from ..pdf.worker import run_bounded_each

    parts = min(workers_for(workers), len(scans))
    calls = [(list(scans[part::parts]),) for part in range(parts)]
    answers = run_bounded_each(
        _read_part,
        calls,
        memory_bytes=memory_bytes,
        seconds=seconds + page_seconds * len(calls[0][0]),
        what=what,
    )
    placed = {
        part + k * parts: read
        for part, answer in enumerate(answers)
        for k, read in enumerate(answer)
    }
    return [placed[i] for i in range(len(scans))]

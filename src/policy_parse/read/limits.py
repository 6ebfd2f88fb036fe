"""Resource limits applied while reading untrusted input (docs/security.md)."""

from __future__ import annotations

import attrs

from . import limit_defaults as _pdf


@attrs.frozen(kw_only=True)
class Limits:
    """Ceilings on what one input may cost.  Defaults suit notices of a few
    hundred pages; raise them deliberately for genuine larger files."""

    max_input_bytes: int = _pdf.MAX_INPUT_BYTES
    max_unzipped_bytes: int = 200 * 1024 * 1024
    max_zip_ratio: float = 200.0
    max_zip_entries: int = 10_000
    # Added to what the PDF worker already maps.  The sample needs < 32 MiB;
    # 256 MiB stops a flate bomb in under a second (docs/pdf.md).
    pdf_memory_bytes: int = _pdf.PDF_MEMORY_BYTES
    pdf_seconds: float = _pdf.PDF_SECONDS
    # Workers reading a PDF's pages at the same time (every other page each
    # with 2), never more than the CPUs this process may use; each has its
    # own pdf_memory_bytes.  1 reads the whole file in one worker.
    pdf_workers: int = _pdf.PDF_WORKERS
    max_pages: int = _pdf.MAX_PAGES
    # With the [ocr] extra, pdf_seconds grows by this for every page a worker
    # may read by OCR (docs/security.md, "OCR").
    ocr_page_seconds: float = _pdf.OCR_PAGE_SECONDS
    # Word itself stops at 63 columns; a few kilobytes of XML claiming
    # w:gridSpan="1000000000" must not become a billion cells.
    max_grid_columns: int = 256
    max_cell_span: int = 256
    # An automatic number as Word draws it ("（十八）", "3.1.2."); a letter or
    # roman format with a huge w:start, or a level text repeating %1, would
    # otherwise render megabytes per paragraph.
    max_marker_chars: int = 256
    # Every w:p of a .docx (body, cells, text boxes) and every table row; the
    # largest sample has under 300 paragraphs and 120 rows.
    max_paragraphs: int = 100_000
    max_rows: int = 5_000
    # Text and path objects on one OFD page (read/ofd.py); the sample's
    # fullest page has under 500.
    max_page_objects: int = 100_000
    # LibreOffice converting a legacy .doc/.wps/.rtf/.xls (read/legacy.py):
    # the sample takes about 3 s of which most is start-up; the address-space
    # cap stops a hostile file from eating the machine (1 GiB suffices).
    legacy_seconds: float = 60.0
    # Wall time for one whole parse (read, segment, reconcile), any format:
    # the CLI's --timeout.  None: each reader's own limits only
    # (_support/deadline.py says what it can and cannot stop).
    document_seconds: float | None = None
    legacy_memory_bytes: int = 2 * 1024 * 1024 * 1024

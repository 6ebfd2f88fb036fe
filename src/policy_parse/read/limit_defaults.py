"""The defaults of the `Limits` fields a PDF's page workers need, as plain
numbers: the CLI starts a PDF's workers before attrs and the models are
imported (so the pages are read while the rest of the pipeline is imported),
with these.  `Limits` takes its defaults from here, so
the two cannot disagree (docs/security.md lists every limit)."""

from __future__ import annotations

MAX_INPUT_BYTES = 50 * 1024 * 1024
PDF_MEMORY_BYTES = 256 * 1024 * 1024
PDF_SECONDS = 120.0
PDF_WORKERS = 2
MAX_PAGES = 2_000
# Scanned pages (read/ocr): the clock a PDF's workers get grows by this for
# every page a worker may have to read by OCR (~6 s of CPU a page here).
OCR_PAGE_SECONDS = 30.0

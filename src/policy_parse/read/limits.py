"""Resource limits applied while reading untrusted input (docs/security.md)."""

from __future__ import annotations

import attrs


@attrs.frozen(kw_only=True)
class Limits:
    """Ceilings on what one input may cost.  Defaults suit notices of a few
    hundred pages; raise them deliberately for genuine larger files."""

    max_input_bytes: int = 50 * 1024 * 1024
    max_unzipped_bytes: int = 200 * 1024 * 1024
    max_zip_ratio: float = 200.0
    max_zip_entries: int = 10_000
    # Added to what the PDF worker already maps.  The sample needs < 32 MiB;
    # 256 MiB stops a flate bomb in under a second (docs/pdf.md).
    pdf_memory_bytes: int = 256 * 1024 * 1024
    pdf_seconds: float = 120.0
    max_pages: int = 2_000

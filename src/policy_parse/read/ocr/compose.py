"""A page drawn only with pictures (an OFD page holding a scan) laid out as
the scanner saw it: each picture decoded (Pillow, which the `[ocr]` extra
brings) and scaled into its box on a white page at the OCR engine's
resolution.  A PDF page is rendered by PDFium instead (ocr.engine).

A picture that cannot be decoded (a format Pillow does not read, such as
JBIG2, or a damaged file) or that would be too large is left out and named,
so the reader can say so: its text is not read, and the output says why."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from ...errors import InputTooLargeError
from ..layout.page_model import Box

__all__ = ["MAX_PIXELS", "compose"]

# An A3 page at 200 dpi is 7.8 million pixels; four times that is no scan.
MAX_PIXELS = 32_000_000

Picture = tuple[bytes, Box, str]  # the file's bytes, its box in points, its name


def compose(
    pictures: Sequence[Picture], width: float, height: float, px_per_pt: float
) -> tuple[Any, list[str]]:
    """The page as an RGB array (height × width × 3, uint8), and the names
    of the pictures left out."""
    import numpy as np
    from PIL import Image

    w, h = round(width * px_per_pt), round(height * px_per_pt)
    if w <= 0 or h <= 0 or w * h > MAX_PIXELS:
        raise InputTooLargeError(
            f"a page of {width:.0f} × {height:.0f} pt is too large to read as a scan"
        )
    page = np.full((h, w, 3), 255, dtype=np.uint8)
    left_out: list[str] = []
    for raw, box, name in pictures:
        x0, y0 = round(box[0] * px_per_pt), round(box[1] * px_per_pt)
        bw, bh = round(box[2] * px_per_pt) - x0, round(box[3] * px_per_pt) - y0
        if bw <= 0 or bh <= 0:
            continue  # drawn nowhere
        if bw * bh > MAX_PIXELS:
            left_out.append(name)
            continue
        try:
            with Image.open(io.BytesIO(raw)) as img:
                if img.width * img.height > MAX_PIXELS:
                    left_out.append(name)
                    continue
                rgb = np.asarray(img.convert("RGB").resize((bw, bh), Image.Resampling.BILINEAR))
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
            left_out.append(name)
            continue
        # The part of the box on the page.
        px0, py0 = max(x0, 0), max(y0, 0)
        px1, py1 = min(x0 + bw, w), min(y0 + bh, h)
        if px1 > px0 and py1 > py0:
            page[py0:py1, px0:px1] = rgb[py0 - y0 : py1 - y0, px0 - x0 : px1 - x0]
    return page, left_out

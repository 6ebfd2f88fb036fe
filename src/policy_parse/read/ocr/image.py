"""The scanned page as an image: which channel carries the ink, where red
seal ink is, how far the page is turned, and where the ruling lines are.

Everything here works in pixels on numpy arrays (OpenCV for the
morphology); `ocr.engine` converts to points.  The rules are for shapes,
not for a file:

* a red seal over black text: in the red channel red ink is as light as
  the paper, so the seal vanishes and the text under it stays; the red
  pixels themselves (red well above green and blue) mark the seal;
* skew: the angle at which the rows of ink are sharpest (the variance of
  the horizontal projection is largest), searched within ±`MAX_SKEW`°;
* ruling lines: a morphological open with a long thin kernel keeps only
  straight runs of ink.  Text is blanked out first, so that a row of
  characters does not pass for a rule; runs much longer than any
  character are taken from the unblanked image too, so a text box drawn
  over a rule does not cut it.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

__all__ = [
    "MAX_SKEW",
    "Segment",
    "blank",
    "deskew",
    "ink_channel",
    "red_boxes",
    "ruling_segments",
]

Image = Any  # numpy.ndarray: OpenCV's and numpy's stubs disagree on its parameters
Segment = tuple[str, float, float, float, float]  # orientation, x0, top, x1, bottom (pixels)
PixelBox = tuple[int, int, int, int]  # x0, top, x1, bottom

MAX_SKEW = 2.5  # degrees: a scan turned further is a photograph, not a scan
# Red ink: the red channel this far above both others (0-255).
_RED_MARGIN = 60
# A seal is a blob of red this big (in points) at least: a red word or
# underline in the text is smaller.
_SEAL_MIN_PT = 36.0


def ink_channel(rgb: Image) -> tuple[Image, bool]:
    """The grey image to read (dark ink on light paper) and whether the page
    is in colour.  In colour the red channel: red seal ink is as light as
    the paper there."""
    r = rgb[:, :, 0].astype(np.int16)
    g = rgb[:, :, 1].astype(np.int16)
    b = rgb[:, :, 2].astype(np.int16)
    chroma = np.abs(r - g) + np.abs(r - b)
    colour = bool((chroma > _RED_MARGIN).mean() > 0.0005)
    if colour:
        return np.ascontiguousarray(rgb[:, :, 0]), True
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), False


def red_mask(rgb: Image) -> Image:
    """Pixels of red ink (a seal, a red 版头): uint8, 255 where red."""
    r = rgb[:, :, 0].astype(np.int16)
    g = rgb[:, :, 1].astype(np.int16)
    b = rgb[:, :, 2].astype(np.int16)
    return (((r - g) > _RED_MARGIN) & ((r - b) > _RED_MARGIN)).astype(np.uint8) * 255


def red_boxes(mask: Image, px_per_pt: float) -> list[PixelBox]:
    """Boxes of the red blobs at least `_SEAL_MIN_PT` across: seals."""
    size = max(3, round(4 * px_per_pt))
    joined = cv2.dilate(mask, np.ones((size, size), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(joined)
    least = _SEAL_MIN_PT * px_per_pt
    out = []
    for k in range(1, n):
        x, y, w, h, _ = (int(v) for v in stats[k])
        if w >= least and h >= least:
            out.append((x, y, x + w, y + h))
    return out


# A page with less than this share of dark pixels holds no text to read
# (a blank or uniformly tinted page; a line of text is well over it).
_BLANK_SHARE = 0.0005


def blank(gray: Image) -> bool:
    """No ink on the page: no pixel darker than mid-grey, or almost none."""
    return bool((gray < 128).mean() < _BLANK_SHARE)


def binarize(gray: Image) -> Image:
    """Ink as 255 on 0 (Otsu's threshold: scans differ in paper and ink)."""
    _, inv = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return inv


def _sharpness(ink: Image, angle: float) -> float:
    h, w = ink.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    turned = cv2.warpAffine(ink, m, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
    rows = turned.sum(axis=1, dtype=np.float64)
    return float(np.var(rows))


def skew_angle(gray: Image) -> float:
    """The angle (degrees, OpenCV's sense) that makes the rows of ink
    sharpest: coarse steps of 0.5° on a small copy, then 0.1° around the best."""
    ink = binarize(gray)
    h, w = ink.shape
    f = min(1.0, 800.0 / max(w, 1))
    small = cv2.resize(ink, (max(1, int(w * f)), max(1, int(h * f))), interpolation=cv2.INTER_AREA)
    coarse = [a / 2 for a in range(int(-2 * MAX_SKEW), int(2 * MAX_SKEW) + 1)]
    best = max(coarse, key=lambda a: _sharpness(small, a))
    fine = [best + a / 10 for a in range(-5, 6) if abs(best + a / 10) <= MAX_SKEW]
    return max(fine, key=lambda a: _sharpness(small, a))


def rotate(img: Image, angle: float) -> Image:
    """`img` turned by `angle` degrees about its centre, white filling the corners."""
    if abs(angle) < 0.05:
        return img
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    fill = (255, 255, 255) if img.ndim == 3 else 255
    return cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=fill)


def deskew(gray: Image) -> tuple[Image, float]:
    """`gray` turned straight, and the angle it was turned by."""
    angle = skew_angle(gray)
    return rotate(gray, angle), angle


def _runs(ink: Image, length: int, orientation: str) -> Image:
    shape = (length, 1) if orientation == "h" else (1, length)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, shape)
    return cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel)


def ruling_segments(gray: Image, text_boxes: list[PixelBox], px_per_pt: float) -> list[Segment]:
    """Straight horizontal and vertical runs of ink: a table's rules.
    `text_boxes` (the OCR's lines) are blanked first."""
    ink = binarize(gray)
    # Bridge a pixel or two lost to noise or JPEG along a rule.
    ink = cv2.dilate(ink, np.ones((2, 2), np.uint8))
    blanked = ink.copy()
    for x0, top, x1, bottom in text_boxes:
        inset = (bottom - top) // 6
        blanked[top + inset : bottom - inset, x0:x1] = 0
    out: list[Segment] = []
    for orientation, short, long_ in (("h", 18.0, 60.0), ("v", 9.0, 60.0)):
        lines = cv2.bitwise_or(
            _runs(blanked, int(short * px_per_pt), orientation),
            _runs(ink, int(long_ * px_per_pt), orientation),
        )
        n, _, stats, _ = cv2.connectedComponentsWithStats(lines)
        for k in range(1, n):
            x, y, w, h, _ = (int(v) for v in stats[k])
            if orientation == "h" and w >= 3 * h:
                mid = y + h / 2
                out.append(("h", float(x), mid, float(x + w), mid))
            elif orientation == "v" and h >= 3 * w:
                mid = x + w / 2
                out.append(("v", mid, float(y), mid, float(y + h)))
    return out

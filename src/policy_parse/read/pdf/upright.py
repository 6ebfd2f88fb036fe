"""A page with /Rotate turned upright before it is read.

A viewer shows a page turned by its /Rotate (90, 180 or 270 degrees
clockwise); PDFium's text and object coordinates are the unturned page's.
Windows' "Print to PDF" and many scanners write a landscape 分工表 as a
portrait page drawn sideways and turned by /Rotate 90: read unturned, every
character of the table stands on its side and no row is found.  pdfminer
(the pdfplumber engine) turns such pages itself; here PDFium's page objects
are turned by the same matrix (`FPDFPageObj_Transform`, in memory only)
and the page's boxes and rotation set to what a viewer shows, so both
engines see one page.
"""

from __future__ import annotations

from .library import Page, lib

__all__ = ["turn_upright"]


def _turn(rotation: int, x0: float, y0: float, w: float, h: float) -> tuple[float, ...]:
    """The matrix (a, b, c, d, e, f) taking the unturned page, origin at its
    media box's corner, to the page as shown (y up, as PDF's user space)."""
    if rotation == 90:  # (x, y) → (y, w − x)
        return (0.0, -1.0, 1.0, 0.0, -y0, w + x0)
    if rotation == 180:  # (x, y) → (w − x, h − y)
        return (-1.0, 0.0, 0.0, -1.0, w + x0, h + y0)
    # 270: (x, y) → (h − y, x)
    return (0.0, 1.0, -1.0, 0.0, h + y0, -x0)


def turn_upright(page: Page) -> None:
    """Turn `page` as its /Rotate says, in place."""
    rotation = page.rotation() % 360
    if rotation not in (90, 180, 270):
        return
    x0, y0, x1, y1 = page.mediabox()
    w, h = x1 - x0, y1 - y0
    a, b, c, d, e, f = _turn(rotation, x0, y0, w, h)
    # Each top-level object is turned (a form's contents follow its own
    # matrix): FPDFPage_TransFormWithClip would only write a `cm` into the
    # content stream, unseen until the page is parsed again.
    for k in range(lib.FPDFPage_CountObjects(page.raw)):
        lib.FPDFPageObj_Transform(lib.FPDFPage_GetObject(page.raw, k), a, b, c, d, e, f)

    def shown(px: float, py: float) -> tuple[float, float]:
        return a * px + c * py + e, b * px + d * py + f

    cx0, cy0, cx1, cy1 = page.cropbox()
    corners = [shown(cx0, cy0), shown(cx1, cy1)]
    crop = (
        min(p[0] for p in corners),
        min(p[1] for p in corners),
        max(p[0] for p in corners),
        max(p[1] for p in corners),
    )
    sw, sh = (h, w) if rotation in (90, 270) else (w, h)
    lib.FPDFPage_SetMediaBox(page.raw, 0.0, 0.0, sw, sh)
    lib.FPDFPage_SetCropBox(page.raw, *crop)
    lib.FPDFPage_SetRotation(page.raw, 0)

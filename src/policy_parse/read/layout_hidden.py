"""Text in the page model that no reader of the printed page can see: it
goes to residue with a reason instead of becoming measures (issue 13;
docs/pdf.md, "Page furniture").

Decided on the page model only (positions and sizes), so every engine hides
the same characters.  Not handled here: white-on-white text, text covered
by a filled rectangle, and render mode 3 — the last is also how OCR'd scans
carry their (wanted) text layer, so it must not be dropped blindly.
"""

from __future__ import annotations

from .page_model import Char, PageModel

__all__ = ["OUTSIDE_PAGE", "TOO_SMALL", "split_hidden"]

# Under 1 pt (0.35 mm) a glyph is a speck, not type (body text is 10–16 pt,
# footnotes rarely under 6 pt).
_MIN_SIZE = 1.0

OUTSIDE_PAGE = "hidden text: drawn outside the page"
TOO_SMALL = "hidden text: type under 1 pt, too small to read"


def split_hidden(page: PageModel) -> list[Char]:
    """The page's visible characters; the hidden ones are appended to
    `page.hidden` with their reason."""
    w, h = page.width, page.height
    visible: list[Char] = []
    for c in page.chars:
        mx = (c.x0 + c.x1) / 2
        my = (c.top + c.bottom) / 2
        if not (0 <= mx <= w and 0 <= my <= h):
            page.hidden.append((c, OUTSIDE_PAGE))
        elif c.size < _MIN_SIZE and c.text.strip():
            page.hidden.append((c, TOO_SMALL))
        else:
            visible.append(c)
    return visible

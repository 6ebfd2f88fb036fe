"""Text in the page model that no reader of the printed page can see: it
goes to residue with a reason instead of becoming measures, so text planted
where no one sees it (white on white, under a box, off the page) cannot add
measures or departments to the record (docs/pdf.md, "Page furniture";
docs/security.md, "Hidden text in PDFs").

Decided on the page model only — positions, sizes, colours as facts, the
order things were painted in — so every engine hides the same characters.
A character is hidden for the first of these that holds (`REASONS`):

* its centre lies outside the page (media box), or outside a smaller crop
  box;
* it is set under 1 pt;
* it is in render mode 3 or 7 (nothing painted) — *unless* its centre lies
  on an image that fills most of the page: that is an OCR'd scan, whose
  invisible text layer is the wanted text (the scan shows it);
* an opaque filled rectangle painted after it covers the middle half of its
  box (any colour: a white box hides as well as a black one; a translucent
  one, `ca` under 0.95, hides nothing).  Rules and
  strike-through bars are too thin for that, and filled curves (a seal
  drawn as paths) or images painted over text (a stamp) do not hide it:
  their box is not their shape, nor is an image opaque;
* it is white (or ink-free CMYK) with nothing but the white page behind it:
  no filled shape or image that is not white was painted before it under
  its centre.  White type on a dark header cell or banner stays text.

Blank characters are hidden only for where they lie.

Not read: clipping paths, blend modes, soft masks, and text in the same
colour as a non-white box behind it.
"""

from __future__ import annotations

from . import compiled
from .page_model import Box, Char, PageModel, Paint, PaintKind

__all__ = [
    "COVERED",
    "INVISIBLE",
    "OUTSIDE_CROP",
    "OUTSIDE_PAGE",
    "REASONS",
    "TOO_SMALL",
    "WHITE_ON_WHITE",
    "split_hidden",
]

# Under 1 pt (0.35 mm) a glyph is a speck, not type (body text is 10–16 pt,
# footnotes rarely under 6 pt).
_MIN_SIZE = 1.0
# A scan's page image fills the page; a chart or photo in a notice does not.
_SCAN_SHARE = 0.8
# A fill this opaque hides what is under it; a translucent overlay (a
# tinted box over a paragraph, a highlight) does not.
_OPAQUE = 0.95
# Render modes that paint neither fill nor stroke (3; 7 adds to the clip).
_INVISIBLE_MODES = frozenset({3, 7})

OUTSIDE_PAGE = "hidden text: drawn outside the page"
OUTSIDE_CROP = "hidden text: outside the crop box"
TOO_SMALL = "hidden text: type under 1 pt, too small to read"
INVISIBLE = "hidden text: invisible (render mode 3)"
COVERED = "hidden text: covered by a filled shape"
WHITE_ON_WHITE = "hidden text: white on white"
REASONS = (OUTSIDE_PAGE, OUTSIDE_CROP, TOO_SMALL, INVISIBLE, COVERED, WHITE_ON_WHITE)
"""Every reason this module gives, in the order they are tested."""


def _contains(box: Box, x: float, y: float) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _covers_middle(box: Box, c: Char) -> bool:
    """`box` covers the middle half of the character's box both ways: a
    box over the glyph, not a rule through it."""
    qw = (c.x1 - c.x0) / 4
    qh = (c.bottom - c.top) / 4
    return (
        box[0] <= c.x0 + qw
        and c.x1 - qw <= box[2]
        and box[1] <= c.top + qh
        and c.bottom - qh <= box[3]
    )


def _covers(page: PageModel) -> list[Paint]:
    """The filled rectangles that could cover the middle of some character:
    table borders drawn as thin filled rectangles (Word) are left out before
    the per-character test, which is then short."""
    rects = [p for p in page.paints if p.kind is PaintKind.RECT and p.alpha >= _OPAQUE]
    typed = [c for c in page.chars if c.size >= _MIN_SIZE] if rects else []
    if not typed:
        return []
    # A box narrower or lower than half the smallest character covers no
    # character's middle half.
    least_w = min(c.x1 - c.x0 for c in typed) / 2
    least_h = min(c.bottom - c.top for c in typed) / 2
    return [p for p in rects if p.box[2] - p.box[0] >= least_w and p.box[3] - p.box[1] >= least_h]


def _scans(page: PageModel) -> list[Box]:
    """Images filling most of the page (or its crop box): scanned pages."""
    x0, top, x1, bottom = page.crop or (0.0, 0.0, page.width, page.height)
    area = max(x1 - x0, 0.0) * max(bottom - top, 0.0)
    out = []
    for p in page.paints:
        if p.kind is not PaintKind.IMAGE:
            continue
        w = min(p.box[2], x1) - max(p.box[0], x0)
        h = min(p.box[3], bottom) - max(p.box[1], top)
        if w > 0 and h > 0 and w * h >= _SCAN_SHARE * area:
            out.append(p.box)
    return out


def split_hidden(page: PageModel) -> list[Char]:
    """The page's visible characters; the hidden ones are appended to
    `page.hidden` with their reason.  A blank character is hidden only for
    where it lies: the rest of the rules are about ink.  The common case (on
    the page, in the crop box, at 1 pt or more, filled, not white, no cover
    on the page) is decided at once, in C where it is built
    (`compiled.PASSES.visible`); every other character by `_reason`."""
    w, h, crop = page.width, page.height, page.crop
    covers = _covers(page)
    scans = _scans(page)
    hidden = page.hidden

    def reason(c: Char) -> str | None:
        return _reason(c, page, covers, scans)

    if compiled.PASSES is not None and not covers:  # with covers, every character is tested
        shown: list[Char] = compiled.PASSES.visible(
            page.chars, w, h, crop, bool(covers), reason, hidden
        )
        return shown
    visible: list[Char] = []
    for c in page.chars:
        mx = (c.x0 + c.x1) / 2
        my = (c.top + c.bottom) / 2
        if (
            0 <= mx <= w
            and 0 <= my <= h
            and (crop is None or _contains(crop, mx, my))
            and not (c.size < _MIN_SIZE or c.render or covers or c.white)
        ):
            visible.append(c)  # the common case, decided without the rules
            continue
        why = reason(c)
        if why is None:
            visible.append(c)
        else:
            hidden.append((c, why))
    return visible


def _reason(c: Char, page: PageModel, covers: list[Paint], scans: list[Box]) -> str | None:
    """Why the character is hidden (the first of `REASONS` that holds), or
    None: it is visible."""
    w, h, crop = page.width, page.height, page.crop
    mx = (c.x0 + c.x1) / 2
    my = (c.top + c.bottom) / 2
    if not (0 <= mx <= w and 0 <= my <= h):
        return OUTSIDE_PAGE
    if crop is not None and not _contains(crop, mx, my):
        return OUTSIDE_CROP
    if not (c.size < _MIN_SIZE or c.render or covers or c.white) or not c.text.strip():
        return None
    if c.size < _MIN_SIZE:
        return TOO_SMALL
    if c.render in _INVISIBLE_MODES and not any(_contains(b, mx, my) for b in scans):
        return INVISIBLE
    if any(p.order > c.order and _covers_middle(p.box, c) for p in covers):
        return COVERED
    if c.white and not _on_paint(page.paints, c, mx, my):
        return WHITE_ON_WHITE
    return None


def _on_paint(paints: list[Paint], c: Char, mx: float, my: float) -> bool:
    """Something that shows was painted under the character's centre before
    it: white type on it is read (a dark header cell, a banner, a photo)."""
    return any(p.order < c.order and not p.white and _contains(p.box, mx, my) for p in paints)

"""Page furniture: page-number headers/footers and 续表 markers taken out of
the body, hidden text set aside — all as residue with a reason, never
dropped (docs/pdf.md, "Page furniture")."""

from __future__ import annotations

from ..._support.lazy_regex import lazy_compile
from ...models import Residue, Span
from .lines import Line
from .tables import Layout

__all__ = ["split_furniture"]

_PAGE_NUMBER = lazy_compile(
    r"""(?x)  # verbose
    ^\s*(?:
        [-—–－]?\s*\d{1,4}\s*[-—–－]?                 # 3   - 3 -   —3—
      | 第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?   # 第3页  第3页 共9页
      | \d{1,4}\s*/\s*\d{1,4}                        # 3/9
      | (?i:page)\s*\d{1,4}(?:\s*(?i:of)\s*\d{1,4})?  # Page 3 of 9
    )\s*$
    """
)

# 续表 / 续表1 / （续表） / 续上表: the table above goes on.
_CONTINUED = lazy_compile(r"^\s*[（(]?\s*续(?:上)?表\s*\d*\s*[）)]?\s*[:：]?\s*$")


def split_furniture(lay: Layout) -> tuple[list[Line], list[Residue], bool]:
    """Take page-number footers/headers and 续表 markers out of the body lines.
    Returns the remaining lines, the residue and whether a 续表 marker was seen."""
    residue: list[Residue] = []
    lines = lay.lines
    continued = False
    keep: list[Line] = []
    for ln in lines:
        if _PAGE_NUMBER.match(ln.text):
            above = [o.bottom for o in lines if o is not ln] + [g.bbox[3] for g in lay.grids]
            below = [o.top for o in lines if o is not ln] + [g.bbox[1] for g in lay.grids]
            if all(ln.bottom <= t + 0.1 for t in below) or all(ln.top >= b - 0.1 for b in above):
                residue.append(
                    Residue(
                        text=ln.text,
                        reason="page number (header/footer)",
                        span=Span(page=ln.page, bbox=ln.bbox),
                    )
                )
                continue
        if _CONTINUED.match(ln.text):
            continued = True
            residue.append(
                Residue(
                    text=ln.text,
                    reason="table continuation marker (续表)",
                    span=Span(page=ln.page, bbox=ln.bbox),
                )
            )
            continue
        keep.append(ln)
    for s in lay.stray:
        residue.append(
            Residue(
                text=s.text,
                reason="text inside a table frame but outside its cells",
                span=Span(page=s.page, bbox=s.bbox),
            )
        )
    for ln, reason in lay.hidden:
        residue.append(Residue(text=ln.text, reason=reason, span=Span(page=ln.page, bbox=ln.bbox)))
    return keep, residue, continued

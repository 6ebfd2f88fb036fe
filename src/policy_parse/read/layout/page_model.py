"""The page model every PDF engine produces (STYLE.md, "Many readers, one
page model").

An engine (`read.pdf.pdfium`, `read.pdf.plumber`, `read.ofd`) turns one page into a
`PageModel`: the characters it draws with their boxes and type size, the
*visible* ruling lines as horizontal/vertical `Edge`s, and what else was
painted (`Paint`: filled shapes and images, in content order) and the crop
box — the facts `layout.hidden` needs to tell text a reader sees from text
hidden under a box, in white or in render mode 3.  Everything else —
lines, paragraphs, tables, stitching, furniture, hidden text — is computed
from this model by the `layout_*` modules, so two engines that see the same
page give the same records.

Coordinates are points with the origin at the page's top-left corner, `top`
growing downwards (pdfplumber's convention, kept for `Span.bbox`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Protocol

__all__ = [
    "Box",
    "Char",
    "Edge",
    "Engine",
    "OcrFacts",
    "PageModel",
    "Paint",
    "PaintKind",
    "is_white",
]

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(slots=True)
class Char:
    """One drawn character.  `top`/`bottom` span an em box standing on the
    baseline (`bottom` is the baseline, `top` one type size above): the same
    whatever the engine and whatever descent the font's metrics claim
    (PDFium measures it from the font program, pdfminer trusts the font
    descriptor, and LibreOffice writes 0 there).

    The last three are facts for `layout.hidden`, not decisions: `white`,
    the colour it is painted in (fill, or stroke for outline-only modes)
    does not show on paper; `render`, the text render mode (`Tr`; 3 and 7
    paint nothing); `order`, where its drawing stands in the page's content
    among `PageModel.paints` (an engine may give every character the first
    text's order where no filled rectangle follows any text)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    white: bool = False
    render: int = 0
    order: int = 0


@dataclass(slots=True, frozen=True)
class Edge:
    """A visible ruling segment: `orientation` "h" (top == bottom) or "v"
    (x0 == x1)."""

    orientation: str
    x0: float
    top: float
    x1: float
    bottom: float


class PaintKind(str, Enum):
    RECT = "rect"  # a filled axis-aligned rectangle (`re f`): may cover text
    SHAPE = "shape"  # another filled path (a curve, a seal): its box only
    IMAGE = "image"  # an image XObject or inline image


@dataclass(slots=True, frozen=True)
class Paint:
    """Something painted that is not text: a filled path or an image, with
    its bounding box, its place in the content (`order`, comparable with
    `Char.order` on the same page), whether its fill colour shows, and its
    fill opacity (the graphics state's `ca`, 0–1)."""

    kind: PaintKind
    order: int
    box: Box
    white: bool = False
    alpha: float = 1.0


@dataclass(slots=True)
class OcrFacts:
    """What OCR knows of a page and a PDF does not (read.ocr): who read it,
    the lines it kept but doubted (text, confidence, box), the red seals
    it set aside (their boxes) and the lines whose full-width commas it took
    for misread ASCII ones (the line as kept, box; ocr.chars)."""

    engine: str
    doubts: list[tuple[str, float, Box]] = field(default_factory=list)
    seals: list[Box] = field(default_factory=list)
    guesses: list[tuple[str, Box]] = field(default_factory=list)


@dataclass(slots=True)
class PageModel:
    number: int  # 1-based
    width: float
    height: float
    chars: list[Char]
    edges: list[Edge]
    # Text the engine saw but a reader cannot (hidden), with the reason.
    hidden: list[tuple[Char, str]] = field(default_factory=list)
    # What the engine complained about while reading this page (damage).
    damage: list[str] = field(default_factory=list)
    # Filled shapes and images, in content order.
    paints: list[Paint] = field(default_factory=list)
    # The crop box (what a viewer shows) where it is smaller than the page.
    crop: Box | None = None
    # Set when the page was read from its image by OCR (read.ocr).
    ocr: OcrFacts | None = None


class Engine(Protocol):
    """What `read/pdf/reader.py` needs from an engine: the page count (checked
    against `Limits.max_pages` before any page is read), damage reported
    while opening the file, and the pages.  Engines raise only
    `PolicyParseError`s (or MemoryError, which the worker reports)."""

    damage: list[str]

    def page_count(self) -> int: ...

    def pages(self, part: int = 0, parts: int = 1) -> Iterator[PageModel]:
        """The pages whose 0-based index is `part` modulo `parts`, in order
        (every page by default): how parallel workers share a file."""
        ...

    def close(self) -> None: ...


def subpaths_to_edges(subpaths: Iterable[Sequence[tuple[float, float]]]) -> list[Edge]:
    """The axis-aligned segments of drawn subpaths, as ruling-line edges:
    what every engine (PDFium paths, OFD AbbreviatedData) reduces a path to."""
    edges: list[Edge] = []
    for pts in subpaths:
        for (ax, ay), (bx, by) in itertools.pairwise(pts):
            if abs(ax - bx) < 1e-3 and ay != by:
                edges.append(Edge("v", ax, min(ay, by), ax, max(ay, by)))
            elif abs(ay - by) < 1e-3 and ax != bx:
                edges.append(Edge("h", min(ax, bx), ay, max(ax, bx), ay))
    return edges


def is_white(color: object) -> bool:
    """A colour that does not show on paper: white gray/RGB (0–1), or CMYK
    with no ink.  None and patterns count as visible (the PDF default is
    black)."""
    if isinstance(color, (int, float)):
        color = (color,)
    if not isinstance(color, (tuple, list)) or not color:
        return False
    if not all(isinstance(v, (int, float)) for v in color):
        return False
    if len(color) == 4:
        return all(v <= 0.05 for v in color)
    return all(v >= 0.95 for v in color)

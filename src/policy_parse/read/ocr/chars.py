"""OCR lines → the page model's characters (`layout.page_model.Char`).

An OCR line is a box and a string; the layout code needs characters with
boxes.  The line's characters are laid out from its left edge at one em
each (half an em for ASCII), so that:

* **one em per page**: a body line's em is the page's (the median over its
  lines), not its own box width over its character count.  OCR boxes end
  where the ink ends, give or take half an em, and paragraph joining asks
  whether a line reaches the right margin; lines of the same type size set
  the same number of characters to the same width, so their ends agree.  A
  line whose own em is far from the page's (a title in a larger size) keeps
  its own.
* **line starts snapped to the margin**: a line starting within
  `_SNAP` em of the left margin (or of one or two em of indent past it)
  starts exactly there, as typeset text does; a line in a table cell, at
  the page's cell padding from the cell's left rule, so that the layout
  code measures one padding and tells a wrapped cell line from a break.
  A cell line the page's em would carry over the cell's right rule is set
  to its own box instead: a character never leaves the cell it was read in.
* **ASCII punctuation between Chinese characters made full-width**: the
  recogniser often reads （ as (, ： as :, and the later stages read
  full-width punctuation in Chinese text.  Not the comma: the recogniser
  reads `,` and `，` apart, and a notice may have typed either.
* **the page's comma**: the recogniser misreads the comma one way only,
  a typed `,` as `，` now and then (never the reverse, on the samples).  So
  on a page whose commas after a Chinese character read ASCII
  `_ASCII_PAGE` times as often as full-width (and at least that many), the
  few full-width ones are taken for misread ASCII commas and made ASCII;
  each line changed is said in the output (`guesses`).  A page typed with
  full-width commas keeps the ASCII ones it has: those were typed so.

Some lines are set aside instead (`hidden`, each with its reason, so they
reach the residue, never silently dropped): a line the recogniser itself
doubts below `LOW_CONFIDENCE`, a tall vertical box (seal text read around
a ring, a margin note), and a line drawn in red seal ink.  A line kept with
a confidence below `DOUBT` is kept, and reported as a doubt.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..._support.numeric import median
from ..layout.page_model import Box, Char

__all__ = [
    "DOUBT",
    "LOW_CONFIDENCE",
    "OcrLine",
    "Placed",
    "ascii_commas",
    "full_width",
    "place_lines",
    "types_ascii_commas",
]

LOW_CONFIDENCE = 0.6  # below: residue ("OCR low confidence")
DOUBT = 0.9  # below: kept, and said in the output (a doubt)
_SNAP = 0.6  # em: how far an OCR line start wanders from where it was typeset
_OWN_EM = 0.18  # a line whose em differs by more than this share keeps its own
_VERTICAL = 1.5  # a box this many times taller than wide, of 2+ characters: vertical text
_ASCII_PAGE = 3  # ASCII commas this many times the full-width ones: the page types ASCII

LOW_REASON = "OCR low confidence"
VERTICAL_REASON = "vertical text in a scan (a seal or a margin note?)"
SEAL_REASON = "seal"

# The comma is not here: the recogniser tells `,` from `，` (a full-width
# comma sits mid-em with space after it), and a notice may type either.
_FULL = {"(": "（", ")": "）", ":": "：", ";": "；", "!": "！", "?": "？"}


@dataclass(slots=True, frozen=True)
class OcrLine:
    """One line as the recogniser gives it, in points on the page:
    `red` is the share of its ink that is red (seal ink)."""

    text: str
    box: Box
    score: float
    red: float = 0.0


@dataclass(slots=True)
class Placed:
    chars: list[Char]
    hidden: list[tuple[Char, str]]
    doubts: list[tuple[str, float, Box]]  # kept lines read with a low confidence
    em: float
    guesses: list[tuple[str, Box]] = field(default_factory=list)  # lines whose ， became ,


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def _units(text: str) -> list[float]:
    return [1.0 if _wide(ch) else 0.5 for ch in text]


def _years_bracketed(text: str) -> str:
    """[2020] next to a Chinese character → 〔2020〕: a 文号's year is set in
    〔〕 (GB/T 9704), which the recogniser reads as ASCII brackets."""
    out = list(text)
    for i in range(len(text) - 5):
        if text[i] == "[" and text[i + 5] == "]" and text[i + 1 : i + 5].isdigit():
            near = (text[i - 1] if i > 0 else "") + (text[i + 6] if i + 6 < len(text) else "")
            if any(_wide(ch) for ch in near):
                out[i], out[i + 5] = "〔", "〕"
    return "".join(out)


def full_width(text: str) -> str:
    """ASCII ( ) : ; ! ? next to a Chinese character → the full-width form,
    and a bracketed year beside one → 〔year〕."""
    text = _years_bracketed(text)
    out = list(text)
    for i, ch in enumerate(text):
        if ch not in _FULL:
            continue
        before = out[i - 1] if i > 0 else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if (before and _wide(before)) or (after and _wide(after)):
            out[i] = _FULL[ch]
    return "".join(out)


def _commas(text: str) -> list[int]:
    """Where `text` has a comma (either width) after a Chinese character and
    before another or the line's end (a line wrapped after its comma)."""
    return [
        i
        for i in range(1, len(text))
        if text[i] in ",，" and _hanzi(text[i - 1]) and (i + 1 == len(text) or _hanzi(text[i + 1]))
    ]


def _hanzi(ch: str) -> bool:
    return _wide(ch) and unicodedata.category(ch) == "Lo"


def types_ascii_commas(texts: Sequence[str]) -> bool:
    """Whether a page's commas between Chinese characters read ASCII
    `_ASCII_PAGE` times as often as full-width, and at least that often."""
    ascii_n = full_n = 0
    for text in texts:
        for i in _commas(text):
            if text[i] == ",":
                ascii_n += 1
            else:
                full_n += 1
    return ascii_n >= _ASCII_PAGE and ascii_n >= _ASCII_PAGE * full_n


def ascii_commas(text: str) -> str:
    """Each ， after a Chinese character (`_commas`) made `,`."""
    out = list(text)
    for i in _commas(text):
        out[i] = ","
    return "".join(out)


def _chars(text: str, x0: float, em: float, top: float, bottom: float) -> list[Char]:
    mid = (top + bottom) / 2
    out, x = [], x0
    for ch, unit in zip(text, _units(text), strict=True):
        w = unit * em
        if not ch.isspace():
            out.append(Char(ch, x, x + w, mid - em / 2, mid + em / 2, em))
        x += w
    return out


def _margin(starts: Sequence[float], em: float) -> float | None:
    """The left margin: the leftmost start shared (within `_SNAP` em) by
    at least three lines."""
    ordered = sorted(starts)
    for i, x in enumerate(ordered):
        if sum(1 for y in ordered[i:] if y - x <= _SNAP * em) >= 3:
            return x
    return None


def _cell_of(box: Box, cells: Sequence[Box]) -> Box | None:
    mx, my = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return next((c for c in cells if c[0] <= mx <= c[2] and c[1] <= my <= c[3]), None)


def _cell_padding(lines: Sequence[OcrLine], cells: Sequence[Box], em: float) -> float | None:
    """The page's cell padding: the median distance from a cell's left rule
    to the start of its left-aligned lines (those starting within an em of
    it; a centred 序号 starts further in)."""
    gaps = []
    for ln in lines:
        cell = _cell_of(ln.box, cells)
        if cell is not None and 0 <= ln.box[0] - cell[0] <= em:
            gaps.append(ln.box[0] - cell[0])
    return median(gaps) if gaps else None


def place_lines(lines: Sequence[OcrLine], cells: Sequence[Box] = ()) -> Placed:
    """The characters of a page's OCR lines (module docstring); `cells`,
    the boxes of the table cells found in the image: a line in a cell is
    snapped to the cell's padding, not to the page margin."""
    kept: list[OcrLine] = []
    hidden: list[tuple[Char, str]] = []
    for ln in lines:
        x0, top, x1, bottom = ln.box
        text = ln.text.strip()
        if not text:
            continue
        own = (x1 - x0) / max(0.5, sum(_units(text)))
        reason = None
        if len(text) >= 2 and (bottom - top) > _VERTICAL * (x1 - x0):
            reason = VERTICAL_REASON
        elif ln.red > 0.8:
            reason = SEAL_REASON
        elif ln.score < LOW_CONFIDENCE:
            reason = LOW_REASON
        if reason is None:
            kept.append(ln)
            continue
        if reason == VERTICAL_REASON:
            step = (bottom - top) / len(text)
            cs = [
                Char(ch, x0, x1, top + k * step, top + (k + 1) * step, step)
                for k, ch in enumerate(text)
                if not ch.isspace()
            ]
        else:
            cs = _chars(text, x0, own, top, bottom)
        hidden.extend((c, reason) for c in cs)
    ems = [
        (ln.box[2] - ln.box[0]) / sum(_units(t))
        for ln in kept
        if sum(_units(t := ln.text.strip())) >= 4
    ]
    page_em = median(ems) if ems else 12.0
    in_cell = {id(ln): _cell_of(ln.box, cells) for ln in kept} if cells else {}
    starts = [
        ln.box[0]
        for ln in kept
        if sum(_units(ln.text.strip())) >= 10 and in_cell.get(id(ln)) is None
    ]
    margin = _margin(starts, page_em)
    pad = _cell_padding(kept, cells, page_em) if cells else None
    chars: list[Char] = []
    doubts: list[tuple[str, float, Box]] = []
    guesses: list[tuple[str, Box]] = []
    texts = [full_width(ln.text.strip()) for ln in kept]
    ascii_page = types_ascii_commas(texts)
    for ln, text in zip(kept, texts, strict=True):
        if ascii_page and (narrow := ascii_commas(text)) != text:
            text = narrow
            guesses.append((text, ln.box))
        x0, top, x1, bottom = ln.box
        units = sum(_units(text))
        own = (x1 - x0) / max(0.5, units)
        # A line of two or three characters may be letter-spaced (方　面):
        # too short to measure its own size.
        em = own if units >= 4 and abs(own - page_em) > _OWN_EM * page_em else page_em
        cell = in_cell.get(id(ln))
        if cell is not None:
            if pad is not None and abs(x0 - cell[0] - pad) <= _SNAP * page_em:
                x0 = cell[0] + pad
            if x0 + units * em > cell[2] >= x1 > x0:
                # The page's em would carry the line's last characters over
                # the cell's right rule (its glyphs set narrower, a narrow
                # ASCII comma): text read inside a cell ends where its ink does.
                em = (x1 - x0) / units
        elif margin is not None and em == page_em:
            for indent in (0.0, 1.0, 2.0):
                at = margin + indent * em
                if abs(x0 - at) <= _SNAP * em:
                    x0 = at
                    break
        chars.extend(_chars(text, x0, em, top, bottom))
        if ln.score < DOUBT:
            doubts.append((text, ln.score, ln.box))
    return Placed(chars=chars, hidden=hidden, doubts=doubts, em=page_em, guesses=guesses)

"""The lines of a page without ruling lines, as layout.borderless reads
them: characters clustered by vertical middle, each line cut into chunks at
wide gaps, and the white channels between its ink (split from
layout/borderless.py, which finds the grid in them).

Runs in the page workers: no attrs, no models, no `regex`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice
from operator import attrgetter

from . import compiled
from .labels import norm
from .page_model import Char

__all__ = [
    "MIN_CHANNEL",
    "TextLine",
    "add_ink",
    "chunk_spans",
    "ink_spans",
    "text_lines",
    "white",
]

# Ink closer than this (in type sizes) is one chunk of a line; a header's
# labels and a row's cells stand further apart.
_CHUNK_GAP = 0.6
# The narrowest white channel between two columns, in points.
MIN_CHANNEL = 1.0


_X0 = attrgetter("x0")
_TOP = attrgetter("top")


@dataclass(slots=True)
class TextLine:
    """Characters sharing a vertical middle, cut into chunks at wide gaps."""

    top: float
    bottom: float
    size: float
    chunks: list[tuple[float, float, str]]  # x0, x1, text (no spaces)
    chars: list[Char]  # in x order
    # Computed when first asked (most lines are only tried as a header).
    _glyphs: list[tuple[float, str]] | None = None
    _ink: list[tuple[float, float]] | None = None

    @property
    def glyphs(self) -> list[tuple[float, str]]:
        """Each character's centre and text."""
        if self._glyphs is None:
            self._glyphs = [((c.x0 + c.x1) / 2, c.text) for c in self.chars]
        return self._glyphs

    @property
    def ink(self) -> list[tuple[float, float]]:
        """The characters' boxes, merged across gaps narrower than a channel."""
        if self._ink is None:
            self._ink = _glyph_ink(self.chars)
        return self._ink

    def column_text(self, bounds: Sequence[float], col: int) -> str:
        """The characters whose centre lies in column `col` (a 序号 set
        right against the task, closer than a chunk gap, stands apart)."""
        return "".join(t for x, t in self.glyphs if bisect_left(bounds, x) == col)


def text_lines(chars: Sequence[Char]) -> list[TextLine]:
    """Inked characters clustered by vertical middle (as `lines.group_lines`),
    each line cut into chunks where the gap passes `_CHUNK_GAP` of the next
    character's size.  Runs on every page without a ruled table: clustered
    and cut in C where it is built (`compiled.PASSES.group` and `.chunks`,
    the same lines), else written out, no function called per character
    where a comprehension does."""
    inked = [c for c in chars if not c.text.isspace()]
    passes = compiled.PASSES
    grouped = passes.group(inked) if passes is not None else None
    cut = passes.chunks(grouped, _CHUNK_GAP) if grouped is not None else None
    if grouped is not None and cut is not None:
        out = [
            TextLine(
                top=top,
                bottom=bottom,
                size=size,
                chunks=[(x0, x1, norm(text)) for x0, x1, text in pieces],
                chars=g,
            )
            for (g, _, top, bottom, _), (pieces, size) in zip(grouped, cut, strict=True)
        ]
    else:
        out = [_text_line(g) for g in _clusters(inked)]
    out.sort(key=_TOP)
    return out


def _text_line(g: list[Char]) -> TextLine:
    """One line of `text_lines`, in Python."""
    chunks: list[tuple[float, float, str]] = []
    x0, x1, parts = g[0].x0, g[0].x1, [g[0].text]
    for c in islice(g, 1, None):
        if c.x0 - x1 > _CHUNK_GAP * c.size:
            chunks.append((x0, x1, norm("".join(parts))))
            x0, x1, parts = c.x0, c.x1, [c.text]
        else:
            x1 = max(x1, c.x1)
            parts.append(c.text)
    chunks.append((x0, x1, norm("".join(parts))))
    sizes = sorted([c.size for c in g])
    return TextLine(
        top=min([c.top for c in g]),
        bottom=max([c.bottom for c in g]),
        size=sizes[len(sizes) // 2],
        chunks=chunks,
        chars=g,
    )


def _clusters(inked: list[Char]) -> list[list[Char]]:
    """The characters clustered by vertical middle, each line sorted by x0:
    `lines.group_lines`' clustering, in C where it is built
    (`compiled.PASSES.group`, the same groups)."""
    if compiled.PASSES is not None:
        grouped = compiled.PASSES.group(inked)
        if grouped is not None:
            return [g for g, *_ in grouped]
    keyed = sorted(
        zip(
            [(c.top + c.bottom) / 2 for c in inked],
            [c.x0 for c in inked],
            range(len(inked)),
            inked,
            strict=True,
        )
    )
    groups: list[list[Char]] = []
    group: list[Char] = []
    mid = 0.0
    for m, _, _, c in keyed:
        if group and abs(m - mid) <= 0.5 * (max(1.0, c.size)):
            group.append(c)
            mid += (m - mid) / len(group)
        else:
            group = [c]
            groups.append(group)
            mid = m
    for g in groups:
        g.sort(key=_X0)
    return groups


def add_ink(ink: list[tuple[float, float]], spans: Sequence[tuple[float, float]]) -> None:
    """Merge `spans` into the sorted, disjoint intervals `ink` (in place)."""
    for a, b in spans:
        ink.append((a, b))
    ink.sort()
    merged: list[tuple[float, float]] = []
    for a, b in ink:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    ink[:] = merged


def white(ink: Sequence[tuple[float, float]], lo: float, hi: float) -> list[tuple[float, float]]:
    """The white intervals of [lo, hi] at least `MIN_CHANNEL` wide."""
    out = []
    x = lo
    for a, b in ink:
        if b <= x:
            continue
        if a >= hi:
            break
        if a - x >= MIN_CHANNEL:
            out.append((x, a))
        x = max(x, b)
    if hi - x >= MIN_CHANNEL:
        out.append((x, hi))
    return out


def _glyph_ink(chars: list[Char]) -> list[tuple[float, float]]:
    """The x-extent of a line's ink (characters in x order): boxes merged
    where the gap is narrower than a channel.  Finer than the chunks: a
    number set right against its neighbour column (Excel right-aligns
    numbers) still leaves its channel."""
    out = [(chars[0].x0, chars[0].x1)]
    for c in islice(chars, 1, None):
        a, b = out[-1]
        if c.x0 - b < MIN_CHANNEL:
            out[-1] = (a, max(b, c.x1))
        else:
            out.append((c.x0, c.x1))
    return out


def ink_spans(line: TextLine) -> list[tuple[float, float]]:
    return line.ink


def chunk_spans(line: TextLine) -> list[tuple[float, float]]:
    """Coarser than `ink_spans`: on a page without a header nothing says where
    columns are, so a narrow gap inside one (2025 | 年) must not pass for a
    channel."""
    return [(a, b) for a, b, _ in line.chunks]

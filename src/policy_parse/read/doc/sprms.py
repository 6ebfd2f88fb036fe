"""Property modifiers (sprms) and the FKP pages that hold them ([MS-DOC]
2.6 and 2.9.x: Sprm, PlcBtePapx/PlcBteChpx, PapxFkp/ChpxFkp).

A paragraph's or a run's properties are a list of sprms (an opcode, then
an operand whose size the opcode says), found by file offset through a
bin table of 512-byte FKP pages.  The reader keeps only the few sprms that
decide what text a reader sees and how paragraphs group into table cells,
rows and lists (`tables`, `lists`, `wordml`); the rest are skipped by size.
"""

from __future__ import annotations

import bisect
import struct
from collections.abc import Iterator

from ...errors import CorruptFileError

__all__ = ["Runs", "bin_table", "sprms"]

_PAGE = 512
# Operand size by the sprm's spra field (bits 13–15); 6 is variable.
_SIZES = (1, 1, 2, 4, 2, 2, -1, 3)
_TDEF_TABLE = 0xD608  # its variable operand has a 2-byte size
_PCHG_TABS = 0xC615  # a 1-byte size of 255 means a longer, computed one
_HUGE_PAPX = 0x6646  # the paragraph's grpprl is in the Data stream


def sprms(grpprl: bytes) -> Iterator[tuple[int, bytes]]:
    """(opcode, operand) of each sprm in `grpprl`; a truncated last one ends it."""
    for op, start, end, _ in _spans(grpprl):
        yield op, grpprl[start:end]


def _spans(grpprl: bytes) -> Iterator[tuple[int, int, int, int]]:
    """(opcode, operand start, operand end, sprm start) of each sprm."""
    at, end = 0, len(grpprl)
    while at + 2 <= end:
        first = at
        op = grpprl[at] | grpprl[at + 1] << 8
        at += 2
        size = _SIZES[op >> 13]
        if size < 0:
            if op == _TDEF_TABLE:
                if at + 2 > end:
                    return
                size = (grpprl[at] | grpprl[at + 1] << 8) - 1
                at += 2
            elif op == _PCHG_TABS and at < end and grpprl[at] == 255:
                size = _tabs_size(grpprl, at + 1)
                at += 1
            else:
                if at >= end:
                    return
                size = grpprl[at]
                at += 1
        if size < 0 or at + size > end:
            return
        yield op, at, at + size, first
        at += size


def _tabs_size(grpprl: bytes, at: int) -> int:
    """sprmPChgTabs with cb 255: a deletion list of cTabs × 4 bytes, then an
    addition list of cTabs × 3 ([MS-DOC] 2.6.2 PChgTabsOperand)."""
    if at >= len(grpprl):
        return -1
    deleted = grpprl[at]
    after = at + 1 + 4 * deleted
    if after >= len(grpprl):
        return -1
    return 1 + 4 * deleted + 1 + 3 * grpprl[after]


def bin_table(table: bytes, where: tuple[int, int], word_size: int) -> list[int]:
    """The FKP page numbers of a PlcBteChpx / PlcBtePapx, in FC order."""
    fc, lcb = where
    if lcb < 4 or fc + lcb > len(table) or (lcb - 4) % 8:
        raise CorruptFileError("Word bin table lies outside the table stream or is misshapen")
    n = (lcb - 4) // 8
    pages = [v & 0x3FFFFF for v in struct.unpack_from(f"<{n}I", table, fc + 4 * (n + 1))]
    if any((pn + 1) * _PAGE > word_size for pn in pages):
        raise CorruptFileError("Word bin table names a page past the end of the document stream")
    return pages


class Runs:
    """The property runs of an FKP bin table: FC boundaries and, for each
    run, its grpprl (for paragraphs, the style index apart, in `styles`)."""

    def __init__(self, word: bytes, pages: list[int], *, paragraphs: bool) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.props: list[bytes] = []
        self.styles: list[int] = []  # a paragraph run's style (istd); 0 for characters
        for pn in dict.fromkeys(pages):  # a page named twice is read once
            page = word[pn * _PAGE : (pn + 1) * _PAGE]
            crun = page[_PAGE - 1]
            width = 13 if paragraphs else 1  # BxPap (offset + PHE) / a byte offset
            if 4 * (crun + 1) + width * crun > _PAGE - 1:
                raise CorruptFileError("Word FKP page claims more runs than it can hold")
            fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
            base = 4 * (crun + 1)
            for i in range(crun):
                off = page[base + width * i] * 2
                self.starts.append(fcs[i])
                self.ends.append(fcs[i + 1])
                istd, grpprl = _papx(page, off) if paragraphs else (0, _chpx(page, off))
                self.props.append(grpprl)
                self.styles.append(istd)
        order = sorted(range(len(self.starts)), key=self.starts.__getitem__)
        self.starts = [self.starts[i] for i in order]
        self.ends = [self.ends[i] for i in order]
        self.props = [self.props[i] for i in order]
        self.styles = [self.styles[i] for i in order]

    def with_huge(self, data: bytes) -> None:
        """Replace each sprmPHugePapx by the grpprl it points at in the Data
        stream (a table row's definition is often too large for an FKP)."""
        for i, grpprl in enumerate(self.props):
            if b"\x46\x66" not in grpprl:
                continue
            kept = bytearray()
            for op, start, end, first in _spans(grpprl):
                if op == _HUGE_PAPX and end - start == 4:
                    at = struct.unpack_from("<I", grpprl, start)[0]
                    if at + 2 <= len(data):
                        size = struct.unpack_from("<H", data, at)[0]
                        kept += data[at + 2 : at + 2 + size]
                else:
                    kept += grpprl[first:end]
            self.props[i] = bytes(kept)

    def at(self, fc: int) -> bytes:
        """The grpprl in force at file offset `fc` (empty: none)."""
        return self.style_and_props(fc)[1]

    def style_and_props(self, fc: int) -> tuple[int, bytes]:
        """The style (istd) and grpprl in force at file offset `fc`."""
        i = bisect.bisect_right(self.starts, fc) - 1
        if i >= 0 and fc < self.ends[i]:
            return self.styles[i], self.props[i]
        return 0, b""

    def ends_at(self, fc: int) -> bool:
        """Whether a run ends at file offset `fc`."""
        i = bisect.bisect_left(self.ends, fc)
        return i < len(self.ends) and self.ends[i] == fc

    def boundaries(self, start: int, end: int) -> Iterator[tuple[int, int, bytes]]:
        """(from, to, grpprl) covering FCs [start, end), in order."""
        at = start
        i = max(bisect.bisect_right(self.starts, start) - 1, 0)
        while at < end:
            while i < len(self.starts) and self.ends[i] <= at:
                i += 1
            if i >= len(self.starts) or self.starts[i] >= end:
                yield at, end, b""
                return
            if self.starts[i] > at:
                yield at, self.starts[i], b""
                at = self.starts[i]
            stop = min(self.ends[i], end)
            yield at, stop, self.props[i]
            at = stop


def _papx(page: bytes, off: int) -> tuple[int, bytes]:
    if off == 0:
        return 0, b""
    cb = page[off]
    if cb == 0:
        size, at = 2 * page[off + 1], off + 2
    else:
        size, at = 2 * cb - 1, off + 1
    if size < 2 or at + 2 > len(page):
        return 0, b""
    return page[at] | page[at + 1] << 8, bytes(page[at + 2 : at + size])


def _chpx(page: bytes, off: int) -> bytes:
    if off == 0:
        return b""
    return bytes(page[off + 1 : off + 1 + page[off]])

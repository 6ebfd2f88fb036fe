"""The piece table ([MS-DOC] 2.9.38 Clx, 2.4.1): where each stretch of the
text sits in the WordDocument stream, and how it is stored.

A Word 97 document's text is a sequence of character positions (CPs);
the piece table maps runs of CPs onto file offsets (FCs), each piece
either "compressed" (one byte a character, Windows-1252) or UTF-16LE.
Properties are looked up by FC, so a piece keeps its FC base.
"""

from __future__ import annotations

import struct

import attrs

from ...errors import CorruptFileError

__all__ = ["Piece", "decode_compressed", "read_pieces"]

_PRC, _PCDT = 0x01, 0x02
_PCD_SIZE = 8


@attrs.frozen
class Piece:
    """CPs [start, end) stored from byte `fc` of the WordDocument stream."""

    start: int
    end: int
    fc: int
    compressed: bool

    @property
    def width(self) -> int:
        """Bytes a character."""
        return 1 if self.compressed else 2

    def fc_of(self, cp: int) -> int:
        """The file offset of the character at `cp` (inside this piece)."""
        return self.fc + (cp - self.start) * (1 if self.compressed else 2)


def read_pieces(table: bytes, clx: tuple[int, int], word_size: int) -> list[Piece]:
    """The pieces of the Clx at (fc, lcb) in the table stream, in CP order."""
    fc, lcb = clx
    if lcb == 0 or fc + lcb > len(table):
        raise CorruptFileError("Word piece table (Clx) lies outside the table stream")
    at, end = fc, fc + lcb
    while at < end and table[at] == _PRC:  # property modifiers: skipped (prm not applied)
        if at + 3 > end:
            raise CorruptFileError("Word piece table (Clx) is truncated")
        at += 3 + struct.unpack_from("<H", table, at + 1)[0]
    if at + 5 > end or table[at] != _PCDT:
        raise CorruptFileError("Word piece table (Clx) holds no piece descriptors")
    size = struct.unpack_from("<I", table, at + 1)[0]
    at += 5
    if size < 4 or at + size > end or (size - 4) % (4 + _PCD_SIZE):
        raise CorruptFileError("Word piece table (PlcPcd) has an impossible size")
    n = (size - 4) // (4 + _PCD_SIZE)
    cps = struct.unpack_from(f"<{n + 1}i", table, at)
    pcds = at + 4 * (n + 1)
    pieces: list[Piece] = []
    for i in range(n):
        start, stop = cps[i], cps[i + 1]
        if start < 0 or stop < start or (pieces and start != pieces[-1].end):
            raise CorruptFileError("Word piece table's character positions are out of order")
        raw = struct.unpack_from("<I", table, pcds + i * _PCD_SIZE + 2)[0]
        compressed = bool(raw & 0x40000000)
        base = raw & 0x3FFFFFFF
        if compressed:
            base //= 2
        width = 1 if compressed else 2
        if base + (stop - start) * width > word_size:
            raise CorruptFileError("Word piece table points past the end of the document stream")
        pieces.append(Piece(start, stop, base, compressed))
    return pieces


# Bytes 0x80–0x9F of a compressed piece that Windows-1252 leaves undefined
# read as the C1 control of the same value ([MS-DOC] 2.4.1 maps them so).
def decode_compressed(data: bytes) -> str:
    """A compressed piece's text: Windows-1252, undefined bytes as C1."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return "".join(
            bytes((b,)).decode("cp1252", "strict") if b not in _UNDEFINED else chr(b) for b in data
        )


_UNDEFINED = frozenset((0x81, 0x8D, 0x8F, 0x90, 0x9D))

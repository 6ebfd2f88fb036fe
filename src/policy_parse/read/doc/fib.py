"""The compound file and its File Information Block ([MS-DOC] 2.5).

olefile opens the container (a FAT file system in one file: its sectors,
chains and directory are where hostile bytes would loop or overrun, and
olefile checks them); this module reads the FIB at the start of the
WordDocument stream and picks the table stream it names.  What the native
reader cannot read faithfully is `NotNativeError`, which sends the file to
LibreOffice (read.dispatch) rather than failing it.
"""

from __future__ import annotations

import io
import struct
from typing import Any

import attrs

from ...errors import CorruptFileError, InputTooLargeError, LegacyFormatError
from ..limits import Limits

__all__ = ["Fib", "NotNativeError", "Streams", "open_streams"]

_WIDENT = 0xA5EC
# nFib of Word 97 and later (Word 97 writes 0xC1, its betas 0xC0); Word 6
# and 95 (101–105) keep a different FIB, and Word 2 is older still.
_FIRST_WORD97 = 0xC0
# Offsets in the FIB: FibBase, then the counts of 16- and 32-bit fields
# (csw, cslw) and the fc/lcb pairs (cbRgFcLcb), each after the last.
_FLAGS = 0x0A
_F_COMPLEX, _F_ENCRYPTED, _F_WHICH_TABLE, _F_OBFUSCATED = 0x0004, 0x0100, 0x0200, 0x8000
# FibRgFcLcb97: the index of each fc/lcb pair the reader needs.
_STSHF, _PLCF_BTE_CHPX, _PLCF_BTE_PAPX, _CLX = 1, 12, 13, 33
_PLC_SPA_MOM, _PLCF_TXBX_TXT, _PLF_LST, _PLF_LFO = 40, 56, 73, 74


class NotNativeError(LegacyFormatError):
    """A Word file the native reader does not read faithfully (Word 6/95,
    encrypted, obfuscated, fast-saved, no Word stream, a container olefile
    cannot open): LibreOffice reads it instead."""


@attrs.frozen
class Fib:
    """What the reader needs of the FIB: the main text's length and where
    its tables are in the table stream (fc, lcb pairs)."""

    ccp_text: int
    # The lengths of the stories after the main text, in their order:
    # footnotes, headers, macros, comments, endnotes, text boxes.
    stories: tuple[int, ...]
    styles: tuple[int, int]
    shapes: tuple[int, int]  # PlcSpaMom: the main text's shape anchors
    boxes: tuple[int, int]  # PlcftxbxTxt: the text box story's boxes
    chpx: tuple[int, int]
    papx: tuple[int, int]
    clx: tuple[int, int]
    lists: tuple[int, int]
    overrides: tuple[int, int]


@attrs.frozen
class Streams:
    """The streams a Word 97 document is read from."""

    word: bytes  # WordDocument: the FIB, text, and FKP pages
    table: bytes  # 0Table or 1Table: piece table, bin tables, lists
    data: bytes  # Data: paragraph properties too large for an FKP (sprmPHugePapx)
    fib: Fib


def open_streams(data: bytes, limits: Limits) -> Streams:
    """The WordDocument and table streams of a Word 97–2003 compound file."""
    import olefile

    if len(data) > limits.max_input_bytes:
        raise InputTooLargeError(
            f"input of {len(data)} bytes is over the {limits.max_input_bytes}-byte limit"
        )
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:  # olefile raises OSError, struct.error, IndexError, ...
        # A container olefile cannot open may still be one LibreOffice reads
        # (or says why it cannot): not this reader's to refuse.
        raise NotNativeError(f"compound file olefile cannot open: {_why(exc)}") from exc
    try:
        if not ole.exists("WordDocument"):
            raise NotNativeError("compound file without a WordDocument stream")
        word = _stream(ole, "WordDocument", limits)
        fib = _fib(word)
        flags = struct.unpack_from("<H", word, _FLAGS)[0]
        if flags & (_F_ENCRYPTED | _F_OBFUSCATED):
            raise NotNativeError("encrypted or obfuscated Word document")
        if flags & _F_COMPLEX:
            raise NotNativeError("fast-saved Word document (fComplex)")
        name = "1Table" if flags & _F_WHICH_TABLE else "0Table"
        if not ole.exists(name):
            raise CorruptFileError(f"Word document without its table stream ({name})")
        table = _stream(ole, name, limits)
        extra = _stream(ole, "Data", limits) if ole.exists("Data") else b""
    except (LegacyFormatError, CorruptFileError, InputTooLargeError):
        raise
    except Exception as exc:
        raise CorruptFileError(f"not a readable Word compound file ({_why(exc)})") from exc
    finally:
        ole.close()
    return Streams(word=word, table=table, data=extra, fib=fib)


def _stream(ole: Any, name: str, limits: Limits) -> bytes:
    size = ole.get_size(name)
    if size > limits.max_input_bytes:
        raise InputTooLargeError(
            f"Word stream {name} claims {size} bytes, over the "
            f"{limits.max_input_bytes}-byte input limit"
        )
    with ole.openstream(name) as stream:
        return bytes(stream.read())


def _fib(word: bytes) -> Fib:
    if len(word) < 0x22 or struct.unpack_from("<H", word, 0)[0] != _WIDENT:
        raise CorruptFileError("Word stream does not start with a File Information Block")
    nfib = struct.unpack_from("<H", word, 2)[0]
    if nfib < _FIRST_WORD97:
        raise NotNativeError(f"Word 6/95 or older document (nFib {nfib:#x})")
    at = 32
    csw = _u16(word, at)
    at += 2 + 2 * csw
    cslw = _u16(word, at)
    lw = at + 2
    at = lw + 4 * cslw
    pairs = _u16(word, at)
    at += 2
    if cslw < 10 or pairs <= _PLF_LFO or at + 8 * pairs > len(word):
        raise CorruptFileError("Word File Information Block is truncated")

    def pair(i: int) -> tuple[int, int]:
        fc, lcb = struct.unpack_from("<II", word, at + 8 * i)
        return fc, lcb

    # ccpText, ccpFtn, ccpHdd, ccpMcr, ccpAtn, ccpEdn, ccpTxbx
    counts = struct.unpack_from("<7i", word, lw + 12)
    if any(n < 0 for n in counts):
        raise CorruptFileError("Word File Information Block gives a negative text length")
    return Fib(
        ccp_text=counts[0],
        stories=tuple(counts[1:]),
        styles=pair(_STSHF),
        shapes=pair(_PLC_SPA_MOM),
        boxes=pair(_PLCF_TXBX_TXT),
        chpx=pair(_PLCF_BTE_CHPX),
        papx=pair(_PLCF_BTE_PAPX),
        clx=pair(_CLX),
        lists=pair(_PLF_LST),
        overrides=pair(_PLF_LFO),
    )


def _u16(data: bytes, at: int) -> int:
    if at + 2 > len(data):
        raise CorruptFileError("Word File Information Block is truncated")
    return int(struct.unpack_from("<H", data, at)[0])


def _why(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text[:120]}" if text else type(exc).__name__

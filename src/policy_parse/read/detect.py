"""Format by content (magic bytes), with the file name's suffix only a hint."""

from __future__ import annotations

from ..errors import EncryptedDocumentError, LegacyFormatError, UnsupportedFormatError
from ..models import Format

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: .doc/.wps/.xls
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_PDF = b"%PDF-"
# A password-protected .docx is not a zip but a Compound File holding an
# "EncryptedPackage" stream (MS-OFFCRYPTO); directory names are UTF-16LE.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def detect_format(data: bytes, path: str | None = None) -> Format:
    head = data[:1024]
    if head.startswith(_OLE):
        if _ENCRYPTED_PACKAGE in data:
            raise EncryptedDocumentError(
                "password-protected Office document: open it in Word, remove the "
                "password and save it as .docx"
            )
        raise LegacyFormatError("legacy .doc/.wps (OLE compound file): convert it to .docx first")
    if head.startswith(_ZIP):
        return Format.DOCX
    if _PDF in head:
        return Format.PDF
    if _looks_like_text(data):
        return Format.TXT
    raise UnsupportedFormatError("not a text, .docx or .pdf file (unrecognised binary content)")


def _looks_like_text(data: bytes) -> bool:
    """Text has (almost) no control bytes other than whitespace; UTF-16 with a
    BOM is text too although half its bytes are zero."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = data[:65536]
    if not sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(sample) < 0.01

"""Format by content (magic bytes), with the file name's suffix only a hint.

A portal saves a web page as ``notice.doc`` and a clerk renames an RTF to
``.doc``: the name says little, so only the bytes decide (docs/formats.md,
"Formats by content").
"""

from __future__ import annotations

import io

from .._support.lazy_regex import lazy_compile_bytes
from ..errors import EncryptedDocumentError, UnsupportedFormatError
from ..models import Format
from .magic import HEAD, OLE, RTF, ZIP, looks_like_pdf

# A password-protected .docx is not a zip but a Compound File holding an
# "EncryptedPackage" stream (MS-OFFCRYPTO); directory names are UTF-16LE.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
# Stream names in a Compound File's directory: Word and Kingsoft WPS write a
# "WordDocument" stream, Excel a "Workbook" (BIFF8) or "Book" (BIFF5) stream.
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_EXCEL_STREAMS = tuple(s.encode("utf-16-le") for s in ("Workbook\x00", "Book\x00"))
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# Markup that opens an HTML page (after a BOM, blanks and comments): a doctype,
# or one of the elements a saved page starts with.  Case-insensitive, since
# portals write <HTML> as often as <html>.
_HTML_START = lazy_compile_bytes(
    rb"""(?ixs)                     # ignore case, verbose, . matches newlines
    \A(?:\s|<!--.*?-->)*           # blanks and comments before the markup
    <(?:!doctype\s+html|html|head|body|meta|title   # a whole page
       |div|p|table|center|font|span|style|link|script|h[1-6])\b  # a saved fragment
    """
)


def detect_format(data: bytes, path: str | None = None) -> Format:
    head = data[:HEAD]
    if head.startswith(OLE):
        return _ole_format(data)
    if head.startswith(ZIP):
        return _zip_format(data)
    if looks_like_pdf(head):
        return Format.PDF
    if _strip_bom(head).lstrip().startswith(RTF):
        return Format.RTF
    if _looks_like_html(data):
        return Format.HTML
    if _looks_like_text(data):
        return Format.TXT
    raise UnsupportedFormatError(
        "not a text, .docx or .pdf file, nor a web page, .doc/.wps/.rtf or .xlsx/.xls "
        "(unrecognised binary content)"
    )


def _ole_format(data: bytes) -> Format:
    if _ENCRYPTED_PACKAGE in data:
        raise EncryptedDocumentError(
            "password-protected Office document: open it in Word, remove the "
            "password and save it as .docx"
        )
    if any(s in data for s in _EXCEL_STREAMS) and _WORD_STREAM not in data:
        return Format.XLS
    # A Word or WPS file, or a Compound File of another kind: LibreOffice
    # decides and says so if it cannot read it.
    return Format.DOC


def _zip_format(data: bytes) -> Format:
    """DOCX, XLSX or OFD by the archive's member names (by the names its
    local headers carry when the zip is too damaged to list)."""
    import zipfile  # only archives need it: kept out of `import policy_parse`

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, OverflowError, NotImplementedError):
        return _damaged_zip_format(data)
    if "word/document.xml" in names:
        return Format.DOCX
    if "xl/workbook.xml" in names or any(n.startswith("xl/worksheets/") for n in names):
        return Format.XLSX
    if "OFD.xml" in names:
        return Format.OFD
    return Format.DOCX  # the docx check names what the archive is instead


def _damaged_zip_format(data: bytes) -> Format:
    """A zip whose directory cannot be read (cut off, damaged): the names in
    the local headers at its start still say what it is, so that the right
    reader reports the damage in its own words."""
    head = data[:65536]
    if b"OFD.xml" in head or b"Doc_0/" in head:
        return Format.OFD
    if b"xl/" in head and b"word/" not in head:
        return Format.XLSX
    return Format.DOCX


def _strip_bom(data: bytes) -> bytes:
    for bom in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :]
    return data


# A page saved as one file (MHTML: IE's .mht, Word's "single file web page",
# often served as .doc): a MIME message whose root part is the HTML.
_MHTML = lazy_compile_bytes(rb"(?i)\A(?:[\w-]+:[^\n]*\n)*?content-type:\s*multipart/related")


def _looks_like_html(data: bytes) -> bool:
    head = data[:4096]
    if _MHTML.match(head.replace(b"\r\n", b"\n")):
        return True
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16"
        try:
            head = head.decode(codec, "ignore").encode("ascii", "ignore")
        except UnicodeError:
            return False
    return _HTML_START.match(_strip_bom(head)) is not None


def _looks_like_text(data: bytes) -> bool:
    """Text has (almost) no control bytes other than whitespace; UTF-16 with a
    BOM is text too although half its bytes are zero."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = data[:65536]
    if not sample:
        return True
    controls = len(sample.translate(None, _NOT_CONTROL))
    return controls / len(sample) < 0.01


# Every byte but the control bytes text does not use: deleting these from a
# sample leaves the controls to count (bytes.translate runs in C).
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 32 and b not in (9, 10, 12, 13, 27)))

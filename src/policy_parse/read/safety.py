"""Guards applied to untrusted Office files before any parser sees them.

Two entry points (docs/security.md explains the threat model):

`check_zip` runs before python-docx opens a .docx.  python-docx reads every
zip member whole into memory, so a zip bomb must be refused first.  The check
trusts nothing the archive says about itself: it refuses on the *declared*
sizes (cheap, catches the classic bomb at once) and then inflates every member
itself in bounded chunks, counting real bytes, so an entry whose header lies
about its size is stopped as soon as it overruns.  While the bytes stream past
it also refuses any member carrying a DTD (``<!DOCTYPE``): Word never writes
one (OPC, ECMA-376 part 2, forbids DTDs in package parts), and a DTD is how
external-entity and entity-expansion attacks start.

`parse_xml` is the one XML parser for the parts policy_parse reads itself
(numbering.xml, text boxes, ...): no entity resolution, no DTD loading, no
network, no huge trees, and a DTD refused outright.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from lxml import etree

from ..errors import CorruptFileError, InputTooLargeError, UnsupportedFormatError
from .limits import Limits

# What a damaged zip-of-XML package (.docx, .xlsx) makes the standard library
# and lxml raise; readers translate these into CorruptFileError.
PACKAGE_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    KeyError,
    ValueError,
    TypeError,
    AttributeError,
    IndexError,
    EOFError,
    OSError,
    etree.LxmlError,
)

__all__ = ["UnsafeXmlError", "check_zip", "parse_xml"]

_CHUNK = 65536
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # zip local file header, 30 bytes
_LOCAL_MAGIC = b"PK\x03\x04"
# The compression ratio is judged only on entries at least this large: tiny
# parts of repeated markup (an empty settings.xml) legitimately compress well
# beyond any sane ratio, and cost nothing however they expand.
_RATIO_FLOOR = 1024 * 1024
# How far a member may inflate past its declared size before it counts as a
# crafted bomb rather than plain damage (a flipped bit in a deflate stream can
# make it run on a little; it is then reported as corrupt, not too large).
_LIE_SLACK = 1024 * 1024
# A DTD, in every encoding an XML parser auto-detects.  "<!ENTITY" can only
# occur inside a DTD but is listed too so the error can say which it was.
_DTD_MARKERS = tuple(
    (marker.encode(codec), marker)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)
_DTD_OVERLAP = max(len(m) for m, _ in _DTD_MARKERS) - 1


class UnsafeXmlError(CorruptFileError):
    """XML carrying a DTD (entity declarations): refused, never expanded."""


# ---------------------------------------------------------------------------
# zip


# What each kind of package is called in messages, and who writes it.
_PACKAGES = {
    "word": (".docx", "Word"),
    "excel": (".xlsx", "Excel"),
    "ofd": (".ofd", "an OFD writer"),
}


def check_zip(data: bytes, limits: Limits, *, expect: str = "word") -> None:
    """Refuse a .docx that is no zip, no Word document, a zip bomb, or carries
    a DTD; return None when python-docx may safely open `data`.  With
    ``expect="excel"`` (or ``"ofd"``) the same checks vet an .xlsx for
    openpyxl (an .ofd for read/ofd.py), and the messages name that format."""
    ext, app = _PACKAGES[expect]
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise CorruptFileError(
            f"not a readable {ext} (damaged or truncated zip: {exc}); "
            f"re-save it from {app} or re-download it"
        ) from exc
    except (OSError, EOFError, ValueError, OverflowError) as exc:
        raise CorruptFileError(f"not a readable {ext} (damaged zip: {exc})") from exc
    except NotImplementedError as exc:  # "zip file version 9.9": a feature zipfile lacks
        raise CorruptFileError(
            f"not a readable {ext}: its zip asks for a feature no {app} file uses ({exc})"
        ) from exc
    with zf:
        infos = zf.infolist()
        _check_declared(infos, data, limits, ext, app)
        if expect == "excel":
            _check_is_excel(infos)
        elif expect == "ofd":
            _check_is_ofd(infos)
        else:
            _check_is_word(infos)
        _check_real(infos, data, limits, ext, app)


def _check_declared(
    infos: list[zipfile.ZipInfo], data: bytes, limits: Limits, ext: str, app: str
) -> None:
    """Refuse on what the central directory declares, before inflating anything:
    too many, too large, encrypted, oddly compressed or duplicate entries."""
    if len(infos) > limits.max_zip_entries:
        raise InputTooLargeError(
            f"{ext} has {len(infos)} zip entries, over the limit of {limits.max_zip_entries} "
            "(Limits.max_zip_entries)"
        )
    seen: set[str] = set()
    total = 0
    for info in infos:
        # OPC part names compare case-insensitively (ECMA-376 part 2, 9.1.1.1).
        key = info.filename.lower()
        if key in seen:
            # zipfile (and so python-docx) silently takes the last copy; Word
            # may take another: which text is the notice is ambiguous.
            raise CorruptFileError(
                f"{ext} has two zip entries named {info.filename!r}; refused as ambiguous "
                f"(a tampered or badly repaired file): re-save it from {app}"
            )
        seen.add(key)
        if info.flag_bits & 0x1:
            raise CorruptFileError(
                f"{ext} member {info.filename!r} is zip-encrypted, which {app} never writes"
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            # OPC allows only stored and deflated members.
            raise CorruptFileError(
                f"{ext} member {info.filename!r} uses zip compression method "
                f"{info.compress_type}, which {app} never uses"
            )
        total += info.file_size
        if total > limits.max_unzipped_bytes:
            raise InputTooLargeError(
                f"{ext} declares over {limits.max_unzipped_bytes} bytes uncompressed "
                "(a zip bomb?); raise Limits.max_unzipped_bytes if the file is genuine"
            )
        if info.file_size >= _RATIO_FLOOR:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_zip_ratio:
                raise InputTooLargeError(
                    f"{ext} member {info.filename!r} declares a compression ratio of "
                    f"{ratio:.0f}:1, over the limit of {limits.max_zip_ratio:.0f}:1 "
                    "(a zip bomb?); raise Limits.max_zip_ratio if the file is genuine"
                )


def _check_is_word(infos: list[zipfile.ZipInfo]) -> None:
    names = {info.filename for info in infos}
    if "word/document.xml" in names:
        return
    if any(n.startswith("xl/") for n in names):
        raise UnsupportedFormatError(
            "an Excel workbook, not a Word document: save the notice as .docx, .pdf or .txt"
        )
    if any(n.startswith("ppt/") for n in names):
        raise UnsupportedFormatError(
            "a PowerPoint file, not a Word document: save the notice as .docx, .pdf or .txt"
        )
    if "mimetype" in names and "content.xml" in names:
        raise UnsupportedFormatError(
            "an OpenDocument file (.odt), not a Word document: convert it to .docx first"
        )
    if "[Content_Types].xml" in names:
        raise CorruptFileError(
            "not a Word document: the Office package has no word/document.xml (damaged file?)"
        )
    raise UnsupportedFormatError("a zip archive, not a Word document (.docx)")


def _check_is_excel(infos: list[zipfile.ZipInfo]) -> None:
    if "xl/workbook.xml" not in {info.filename for info in infos}:
        raise CorruptFileError(
            "not an Excel workbook: the package has no xl/workbook.xml (damaged file?)"
        )


def _check_is_ofd(infos: list[zipfile.ZipInfo]) -> None:
    if "OFD.xml" not in {info.filename for info in infos}:
        raise CorruptFileError("not an OFD package: the zip has no OFD.xml (damaged file?)")


def _check_real(
    infos: list[zipfile.ZipInfo], data: bytes, limits: Limits, ext: str, app: str
) -> None:
    """Inflate every member in bounded chunks, counting real bytes."""
    budget = limits.max_unzipped_bytes
    for info in infos:
        budget -= _inflate_member(info, data, budget, ext, app)


def _inflate_member(info: zipfile.ZipInfo, data: bytes, budget: int, ext: str, app: str) -> int:
    """Return the member's real size; raise as soon as it overruns its declared
    size or the remaining budget, or when its bytes are damaged."""
    name = info.filename
    start = _member_data_offset(info, data, ext)
    end = start + info.compress_size
    if end > len(data):
        raise CorruptFileError(f"{ext} member {name!r} is truncated (damaged or cut-off file)")
    size = 0
    crc = 0
    tail = b""

    def take(chunk: bytes) -> None:
        nonlocal size, crc, tail
        size += len(chunk)
        if size > info.file_size + _LIE_SLACK:
            # The header lies: zipfile (and so python-docx) would silently
            # truncate at the declared size; we refuse, the entry is crafted.
            raise InputTooLargeError(
                f"{ext} member {name!r} inflates beyond the {info.file_size} bytes its "
                "header declares (a crafted zip bomb?)"
            )
        if size > budget:
            raise InputTooLargeError(
                f"{ext} inflates to over the uncompressed limit (a zip bomb?); "
                "raise Limits.max_unzipped_bytes if the file is genuine"
            )
        crc = zlib.crc32(chunk, crc)
        window = tail + chunk
        for marker, text in _DTD_MARKERS:
            if marker in window:
                raise UnsafeXmlError(
                    f"{ext} member {name!r} declares a DTD ({text}), "
                    f"which {app} never writes; refused as unsafe (XML entity attack?)"
                )
        tail = window[-_DTD_OVERLAP:]

    if info.compress_type == zipfile.ZIP_STORED:
        for pos in range(start, end, _CHUNK):
            take(data[pos : min(pos + _CHUNK, end)])
    else:
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        # Feed the compressed bytes *to the end of the file*, not just the
        # declared compressed size: a lying compressed size must not hide
        # the rest of the deflate stream.
        pos = start
        pending = b""
        try:
            while not inflater.eof:
                if not pending:
                    if pos >= len(data):
                        raise CorruptFileError(
                            f"{ext} member {name!r} is truncated (damaged or cut-off file)"
                        )
                    pending = data[pos : pos + _CHUNK]
                    pos += len(pending)
                out = inflater.decompress(pending, _CHUNK)
                pending = inflater.unconsumed_tail
                if out:
                    take(out)
        except zlib.error as exc:
            raise CorruptFileError(
                f"{ext} member {name!r} is damaged (bad deflate data: {exc})"
            ) from exc
    if size != info.file_size or crc != info.CRC:
        raise CorruptFileError(
            f"{ext} member {name!r} is damaged (size or CRC does not match its header)"
        )
    return size


def _member_data_offset(info: zipfile.ZipInfo, data: bytes, ext: str) -> int:
    off = info.header_offset
    header = data[off : off + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size or header[:4] != _LOCAL_MAGIC:
        raise CorruptFileError(
            f"{ext} member {info.filename!r} has no valid local header (damaged file)"
        )
    name_len, extra_len = struct.unpack_from("<2H", header, _LOCAL_HEADER.size - 4)
    return int(off + _LOCAL_HEADER.size + name_len + extra_len)


# ---------------------------------------------------------------------------
# XML


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,  # never substitute entities, internal or external
        load_dtd=False,  # never fetch a DTD
        no_network=True,  # never touch the network
        huge_tree=False,  # keep libxml2's depth/size safety limits
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(xml: bytes) -> etree._Element:
    """Parse an XML part policy_parse reads itself; refuse any DTD."""
    for marker, _ in _DTD_MARKERS:
        if marker in xml:
            raise UnsafeXmlError(
                "XML part declares a DTD, which no .docx, .xlsx or .ofd writer produces; "
                "refused as unsafe (XML entity attack?)"
            )
    try:
        return etree.fromstring(xml, _parser())
    except etree.XMLSyntaxError as exc:
        raise CorruptFileError(f"damaged XML in the document: {exc}") from exc

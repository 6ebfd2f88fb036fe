"""Builders for bad and hostile input files.  Everything is made here, in
memory or under pytest's tmp_path; nothing is downloaded."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_TXT = ROOT / "samples" / "notice.txt"

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.wordprocessingml.document.main+xml"/>'
    b"</Types>"
)
ROOT_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="word/document.xml"/>'
    b"</Relationships>"
)


def sample_text() -> str:
    return SAMPLE_TXT.read_text(encoding="utf-8")


def document_xml(body: str, doctype: str = "") -> bytes:
    """A minimal word/document.xml; `body` is raw WordprocessingML for <w:body>."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"{doctype}"
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    ).encode()


def paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def minimal_docx(doc_xml: bytes) -> bytes:
    """A three-part Word package around the given document.xml."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr("word/document.xml", doc_xml)
    return buf.getvalue()


def good_docx(texts: list[str]) -> bytes:
    """A genuine .docx written by python-docx."""
    import docx

    d = docx.Document()
    for t in texts:
        d.add_paragraph(t)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def xxe_docx(secret_file: Path) -> bytes:
    """document.xml whose DOCTYPE points an external entity at a local file."""
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret_file.resolve().as_uri()}">]>'
    return minimal_docx(document_xml(paragraph("附件&xxe;结束"), doctype))


def billion_laughs_xml(depth: int = 10, fanout: int = 10) -> bytes:
    ents = ['<!ENTITY l0 "lollollollollollollollollollol">']
    for i in range(1, depth):
        ents.append(f'<!ENTITY l{i} "{f"&l{i - 1};" * fanout}">')
    doctype = f"<!DOCTYPE w:document [{''.join(ents)}]>"
    return document_xml(paragraph(f"&l{depth - 1};"), doctype)


def entity_bomb_docx() -> bytes:
    return minimal_docx(billion_laughs_xml())


# ---------------------------------------------------------------------------
# Hand-written zips: zipfile cannot write a lying header or a precompressed
# member, so these are assembled byte by byte (APPNOTE.TXT 4.3.7 / 4.3.12).

_LOCAL = struct.Struct("<4s5H3L2H")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_END = struct.Struct("<4s4H2LH")


def raw_zip(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """entries: (name, deflated bytes, crc32, declared uncompressed size)."""
    out = io.BytesIO()
    central = []
    for name, comp, crc, size in entries:
        offset = out.tell()
        n = name.encode()
        out.write(_LOCAL.pack(b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(comp), size, len(n), 0))
        out.write(n)
        out.write(comp)
        central.append(
            _CENTRAL.pack(
                b"PK\x01\x02",
                20,
                20,
                0,
                8,
                0,
                0,
                crc,
                len(comp),
                size,
                len(n),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + n
        )
    cd_start = out.tell()
    for c in central:
        out.write(c)
    cd_size = out.tell() - cd_start
    out.write(_END.pack(b"PK\x05\x06", 0, 0, len(central), len(central), cd_size, cd_start, 0))
    return out.getvalue()


def _deflate(data: bytes) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return c.compress(data) + c.flush()


def zip_bomb(gigabytes: int = 1) -> bytes:
    """One member inflating to `gigabytes` GiB of zeros, about 1 MB on disk.

    Built by repeating one full-flushed deflate block of 1 MiB of zeros (a
    full flush resets the compressor, so every block encodes identically):
    no gigabyte is ever compressed, which keeps the fixture fast."""
    mib = bytes(1 << 20)
    c = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = c.compress(mib) + c.flush(zlib.Z_FULL_FLUSH)
    count = 1024 * gigabytes
    final = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS).flush()  # empty last block
    comp = block * count + final
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(mib, crc)
    return raw_zip(
        [
            (
                "[Content_Types].xml",
                _deflate(CONTENT_TYPES),
                zlib.crc32(CONTENT_TYPES),
                len(CONTENT_TYPES),
            ),
            ("_rels/.rels", _deflate(ROOT_RELS), zlib.crc32(ROOT_RELS), len(ROOT_RELS)),
            ("word/document.xml", comp, crc, count << 20),
        ]
    )


def lying_zip(real_size: int = 8 << 20, declared: int = 1000) -> bytes:
    """word/document.xml inflates to `real_size` bytes but both headers declare
    `declared`: the declared-size checks pass, only inflating tells."""
    real = bytes(real_size)
    doc = document_xml(paragraph("x"))
    return raw_zip(
        [
            (
                "[Content_Types].xml",
                _deflate(CONTENT_TYPES),
                zlib.crc32(CONTENT_TYPES),
                len(CONTENT_TYPES),
            ),
            ("word/document.xml", _deflate(doc + real), zlib.crc32(doc[:declared]), declared),
        ]
    )


def many_entries_zip(n: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("word/document.xml", document_xml(paragraph("x")))
        for i in range(n):
            zf.writestr(f"word/media/e{i}.bin", b"")
    return buf.getvalue()


def replace_member(docx: bytes, name: str, data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(docx))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, data if info.filename == name else src.read(info))
    return buf.getvalue()


def ole_file(body: bytes = b"") -> bytes:
    """The first sector of a Compound File (.doc/.wps/.xls), padded."""
    return OLE_MAGIC + bytes(504) + body + bytes(512)


# ---------------------------------------------------------------------------
# Small files that cost a lot after the zip check (issue 13)

_REL_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
_REL_ALT_CHUNK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def word_package(
    body: str,
    *,
    numbering: str | None = None,
    chunks: dict[str, tuple[str, bytes]] | None = None,
    styles: str | None = None,
    main_type: str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
) -> bytes:
    """A Word package around raw `body` XML, with an optional numbering.xml
    (raw <w:abstractNum>/<w:num> XML) and altChunk targets
    {relationship id: (content type, bytes)}, and an optional styles.xml (raw
    <w:docDefaults>/<w:style> XML)."""
    chunks = chunks or {}
    overrides = [("/word/document.xml", main_type)]
    rels = []
    if numbering is not None:
        overrides.append(
            (
                "/word/numbering.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
            )
        )
        rels.append(f'<Relationship Id="rIdNum" Type="{_REL_NUMBERING}" Target="numbering.xml"/>')
    if styles is not None:
        overrides.append(
            (
                "/word/styles.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
            )
        )
        rels.append(f'<Relationship Id="rIdSty" Type="{_REL_STYLES}" Target="styles.xml"/>')
    for rid, (ctype, _) in chunks.items():
        overrides.append((f"/word/{rid}.chunk", ctype))
        rels.append(f'<Relationship Id="{rid}" Type="{_REL_ALT_CHUNK}" Target="{rid}.chunk"/>')
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in overrides)
        + "</Types>"
    )
    doc = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{_R_NS}"><w:body>{body}</w:body></w:document>'
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", types)
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr("word/document.xml", doc)
        zf.writestr(
            "word/_rels/document.xml.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(rels)
            + "</Relationships>",
        )
        if numbering is not None:
            zf.writestr(
                "word/numbering.xml",
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:numbering xmlns:w="{W_NS}">{numbering}</w:numbering>',
            )
        if styles is not None:
            zf.writestr(
                "word/styles.xml",
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:styles xmlns:w="{W_NS}">{styles}</w:styles>',
            )
        for rid, (_, data) in chunks.items():
            zf.writestr(f"word/{rid}.chunk", data)
    return buf.getvalue()


def cell(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{paragraph(text)}</w:tc>"


def table(rows: list[str], columns: int, row_props: list[str] | None = None) -> str:
    """A w:tbl of `columns` grid columns; `rows` are the cells XML of each row."""
    grid = "".join('<w:gridCol w:w="1000"/>' for _ in range(columns))
    props = row_props or [""] * len(rows)
    trs = "".join(
        f"<w:tr><w:trPr>{p}</w:trPr>{cells}</w:tr>" for cells, p in zip(rows, props, strict=True)
    )
    return f"<w:tbl><w:tblGrid>{grid}</w:tblGrid>{trs}</w:tbl>"


def numbered(level: str, paragraphs: int = 3) -> bytes:
    """Paragraphs numbered by one list whose level 0 is `level` (the inside
    of <w:lvl w:ilvl="0">)."""
    numbering = (
        f'<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0">{level}</w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    )
    p = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        "<w:r><w:t>加强组织领导</w:t></w:r></w:p>"
    )
    return word_package(p * paragraphs, numbering=numbering)


def many_paragraphs_docx(n: int) -> bytes:
    """`n` short paragraphs of varied text, so that the package compresses
    like a real document (not refused by the zip ratio check)."""
    import random

    rng = random.Random(13)
    han = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    body = "".join(paragraph("".join(rng.choices(han, k=4))) for _ in range(n))
    return minimal_docx(document_xml(body))

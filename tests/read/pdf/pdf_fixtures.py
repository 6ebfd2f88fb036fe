"""A tiny PDF writer for reader tests: pages of positioned text and ruling lines.

No PDF library is needed (reportlab is not a dependency, LibreOffice is not on
CI): the bytes are written by hand, which also lets the tests build hostile
files that no library would write (truncated, flate bombs, cyclic page trees,
encrypted with the standard RC4 handler).

Coordinates are pdfplumber's: points, origin at the top-left corner, `top`
growing downwards.  Text uses one Type0 font with Identity-H encoding whose
glyph ids are the Unicode code points, a ToUnicode CMap saying so, every glyph
1 em wide except printable ASCII (half an em), so CJK and Latin text both
extract with predictable widths without embedding a font file.  Font F2 is
the same font without its ToUnicode map: an unreadable text layer.

For hidden-text tests a text has a fill colour and a render mode (`Tr`), a
page has filled rectangles painted before or after the texts (`Fill`, with
an ExtGState for opacity), a scan (the image scaled to the page, drawn
first) and a crop box.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from dataclasses import dataclass, field

__all__ = [
    "Fill",
    "Line",
    "Page",
    "Text",
    "build_pdf",
    "flate_bomb_stream",
    "ruled_table",
    "text_width",
    "without_spans",
]


@dataclass
class Text:
    x: float
    top: float
    text: str
    size: float = 10.0
    bold_twice: bool = False  # fake bold: the glyphs drawn twice, 0.25pt apart
    # Fill colour: 1 component gray (`g`), 3 RGB (`rg`), 4 CMYK (`k`); () black.
    color: tuple[float, ...] = ()
    render: int = 0  # text render mode (`Tr`): 3 draws nothing
    font: str = "F1"  # "F2": the same glyphs with no ToUnicode map (unreadable)


@dataclass
class Line:
    x0: float
    top0: float
    x1: float
    top1: float
    width: float = 0.5
    gray: float = 0.0  # stroke colour: 0 black, 1 white (an invisible rule)


@dataclass
class Fill:
    """A filled rectangle (`re f`), painted before the texts (a cell's
    shading) or after them (a box laid over the text)."""

    x0: float
    top: float
    x1: float
    bottom: float
    color: tuple[float, ...] = (1.0,)  # as Text.color; white by default
    over_text: bool = False
    alpha: float = 1.0  # fill opacity: under 1 through an ExtGState (`/GS… gs`, `ca`)


@dataclass
class Page:
    width: float = 595.0
    height: float = 842.0
    texts: list[Text] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    image: bool = False  # a small grey image XObject drawn over the page
    scan: bool = False  # the image scaled to the whole page, drawn first (a scan)
    fills: list[Fill] = field(default_factory=list)
    crop: tuple[float, float, float, float] | None = None  # /CropBox: x0, top, x1, bottom
    raw_content: bytes | None = None  # replaces the generated content stream
    content_filters: tuple[str, ...] = ()  # e.g. ("FlateDecode",) for raw_content
    # The generated content drawn through a form XObject (`/Fm1 Do`), moved
    # by (dx, dy) points (right, down) with `cm` — as some exporters and
    # stamping tools wrap a whole page.
    in_form: tuple[float, float] | None = None


def text_width(text: str, size: float) -> float:
    return sum((0.5 if 32 <= ord(ch) < 127 else 1.0) * size for ch in text)


_COLOR_OPS = {1: "g", 3: "rg", 4: "k"}


def _color(color: tuple[float, ...]) -> str:
    if not color:
        return "0 g"
    return " ".join(f"{v:.2f}" for v in color) + " " + _COLOR_OPS[len(color)]


def _gs_name(alpha: float) -> str:
    return f"GS{round(alpha * 100)}"


def _fill(page: Page, f: Fill) -> str:
    y = page.height - f.bottom
    gs = f"/{_gs_name(f.alpha)} gs " if f.alpha < 1 else ""
    box = f"{f.x0:.2f} {y:.2f} {f.x1 - f.x0:.2f} {f.bottom - f.top:.2f} re f"
    return f"q {gs}{_color(f.color)} {box} Q"


def _content(page: Page) -> bytes:
    out: list[str] = []
    if page.scan:
        out.append(f"q {page.width:.2f} 0 0 {page.height:.2f} 0 0 cm /Im1 Do Q")
    out.extend(_fill(page, f) for f in page.fills if not f.over_text)
    for ln in page.lines:
        y0 = page.height - ln.top0
        y1 = page.height - ln.top1
        out.append(
            f"{ln.gray:.2f} G {ln.width:.2f} w {ln.x0:.2f} {y0:.2f} m {ln.x1:.2f} {y1:.2f} l S 0 G"
        )
    for t in page.texts:
        glyphs = "".join(f"{ord(ch):04X}" for ch in t.text)
        baseline = page.height - t.top - t.size  # font descent is 0
        shifts = (0.0, 0.25) if t.bold_twice else (0.0,)
        state = f"{_color(t.color)} {t.render} Tr"
        for dx in shifts:
            out.append(
                f"BT {state} /{t.font} {t.size:.2f} Tf 1 0 0 1 {t.x + dx:.2f} {baseline:.2f} Tm"
                f" <{glyphs}> Tj ET"
            )
    out.extend(_fill(page, f) for f in page.fills if f.over_text)
    if page.image:
        out.append(f"q {page.width - 100:.2f} 0 0 {page.height - 100:.2f} 50 50 cm /Im1 Do Q")
    return "\n".join(out).encode("ascii")


def _tounicode(pages: list[Page]) -> bytes:
    highs = sorted({ord(ch) >> 8 for p in pages for t in p.texts for ch in t.text} | {0})
    ranges = "\n".join(f"<{h:02X}00> <{h:02X}FF> <{h:02X}00>" for h in highs)
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{len(highs)} beginbfrange\n{ranges}\nendbfrange\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end\n"
    ).encode("ascii")


# --- the standard security handler, revision 2 (RC4, 40-bit key) -----------

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _padded(password: str) -> bytes:
    return (password.encode("latin-1") + _PAD)[:32]


@dataclass
class _Crypt:
    user: str
    owner: str
    doc_id: bytes = b"policyparse-test"
    permissions: int = -64  # every permission bit off: owner-locked

    def __post_init__(self) -> None:
        okey = hashlib.md5(_padded(self.owner or self.user)).digest()[:5]
        self.o = _rc4(okey, _padded(self.user))
        p = struct.pack("<i", self.permissions)
        self.key = hashlib.md5(_padded(self.user) + self.o + p + self.doc_id).digest()[:5]
        self.u = _rc4(self.key, _PAD)

    def encrypt(self, objnum: int, data: bytes) -> bytes:
        k = hashlib.md5(self.key + struct.pack("<i", objnum)[:3] + b"\0\0").digest()[:10]
        return _rc4(k, data)

    def dictionary(self) -> bytes:
        return (
            b"<< /Filter /Standard /V 1 /R 2 /Length 40 /O <"
            + self.o.hex().encode()
            + b"> /U <"
            + self.u.hex().encode()
            + b"> /P "
            + str(self.permissions).encode()
            + b" >>"
        )


def flate_bomb_stream(inflated: int, chunk: int = 1 << 20) -> bytes:
    """Spaces that inflate to `inflated` bytes, deflated twice (a few KB).

    The inner stream is one compressed chunk repeated: after a full flush the
    compressor's state is reset, so every chunk compresses to the same bytes.
    """
    block = b" " * chunk
    co = zlib.compressobj(9)
    head = co.compress(block) + co.flush(zlib.Z_FULL_FLUSH)
    again = co.compress(block) + co.flush(zlib.Z_FULL_FLUSH)
    n = max(2, inflated // chunk)
    adler = 1
    for _ in range(n):
        adler = zlib.adler32(block, adler)
    tail = co.flush()[:-4] + struct.pack(">I", adler)
    inner = head + again * (n - 1) + tail
    return zlib.compress(inner, 9)


def build_pdf(
    pages: list[Page],
    *,
    user_password: str | None = None,
    owner_password: str | None = None,
    cyclic_page_tree: bool = False,
) -> bytes:
    """Serialise `pages`; encrypt when a password is given (owner only: the
    document opens without a password but carries the owner's restrictions)."""
    crypt = None
    if user_password is not None or owner_password is not None:
        crypt = _Crypt(user=user_password or "", owner=owner_password or "")

    objects: dict[int, bytes] = {}

    def stream(num: int, data: bytes, extra: str = "", filters: tuple[str, ...] = ()) -> None:
        if crypt:
            data = crypt.encrypt(num, data)
        f = ""
        if filters:
            f = " /Filter [" + " ".join("/" + x for x in filters) + "]"
        objects[num] = (
            f"<< /Length {len(data)}{f}{extra} >>\nstream\n".encode() + data + b"\nendstream"
        )

    # 1 catalog, 2 pages, 3 font, 4 cidfont, 5 descriptor, 6 tounicode, 7 image,
    # 8 the font again without its ToUnicode map
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[3] = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /TestCJK /Encoding /Identity-H"
        b" /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>"
    )
    objects[4] = (
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestCJK"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
        b" /FontDescriptor 5 0 R /DW 1000 /W [32 126 500] /CIDToGIDMap /Identity >>"
    )
    objects[5] = (
        b"<< /Type /FontDescriptor /FontName /TestCJK /Flags 4 /FontBBox [0 0 1000 1000]"
        b" /ItalicAngle 0 /Ascent 1000 /Descent 0 /CapHeight 700 /StemV 80 >>"
    )
    stream(6, _tounicode(pages))
    stream(
        7,
        b"\x80" * 4,
        " /Type /XObject /Subtype /Image /Width 2 /Height 2"
        " /ColorSpace /DeviceGray /BitsPerComponent 8",
    )
    objects[8] = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /TestCJK /Encoding /Identity-H"
        b" /DescendantFonts [4 0 R] >>"
    )
    kids = []
    num = 9
    for page in pages:
        page_num, content_num = num, num + 1
        num += 2
        kids.append(page_num)
        alphas = sorted({f.alpha for f in page.fills if f.alpha < 1})
        states = ""
        if alphas:
            states = (
                " /ExtGState << "
                + " ".join(f"/{_gs_name(a)} << /ca {a:.2f} >>" for a in alphas)
                + " >>"
            )
        crop = ""
        if page.crop is not None:
            x0, top, x1, bottom = page.crop
            y0, y1 = page.height - bottom, page.height - top
            crop = f" /CropBox [{x0:.2f} {y0:.2f} {x1:.2f} {y1:.2f}]"
        objects[page_num] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {page.width:.2f} {page.height:.2f}]{crop}"
            f" /Resources << /Font << /F1 3 0 R /F2 8 0 R >> /XObject << /Im1 7 0 R >>{states} >>"
            f" /Contents {content_num} 0 R >>"
        ).encode()
        if page.raw_content is not None:
            stream(content_num, page.raw_content, filters=page.content_filters)
        elif page.in_form is not None:
            form_num = num
            num += 1
            dx, dy = page.in_form
            stream(
                form_num,
                _content(page),
                f" /Type /XObject /Subtype /Form /BBox [0 0 {page.width:.2f} {page.height:.2f}]"
                " /Resources << /Font << /F1 3 0 R /F2 8 0 R >> /XObject << /Im1 7 0 R >> >>",
            )
            objects[page_num] = objects[page_num].replace(
                b"/XObject << /Im1 7 0 R >>",
                f"/XObject << /Im1 7 0 R /Fm1 {form_num} 0 R >>".encode(),
            )
            stream(content_num, f"q 1 0 0 1 {dx:.2f} {-dy:.2f} cm /Fm1 Do Q".encode())
        else:
            stream(content_num, _content(page))
    kid_refs = " ".join(f"{k} 0 R" for k in kids)
    if cyclic_page_tree:
        # A Pages node listing itself among its kids, plus a second node that
        # points back up: a naive walker never terminates.
        objects[num] = (
            f"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R {kid_refs}] /Count 1 >>".encode()
        )
        kid_refs = f"{num} 0 R 2 0 R {kid_refs}"
        num += 1
    objects[2] = f"<< /Type /Pages /Kids [{kid_refs}] /Count {len(kids)} >>".encode()

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for n in sorted(objects):
        offsets[n] = len(out)
        out += f"{n} 0 obj\n".encode() + objects[n] + b"\nendobj\n"
    encrypt_ref = ""
    if crypt:
        enc_num = max(objects) + 1
        offsets[enc_num] = len(out)
        out += f"{enc_num} 0 obj\n".encode() + crypt.dictionary() + b"\nendobj\n"
        encrypt_ref = f" /Encrypt {enc_num} 0 R"
    size = max(offsets) + 1
    xref = len(out)
    out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    for n in range(1, size):
        if n in offsets:
            out += f"{offsets[n]:010d} 00000 n \n".encode()
        else:
            out += b"0000000000 65535 f \n"
    doc_id = (crypt.doc_id if crypt else b"policyparse-test").hex()
    out += (
        f"trailer\n<< /Size {size} /Root 1 0 R /ID [<{doc_id}> <{doc_id}>]{encrypt_ref} >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def ruled_table(
    xs: list[float],
    ys: list[float],
    cells: dict[tuple[int, int], list[str]],
    *,
    merges: tuple[tuple[int, int, int, int], ...] = (),
    size: float = 10.0,
    pad: float = 3.0,
) -> tuple[list[Text], list[Line]]:
    """A grid ruled at column edges `xs` and row edges `ys` (tops).

    `cells[(r, c)]` lists the text lines of the cell at row r, column c, drawn
    from its top-left corner inside `pad`.  `merges` holds regions
    (r0, c0, r1, c1), inclusive: the rules inside a region are left out, as
    Word and Writer draw a merged cell.
    """

    lines: list[Line] = []
    for i, y in enumerate(ys):
        for j in range(len(xs) - 1):
            # the rule between rows i-1 and i in column j
            if 0 < i < len(ys) - 1 and _same_region(merges, (i - 1, j), (i, j)):
                continue
            lines.append(Line(xs[j], y, xs[j + 1], y))
    for j, x in enumerate(xs):
        for i in range(len(ys) - 1):
            if 0 < j < len(xs) - 1 and _same_region(merges, (i, j - 1), (i, j)):
                continue
            lines.append(Line(x, ys[i], x, ys[i + 1]))
    texts = [
        Text(xs[c] + pad, ys[r] + pad + k * size * 1.2, t, size)
        for (r, c), ls in cells.items()
        for k, t in enumerate(ls)
    ]
    return texts, lines


def _same_region(
    merges: tuple[tuple[int, int, int, int], ...], a: tuple[int, int], b: tuple[int, int]
) -> bool:
    return any(
        r0 <= a[0] <= r1 and c0 <= a[1] <= c1 and r0 <= b[0] <= r1 and c0 <= b[1] <= c1
        for r0, c0, r1, c1 in merges
    )


def without_spans(obj: object) -> object:
    """A record tree (Document, Notice) as plain data minus every `span` and
    `bbox`: what both PDF engines must agree on exactly (their coordinates
    may differ by float rounding)."""
    import attrs

    def keep(a: attrs.Attribute, _v: object) -> bool:  # type: ignore[type-arg]
        return a.name not in ("span", "spans", "bbox")

    return attrs.asdict(obj, filter=keep, recurse=True)  # type: ignore[arg-type]


def many_pages_pdf(count: int) -> bytes:
    """`count` distinct empty pages, written directly (build_pdf is too slow for this)."""
    kids = b" ".join(b"%d 0 R" % (i + 3) for i in range(count))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
    ]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * count
    parts = [b"%PDF-1.4\n"]
    offsets = []
    size = len(parts[0])
    for i, obj in enumerate(objs, 1):
        offsets.append(size)
        chunk = b"%d 0 obj\n%s\nendobj\n" % (i, obj)
        parts.append(chunk)
        size += len(chunk)
    parts.append(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    parts += [b"%010d 00000 n \n" % off for off in offsets]
    parts.append(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, size)
    )
    return b"".join(parts)

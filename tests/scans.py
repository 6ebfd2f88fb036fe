"""Scans made at test time: a PDF's pages rendered to images the way a
scanner gives them (colour with a red seal over the text, or greyscale; 150
or 200 dpi; turned a little; noise; JPEG), wrapped back into an image-only
PDF that has no text layer.  Used by tests/read/ocr and benchmarks/ocr.py.

The seal is drawn like a real one: a red ring, a star and characters around
the ring, multiplied onto the page (black text under it stays black)."""

from __future__ import annotations

import io
import math
import random
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_PDF = ROOT / "samples" / "notice.pdf"

# Any CJK face the machine has, for the seal's characters (a ring without
# characters where there is none).
FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
)


@dataclass(frozen=True)
class ScanKind:
    dpi: int = 200
    colour: bool = True
    seal: bool = True
    skew: float = 0.0  # degrees, counter-clockwise
    noise: float = 0.0  # standard deviation of grey noise, 0-255
    jpeg: int = 80  # quality

    @property
    def name(self) -> str:
        parts = [f"{self.dpi}dpi", "colour" if self.colour else "grey"]
        if self.seal:
            parts.append("seal")
        if self.skew:
            parts.append(f"skew{self.skew:g}")
        if self.noise:
            parts.append(f"noise{self.noise:g}")
        return "-".join(parts) + f"-q{self.jpeg}"


def _seal(size: int, text: str) -> object:
    """A seal on a transparent square of `size` px: RGBA."""
    from PIL import Image, ImageDraw, ImageFont

    red = (220, 30, 35, 255)
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    w = max(3, size // 40)
    draw.ellipse((w, w, size - w, size - w), outline=red, width=w)
    c, r = size / 2, size * 0.12
    star = [
        (
            c + (r if k % 2 == 0 else r * 0.4) * math.sin(k * math.pi / 5),
            c - (r if k % 2 == 0 else r * 0.4) * math.cos(k * math.pi / 5),
        )
        for k in range(10)
    ]
    draw.polygon(star, fill=red)
    font_path = next((f for f in FONTS if Path(f).exists()), None)
    if font_path is None:
        return img
    font = ImageFont.truetype(font_path, size // 9)
    n = len(text)
    for k, ch in enumerate(text):
        angle = -150 + 300 * k / max(1, n - 1)  # degrees from the top, clockwise
        glyph = Image.new("RGBA", (size // 8, size // 8), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((0, 0), ch, font=font, fill=red)
        glyph = glyph.rotate(-angle, expand=True)
        rad = math.radians(angle)
        x = c + size * 0.36 * math.sin(rad) - glyph.width / 2
        y = c - size * 0.36 * math.cos(rad) - glyph.height / 2
        img.alpha_composite(glyph, (int(x), int(y)))
    return img


def scan_pages(pdf: Path, kind: ScanKind, pages: Sequence[int] | None = None) -> list[object]:
    """`pdf`'s pages (0-based indices; all by default) as PIL images, scanned
    as `kind` says (the seal on the first of them, over its lower right
    quarter, where a 公文 signs)."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image, ImageChops

    rng = random.Random(25)
    doc = pdfium.PdfDocument(str(pdf))
    out = []
    try:
        for i in range(len(doc)) if pages is None else pages:
            page = doc[i]
            img = page.render(scale=kind.dpi / 72).to_pil().convert("RGB")
            page.close()
            if kind.seal and not out:
                size = int(1.6 * kind.dpi)  # a 4 cm seal
                seal = _seal(size, "某某区管理委员会专用章")
                layer = Image.new("RGB", img.size, (255, 255, 255))
                at = (int(img.width * 0.62 - size / 2), int(img.height * 0.55 - size / 2))
                layer.paste(seal, at, seal)  # type: ignore[arg-type]
                img = ImageChops.multiply(img, layer)
            if not kind.colour:
                img = img.convert("L")
            if kind.skew:
                fill = 255 if img.mode == "L" else (255, 255, 255)
                img = img.rotate(kind.skew, resample=Image.BICUBIC, fillcolor=fill)
            if kind.noise:
                arr = np.asarray(img).astype(np.float32)
                noise = np.random.default_rng(rng.randrange(1 << 30)).normal(
                    0, kind.noise, arr.shape[:2]
                )
                if arr.ndim == 3:
                    noise = noise[:, :, None]
                img = Image.fromarray(np.clip(arr + noise, 0, 255).astype(np.uint8))
            out.append(img)
    finally:
        doc.close()
    return out


def scan_pdf(
    pdf: Path = SAMPLE_PDF, kind: ScanKind | None = None, pages: Sequence[int] | None = None
) -> bytes:
    """An image-only PDF of `pdf` scanned as `kind` (200 dpi colour with a seal)."""
    kind = kind or ScanKind()
    images = scan_pages(pdf, kind, pages)
    buf = io.BytesIO()
    first, rest = images[0], images[1:]
    first.save(  # type: ignore[attr-defined]
        buf, "PDF", resolution=kind.dpi, save_all=True, append_images=rest, quality=kind.jpeg
    )
    return buf.getvalue()


_OFD_NS = "http://www.ofdspec.org/2016"
_MM = 25.4 / 72  # one point in millimetres


def scan_ofd(
    pdf: Path = SAMPLE_PDF, kind: ScanKind | None = None, pages: Sequence[int] | None = None
) -> bytes:
    """An image-only OFD of `pdf` scanned as `kind` (`images_ofd`)."""
    import pypdfium2 as pdfium

    kind = kind or ScanKind()
    images = scan_pages(pdf, kind, pages)
    doc = pdfium.PdfDocument(str(pdf))
    try:
        w, h = (v * _MM for v in doc[pages[0] if pages else 0].get_size())
    finally:
        doc.close()
    return images_ofd(images, w, h, kind.jpeg)


def images_ofd(images: Sequence[object], w: float, h: float, jpeg: int = 80) -> bytes:
    """An image-only OFD of pages `w` × `h` mm: each page one ImageObject
    over the whole page (its CTM maps the unit square onto the page, as OFD
    writers do), the picture a JPEG MultiMedia of the document's DocumentRes
    (the structure tools/make_ofd.py writes, and GB/T 33190's for images)."""
    ns = f'xmlns:ofd="{_OFD_NS}"'
    parts: dict[str, bytes] = {
        "OFD.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {ns} Version="1.0" DocType="OFD">'
            "<ofd:DocBody><ofd:DocInfo><ofd:DocID>scan</ofd:DocID></ofd:DocInfo>"
            "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
        ).encode(),
    }
    media, refs = [], []
    for i, img in enumerate(images):
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=jpeg)  # type: ignore[attr-defined]
        parts[f"Doc_0/Res/page_{i}.jpg"] = buf.getvalue()
        media.append(
            f'<ofd:MultiMedia ID="{100 + i}" Type="Image" Format="JPEG">'
            f"<ofd:MediaFile>page_{i}.jpg</ofd:MediaFile></ofd:MultiMedia>"
        )
        refs.append(f'<ofd:Page ID="{200 + i}" BaseLoc="Pages/Page_{i}/Content.xml"/>')
        parts[f"Doc_0/Pages/Page_{i}/Content.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {ns}><ofd:Content>'
            f'<ofd:Layer ID="{300 + i}"><ofd:ImageObject ID="{400 + i}" '
            f'Boundary="0 0 {w:.3f} {h:.3f}" CTM="{w:.3f} 0 0 {h:.3f} 0 0" '
            f'ResourceID="{100 + i}"/></ofd:Layer></ofd:Content></ofd:Page>'
        ).encode()
    parts["Doc_0/Document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {ns}><ofd:CommonData>'
        f"<ofd:MaxUnitID>{400 + len(images)}</ofd:MaxUnitID>"
        f"<ofd:PageArea><ofd:PhysicalBox>0 0 {w:.3f} {h:.3f}</ofd:PhysicalBox></ofd:PageArea>"
        "<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData>"
        f"<ofd:Pages>{''.join(refs)}</ofd:Pages></ofd:Document>"
    ).encode()
    parts["Doc_0/DocumentRes.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res {ns} BaseLoc="Res">'
        f"<ofd:MultiMedias>{''.join(media)}</ofd:MultiMedias></ofd:Res>"
    ).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, raw in parts.items():
            zf.writestr(name, raw)
    return out.getvalue()


def _key(record: dict[str, object], fold_commas: bool = False) -> tuple[object, ...]:
    def names(units: object) -> tuple[str, ...]:
        return tuple(u["name"] for u in units) if isinstance(units, list) else ()  # type: ignore[index]

    text = record.get("text")
    if fold_commas and isinstance(text, str):
        text = text.replace("，", ",")
    return (
        record.get("number"),
        text,
        names(record.get("lead")),
        names(record.get("support")),
    )


@dataclass(frozen=True)
class Score:
    measures: int  # measures whose number, text, lead and support match the known record
    rows: int  # table rows whose number, text, lead and support match
    known_measures: int
    known_rows: int
    wrong: tuple[str, ...]  # the numbers of the measures that do not match

    def __str__(self) -> str:
        return (
            f"measures {self.measures}/{self.known_measures} exact, "
            f"table rows {self.rows}/{self.known_rows}"
        )


def score(got: dict[str, object], known: dict[str, object], *, fold_commas: bool = False) -> Score:
    """`got` (to_dict of a parsed scan) against `known` (the golden of the
    same notice read from its text layer): measures and table rows that
    came out the same.  `fold_commas`: a full-width comma counts as the
    ASCII one (a notice that typed ASCII commas between Chinese characters,
    which a recogniser reads either way)."""
    mine = {m["number"]: m for m in got["measures"]}  # type: ignore[index, union-attr]
    measures = rows = known_rows = 0
    wrong = []
    for m in known["measures"]:  # type: ignore[union-attr]
        other = mine.get(m["number"])  # type: ignore[index]
        if other is not None and _key(other, fold_commas) == _key(m, fold_commas):  # type: ignore[arg-type]
            measures += 1
        else:
            wrong.append(str(m["number"]))  # type: ignore[index]
        if m.get("table"):  # type: ignore[union-attr]
            known_rows += 1
            if (
                other is not None
                and other.get("table")
                and _key(other["table"], fold_commas) == _key(m["table"], fold_commas)
            ):
                rows += 1
    return Score(measures, rows, len(known["measures"]), known_rows, tuple(wrong))  # type: ignore[arg-type]

"""OFD (GB/T 33190) reader: an engine draws each page into the PDF reader's
page model, and the PDF layout modules do the rest (STYLE.md, "Many readers,
one page model").

An OFD is a zip: OFD.xml names the document root (Doc_0/Document.xml),
which lists its pages' Content.xml.  A page draws text as TextObjects (a
Boundary box, a Size, TextCodes placing glyphs at X, Y with DeltaX steps)
and lines as PathObjects (AbbreviatedData "M x y L x y ...").  The engine
takes the characters and the stroked straight horizontal/vertical segments,
in millimetres from the top-left corner, into points; CTM is applied where
present.  OFD carries no glyph widths without the font program: a glyph is
as wide as its DeltaX step, the last of a TextCode reaches the object's
Boundary (or one type size when that is narrower: a guess).

An ImageObject is a paint of its box; its picture (a MultiMedia of the
document's PublicRes/DocumentRes) is fetched only when the page draws no
text and the `[ocr]` extra reads it: a scanned OFD page goes through the
same OCR engine as a scanned PDF page (read.ocr; docs/formats.md, "Scans"),
in bounded workers as a PDF's pages are (`ocr.bounded`), never in the caller.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs
from lxml import etree

from ..errors import CorruptFileError, EmptyDocumentError, InputTooLargeError, NoTextLayerError
from ..models import Document, Residue, Source, Span
from .layout.blocks import layouts_to_blocks
from .layout.page_model import Box, Char, Edge, PageModel, Paint, PaintKind, subpaths_to_edges
from .layout.tables import Layout, page_to_layout
from .limits import Limits
from .ocr.report import no_text_error, ocr_residue, ocr_source
from .safety import check_zip, parse_xml

if TYPE_CHECKING:
    from .ocr.bounded import Scan

__all__ = ["OfdEngine", "read_ofd"]

_PT = 72 / 25.4  # points per millimetre
Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_INVISIBLE = 'hidden text: an OFD text object marked Visible="false"'
_TRANSPARENT = 'hidden text: an OFD text object drawn fully transparent (Alpha="0")'
_WHITE_TEXT = "hidden text: white OFD text with nothing but the white page behind it"
_NUM = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _child(el: etree._Element, name: str) -> etree._Element | None:
    for c in el:
        if _local(c) == name:
            return c
    return None


def _floats(text: str | None, what: str) -> list[float]:
    try:
        return [float(v) for v in (text or "").split()]
    except ValueError as exc:
        raise CorruptFileError(f"damaged OFD: {what} is not a list of numbers") from exc


def _deltas(text: str | None, what: str, need: int) -> list[float]:
    """The first `need` steps of a DeltaX/DeltaY, with the "g N d" shorthand
    (N steps of d): a TextCode places one glyph per character, so steps past
    its text are never used and never built ("g 1000000000 5" costs nothing)."""
    out: list[float] = []
    toks = (text or "").split()
    i = 0
    try:
        while i < len(toks) and len(out) < need:
            if toks[i] == "g":
                out.extend([float(toks[i + 2])] * min(int(toks[i + 1]), need - len(out)))
                i += 3
            else:
                out.append(float(toks[i]))
                i += 1
    except (ValueError, IndexError) as exc:
        raise CorruptFileError(f"damaged OFD: {what} is not a list of steps") from exc
    return out


def _number(text: str | None, default: float, what: str) -> float:
    if text is None:
        return default
    try:
        return float(text)
    except ValueError as exc:
        raise CorruptFileError(f"damaged OFD: {what}={text!r} is not a number") from exc


_WHITE = (255.0, 255.0, 255.0)


def _fill(el: etree._Element) -> tuple[tuple[float, ...] | None, bool]:
    """An object's fill colour (None: the default, black) and whether it is
    fully transparent (Alpha="0" on the object or its FillColor)."""
    colour = _child(el, "FillColor")
    alpha = [el.get("Alpha"), colour.get("Alpha") if colour is not None else None]
    transparent = any(a is not None and a.strip() in ("0", "0.0") for a in alpha)
    if colour is None or not colour.get("Value"):
        return None, transparent
    try:
        value = tuple(float(v) for v in (colour.get("Value") or "").split())
    except ValueError:
        return None, transparent
    return value, transparent


class OfdEngine:
    """Pages of one OFD package, as the PDF engines give them."""

    def __init__(self, data: bytes, limits: Limits, what: str) -> None:
        self._what = what
        self._limits = limits
        self.damage: list[str] = []
        check_zip(data, limits, expect="ofd")
        self._zip = zipfile.ZipFile(io.BytesIO(data))
        root = self._xml("OFD.xml")
        doc_root = next((el.text for el in root.iter() if _local(el) == "DocRoot"), None)
        if not doc_root:
            raise CorruptFileError(f"{what}: OFD.xml names no DocRoot (damaged OFD)")
        self._doc_path = doc_root.strip().lstrip("/")
        doc = self._xml(self._doc_path)
        base = posixpath.dirname(self._doc_path)
        self._box = (0.0, 0.0, 210.0, 297.0)
        for el in doc.iter():
            if _local(el) == "PhysicalBox":
                box = _floats(el.text, "PhysicalBox")
                if len(box) == 4:
                    self._box = (box[0], box[1], box[2], box[3])
                break
        self._base = base
        self._res = [
            posixpath.normpath(posixpath.join(base, (el.text or "").strip()))
            for el in doc.iter()
            if _local(el) in ("PublicRes", "DocumentRes") and (el.text or "").strip()
        ]
        self._media: dict[str, str] | None = None  # MultiMedia ID → file, read on first use
        self._images: dict[int, list[tuple[str, Box]]] = {}  # page → (ResourceID, box in pt)
        self._pages: list[str] = []
        for el in doc.iter():
            if _local(el) == "Page" and el.get("BaseLoc"):
                self._pages.append(posixpath.normpath(posixpath.join(base, el.get("BaseLoc", ""))))

    def _xml(self, name: str) -> etree._Element:
        try:
            raw = self._zip.read(name)
        except KeyError as exc:
            raise CorruptFileError(
                f"{self._what}: the OFD package has no {name} (damaged or incomplete OFD)"
            ) from exc
        return parse_xml(raw)

    def page_count(self) -> int:
        return len(self._pages)

    def images(self, number: int) -> list[tuple[bytes, Box, str]]:
        """The pictures page `number` draws, in drawing order: the file's
        bytes (empty when the resource is missing), the box in points, and
        the name to quote."""
        media = self._media_files()
        out: list[tuple[bytes, Box, str]] = []
        for rid, box in self._images.get(number, []):
            name = media.get(rid)
            try:
                raw = self._zip.read(name) if name else b""
            except KeyError:
                raw = b""
            out.append((raw, box, name or f"ResourceID {rid}"))
        return out

    def _media_files(self) -> dict[str, str]:
        """MultiMedia ID → its file in the package, from the document's
        resource files (a path starting with "/" is from the package root)."""
        if self._media is None:
            self._media = {}
            for res in self._res:
                try:
                    root = self._xml(res)
                except CorruptFileError:
                    continue  # a missing resource file: its images read as missing
                folder = posixpath.join(posixpath.dirname(res), root.get("BaseLoc", ""))
                for el in root.iter():
                    if _local(el) != "MultiMedia" or not el.get("ID"):
                        continue
                    file = _child(el, "MediaFile")
                    loc = (file.text or "").strip() if file is not None else ""
                    if loc:
                        path = (
                            loc.lstrip("/") if loc.startswith("/") else posixpath.join(folder, loc)
                        )
                        self._media[el.get("ID", "")] = posixpath.normpath(path)
        return self._media

    def pages(self, part: int = 0, parts: int = 1) -> Iterator[PageModel]:
        for i in range(part, len(self._pages), parts):
            yield self._page(self._xml(self._pages[i]), i + 1)

    def close(self) -> None:
        self._zip.close()

    def _page(self, root: etree._Element, number: int) -> PageModel:
        box = self._box
        for el in root.iter():
            if _local(el) == "PhysicalBox":
                got = _floats(el.text, "PhysicalBox")
                if len(got) == 4:
                    box = (got[0], got[1], got[2], got[3])
                break
        chars: list[Char] = []
        edges: list[Edge] = []
        hidden: list[tuple[Char, str]] = []
        white: list[Char] = []  # white text: hidden unless a filled box is behind it
        boxes: list[tuple[float, float, float, float]] = []  # filled, not white
        paints: list[Paint] = []
        images: list[tuple[str, Box]] = []
        objects = 0
        for el in root.iter():
            kind = _local(el)
            if kind not in ("TextObject", "PathObject", "ImageObject"):
                continue
            objects += 1
            if objects > self._limits.max_page_objects:
                raise InputTooLargeError(
                    f"{self._what}, page {number} draws over {self._limits.max_page_objects} "
                    "objects (Limits.max_page_objects); raise it if the file is genuine"
                )
            if kind == "TextObject":
                colour, transparent = _fill(el)
                if el.get("Visible", "true") == "false":
                    hidden.extend((c, _INVISIBLE) for c in self._text(el))
                elif transparent:
                    hidden.extend((c, _TRANSPARENT) for c in self._text(el))
                elif colour is not None and colour[:3] == _WHITE:
                    white.extend(self._text(el))
                else:
                    chars.extend(self._text(el))
            elif el.get("Visible", "true") == "false":
                continue
            elif kind == "ImageObject":
                drawn = self._image_box(el)
                paints.append(Paint(PaintKind.IMAGE, objects, drawn))
                images.append((el.get("ResourceID", ""), drawn))
            else:
                edges.extend(self._path(el))
                colour, transparent = _fill(el)
                painted = el.get("Fill", "false") == "true" and not transparent
                if painted and (colour is None or colour[:3] != _WHITE):
                    x, y, w, h = self._frame(el)[0]
                    boxes.append((x * _PT, y * _PT, (x + w) * _PT, (y + h) * _PT))
        for c in white:
            cx, cy = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
            if any(x0 <= cx <= x1 and y0 <= cy <= y1 for x0, y0, x1, y1 in boxes):
                chars.append(c)
            else:
                hidden.append((c, _WHITE_TEXT))
        if not any(c.text.strip() for c in chars):
            edges = []
        self._images[number] = images
        return PageModel(
            number=number,
            width=box[2] * _PT,
            height=box[3] * _PT,
            chars=chars,
            edges=edges,
            hidden=hidden,
            paints=paints,
        )

    def _image_box(self, el: etree._Element) -> Box:
        """An ImageObject's box in points: its CTM maps the unit square into
        the Boundary (the box of the mapped square; a rotation is not undone)."""
        (bx, by, bw, bh), (a, b, c, d, e, f) = self._frame(el)
        if not el.get("CTM"):
            a, b, c, d, e, f = bw, 0.0, 0.0, bh, 0.0, 0.0
        xs = [a * u + c * v + e for u, v in ((0, 0), (1, 0), (0, 1), (1, 1))]
        ys = [b * u + d * v + f for u, v in ((0, 0), (1, 0), (0, 1), (1, 1))]
        return (
            (bx + min(xs)) * _PT,
            (by + min(ys)) * _PT,
            (bx + max(xs)) * _PT,
            (by + max(ys)) * _PT,
        )

    @staticmethod
    def _frame(el: etree._Element) -> tuple[list[float], Matrix]:
        bound = _floats(el.get("Boundary"), "Boundary")
        if len(bound) != 4:
            raise CorruptFileError("damaged OFD: an object has no Boundary of four numbers")
        ctm = _floats(el.get("CTM"), "CTM")
        m: Matrix = (ctm[0], ctm[1], ctm[2], ctm[3], ctm[4], ctm[5]) if len(ctm) == 6 else _IDENTITY
        return bound, m

    def _text(self, el: etree._Element) -> list[Char]:
        bound, (a, b, c, d, e, f) = self._frame(el)
        bx, by, bw, _ = bound
        size = _number(el.get("Size") or None, 0.0, "Size") or 1.0
        scale = (abs(d) or 1.0) if (b, c) == (0.0, 0.0) else 1.0
        out: list[Char] = []
        x = y = 0.0
        for code in el:
            if _local(code) != "TextCode":
                continue
            x = _number(code.get("X"), x, "X")
            y = _number(code.get("Y"), y, "Y")
            n = len(code.text or "")
            dx = _deltas(code.get("DeltaX"), "DeltaX", n)
            dy = _deltas(code.get("DeltaY"), "DeltaY", n)
            for k, ch in enumerate(code.text or ""):
                step = dx[k] if k < len(dx) else None
                width = step if step is not None else min(size, max(bw - x, 0.0) or size)
                px0, py = a * x + c * y + e + bx, b * x + d * y + f + by
                px1 = a * (x + width) + c * y + e + bx
                em = size * scale
                out.append(Char(ch, px0 * _PT, px1 * _PT, (py - em) * _PT, py * _PT, em * _PT))
                x += step if step is not None else width
                y += dy[k] if k < len(dy) else 0.0
        return out

    def _path(self, el: etree._Element) -> list[Edge]:
        if el.get("Stroke", "true") == "false":
            return []
        data = _child(el, "AbbreviatedData")
        if data is None or not data.text:
            return []
        bound, (a, b, c, d, e, f) = self._frame(el)
        bx, by = bound[0], bound[1]
        toks = re.findall(r"[A-Za-z]|" + _NUM.pattern, data.text)
        pts: list[list[tuple[float, float]]] = []
        i = 0
        while i < len(toks):
            op = toks[i]
            i += 1
            if op in ("M", "L") and i + 1 < len(toks):
                try:
                    x, y = float(toks[i]), float(toks[i + 1])
                except ValueError:
                    break
                i += 2
                p = ((a * x + c * y + e + bx) * _PT, (b * x + d * y + f + by) * _PT)
                if op == "M" or not pts:
                    pts.append([p])
                else:
                    pts[-1].append(p)
            elif op == "C" or op == "B" or op == "Q" or op == "A":
                pts.append([])  # a curve is no rule; start afresh after it
                while i < len(toks) and not toks[i].isalpha():
                    i += 1
            elif op == "Z" and pts and pts[-1]:
                pts[-1].append(pts[-1][0])
        return subpaths_to_edges(pts)


def read_ofd(data: bytes, source: Source, limits: Limits, *, allow_ocr: bool = True) -> Document:
    """Read an OFD notice into a `Document` (Format.OFD) through the page
    model; a page holding only a scan is read by OCR when the `[ocr]` extra
    is installed, unless `allow_ocr` is False."""
    from .ocr import available

    what = source.path or "the OFD"
    engine = OfdEngine(data, limits, what)
    ocr = allow_ocr and available()
    drawn: list[Layout | None] = []  # None: a scan, read by OCR below
    scans: list[Scan] = []
    try:
        count = engine.page_count()
        if count > limits.max_pages:
            raise InputTooLargeError(
                f"{what} has {count} pages, over the {limits.max_pages}-page limit "
                "(Limits.max_pages)"
            )
        for page in engine.pages():
            if ocr and _is_scan(page):
                scans.append((page, engine.images(page.number)))
                drawn.append(None)
            else:
                drawn.append(page_to_layout(page))
    finally:
        engine.close()
    layouts, unread = _read_scans(drawn, scans, limits, what)
    if not layouts:
        raise CorruptFileError(f"{what} has no pages (its Document.xml lists none)")
    if not any(lay.has_text for lay in layouts):
        if unread:  # not "OCR found nothing": it could not look
            names = ", ".join(name for _, name in unread[:3]) + (", ..." if len(unread) > 3 else "")
            raise NoTextLayerError(
                f"{what} draws no text, and OCR could not decode its page images ({names}): "
                "a format Pillow does not read (JBIG2?) or a damaged image"
            )
        raise no_text_error(what, layouts, allow_ocr=allow_ocr)
    blocks, residue = layouts_to_blocks(layouts)
    if not blocks and not residue:
        raise EmptyDocumentError(f"{what} holds no text")
    found = (*residue, *(_unread(page, name) for page, name in unread))
    read = [lay for lay in layouts if lay.ocr is not None]
    if read:
        source = attrs.evolve(source, ocr=ocr_source(read))
        found += tuple(r for lay in read for r in ocr_residue(lay))
    return Document(source=source, blocks=tuple(blocks), residue=found)


def _is_scan(page: PageModel) -> bool:
    from .ocr.engine import needs_ocr

    return needs_ocr(page)


def _read_scans(
    layouts: list[Layout | None], scans: list[Scan], limits: Limits, what: str
) -> tuple[list[Layout], list[tuple[int, str]]]:
    """The layouts with the scans' (the `None`s) read by OCR in bounded
    workers (`ocr.bounded`: never in this process), and the (page, picture)
    pairs OCR could not decode."""
    from .ocr.bounded import read_scans

    read = iter(
        read_scans(
            scans,
            what,
            workers=limits.pdf_workers,
            memory_bytes=limits.pdf_memory_bytes,
            seconds=limits.pdf_seconds,
            page_seconds=limits.ocr_page_seconds,
        )
    )
    out: list[Layout] = []
    unread: list[tuple[int, str]] = []
    for lay in layouts:
        if lay is None:
            lay, left_out = next(read)
            unread.extend((lay.page, name) for name in left_out)
        out.append(lay)
    return out, unread


def _unread(page: int, name: str) -> Residue:
    return Residue(
        text="",
        reason=f"an image OCR could not decode ({name}): any text in it is not read",
        span=Span(page=page),
    )

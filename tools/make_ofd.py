"""Write samples/notice.ofd: the notice as an OFD (GB/T 33190) package.

No maintained Python library writes OFD (the few on PyPI read it, convert
it through a Java or native runtime, or are unmaintained), so this is a
small writer of the standard's structure:

    OFD.xml → Doc_0/Document.xml → Doc_0/PublicRes.xml (one font)
            → Doc_0/Pages/Page_N/Content.xml (TextObject/TextCode, PathObject)

The layout is taken from samples/notice.pdf as the pdfium engine reads it:
each run of characters on one baseline, at one size, drawn edge to edge,
becomes a TextObject whose Boundary is the run's em box and whose TextCode
places the glyphs with DeltaX; each ruling line becomes a stroked
PathObject (AbbreviatedData "M x y L x y").  OFD measures in millimetres.

    python tools/make_ofd.py          # rewrites samples/notice.ofd
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from policy_parse.read.layout.page_model import Char, Edge, PageModel
from policy_parse.read.pdf.pdfium import PdfiumEngine

NS = "http://www.ofdspec.org/2016"
MM = 25.4 / 72  # one point in millimetres
# Fixed times keep the file byte-identical from run to run.
STAMP = (2026, 1, 1, 0, 0, 0)


def mm(v: float) -> str:
    return f"{v * MM:.4f}".rstrip("0").rstrip(".")


def runs(chars: list[Char]) -> list[list[Char]]:
    """Split the page's characters where baseline, size or spacing changes."""
    out: list[list[Char]] = []
    for c in chars:
        if not c.text.strip() and c.text != " ":
            continue
        last = out[-1][-1] if out else None
        if (
            last is not None
            and abs(last.bottom - c.bottom) < 0.01
            and abs(last.size - c.size) < 0.01
            and abs(last.x1 - c.x0) < 0.01
        ):
            out[-1].append(c)
        else:
            out.append([c])
    return out


def content_xml(page: PageModel, ids: list[int]) -> str:
    objs: list[str] = []
    for run in runs(page.chars):
        ids[0] += 1
        first = run[0]
        box = f"{mm(first.x0)} {mm(first.top)} {mm(run[-1].x1 - first.x0)} {mm(first.size)}"
        deltas = " ".join(mm(c.x1 - c.x0) for c in run[:-1])
        delta = f" DeltaX={quoteattr(deltas)}" if deltas else ""
        text = escape("".join(c.text for c in run))
        objs.append(
            f'<ofd:TextObject ID="{ids[0]}" Boundary="{box}" Font="1" Size="{mm(first.size)}">'
            f'<ofd:TextCode X="0" Y="{mm(first.size)}"{delta}>{text}</ofd:TextCode>'
            "</ofd:TextObject>"
        )
    for e in page.edges:
        ids[0] += 1
        objs.append(edge_xml(e, page, ids[0]))
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}">'
        f"<ofd:Area><ofd:PhysicalBox>0 0 {mm(page.width)} {mm(page.height)}</ofd:PhysicalBox>"
        "</ofd:Area><ofd:Content>"
        f'<ofd:Layer ID="{ids[0] + 1}">' + "".join(objs) + "</ofd:Layer></ofd:Content></ofd:Page>"
    )


def edge_xml(e: Edge, page: PageModel, oid: int) -> str:
    box = f"0 0 {mm(page.width)} {mm(page.height)}"
    path = f"M {mm(e.x0)} {mm(e.top)} L {mm(e.x1)} {mm(e.bottom)}"
    return (
        f'<ofd:PathObject ID="{oid}" Boundary="{box}" LineWidth="0.176" Stroke="true" '
        f'Fill="false"><ofd:AbbreviatedData>{path}</ofd:AbbreviatedData></ofd:PathObject>'
    )


def build(pdf: bytes) -> bytes:
    engine = PdfiumEngine(pdf, None, "notice.pdf")
    try:
        pages = list(engine.pages())
    finally:
        engine.close()
    ids = [1]  # 1 is the font
    contents = []
    for page in pages:
        contents.append(content_xml(page, ids))
        ids[0] += 1
    w, h = mm(pages[0].width), mm(pages[0].height)
    page_refs = "".join(
        f'<ofd:Page ID="{ids[0] + 1 + i}" BaseLoc="Pages/Page_{i}/Content.xml"/>'
        for i in range(len(pages))
    )
    parts = {
        "OFD.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.0" '
            'DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>policy-parse-sample</ofd:DocID>'
            "<ofd:Creator>policy_parse tools/make_ofd.py</ofd:Creator></ofd:DocInfo>"
            "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
        ),
        "Doc_0/Document.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}">'
            f"<ofd:CommonData><ofd:MaxUnitID>{ids[0] + len(pages)}</ofd:MaxUnitID>"
            f"<ofd:PageArea><ofd:PhysicalBox>0 0 {w} {h}</ofd:PhysicalBox></ofd:PageArea>"
            "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>"
            f"<ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>"
        ),
        "Doc_0/PublicRes.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" BaseLoc="Res">'
            '<ofd:Fonts><ofd:Font ID="1" FontName="SimSun" FamilyName="SimSun"/></ofd:Fonts>'
            "</ofd:Res>"
        ),
    }
    for i, xml in enumerate(contents):
        parts[f"Doc_0/Pages/Page_{i}/Content.xml"] = xml
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, xml in parts.items():
            zf.writestr(zipfile.ZipInfo(name, STAMP), xml.encode("utf-8"), zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def main() -> None:
    out = ROOT / "samples" / "notice.ofd"
    out.write_bytes(build((ROOT / "samples" / "notice.pdf").read_bytes()))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()

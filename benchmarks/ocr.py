"""Scans through OCR: speed and scores (docs/formats.md, "Scans").

Each scan is made from a sample PDF (tests/scans.py: rendered to images as
a scanner would, wrapped back into an image-only PDF) and parsed as a user
would (`policy_parse.parse`, page workers and all); its measures and table
rows are scored against the golden of the same notice read from its text
layer.  Wall time and the CPU time of the page workers (children) are both
quoted: OCR is CPU-bound, and wall time depends on what else the machine runs.

Held-out scans (`--held-out`): corpus notices the OCR code was never tuned
on, rendered as a clerk's PDF (tools/render_gongwen.py, as tests/test_forms.py
renders them, sharing its cache), then scanned; scored against the same PDF
read from its text layer (which tests/test_forms.py pins to the answer key).

    python benchmarks/ocr.py [--kind 200dpi-colour-seal ...] [--repeat 1]
    python benchmarks/ocr.py --held-out [--kind 200dpi-grey-skew2 ...]
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from scans import SAMPLE_PDF, ScanKind, scan_pdf, score

KINDS = {
    "200dpi-colour-seal": ScanKind(dpi=200, colour=True, seal=True, skew=0.8, noise=6, jpeg=80),
    "150dpi-grey": ScanKind(dpi=150, colour=False, seal=True, skew=-1.5, noise=6, jpeg=75),
    "200dpi-grey-skew2": ScanKind(dpi=200, colour=False, seal=False, skew=2.0, noise=8, jpeg=70),
}


# Held out: two corpus notices with a ruled 分工表 (grid files in
# tests/fixtures/forms), neither looked at while the OCR code was written.
HELD_OUT = ("32_suining-2016-table", "34_chizhou-xinfang-table")
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
CACHE = Path(tempfile.gettempdir()) / "policy_parse-forms"  # tests/test_forms.py's


def rendered_pdf(name: str) -> Path:
    """The corpus notice `name` as tools/render_gongwen.py lays it out, as a
    PDF (LibreOffice), from tests/test_forms.py's cache when it is there."""
    spec = importlib.util.spec_from_file_location(
        "render_gongwen", ROOT / "tools" / "render_gongwen.py"
    )
    assert spec and spec.loader
    rg = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("render_gongwen", rg)
    spec.loader.exec_module(rg)
    docx = rg.render_docx(
        rg.load_notice(CORPUS / f"{name}.txt", ROOT / "tests" / "fixtures" / "forms"),
        autonum=True,
    )
    digest = hashlib.sha256(docx + rg.FONTCONFIG.read_bytes()).hexdigest()[:24]
    pdf = CACHE / f"{digest}.pdf"
    if not pdf.exists():
        if not (shutil.which("soffice") or shutil.which("libreoffice")):
            raise SystemExit("soffice not on PATH: the held-out notices cannot be rendered")
        CACHE.mkdir(exist_ok=True)
        (CACHE / f"{digest}.docx").write_bytes(docx)
        with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
            for made in rg.to_pdf([CACHE / f"{digest}.docx"], Path(tmp)):
                made.replace(CACHE / made.name)
    return pdf


def run(kind: str, repeat: int, source: Path = SAMPLE_PDF, name: str = "") -> None:
    import policy_parse

    if source == SAMPLE_PDF:
        known = json.loads((ROOT / "golden" / "notice.pdf.json").read_text(encoding="utf-8"))
        label = kind
    else:  # the same PDF read from its text layer
        known = policy_parse.to_dict(policy_parse.parse(source), lang=None)
        label = f"{name or source.name} {kind}"
    data = scan_pdf(source, KINDS[kind])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"scan-{kind}.pdf"
        path.write_bytes(data)
        walls, cpus = [], []
        for _ in range(repeat):
            before = os.times()
            t = time.perf_counter()
            # A clock generous enough for a busy machine: this measures the
            # time, it does not enforce it (Limits.ocr_page_seconds does).
            notice = policy_parse.parse(path, limits=policy_parse.Limits(pdf_seconds=3600))
            walls.append(time.perf_counter() - t)
            after = os.times()
            cpus.append(
                (after.children_user + after.children_system + after.user + after.system)
                - (before.children_user + before.children_system + before.user + before.system)
            )
    got = policy_parse.to_dict(notice, lang=None)
    s = score(got, known)
    folded = score(got, known, fold_commas=True)
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    pages = len(doc)
    doc.close()
    print(
        f"{label}: {s}; wrong: {', '.join(s.wrong) or '-'}; "
        f"with ， read as , : {folded} (wrong: {', '.join(folded.wrong) or '-'}); "
        f"wall median {statistics.median(walls):.1f} s, CPU median {statistics.median(cpus):.1f} s "
        f"({repeat} run(s), {pages} pages); "
        f"source.ocr: {got['source'].get('ocr')}"
    )


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--kind", action="append", choices=sorted(KINDS))
    p.add_argument("--repeat", type=int, default=1)
    p.add_argument(
        "--held-out", action="store_true", help=f"score scans of {', '.join(HELD_OUT)} instead"
    )
    args = p.parse_args()
    if args.held_out:
        for name in HELD_OUT:
            pdf = rendered_pdf(name)
            for kind in args.kind or ["200dpi-colour-seal", "200dpi-grey-skew2"]:
                run(kind, args.repeat, pdf, name)
        return 0
    for kind in args.kind or list(KINDS):
        run(kind, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

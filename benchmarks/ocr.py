"""Scans through OCR: speed and scores (docs/formats.md, "Scans").

Each scan is made from a sample PDF (tests/scans.py: rendered to images as
a scanner would, wrapped back into an image-only PDF) and parsed as a user
would (`policy_parse.parse`, page workers and all); its measures and table
rows are scored against the golden of the same notice read from its text
layer.  Wall time and the CPU time of the page workers (children) are both
quoted: OCR is CPU-bound, and wall time depends on what else the machine runs.

    python benchmarks/ocr.py [--kind 200dpi-colour-seal ...] [--repeat 1]
"""

from __future__ import annotations

import argparse
import json
import os
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


def run(kind: str, repeat: int) -> None:
    import policy_parse

    known = json.loads((ROOT / "golden" / "notice.pdf.json").read_text(encoding="utf-8"))
    data = scan_pdf(SAMPLE_PDF, KINDS[kind])
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
    print(
        f"{kind}: {s}; wrong: {', '.join(s.wrong) or '-'}; "
        f"wall median {statistics.median(walls):.1f} s, CPU median {statistics.median(cpus):.1f} s "
        f"({repeat} run(s), 23 pages); source.ocr: {got['source'].get('ocr')}"
    )


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--kind", action="append", choices=sorted(KINDS))
    p.add_argument("--repeat", type=int, default=1)
    args = p.parse_args()
    for kind in args.kind or list(KINDS):
        run(kind, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

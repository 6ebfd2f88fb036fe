"""What looking for a table without ruling lines costs a PDF page
(read/layout/borderless.py): `page_to_layout` over every page of some PDFs,
CPU time, with the search turned off and on in alternate rounds.

    python benchmarks/bench_borderless.py [--repeat 7] [PDF ...]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from policy_parse.read.layout import tables
from policy_parse.read.pdf.pdfium import PdfiumEngine

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [
    ROOT / "samples" / "notice.pdf",
    ROOT / "tests" / "fixtures" / "layouts" / "a4-portrait-gbt9704.pdf",
    ROOT / "tests" / "fixtures" / "borderless" / "notice-borderless.pdf",
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("pdfs", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    search = tables.infer_rulings
    for path in args.pdfs:
        pages = list(PdfiumEngine(path.read_bytes(), None, str(path)).pages())
        cpu: dict[str, list[float]] = {"off": [], "on": []}
        wall: dict[str, list[float]] = {"off": [], "on": []}
        for _ in range(args.repeat):
            for name, fn in (("off", lambda chars: None), ("on", search)):
                tables.infer_rulings = fn  # type: ignore[assignment]
                c0, w0 = time.process_time(), time.perf_counter()
                for page in pages:
                    tables.page_to_layout(page)
                cpu[name].append(time.process_time() - c0)
                wall[name].append(time.perf_counter() - w0)
        tables.infer_rulings = search
        print(
            f"{path.name}: {len(pages)} pages; page_to_layout median CPU "
            f"off {1000 * statistics.median(cpu['off']):.1f} ms, "
            f"on {1000 * statistics.median(cpu['on']):.1f} ms "
            f"(wall {1000 * statistics.median(wall['off']):.1f} / "
            f"{1000 * statistics.median(wall['on']):.1f} ms; {args.repeat} rounds)"
        )


if __name__ == "__main__":
    main()

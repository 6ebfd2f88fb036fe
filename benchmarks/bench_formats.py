"""The whole pipeline against its floor, per input format, in one run.

    python benchmarks/bench_formats.py [--repeat N] [--mem-runs M] [--formats txt,docx,pdf]

For samples/notice.{txt,docx,pdf}:

* pipeline — `policy_parse.parse(path)`: read, segment, normalise, reconcile
  (for a PDF that includes forking the bounded worker and sending the
  Document back);
* floor — the dependency doing its own job on the same file:
    txt   read the bytes and decode them as UTF-8;
    docx  python-docx: `docx.Document(path)`, then `.text` of every body
          paragraph and of every cell of every table (`table.rows` → `row.cells`);
    pdf   pdfplumber: open, then `extract_text()` and `extract_tables()` on
          every page, closing each page after use (as the reader does).

Time: median wall time of N calls in this process after one warm-up call each,
pipeline and floor calls interleaved so drift on a shared machine hits both
alike.  Imports are not timed.

Peak memory: each measured in a fresh interpreter (median of M) as
max(self, children) — the whole process, interpreter and imports included:

* self: the process's own high-water RSS.  That is what
  `getrusage(RUSAGE_SELF).ru_maxrss` should say, but on Linux it also carries
  the RSS the *launching* process had when it forked (exec keeps the old
  mm's high-water mark: a child of this 80 MiB benchmark would report at
  least 80 MiB), so self is read from VmHWM in /proc/self/status, which
  starts afresh at exec; ru_maxrss(SELF) is still printed for comparison.
* children: `getrusage(RUSAGE_CHILDREN).ru_maxrss`, the largest waited-for
  child.  It matters for the PDF pipeline only: it parses in a forked worker
  (read/_pdfworker.py) whose RSS includes the pages it shares with its
  parent, so max(self, children) does not add them twice.

"+work" is how far the peak rose above the high-water mark right after the
imports.

Targets (issue 3): pipeline ≤ 1.3× floor time, ≤ 1.5× floor peak memory, for
docx and pdf.  txt has no target (its floor is a decode).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FORMATS = ("txt", "docx", "pdf")
DEFAULT_REPEAT = {"txt": 20, "docx": 20, "pdf": 7}
TIME_TARGET = 1.3
MEMORY_TARGET = 1.5


# ---------------------------------------------------------------------------
# The work


def pipeline(path: Path) -> object:
    import policy_parse

    return policy_parse.parse(path)


def floor_txt(path: Path) -> object:
    return path.read_bytes().decode("utf-8")


def floor_docx(path: Path) -> object:
    import docx

    d = docx.Document(str(path))
    texts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            texts.extend(cell.text for cell in row.cells)
    return texts


def floor_pdf(path: Path) -> object:
    import pdfplumber

    out = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            out.append((page.extract_text(), page.extract_tables()))
            page.close()
    return out


FLOORS: dict[str, Callable[[Path], object]] = {
    "txt": floor_txt,
    "docx": floor_docx,
    "pdf": floor_pdf,
}


def _work(kind: str, fmt: str) -> Callable[[Path], object]:
    return pipeline if kind == "pipeline" else FLOORS[fmt]


def _import(kind: str, fmt: str) -> None:
    if kind == "pipeline":
        import policy_parse  # noqa: F401
    elif fmt == "docx":
        import docx  # noqa: F401
    elif fmt == "pdf":
        import pdfplumber  # noqa: F401


# ---------------------------------------------------------------------------
# Measuring


def wall_times(fmt: str, path: Path, n: int) -> dict[str, list[float]]:
    for kind in ("pipeline", "floor"):
        _import(kind, fmt)
        _work(kind, fmt)(path)  # warm: lazy imports, data files, regex caches
    out: dict[str, list[float]] = {"pipeline": [], "floor": []}
    for i in range(n):
        order = ("pipeline", "floor") if i % 2 == 0 else ("floor", "pipeline")
        for kind in order:
            fn = _work(kind, fmt)
            t = time.perf_counter()
            fn(path)
            out[kind].append(time.perf_counter() - t)
    return out


def _hwm_kib() -> int:
    """VmHWM of this process (peak resident set so far), in KiB."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child_main(kind: str, fmt: str, path: str) -> None:
    """Runs in a fresh interpreter: import, measure, do the work once, report."""
    _import(kind, fmt)
    after_import = _hwm_kib()
    _work(kind, fmt)(Path(path))
    own = _hwm_kib()
    ru_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(
        json.dumps(
            {"self": own, "ru_self": ru_self, "children": children, "after_import": after_import}
        )
    )


def peak_memory(kind: str, fmt: str, path: Path, runs: int) -> dict[str, int]:
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, __file__, "--child", kind, fmt, str(path)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        r = json.loads(out.strip().splitlines()[-1])
        r["peak"] = max(r["self"], r["children"])
        results.append(r)
    results.sort(key=lambda r: r["peak"])
    return results[len(results) // 2]


# ---------------------------------------------------------------------------
# Report


def _mib(kib: int) -> float:
    return kib / 1024


def _verdict(ratio: float, target: float, fmt: str) -> str:
    if fmt == "txt":
        return "  -"
    return " ok" if ratio <= target else " MISSED"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--child", nargs=3, metavar=("KIND", "FORMAT", "PATH"), help=argparse.SUPPRESS)
    ap.add_argument(
        "--repeat",
        type=int,
        default=None,
        help="timed runs per format (default: txt 20, docx 20, pdf 7)",
    )
    ap.add_argument("--mem-runs", type=int, default=3, help="fresh processes per memory figure")
    ap.add_argument("--formats", default=",".join(FORMATS), help="comma-separated subset")
    args = ap.parse_args(argv)
    # Measure the checkout this script lives in, in this process and in the
    # memory children alike (not whatever policy_parse is installed).
    sys.path.insert(0, str(ROOT / "src"))
    if args.child:
        child_main(*args.child)
        return 0

    formats = [f for f in args.formats.split(",") if f]
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    import policy_parse

    print(
        f"bench_formats  {now}  {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(f"policy_parse from {Path(policy_parse.__file__).parent}")
    print()
    head = (
        f"{'format':6} {'runs':>4} | {'pipeline ms':>11} {'floor ms':>9} {'ratio':>6} {'≤1.3':>7}"
        f" | {'pipeline MiB':>12} {'floor MiB':>9} {'ratio':>6} {'≤1.5':>7}"
        f" | {'+work pipe':>10} {'+work floor':>11}"
    )
    print(head)
    print("-" * len(head))
    notes = []
    worst = 0
    for fmt in formats:
        path = SAMPLES / f"notice.{fmt}"
        n = args.repeat or DEFAULT_REPEAT[fmt]
        times = wall_times(fmt, path, n)
        tp, tf = statistics.median(times["pipeline"]), statistics.median(times["floor"])
        mp = peak_memory("pipeline", fmt, path, args.mem_runs)
        mf = peak_memory("floor", fmt, path, args.mem_runs)
        rt, rm = tp / tf, mp["peak"] / mf["peak"]
        vt, vm = _verdict(rt, TIME_TARGET, fmt), _verdict(rm, MEMORY_TARGET, fmt)
        worst |= "MISSED" in vt + vm
        print(
            f"{fmt:6} {n:>4} | {tp * 1000:>11.1f} {tf * 1000:>9.1f} {rt:>5.2f}x {vt:>7}"
            f" | {_mib(mp['peak']):>12.1f} {_mib(mf['peak']):>9.1f} {rm:>5.2f}x {vm:>7}"
            f" | {_mib(mp['peak'] - mp['after_import']):>10.1f}"
            f" {_mib(mf['peak'] - mf['after_import']):>11.1f}"
        )
        spread = (
            f"  {fmt}: pipeline min/max {min(times['pipeline']) * 1000:.1f}/"
            f"{max(times['pipeline']) * 1000:.1f} ms, floor min/max "
            f"{min(times['floor']) * 1000:.1f}/{max(times['floor']) * 1000:.1f} ms; "
            f"peak MiB self/children (ru_maxrss self): "
            f"pipeline {_mib(mp['self']):.1f}/{_mib(mp['children']):.1f} ({_mib(mp['ru_self']):.1f}), "
            f"floor {_mib(mf['self']):.1f}/{_mib(mf['children']):.1f} ({_mib(mf['ru_self']):.1f})"
        )
        notes.append(spread)
    print()
    print("\n".join(notes))
    print()
    print(
        "time: median wall time per call, warm, imports excluded, pipeline and floor interleaved.\n"
        "memory: peak RSS of a fresh interpreter that imports and does the work once,\n"
        "  interpreter and imports included: max(self = VmHWM, children = RUSAGE_CHILDREN\n"
        "  ru_maxrss); the PDF pipeline's children figure is its forked parse worker.\n"
        "  (ru_maxrss of RUSAGE_SELF is shown in brackets only: on Linux it includes the\n"
        "  launching benchmark's own RSS, inherited through fork+exec.)\n"
        "  +work: rise of the peak above the high-water mark right after the imports.\n"
        f"  median of {args.mem_runs} processes each."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Peak memory of a PDF's caller and of its page workers apart, per length
(issue 26: "memory flat per page").

    python benchmarks/pdf_memory.py [--pages 100 300 1000 2000] [--rounds N]
                                    [--tree LABEL=SRC ...] [--traced]

For each length a PDF is made of samples/notice.pdf's pages imported again
and again (as bench_formats.py --pages).  Each run is a fresh process that
calls the CLI's `main` on it (JSON to a temporary file) and then reports its
own `ru_maxrss` (the caller: the document, the text stages, the output)
and its children's (the largest page worker), with the CPU time of each
and the wall time.  `--traced`: the caller runs under tracemalloc and its
traced peak (Python objects alone, no interpreter or library) is printed
too; the forked workers inherit tracemalloc, so the other columns of such
a run are not comparable with an untraced one.  Trees (`--tree before=/tmp/base/src`; default: this
checkout's src/) take turns in every round, so load falls on them alike.
Printed: medians with min–max, and KiB per page between consecutive
lengths.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_formats import pdf_pages  # a sibling script (benchmarks/ is on sys.path)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "notice.pdf"

_ONE = """
import json, resource, sys, time, tracemalloc
if sys.argv[3] == "traced":
    tracemalloc.start()
t = time.perf_counter()
from policy_parse.__main__ import main
code = main([sys.argv[1], "-o", sys.argv[2]])
wall = time.perf_counter() - t
s = resource.getrusage(resource.RUSAGE_SELF)
c = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "wall": wall, "caller_mib": s.ru_maxrss / 1024,
    "workers_mib": c.ru_maxrss / 1024, "caller_cpu": s.ru_utime + s.ru_stime,
    "workers_cpu": c.ru_utime + c.ru_stime,
    "traced_mib": tracemalloc.get_traced_memory()[1] / 2**20}))
"""


def _run(pdf: Path, src: str, out: Path, traced: bool) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=src)
    proc = subprocess.run(
        [sys.executable, "-c", _ONE, str(pdf), str(out), "traced" if traced else "-"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    r: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    if r["code"] != 0:
        raise RuntimeError(f"{pdf.name}: exit {r['code']}")
    return r


def _spread(values: list[float], digits: int = 1) -> str:
    m, lo, hi = statistics.median(values), min(values), max(values)
    return f"{m:7.{digits}f} ({lo:.{digits}f}–{hi:.{digits}f})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, nargs="+", default=[100, 300, 1000, 2000])
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--tree", action="append", default=[], help="LABEL=SRC (repeatable)")
    ap.add_argument("--traced", action="store_true", help="the caller's tracemalloc peak too")
    args = ap.parse_args()
    trees = dict(t.split("=", 1) for t in args.tree) or {"this": str(ROOT / "src")}
    for src in trees.values():
        subprocess.run([sys.executable, "-m", "compileall", "-q", src], check=True)
        env = dict(os.environ, PYTHONPATH=src)
        subprocess.run([sys.executable, "-m", "policy_parse.warmup"], env=env, check=True)
    results: dict[tuple[int, str], list[dict[str, float]]] = {}
    load = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory() as tmp:
        pdfs = {n: Path(tmp) / f"notice-{n}p.pdf" for n in args.pages}
        for n, path in pdfs.items():
            pdf_pages(SAMPLE, n, path)
        for i in range(args.rounds):
            names = list(trees)
            names = names[i % len(names) :] + names[: i % len(names)]
            for n, path in pdfs.items():
                for name in names:
                    r = _run(path, trees[name], Path(tmp) / "out.json", args.traced)
                    results.setdefault((n, name), []).append(r)
            load.append(os.getloadavg()[0])
    print(f"{args.rounds} round(s); load {min(load):.1f}–{max(load):.1f} on {os.cpu_count()} CPUs")
    traced = f" {'traced MiB':>22}" if args.traced else ""
    print(
        f"  {'pages':>5} {'tree':8} {'caller MiB':>22} {'workers MiB':>22}{traced}"
        f" {'caller CPU s':>22} {'all CPU s':>22} {'wall s':>22}"
    )
    for name in trees:
        for n in args.pages:
            rs = results[(n, name)]
            traced = f" {_spread([r['traced_mib'] for r in rs]):>22}" if args.traced else ""
            print(
                f"  {n:5} {name:8} {_spread([r['caller_mib'] for r in rs]):>22}"
                f" {_spread([r['workers_mib'] for r in rs]):>22}{traced}"
                f" {_spread([r['caller_cpu'] for r in rs], 2):>22}"
                f" {_spread([r['caller_cpu'] + r['workers_cpu'] for r in rs], 2):>22}"
                f" {_spread([r['wall'] for r in rs], 2):>22}"
            )
        for a, b in zip(args.pages, args.pages[1:]):

            def per_page(key: str, a: int = a, b: int = b, name: str = name) -> str:
                va = statistics.median(r[key] for r in results[(a, name)])
                vb = statistics.median(r[key] for r in results[(b, name)])
                return f"{1024 * (vb - va) / (b - a):.0f} KiB a page"

            traced = f", traced {per_page('traced_mib')}" if args.traced else ""
            print(
                f"  {name}: {a}→{b} pages: caller {per_page('caller_mib')},"
                f" workers {per_page('workers_mib')}{traced}"
            )


if __name__ == "__main__":
    main()

"""Two source trees side by side on a PDF, in CPU time (issue 26).

    python benchmarks/pdf_trees.py BEFORE/src AFTER/src [--rounds N] [--calls K]
                                   [--pages P] [--callgrind [--parts]] [--pdf PATH]
                                   [--no-notice]

A change to the PDF reader is measured against the tree before it, on the
same loaded machine, in rounds that take turns (each round runs every
contender once, in an order that rotates), so load from other sessions falls
on both trees alike.  Per tree:

    cli      `python -m policy_parse PDF` as a whole process: user + sys CPU
             of it and its page workers (wait4), wall time, peak RSS
    pages    `read.pdf.pages.read_layouts` in a fresh process, no fork: the
             median CPU of K warm calls (what the page workers do, in one)

and the floors, the same way: `pdftotext -layout` (whole process) and
pypdfium2's own text plus every character's loose box and font size and
every page object's bounds (in process, median of K warm calls).  With
`--pages P` the CLI and pdftotext also read a P-page PDF (notice.pdf's pages
imported again and again, as bench_formats.py --pages).  With `--callgrind`
the instructions of one warm `read_layouts` per tree (valgrind, the
difference between a process doing two calls and one doing one, the hash
seed fixed): the only figure load cannot move; `--parts` adds the same for
PDFium's object walk, its character loop and `page_to_layout` alone.

Bytecode is compiled first (`compileall`) for both trees, so no figure pays
for compiling.  Printed: medians with min–max, ratios of medians, the load
average before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_formats import LAUNCH, pdf_pages  # a sibling script (benchmarks/ is on sys.path)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "notice.pdf"


# In a fresh process: K warm calls, the median CPU (process_time) printed.
_CALLS = """
import sys, time, statistics
from pathlib import Path
data = Path(sys.argv[1]).read_bytes()
k = int(sys.argv[2])
WORK
work()
cpu = []
for _ in range(k):
    c = time.process_time(); work(); cpu.append(time.process_time() - c)
print(statistics.median(cpu) if cpu else 0.0)
"""

_PAGES = """
from policy_parse.read.pdf.pages import read_layouts
def work():
    return read_layouts(data, "x", 100_000, None, "pdfium")
"""

# The parts of a read, each alone over every page (--callgrind --parts):
# PDFium's page-object walk, its characters (`_chars`), and page_to_layout
# over page models read beforehand.
_PART = """
import pypdfium2 as pdfium
from pypdfium2 import raw
from policy_parse.read.pdf import pdfium as P
from policy_parse.read.layout.tables import page_to_layout
PART = "NAME"
if PART == "layout":
    engine = P.PdfiumEngine(data, None, "x")
    models = list(engine.pages())
    def work():
        for m in models:
            m.hidden = []
            page_to_layout(m)
else:
    pdf = pdfium.PdfDocument(data)
    pages = [pdf[i] for i in range(len(pdf))]
    tps = [p.get_textpage() for p in pages]
    def walk(page):
        w = P._Walk(height=page.get_size()[1])
        P._walk(page.raw, raw.FPDFPage_CountObjects(page.raw), P._object_at, P._IDENTITY, w, 0, 0)
        return w
    walks = [walk(p) for p in pages]
    def work():
        if PART == "walk":
            for p in pages:
                walk(p)
        else:
            for tp, w in zip(tps, walks):
                P.PdfiumEngine._chars(tp.raw, w.height, w)
"""
PARTS = ("walk", "chars", "layout")

_PDFIUM = """
import ctypes
import pypdfium2 as pdfium
from pypdfium2 import raw
def work():
    out = []
    pdf = pdfium.PdfDocument(data)
    box = raw.FS_RECTF()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for page in pdf:
        tp = page.get_textpage()
        n = tp.count_chars()
        out.append(tp.get_text_range())
        for i in range(n):
            raw.FPDFText_GetLooseCharBox(tp.raw, i, box)
            raw.FPDFText_GetFontSize(tp.raw, i)
        for k in range(raw.FPDFPage_CountObjects(page.raw)):
            obj = raw.FPDFPage_GetObject(page.raw, k)
            raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        tp.close()
        page.close()
    pdf.close()
    return out
"""


def _env(src: str | None) -> dict[str, str]:
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    return env


def _launch(cmd: list[str], src: str | None) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", LAUNCH, *cmd],
        check=True,
        capture_output=True,
        text=True,
        env=_env(src),
    ).stdout
    r: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    if r["code"] != 0:
        raise RuntimeError(f"{cmd} exited with {r['code']}")
    return r


def _calls(work: str, pdf: Path, k: int, src: str | None) -> float:
    code = _CALLS.replace("WORK", work)
    out = subprocess.run(
        [sys.executable, "-c", code, str(pdf), str(k)],
        check=True,
        capture_output=True,
        text=True,
        env=_env(src),
    ).stdout
    return float(out.strip().splitlines()[-1])


def _spread(ms: list[float]) -> str:
    return f"{statistics.median(ms):7.1f} ({min(ms):.0f}–{max(ms):.0f})"


def _load() -> float:
    return os.getloadavg()[0]


def _rotate(names: list[str], i: int) -> list[str]:
    return names[i % len(names) :] + names[: i % len(names)]


def side_by_side(trees: dict[str, str], pdf: Path, rounds: int, k: int, whole_only: bool) -> None:
    """Rounds of every contender on `pdf`, in turn; prints the table."""
    contenders: dict[str, tuple[str, str | None]] = {}
    for label, src in trees.items():
        contenders[f"cli {label}"] = ("cli", src)
        if not whole_only:
            contenders[f"pages {label}"] = ("pages", src)
    contenders["pdftotext"] = ("pdftotext", None)
    if not whole_only:
        contenders["pdfium floor"] = ("pdfium", None)
    cpu: dict[str, list[float]] = {n: [] for n in contenders}
    wall: dict[str, list[float]] = {n: [] for n in contenders}
    mib: dict[str, list[float]] = {n: [] for n in contenders}
    load = [_load()]
    for i in range(rounds):
        for name in _rotate(list(contenders), i):
            kind, src = contenders[name]
            if kind == "cli":
                r = _launch([sys.executable, "-m", "policy_parse", str(pdf)], src)
            elif kind == "pdftotext":
                r = _launch(["pdftotext", "-layout", str(pdf), "-"], None)
            else:
                work = _PAGES if kind == "pages" else _PDFIUM
                cpu[name].append(_calls(work, pdf, k, src) * 1000)
                continue
            cpu[name].append(r["cpu"] * 1000)
            wall[name].append(r["s"] * 1000)
            mib[name].append(r["kib"] / 1024)
        load.append(_load())
    print(
        f"{pdf.name}: {rounds} rounds, {k} warm calls each in process; "
        f"load {min(load):.1f}–{max(load):.1f} on {os.cpu_count()} CPUs"
    )
    floors = {"cli": "pdftotext", "pages": "pdfium floor"}
    for name, (kind, _) in contenders.items():
        line = f"  {name:16} CPU ms {_spread(cpu[name]):>22}"
        if wall[name]:
            line += f"   wall {statistics.median(wall[name]):7.0f}"
            line += f"   peak {statistics.median(mib[name]):6.1f} MiB"
        floor = floors.get(kind)
        if floor and cpu[floor]:
            line += (
                f"   {statistics.median(cpu[name]) / statistics.median(cpu[floor]):5.2f}x {floor}"
            )
        print(line)


def callgrind(trees: dict[str, str], pdf: Path, parts: bool = False) -> None:
    """Instructions of one warm read_layouts per tree (and of each part of
    it, with `parts`).  The hash seed is fixed: set and dict order would
    otherwise differ between the two processes whose counts are subtracted."""
    works = {"read_layouts": _PAGES}
    if parts:
        works.update({name: _PART.replace("NAME", name) for name in PARTS})
    for name, work in works.items():
        _callgrind(trees, pdf, name, _CALLS.replace("WORK", work))


def _callgrind(trees: dict[str, str], pdf: Path, name: str, code: str) -> None:
    for label, src in trees.items():
        counts = []
        for k in (1, 2):
            with tempfile.TemporaryDirectory() as tmp:
                out = subprocess.run(
                    [
                        "valgrind",
                        "--tool=callgrind",
                        f"--callgrind-out-file={tmp}/cg.out",
                        os.path.realpath(sys.executable),
                        "-c",
                        code,
                        str(pdf),
                        str(k - 1),
                    ],
                    capture_output=True,
                    text=True,
                    env={**_env(src), "PYTHONHASHSEED": "0"},
                    check=True,
                ).stderr
            m = re.search(r"Collected : (\d+)", out)
            if m is None:
                raise RuntimeError(f"no callgrind total:\n{out}")
            counts.append(int(m.group(1)))
        print(f"  {label:8} one warm {name:12}: {(counts[1] - counts[0]) / 1e6:7.1f}M instructions")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("before", help="the first tree's src/ folder")
    ap.add_argument("after", help="the second tree's src/ folder")
    ap.add_argument("--pdf", type=Path, default=SAMPLE)
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument("--calls", type=int, default=3, help="warm calls per in-process run")
    ap.add_argument("--pages", type=int, default=0, help="also a PDF of this many pages")
    ap.add_argument("--page-rounds", type=int, default=3)
    ap.add_argument("--callgrind", action="store_true")
    ap.add_argument(
        "--parts", action="store_true", help="with --callgrind: also the walk, _chars and layout"
    )
    ap.add_argument("--no-notice", action="store_true", help="skip the rounds on --pdf itself")
    args = ap.parse_args()
    trees = {"before": args.before, "after": args.after}
    for src in trees.values():
        subprocess.run([sys.executable, "-m", "compileall", "-q", src], check=True)
        subprocess.run([sys.executable, "-m", "policy_parse.warmup"], env=_env(src), check=True)
    if not shutil.which("pdftotext"):
        sys.exit("pdftotext (poppler-utils) is needed for the floor")
    if not args.no_notice:
        side_by_side(trees, args.pdf, args.rounds, args.calls, whole_only=False)
    if args.callgrind:
        callgrind(trees, args.pdf, args.parts)
    if args.pages:
        with tempfile.TemporaryDirectory() as tmp:
            big = Path(tmp) / f"notice-{args.pages}p.pdf"
            pdf_pages(args.pdf, args.pages, big)
            side_by_side(trees, big, args.page_rounds, 1, whole_only=True)


if __name__ == "__main__":
    main()

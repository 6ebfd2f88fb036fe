"""The pipeline, the whole CLI process and the floors, per format, side by side.

    python benchmarks/bench_formats.py [--repeat N] [--procs P] [--formats txt,docx,pdf]
                                       [--scales 1,4,16,64] [--no-scaling]

For samples/notice.{txt,docx,pdf}, every contender is measured twice in one
run: **in-process** (median of N warm calls, imports excluded, contenders
interleaved so load on the shared machine falls on all alike) and as a
**whole process** (median wall time of P fresh interpreters that import what
they need and do the work once, with their peak memory; the contenders take
turns, one process each per round):

    pipeline        policy_parse.parse(path)           (in-process)
    cli             python -m policy_parse PATH        (whole process)
    txt   decode           the bytes decoded as UTF-8
    docx  python-docx      Document(path), .text of paragraphs and cells
          lxml-raw         word/document.xml parsed by lxml, every w:t read
    pdf   plumber-wide     pdfplumber extract_text() + extract_tables()
          plumber-narrow   pdfplumber: only what the reader asks for — chars,
                           lines/rects/curves, find_tables()
          pdfium           pypdfium2: every character (text, box, size) and
                           every page object, its own extraction
          pdftotext        poppler's `pdftotext -layout` (when installed;
                           whole process only)

Ratios are each contender's time over the pipeline's (in-process) or the
CLI's (whole process): "cli/plumber-wide 0.25" means the CLI takes a quarter
of the time of a process running pdfplumber's wide floor.

Peak memory of a whole process is max(VmHWM of the process, ru_maxrss of its
waited-for children) — the PDF pipeline parses in a forked worker whose RSS
includes the pages it shares with its parent, hence max, not sum.  VmHWM
rather than ru_maxrss(SELF): on Linux a fork+exec child inherits the
launcher's high-water mark in ru_maxrss.  For the CLI and pdftotext the
figure is the waited-for process's ru_maxrss, which may carry up to the
launcher's RSS at fork (this script's launcher is a bare `python -c` of a few
MiB, see _launch).

The scaling run parses the notice repeated ×1, ×4, ×16, ×64 (the same
measures again and again: numbers repeat) and prints time per copy and per
input measure (k × the notice's measures; the parsed notice may hold fewer,
repeated numbers being merged) and the peak memory of one process: text concatenated, the docx body's elements repeated,
the PDF's pages imported again with pypdfium2.  Growth within 1.5× from ×1
to ×64 is the target (issue 11).
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FORMATS = ("txt", "docx", "pdf")
DEFAULT_REPEAT = {"txt": 20, "docx": 20, "pdf": 5}
DEFAULT_PROCS = 5

# ---------------------------------------------------------------------------
# The work (each takes a path)


def pipeline(path: Path) -> object:
    import policy_parse

    return policy_parse.parse(path)


def floor_decode(path: Path) -> object:
    return path.read_bytes().decode("utf-8")


def floor_python_docx(path: Path) -> object:
    import docx

    d = docx.Document(str(path))
    texts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            texts.extend(cell.text for cell in row.cells)
    return texts


def floor_lxml_raw(path: Path) -> object:
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"
    return [t.text for t in root.iter(w)]


def floor_plumber_wide(path: Path) -> object:
    import pdfplumber

    out = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            out.append((page.extract_text(), page.extract_tables()))
            page.close()
    return out


def floor_plumber_narrow(path: Path) -> object:
    import pdfplumber

    out = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            chars = page.chars
            drawn = (*page.lines, *page.rects, *page.curves)
            out.append((len(chars), len(drawn), page.find_tables()))
            page.close()
    return out


def floor_pdfium(path: Path) -> object:
    import ctypes

    import pypdfium2 as pdfium
    from pypdfium2 import raw

    out = []
    pdf = pdfium.PdfDocument(path)
    box = raw.FS_RECTF()
    for page in pdf:
        tp = page.get_textpage()
        n = tp.count_chars()
        text = tp.get_text_range()
        for i in range(n):
            raw.FPDFText_GetLooseCharBox(tp.raw, i, box)
            raw.FPDFText_GetFontSize(tp.raw, i)
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        for k in range(raw.FPDFPage_CountObjects(page.raw)):
            obj = raw.FPDFPage_GetObject(page.raw, k)
            raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        out.append(text)
        tp.close()
        page.close()
    pdf.close()
    return out


def pdf_pages(path: Path) -> object:
    """The page workers' job done in this process, one worker for every
    page: the engine draws each page, the layout builds its lines and cells
    (`read.pdf.pages.read_layouts`), no fork, no text stages.  What the
    `pdfium` floor measures is the engine's half of it."""
    from policy_parse.read.pdf.pages import read_layouts

    return read_layouts(path.read_bytes(), str(path), 100_000, None, "pdfium")


def cli_in_process(path: Path) -> object:
    """What `python -m policy_parse PATH` does, minus the interpreter start."""
    from contextlib import redirect_stdout

    from policy_parse.__main__ import main

    with redirect_stdout(io.StringIO()):
        return main([str(path)])


WORK: dict[str, Callable[[Path], object]] = {
    "pipeline": pipeline,
    "cli": cli_in_process,
    "decode": floor_decode,
    "python-docx": floor_python_docx,
    "lxml-raw": floor_lxml_raw,
    "plumber-wide": floor_plumber_wide,
    "plumber-narrow": floor_plumber_narrow,
    "pdfium": floor_pdfium,
    "pdf-pages": pdf_pages,
}
CONTENDERS = {
    "txt": ["pipeline", "decode"],
    "docx": ["pipeline", "python-docx", "lxml-raw"],
    "pdf": ["pipeline", "pdf-pages", "plumber-wide", "plumber-narrow", "pdfium"],
}
IMPORTS = {
    "pipeline": "policy_parse",
    "cli": "policy_parse.__main__",
    "decode": None,
    "python-docx": "docx",
    "lxml-raw": "lxml.etree",
    "plumber-wide": "pdfplumber",
    "plumber-narrow": "pdfplumber",
    "pdfium": "pypdfium2",
    "pdf-pages": "policy_parse.read.pdf.pages",
}


# ---------------------------------------------------------------------------
# Measuring


def _cpu() -> float:
    """CPU seconds (user + sys) of this process and of its children that
    were waited for: the pipeline's PDF page workers are forked children."""
    import resource

    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


Runs = dict[str, dict[str, list[float]]]


def in_process(names: list[str], path: Path, n: int) -> Runs:
    """Per contender, the wall and CPU seconds of `n` warm calls, contenders
    interleaved (each round in a rotated order)."""
    import importlib

    for name in names:
        if IMPORTS[name]:
            importlib.import_module(IMPORTS[name])
        WORK[name](path)  # warm: lazy imports, data files, regex caches
    out: Runs = {name: {"wall": [], "cpu": []} for name in names}
    for i in range(n):
        order = names[i % len(names) :] + names[: i % len(names)]
        for name in order:
            c, t = _cpu(), time.perf_counter()
            WORK[name](path)
            out[name]["wall"].append(time.perf_counter() - t)
            out[name]["cpu"].append(_cpu() - c)
    return out


# A tiny launcher: fork+exec from it keeps this benchmark's own RSS out of
# the measured process's ru_maxrss.  wait4's rusage is the child's and that
# of every descendant it waited for (the CLI's PDF page workers): its user +
# sys time is the CPU the whole command used.
LAUNCH = (
    "import os,sys,time,json;t=time.perf_counter();p=os.fork()\n"
    "if p==0:\n"
    " fd=os.open(os.devnull,os.O_WRONLY);os.dup2(fd,1);os.execvp(sys.argv[1],sys.argv[1:])\n"
    "_,s,ru=os.wait4(p,0);print(json.dumps({'s':time.perf_counter()-t,'kib':ru.ru_maxrss,"
    "'cpu':ru.ru_utime+ru.ru_stime,'code':os.waitstatus_to_exitcode(s)}))"
)


def _launch(cmd: list[str]) -> dict[str, float]:
    # The checkout this script lives in, not an installed copy.
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    out = subprocess.run(
        [sys.executable, "-c", LAUNCH, *cmd], check=True, capture_output=True, text=True, env=env
    ).stdout
    r: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    if r["code"] != 0:
        raise RuntimeError(f"{cmd} exited with {r['code']}")
    return r


def _script(name: str) -> str:
    """A fresh process's whole program for contender `name`: its imports and
    its work function's own source, nothing of this benchmark, so every
    contender pays the same start-up (the CLI is `python -m policy_parse`)."""
    import inspect

    fn = WORK[name]
    head = "import sys, zipfile, io\nfrom pathlib import Path\n"
    if IMPORTS[name]:
        head += f"import {IMPORTS[name]}\n"
    return head + inspect.getsource(fn) + f"\n{fn.__name__}(Path(sys.argv[1]))\n"


def _command(name: str, path: Path) -> list[str]:
    if name == "cli":
        return [sys.executable, "-m", "policy_parse", str(path)]
    if name == "pdftotext":
        return ["pdftotext", "-layout", str(path), "-"]
    return [sys.executable, "-c", _script(name), str(path)]


def whole_processes(names: list[str], path: Path, procs: int) -> Runs:
    """Per contender, the wall seconds, CPU seconds (user + sys of the
    process and its children) and peak MiB of `procs` fresh processes, each
    timed and measured the same way (`LAUNCH`: fork, exec, wait4).  The
    contenders take turns, one process each per round, in an order that
    rotates: a burst of load from another session then falls on all of them
    alike, not on whichever happened to run its processes then."""
    commands = {name: _command(name, path) for name in names}
    out: Runs = {name: {"wall": [], "cpu": [], "mib": []} for name in names}
    for i in range(procs):
        for name in names[i % len(names) :] + names[: i % len(names)]:
            r = _launch(commands[name])
            out[name]["wall"].append(r["s"])
            out[name]["cpu"].append(r["cpu"])
            out[name]["mib"].append(r["kib"] / 1024)
    return out


def _spread(values: list[float]) -> str:
    """Median (min–max) in ms."""
    ms = [v * 1000 for v in values]
    return f"{statistics.median(ms):7.1f} ({min(ms):.0f}–{max(ms):.0f})"


def _load() -> float:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")


def report(fmt: str, path: Path, n: int, procs: int) -> None:
    """One format's table: in-process and whole-process CPU time (median
    and min–max), wall time, ratios on CPU time, peak memory."""
    names = CONTENDERS[fmt]
    load_before = _load()
    warm = in_process(names, path, n)
    proc_names = ["cli", *[m for m in names[1:] if m != "pdf-pages"]]
    if fmt == "pdf" and shutil.which("pdftotext"):
        proc_names.append("pdftotext")
    whole = whole_processes(proc_names, path, procs)
    base_in = statistics.median(warm["pipeline"]["cpu"])
    base_proc = statistics.median(whole["cli"]["cpu"])
    print(
        f"{fmt}: {path.name}  ({n} warm calls, {procs} processes each; "
        f"load {load_before:.1f} → {_load():.1f})"
    )
    head = (
        f"  {'contender':14} | {'in-process CPU ms':>22} {'wall':>6} {'pipe/x':>7} |"
        f" {'process CPU ms':>22} {'wall':>6} {'cli/x':>7} {'peak MiB':>8}"
    )
    print(head)
    print("  " + "-" * (len(head) - 2))
    listed = ["pipeline", "cli", *names[1:], *(["pdftotext"] if "pdftotext" in whole else [])]
    for name in listed:
        w, p = warm.get(name), whole.get(name)
        cells = [f"{'-':>22} {'-':>6} {'-':>7}", f"{'-':>22} {'-':>6} {'-':>7} {'-':>8}"]
        if w is not None:
            cpu = statistics.median(w["cpu"])
            cells[0] = (
                f"{_spread(w['cpu']):>22} {statistics.median(w['wall']) * 1000:6.1f}"
                f" {base_in / cpu:6.2f}x"
            )
        if p is not None:
            cpu = statistics.median(p["cpu"])
            cells[1] = (
                f"{_spread(p['cpu']):>22} {statistics.median(p['wall']) * 1000:6.0f}"
                f" {base_proc / cpu:6.2f}x {statistics.median(p['mib']):8.1f}"
            )
        print(f"  {name:14} | {cells[0]} | {cells[1]}")
    print()


def big_pdf(pages: int, procs: int, tmp: Path) -> None:
    """The CLI against `pdftotext -layout` on a PDF of `pages` pages (the
    sample's pages imported again and again), whole processes taking turns:
    CPU and wall time, peak memory, and per page."""
    path = tmp / f"notice-{pages}p.pdf"
    pdf_pages(SAMPLES / "notice.pdf", pages, path)
    names = ["cli", *(["pdftotext"] if shutil.which("pdftotext") else [])]
    load_before = _load()
    whole = whole_processes(names, path, procs)
    print(f"pdf, {pages} pages  ({procs} processes each; load {load_before:.1f} → {_load():.1f})")
    head = (
        f"  {'contender':14} | {'CPU ms':>24} {'wall ms':>8} {'CPU/x':>6}"
        f" {'CPU ms/page':>11} {'peak MiB':>8}"
    )
    print(head)
    print("  " + "-" * (len(head) - 2))
    floor = statistics.median(whole[names[-1]]["cpu"])
    for name in names:
        cpu = statistics.median(whole[name]["cpu"])
        print(
            f"  {name:14} | {_spread(whole[name]['cpu']):>24}"
            f" {statistics.median(whole[name]['wall']) * 1000:8.0f} {cpu / floor:5.2f}x"
            f" {cpu * 1000 / pages:11.2f} {statistics.median(whole[name]['mib']):8.1f}"
        )
    print()


def pdf_pages(src: Path, pages: int, out: Path) -> None:
    """A PDF of exactly `pages` pages: `src`'s pages imported in turn."""
    import pypdfium2 as pdfium

    one = pdfium.PdfDocument(src)
    dst = pdfium.PdfDocument.new()
    n = len(one)
    while len(dst) < pages:
        take = min(n, pages - len(dst))
        dst.import_pages(one, pages=list(range(take)))
    dst.save(out)


# ---------------------------------------------------------------------------
# Scaling


def _scaled(fmt: str, k: int, tmp: Path) -> Path:
    src = SAMPLES / f"notice.{fmt}"
    out = tmp / f"notice-x{k}.{fmt}"
    if fmt == "txt":
        out.write_text("\n".join([src.read_text(encoding="utf-8")] * k), encoding="utf-8")
    elif fmt == "docx":
        from lxml import etree

        with zipfile.ZipFile(src) as z:
            parts = {i.filename: z.read(i.filename) for i in z.infolist()}
        root = etree.fromstring(parts["word/document.xml"])
        body = root[0]
        items = [e for e in body if not e.tag.endswith("}sectPr")]
        sect = [e for e in body if e.tag.endswith("}sectPr")]
        for e in list(body):
            body.remove(e)
        for _ in range(k):
            for e in items:
                body.append(etree.fromstring(etree.tostring(e)))
        for e in sect:
            body.append(e)
        parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, standalone=True)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in parts.items():
                z.writestr(name, data)
    else:
        import pypdfium2 as pdfium

        one = pdfium.PdfDocument(src)
        dst = pdfium.PdfDocument.new()
        for _ in range(k):
            dst.import_pages(one)
        dst.save(out)
    return out


def scaling(formats: list[str], scales: list[int], procs: int) -> None:
    import policy_parse
    from policy_parse.read import Limits

    print("scaling: the notice repeated k times, whole pipeline in-process (median of 3 calls)")
    head = (
        f"  {'format':6} {'×':>3} | {'measures':>8} {'ms':>9} {'ms/copy':>8} {'µs/input measure':>16}"
        f" {'vs ×1':>6} | {'pages':>5} {'peak MiB':>9}"
    )
    print(head)
    print("  " + "-" * (len(head) - 2))
    limits = Limits(
        pdf_seconds=1200,
        max_input_bytes=1 << 30,
        max_unzipped_bytes=1 << 31,
        max_rows=1 << 20,
        max_paragraphs=1 << 24,
    )
    with tempfile.TemporaryDirectory() as d:
        for fmt in formats:
            first = None
            base = 0
            for k in scales:
                path = _scaled(fmt, k, Path(d))
                ts = []
                notice = None
                for _ in range(3 if k < 64 else 1):
                    t = time.perf_counter()
                    notice = policy_parse.parse(path, limits=limits)
                    ts.append(time.perf_counter() - t)
                t_med = statistics.median(ts)
                measures = len(notice.measures) if notice is not None else 0
                # Per measure of the input (k copies of the notice's): the
                # parsed notice may hold fewer, repeated numbers being merged.
                base = base or max(1, measures)
                per = t_med / (k * base)
                first = first or per
                pages = "-"
                if fmt == "pdf":
                    import pypdfium2 as pdfium

                    pages = str(len(pdfium.PdfDocument(path)))
                peak = (
                    whole_processes(["pipeline"], path, 1)["pipeline"]["mib"][0]
                    if k <= 16
                    else float("nan")
                )
                print(
                    f"  {fmt:6} {k:>3} | {measures:>8} {t_med * 1000:>9.0f}"
                    f" {t_med * 1000 / k:>8.1f} {per * 1e6:>16.0f}"
                    f" {per / first:>5.2f}x | {pages:>5} {peak:>9.1f}"
                )
    print(
        "  peak MiB: one fresh process (×64 skipped: a whole-process run of it\n"
        "  would double the benchmark's time); time per input measure should stay flat."
    )
    print()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=None, help="warm calls (txt/docx 20, pdf 5)")
    ap.add_argument("--procs", type=int, default=DEFAULT_PROCS, help="fresh processes each")
    ap.add_argument("--formats", default=",".join(FORMATS), help="comma-separated subset")
    ap.add_argument("--scales", default="1,4,16,64", help="repetitions for the scaling run")
    ap.add_argument("--no-scaling", action="store_true", help="skip the scaling run")
    ap.add_argument(
        "--pages", type=int, default=0, help="also a PDF of this many pages, CLI vs pdftotext"
    )
    args = ap.parse_args(argv)
    # Bytecode compiled first, so no measured process pays for compiling.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=True)
    # Measure the checkout this script lives in (not an installed copy).
    sys.path.insert(0, str(ROOT / "src"))
    formats = [f for f in args.formats.split(",") if f]
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = _load()
    print(
        f"bench_formats  {now}  {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, load {load:.1f}"
    )
    print()
    for fmt in formats:
        report(fmt, SAMPLES / f"notice.{fmt}", args.repeat or DEFAULT_REPEAT[fmt], args.procs)
    if args.pages:
        with tempfile.TemporaryDirectory() as d:
            big_pdf(args.pages, args.procs, Path(d))
    if not args.no_scaling:
        scaling(formats, [int(s) for s in args.scales.split(",")], args.procs)
    return 0


if __name__ == "__main__":
    sys.exit(main())

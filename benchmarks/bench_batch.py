"""Files per second of the batch command over many mixed notices, for
--jobs 1, 2 and the default (the CPUs): docs/batch.md "Workers and CPUs".

    python benchmarks/bench_batch.py [--files 200] [--jobs 1,2,default]
    python benchmarks/bench_batch.py --legacy 10,50 [--rounds 3] [--rtf-only | --doc-only]
        [--against /work/main/src] [--no-alone]

Builds FILES inputs by copying the samples every reader handles without
LibreOffice (txt, docx, pdf, html, xlsx, ofd) round-robin into a temporary
folder, then times `python -m policy_parse FOLDER -o OUT --format json
--quiet` once per --jobs value (wall time, start-up included).

`--legacy 10,50`: N distinct legacy notices (samples/notice.rtf with a line
of its own appended; half of them saved as .doc by LibreOffice while the
folder is made, outside the timing), read two ways taking turns round by
round: the batch command over the folder (one LibreOffice run for the
batch, read/legacy.py `prepare_batch`) and the CLI once per file (LibreOffice
started cold, with a new profile, for every file — what a batch did before).
Reported per file: CPU time (user + sys of the command and every process it
waited for, LibreOffice included) and wall time, medians with min–max.
`--rtf-only` keeps every file .rtf (read natively since issue 26, without
LibreOffice); `--doc-only` saves every file as .doc (read natively by
read/doc since issue 26, LibreOffice only for what it declines); `--against SRC` adds a third way taking its turn, the batch
command run from the package in SRC (another checkout's src/, e.g. main's);
`--no-alone` leaves out the slow one-CLI-per-file way.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".xlsx", ".ofd")


def _measured(cmd: list[str]) -> tuple[float, float, int]:
    """CPU (user + sys, with every waited-for descendant), wall, exit status."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child execs the command, its output discarded
        null = os.open(os.devnull, os.O_RDWR)
        os.dup2(null, 1)
        os.dup2(null, 2)
        os.execv(cmd[0], cmd)
    _, status, usage = os.wait4(pid, 0)
    return usage.ru_utime + usage.ru_stime, time.perf_counter() - start, status


def _legacy_folder(folder: Path, n: int, rtf_only: bool = False, doc_only: bool = False) -> None:
    """N distinct .rtf/.doc notices: the sample RTF with a line of its own
    (every other one saved as .doc, or every one with `doc_only`)."""
    rtf = (ROOT / "samples" / "notice.rtf").read_bytes()
    head, tail = rtf.rsplit(b"\\par }", 1)
    for k in range(n):
        own = head + b"\\par {\\loch ref-%d}\\par }" % k + tail
        (folder / f"{k:03d}.rtf").write_bytes(own)
    if rtf_only:
        return
    docs = [folder / f"{k:03d}.rtf" for k in range(0, n, 1 if doc_only else 2)]
    with tempfile.TemporaryDirectory() as prof:
        subprocess.run(
            ["soffice", f"-env:UserInstallation={Path(prof).as_uri()}", "--headless"]
            + ["--convert-to", "doc", "--outdir", str(folder)]
            + [str(d) for d in docs],
            capture_output=True,
            check=True,
        )
    for d in docs:
        d.unlink()


def legacy(
    sizes: list[int],
    rounds: int,
    rtf_only: bool = False,
    against: str | None = None,
    alone: bool = True,
    doc_only: bool = False,
) -> None:
    import statistics

    with tempfile.TemporaryDirectory() as tmp:
        folders = {}
        for n in sizes:
            folders[n] = Path(tmp) / f"in-{n}"
            folders[n].mkdir()
            _legacy_folder(folders[n], n, rtf_only, doc_only)
        cli = [sys.executable, "-m", "policy_parse"]
        runs: dict[tuple[int, str], list[tuple[float, float]]] = {}
        loads = []
        ways = [("batch", os.environ.get("PYTHONPATH"))]
        if against:
            ways.append(("against", against))
        for r in range(rounds):
            for n in sizes:
                files = sorted(folders[n].iterdir())
                for way, src in ways if r % 2 == 0 else ways[::-1]:
                    loads.append(os.getloadavg()[0])
                    out = Path(tmp) / f"out-{n}-{r}-{way}"
                    if src is None:
                        os.environ.pop("PYTHONPATH", None)
                    else:
                        os.environ["PYTHONPATH"] = src
                    cpu, wall, status = _measured(
                        cli + [str(folders[n]), "-o", str(out), "--format", "json", "--quiet"]
                    )
                    assert os.waitstatus_to_exitcode(status) in (0, 1), "batch failed"
                    assert len(list(out.glob("*.json"))) == n, "a file was not read"
                    runs.setdefault((n, way), []).append((cpu / n, wall / n))
                if ways[0][1] is None:
                    os.environ.pop("PYTHONPATH", None)
                else:
                    os.environ["PYTHONPATH"] = ways[0][1]
                if not alone:
                    continue
                cpu = wall = 0.0
                for f in files:
                    c, w, status = _measured(cli + [str(f), "-o", os.devnull, "--format", "json"])
                    assert os.waitstatus_to_exitcode(status) in (0, 1), f"{f} failed"
                    cpu, wall = cpu + c, wall + w
                runs.setdefault((n, "alone"), []).append((cpu / n, wall / n))
        kind = "all .rtf" if rtf_only else "all .doc" if doc_only else "half .rtf, half .doc"
        print(
            f"legacy files ({kind}), "
            f"{os.cpu_count()} CPUs, {rounds} rounds, "
            f"load {min(loads):.1f}–{max(loads):.1f}"
        )
        if against:
            print(f"against: the batch command from {against}")
        print("   files | way     | CPU s a file median (min–max) | wall s a file median (min–max)")
        for (n, way), vals in sorted(runs.items()):
            c = [v[0] for v in vals]
            w = [v[1] for v in vals]
            print(
                f"{n:8d} | {way:7s} | {statistics.median(c):6.2f} ({min(c):.2f}–{max(c):.2f})"
                f"{'':>14}| {statistics.median(w):6.2f} ({min(w):.2f}–{max(w):.2f})"
            )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--jobs", default="1,2,default")
    ap.add_argument("--legacy", help="comma-separated batch sizes of legacy files")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--rtf-only", action="store_true", help="every legacy file .rtf")
    ap.add_argument("--doc-only", action="store_true", help="every legacy file .doc")
    ap.add_argument("--against", help="another src/ whose batch command takes turns")
    ap.add_argument("--no-alone", action="store_true", help="no one-CLI-per-file way")
    args = ap.parse_args()
    if args.legacy:
        legacy(
            [int(n) for n in args.legacy.split(",")],
            args.rounds,
            args.rtf_only,
            args.against,
            not args.no_alone,
            args.doc_only,
        )
        return
    samples = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in SUFFIXES)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        for k in range(args.files):
            s = samples[k % len(samples)]
            shutil.copy(s, src / f"{k:04d}-{s.name}")
        kinds = sorted({s.suffix for s in samples})
        print(f"{args.files} files ({', '.join(kinds)}), {os.cpu_count()} CPUs, "
              f"load {os.getloadavg()[0]:.1f}")  # fmt: skip
        for jobs in args.jobs.split(","):
            out = Path(tmp) / f"out-{jobs}"
            cmd = [sys.executable, "-m", "policy_parse", str(src), "-o", str(out)]
            cmd += ["--format", "json", "--quiet"] + ([] if jobs == "default" else ["--jobs", jobs])
            start = time.perf_counter()
            done = subprocess.run(cmd, capture_output=True, text=True, check=False)
            seconds = time.perf_counter() - start
            status = "ok" if done.returncode == 0 else f"exit {done.returncode}"
            print(
                f"--jobs {jobs:>7}: {seconds:6.1f} s, {args.files / seconds:5.1f} files/s ({status})"
            )


if __name__ == "__main__":
    main()

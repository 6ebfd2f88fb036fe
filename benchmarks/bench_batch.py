"""Files per second of the batch command over many mixed notices, for
--jobs 1, 2 and the default (the CPUs): docs/batch.md "Workers and CPUs".

    python benchmarks/bench_batch.py [--files 200] [--jobs 1,2,default]

Builds FILES inputs by copying the samples every reader handles without
LibreOffice (txt, docx, pdf, html, xlsx, ofd) round-robin into a temporary
folder, then times `python -m policy_parse FOLDER -o OUT --format json
--quiet` once per --jobs value (wall time, start-up included).
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--jobs", default="1,2,default")
    args = ap.parse_args()
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

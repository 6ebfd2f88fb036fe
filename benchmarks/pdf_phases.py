"""The PDF CLI's CPU by phase and process, beside its instructions (issue 26).

    python benchmarks/pdf_phases.py [--src SRC] [--pdf PATH] [--runs N] [--callgrind]

`python -m policy_parse PDF`'s steps, run by a driver that notes the
caller's CPU (user + sys, `getrusage`) and minor faults at each phase's
end: the interpreter's start, the CLI's imports, the rest before the fork
(arguments, the file, the page workers' modules), the fork, the text
stages' imports (the file's SHA-256 with them: both run while the worker
reads), the pages folded in, the parse, the report; and the worker (the
caller's children).  Medians of N runs, with the load average.

With `--callgrind` the same driver runs once under callgrind
(`PYTHONHASHSEED=0`, `--dump-before=getsid` at each mark and
`--dump-before=fork`): each phase's instructions, and so its CPU per
million instructions, the figure that says which work runs slowly for
its size (benchmarks/README.md, "Issue 26: the PDF CLI's CPU, round 6").

The driver wraps two private functions (`read.pdf.worker._fork` and
`__main__._parse`) and imports the worker's module before `main()` runs:
its totals match the CLI's within a few million instructions, its output
is the CLI's.  Compile the bytecode and run `python -m policy_parse.warmup`
with the same interpreter first, as for pdf_trees.py.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "notice.pdf"

# Run in a fresh interpreter: argv[1] is the PDF; prints one line per mark
# ("name cpu_ms sys_ms faults", cumulative) and the worker's on stderr.
DRIVER = r"""
import os, resource, sys
def mark(name):
    os.getsid(0)  # callgrind dumps here (--dump-before=getsid)
    r = resource.getrusage(resource.RUSAGE_SELF)
    marks.append((name, (r.ru_utime + r.ru_stime) * 1e3, r.ru_stime * 1e3, r.ru_minflt))
marks = []
mark("interpreter")
import policy_parse.__main__ as M
import policy_parse.read.pdf.worker as W
mark("CLI imports")
_fork = W._fork
def fork(*args):
    mark("before the fork")
    pid_fd = _fork(*args)
    mark("fork")
    return pid_fd
W._fork = fork
def _parse(source, options, started):
    from policy_parse import _clock
    from policy_parse.pipeline import notice_from_document
    from policy_parse.read import read_started_pdf
    from policy_parse.warmup import import_text_stages
    def imports():
        import_text_stages()
        mark("text stages imported")
    with _clock(options.get("limits")):
        document = read_started_pdf(started, while_waiting=imports)
        mark("pages folded")
        notice = notice_from_document(document, aliases=options.get("aliases"))
        mark("parse")
        return notice
M._parse = _parse
sys.argv = ["policy_parse", sys.argv[1]]
from policy_parse._support.gc_pause import collect_young_rarely
collect_young_rarely()
code = M.main()
sys.stdout.flush()
mark("report")
ch = resource.getrusage(resource.RUSAGE_CHILDREN)
for name, cpu, sys_, faults in marks:
    print(f"{name}|{cpu}|{sys_}|{faults}", file=sys.stderr)
print(f"worker|{(ch.ru_utime + ch.ru_stime) * 1e3}|{ch.ru_stime * 1e3}|{ch.ru_minflt}", file=sys.stderr)
sys.stderr.flush()
os._exit(code)
"""


def _env(src: str | None) -> dict[str, str]:
    env = dict(os.environ, PYTHONHASHSEED="0")
    if src:
        env["PYTHONPATH"] = src
    return env


def _run(src: str | None, pdf: Path) -> dict[str, tuple[float, float, int]]:
    """Each phase's own CPU ms, sys ms and faults (differences of marks)."""
    err = subprocess.run(
        [sys.executable, "-c", DRIVER, str(pdf)],
        env=_env(src),
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    out: dict[str, tuple[float, float, int]] = {}
    prev = (0.0, 0.0, 0)
    for line in err.splitlines():
        parts = line.split("|")
        if len(parts) != 4:
            continue
        name, cpu, sys_, faults = parts[0], float(parts[1]), float(parts[2]), int(parts[3])
        if name == "worker":
            out[name] = (cpu, sys_, faults)
            continue
        out[name] = (cpu - prev[0], sys_ - prev[1], faults - prev[2])
        prev = (cpu, sys_, faults)
    return out


def _instructions(src: str | None, pdf: Path) -> dict[str, float]:
    """Each phase's instructions (M), one run under callgrind."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--trace-children=yes",
                "--dump-before=fork",
                "--dump-before=getsid",
                f"--callgrind-out-file={tmp}/cg.%p",
                sys.executable,
                "-c",
                DRIVER,
                str(pdf),
            ],
            env=_env(src),
            capture_output=True,
            check=True,
        )
        files = sorted(Path(tmp).glob("cg.*"))
        # The caller is the process whose profile was dumped at the marks.
        caller = next(f.name.split(".")[1] for f in files if len(f.name.split(".")) > 2)
        counts: dict[str, float] = {}
        parts: list[tuple[int, float]] = []
        for f in files:
            total = next(
                int(line.split()[1])
                for line in f.read_text(errors="replace").splitlines()
                if line.startswith(("summary:", "totals:"))
            )
            pid, *dump = f.name.split(".")[1:]
            if pid != caller:
                counts["worker"] = counts.get("worker", 0.0) + total / 1e6
            else:
                parts.append((int(dump[0]) if dump else 10**6, total / 1e6))
    # The caller's dumps in order: the start to each mark, with the fork's
    # own dump (just before it) and the exit's (after the last mark) folded
    # into the phase they fall in.
    names = [
        "interpreter",
        "CLI imports",
        "before the fork",
        "fork",
        "text stages imported",
        "pages folded",
        "parse",
        "report",
    ]
    ordered = [n for _, n in sorted(parts)]
    # dumps: 1..3 = first three marks, 4 = at fork(), 5 = the "fork" mark,
    # then one per mark, and the last file the run's end.
    merged = ordered[:3] + [ordered[3] + ordered[4]] + ordered[5:-1]
    merged[-1] += ordered[-1]
    return dict(zip(names, merged, strict=True)) | {"worker": counts.get("worker", 0.0)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", help="a source tree's src/ (default: the installed package)")
    ap.add_argument("--pdf", type=Path, default=SAMPLE)
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--callgrind", action="store_true")
    args = ap.parse_args()
    load = [os.getloadavg()[0]]
    runs = [_run(args.src, args.pdf) for _ in range(args.runs)]
    load.append(os.getloadavg()[0])
    counts = _instructions(args.src, args.pdf) if args.callgrind else {}
    print(
        f"{args.pdf.name}: {args.runs} runs, load {min(load):.1f}–{max(load):.1f} "
        f"on {os.cpu_count()} CPUs; medians"
    )
    head = f"  {'phase':22} {'CPU ms':>8} {'sys ms':>7} {'faults':>7}"
    print(head + (f" {'instr. M':>9} {'ms per M':>9}" if counts else ""))
    for name in runs[0]:
        cpu = statistics.median(r[name][0] for r in runs)
        line = (
            f"  {name:22} {cpu:8.1f} {statistics.median(r[name][1] for r in runs):7.1f}"
            f" {statistics.median(r[name][2] for r in runs):7.0f}"
        )
        if name in counts:
            line += f" {counts[name]:9.1f} {cpu / counts[name] if counts[name] else 0:9.2f}"
        print(line)
    caller = sum(statistics.median(r[n][0] for r in runs) for n in runs[0] if n != "worker")
    print(f"  caller, all phases     {caller:8.1f}")


if __name__ == "__main__":
    main()

"""Median import time of the package (fresh interpreters), parse + reconcile of
samples/notice.txt in-process (caches emptied before each call: the notice
as if first seen), and JSON emit of the parsed notice (orjson when the
`[fast]` extra is installed, else the stdlib: emit/jsonout.py).  With `--scales 1,2,…,128`: generated notices of 78·k
distinct, renumbered measures (tools/long_notice.py), each parsed in a
fresh process so no size inherits another's caches, sizes interleaved
round by round; CPU time (user + sys) beside wall time, medians with min–max.

    python benchmarks/bench_parse.py [--repeat 50] [SAMPLE]
    python benchmarks/bench_parse.py --scales 1,2,4,8,16,32,64,128 [--rounds 3]
    python benchmarks/bench_parse.py --startup [--rounds 15] [--base OTHER/src] [--instructions]

`--startup`: whole processes taking turns — the bare interpreter, `import
attrs` (the floor), `import policy_parse`, `import policy_parse.models`,
and the CLI on samples/notice.txt (`python -m policy_parse notice.txt -o
FILE`) — each measured by wait4: CPU (user + sys of the
process and its children) beside wall, medians with min–max, and the load
average before and after.  `--base` adds the CLI run from another source
tree (e.g. a `git archive` of main) to every round.  It first runs `python
-m compileall -q` and `python -m policy_parse.warmup` in each tree, so that no
figure pays for bytecode, TOML parsing, pattern compiling or attrs' code.
`--instructions` adds one callgrind run of each contender: instructions
executed, which the machine's load does not move.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def import_times(n: int) -> list[float]:
    code = "import time; t=time.perf_counter(); import policy_parse; print(time.perf_counter()-t)"
    return [float(subprocess.check_output([sys.executable, "-c", code])) for _ in range(n)]


def parse_times(path: Path, n: int, *, first_sight: bool = True) -> list[float]:
    """`first_sight`: the text caches (policy_parse._support.memo) emptied before each
    call, so the notice is timed as if never seen; else they stay warm."""
    import policy_parse
    from policy_parse._support import memo

    data = path.read_bytes()
    policy_parse.parse(data)  # warm: data files loaded, regexes compiled
    out = []
    for _ in range(n):
        if first_sight:
            memo.clear()
        t = time.perf_counter()
        policy_parse.parse(data)
        out.append(time.perf_counter() - t)
    return out


def emit_times(path: Path, n: int) -> list[float]:
    import policy_parse

    notice = policy_parse.parse(path.read_bytes())
    policy_parse.to_json(notice)
    out = []
    for _ in range(n):
        t = time.perf_counter()
        policy_parse.to_json(notice)
        out.append(time.perf_counter() - t)
    return out


_SCALE_CHILD = """
import sys, time, resource
sys.path.insert(0, {tools!r})
import long_notice, policy_parse
policy_parse.parse_text(long_notice.notice(3))  # data files, patterns
text = long_notice.notice({n})
c, w = time.process_time(), time.perf_counter()
notice = policy_parse.parse_text(text)
c, w = time.process_time() - c, time.perf_counter() - w
assert [m.id for m in notice.measures] == [str(k) for k in range(1, {n} + 1)], "misread"
print(c, w, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def scaling(scales: list[int], rounds: int, base: int = 78) -> None:
    """Each size in its own process, sizes taking turns round by round."""
    cpu: dict[int, list[float]] = {k: [] for k in scales}
    wall: dict[int, list[float]] = {k: [] for k in scales}
    peak: dict[int, float] = {}
    for _ in range(rounds):
        for k in scales:
            code = _SCALE_CHILD.format(tools=str(ROOT / "tools"), n=base * k)
            c, w, m = map(float, subprocess.check_output([sys.executable, "-c", code]).split())
            cpu[k].append(c)
            wall[k].append(w)
            peak[k] = max(peak.get(k, 0.0), m)
    one = statistics.median(cpu[scales[0]]) / (base * scales[0])
    print(f"scaling: {base}·k distinct measures, parse_text in a fresh process, {rounds} rounds")
    print(
        "     × | measures |   CPU s median (min–max) |  wall s median | µs CPU/measure  vs ×1 | peak MiB"
    )
    for k in scales:
        n = base * k
        c = statistics.median(cpu[k])
        print(
            f"{k:6d} | {n:8d} | {c:8.2f} ({min(cpu[k]):.2f}–{max(cpu[k]):.2f}) | "
            f"{statistics.median(wall[k]):14.2f} | {c / n * 1e6:14.0f} {c / n / one:5.2f}x | {peak[k]:8.0f}"
        )


def _measured(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """CPU (user + sys with waited-for children) and wall of one process."""
    import os

    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        null = os.open(os.devnull, os.O_RDWR)
        os.dup2(null, 1)
        os.execve(cmd[0], cmd, env)
    _, status, usage = os.wait4(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, cmd
    return usage.ru_utime + usage.ru_stime, time.perf_counter() - start


def startup(rounds: int, base: str | None, *, instructions: bool = False) -> None:
    import os
    import tempfile

    notice = str(ROOT / "samples" / "notice.txt")
    out = os.path.join(tempfile.mkdtemp(), "out.txt")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    contenders = {
        "python -c pass": ([sys.executable, "-c", "pass"], env),
        # The floor no work of ours lowers: the interpreter, typing and attrs
        # (with inspect, ast, dis, platform), which the models need.
        "import attrs": ([sys.executable, "-c", "import attrs"], env),
        "import policy_parse": ([sys.executable, "-c", "import policy_parse"], env),
        "import models": ([sys.executable, "-c", "import policy_parse.models"], env),
        "CLI notice.txt": ([sys.executable, "-m", "policy_parse", notice, "-o", out], env),
    }
    if base:
        contenders["CLI notice.txt (base)"] = (
            [sys.executable, "-m", "policy_parse", notice, "-o", out],
            {**os.environ, "PYTHONPATH": base},
        )
    # Bytecode and the pattern, data and attrs-code caches written first, in
    # each tree, so no figure pays for writing them (PYTHONDONTWRITEBYTECODE
    # may be set: compileall and the warm-up command write regardless).
    for src in {str(ROOT / "src"), *([base] if base else [])}:
        e = {**os.environ, "PYTHONPATH": src}
        subprocess.run([sys.executable, "-m", "compileall", "-q", src], check=True, env=e)
        subprocess.run(
            [sys.executable, "-m", "policy_parse.warmup"], check=True, env=e, capture_output=True
        )
    seen: dict[str, list[tuple[float, float]]] = {k: [] for k in contenders}
    load = [os.getloadavg()[0]]
    for _ in range(rounds):
        for name, (cmd, e) in contenders.items():
            seen[name].append(_measured(cmd, e))
    load.append(os.getloadavg()[0])
    print(
        f"{rounds} interleaved rounds, load {load[0]:.1f} → {load[1]:.1f} on {os.cpu_count()} CPUs"
    )
    for name, runs in seen.items():
        cpu = [c * 1000 for c, _ in runs]
        wall = [w * 1000 for _, w in runs]
        print(
            f"{name:22s} CPU {statistics.median(cpu):6.1f} ms ({min(cpu):.1f}–{max(cpu):.1f})"
            f"   wall {statistics.median(wall):6.1f} ms ({min(wall):.1f}–{max(wall):.1f})"
        )
    if instructions:
        # What the load does not move: instructions executed in user space,
        # one run each under callgrind (~50× slower).
        for name, (cmd, e) in contenders.items():
            print(f"{name:22s} {_instructions(cmd, e) / 1e6:8.0f}M instructions")


def _instructions(cmd: list[str], env: dict[str, str]) -> int:
    """Instructions one run of `cmd` executes (valgrind's callgrind)."""
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    refs = [ln for ln in run.stderr.splitlines() if "refs:" in ln]
    return int(refs[-1].split()[-1].replace(",", ""))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sample", nargs="?", default=str(ROOT / "samples" / "notice.txt"))
    ap.add_argument("--repeat", type=int, default=50)
    ap.add_argument("--scales", help="comma-separated multiples of 78 measures; only scaling")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--startup", action="store_true", help="whole-process start-up; only that")
    ap.add_argument("--base", help="with --startup: another tree's src/ to run the CLI from")
    ap.add_argument(
        "--instructions",
        action="store_true",
        help="with --startup: also each contender's instruction count (valgrind)",
    )
    args = ap.parse_args()
    if args.startup:
        startup(args.rounds, args.base, instructions=args.instructions)
        return
    if args.scales:
        scaling([int(k) for k in args.scales.split(",")], args.rounds)
        return
    imp = import_times(max(5, args.repeat // 10))
    run = parse_times(Path(args.sample), args.repeat)
    warm = parse_times(Path(args.sample), args.repeat, first_sight=False)
    emit = emit_times(Path(args.sample), args.repeat)
    print(
        f"import policy_parse:     median {statistics.median(imp) * 1000:7.1f} ms  ({len(imp)} runs)"
    )
    print(
        f"parse + reconcile:       median {statistics.median(run) * 1000:7.1f} ms  "
        f"(min {min(run) * 1000:.1f}, max {max(run) * 1000:.1f}; {len(run)} runs) on {Path(args.sample).name}"
    )
    print(
        f"  same notice again:     median {statistics.median(warm) * 1000:7.1f} ms  "
        "(text caches warm)"
    )
    print(
        f"to_json:                 median {statistics.median(emit) * 1000:7.1f} ms  "
        f"(min {min(emit) * 1000:.1f}, max {max(emit) * 1000:.1f}; {len(emit)} runs)"
    )


if __name__ == "__main__":
    main()

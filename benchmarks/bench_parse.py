"""Median import time of the package (fresh interpreters), parse + reconcile of
samples/notice.txt in-process (caches emptied before each call: the notice
as if first seen), and JSON emit of the parsed notice (orjson when the
`[fast]` extra is installed, else the stdlib: emit/jsonout.py).

    python benchmarks/bench_parse.py [--repeat 50] [SAMPLE]
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sample", nargs="?", default=str(ROOT / "samples" / "notice.txt"))
    ap.add_argument("--repeat", type=int, default=50)
    args = ap.parse_args()
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

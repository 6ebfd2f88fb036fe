"""Time the units Inventory on many distinct department names (issue 23:
near-linear in the number of names, not quadratic).

    python benchmarks/bench_units.py [--names 300,1200,4800] [--repeat 5]

The names are invented: a place of two characters drawn from a pool, a
department word, and for one name in four an abbreviation of it (the place
and the department word's first and last characters) — the shapes a notice
of many districts writes.  Printed per size: the median wall time and CPU
time of building `Inventory(names)`, the time per name, and how many names
were resolved, so a faster build that resolves differently shows at once.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

_PLACE = "东南西北中上下前后左右金银铜铁山水林田湖草江河海湾岭峰桥港城乡村镇庄园"
_DEPARTMENTS = (
    "财政局",
    "教育局",
    "科学技术局",
    "生态环境局",
    "市场监督管理局",
    "住房和城乡建设局",
    "交通运输局",
    "农业农村局",
    "文化和旅游局",
    "卫生健康委员会",
    "应急管理局",
    "人力资源和社会保障局",
)


def distinct_names(count: int, seed: int = 1) -> list[str]:
    """`count` distinct invented names, a quarter of them abbreviations."""
    rng = random.Random(seed)
    names: set[str] = set()
    while len(names) < count:
        place = "".join(rng.sample(_PLACE, 2)) + rng.choice("区县镇")
        department = rng.choice(_DEPARTMENTS)
        names.add(place + department)
        if rng.random() < 0.25 and len(names) < count:
            names.add(place + department[0] + department[-1])
    return sorted(names)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--names", default="300,1200,2400,4800")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    from policy_parse.normalize.abbreviations import Inventory

    Inventory(["市财政局"])  # load the data file once
    for count in (int(n) for n in args.names.split(",")):
        names = distinct_names(count)
        walls, cpus = [], []
        for _ in range(args.repeat):
            w, c = time.perf_counter(), time.process_time()
            inv = Inventory(names)
            walls.append(time.perf_counter() - w)
            cpus.append(time.process_time() - c)
        resolved = sum(1 for n in names if inv.unit(n, n).name != n)
        wall, cpu = statistics.median(walls), statistics.median(cpus)
        print(
            f"{count:6d} names: median {wall * 1000:8.1f} ms wall, {cpu * 1000:8.1f} ms CPU "
            f"({wall / count * 1e6:6.1f} µs/name; {args.repeat} runs), {resolved} resolved"
        )


if __name__ == "__main__":
    main()

"""Time the text reader on a flattened 分工表 of many rows (issue 21: linear in
cells, a 10,000-row table in about a second).

    python benchmarks/bench_flat_table.py [--rows 10000] [--layout pipes] [--repeat 3]

The table is invented (tools/flat_tables.py's vocabulary): 序号 / 具体措施 /
牵头单位 / 配合单位 / 完成时限, every fifth row a sub-row under a merged
number, lead and deadline, one support cell in five empty, written in the
chosen layout (pipes, tabs, lines, paragraphs; see tools/flat_tables.py).
Printed: the median wall time of `read_text` (cutting the cells, finding the
header, both alignment passes and the backward pass), per row, the median
CPU time (`time.process_time`: what a loaded machine does not inflate), and
the number of rows read back.
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
sys.path.insert(0, str(ROOT / "tools"))


def table_text(rows: int, layout: str, seed: int = 1) -> str:
    import flat_tables as F

    rng = random.Random(seed)
    header = ["序号", "具体措施", "牵头单位", "配合单位", "完成时限"]
    body: list[list[str]] = []
    covered: list[list[bool]] = []
    number = 0
    for r in range(rows):
        sub = r % 5 == 4
        if not sub:
            number += 1
        support = "" if rng.random() < 0.2 else F._units(rng, rng.randint(1, 3))
        body.append(
            [
                "" if sub else str(number),
                F._text(rng),
                "" if sub else F._unit(rng),
                support,
                "" if sub else rng.choice(F._DEADLINE),
            ]
        )
        covered.append([sub, False, sub, False, sub])
    drawn = F.Drawn(
        header=header,
        header_rows=[header],
        kinds=["number", "text", "lead", "support", "deadline"],
        rows=body,
        covered=covered,
        titles={},
    )
    return F.flatten(drawn, layout).text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--layout", default="pipes")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    from policy_parse._support import memo
    from policy_parse.models import Format, Source, Table
    from policy_parse.read.text.reader import read_text

    text = table_text(args.rows, args.layout)
    source = Source(path=None, format=Format.TXT, sha256="0" * 64)
    read_text(table_text(50, args.layout), source)  # warm: data files, patterns
    times = []
    cpu = []
    read = 0
    for _ in range(args.repeat):
        memo.clear()
        t, c = time.perf_counter(), time.process_time()
        document = read_text(text, source)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
        tables = [b for b in document.blocks if isinstance(b, Table)]
        read = len(tables[0].rows) - 1 if tables else 0
    median = statistics.median(times)
    print(
        f"{args.layout}: {args.rows} rows, {len(text.splitlines())} lines: "
        f"median {median:.2f} s ({median / args.rows * 1e6:.0f} µs a row; "
        f"min {min(times):.2f}, max {max(times):.2f}; {args.repeat} runs); "
        f"CPU median {statistics.median(cpu):.2f} s; {read} rows read"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Time the batch registry and cover (issue 27 parts 2 and 3).

    python benchmarks/bench_across.py [--notices 1000] [--repeat 5]

Registry: the samples are parsed once; their names (as the registry sees
them: compare/registry.uses_of) stand for a notice each, and each of the
`--notices` notices takes the names of one of them, a third renamed under
one of 60 invented places (甲乙区财政局 …) and some abbreviated (a middle
character dropped), so the batch holds thousands of distinct names as a
real folder of many issuers does.  Printed: the number of uses and distinct
names, the median wall and CPU time of `registry.build`, and, for the same
names, units.Inventory (which compares every pair) on the first 2,400.

Cover: the seed against its parent (tests/fixtures/cover/seed-parent.txt),
by the 国家重点任务 column and, with the table dropped, by text likeness —
how many of the 78 measures the text path links as the column does, with
the order prior (`back_step`) and without it; and the time of a
300-item parent against a 300-measure notice (invented text).
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

_PLACES = [a + b + c for a in "甲乙丙丁戊己" for b in "东西南北中" for c in "区县"]


def timed(fn: object, repeat: int) -> tuple[float, float, object]:
    walls, cpus, out = [], [], None
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        out = fn()  # type: ignore[operator]
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), statistics.median(cpus), out


def registry_bench(n: int, repeat: int) -> None:
    import attrs

    import policy_parse
    from policy_parse.compare.registry import build, uses_of
    from policy_parse.normalize.abbreviations import Inventory

    samples = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".txt", ".docx"))
    base = [uses_of(policy_parse.parse(p), p.name) for p in samples]
    rng = random.Random(7)
    uses = []
    for k in range(n):
        place = rng.choice(_PLACES)
        for u in base[k % len(base)]:
            name = u.name
            if rng.random() < 0.33 and len(name) > 2:
                name = place + name.lstrip("市区县")
            if rng.random() < 0.1 and len(name) > 4:
                cut = rng.randrange(1, len(name) - 1)
                name = name[:cut] + name[cut + 1 :]
            uses.append(attrs.evolve(u, name=name, written=name, file=f"n{k}", issuer=place))
    names = sorted({u.name for u in uses})
    wall, cpu, reg = timed(lambda: build(uses, files=[f"n{k}" for k in range(n)]), repeat)
    print(f"registry: {n} notices, {len(uses)} uses, {len(names)} distinct names")
    print(f"  build: median {wall:.2f} s wall, {cpu:.2f} s CPU ({repeat} runs)")
    print(
        f"  {len(reg.departments)} departments, {len(reg.merges)} merges, "  # type: ignore[attr-defined]
        f"{len(reg.refused)} refused"  # type: ignore[attr-defined]
    )
    some = names[:2400]
    wall, cpu, _ = timed(lambda: Inventory(some), 1)
    print(f"  units.Inventory on {len(some)} of them: {wall:.2f} s wall, {cpu:.2f} s CPU")


def cover_bench(repeat: int) -> None:
    import attrs

    import policy_parse
    from policy_parse.compare import cover as C

    parent = policy_parse.parse(ROOT / "tests" / "fixtures" / "cover" / "seed-parent.txt")
    seed = policy_parse.parse(ROOT / "samples" / "notice.txt")
    wall, cpu, by_column = timed(lambda: C.cover(parent, seed), repeat)
    print(f"cover, seed: {wall * 1000:.1f} ms wall, {cpu * 1000:.1f} ms CPU (median of {repeat})")
    bare = attrs.evolve(seed, table=())
    by_text = C.cover(parent, bare)
    agree = sum(
        a.items == b.items
        for a, b in zip(by_column.links, by_text.links, strict=True)  # type: ignore[attr-defined]
    )
    print(f"  by text, as the column: {agree} of {len(by_text.links)}")
    settings = dict(C._settings())
    original = C._settings
    C._settings = lambda: {**settings, "back_step": 0.0}  # type: ignore[assignment]
    try:
        no_order = C.cover(parent, bare)
    finally:
        C._settings = original  # type: ignore[assignment]
    agree = sum(
        a.items == b.items
        for a, b in zip(by_column.links, no_order.links, strict=True)  # type: ignore[attr-defined]
    )
    print(f"  by text without the order prior (back_step 0): {agree} of {len(no_order.links)}")
    rng = random.Random(3)
    words = "推进建设完善加强创新平台人才资金产业服务体系机制企业园区科技金融数据改革开放"
    items = ["".join(rng.choice(words) for _ in range(40)) + "。" for _ in range(300)]
    ptext = "上级文件\n\n" + "".join(f"{k}.{t}\n" for k, t in enumerate(items, 1))
    ntext = "一、任务\n" + "".join(
        f"{k}.{t[5:]}（牵头单位：某局）\n" for k, t in enumerate(items, 1)
    )
    big_parent, big = policy_parse.parse_text(ptext), policy_parse.parse_text(ntext)
    wall, cpu, result = timed(lambda: C.cover(big_parent, big), repeat)
    right = sum(lk.items == (lk.measure,) for lk in result.links)  # type: ignore[attr-defined]
    print(
        f"cover, 300 items × 300 measures: {wall:.2f} s wall, {cpu:.2f} s CPU; "
        f"{right} of 300 linked to their own item"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--notices", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    registry_bench(args.notices, args.repeat)
    cover_bench(args.repeat)


if __name__ == "__main__":
    main()

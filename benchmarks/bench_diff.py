"""Time `policy_parse diff` on two versions of a 300-measure notice (issue
27: a diff of two 300-measure notices in seconds).

    python benchmarks/bench_diff.py [--measures 300] [--repeat 5]

The notice is invented (tools/flat_tables.py's vocabulary): parts of ten
measures, each two or three clauses with a number of its own, a labelled
annotation (牵头单位 / 责任单位 / 完成时限).  The later version rewords 20
measures, gives 10 a new lead and 10 a new deadline, drops 10, inserts 10,
splits 5 and merges 5 pairs, and is numbered afresh.  Printed: the median
wall and CPU time of `compare.diff.diff` on the two parsed notices (parsing
not counted), the pairs it scored against all pairs, and the changes found
against those made.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))


def measures(n: int, seed: int = 7) -> list[dict[str, str]]:
    import flat_tables as F

    rng = random.Random(seed)
    out = []
    for k in range(n):
        clauses = [F._text(rng).rstrip("。") for _ in range(rng.choice((2, 3)))]
        text = "，".join(clauses) + f"，到2027年累计完成{rng.randint(2, 9999)}项。"
        out.append(
            {
                "text": text,
                "lead": F._unit(rng),
                "support": F._units(rng, rng.randint(1, 3)),
                "due": rng.choice(F._DEADLINE),
                "part": str(k // 10),
            }
        )
    return out


def notice(items: list[dict[str, str]]) -> str:
    cn = "一二三四五六七八九十"
    lines = ["关于印发某市重点工作任务分工方案的通知"]
    part = None
    for k, m in enumerate(items, start=1):
        if m["part"] != part:
            part = m["part"]
            q = int(part) + 1
            if q <= 10:
                head = cn[q - 1]
            else:
                head = (
                    (cn[q // 10 - 1] if q >= 20 else "") + "十" + (cn[q % 10 - 1] if q % 10 else "")
                )
            lines.append(f"{head}、第{q}组任务")
        lines.append(
            f"{k}.{m['text']}（牵头单位：{m['lead']}；责任单位：{m['support']}；完成时限：{m['due']}）"
        )
    return "\n".join(lines) + "\n"


def later(items: list[dict[str, str]], seed: int = 8) -> tuple[list[dict[str, str]], Counter[str]]:
    """The later version and the changes it makes, by kind."""
    rng = random.Random(seed)
    new = [dict(m) for m in items]
    made: Counter[str] = Counter()
    picks = rng.sample(range(len(new)), 70)
    for k in picks[:20]:
        t = new[k]["text"]
        new[k]["text"] = t[: len(t) // 2] + "切实" + t[len(t) // 2 :]
        made["text"] += 1
    for k in picks[20:30]:
        new[k]["lead"] = "市档案馆"
        made["lead"] += 1
    for k in picks[30:40]:
        new[k]["due"] = "2030年底前"
        made["deadline"] += 1
    for k in picks[40:45]:  # split at its first clause
        t = new[k]["text"]
        cut = t.index("，") + 1
        new[k]["text"] = t[:cut]
        new[k]["split"] = t[cut:]
        made["split"] += 1
    for k in picks[45:50]:  # merged with the measure after it
        if k + 1 < len(new) and k + 1 not in picks:
            new[k]["text"] = new[k]["text"].rstrip("。") + "，" + new[k + 1]["text"]
            new[k + 1]["gone"] = "merged"
            made["merged"] += 1
    for k in picks[50:60]:
        new[k]["gone"] = "removed"
        made["removed"] += 1
    out = []
    for k, m in enumerate(new):
        if m.get("gone"):
            continue
        out.append(m)
        if "split" in m:
            out.append({**m, "text": m["split"]})
        if k in picks[60:70]:
            out.append(
                {**m, "text": f"新增任务第{k}项：建设智慧停车泊位{k * 7}个，完善公共充电设施。"}
            )
            made["added"] += 1
    return out, made


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--measures", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)

    import policy_parse
    from policy_parse.compare import match
    from policy_parse.compare.diff import diff

    items = measures(args.measures)
    changed, made = later(items)
    old = policy_parse.parse_text(notice(items))
    new = policy_parse.parse_text(notice(changed))
    diff(old, old)  # warm: data files, patterns
    walls, cpus = [], []
    for _ in range(args.repeat):
        w, c = time.perf_counter(), time.process_time()
        result = diff(old, new)
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    og = [match.grams(match.key_text(m.text)) for m in old.measures]
    ng = [match.grams(match.key_text(m.text)) for m in new.measures]
    scored = len(match._related(og, ng))
    found = Counter(c.kind.value for c in result.changes)
    print(
        f"{len(old.measures)} → {len(new.measures)} measures: median {statistics.median(walls):.3f} s wall, "
        f"{statistics.median(cpus):.3f} s CPU (min {min(walls):.3f}, max {max(walls):.3f}; "
        f"{args.repeat} runs); {scored} pairs scored of {len(og) * len(ng)}"
    )
    print(f"made:  {dict(sorted(made.items()))}")
    print(f"found: {dict(sorted(found.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

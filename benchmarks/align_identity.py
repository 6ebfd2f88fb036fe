"""Same alignments before and after a speed-up of read/text/ (issue 21).

    PYTHONPATH=/tmp/base/src python benchmarks/align_identity.py dump before.jsonl
    PYTHONPATH=src           python benchmarks/align_identity.py dump after.jsonl
    python benchmarks/align_identity.py compare before.jsonl after.jsonl

`dump` reads many flattened tables and writes, per input, one JSON line:
every alignment the aligner returned while reading it (each cell placed,
the cost, the runner-up's cost, every row's cost and doubt margin, floats
written as `float.hex`, so "equal" is to the last bit), the whole `Document`
read_text made of it (attrs.asdict), and the parsed notice's JSON (or the
error it raised).  The inputs: tools/flat_tables.py tables (`--seeds` seeds
× every layout × every variant), every .txt of the real corpus
(../shared/corpus/real/, the leading `# ` lines stripped as
benchmarks/corpus.py does), and bench_flat_table.py's invented table at
`--rows` rows in two layouts.  `compare` says how many lines differ and
shows the first differences.  A speed-up must leave the two dumps equal.

The package imported is whatever PYTHONPATH puts first (printed on the
first line), so an untouched copy (`git archive BASE | tar -x -C /tmp/base`)
gives the "before".
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def _inputs(seeds: int, rows: int) -> Iterator[tuple[str, str]]:
    sys.path.insert(0, str(ROOT / "tools"))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import flat_tables as F
    from bench_flat_table import table_text
    from corpus import notice_text

    for layout in F.LAYOUTS:
        for kind in F.VARIANTS:
            for seed in range(seeds):
                yield f"flat/{layout}/{kind}/{seed}", F.sample(seed, layout, kind)[1].text
    for txt in sorted(CORPUS.rglob("*.txt")):
        yield f"corpus/{txt.relative_to(CORPUS)}", notice_text(txt)
    for layout in ("pipes", "paragraphs", "lines", "tabs"):
        yield f"bench/{layout}/{rows}", table_text(rows, layout)


def _aligned(a: Any) -> dict[str, Any]:
    def h(x: float | None) -> str | None:
        return None if x is None else float(x).hex()

    return {
        "columns": [repr(c) for c in a.columns],
        "placed": [list(p) for p in a.placed],
        "cost": h(a.cost),
        "runner_up": h(a.runner_up),
        "row_cost": [h(x) for x in a.row_cost],
        "doubt": [h(x) for x in a.doubt],
    }


def dump(out: Path, seeds: int, rows: int) -> int:
    import attrs

    import policy_parse
    from policy_parse._support import memo
    from policy_parse.emit.json import to_json
    from policy_parse.models import Format, Source
    from policy_parse.read.text import rebuild
    from policy_parse.read.text.reader import read_text

    seen: list[dict[str, Any]] = []
    real_align = rebuild.align

    def recording(*args: Any, **kw: Any) -> Any:
        a = real_align(*args, **kw)
        seen.append(_aligned(a))
        return a

    rebuild.align = recording  # type: ignore[assignment]
    source = Source(path=None, format=Format.TXT, sha256="0" * 64)
    count = alignments = 0
    with out.open("w", encoding="utf-8") as f:
        f.write(json.dumps({"package": policy_parse.__file__}) + "\n")
        for name, text in _inputs(seeds, rows):
            memo.clear()
            seen.clear()
            line: dict[str, Any] = {"input": name}
            try:
                document = read_text(text, source)
                line["document"] = attrs.asdict(document, recurse=True)
            except policy_parse.PolicyParseError as exc:
                line["document"] = f"{type(exc).__name__}: {exc}"
            line["aligns"] = list(seen)
            seen.clear()
            try:
                line["notice"] = to_json(policy_parse.parse_text(text), indent=None)
            except policy_parse.PolicyParseError as exc:
                line["notice"] = f"{type(exc).__name__}: {exc}"
            line["aligns_in_parse"] = list(seen)
            alignments += len(line["aligns"]) + len(seen)
            f.write(json.dumps(line, ensure_ascii=False, sort_keys=True, default=repr) + "\n")
            count += 1
    print(f"{out}: {count} inputs, {alignments} alignments ({policy_parse.__file__})")
    return 0


def compare(a: Path, b: Path) -> int:
    la = a.read_text("utf-8").splitlines()[1:]
    lb = b.read_text("utf-8").splitlines()[1:]
    if len(la) != len(lb):
        print(f"different numbers of inputs: {len(la)} vs {len(lb)}")
        return 1
    differ = []
    alignments = 0
    for x, y in zip(la, lb, strict=True):
        jx = json.loads(x)
        alignments += len(jx["aligns"]) + len(jx["aligns_in_parse"])
        if x != y:
            jy = json.loads(y)
            parts = [k for k in jx if jx[k] != jy.get(k)]
            differ.append(f"{jx['input']}: {', '.join(parts)}")
    print(f"{len(la)} inputs, {alignments} alignments; {len(differ)} differ")
    for d in differ[:20]:
        print("  " + d)
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--seeds", type=int, default=40)
    d.add_argument("--rows", type=int, default=2000)
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "dump":
        return dump(args.out, args.seeds, args.rows)
    return compare(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())

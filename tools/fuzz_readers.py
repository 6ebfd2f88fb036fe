"""A longer fuzz hunt over every reader (issue 23); run it before you stop.

    PYTHONPATH=src python tools/fuzz_readers.py            # 300 inputs a reader
    PYTHONPATH=src python tools/fuzz_readers.py -n 2000 --readers ofd html

Each input is a sample mutated in its bytes or in its decoded text
(tests/fuzzing.py: XML text nodes and attribute numbers inside zip
packages, a web page's text and tags), so most reach the whole pipeline.
Anything but a `PolicyParseError`, a lost character or an invalid JSON is
a finding: the input is saved under --out with the error, and the run exits
1.  Seeds are random unless --seed is given; each finding names its seed.
"""

from __future__ import annotations

import argparse
import random
import sys
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import policy_parse
from fuzzing import TARGETS, check, example


def main() -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("-n", type=int, default=300, help="inputs per reader")
    p.add_argument("--readers", nargs="*", default=sorted(TARGETS), choices=sorted(TARGETS))
    p.add_argument("--seed", type=int, help="first seed (default: random)")
    p.add_argument("--out", default="fuzz-findings", help="folder for failing inputs")
    args = p.parse_args()
    first = args.seed if args.seed is not None else random.randrange(2**32)
    findings = 0
    for reader in args.readers:
        outcome: Counter[str] = Counter()
        for k in range(args.n):
            seed = first + k
            data = example(reader, seed)
            try:
                check(data)
                outcome["ok or typed error"] += 1
            except Exception as exc:  # noqa: BLE001 - every other failure is a finding
                findings += 1
                outcome[type(exc).__name__] += 1
                out = Path(args.out)
                out.mkdir(exist_ok=True)
                (out / f"{reader}-{seed}.bin").write_bytes(data)
                (out / f"{reader}-{seed}.txt").write_text(traceback.format_exc(), "utf-8")
                print(f"{reader} seed {seed}: {type(exc).__name__}: {exc}", file=sys.stderr)
        print(f"{reader}: {dict(outcome)} (seeds {first}..{first + args.n - 1})")
    print(f"policy_parse {policy_parse.__file__}: {findings} finding(s)")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())

"""Score policy_parse on perturbed copies of the real-notice corpus.

Every kind ``../shared/tools/perturb.py --list`` names (punctuation width,
re-wrapping at 38 characters, Traditional script, label synonyms,
indentation, blank lines, numbering styles) is applied to the corpus in a
temporary folder and scored as benchmarks/corpus.py scores the corpus: the
keys stay valid, so a kind that costs measures shows where the parser reads
vocabulary or layout rather than structure.

    python benchmarks/perturbed.py                 # the table
    python benchmarks/perturbed.py wrap30 wrap45   # other kinds (perturb.py's extras)
    python benchmarks/perturbed.py -v wrap38       # and each file that differs from plain

``s2t`` needs opencc (a project dependency); a kind that cannot be made is
reported on its row, not fatal.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import corpus

# Issue 22's goal: every kind within 2 % of the plain figure (of the measures keyed).
TOLERANCE = 0.02
PERTURB = corpus.ROOT.parent / "shared" / "tools" / "perturb.py"


def kinds() -> list[str]:
    out = subprocess.run(
        [sys.executable, str(PERTURB), "--list"], capture_output=True, text=True, check=True
    )
    return out.stdout.split()


def make(kind: str, src: Path, dst: Path) -> str | None:
    """Write the `kind` copy of `src` into `dst`; the error, if it cannot."""
    run = subprocess.run(
        [sys.executable, str(PERTURB), str(src), str(dst), kind],
        check=False,
        capture_output=True,
        text=True,
    )
    if run.returncode != 0:
        return (run.stderr.strip().splitlines() or [f"exit {run.returncode}"])[-1]
    return None


def _figures(scores: Sequence[corpus.FileScore]) -> tuple[int, int, int, int]:
    return (
        sum(s.exact for s in scores),
        sum(s.total for s in scores),
        sum(s.structure for s in scores),
        sum(len(s.silent) for s in scores),
    )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("kinds", nargs="*", help="kinds to score (default: perturb.py --list)")
    ap.add_argument("--corpus", type=Path, default=corpus.DEFAULT_CORPUS)
    ap.add_argument("-v", "--verbose", action="store_true", help="list files that differ")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir() or not PERTURB.is_file():
        print(f"no corpus at {args.corpus} or no {PERTURB}", file=sys.stderr)
        return 2
    plain = corpus.score_corpus(args.corpus)
    exact0, total0, structure0, silent0 = _figures(plain)
    by_name = {s.name: s for s in plain}
    rows = [("plain", f"{exact0}/{total0}", "", "", str(silent0), str(structure0))]
    details: list[str] = []
    with tempfile.TemporaryDirectory(prefix="perturbed-") as tmp:
        for kind in args.kinds or kinds():
            dst = Path(tmp) / kind
            error = make(kind, args.corpus, dst)
            if error is not None:
                rows.append((kind, "—", "", "", "", f"not made: {error}"))
                continue
            scores = corpus.score_corpus(dst)
            exact, total, structure, silent = _figures(scores)
            close = abs(exact - exact0) <= TOLERANCE * total0
            rows.append(
                (
                    kind,
                    f"{exact}/{total}",
                    f"{exact - exact0:+d}",
                    "yes" if close else "no",
                    str(silent),
                    str(structure),
                )
            )
            for s in scores:
                before = by_name.get(s.name)
                if before is not None and s.exact != before.exact:
                    details.append(f"{kind:13} {s.name:40} {before.exact} -> {s.exact}")
                if s.silent:
                    details.append(f"{kind:13} {s.name:40} silent: {', '.join(s.silent)}")
    head = f"| kind | exact | vs plain | within {TOLERANCE:.0%} | wrong, no finding | structure findings |"
    print(head)
    print("| --- | --- | --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    if args.verbose and details:
        print()
        print("\n".join(details))
    return 0


if __name__ == "__main__":
    sys.exit(main())

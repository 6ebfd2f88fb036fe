"""Score policy_parse on the real-notice corpus (../shared/corpus/real/).

Each notice NN_name.txt has a hand-made key NN_name.expected.json: a list of
{"number", "lead", "support"}.  A measure is *exact* when a parsed measure
with that number exists and its lead (ordered) and support (as a set) match;
a key unit is a string or a list of acceptable spellings, compared with the
unit's written form, its expanded form and its canonical name.

    python benchmarks/corpus.py            # per-file lines, then the total
    python benchmarks/corpus.py -v         # also every miss, key against parse

The last line is the total, e.g. ``corpus: 58/61 exact, 3 structure findings``.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "real"


@attrs.frozen(kw_only=True)
class FileScore:
    name: str
    exact: int
    total: int
    structure: int
    misses: tuple[str, ...]
    error: str | None = None
    # Keyed measures read wrong with no signal: no finding of warning or worse
    # naming the measure, and no structure finding about the whole notice.
    silent: tuple[str, ...] = ()


def notice_text(path: Path) -> str:
    """The notice as published: the corpus's leading `# ` lines stripped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    while lines and lines[0].startswith("# "):
        lines.pop(0)
    return "\n".join(lines) + "\n"


def _fold(text: str) -> str:
    """A spelling as the key compares it: NFKC (（县） is (县)) and Simplified
    (縣 is 县) — a copy of the notice in another bracket width or script
    (perturb.py punct-full, s2t) names the same unit, and the keys stay."""
    from policy_parse.normalize.script import to_simplified

    return unicodedata.normalize("NFKC", to_simplified(text))


def _spellings(key: str | list[str]) -> set[str]:
    return {_fold(k) for k in ([key] if isinstance(key, str) else key)}


def _names(unit: Any) -> set[str]:
    return {_fold(n) for n in (unit.written, unit.expanded, unit.name)}


def _lead_ok(key: Sequence[str | list[str]], units: Sequence[Any]) -> bool:
    return len(key) == len(units) and all(
        _spellings(k) & _names(u) for k, u in zip(key, units, strict=True)
    )


def _support_ok(key: Sequence[str | list[str]], units: Sequence[Any]) -> bool:
    if len(key) != len(units):
        return False
    left = list(units)
    for k in key:
        hit = next((u for u in left if _spellings(k) & _names(u)), None)
        if hit is None:
            return False
        left.remove(hit)
    return True


def _records(notice: Any) -> list[tuple[str, tuple[Any, ...], tuple[Any, ...]]]:
    """(number, lead, support) of every measure; a table-only notice's rows."""
    if notice.measures:
        return [(str(m.number), m.lead, m.support) for m in notice.measures]
    return [(str(e.number), e.lead, e.support) for e in notice.table if e.number is not None]


def key_of(txt: Path) -> list[dict[str, Any]]:
    """The hand-made key of a corpus notice (NN_name.expected.json)."""
    path = txt.with_name(txt.name.replace(".txt", ".expected.json"))
    return json.loads(path.read_text("utf-8"))  # type: ignore[no-any-return]


def score_file(txt: Path) -> FileScore:
    import policy_parse

    key = key_of(txt)
    try:
        notice = policy_parse.parse_text(notice_text(txt))
    except policy_parse.PolicyParseError as exc:
        return FileScore(
            name=txt.stem,
            exact=0,
            total=len(key),
            structure=0,
            misses=(),
            error=f"{type(exc).__name__}: {exc}",
        )
    return score_notice(txt.stem, key, notice)


def score_notice(name: str, key: list[dict[str, Any]], notice: Any) -> FileScore:
    """A parsed notice (from any form of the file) against its key."""
    got = _records(notice)
    ids = _ids(notice)
    named = _flagged(notice)
    used: set[int] = set()
    exact = 0
    misses: list[str] = []
    silent: list[str] = []
    for item in key:
        k = next(
            (i for i, (n, _, _) in enumerate(got) if n == item["number"] and i not in used), None
        )
        if k is None:
            misses.append(f"{item['number']}: not found")
            # Said where a finding names a part the parser cut it into (N-1,
            # N-2 …: inline_tasks gives the key's reading as the other one).
            parts = {n for n in named if n is not None and n.startswith(f"{item['number']}-")}
            if None not in named and not parts:
                silent.append(item["number"])
            continue
        used.add(k)
        _, lead, support = got[k]
        if _lead_ok(item["lead"], lead) and _support_ok(item["support"], support):
            exact += 1
        else:
            if None not in named and not {item["number"], ids[k]} & named:
                silent.append(item["number"])
            misses.append(
                f"{item['number']}: key lead={item['lead']} support={item['support']} | "
                f"got lead={[u.written for u in lead]} support={[u.written for u in support]}"
            )
    extra = [n for i, (n, _, _) in enumerate(got) if i not in used]
    if not key:  # a near miss: it may have numbered items, but none may carry units
        assigned = [n for n, lead, support in got if lead or support]
        if assigned:
            misses.append(f"a near miss assigns units: {', '.join(assigned)}")
    else:  # an excerpt may end inside a measure: an extra with no units is the cut one
        # ... and one whose units the parser itself doubts (odd_unit) is said, not silent.
        doubted = {d.measure for d in notice.discrepancies if d.note == "odd_unit"}
        extra = [
            n
            for i, (n, lead, support) in enumerate(got)
            if i not in used and (lead or support) and n not in doubted
        ]
        if extra:
            misses.append(f"not in the key, with units: {', '.join(extra)}")
    structure = sum(1 for d in notice.discrepancies if d.kind.value == "structure")
    return FileScore(
        name=name,
        exact=exact,
        total=len(key),
        structure=structure,
        misses=tuple(misses),
        silent=tuple(silent),
    )


def _ids(notice: Any) -> list[str | None]:
    """The id of each record `_records` gives, as findings name measures."""
    if notice.measures:
        return [m.id for m in notice.measures]
    return [e.id for e in notice.table if e.number is not None]


def _flagged(notice: Any) -> set[str | None]:
    """Measures a finding of warning or worse names; None where a structure
    finding doubts the whole notice (no annotation found, few annotated …)."""
    out: set[str | None] = set()
    for d in notice.discrepancies:
        if d.kind.value == "structure" and d.measure is None:
            out.add(None)
        elif d.measure is not None and d.severity.value in ("warning", "error"):
            out.add(d.measure)
    return out


def score_corpus(corpus: Path = DEFAULT_CORPUS) -> list[FileScore]:
    return [score_file(p) for p in sorted(corpus.glob("*.txt"))]


def summary(scores: Iterable[FileScore]) -> str:
    scores = list(scores)
    exact = sum(s.exact for s in scores)
    total = sum(s.total for s in scores)
    structure = sum(s.structure for s in scores)
    silent = sum(len(s.silent) for s in scores)
    return f"corpus: {exact}/{total} exact, {silent} wrong with no finding, {structure} structure findings"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    scores = score_corpus(args.corpus)
    for s in scores:
        line = (
            f"{s.name:36} {s.exact:3}/{s.total:<3} structure={s.structure} silent={len(s.silent)}"
        )
        print(line + (f"  {s.error}" if s.error else ""))
        if args.verbose:
            for miss in s.misses:
                print(f"    {miss}")
    print(summary(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The real-notice corpus under stacked perturbations (benchmarks/perturbed.py
--stack): a second portal's copy carries several of perturb.py's kinds at
once — Traditional and re-wrapped, renumbered and spaced out, indented and
then re-wrapped.  For three stacks no keyed measure may be read wrong without
a finding, and each reads at least its ratchet of the 282 keyed measures
(benchmarks/README.md, "Stacked perturbations").  The fourth case is the
invented specimens under the stack that read specimen 111's inline tasks
wrong unsaid (an indented copy's page width, segment/wrapping.py)."""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Any

import pytest

from helpers import load_script

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
SPECIMENS = ROOT / "tests" / "specimens"
PERTURB = ROOT.parent / "shared" / "tools" / "perturb.py"

# (stack, folder) → measures read exactly, never below
RATCHET = {
    ("s2t+punct-ascii+wrap38", CORPUS): 281,  # of 282
    # 62: a lead cell's second line (区税务局), indented as a paragraph's first
    # line where the cut lines are not, is read as the support cell (said).
    ("num-dun+indent-blank+wrap30", CORPUS): 280,
    ("wrap38+indent", CORPUS): 281,
    ("indent+wrap38", SPECIMENS): 644,  # of 651
}

pytestmark = [
    pytest.mark.skipif(
        not (CORPUS.is_dir() and PERTURB.is_file()), reason="no ../shared corpus or perturb.py"
    ),
    pytest.mark.slow,
]


@functools.cache
def _perturbed() -> Any:
    sys.path.insert(0, str(ROOT / "benchmarks"))  # perturbed.py imports corpus.py by name
    return load_script("perturbed", ROOT / "benchmarks" / "perturbed.py")


@pytest.mark.parametrize(
    "stack, folder", sorted(RATCHET), ids=[f"{s}-{f.name}" for s, f in sorted(RATCHET)]
)
def test_a_stacked_copy_reads_its_ratchet_and_nothing_wrong_unsaid(
    stack: str, folder: Path, tmp_path: Path
) -> None:
    perturbed = _perturbed()
    made: dict[str, Path] = {}
    assert perturbed.make_stack(stack, folder, tmp_path, made) is None
    assert len(list(made[stack].glob("*.txt"))) == len(list(folder.glob("*.txt")))
    scores = perturbed.corpus.score_corpus(made[stack])
    assert [f"{s.name}: {', '.join(s.silent)}" for s in scores if s.silent] == []
    assert sum(s.exact for s in scores) >= RATCHET[stack, folder]


def test_a_stack_is_its_kinds_applied_in_order(tmp_path: Path) -> None:
    # wrap38 then indent indents every cut line; indent then wrap38 only
    # the first line of each paragraph (its continuation lines start bare).
    perturbed = _perturbed()
    made: dict[str, Path] = {}
    src = tmp_path / "src"
    src.mkdir()
    (src / "01_x.txt").write_text("# source: x\n" + "甲" * 50 + "\n", encoding="utf-8")
    (src / "01_x.expected.json").write_text("[]", encoding="utf-8")
    for stack in ("wrap38+indent", "indent+wrap38"):
        assert perturbed.make_stack(stack, src, tmp_path, made) is None
    assert set(made) == {"wrap38", "wrap38+indent", "indent", "indent+wrap38"}
    read = {k: (made[k] / "01_x.txt").read_text(encoding="utf-8") for k in made}
    assert (
        read["wrap38+indent"]
        == "# source: x\n" + "\u3000\u3000" + "甲" * 38 + "\n\u3000\u3000" + "甲" * 12 + "\n"
    )
    assert (
        read["indent+wrap38"]
        == "# source: x\n" + "\u3000\u3000" + "甲" * 36 + "\n" + "甲" * 14 + "\n"
    )

"""The README's Python example is a doctest, run here from the checkout's
root (its paths are relative to it), and so is the package docstring."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

import policy_parse

ROOT = Path(__file__).resolve().parents[1]


def _run(text: str, name: str) -> doctest.TestResults:
    test = doctest.DocTestParser().get_doctest(text, {}, name, str(ROOT / "README.md"), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    return runner.summarize(verbose=False)


def test_the_readme_python_example_runs_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    blocks = re.findall(
        r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.DOTALL
    )
    assert blocks, "the README has a ```python example"
    for k, block in enumerate(blocks):
        assert ">>> " in block, "the README example is written as a doctest"
        result = _run(block, f"README example {k + 1}")
        assert result.attempted >= 5 and result.failed == 0


def test_the_package_docstring_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = _run(policy_parse.__doc__ or "", "policy_parse")
    assert result.attempted >= 2 and result.failed == 0

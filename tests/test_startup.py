"""`import policy_parse` stays light: the heavy modules load on first use.
Checked by which modules a fresh interpreter holds, never by timing."""

from __future__ import annotations

import subprocess
import sys

import policy_parse

_HEAVY = (
    "multiprocessing",
    "concurrent.futures",
    "email",
    "importlib.metadata",
    "importlib.resources",
    "policy_parse.batch",
    "policy_parse.emit_html",
    "policy_parse.emit_tabular",
    "policy_parse.aliases",
)


def test_import_does_not_load_heavy_modules() -> None:
    code = f"import sys, policy_parse; print([m for m in {_HEAVY!r} if m in sys.modules])"
    out = subprocess.check_output([sys.executable, "-c", code], text=True).strip()
    assert out == "[]"


def test_lazy_names_resolve_and_public_api_is_complete() -> None:
    missing = [name for name in policy_parse.__all__ if not hasattr(policy_parse, name)]
    assert missing == []
    assert set(policy_parse.__all__) <= set(dir(policy_parse))
    from policy_parse.emit_tabular import to_xlsx

    assert policy_parse.to_xlsx is to_xlsx
    assert isinstance(policy_parse.__version__, str) and policy_parse.__version__


def test_unknown_attribute_is_an_attribute_error() -> None:
    try:
        policy_parse.no_such_name  # noqa: B018
    except AttributeError as e:
        assert "no_such_name" in str(e)
    else:
        raise AssertionError("expected AttributeError")

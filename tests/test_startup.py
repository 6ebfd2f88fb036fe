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
    "policy_parse.emit.html",
    "policy_parse.emit.tabular",
    "policy_parse.aliases",
    # Needed only by some inputs, or only once a data file is read.
    "zipfile",
    "statistics",
    "tomllib",
    "pathlib",
    # The models (attrs and its class building) load with the first name
    # that needs them: the CLI forks a PDF's page workers before that.
    "attrs",
    "policy_parse.models",
    "policy_parse.read.limits",
)


def _fresh(code: str) -> str:
    """What `code` prints in a fresh interpreter (nothing imported yet)."""
    return subprocess.check_output([sys.executable, "-c", code], text=True).strip()


def test_import_does_not_load_heavy_modules() -> None:
    code = f"import sys, policy_parse; print([m for m in {_HEAVY!r} if m in sys.modules])"
    out = _fresh(code)
    assert out == "[]"


def test_the_pdf_page_workers_need_no_attrs_models_or_regex() -> None:
    # What a page worker runs (read.pdf.pages and the engine it opens) must not
    # pull in what the CLI imports only after forking them.
    code = (
        "import sys\n"
        "import policy_parse.read.pdf.pages, policy_parse.read.pdf.pdfium\n"
        "heavy = ('attrs', 'regex', 'policy_parse.models', 'policy_parse.read.dispatch')\n"
        "print([m for m in heavy if m in sys.modules])"
    )
    assert _fresh(code) == "[]"


def test_lazy_names_resolve_and_public_api_is_complete() -> None:
    missing = [name for name in policy_parse.__all__ if not hasattr(policy_parse, name)]
    assert missing == []
    assert set(policy_parse.__all__) <= set(dir(policy_parse))
    from policy_parse.emit.tabular import to_xlsx

    assert policy_parse.to_xlsx is to_xlsx
    assert isinstance(policy_parse.__version__, str) and policy_parse.__version__


def test_unknown_attribute_is_an_attribute_error() -> None:
    try:
        policy_parse.no_such_name  # noqa: B018
    except AttributeError as e:
        assert "no_such_name" in str(e)
    else:
        raise AssertionError("expected AttributeError")


def test_import_compiles_no_pattern() -> None:
    # Patterns compile on first use (_support.lazy_regex): count regex.compile calls
    # made while the package imports.
    code = (
        "import regex; n = []; c = regex.compile\n"
        "regex.compile = lambda *a, **k: n.append(a) or c(*a, **k)\n"
        "import policy_parse; print(len(n))"
    )
    out = _fresh(code)
    assert out == "0"


def test_a_lazy_pattern_behaves_like_a_compiled_one() -> None:
    import regex

    from policy_parse._support.lazy_regex import lazy_compile, lazy_compile_bytes

    lazy = lazy_compile(r"(?P<n>\d+)、", regex.VERBOSE)
    eager = regex.compile(r"(?P<n>\d+)、", regex.VERBOSE)
    text = "12、34、五"
    assert [m["n"] for m in lazy.finditer(text)] == ["12", "34"]
    assert lazy.sub("#", text) == eager.sub("#", text)
    assert lazy.split(text) == eager.split(text)
    assert (lazy.pattern, lazy.flags, lazy.groupindex) == (
        eager.pattern,
        eager.flags,
        eager.groupindex,
    )
    # After the first use the compiled methods are the object's own.
    assert "match" in vars(lazy)
    assert lazy_compile_bytes(rb"\A%PDF").match(b"%PDF-1.7") is not None


def test_the_cli_on_one_text_notice_loads_only_what_it_uses(tmp_path: object) -> None:
    # Pools, version metadata and the other output formats wait until asked.
    from golden import SAMPLES

    out = f"{tmp_path}/out.txt"
    unused = (
        "multiprocessing",
        "concurrent.futures",
        "importlib.metadata",
        "policy_parse.emit.html",
        "policy_parse.emit.tabular",
        "csv",
    )
    code = (
        "import sys\n"
        "from policy_parse.__main__ import main\n"
        f"status = main([{str(SAMPLES / 'notice.txt')!r}, '-o', {out!r}])\n"
        f"print(status, [m for m in {unused!r} if m in sys.modules])"
    )
    result = _fresh(code)
    assert result == "0 []"


def test_the_warm_up_notice_reads_as_a_notice_with_nothing_to_report() -> None:
    # data/warmup.txt readies the text stages while PDF workers run
    # (warmup.py): it must take the paths a real notice takes — prose with
    # labelled and phrase annotations, a table — and raise no finding.
    from pathlib import Path

    import policy_parse

    text = (Path(policy_parse.__file__).parent / "data" / "warmup.txt").read_text("utf-8")
    notice = policy_parse.parse_text(text)
    assert [m.number.parts for m in notice.measures] == [(1,), (2,), (3,)]
    assert [m.lead[0].name for m in notice.measures] == ["区发展改革委", "区财政局", "区政府办"]
    assert len(notice.table) == 3
    assert notice.discrepancies == ()


def test_a_pdf_parse_readies_the_text_stages_while_waiting() -> None:
    from golden import SAMPLES

    pdf = SAMPLES / "notice.pdf"
    code = (
        "import policy_parse, policy_parse.warmup as w\n"
        "done = lambda: w.prepare_text_stages.cache_info().currsize == 1\n"
        f"policy_parse.parse({str(SAMPLES / 'notice.txt')!r}); txt = done()\n"
        f"policy_parse.parse({str(pdf)!r}); print(txt, done())"
    )
    out = _fresh(code)
    # A text notice has no wait to fill; a PDF's workers give one.
    assert out == "False True"

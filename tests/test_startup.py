"""`import policy_parse` stays light: the heavy modules load on first use.
Checked by which modules a fresh interpreter holds, never by timing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

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


_SAMPLE_PDF = Path(__file__).resolve().parent.parent / "samples" / "notice.pdf"


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


def test_the_pdf_engine_binds_pdfium_without_importing_pypdfium2() -> None:
    # pypdfium2's import (every binding, logging, subprocess, tempfile) was
    # ~50 ms of CPU per PDF read; read/pdf/library.py opens its library file.
    code = (
        "import sys\n"
        "from policy_parse.read.pdf.pdfium import PdfiumEngine\n"
        "from pathlib import Path\n"
        f"engine = PdfiumEngine(Path({str(_SAMPLE_PDF)!r}).read_bytes(), None, 'x')\n"
        "assert engine.page_count() > 1 and next(engine.pages()).chars\n"
        "heavy = ('pypdfium2', 'pypdfium2_raw', 'logging', 'subprocess', 'tempfile')\n"
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
        "html.entities",  # read/text/entities.py decodes only a text that needs it
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


def test_a_pdf_parse_imports_the_text_stages_while_waiting_and_parses_nothing_twice() -> None:
    from golden import SAMPLES

    pdf = SAMPLES / "notice.pdf"
    code = (
        "import policy_parse, policy_parse.warmup as w\n"
        "done = lambda f: f.cache_info().currsize == 1\n"
        f"policy_parse.parse({str(SAMPLES / 'notice.txt')!r})\n"
        "txt = done(w.import_text_stages)\n"
        f"policy_parse.parse({str(pdf)!r})\n"
        "print(txt, done(w.import_text_stages), done(w.prepare_text_stages))"
    )
    out = _fresh(code)
    # A text notice has no wait to fill; a PDF's workers give one, and it is
    # spent on imports, not on parsing the warm-up notice (CPU spent twice).
    assert out == "False True False"


# --- compiled patterns and data kept on disk (issue 26) ----------------------------

_SPECIMENS = [
    (r"(?P<n>\d+)、(?P<rest>.+)", 0, ["12、改造老旧小区", "无"]),
    (r"^(?P<units>.+?)(?:牵头|负责)$  # a comment", 64, ["某区住建局牵头", "配合"]),  # VERBOSE
    (r"(?<=(?:牵头|配合))、", 0, ["牵头、配合、协助"]),
    (r"[\p{Co}\p{Cn}]|\p{Han}+", 0, ["abc汉字\ue000"]),
]


@pytest.fixture
def pattern_dir(tmp_path, monkeypatch):
    from policy_parse._support import lazy_regex

    monkeypatch.setattr(lazy_regex, "_DIR", str(tmp_path))
    monkeypatch.setattr(lazy_regex, "_FORCE", True)
    return tmp_path


def _behaviour(p, texts):
    return (
        p.pattern,
        int(p.flags),
        p.groupindex,
        [[m.groupdict() or m.group() for m in p.finditer(t)] for t in texts],
        [p.sub("#", t) for t in texts],
        [p.split(t) for t in texts],
    )


def test_a_pattern_from_the_disk_cache_behaves_as_regex_compiles_it(pattern_dir, monkeypatch):
    import regex

    from policy_parse._support import lazy_regex

    bytes_pattern = rb"(?i)\A(?:[\w-]+:[^\n]*\n)*?content-type:\s*multipart/"
    for pattern, flags, _ in _SPECIMENS:
        lazy_regex._compiled(pattern, flags)  # compiles and stores
    lazy_regex._compiled(bytes_pattern, 0)
    assert len(list(pattern_dir.iterdir())) == len(_SPECIMENS) + 1
    fresh = [regex.compile(p, f) for p, f, _ in _SPECIMENS]

    def no_python_compile(*a, **k):
        raise AssertionError("compiled in Python although cached")

    monkeypatch.setattr(sys.modules["regex._main"], "_compile", no_python_compile)
    for (pattern, flags, texts), eager in zip(_SPECIMENS, fresh, strict=True):
        cached = lazy_regex._compiled(pattern, flags)
        assert _behaviour(cached, texts) == _behaviour(eager, texts)
    again = lazy_regex._compiled(bytes_pattern, 0)
    assert again.match(b"X-A: 1\nContent-Type: multipart/related") is not None
    assert again.match(b"Content-Type: text/plain") is None


def test_a_damaged_or_foreign_cache_file_compiles_the_pattern_anew(pattern_dir):
    from policy_parse._support import lazy_regex

    pattern, flags, _ = _SPECIMENS[0]
    lazy_regex._compiled(pattern, flags)
    (cached,) = pattern_dir.iterdir()
    cached.write_bytes(cached.read_bytes()[:20])
    assert lazy_regex._compiled(pattern, flags).match("3、某事")["n"] == "3"
    cached.write_bytes(b"\x00not marshal")
    assert lazy_regex._compiled(pattern, flags).match("3、某事")["n"] == "3"


def test_nothing_is_written_when_bytecode_may_not_be(pattern_dir, monkeypatch):
    from policy_parse._support import lazy_regex

    monkeypatch.setattr(lazy_regex, "_FORCE", False)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert lazy_regex._compiled(r"\d+号", 0).match("5号") is not None
    assert list(pattern_dir.iterdir()) == []


def test_patterns_built_from_data_are_the_same_text_in_every_process():
    # A set's order changes with the hash seed; a pattern's text must not, or
    # every process would miss its cache and write another file.
    code = (
        "from policy_parse.segment import annotations as a, phrases as p\n"
        "print(a.label_pattern().pattern + p._role_then_comma().pattern)"
    )
    texts = {
        subprocess.check_output(
            [sys.executable, "-c", code], text=True, env={**os.environ, "PYTHONHASHSEED": seed}
        )
        for seed in ("1", "2", "3")
    }
    assert len(texts) == 1


def _imported(importtime: str) -> set[str]:
    """The modules -X importtime lists."""
    return {
        line.split("|")[-1].strip()
        for line in importtime.splitlines()
        if line.startswith("import time:") and "|" in line
    }


def test_the_txt_cli_imports_no_reader_of_another_format_and_parses_no_toml(tmp_path):
    # `python -m policy_parse x.txt` with the caches written (as `python -m
    # policy_parse.warmup` writes them once per install): which modules it
    # imports, read off -X importtime, pinned.
    from golden import SAMPLES

    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    warm = subprocess.run(
        [sys.executable, "-m", "policy_parse.warmup"],
        check=False,
        capture_output=True,
        text=True,
        env=env,
    )
    assert warm.returncode == 0, warm.stderr
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "policy_parse", str(SAMPLES / "notice.txt")]
        + ["-o", str(tmp_path / "out.txt")],
        check=False,
        capture_output=True,
        text=True,
        env=env,
    )
    assert run.returncode == 0, run.stderr
    bare = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "pass"],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    # What the interpreter's own start-up imports (site, a .pth) is not the CLI's.
    loaded = _imported(run.stderr) - _imported(bare.stderr)
    ours = {m for m in loaded if m.split(".")[0] == "policy_parse"}
    others = {m.split(".")[0] for m in loaded} - {"policy_parse"}
    # No reader of another format, no pool, no batch machinery beyond its render.
    assert not {
        m
        for m in ours
        if m.startswith(
            (
                "policy_parse.read.pdf",
                "policy_parse.read.layout",
                "policy_parse.read.docx",
                "policy_parse.read.html",
                "policy_parse.read.ofd",
                "policy_parse.read.xlsx",
                "policy_parse.read.legacy",
                "policy_parse.emit.html",
                "policy_parse.emit.tabular",
            )
        )
    }
    forbidden = {
        "pypdfium2",
        "pdfplumber",
        "lxml",
        "docx",
        "openpyxl",
        "opencc",  # a Simplified notice needs no t2s
        "tomllib",  # the data files come from their cache
        "difflib",  # every measure pairs before the similar-text tier
        "multiprocessing",
        "concurrent",
        "pickle",
        "dataclasses",
        "zipfile",
        "csv",
        # Issue 26's third round: argparse's help width without shutil (and its
        # bz2, lzma), digests without hashlib's OpenSSL, the text report
        # without json, deadlines without calendar and datetime.
        "shutil",
        "bz2",
        "lzma",
        "hashlib",
        "_hashlib",
        "json",
        "calendar",
        "datetime",
        # Round 6 (startup10): paths as text (_support/paths.py), so no
        # pathlib and what it imports (urllib.parse, ipaddress, fnmatch, ntpath).
        "pathlib",
        "urllib",
        "ipaddress",
        "fnmatch",
        "ntpath",
    }
    assert others & forbidden == set()
    # A notice whose tables are tab-indented needs no aligner of flattened
    # tables (read/text/align.py and its passes load with the first such table).
    assert not ours & {
        "policy_parse.read.text.align",
        "policy_parse.read.text.forward",
        "policy_parse.read.text.backward",
        "policy_parse.read.text.lattice",
        "policy_parse.read.text.separators",
    }
    # Every pattern comes from the cache: regex's Python compiler stays unloaded.
    assert "regex._regex_core" not in loaded


def test_a_cached_pattern_needs_only_regexs_c_engine(tmp_path):
    # The first process compiles and stores; the second finds the opcodes on
    # disk and never imports the package (its Python compiler), until a
    # pattern not cached must be compiled.
    setup = (
        "from policy_parse._support import lazy_regex as L\n"
        f"L._DIR = {str(tmp_path)!r}; L._FORCE = True\n"
    )
    _fresh(setup + "L.compile_cached(r'(?P<n>\\d+)、', L.VERBOSE)")
    code = setup + (
        "import sys\n"
        "p = L.compile_cached(r'(?P<n>\\d+)、', L.VERBOSE)\n"
        "alone = sorted(m for m in sys.modules if m.startswith('regex'))\n"
        "found = [m['n'] for m in p.finditer('12、 34、')]\n"
        "q = L.compile_cached(r'[一二]、')\n"
        "print(alone, found, 'regex._main' in sys.modules, q.sub('#', '一、x'))"
    )
    assert _fresh(code) == "['regex._regex'] ['12', '34'] True #x"


def test_escape_and_verbose_are_regexs_own():
    import regex

    from policy_parse._support.lazy_regex import VERBOSE, escape

    assert int(regex.VERBOSE) == VERBOSE
    texts = ["a.b|c", "（牵头）[配合]", "x y\tz\u3000全角", "()[]{}?*+|^$\\.-#&~", "区发展改革委"]
    assert [escape(t) for t in texts] == [regex.escape(t) for t in texts]


def test_the_stages_after_reading_need_only_regexs_c_engine():
    # With the caches written, segmenting, normalising, reconciling and the
    # text report load every pattern of theirs without regex's compiler.
    # (The txt CLI pin forbids regex._regex_core as well.)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    subprocess.run([sys.executable, "-m", "policy_parse.warmup"], check=True, env=env)
    code = (
        "import sys\n"
        "import policy_parse.segment, policy_parse.normalize.assemble, policy_parse.reconcile\n"
        "import policy_parse.emit.text, policy_parse.emit.departments, policy_parse.pipeline\n"
        "from policy_parse._support import lazy_regex\n"
        "n = lazy_regex.compile_all()\n"
        "print(n > 20, sorted(m for m in sys.modules if m.startswith('regex')))"
    )
    out = subprocess.check_output([sys.executable, "-c", code], text=True, env=env).strip()
    assert out == "True ['regex._regex']"


def test_the_txt_path_declares_its_records_with_the_cheap_named_tuple(tmp_path):
    # typing.NamedTuple costs ~1M instructions a class more than
    # _support/records.NamedTuple (issue 26, round 6): a module on the txt
    # path declares its records with the latter (typing's marks its classes
    # with __orig_bases__).
    from golden import SAMPLES

    code = (
        "import sys, typing\n"
        "from policy_parse.__main__ import main\n"
        f"main([{str(SAMPLES / 'notice.txt')!r}, '-o', {str(tmp_path / 'o.txt')!r}])\n"
        "found = sorted(\n"
        "    f'{name}.{k}'\n"
        "    for name, mod in list(sys.modules.items()) if name.startswith('policy_parse')\n"
        "    for k, v in vars(mod).items()\n"
        "    if isinstance(v, type) and v.__module__ == name\n"
        "    and typing.NamedTuple in getattr(v, '__orig_bases__', ())\n"
        ")\n"
        "print(found)"
    )
    assert _fresh(code) == "[]"

"""Every real notice as people receive it: a 公文 .docx and the PDF Word
makes of it give the records of the notice's key.

The corpus (../shared/corpus/real/) holds text copied from portals.
tools/render_gongwen.py lays each notice out as a GB/T 9704 Word file (faces
named as a 公文 names them, Word's automatic numbering, the 分工表 as a ruled
table with merged cells and a repeated header) and LibreOffice exports it to
PDF.  Where the text copy cannot say where a table cell ends, the grid was
rebuilt by reading the notice: tests/fixtures/forms/NN_name.json (cells only).

The expected side is always the key (NN_name.expected.json, written by
people), scored with benchmarks/corpus.py: number, lead in order, support as
a set.  A file a form does not read exactly is an `xfail(strict=True)` naming
why, per form (`KNOWN_WRONG`); the two forms of one notice must also agree
with each other (`KNOWN_APART`).  The totals per form are ratchets.

Rendering: the .docx files are rebuilt every session (reproducible bytes,
about 3 s for the corpus); the PDFs are cached in the temp folder by the hash
of the .docx and the fontconfig file, and the missing ones are converted in
one soffice process (about 30 s for the corpus on 2 cores).  Skipped where
../shared is absent; the PDF tests skip without LibreOffice, and fail in CI.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest

import policy_parse
from helpers import load_script, need_soffice

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
GRIDS = ROOT / "tests" / "fixtures" / "forms"
CACHE = Path(tempfile.gettempdir()) / "policy_parse-forms"
FILES = sorted(p.stem for p in CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
FORMS = ("docx", "pdf")

# Measures read exactly per form, over the corpus (282 keyed): never below these.
RATCHET = {"docx": 281, "pdf": 281}

# (form, file) not read exactly, and why.  "both" stands for either form.
# Where the reason is the .txt's own (tests/test_corpus.py KNOWN_WRONG), the
# form fails the same way: a shape of the prose or of the table's columns,
# not of the file.
KNOWN_WRONG: dict[tuple[str, str], str] = {
    ("both", "14_guangzhou-2021-table"): "as the .txt: the excerpt ends inside a name (市科)",
    ("both", "19_chaozhou-lantian"): (
        "as the .txt: two annotated tasks read as 1-1, 1-2 (README's N-k); the key merges them"
    ),
}

# Files whose .docx and .pdf give different records, and why.
KNOWN_APART: dict[str, str] = {}

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="no ../shared/corpus/real here")


_load = load_script


@functools.cache
def _scorer() -> Any:
    return _load("corpus", ROOT / "benchmarks" / "corpus.py")


@functools.cache
def _renderer() -> Any:
    return _load("render_gongwen", ROOT / "tools" / "render_gongwen.py")


@functools.cache
def _docx(name: str) -> bytes:
    rg = _renderer()
    return rg.render_docx(rg.load_notice(CORPUS / f"{name}.txt", GRIDS), autonum=True)


def _digest(name: str) -> str:
    h = hashlib.sha256(_docx(name))
    h.update(_renderer().FONTCONFIG.read_bytes())
    return h.hexdigest()[:24]


@functools.cache
def _rendered() -> dict[str, dict[str, Path]]:
    """name → {"docx": path, "pdf": path or absent}: every .docx written to
    the cache, the PDFs missing from it made in one soffice run."""
    CACHE.mkdir(exist_ok=True)
    out: dict[str, dict[str, Path]] = {}
    missing = []
    for name in FILES:
        digest = _digest(name)
        docx = CACHE / f"{digest}.docx"
        if not docx.exists():
            docx.write_bytes(_docx(name))
        pdf = CACHE / f"{digest}.pdf"
        out[name] = {"docx": docx, "pdf": pdf}
        if not pdf.exists():
            missing.append(docx)
    if missing and (shutil.which("soffice") or shutil.which("libreoffice")):
        with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
            for made in _renderer().to_pdf(missing, Path(tmp)):
                made.replace(CACHE / made.name)
    return out


def _path(name: str, form: str) -> Path:
    if form == "pdf":
        need_soffice()
    return _rendered()[name][form]


@functools.cache
def _parsed(name: str, form: str) -> Any:
    """The parsed notice, or the refusal's message."""
    try:
        return policy_parse.parse(_path(name, form))
    except policy_parse.PolicyParseError as exc:
        return f"{type(exc).__name__}: {exc}"


def _score(name: str, form: str) -> Any:
    sc = _scorer()
    key = sc.key_of(CORPUS / f"{name}.txt")
    notice = _parsed(name, form)
    if isinstance(notice, str):
        return sc.FileScore(
            name=name, exact=0, total=len(key), structure=0, misses=(), error=notice
        )
    return sc.score_notice(name, key, notice)


def _records(notice: Any) -> list[tuple[str, tuple[str, ...], frozenset[str]]]:
    """What the key compares, by written name: number, lead in order,
    support as a set."""
    return [
        (n, tuple(u.written for u in lead), frozenset(u.written for u in support))
        for n, lead, support in _scorer()._records(notice)
    ]


def _wrong(form: str, name: str) -> str | None:
    return KNOWN_WRONG.get((form, name)) or KNOWN_WRONG.get(("both", name))


def _cases() -> list[Any]:
    out = []
    for name in FILES:
        for form in FORMS:
            reason = _wrong(form, name)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            out.append(pytest.param(form, name, marks=marks, id=f"{form}-{name}"))
    return out


def _apart_cases() -> list[Any]:
    return [
        pytest.param(
            name,
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN_APART[name])]
            if name in KNOWN_APART
            else [],
            id=name,
        )
        for name in FILES
    ]


# ---------------------------------------------------------------------------
# The forms against the key


@pytest.mark.parametrize(("form", "name"), _cases())
def test_each_form_of_a_notice_reads_every_keyed_measure_and_nothing_more(form, name):
    s = _score(name, form)
    assert s.error is None, s.error
    assert (s.exact, s.misses) == (s.total, ())


@pytest.mark.parametrize("name", _apart_cases())
def test_the_word_file_and_its_pdf_give_the_same_records(name):
    docx, pdf = _parsed(name, "docx"), _parsed(name, "pdf")
    if isinstance(docx, str) or isinstance(pdf, str):
        assert docx == pdf  # both refused, for the same reason
        return
    assert _records(docx) == _records(pdf)


@pytest.mark.parametrize("form", FORMS)
def test_no_form_reads_fewer_measures_than_its_ratchet(form):
    exact = sum(_score(name, form).exact for name in FILES)
    assert exact >= RATCHET[form], f"{form}: {exact} exact, ratchet {RATCHET[form]}"


def test_the_known_failures_name_real_files_and_forms():
    assert {name for _, name in KNOWN_WRONG} <= set(FILES)
    assert {form for form, _ in KNOWN_WRONG} <= {*FORMS, "both"}
    assert set(KNOWN_APART) <= set(FILES)


# ---------------------------------------------------------------------------
# The renderings themselves


def _grid_files() -> list[Path]:
    return sorted(GRIDS.glob("*.json"))


def test_every_grid_file_belongs_to_a_corpus_notice():
    names = [p.stem for p in _grid_files()]
    assert names, f"no grid files in {GRIDS}"
    assert set(names) <= set(FILES)


@pytest.mark.parametrize("grid", _grid_files(), ids=lambda p: p.stem)
def test_a_grid_replaces_the_lines_that_hold_its_table(grid):
    # The first cell of the grid is written on the first line it replaces,
    # and the last non-empty cell on the last: the grid is the table the text
    # shows, not some other stretch of the notice.
    lines = (CORPUS / f"{grid.stem}.txt").read_text("utf-8").splitlines()
    data = json.loads(grid.read_text("utf-8"))
    assert data["read"], "say how the grid was read"
    for table in data["tables"]:
        first, last = table["lines"]
        rows = table["rows"]
        assert 1 <= first <= last <= len(lines)
        assert len({len(r) for r in rows}) == 1, "rows of unequal length"
        head = rows[0][0].split("\n")[0]
        assert head in lines[first - 1].strip("| ") or lines[first - 1].strip() == "|"
        assert head in next(ln for ln in lines[first - 1 :] if ln.strip(" |"))
        tail = [c for c in rows[-1] if c not in ("^", "<", "")][-1].split("\n")[-1]
        assert tail.rstrip("。") in " ".join(lines[first - 1 : last])
        assert all(r[0] != "<" for r in rows), "a row cannot start merged from the left"
        assert all(c != "^" for c in rows[0]), "the first row cannot continue one above"


@pytest.mark.parametrize("name", FILES)
def test_a_notice_with_a_grid_has_a_word_table_and_the_others_none(name):
    import docx

    document = docx.Document(_rendered()[name]["docx"])
    has_grid = (GRIDS / f"{name}.json").exists()
    assert bool(document.tables) == has_grid
    for table in document.tables:
        header = table._tbl.tr_lst[0].trPr
        grid = json.loads((GRIDS / f"{name}.json").read_text("utf-8"))["tables"]
        repeats = (
            header is not None
            and header.find(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader"
            )
            is not None
        )
        assert repeats == any(t.get("header_rows", 1) > 0 for t in grid)


def test_automatic_numbering_takes_the_digits_out_of_the_text():
    # 63 numbers 1. … 11. continuously across its headings: in the Word
    # file those digits come from numbering.xml, not from the text.
    import docx

    document = docx.Document(_rendered()["63_tongchuan-2025-fuze"]["docx"])
    numbered = [
        p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None
    ]
    measures = [
        p for p in numbered if p._p.pPr.numPr.numId.val != numbered[0]._p.pPr.numPr.numId.val
    ]
    assert len(measures) >= 11
    assert not any(re.match(r"\d+\.", p.text) for p in numbered)
    assert all("生产总值增长6%左右" in p.text for p in measures[:1])


def test_the_pdf_pages_carry_the_gbt9704_page_numbers():
    doc = policy_parse.read_document(_path("20_guoban-2018-117-jili", "pdf"))
    furniture = [r.text for r in doc.residue if r.reason.startswith("page number")]
    assert furniture and all(t.startswith("—") and t.endswith("—") for t in furniture)

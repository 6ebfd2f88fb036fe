"""The compiled character loop (`read.pdf._native`) against the Python one
it replaces (`characters.chars_py`): the same characters, field by field, and
the same `read_layouts`, on every PDF the tests have — samples/, the
fixtures, pages built here for each branch of the loop, the fuzz targets'
mutations and hostile files (the same typed error), and the corpus rendered
as PDF (slow: LibreOffice) — docs/pdf.md, "The compiled character loop".

Everything else in the suite reads PDFs through the compiled loop where it
is built; in CI it must be (`test_ci_builds_the_compiled_loop`).
"""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pdf_fixtures import Fill, Line, Page, Text, build_pdf, ruled_table

from fuzzing import example
from policy_parse.errors import PolicyParseError
from policy_parse.read.layout import compiled as layout_compiled
from policy_parse.read.pdf import bindings, library, pdfium
from policy_parse.read.pdf.pages import read_layouts

ROOT = Path(__file__).resolve().parents[3]
ON_DISK = sorted([*ROOT.glob("samples/*.pdf"), *ROOT.glob("tests/fixtures/**/*.pdf")])

native = pytest.mark.skipif(
    pdfium._NATIVE is None or layout_compiled.PASSES is None,
    reason="the C extensions are not built",
)


def _hyphen_page() -> Page:
    # A Latin word broken at a line's end: PDFium marks the hyphen U+0002.
    return Page(texts=[Text(72, 100, "Lorem ipsum dolor co-", 10), Text(72, 112, "operation", 10)])


def _table_page() -> Page:
    texts, lines = ruled_table(
        [72, 200, 400], [100, 130, 160], {(0, 0): ["序号"], (0, 1): ["任务"], (1, 1): ["甲乙丙"]}
    )
    return Page(texts=texts, lines=lines)


# Pages for each branch of the loop: generated spaces and line breaks, a
# run of one size, mixed sizes, fake bold, white and invisible text, a box
# over text (characters tied to their text objects), a translucent box, an
# image, a scan, a crop box, a form XObject, a font with no ToUnicode map,
# text off the page and under 1 pt, a blank page.
BUILT: dict[str, Callable[[], bytes]] = {
    "words": lambda: build_pdf([Page(texts=[Text(72, 100, "甲乙 丙丁 abc def 12.5%", 12)])]),
    "lines": lambda: build_pdf(
        [Page(texts=[Text(72, 100 + 16 * k, f"第{k}行 line {k}", 10 + k % 3) for k in range(30)])]
    ),
    "hyphen": lambda: build_pdf([_hyphen_page()]),
    "bold": lambda: build_pdf([Page(texts=[Text(72, 100, "加粗标题", 16, bold_twice=True)])]),
    "hidden": lambda: build_pdf(
        [
            Page(
                texts=[
                    Text(72, 100, "白色文字", 12, color=(1.0,)),
                    Text(72, 130, "不可见", 12, render=3),
                    Text(72, 160, "描边", 12, render=1),
                    Text(72, 190, "盖住的字", 12),
                    Text(72, 220, "半透明下", 12),
                    Text(700, 250, "页外", 12),
                    Text(72, 280, "小字", 0.5),
                    Text(72, 310, "正文", 12),
                ],
                fills=[
                    Fill(70, 185, 200, 210, color=(0.0,), over_text=True),
                    Fill(70, 215, 200, 240, color=(0.0,), over_text=True, alpha=0.5),
                    Fill(60, 300, 300, 330, color=(0.2, 0.3, 0.4)),
                ],
            )
        ]
    ),
    "scan": lambda: build_pdf([Page(scan=True, texts=[Text(72, 100, "扫描层", 12, render=3)])]),
    "image": lambda: build_pdf([Page(image=True, texts=[Text(72, 100, "图上字", 12)])]),
    "crop": lambda: build_pdf(
        [Page(crop=(50, 50, 400, 400), texts=[Text(72, 100, "内"), Text(72, 600, "外")])]
    ),
    "form": lambda: build_pdf([Page(in_form=(10, 20), texts=[Text(72, 100, "表单对象", 12)])]),
    "unmapped": lambda: build_pdf([Page(texts=[Text(72, 100, "无映射", 12, font="F2")])]),
    "table": lambda: build_pdf([_table_page(), Page(lines=[Line(72, 100, 500, 100)])]),
    "blank": lambda: build_pdf([Page(), Page(texts=[Text(72, 100, "   ", 12)])]),
    "private": lambda: build_pdf([Page(texts=[Text(72, 100, "\ue001\ue002甲", 12)])]),
}

# Mutated notice.pdf as the fuzz target makes them (tests/fuzzing.py), the
# seed tests/test_fuzz_readers.py keeps, and hostile files: each gives the
# same layouts or the same typed error on both paths.
FUZZ = (*range(8), 1015)
HOSTILE: dict[str, Callable[[], bytes]] = {
    "truncated": lambda: build_pdf([_hyphen_page()])[:-300],
    "garbage": lambda: b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n",
    "cyclic": lambda: build_pdf([_hyphen_page()], cyclic_page_tree=True),
    "encrypted": lambda: build_pdf([_hyphen_page()], user_password="u", owner_password="o"),
    "damaged-content": lambda: build_pdf(
        [Page(raw_content=b"BT /F1 12 Tf 72 700 Td <4E2D> Tj (unclosed"), _hyphen_page()]
    ),
}


def _fields(chars: list[Any]) -> list[tuple[str, ...]]:
    """Each character's fields, floats as repr (NaN equals NaN)."""
    return [
        tuple(repr(getattr(c, f)) for f in ("text", "x0", "x1", "top", "bottom", "size"))
        + (repr(c.white), repr(c.render), repr(c.order))
        for c in chars
    ]


def _both(monkeypatch: pytest.MonkeyPatch, fn: Callable[[], Any]) -> tuple[Any, Any]:
    """`fn`'s result (or typed error) through the compiled loop, then
    through the Python loop."""

    def outcome() -> Any:
        try:
            return fn()
        except PolicyParseError as exc:
            return (type(exc).__name__, str(exc))

    compiled = outcome()
    with monkeypatch.context() as m:
        m.setattr(pdfium, "_NATIVE", None)
        m.setattr(layout_compiled, "PASSES", None)
        python = outcome()
    return compiled, python


def _models(data: bytes) -> Iterator[tuple[int, list[tuple[str, ...]]]]:
    """Each page's characters, then its ruling lines and paints."""
    engine = pdfium.PdfiumEngine(data, None, "test.pdf")
    try:
        for page in engine.pages():
            yield page.number, _fields(page.chars) + [(repr(page.edges), repr(page.paints))]
    finally:
        engine.close()


def _layouts(data: bytes) -> str:
    count, layouts, damage = read_layouts(data, "test.pdf", 10_000, None, "pdfium", allow_ocr=False)
    return repr((count, layouts, damage))


def _assert_same(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    compiled, python = _both(monkeypatch, lambda: list(_models(data)))
    assert compiled == python
    compiled, python = _both(monkeypatch, lambda: _layouts(data))
    assert compiled == python


@native
@pytest.mark.slow
@pytest.mark.parametrize("path", ON_DISK, ids=lambda p: p.name)
def test_the_files_on_disk_read_alike_both_ways(
    monkeypatch: pytest.MonkeyPatch, path: Path
) -> None:
    _assert_same(monkeypatch, path.read_bytes())


@native
@pytest.mark.parametrize("name", sorted(BUILT))
def test_each_branch_of_the_loop_reads_alike_both_ways(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    data = BUILT[name]()
    compiled, _ = _both(monkeypatch, lambda: list(_models(data)))
    assert compiled and any(chars for _, chars in compiled) or name == "blank"
    _assert_same(monkeypatch, data)


@native
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files_give_the_same_result_or_typed_error_both_ways(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    data = HOSTILE[name]()
    compiled, python = _both(monkeypatch, lambda: _layouts(data))
    assert compiled == python


@native
@pytest.mark.slow
@pytest.mark.parametrize("seed", FUZZ)
def test_mutated_notices_give_the_same_result_or_typed_error_both_ways(
    monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    data = example("pdf", seed)
    compiled, python = _both(monkeypatch, lambda: _layouts(data))
    assert compiled == python


# Paths of every segment kind: a closed triangle (`h`), a curve between
# lines, a rectangle filled and one stroked, a lone move, a curve closed.
_PATHS = (
    b"0 0 0 RG 1 w 72 700 m 300 700 l 300 600 l h S "
    b"100 500 m 150 550 200 550 250 500 c 300 400 l S "
    b"0.5 g 50 50 100 100 re f 60 300 200 20 re S 400 400 m "
    b"80 200 m 120 260 160 260 200 200 c h f "
    b"BT 0 g 0 Tr /F1 12.00 Tf 1 0 0 1 72.00 760.00 Tm <753276D8> Tj ET"
)


@native
@pytest.mark.parametrize("name", ["paths", "table", "hidden", "sample"])
def test_path_facts_are_the_ctypes_reads_in_one_call(name: str) -> None:
    # Each path object's draw mode, matrix, colours and segments through
    # the compiled call and through the ctypes reads it replaces
    # (`pdfium._path_reads`), read on the same object.
    data = (
        (ROOT / "samples" / "notice.pdf").read_bytes()
        if name == "sample"
        else build_pdf([Page(raw_content=_PATHS)])
        if name == "paths"
        else BUILT[name]()
    )
    assert pdfium._NATIVE is not None
    doc = library.Document(data)
    segments = 0
    try:
        for index in range(len(doc)):
            page = doc.page(index)
            try:
                for k in range(library.lib.FPDFPage_CountObjects(page.raw)):
                    obj = library.lib.FPDFPage_GetObject(page.raw, k)
                    if library.lib.FPDFPageObj_GetType(obj) != library.OBJ_PATH:
                        continue
                    compiled = pdfium._NATIVE.path_facts(obj.value)
                    assert compiled == _ctypes_reads(obj.value)
                    segments += len(compiled[-1])
            finally:
                page.close()
    finally:
        doc.close()
    assert segments


def _ctypes_reads(addr: int) -> Any:
    """`pdfium._path_reads` with the compiled loop turned off."""
    saved = pdfium._NATIVE
    pdfium._NATIVE = None
    try:
        return pdfium._path_reads(addr)
    finally:
        pdfium._NATIVE = saved


@native
def test_a_path_of_every_segment_kind_reads_alike_both_ways(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Edges and paints of curves, closes and rectangles: the same through
    # the compiled segment reads and the ctypes ones.
    data = build_pdf([Page(raw_content=_PATHS)])
    compiled, python = _both(monkeypatch, lambda: list(_models(data)))
    assert compiled == python
    assert "Edge" in repr(compiled) and "Paint" in repr(compiled)


@native
def test_the_hyphen_mark_is_read_as_a_hyphen() -> None:
    # The loop's own translation, checked on what it returns, not against
    # the Python loop: "co-" keeps its hyphen, no U+0002 or U+FFFE is left.
    texts = "".join(c for _, chars in _models(build_pdf([_hyphen_page()])) for c, *_ in chars[:-1])
    assert "'-'" in texts
    assert "\\x02" not in texts and "\\ufffe" not in texts


@native
def test_the_loop_shares_one_string_per_character_and_leaves_chars_untracked() -> None:
    # Two pages drawing the same ideographs: each text is one object, in
    # every page, and no Char is tracked by the cyclic collector (its fields
    # hold no container).
    page = Page(texts=[Text(72, 720, "甲乙甲乙")])
    engine = pdfium.PdfiumEngine(build_pdf([page, page]), None, "test.pdf")
    try:
        chars = [c for model in engine.pages() for c in model.chars]
    finally:
        engine.close()
    assert len(chars) == 8
    assert [c.text for c in chars] == list("甲乙甲乙甲乙甲乙")
    assert all(c.text is chars[k % 2].text for k, c in enumerate(chars))
    assert not any(gc.is_tracked(c) for c in chars)


@native
def test_bind_refuses_a_class_without_the_slots_and_keeps_its_binding() -> None:
    class NoSlots:
        text = x0 = x1 = top = bottom = size = white = render = order = None

    assert pdfium._NATIVE is not None
    assert layout_compiled.PASSES is not None
    with pytest.raises(TypeError, match="slot"):
        pdfium._NATIVE.bind(NoSlots, *([1] * 8))
    data = build_pdf([Page(texts=[Text(72, 100, "仍可读", 12)])])
    assert [c[0] for _, chars in _models(data) for c in chars[:-1]] == ["'仍'", "'可'", "'读'"]


def test_policy_parse_native_0_turns_the_compiled_loop_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("POLICY_PARSE_NATIVE", "0")
    assert bindings.load_native() is None
    assert layout_compiled.load() is None


def test_ci_builds_the_compiled_loop() -> None:
    """In CI (`pip install -e .` with gcc and Python's headers, .ci/run)
    the extension is built and loaded; elsewhere it may be absent."""
    if not os.environ.get("CI") or os.environ.get("POLICY_PARSE_NATIVE") == "0":
        pytest.skip("outside CI the extension is optional")
    assert shutil.which("gcc") or shutil.which("cc")
    assert pdfium._NATIVE is not None


@native
@pytest.mark.slow
def test_the_corpus_as_pdf_reads_alike_both_ways(monkeypatch: pytest.MonkeyPatch) -> None:
    import test_forms

    if not test_forms.FILES:
        pytest.skip("no ../shared/corpus/real here")
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("soffice not on PATH: the corpus PDFs cannot be made")
    pdfs = [forms["pdf"] for forms in test_forms._rendered().values() if forms["pdf"].exists()]
    assert len(pdfs) >= 40
    for pdf in pdfs:
        _assert_same(monkeypatch, pdf.read_bytes())

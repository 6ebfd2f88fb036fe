"""read/text/paragraphs.py: a 分工表 pasted as paragraphs reads as its .txt copy.

A table copied out of a browser and pasted into a web page (a ``<p>`` per
cell) or a Word file (a paragraph per cell, or a row per paragraph) reaches
the HTML and Word readers as paragraphs; they hand such a run to the text
path, which rebuilds the table with the same aligner.  Specimens: the
invented table of test_text_align.py, and every flattened table of the
corpus rebuilt cell by cell into a page and a Word file, scored against the
notice's key (written by people).
"""

from __future__ import annotations

import html
import importlib.util
import io
import sys
from pathlib import Path
from typing import Any

import pytest
from docx import Document as new_docx

import policy_parse
from policy_parse.models import Format, Paragraph, Source, Span, Table
from policy_parse.read.html import read_html
from policy_parse.read.limits import Limits
from policy_parse.read.text.paragraphs import tables_in_paragraphs
from policy_parse.read.text.reader import read_text

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT.parent / "shared" / "corpus" / "real"

TITLE = "某县重点任务分工表"
HEADER = ["序号", "工作任务", "牵头单位", "配合单位"]
ROWS = [
    ["1", "修缮乡村道路。", "县甲局", "县乙局、县丙局"],
    ["2", "建设文化广场。", "县乙局", ""],
    ["3", "开展安全检查。", "县丙局", "县甲局"],
]
RECORDS = [
    ("1", ["县甲局"], ["县乙局", "县丙局"]),
    ("2", ["县乙局"], []),
    ("3", ["县丙局"], ["县甲局"]),
]


def records(notice: Any) -> list[tuple[str, list[str], list[str]]]:
    return [
        (str(e.number), [u.written for u in e.lead], [u.written for u in e.support])
        for e in notice.table
        if e.number is not None
    ]


def page(paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    return f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>".encode()


def word(paragraphs: list[str]) -> bytes:
    doc = new_docx()
    for p in paragraphs:
        doc.add_paragraph(p)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def parsed(data: bytes, suffix: str, tmp_path: Path) -> Any:
    path = tmp_path / f"notice{suffix}"
    path.write_bytes(data)
    return policy_parse.parse(path)


def cell_per_paragraph(header: list[str], rows: list[list[str]]) -> list[str]:
    # A copy writes nothing for an empty cell: no paragraph.
    return [TITLE, *header, *(c for r in rows for c in r if c)]


@pytest.mark.parametrize(("make", "suffix"), [(page, ".html"), (word, ".docx")])
def test_a_table_pasted_one_cell_per_paragraph_gives_the_records_of_its_txt_copy(
    make, suffix, tmp_path
):
    notice = parsed(make(cell_per_paragraph(HEADER, ROWS)), suffix, tmp_path)
    assert records(notice) == RECORDS


@pytest.mark.parametrize(("make", "suffix"), [(page, ".html"), (word, ".docx")])
def test_a_table_pasted_one_row_per_paragraph_gives_the_same_records(make, suffix, tmp_path):
    lines = [TITLE, "\t".join(HEADER), *("\t".join(r) for r in ROWS)]
    assert records(parsed(make(lines), suffix, tmp_path)) == RECORDS


def test_prose_with_no_column_words_stays_paragraphs_as_the_reader_made_them():
    blocks = [Paragraph(text=t, span=Span(paragraph=k)) for k, t in enumerate(["甲。", "乙。"])]
    assert tables_in_paragraphs(blocks) == (blocks, [])


def test_a_rebuilt_table_points_at_the_paragraphs_its_cells_came_from():
    texts = cell_per_paragraph(HEADER, ROWS)
    blocks = [Paragraph(text=t, span=Span(paragraph=10 + k)) for k, t in enumerate(texts)]
    out, _ = tables_in_paragraphs(blocks)
    assert out[0] == blocks[0]  # the title, kept as it was
    (table,) = [b for b in out if isinstance(b, Table)]
    # 序号 is paragraph 11; row 1's text 修缮乡村道路。 is paragraph 16.
    assert table.rows[0].cells[0].span.paragraph == 11
    assert table.rows[1].cells[1].span.paragraph == 16
    assert [c.text for c in table.rows[2].cells] == ["2", "建设文化广场。", "县乙局", ""]


def test_a_header_with_no_rows_leaves_the_paragraphs_untouched():
    blocks = [
        Paragraph(text=t, span=Span(paragraph=k))
        for k, t in enumerate(["序号", "工作任务", "牵头单位", "请各单位抓好落实。"])
    ]
    out, left = tables_in_paragraphs(blocks)
    assert (out, left) == (blocks, [])


def test_the_page_keeps_every_paragraph_of_the_table_as_a_cell():
    doc = read_html(
        page(cell_per_paragraph(HEADER, ROWS)),
        Source(path=None, format=Format.HTML, sha256="0" * 64),
        Limits(),
    )
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    cells = {c.text for r in table.rows for c in r.cells if c.text}
    assert cells == {c for r in [HEADER, *ROWS] for c in r if c}


# --- the corpus's flattened tables, rebuilt cell by cell ------------------------------


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("corpus", ROOT / "benchmarks" / "corpus.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("corpus", mod)
    spec.loader.exec_module(mod)
    return mod


def _source() -> Source:
    return Source(path=None, format=Format.TXT, sha256="0" * 64)


def _flattened() -> list[str]:
    """The corpus notices holding a table flattened to text."""
    if not CORPUS.is_dir():
        return []
    corpus = _scorer()
    return [
        txt.stem
        for txt in sorted(CORPUS.glob("*.txt"))
        if any(
            isinstance(b, Table) and b.alignment is not None
            for b in read_text(corpus.notice_text(txt), _source()).blocks
        )
    ]


def _as_paragraphs(text: str) -> list[str]:
    """The notice's prose a paragraph per line, its flattened table a
    paragraph per written cell (as the .txt's own reading lays the grid)."""
    doc = read_text(text, _source())
    out: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            out.append(block.text)
        else:
            out.extend(c.text for r in block.rows for c in r.cells if c.text and not c.merged_left)
    return out


@pytest.mark.parametrize("name", _flattened())
@pytest.mark.parametrize(("make", "suffix"), [(page, ".html"), (word, ".docx")])
def test_a_corpus_table_pasted_as_paragraphs_reads_as_its_txt_copy(name, make, suffix, tmp_path):
    corpus = _scorer()
    txt = CORPUS / f"{name}.txt"
    key = corpus.key_of(txt)
    plain = corpus.score_notice(name, key, policy_parse.parse_text(corpus.notice_text(txt)))
    notice = parsed(make(_as_paragraphs(corpus.notice_text(txt))), suffix, tmp_path)
    pasted = corpus.score_notice(name, key, notice)
    assert (pasted.exact, pasted.silent) == (plain.exact, plain.silent)

"""copies.py's web pages, converted forms and tables copied out of them.

Kinds that need more than a rewrite of the text: the body written as a web
page (scored through parse()), the corpus's Word form exported by
LibreOffice as HTML or its PDF made a page by pdftohtml (both need the
office suite), and the tables rewritten from tests/fixtures/forms' grids.
copies.py lists and scores them with its own kinds.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import corpus


def wrap(text: str, width: int = 38, cut_end: str = "") -> str:
    """perturb.py's wrap38: every line longer than `width` broken at `width`
    (each line cut ending in `cut_end`)."""
    out: list[str] = []
    for line in text.split("\n"):
        while len(line) > width:
            out.append(line[:width] + cut_end)
            line = line[width:]
        out.append(line)
    return "\n".join(out)


# --- web pages: the body as a portal or a converter writes it in HTML -------


def _page(body: str) -> str:
    return f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>"


def _html_p(text: str) -> str:
    """Each line a <p>."""
    return _page("".join(f"<p>{html.escape(ln.strip())}</p>" for ln in text.split("\n")))


def _html_br(text: str, width: int | None = None) -> str:
    """Each line a <p>, re-wrapped at `width` with a <br> at each cut (a
    converter that keeps a PDF's lines), or the whole body one <div> with a
    <br> for each line break (`width` None)."""
    if width is None:
        return _page("<div>" + "<br>".join(html.escape(ln) for ln in text.split("\n")) + "</div>")
    paragraphs = [
        "<br>".join(html.escape(c) for c in wrap(ln.strip(), width).split("\n"))
        for ln in text.split("\n")
    ]
    return _page("".join(f"<p>{p}</p>" for p in paragraphs))


_NUMBERED = re.compile(r"^[ \t\u3000]*(\d{1,3})[.．、](?!\d)(.*)$")


def _html_ol(text: str, width: int = 38) -> str:
    """Lines numbered 1. / 1、 an <ol start=N> item each, its number taken
    out of the text (the list draws it), the item re-wrapped at `width`
    with <br> (a portal's list whose items keep the PDF's lines)."""
    out: list[str] = []
    for ln in text.split("\n"):
        m = _NUMBERED.match(ln)
        if m is None:
            out.append(f"<p>{html.escape(ln.strip())}</p>")
            continue
        item = "<br>".join(html.escape(c) for c in wrap(m[2], width).split("\n"))
        out.append(f'<ol start="{int(m[1])}"><li>{item}</li></ol>')
    return _page("".join(out))


# kind → (what it stands for, the body as a web page): scored as parse() reads the page.
def _html_nbsp(text: str) -> str:
    """Each line a <p> indented by &nbsp; (an editor's indent)."""
    return _page(
        "".join(
            f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{html.escape(ln.strip())}</p>" for ln in text.split("\n")
        )
    )


PAGES: dict[str, tuple[str, Callable[[str], str]]] = {
    "html-oneline": (
        "a web page that lost its breaks: the body one <p>",
        lambda t: _page("<p>" + " ".join(html.escape(ln.strip()) for ln in t.split("\n")) + "</p>"),
    ),
    "html-nbsp": ("a web page: each line a <p> indented by &nbsp;", _html_nbsp),
    "html-p": ("a web page: each line a <p>", _html_p),
    "html-br": ("a web page: the body one <div>, a <br> for each line break", _html_br),
    "html-br38": (
        "a converter's page: each line a <p>, re-wrapped at 38 with <br>",
        lambda t: _html_br(t, 38),
    ),
    "html-ol-br": (
        "a portal's list: numbered lines <ol start=N> items, re-wrapped at 38 with <br>",
        _html_ol,
    ),
}


# --lo-html: the corpus as the Word file tests/test_forms.py renders
# (tools/render_gongwen.py, automatic numbering), exported by LibreOffice as
# HTML: what a portal that publishes a Word file through LibreOffice serves.
LO_HTML = "lo-html"
_LO_WHAT = "the Word form (test_forms.py) exported as HTML by LibreOffice (needs soffice)"


def make_lo_html(src: Path, dst: Path, *, convert: bool = True) -> None:
    """Write NN_name.html (and the key, the .txt's `# ` lines) for every
    corpus notice in `src` into `dst`: one soffice process for all."""
    import importlib.util
    import subprocess

    tools = corpus.ROOT / "tools"
    spec = importlib.util.spec_from_file_location("render_gongwen", tools / "render_gongwen.py")
    assert spec is not None and spec.loader is not None
    render = importlib.util.module_from_spec(spec)
    sys.modules["render_gongwen"] = render  # its dataclasses look their module up
    spec.loader.exec_module(render)
    grids = corpus.ROOT / "tests" / "fixtures" / "forms"
    dst.mkdir(parents=True, exist_ok=True)
    docs: list[str] = []
    for path in sorted(src.glob("*.txt")):
        shutil.copy(path.with_name(path.name.replace(".txt", ".expected.json")), dst)
        (dst / path.name).write_text("", encoding="utf-8")
        docx = dst / f"{path.stem}.docx"
        docx.write_bytes(render.render_docx(render.load_notice(path, grids), autonum=True))
        docs.append(str(docx))
    if not convert:
        return
    soffice = shutil.which("soffice") or shutil.which("libreoffice") or "soffice"
    with tempfile.TemporaryDirectory(prefix="copies-lo-profile-") as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless"]
            + ["--norestore", "--convert-to", "html", "--outdir", str(dst), *docs],
            check=True,
            capture_output=True,
        )


PDF_HTML = "pdf-html"
_PDF_WHAT = "the PDF form (test_forms.py) as pdftohtml -s makes a web page of it (soffice, poppler)"


def make_pdf_html(src: Path, dst: Path) -> None:
    """Write NN_name.html for every corpus notice: its Word form rendered to
    PDF by LibreOffice (tools/render_gongwen.py to_pdf, one process), then
    pdftohtml -s -i -noframes: lines placed by position, <br> at each cut,
    page numbers in pieces between them."""
    import subprocess

    make_lo_html(src, dst, convert=False)
    render = sys.modules["render_gongwen"]
    with tempfile.TemporaryDirectory(prefix="copies-pdf-") as tmp:
        for pdf in render.to_pdf(sorted(dst.glob("*.docx")), Path(tmp)):
            subprocess.run(
                ["pdftohtml", "-s", "-i", "-noframes", "-q", "-enc", "UTF-8", str(pdf)]
                + [str(dst / pdf.stem)],
                check=True,
            )


# --- tables copied out of a page or a Word file, from the forms' grids -------
# tests/fixtures/forms/NN_name.json: the cells of each table of a notice and
# the lines of the .txt it stands for ("<" merged into the cell on the left,
# "^" into the one above).  Notices without a grid are copied unchanged.
GRIDS = corpus.ROOT / "tests" / "fixtures" / "forms"
_MERGED = ("<", "^")


def _grid_tabs(rows: list[list[str]]) -> list[str]:
    """A table copied from Word or a spreadsheet: a row a line, cells apart
    by tabs, a merged cell empty, a line break inside a cell a space."""
    return ["\t".join("" if c in _MERGED else c.replace("\n", " ") for c in r) for r in rows]


def _grid_lines(rows: list[list[str]]) -> list[str]:
    """A table copied from a browser into a plain text box: every cell a
    line of its own (序号⏎1⏎任务…), no blank lines, merged cells left out."""
    return [c for r in rows for c in r if c not in _MERGED]


def _grid_rows(rows: list[list[str]]) -> list[str]:
    """As _grid_lines, with a blank line after every row."""
    return [x for r in rows for x in [*(c for c in r if c not in _MERGED), ""]]


# kind → (what it stands for, a table's rows as lines)
TABLES: dict[str, tuple[str, Callable[[list[list[str]]], list[str]]]] = {
    "grid-tabs": ("tables copied from Word: a row a line, cells apart by tabs", _grid_tabs),
    "grid-lines": ("tables copied from a browser: every cell a line, no blank lines", _grid_lines),
    "grid-rows": ("every cell a line, a blank line after each row", _grid_rows),
}


def _with_tables(path: Path, lines: list[str], each: Callable[[list[list[str]]], list[str]]) -> str:
    """`lines` (the whole .txt) with each table its grid file holds written
    back as `each` writes its rows."""
    spec = GRIDS / f"{path.stem}.json"
    if not spec.exists():
        return "\n".join(lines)
    tables = sorted(json.loads(spec.read_text("utf-8"))["tables"], key=lambda t: -t["lines"][0])
    for t in tables:  # from the last, so that earlier line numbers hold
        first, last = t["lines"]
        lines[first - 1 : last] = each(t["rows"])
    return "\n".join(lines)


_FORMS = {LO_HTML: _LO_WHAT, PDF_HTML: _PDF_WHAT}

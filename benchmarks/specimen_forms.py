"""Every invented specimen (tests/specimens/) as a Word file, its PDF and a
web page, scored against its key as corpus.py scores the .txt.

The specimens were only ever read as text; real notices come as .docx, .pdf
and web pages as often.  Each specimen is rendered as

* .docx: one paragraph per line of the text; a run of `|`-rows (a table
  written as text) a real Word table, one Word row per text row, its
  Markdown rule row (|---|) dropped;
* .pdf: LibreOffice's export of that .docx (one soffice process for all,
  tools/render_gongwen.py's fonts);
* .html: each line a <p>, the `|`-rows a <table>.

and each form is scored with corpus.score_notice: exact, wrong with a
finding, and wrong with no finding (the one that matters most), beside the
.txt's own figures.  Renders are cached under the temp folder by content
hash, so a second run converts nothing.

    python benchmarks/specimen_forms.py            # per form totals
    python benchmarks/specimen_forms.py -v         # and every specimen a form reads worse
    python benchmarks/specimen_forms.py --from 110 # only specimens 110 and later
"""

from __future__ import annotations

import argparse
import hashlib
import html
import re
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # corpus.py beside it, run or loaded

import corpus

ROOT = Path(__file__).resolve().parent.parent
SPECIMENS = ROOT / "tests" / "specimens"
CACHE = Path(tempfile.gettempdir()) / "policy_parse-specimen-forms"
FORMS = ("txt", "docx", "pdf", "html")
VERSION = "1"  # bump when the rendering changes: the cache key holds it

_RULE = re.compile(r"^\|?[\s:|-]*-[\s:|-]*\|?$")


def _tools() -> Any:
    sys.path.insert(0, str(ROOT / "tools"))
    import docxkit
    import render_gongwen

    return docxkit, render_gongwen


def blocks(text: str) -> list[str | list[list[str]]]:
    """The text's lines, each run of `|`-rows one table (a list of rows of
    cells, each row padded to the widest)."""
    out: list[str | list[list[str]]] = []
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            width = max(len(r) for r in rows)
            out.append([r + [""] * (width - len(r)) for r in rows])
            rows.clear()

    for line in text.split("\n"):
        s = line.strip()
        if s.startswith("|"):
            if not _RULE.match(s):
                cells = s.strip("|").split("|")
                rows.append([c.strip() for c in cells])
            continue
        flush()
        out.append(line)
    flush()
    while out and out[-1] == "":
        out.pop()
    return out


def render_docx(text: str) -> bytes:
    docxkit, rg = _tools()
    d = docxkit.new_document(
        rg.BODY, rg.BODY_PT, author="policy_parse benchmarks/specimen_forms.py", title="specimen"
    )
    # A 公文's page: A4, GB/T 9704 margins, 三号 body (long lines wrap in the PDF).
    docxkit.set_page(d.sections[0], (21.0, 29.7), rg.MARGINS, landscape=False)
    first = True
    for b in blocks(text):
        if isinstance(b, list):
            docxkit.add_table(
                d, b, set(), header_font=rg.HEI, body_font=rg.BODY, size_pt=rg.TABLE_PT
            )
            continue
        p = d.paragraphs[0] if first and d.paragraphs else d.add_paragraph()
        first = False
        if b:
            docxkit.add_text(p, b, rg.BODY)
    return bytes(docxkit.save(d))


def render_html(text: str) -> str:
    body: list[str] = []
    for b in blocks(text):
        if isinstance(b, list):
            trs = "".join(
                "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in b
            )
            body.append(f"<table border='1'>{trs}</table>")
        else:
            body.append(f"<p>{html.escape(b)}</p>")
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>specimen</title></head>"
        "<body>" + "\n".join(body) + "</body></html>\n"
    )


def render_all(names: Sequence[str]) -> dict[str, dict[str, Path]]:
    """name → form → path, every render written to CACHE (by content hash),
    the missing PDFs converted in one soffice run."""
    CACHE.mkdir(exist_ok=True)
    _, rg = _tools()
    out: dict[str, dict[str, Path]] = {}
    missing: list[Path] = []
    for name in names:
        text = corpus.notice_text(SPECIMENS / f"{name}.txt")
        h = hashlib.sha256((VERSION + text).encode()).hexdigest()[:20]
        docx = CACHE / f"{h}.docx"
        if not docx.exists():
            docx.write_bytes(render_docx(text))
        page = CACHE / f"{h}.html"
        if not page.exists():
            page.write_text(render_html(text), "utf-8")
        pdf = CACHE / f"{h}.pdf"
        if not pdf.exists():
            missing.append(docx)
        out[name] = {"docx": docx, "pdf": pdf, "html": page}
    if missing and (shutil.which("soffice") or shutil.which("libreoffice")):
        with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
            for made in rg.to_pdf(missing, Path(tmp)):
                made.replace(CACHE / made.name)
    return out


def score(name: str, form: str, paths: dict[str, Path]) -> Any:
    import policy_parse

    txt = SPECIMENS / f"{name}.txt"
    key = corpus.key_of(txt)
    try:
        if form == "txt":
            notice = policy_parse.parse_text(corpus.notice_text(txt))
        else:
            if not paths[form].exists():
                return None
            notice = policy_parse.parse(paths[form])
    except policy_parse.PolicyParseError as exc:
        return corpus.FileScore(
            name=name,
            exact=0,
            total=len(key),
            structure=0,
            misses=(),
            error=f"{type(exc).__name__}: {exc}",
        )
    return corpus.score_notice(name, key, notice)


def reads_worse(score: Any, base: Any) -> bool:
    """A form's reading worse than the .txt's: refused, fewer exact, more
    wrong with no finding, or other misses."""
    return bool(
        score.error is not None
        or score.exact < base.exact
        or len(score.silent) > len(base.silent)
        or score.misses != base.misses
    )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "-v", "--verbose", action="store_true", help="every specimen a form reads worse"
    )
    ap.add_argument("--from", dest="start", type=int, default=0, help="first specimen number")
    ap.add_argument("names", nargs="*", help="only these specimens (stems)")
    args = ap.parse_args(argv)
    names = [
        p.stem
        for p in sorted(SPECIMENS.glob("*.txt"))
        if int(p.stem.split("_")[0]) >= args.start and (not args.names or p.stem in args.names)
    ]
    names.sort(key=lambda n: int(n.split("_")[0]))
    paths = render_all(names)
    totals = {f: [0, 0, 0, 0, 0] for f in FORMS}  # exact, total, wrong+finding, silent, errors
    for name in names:
        scores = {f: score(name, f, paths[name]) for f in FORMS}
        base = scores["txt"]
        for f, s in scores.items():
            if s is None:
                continue
            t = totals[f]
            wrong = s.total - s.exact
            t[0] += s.exact
            t[1] += s.total
            t[2] += wrong - len(s.silent) if s.error is None else 0
            t[3] += len(s.silent) if s.error is None else 0
            t[4] += s.error is not None
            if args.verbose and f != "txt" and reads_worse(s, base):
                print(
                    f"{f:4} {name:36} {s.exact}/{s.total} silent={list(s.silent)}"
                    f"  (txt {base.exact}/{base.total})" + (f"  {s.error}" if s.error else "")
                )
                for m in s.misses:
                    print(f"       {m}")
    for f in FORMS:
        e, t, wf, si, err = totals[f]
        print(
            f"{f:4}: {e}/{t} exact, {wf} wrong with a finding, {si} wrong with no finding"
            + (f", {err} refused" if err else "")
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

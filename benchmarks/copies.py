"""Score policy_parse on the corpus copied in ways perturb.py does not make.

perturb.py (../shared/tools) makes the copies a portal or a PDF makes most
often: re-wrapped, re-spaced, re-punctuated, Traditional, other labels and
numbers.  These are the rarer ones this project has met or expects: what a
web page's invisible characters, a PDF's letter spacing and page numbers, an
editor's tab indent, a database field without line breaks or a portal that
parts units by spaces do to the same text.  Each kind rewrites every corpus
notice's body (the leading `# ` lines stay; the keys hold unchanged) and is
scored as benchmarks/corpus.py scores the corpus.

    python benchmarks/copies.py                # every kind, a table
    python benchmarks/copies.py zwsp letterspace
    python benchmarks/copies.py -v pagenum-bare  # and each file that differs
    python benchmarks/copies.py --sweep dun2space # re-wrapped at 20, 24 … 60 too
    python benchmarks/copies.py lo-html          # the Word form as LibreOffice's HTML (not in "all")
    python benchmarks/copies.py pdf-html         # its PDF as pdftohtml's page (not in "all")

A kind may also change what a key holds (dun2space parts a 、 inside
brackets too, 相关县(市 区)政府, which the key writes with its 、): such
measures count as wrong; the table's last column says how many measures
were wrong with no finding, the figure that matters.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import corpus
from copies_forms import (
    _FORMS,
    LO_HTML,
    PAGES,
    PDF_HTML,
    TABLES,
    _with_tables,
    make_lo_html,
    make_pdf_html,
)
from copies_forms import wrap as _wrap

_HAN = "\u4e00-\u9fff"


def _lines(text: str, each: Callable[[str], str]) -> str:
    return "\n".join(each(line) if line.strip() else line for line in text.split("\n"))


def _every(pattern: str, insert: str, step: int) -> Callable[[str], str]:
    """Insert `insert` at every `step`-th place `pattern` matches (by offset)."""

    def apply(text: str) -> str:
        return re.sub(pattern, lambda m: insert if m.start() % step == 0 else "", text)

    return apply


def _page_numbers(text: str, number: Callable[[int], str], every: int = 30) -> str:
    """A page number on a line of its own after every `every` lines."""
    out: list[str] = []
    for k, line in enumerate(text.split("\n"), start=1):
        out.append(line)
        if k % every == 0:
            out.append(number(k // every + 1))
    return "\n".join(out)


# 、 after an outline numeral at a line's start (一、总体要求): a marker's, not a list's.
_OUTLINE_DUN = re.compile(r"^([ \t\u3000]*[一二三四五六七八九十]{1,3})、", re.MULTILINE)
_MARK = "\ue000"  # a private-use character no notice holds


_BRACKETED = re.compile(r"[（(][^（()）\n]*[）)]")


def _dun2(text: str, sep: str, *, in_brackets: bool = True) -> str:
    """Every 、 between two Chinese characters made `sep`, but an outline
    numeral's 、 (一、总体要求) kept: a portal that parts units by spaces
    numbers its headings as the notice does.  Not `in_brackets`: a 、 inside
    brackets kept too (相关县(市、区)政府 is one unit whatever parts 市 and
    区, and the key writes it with its 、)."""
    text = _OUTLINE_DUN.sub(lambda m: m[1] + _MARK, text)
    if not in_brackets:
        text = _BRACKETED.sub(lambda m: m[0].replace("、", _MARK), text)
    text = re.sub(f"(?<=[{_HAN}])、(?=[{_HAN}])", sep, text)
    return text.replace(_MARK, "、")


_FULL_PAREN = re.compile(r"（([一二三四五六七八九十]{1,3}|\d{1,3})）")


_FOOTER = (
    "\n\n【打印本页】 【关闭窗口】\n分享到：微信 微博\n"
    "主办单位：某某市人民政府办公室  承办单位：某某市大数据中心\n"
    "网站标识码：0000000000  某ICP备00000000号  某公网安备00000000000000号\n"
)
_CLOSING = (
    "\n\n（此件公开发布）\n\n抄送：市委各部门，市人大常委会办公室，市政协办公室，市法院，市检察院。\n"
    "某某市人民政府办公室                    2024年3月1日印发\n"
)


def _gutter(text: str) -> str:
    """Every line, blank ones too, after its number and a space, as a code
    viewer's copy writes them (probe10: read/text/gutter.py)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    width = len(str(len(lines)))
    return "".join(f"{k:>{width}} {ln}\n" for k, ln in enumerate(lines, start=1))


def _markdown(line: str) -> str:
    if re.match(r"^[一二三四五六七八九十]+、", line):
        line = "## " + line
    elif re.match(r"^（[一二三四五六七八九十]+）", line):
        line = "### " + line
    return re.sub(r"(牵头单位|责任单位|配合单位|牵头部门|责任部门)([：:])", r"**\1**\2", line)


def _alternate(text: str) -> str:
    """Every other （一）/（1） made (一)/(1): a copy edited by two hands."""
    count = iter(range(1 << 30))
    return _FULL_PAREN.sub(lambda m: f"({m[1]})" if next(count) % 2 else m[0], text)


# kind → (what it stands for, the body rewritten)
KINDS: dict[str, tuple[str, Callable[[str], str]]] = {
    "zwsp": (
        "a web page's zero-width spaces (&#8203;) between some characters",
        _every(f"(?<=[{_HAN}])(?=[{_HAN}])", "\u200b", 7),
    ),
    "shy": (
        "soft hyphens (&shy;) between some characters",
        _every(f"(?<=[{_HAN}])(?=[{_HAN}])", "\u00ad", 11),
    ),
    "letterspace": (
        "a PDF's letter spacing: a space between every two characters, a typed space made three",
        lambda t: _lines(t, lambda ln: re.sub(r"(?<=\S)(?=\S)", " ", ln.replace(" ", "   "))),
    ),
    "lead-tab": ("a tab before every line", lambda t: _lines(t, lambda ln: "\t" + ln)),
    "tab-wrap38": (
        "a tab before every paragraph, then re-wrapped at 38 (the wrapped lines flush)",
        lambda t: _wrap(_lines(t, lambda ln: "\t" + ln)),
    ),
    "oneline": (
        "the line breaks lost: the body on one line, a space for each break",
        lambda t: " ".join(ln.strip() for ln in t.split("\n") if ln.strip()),
    ),
    "pagenum-dash": (
        "a PDF's page numbers (— 2 —) after every 30 lines, re-wrapped at 38",
        lambda t: _page_numbers(_wrap(t), lambda n: f"— {n} —"),
    ),
    "pagenum-bare": (
        "bare page numbers (2, 3 …) on lines of their own after every 30 lines",
        lambda t: _page_numbers(t, str),
    ),
    "dun2space": (
        "units parted by spaces: every 、 between two Chinese characters a space (not 一、 …)",
        lambda t: _dun2(t, " "),
    ),
    "dun2space-wrap38": (
        "units parted by spaces, then re-wrapped at 38 (a line may open with the space)",
        lambda t: _wrap(_dun2(t, " ")),
    ),
    "heading-space": (
        "an outline numeral's 、 a space (一 总体要求), as some portals print headings",
        lambda t: _OUTLINE_DUN.sub(lambda m: m[1] + " ", t),
    ),
    "trailing-space": (
        "a PDF copy that ends every line in a space",
        lambda t: _lines(t, lambda ln: ln + " "),
    ),
    "wrap38-trailing": (
        "re-wrapped at 38, each line cut ending in a space (Word's keep-lines copy)",
        lambda t: _wrap(t, cut_end=" "),
    ),
    "fw-indent": (
        "two full-width spaces (U+3000) before every line",
        lambda t: _lines(t, lambda ln: "\u3000\u3000" + ln.lstrip()),
    ),
    "fw-dot": (
        "a full-width ．for the dot after a list number (1．推进…)",
        lambda t: re.sub(r"(?m)^([ \t\u3000]*\d{1,3})[.．]", r"\1．", t),
    ),
    "paren-mixed": (
        "every other （一） written with half-width brackets (一)",
        lambda t: _alternate(t),
    ),
    "dun2comma": (
        "units parted by ASCII commas: every 、 between two Chinese characters a , (not in brackets)",
        lambda t: _dun2(t, ",", in_brackets=False),
    ),
    "dun2fwcomma": (
        "units parted by full-width commas: every 、 between two Chinese characters a ， (not in brackets)",
        lambda t: _dun2(t, "，", in_brackets=False),
    ),
    "colon2space": (
        "a label's colon a space (牵头单位 县甲局), as a portal that drops colons prints it",
        lambda t: re.sub(r"(单位|部门|领导|科室)[：:]", r"\1 ", t),
    ),
    "semi2comma": (
        "the ；between two labels of an annotation a ，(牵头单位：甲，配合单位：乙)",
        lambda t: re.sub(r"[；;](?=[^；;。\n]{0,6}(?:单位|部门)[：:])", "，", t),
    ),
    "num-space": (
        "a space for the dot after a list number (1 推进…)",
        lambda t: re.sub(r"(?m)^([ \t\u3000]*\d{1,3})[.．、](?=\D)", r"\1 ", t),
    ),
    "fw-indent-wrap30": (
        "two full-width spaces before every paragraph, then re-wrapped at 30",
        lambda t: _wrap(_lines(t, lambda ln: "\u3000\u3000" + ln.lstrip()), 30),
    ),
    "wrap38-blank": (
        "re-wrapped at 38, a blank line after every line (a double-spaced PDF copy)",
        lambda t: "\n".join(ln + "\n" for ln in _wrap(t).split("\n")),
    ),
    "wrap38-fw-indent": (
        "re-wrapped at 38, then two full-width spaces before every line",
        lambda t: _lines(_wrap(t), lambda ln: "\u3000\u3000" + ln.lstrip()),
    ),
    "fwdigits": (
        "full-width digits",
        lambda t: t.translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    ),
    "nbsp": ("no-break spaces for spaces", lambda t: t.replace(" ", "\u00a0")),
    # The lead's round of 2026-12-07 afternoon (read/lookalikes.py, read/footer.py,
    # read/text/markdown.py, entities.py, markup.py).
    "radicals": (
        "a PDF whose fonts share glyphs with radicals: 人 力 工 民 长 门 黄 as ⼈ ⼒ ⼯ ⺠ ⻓ ⻔ ⻩",
        lambda t: t.translate(
            str.maketrans("人力工民长门黄", "\u2f08\u2f12\u2f2f\u2ea0\u2ed3\u2ed4\u2ee9")
        ),
    ),
    "web-footer": (
        "the whole page copied: the page's tools and the site's footer after the notice",
        lambda t: t.rstrip("\n") + _FOOTER,
    ),
    "closing-block": (
        "a 公文 copied whole: its closing block (此件公开发布, 抄送, 印发) after the notice",
        lambda t: t.rstrip("\n") + _CLOSING,
    ),
    "markdown": (
        "converted to Markdown: headings hashed (## 一、, ### （一）), labels bold (**牵头单位**：)",
        lambda t: _lines(t, _markdown),
    ),
    "entities": (
        "a database field's text: &nbsp; before every line, quotes as &ldquo; &rdquo;",
        lambda t: _lines(
            t,
            lambda ln: "&nbsp;" * 4 + ln.replace("“", "&ldquo;").replace("”", "&rdquo;"),
        ),
    ),
    "br-tags": (
        "a database field's text: <br> after every line",
        lambda t: _lines(t, lambda ln: ln + "<br>"),
    ),
    "gutter": (
        "copied from a viewer that numbers its lines: 1 , 2 , 3 … before every line",
        lambda t: _gutter(t),
    ),
    "gutter-wrap38": (
        "the same, then re-wrapped at 38 (the wrapped lines carry no number)",
        lambda t: _wrap(_gutter(t), 38),
    ),
}


# --sweep: the widths each text kind is re-wrapped at, as perturbed.py --wrap-sweep does.
SWEEP = tuple(range(20, 62, 4))


def _swept(kind: str) -> list[str]:
    """`kind` re-wrapped at each SWEEP width, as kinds of their own (KIND@N)."""
    rewrite = KINDS[kind][1]
    out = []
    for width in SWEEP:
        name = f"{kind}@{width}"
        KINDS[name] = (
            f"{kind}, re-wrapped at {width}",
            lambda t, f=rewrite, w=width: _wrap(f(t), w),
        )
        out.append(name)
    return out


def make(kind: str, src: Path, dst: Path) -> None:
    """Write the `kind` copy of the corpus folder `src` into `dst` (a web
    page kind as NN_name.html beside the key)."""
    if kind == LO_HTML:
        make_lo_html(src, dst)
        return
    if kind == PDF_HTML:
        make_pdf_html(src, dst)
        return
    if kind in TABLES:
        dst.mkdir(parents=True, exist_ok=True)
        for path in sorted(src.iterdir()):
            if path.suffix != ".txt":
                shutil.copy(path, dst / path.name)
                continue
            lines = path.read_text(encoding="utf-8").split("\n")
            (dst / path.name).write_text(_with_tables(path, lines, TABLES[kind][1]), "utf-8")
        return
    rewrite = KINDS[kind][1] if kind in KINDS else PAGES[kind][1]
    dst.mkdir(parents=True, exist_ok=True)
    for path in sorted(src.iterdir()):
        if path.suffix != ".txt":
            shutil.copy(path, dst / path.name)
            continue
        lines = path.read_text(encoding="utf-8").split("\n")
        head = [ln for ln in lines if ln.startswith("# ")]
        body = "\n".join(ln for ln in lines if not ln.startswith("# "))
        if kind in PAGES:
            (dst / path.name).write_text("\n".join(head), encoding="utf-8")
            (dst / f"{path.stem}.html").write_text(rewrite(body), encoding="utf-8")
            continue
        (dst / path.name).write_text("\n".join([*head, rewrite(body)]), encoding="utf-8")


def score(kind: str, dst: Path) -> list[corpus.FileScore]:
    """The `kind` copy in `dst` scored against the keys, as corpus.py does."""
    if kind not in PAGES and kind not in (LO_HTML, PDF_HTML):
        return corpus.score_corpus(dst)
    import policy_parse

    out: list[corpus.FileScore] = []
    for txt in sorted(dst.glob("*.txt")):
        key = corpus.key_of(txt)
        try:
            notice = policy_parse.parse(txt.with_suffix(".html"))
        except policy_parse.PolicyParseError as exc:
            out.append(
                corpus.FileScore(
                    name=txt.stem,
                    exact=0,
                    total=len(key),
                    structure=0,
                    misses=(),
                    error=f"{type(exc).__name__}: {exc}",
                )
            )
            continue
        out.append(corpus.score_notice(txt.stem, key, notice))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "kinds", nargs="*", help=f"kinds to score (default: all of {', '.join([*KINDS, *PAGES])})"
    )
    ap.add_argument("--corpus", type=Path, default=corpus.DEFAULT_CORPUS)
    ap.add_argument("-v", "--verbose", action="store_true", help="list files that differ")
    ap.add_argument(
        "--sweep",
        action="store_true",
        help=f"each text kind also re-wrapped at {SWEEP[0]}, {SWEEP[1]} … {SWEEP[-1]} (a row per width)",
    )
    args = ap.parse_args(argv)
    known = {*KINDS, *PAGES, *TABLES, *_FORMS}
    unknown = [k for k in args.kinds if k not in known]
    if unknown:
        ap.error(f"unknown kind {', '.join(unknown)}; kinds: {', '.join([*KINDS, *PAGES])}")
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    print("| kind | what | exact | wrong, no finding | structure findings |")
    print("| --- | --- | --- | --- | --- |")
    details: list[str] = []
    with tempfile.TemporaryDirectory(prefix="copies-") as tmp:
        chosen = args.kinds or [*KINDS, *PAGES, *TABLES]
        if args.sweep:
            chosen = [w for k in chosen if k in KINDS for w in _swept(k)]
        for kind in chosen:
            dst = Path(tmp) / kind
            make(kind, args.corpus, dst)
            scores = score(kind, dst)
            exact = sum(s.exact for s in scores)
            total = sum(s.total for s in scores)
            silent = sum(len(s.silent) for s in scores)
            structure = sum(s.structure for s in scores)
            what = (KINDS.get(kind) or PAGES.get(kind) or TABLES.get(kind) or (_FORMS[kind], 0))[0]
            print(f"| {kind} | {what} | {exact}/{total} | {silent} | {structure} |")
            details += [
                f"{kind:13} {s.name:40} {s.exact}/{s.total}"
                + (f" silent: {', '.join(s.silent)}" if s.silent else "")
                + (f" {s.error}" if s.error else "")
                for s in scores
                if s.exact != s.total
            ]
    if args.verbose and details:
        print()
        print("\n".join(details))
    return 0


if __name__ == "__main__":
    sys.exit(main())

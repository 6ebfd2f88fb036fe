"""A web page's footer at the end of a copy of its text, set aside.

A notice copied from a portal with all the page's text (Ctrl+A), or printed
to PDF from the browser, ends with the site's footer: 主办单位：某某市人民政府
办公室 承办单位：某某市大数据中心 网站标识码… 京ICP备… 公网安备….  The HTML
reader knows the footer by its element (data/html.toml `furniture_*`); a
copy has only its words.  Left in, 主办单位 — also a label for a measure's
lead — gave the last measure the site's owner as its lead, with no finding.

So the last paragraphs of a document, from the last one that holds a mark no
notice writes (网站标识码, ICP备, 版权所有 … data/html.toml `footer_marks`)
back over the paragraphs before it that hold a footer's words (主办单位,
承办单位, 技术支持, 地址：, 电话： … `footer_words`), are set aside as residue
"web page footer", when every one of them is short and ends no sentence (a
measure's line never is a footer's) and nothing but such paragraphs follows
the mark.  A footer of 主办单位 alone marks nothing (it
may be a label line) and stays.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .. import data
from ..models import Document, Paragraph, Residue

__all__ = ["REASON", "footer_start", "set_footer_aside"]

REASON = "web page footer"


def footer_start(texts: Sequence[str]) -> int | None:
    """Where a trailing web-page footer starts in `texts` (paragraphs, or a
    text's lines: blank ones are passed over), or None."""
    words = data.load("html")
    marks: list[str] = words["footer_marks"]
    kin: list[str] = words["footer_words"] + marks
    longest: int = words["footer_max_chars"]
    room: int = words["footer_max_paragraphs"]
    filled = [k for k, text in enumerate(texts) if text.strip()][-room:]
    mark = None

    def footer_like(text: str) -> bool:
        return len(text.strip()) <= longest and "。" not in text

    for k in reversed(filled):
        text = texts[k]
        if not footer_like(text):
            return None
        if any(m in text for m in marks):
            mark = k
            break
        if not any(w in text for w in kin):
            return None
    if mark is None:
        return None
    start = mark
    for k in reversed(filled[: filled.index(mark)]):
        text = texts[k]
        if not footer_like(text) or not any(w in text for w in kin):
            break
        start = k
    return start


def set_footer_aside(document: Document) -> Document:
    """`document` with a trailing web-page footer (its last paragraphs)
    moved to its residue (the same document when it has none).  The text
    reader sets a copy's footer lines aside itself, as page furniture
    (read/text/furniture.py)."""
    blocks = document.blocks
    tail = 0
    while tail < len(blocks) and isinstance(blocks[len(blocks) - 1 - tail], Paragraph):
        tail += 1
    paragraphs = [b for b in blocks[len(blocks) - tail :] if isinstance(b, Paragraph)]
    start = footer_start([p.text for p in paragraphs])
    if start is None:
        return document
    footer = paragraphs[start:]
    residue = tuple(Residue(text=p.text, reason=REASON, span=p.span) for p in footer)
    return attrs.evolve(
        document,
        blocks=blocks[: len(blocks) - len(footer)],
        residue=(*document.residue, *residue),
    )

"""What ends a copied or printed notice but is no part of it, set aside.

A notice copied from a portal with all the page's text (Ctrl+A), or printed
to PDF from the browser, ends with the site's footer: 主办单位：某某市人民政府
办公室 承办单位：某某市大数据中心 网站标识码… 京ICP备… 公网安备….  The HTML
reader knows the footer by its element (data/html.toml `furniture_*`); a
copy has only its words.  Left in, 主办单位 — also a label for a measure's
lead — gave the last measure the site's owner as its lead, with no finding.
Before it, a 公文 copied whole ends with its closing block (版记, GB/T 9704:
（此件公开发布）, 抄送：…, …印发), which a 分工表 copied as text took in as
its last row.

So the last paragraphs of a document (a text's last lines), from the last
one that holds a mark (网站标识码, ICP备, 版权所有 …; 抄送：, 印发, 此件公开发布
… data/furniture.toml) back over the paragraphs before it that hold a mark
or one of the block's words (主办单位, 承办单位, 技术支持, 地址：…; 联系人),
are set aside as residue — the web footer first, then the closing block above
it — when every one of them is short and ends no sentence (a measure's line
never is a footer's) and nothing but such paragraphs follows the mark.  A
footer of 主办单位 alone marks nothing (it may be a label line) and stays,
unless it is the last line (maybe with the footer's other unmarked lines)
and either stands right under a supporting units' label line, or names a
government or its office (a site's owner) where the notice labels its units
with other words and never with 主办 (`_lone_sponsor`): then it gave the
last measure the site's owner as a lead it does not have.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .. import data
from ..models import Document, Paragraph, Residue

__all__ = ["KINDS", "set_footer_aside", "trailing_furniture"]

KINDS = ("web_footer", "closing")  # from the end: a web page's footer, then the 版记 above it


def _start(texts: Sequence[str], end: int, kind: str) -> int | None:
    """Where a trailing block of `kind` ending at `end` starts in `texts`
    (blank ones passed over), or None."""
    words = data.load("furniture")[kind]
    marks: list[str] = words["marks"]
    end_marks = tuple(words["end_marks"])
    kin: list[str] = words["words"] + marks
    longest: int = words["max_chars"]
    filled: list[int] = []  # the last non-blank texts before `end`, in order
    k = end - 1
    while k >= 0 and len(filled) < words["max_paragraphs"]:
        if texts[k].strip():
            filled.append(k)
        k -= 1
    filled.reverse()

    ends_ok: bool = words["sentence_end"]

    def like(text: str) -> bool:
        # A sentence inside marks a measure's line; a 抄送 list ends with one.
        body = text.strip().removesuffix("。") if ends_ok else text
        return len(text.strip()) <= longest and "。" not in body

    mark = None
    for k in reversed(filled):
        text = texts[k]
        if not like(text):
            return None
        if any(m in text for m in marks) or text.rstrip().endswith(end_marks):
            mark = k
            break
        if not any(w in text for w in kin):
            return None
    if mark is None:
        return None
    start = mark
    for k in reversed(filled[: filled.index(mark)]):
        text = texts[k]
        if not like(text) or not (any(w in text for w in kin) or text.rstrip().endswith(end_marks)):
            break
        start = k
    return start


def _lone_sponsor(texts: Sequence[str], end: int) -> int | None:
    """Where a footer with no mark ends the texts before `end`: a short
    `主办单位：…` (or `…主办`) line, maybe among lines of the footer's other
    words (地址：, 电话：, 承办单位), right under a supporting units' label
    line, or naming a site's owner (某县人民政府办公室) after texts that label
    units with other words (牵头单位, 配合单位 …) and never with a 主办 one;
    or None."""
    from .text.tables import _simplified  # OpenCC, for a Traditional copy's footer

    words = data.load("furniture")["lone_sponsor"]
    kin: list[str] = data.load("furniture")["web_footer"]["words"]
    labels = (*words["support_labels"], *words["other_labels"])
    block: list[int] = []  # the footer's lines, from the last
    sponsor_at: int | None = None
    owned = False  # the 主办单位 line names a government or its office
    k = end - 1
    while k >= 0 and len(block) < words["max_lines"]:
        # 聯繫電話:… is 联系电话：…: the footer's words are Simplified, full width.
        text = _simplified(texts[k].strip()).replace(":", "：")
        if text:
            if len(text) > words["max_chars"] or "。" in text or text.startswith(labels):
                break  # a sentence, or a measure's label line (协办单位：县甲局)
            if (owner := _sponsors(text, words)) is not None:
                sponsor_at, owned = k, owner
            elif not any(w in text for w in kin):
                break
            block.append(k)
        k -= 1
    if sponsor_at is None:
        return None
    start = block[-1]
    before = [t for t in texts[:start] if t.strip()]
    supports: list[str] = words["support_labels"]
    if before and before[-1].strip().startswith(tuple(supports)):
        return start  # under a supporting units' label: never a lead's place
    if not owned:
        return None  # 主办单位：县民政局 (a bureau) may be a lead's label
    sponsor: list[str] = words["sponsor"]
    if any(w in t for t in before for w in sponsor):
        return None  # the notice's own label word
    others: list[str] = words["other_labels"]
    if not any(w in t for t in before for w in others):
        return None
    return start


def _sponsors(text: str, words: dict[str, list[str]]) -> bool | None:
    """主办单位：…, …主办: whether it names a site's owner (某县人民政府办公室);
    None when `text` is no such line."""
    head = next((w for w in words["sponsor"] if text.startswith(w)), None)
    if head is not None:
        name = text[len(head) :]
    elif text.endswith(tuple(words["sponsor_ends"])):
        name = text
    else:
        return None
    return any(w in name for w in words["owners"])


def trailing_furniture(texts: Sequence[str]) -> list[tuple[int, str]]:
    """The (index, reason) of every text of `texts` (paragraphs, or a
    text's lines) that ends it as a web page's footer or a closing block."""
    found: list[tuple[int, str]] = []
    end = len(texts)
    for kind in KINDS:
        start = _start(texts, end, kind)
        if start is None and kind == "web_footer":
            start = _lone_sponsor(texts, end)
            kind = "lone_sponsor" if start is not None else kind
        if start is None:
            continue
        reason: str = data.load("furniture")[kind]["reason"]
        found[:0] = [(k, reason) for k in range(start, end) if texts[k].strip()]
        end = start
    return found


def set_footer_aside(document: Document) -> Document:
    """`document` with its trailing footer and closing block (its last
    paragraphs) moved to its residue (the same document when it has none).
    The text reader sets a copy's lines aside itself, as page furniture
    (read/text/furniture.py)."""
    blocks = document.blocks
    tail = 0
    while tail < len(blocks) and isinstance(blocks[len(blocks) - 1 - tail], Paragraph):
        tail += 1
    paragraphs = [b for b in blocks[len(blocks) - tail :] if isinstance(b, Paragraph)]
    found = trailing_furniture([p.text for p in paragraphs])
    if not found:
        return document
    start = found[0][0]
    residue = tuple(
        Residue(text=paragraphs[k].text, reason=reason, span=paragraphs[k].span)
        for k, reason in found
    )
    return attrs.evolve(
        document,
        blocks=blocks[: len(blocks) - (len(paragraphs) - start)],
        residue=(*document.residue, *residue),
    )

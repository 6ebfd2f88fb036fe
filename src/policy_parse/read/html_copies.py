"""What converters and portals do to a web page of a notice, undone.

A PDF converted to a page (pdftohtml -s, pdf2htmlEX) places every line as
an absolutely positioned element, its page numbers in pieces between the
pages' lines; a converter writes a cut inside a cell as ``<br>``; a page
whose ``<p>``s were lost runs its paragraphs into one.  read/html.py reads
the page as a browser shows it, then asks these for what the copy did:
each is a shape of the copy, said or kept as residue, never a guess made
silently (docs/formats.md, "html").
"""

from __future__ import annotations

from lxml import etree

from ..models import Paragraph, Table
from .html_css import declarations
from .text.furniture import find_furniture
from .text.names import name_cut_before_organ
from .text.relines import relined

__all__ = [
    "join_positioned_lines",
    "names_rejoined",
    "relined_paragraphs",
]


def _top(el: etree._Element) -> str | None:
    """The `top` of an absolutely positioned element (a PDF converter's
    line: pdftohtml, pdf2htmlEX), or None."""
    style = el.get("style")
    if not style or "absolute" not in style:
        return None
    d = declarations(style)
    return d.get("top") if d.get("position") == "absolute" else None


def join_positioned_lines(root: etree._Element) -> None:
    """A page number a PDF converter placed at one `top` in pieces, cut where
    the font changed (`<p style="top:1138px">— </p>` `<p style="top:1135px">3
    —</p>`, within a few pixels), joined into its first piece (the others'
    text after a space), so that it reads as the page number — 3 — it is and
    goes to residue as furniture.  Other pieces of one line stay apart: they
    may be a table's cells."""
    for parent in root.iter():
        tops = [(child, _px(_top(child))) for child in parent if isinstance(child.tag, str)]
        if sum(y is not None for _, y in tops) < 2:
            continue
        runs: list[list[etree._Element]] = []
        run_top: float | None = None
        for child, y in tops:
            if y is None:
                run_top = None
                continue
            if run_top is not None and abs(y - run_top) <= _SAME_LINE_PX:
                runs[-1].append(child)
            else:
                runs.append([child])
                run_top = y
        for run in runs:
            if len(run) < 2:
                continue
            text = " ".join(etree.tostring(el, method="text", encoding="unicode") for el in run)
            if find_furniture([text.strip()]):
                for el in run[1:]:
                    _append_text(run[0], el)


_SAME_LINE_PX = 4  # a smaller font on one line sits a few pixels lower


def _px(value: str | None) -> float | None:
    if value is None or not value.strip().endswith("px"):
        return None
    try:
        return float(value.strip()[:-2])
    except ValueError:
        return None


def _append_text(into: etree._Element, el: etree._Element) -> None:
    """`el`'s text and children moved to the end of `into`, after a space;
    `el` removed (its tail kept)."""
    last = into[-1] if len(into) else None
    head = " " + (el.text or "")
    if last is not None:
        last.tail = (last.tail or "") + head
    else:
        into.text = (into.text or "") + head
    for child in list(el):
        into.append(child)
    parent = el.getparent()
    if parent is not None:
        prev = el.getprevious()
        if el.tail and prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        parent.remove(el)


def names_rejoined(text: str) -> str:
    """A cell's lines, a break that cut a name before its organ word
    (`…甲经开区<br>管委会`: a converter's break at a width) taken out
    (read/text/grid.py: name_cut_before_organ); other breaks part units."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        if name_cut_before_organ(out[-1], line):
            out[-1] += line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def relined_paragraphs(
    blocks: list[Paragraph | Table],
) -> tuple[list[Paragraph | Table], int] | None:
    """A page of no table whose text ran into one paragraph or a few (its
    `<p>`s lost, or `<span>`s for paragraphs): each such paragraph broken
    before its outline markers as a text file's line would be
    (read/text/relines.py), the pieces keeping its span; None otherwise."""
    if any(isinstance(b, Table) for b in blocks):
        return None
    if relined([b.text for b in blocks if isinstance(b, Paragraph)]) is None:
        return None
    out: list[Paragraph | Table] = []
    made = 0
    for b in blocks:
        pieces = relined([b.text]) if isinstance(b, Paragraph) else None
        if pieces is None:
            out.append(b)
            continue
        texts, count = pieces
        out.extend(Paragraph(text=t.strip(), span=b.span) for t in texts if t.strip())
        made += count
    return out, made

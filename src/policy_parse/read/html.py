"""Web-page reader: a notice saved from a government portal.

What becomes what (docs/formats.md, "html", has specimens):

* A page saved as one MIME file (MHTML: .mht, Word's "single file web
  page") is read through its text/html part.
* The charset is the BOM's, else the ``<meta charset>`` /
  ``<meta http-equiv="Content-Type" content="...; charset=...">`` one, else
  the text cascade (UTF-8, then GB18030).  GB2312 and GBK are read as
  GB18030, their superset: pages labelled gb2312 routinely hold GBK-only
  characters.  A page that is not valid in its declared charset falls back
  to the cascade rather than losing characters.
* ``<br>`` and the edges of block elements (p, div, li, h1-h6, ...) end a
  line; each non-blank line of the body is a `Paragraph` with
  ``Span(paragraph=i)``.  An ``<ol>``'s items start with the number a
  browser draws for them ("3. ", "三、": read/html_lists.py).  Runs of HTML
  whitespace collapse to one space, as a browser shows them, but for a
  line the source writes as a row of cells (tabs or runs of spaces between
  them: a space-aligned table pasted a row a ``<p>``), which keeps them as
  its .txt copy has them (read/html_lines.py).
* A ``<table>`` becomes a `Table`, one `Cell` per grid column: a cell's
  colspan=n gives it and n-1 ``merged_left`` cells, its rowspan=n the n-1
  cells below ``merged_up`` (as the Word reader reads w:gridSpan and
  w:vMerge).  A table in a cell becomes residue, as in Word.
* A 分工表 pasted as paragraphs (a ``<p>`` per cell, or a row per line with
  tabs or ``|``) becomes a `Table` rebuilt by the text aligner, as its .txt
  copy would be (`read/text/paragraphs.py`).
* Scripts, styles and other code are dropped.  Page furniture (nav, footer,
  breadcrumbs, share bars: ``data/html.toml``), hidden elements (an inline
  style or a ``<style>`` rule that hides them: read/html_css.py; but main
  content hidden only until a script shows it is read, and a note says so) and the
  ``<title>`` become residue with a reason; the portal's 来源/发布日期 line
  is body text, and the header stage sets it aside as portal furniture.
* libxml2 stops parsing at 256 nested elements, and at a text run (or a
  name or attribute) of 10 000 000 bytes: such a page is refused
  (`InputTooLargeError`, saying which) rather than read in part.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs
import regex
from lxml import etree

from .. import data
from ..errors import CorruptFileError, EmptyDocumentError, InputTooLargeError
from ..models import Cell, Document, Paragraph, ReadNote, Residue, Row, Source, Span, Table
from .block_furniture import without_page_furniture
from .html_copies import (
    join_positioned_lines,
    names_rejoined,
    relined_paragraphs,
)
from .html_css import HiddenRules, shown_by_script
from .html_decode import decode_html
from .html_lines import Lines, keeps_lines
from .html_lists import Drawn, list_markers, plan_lists
from .limits import Limits
from .text.paragraphs import tables_in_paragraphs
from .text.reader import read_text

# decode_html is read.html_decode's, named here too, where it always was.
__all__ = ["decode_html", "read_html"]

_CONFIG = data.load("html")
_CODE_TAGS = frozenset(_CONFIG["code_tags"])
_FURNITURE_TAGS = frozenset(_CONFIG["furniture_tags"])
_FURNITURE_WORDS = frozenset(_CONFIG["furniture_words"])

# Elements whose edges break a line (HTML's block-level and table elements).
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "blockquote",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "ul",
        "table",
        "caption",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "body",
        "html",
    ]
)
_CLASS_SPLIT = regex.compile(r"[\s_-]+")
_MAX_SPAN = 1000  # the HTML spec's ceiling on colspan; rowspan is cut at the table's end
_MAX_CELLS = 1_000_000  # grid positions per table


def read_html(raw: bytes, source: Source, limits: Limits) -> Document:
    """Read a web page into a `Document` (module docstring: what becomes what)."""
    text = decode_html(raw)
    parser = etree.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, huge_tree=False
    )
    try:
        root = etree.fromstring(text, parser)
    except (etree.LxmlError, ValueError) as exc:
        raise CorruptFileError(f"not a readable web page ({exc})") from exc
    for error in parser.error_log:
        if error.level_name == "FATAL":
            if "depth" in error.message.lower():
                raise InputTooLargeError(
                    "web page nests elements deeper than libxml2's limit of 256 levels; "
                    "the rest of the page would be lost, so it is refused (a hostile page?)"
                )
            if error.type_name == "ERR_RESOURCE_LIMIT":
                # Not depth: one text run (or name, or attribute) over libxml2's
                # 10 000 000-byte limit, "Buffer size limit exceeded".
                raise InputTooLargeError(
                    "web page holds one run of text (or one name or attribute) over "
                    "libxml2's limit of 10 000 000 bytes without a tag; the rest of the page "
                    f"would be lost, so it is refused (libxml2: {error.message.strip()})"
                )
            raise CorruptFileError(f"not a readable web page (line {error.line}: {error.message})")
    if root is None:
        raise EmptyDocumentError("the web page holds no text")
    rules = HiddenRules.from_page(root)
    walker = _Walker(rules, limits, source, shown_by_script(root, rules, _CODE_TAGS))
    join_positioned_lines(root)
    walker.plan_lists(root)
    walker.page_to_blocks(root)
    if not walker.blocks:
        raise EmptyDocumentError("the web page holds no notice text")
    blocks_read, furniture = without_page_furniture(walker.blocks)
    walker.residue.extend(furniture)
    if (relined_blocks := relined_paragraphs(blocks_read)) is not None:
        # A page whose paragraphs ran into one <p> (read/text/relines.py).
        blocks_read, breaks = relined_blocks
        walker.notes.append(ReadNote(note="relined", fields=(("breaks", str(breaks)),)))
    # A 分工表 pasted as paragraphs (<p> per cell) reads as its .txt copy does.
    blocks, left = tables_in_paragraphs(blocks_read)
    return Document(
        source=source,
        blocks=tuple(blocks),
        residue=(*walker.residue, *left),
        notes=tuple(walker.notes),
    )


# ---------------------------------------------------------------------------
# The walk


def _tag(el: etree._Element) -> str | None:
    return el.tag.lower() if isinstance(el.tag, str) else None


def _is_furniture(el: etree._Element, tag: str) -> bool:
    if tag in _FURNITURE_TAGS:
        return True
    words: set[str] = set()
    for attr in ("class", "id", "role"):
        value = el.get(attr)
        if value:
            words.update(w.lower() for w in _CLASS_SPLIT.split(value) if w)
    return not words.isdisjoint(_FURNITURE_WORDS)


def _describe(el: etree._Element, tag: str) -> str:
    attrs = " ".join(f'{a}="{el.get(a)}"' for a in ("id", "class") if el.get(a))
    return f"<{tag} {attrs}>" if attrs else f"<{tag}>"


class _Walker:
    """One pass over the page, iterative so that depth costs no stack."""

    def __init__(
        self, hidden: HiddenRules, limits: Limits, source: Source, shown: etree._Element | None
    ) -> None:
        self.hidden = hidden
        self.shown = shown  # the content a script would show: read, and said in `notes`
        self.notes: list[ReadNote] = []
        self.limits = limits
        self.source = source
        self.markers: dict[etree._Element, str] = {}  # <li> → the number a browser draws
        self.drawn: dict[etree._Element, Drawn] = {}  # <ol> → read as an exporter's level
        self.blocks: list[Paragraph | Table] = []
        self.residue: list[Residue] = []
        self.n_paragraphs = 0
        self.n_tables = 0

    def plan_lists(self, root: etree._Element) -> None:
        """Read the page's unstyled ``<ol>`` runs as an exporter's levels
        (read/html_lists.py: plan_lists), and say so where that differs
        from what a browser draws."""
        ols = [
            ol for ol in root.iter("ol") if not any(_tag(up) == "ol" for up in ol.iterancestors())
        ]
        if len(ols) < 2:
            return
        plan = plan_lists(ols, lambda li: self.hidden.hides(li, "li"))
        self.drawn = plan.drawn
        if plan.leveled:
            fields = (("runs", str(plan.leveled)), ("levels", str(plan.levels)))
            self.notes.append(ReadNote(note="list_levels", fields=fields))
        if plan.continued:
            self.notes.append(
                ReadNote(note="list_continued", fields=(("runs", str(plan.continued)),))
            )

    def page_to_blocks(self, root: etree._Element) -> None:
        title = root.find("head/title")
        if title is not None:
            self.set_aside(self.plain_text(title), "web page title (<title>)", Span())
        body = root.find("body")
        lines = Lines(self.add_paragraph, self.add_text_run, gaps=True)
        self.walk(body if body is not None else root, lines, self.add_table)
        lines.brk()

    def add_paragraph(self, line: str) -> None:
        self.blocks.append(Paragraph(text=line, span=Span(paragraph=self.n_paragraphs)))
        self.n_paragraphs += 1

    def add_text_run(self, text: str) -> None:
        """Text whose line breaks the page keeps (``<pre>``), read as the
        .txt file it is: its paragraphs numbered on with the page's, its
        tables counted with the page's, its rows and residue spanned by
        line within that text."""
        found = read_text(text, self.source)
        for block in found.blocks:
            if isinstance(block, Paragraph):
                span = attrs.evolve(block.span, paragraph=self.n_paragraphs)
                self.blocks.append(attrs.evolve(block, span=span))
                self.n_paragraphs += 1
            else:
                span = attrs.evolve(block.span, table=self.n_tables)
                self.blocks.append(attrs.evolve(block, span=span))
                self.n_tables += 1
        self.residue.extend(found.residue)

    def set_aside(self, text: str, reason: str, span: Span) -> None:
        if text.strip():
            self.residue.append(Residue(text=text, reason=reason, span=span))

    def walk(
        self,
        top: etree._Element,
        lines: Lines,
        on_table: Callable[[etree._Element], None],
        *,
        set_furniture_aside: bool = True,
    ) -> None:
        """Feed `top`'s text into `lines`, tables to `on_table`, furniture to
        residue (unless already inside furniture: then it is all one text)."""
        stack: list[tuple[etree._Element, bool]] = [(top, False)]
        while stack:
            el, leaving = stack.pop()
            tag = _tag(el)
            if leaving:
                if tag == "li":
                    lines.end_item()
                if tag is not None and keeps_lines(el, tag):
                    lines.leave_kept()
                elif tag in _BLOCK_TAGS:
                    lines.brk()
                if el is not top:
                    lines.text(el.tail)
                continue
            if tag is None or tag in _CODE_TAGS:
                pass  # a comment, or code: no text
            elif (
                set_furniture_aside
                and el is not top
                and (
                    (hidden := self.hidden.hides(el, tag) and not self._reveal(el, tag))
                    or _is_furniture(el, tag)
                )
            ):
                if tag in _BLOCK_TAGS:  # a hidden <span> mid-sentence splits no line
                    lines.brk()
                reason = "hidden in the page" if hidden else "web page furniture"
                self.set_aside(
                    self.plain_text(el),
                    f"{reason} ({_describe(el, tag)})",
                    Span(paragraph=self.n_paragraphs),
                )
            elif tag == "br":
                lines.brk()
            elif tag == "table" and el is not top and not _lays_out(el):
                lines.brk()
                on_table(el)
            else:
                if tag in _BLOCK_TAGS:
                    lines.brk()
                if tag == "ol":
                    self.markers.update(
                        list_markers(
                            el,
                            lambda li: self.hidden.hides(li, "li"),
                            self.limits,
                            self.drawn.get(el),
                        )
                    )
                elif tag == "li":
                    lines.marker(self.markers.get(el))
                if mode := keeps_lines(el, tag):
                    lines.enter_kept(mode)
                lines.text(el.text)
                stack.append((el, True))
                stack.extend((child, False) for child in reversed(el))
                continue
            if el is not top:
                lines.text(el.tail)

    def _reveal(self, el: etree._Element, tag: str) -> bool:
        """`el` is the content a script would show: read it, and say so."""
        if el is not self.shown:
            return False
        if self.notes:
            return True  # walked again (a cell's text): said once
        fields = (("element", _describe(el, tag)), ("paragraph", str(self.n_paragraphs + 1)))
        self.notes.append(ReadNote(note="shown_by_script", fields=fields))
        return True

    def plain_text(self, el: etree._Element) -> str:
        """All text under `el` (furniture included: it is set aside whole),
        one line per line break, tables row by row."""
        out: list[str] = []
        lines = Lines(out.append, lambda text: out.extend(text.splitlines()))

        def table_lines(tbl: etree._Element) -> None:
            for tr in _table_rows(tbl):
                out.append("\t".join(self.cell_lines(td, None, " ") for td in _row_cells(tr)))

        self.walk(el, lines, table_lines, set_furniture_aside=False)
        lines.brk()
        return "\n".join(out)

    def cell_lines(self, td: etree._Element, where: tuple[int, int, int] | None, sep: str) -> str:
        """A cell's non-blank lines joined with `sep`; a table inside it goes
        to residue (when `where` says which cell it is in)."""
        out: list[str] = []
        lines = Lines(out.append, lambda text: out.extend(text.splitlines()))

        def nested(tbl: etree._Element) -> None:
            if where is None:
                out.append(self.plain_text(tbl).replace("\n", " "))
                return
            t, r, c = where
            self.set_aside(
                self.plain_text(tbl),
                f"nested table in table {t}, row {r}, cell {c}",
                Span(table=t, row=r, cell=c),
            )

        self.walk(td, lines, nested)
        lines.brk()
        return sep.join(out)

    def add_table(self, tbl: etree._Element) -> None:
        t = self.n_tables
        self.n_tables += 1
        caption = tbl.find("caption")
        if caption is not None:
            text = self.plain_text(caption)
            for line in text.splitlines():
                self.add_paragraph(line)
        trs = _table_rows(tbl)
        grid: dict[tuple[int, int], Cell] = {}
        repeat: set[int] = set()
        width = 0
        for r, tr in enumerate(trs):
            if tr.getparent() is not None and _tag(tr.getparent()) == "thead":  # type: ignore[arg-type]
                repeat.add(r)
            c = 0
            for td in _row_cells(tr):
                while (r, c) in grid:
                    c += 1
                colspan = min(_span_attr(td, "colspan"), _MAX_SPAN)
                rowspan = min(_span_attr(td, "rowspan", zero_means=len(trs) - r), len(trs) - r)
                if (c + colspan) * len(trs) > _MAX_CELLS:
                    raise InputTooLargeError(
                        f"web page table {t} spans over {_MAX_CELLS} grid cells (a hostile page?)"
                    )
                text = names_rejoined(self.cell_lines(td, (t, r, c), "\n"))
                grid[(r, c)] = Cell(text=text, span=Span(table=t, row=r, cell=c))
                for dc in range(1, colspan):
                    grid[(r, c + dc)] = Cell(
                        text="", span=Span(table=t, row=r, cell=c + dc), merged_left=True
                    )
                for dr in range(1, rowspan):
                    grid[(r + dr, c)] = Cell(
                        text="", span=Span(table=t, row=r + dr, cell=c), merged_up=True
                    )
                    for dc in range(1, colspan):
                        grid[(r + dr, c + dc)] = Cell(
                            text="",
                            span=Span(table=t, row=r + dr, cell=c + dc),
                            merged_left=True,
                        )
                c += colspan
                width = max(width, c)
        rows = []
        for r in range(len(trs)):
            cells = tuple(
                grid.get((r, c), Cell(text="", span=Span(table=t, row=r, cell=c)))
                for c in range(width)
            )
            rows.append(Row(cells=cells, span=Span(table=t, row=r), repeat_header=r in repeat))
        if rows:
            self.blocks.append(Table(rows=tuple(rows), span=Span(table=t)))


# Elements that each start a line of their own inside a cell.
_LINE_TAGS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br")
_LAYOUT_ROWS = 3  # a page frame: banner, body, footer
_LAYOUT_LINES = 5


def _lays_out(tbl: etree._Element) -> bool:
    """Whether `tbl` frames the page rather than holding data.

    Older portals put the whole article in a cell of a layout table (a side
    bar in one cell, the notice, its 分工表 nested, in the next).  Read as a
    table, the notice would be one cell and its 分工表 a nested table set
    aside.  A frame is walked as ordinary flow, cell after cell.  A table
    frames the page when it says so (``role="presentation"``), when it has
    one column (a 分工表 has at least a task and a unit), or when it has at
    most three rows and a cell holds a table or five lines of its own."""
    if (tbl.get("role") or "").strip().lower() in ("presentation", "none"):
        return True
    rows = _table_rows(tbl)
    cells = [_row_cells(tr) for tr in rows]
    if not any(cells):
        return False
    if max(len(row) for row in cells) <= 1:
        return True
    if len(rows) > _LAYOUT_ROWS:
        return False
    for row in cells:
        for td in row:
            if td.find(".//table") is not None:
                return True
            if sum(1 for _ in td.iter(*_LINE_TAGS)) >= _LAYOUT_LINES:
                return True
    return False


def _table_rows(tbl: etree._Element) -> list[etree._Element]:
    """The table's own rows (directly or in thead/tbody/tfoot), not a nested table's."""
    out: list[etree._Element] = []
    for child in tbl:
        tag = _tag(child)
        if tag == "tr":
            out.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            out.extend(tr for tr in child if _tag(tr) == "tr")
    return out


def _row_cells(tr: etree._Element) -> list[etree._Element]:
    return [td for td in tr if _tag(td) in ("td", "th")]


def _span_attr(td: etree._Element, name: str, zero_means: int = 1) -> int:
    value = (td.get(name) or "1").strip()
    digits = regex.match(r"\d+", value)
    if not digits:
        return 1
    n = int(digits.group())
    return zero_means if n == 0 else max(n, 1)

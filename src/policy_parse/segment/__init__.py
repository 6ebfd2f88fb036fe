"""Segmenter: a `Document` → header, prose outline, table rows, residue.

document_to_lines → lines_to_header / lines_to_outline / table_to_segment
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .._support.records import NamedTuple
from ..data import load
from ..models import Document, Format, Header, Paragraph, Residue, Table
from . import grammar as g
from .annotations import states_first_is_lead
from .attachments import listed_titles, trailing_attachment_list
from .bar_labels import mended_bars
from .bullets import bullet_note
from .corner_labels import mended_corners
from .header import Line, lines_to_header
from .items import closed_below
from .levels import Note
from .lost_dots import lost_dots_note
from .markers import counting, is_outline_start
from .notes import footnote_states_first_is_lead
from .ordinals import ordinal_note
from .prose import Outline, lines_to_outline
from .spaced_labels import mended_label
from .table import TableRow, TableSegment, table_to_segment
from .typeface import typeface_note
from .wrapping import Page

__all__ = ["Line", "Segmented", "merges_marked", "segment"]


class Segmented(NamedTuple):
    header: Header
    outline: Outline
    table: TableSegment | None
    table_caption: str | None
    residue: tuple[Residue, ...]
    # The notice states that the first unit listed leads (列第一位者为牵头单位)
    # before its table: a combined 责任单位 column's first unit leads.
    table_first_is_lead: bool = False


def _paragraph_lines(p: Paragraph) -> list[Line]:
    # A Word paragraph may hold line breaks; the txt form has one line each.
    # Most paragraphs hold no variant: five searches in C cost less than
    # `translate`, which looks each character of a Chinese text up in a dict.
    text = p.text
    if any(map(text.__contains__, g.PUNCT_VARIANT_CHARS)):
        text = text.translate(g.PUNCT_VARIANTS)
    # 牵 头 单 位：A / 牵头单位——A: a label written apart (segment/spaced_labels.py).
    # 牵头单位丨A: a bar for the colon (segment/bar_labels.py); 「牵头单位：A」
    # in corner quotes (segment/corner_labels.py).
    return [
        Line(mended_label(mended_bars(mended_corners(t.strip()))), p.span)
        for t in text.split("\n")
        if t.strip()
    ]


def _cover_letter_end(
    lines: list[Line], *, table_follows: bool = False, listed: frozenset[int] = frozenset()
) -> int:
    """With no 附件 mark, a cover letter may carry its own 一、二、三 before the
    plan: when outline markers come both before and after the letter's date
    line (成文日期), the plan starts after that date.  So it does when only a
    分工表 follows the date and the items before it name no units: the
    letter's 一、二、三 never outrank the table's rows.  -1 when there is none.
    The titles of an attachment list (`listed`: 附件：1.… / 2.…) are no
    outline markers."""
    first = next(
        (k for k, ln in enumerate(lines) if k not in listed and is_outline_start(ln.text)), None
    )
    if first is None:
        return -1
    for k in range(first + 1, len(lines)):
        if g.DATE.match(lines[k].text.strip()):
            if any(
                j not in listed and is_outline_start(lines[j].text)
                for j in range(k + 1, len(lines))
            ):
                return k
            if table_follows:
                trial = lines_to_outline(lines[first:k])
                if not any(
                    m.annotation is not None and m.annotation.names_units for m in trial.measures
                ):
                    return k
            break
    return -1


def _states_convention(lines: list[Line]) -> bool:
    """The text above the outline states 列第一位者为牵头单位, maybe wrapped
    over two lines (列第一 / 位者为牵头单位)."""
    return states_first_is_lead("".join(ln.text for ln in lines))


def _unread_after_table(after: list[Line]) -> list[Note]:
    """Text after the 分工表 is kept as residue, not read: say so when it is
    more than a stray line or two, or holds lines numbered like measures (a
    plan pasted twice, a second list after the table)."""
    numbered = sum(1 for ln in after if is_outline_start(ln.text))
    if not after or (not numbered and len(after) <= load("structure")["after_table_max_lines"]):
        return []
    fields = (("lines", str(len(after))), ("numbered", str(numbered)), ("text", after[0].text[:40]))
    return [("after_table", fields)]


def _doubtful_rows(seg: TableSegment) -> list[Note]:
    """Rows of a table flattened to text that another alignment reads nearly
    as cheaply: a structure finding naming them (read/text/align.py)."""
    a = seg.alignment
    if a is None or not a.doubtful:
        return []
    runner = "—" if a.runner_up is None else f"{a.runner_up:g}"
    lines = "、".join(str(n) for n in a.doubtful)
    return [("table_doubt", (("lines", lines), ("cost", f"{a.cost:g}"), ("runner_up", runner)))]


def _names_apart(seg: TableSegment) -> list[Note]:
    """Two names of a units cell met at a cut of a table copied as text and
    read as two (read/text/grid.py): a structure finding naming them."""
    a = seg.alignment
    apart = a.apart if a is not None else ()
    return [("units_at_break", (("line", str(n)), ("head", h), ("tail", t))) for n, h, t in apart]


def _same_kind(roles: Sequence[str], first: Sequence[str]) -> bool:
    """A second 分工表 under other columns (序号/工作事项/牵头科室/配合科室, or
    序号/改革事项/责任单位 after 序号/重点任务/牵头单位/配合单位) is one more
    part of the notice's when it is a 分工表 too: a text, numbers and a units
    column.  Each part's columns say what its units are (a lone 责任单位
    names no lead, whatever the first part's columns)."""
    if list(roles) == list(first):
        return True
    units = ("lead", "support", "combined")
    return all(k in roles for k in ("text", "number")) and any(map(roles.__contains__, units))


# Readers whose tables mark every merge they hold: Word's w:vMerge (.docx,
# and .doc/.wps/.rtf, read as the .docx LibreOffice makes of them).
_WORD_FORMATS = frozenset({Format.DOCX, Format.DOC, Format.RTF})
# Readers whose tables mark a merge where the source wrote one (a web page's
# rowspan, a spreadsheet's merged range), but whose source may also have been
# flattened by the portal or the clerk that made it (every cell typed out,
# a merged value left in the first cell only).
_MARKING_FORMATS = frozenset({Format.HTML, Format.XLSX, Format.XLS})


def merges_marked(fmt: Format, block: Table) -> bool:
    """Whether an empty cell of `block` is just empty (the reader marks every
    merge), rather than a merged value a copy lost (`table_to_segment`'s
    `explicit_merges`).

    Word marks its merges; so does a web page or a spreadsheet whose table
    writes one (a rowspan, a merged range): its other empty cells are empty
    too.  One that marks none may be a flattened copy, and text, PDF and a
    table the text aligner rebuilt (pasted into Word as paragraphs: no
    w:vMerge) cannot mark merges at all: their empty grouping and lead cells
    continue the value above, as in a .txt."""
    if block.alignment is not None:
        return False
    if fmt in _WORD_FORMATS:
        return True
    return fmt in _MARKING_FORMATS and any(c.merged_up for r in block.rows for c in r.cells)


class _Blocks:
    """The document's blocks sorted: the text lines before the 分工表 and
    after it, the 分工表, the residue so far (the reader's, and tables not
    read) and the notes on tables not read.  (The stage's working records
    are plain classes: an attrs class costs start-up time to build, ~0.4 ms
    each; benchmarks/README.md.)"""

    __slots__ = ("after", "before", "residue", "table", "unread")

    def __init__(self, residue: list[Residue]) -> None:
        self.before: list[Line] = []
        self.after: list[Line] = []
        self.table: TableSegment | None = None
        self.residue = residue
        self.unread: list[Note] = []  # structure findings

    @classmethod
    def of(cls, document: Document) -> _Blocks:
        out = cls(list(document.residue))
        for block in document.blocks:
            if isinstance(block, Table):
                out._table(block, explicit_merges=merges_marked(document.source.format, block))
            else:
                (out.after if out.table is not None else out.before).extend(_paragraph_lines(block))
        return out

    def _table(self, block: Table, *, explicit_merges: bool) -> None:
        """The first table with a header row is the 分工表; any other is kept as residue."""
        seg = (
            table_to_segment(block, explicit_merges=explicit_merges) if self.table is None else None
        )
        if seg is not None:
            self.table = seg
            self.residue.extend(seg.residue)
            self.unread.extend(_doubtful_rows(seg))
            self.unread.extend(_names_apart(seg))
            return
        if self.table is not None and self._continues(block, explicit_merges=explicit_merges):
            return
        left = [
            Residue(
                text=" | ".join(c.text for c in row.cells if c.text),
                reason="table without a recognised header row"
                if self.table is None
                else "second table after the 分工表",
                span=row.span,
            )
            for row in block.rows
            if any(c.text for c in row.cells)
        ]
        self.residue.extend(left)
        if len(left) >= load("structure")["unread_table_min_rows"]:
            key = "unread_table" if self.table is None else "second_table"
            self.unread.append((key, (("rows", str(len(left))), ("text", left[0].text[:40]))))

    def _continues(self, block: Table, *, explicit_merges: bool) -> bool:
        """附件1's 分工表, then 附件2's under the same columns (each numbered
        from 1): one 分工表 in two parts, the second's caption the heading of
        its rows (so its numbers start again under it).  Only where nothing
        but captions and 附件 marks stands between; the mark is residue."""
        assert self.table is not None
        # The cheap test first, stopping at the first line that is neither:
        # `after` holds every line since the 分工表, and a text of many tables
        # (a notice pasted again and again) asked it of each.
        if not all(
            g.TABLE_CAPTION.match(t := ln.text.strip()) or g.ATTACHMENT_MARK.match(t)
            for ln in self.after
        ):
            return False
        captions = [t for ln in self.after if g.TABLE_CAPTION.match(t := ln.text.strip())]
        if not captions:
            return False
        seg = table_to_segment(block, explicit_merges=explicit_merges)
        if seg is None or not _same_kind(seg.roles, self.table.roles) or "part" in seg.roles:
            return False
        first = next((ln.text.strip() for ln in reversed(self.before) if ln.text.strip()), "")
        if not g.TABLE_CAPTION.match(first):
            return False

        def under(heading: str, rows: tuple[TableRow, ...], *, written: bool) -> list[TableRow]:
            # The caption is written once: the first's is the table's caption
            # (pop_caption), the second's its first row's part.
            return [
                attrs.evolve(
                    r,
                    values=(*r.values, ("part", heading)),
                    inherited=r.inherited if written and k == 0 else (*r.inherited, "part"),
                )
                for k, r in enumerate(rows)
            ]

        rows = (
            *under(first, self.table.rows, written=False),
            *under(captions[-1], seg.rows, written=True),
        )
        body = seg.rows[0].span.start_line if seg.rows else None
        self.residue.extend(
            Residue(
                text=" | ".join(c.text for c in header.cells if c.text),
                reason="the 分工表's header over its second part",
                span=header.span,
            )
            for header in block.rows
            if body is not None
            and header.span.start_line is not None
            and header.span.start_line < body
            and any(c.text for c in header.cells)
        )
        self.residue.extend(
            Residue(text=ln.text.strip(), reason="between two parts of the 分工表", span=ln.span)
            for ln in self.after
            if not g.TABLE_CAPTION.match(ln.text.strip())
        )
        self.after = []
        self.residue.extend(seg.residue)
        self.table = self.table._replace(rows=rows)
        return True

    def set_attachment_list_aside(self) -> None:
        """An attachment list ending the text (after the 分工表, or after the
        plan and its date: segment/attachments.py) is residue, not measures
        nor lines after the table."""
        lines = self.after if self.table is not None else self.before
        start = trailing_attachment_list(lines)
        self.residue.extend(
            Residue(text=ln.text, reason="attachment list at the end of the notice", span=ln.span)
            for ln in lines[start:]
        )
        del lines[start:]

    def pop_caption(self) -> str | None:
        """The 分工表's caption: the last line before it, when it reads as one.
        A numbered one (一、经济发展任务分工表) too, when it is the only
        numbered line above the table or the table's own group rows are
        captions as well (one 分工表 per part, read as one table): a title,
        not a measure naming no unit."""
        before = self.before
        if self.table is None or not before or not g.TABLE_CAPTION.match(before[-1].text):
            return None
        if is_outline_start(before[-1].text):
            others = sum(1 for ln in before[:-1] if is_outline_start(ln.text))
            captions = any(
                g.TABLE_CAPTION.match(v)
                for row in self.table.rows
                for r, v in row.values
                if r in ("part", "section")
            )
            if others and not captions:
                return None
            if captions:
                self._caption_as_group(before[-1].text)
        return before.pop().text

    def _caption_as_group(self, caption: str) -> None:
        """The rows above the table's first caption row stand under the
        numbered caption above the table, as the later rows stand under theirs."""
        assert self.table is not None
        rows = list(self.table.rows)
        for k, row in enumerate(rows):
            if any(r == "part" for r, _ in row.values):
                break
            rows[k] = attrs.evolve(row, values=(*row.values, ("part", caption)))
        self.table = self.table._replace(rows=tuple(rows))


class _Plan(NamedTuple):
    """Where the plan's outline starts in the lines before the 分工表: the
    header is `header`, the outline `lines` (or `outline`, already read when
    the plan stands above a 附件 mark), `annex` the 附件 mark and the lines
    after it, `cover_date` the date the cover letter was guessed to end at."""

    header: list[Line]
    lines: list[Line]
    convention: bool  # the header states 列第一位者为牵头单位
    outline: Outline | None = None
    annex: Sequence[Line] = ()
    cover_date: str | None = None


def _find_plan(before: list[Line], table: TableSegment | None, page: Page) -> _Plan:
    """The 附件 mark, or the cover letter's date (a guess), and the first
    outline marker after it; or, with nothing numbered after 附件, the
    annotated list above it."""
    mark = next((k for k, ln in enumerate(before) if g.ATTACHMENT_MARK.match(ln.text)), -1)
    # 附件：1.方案 / 2.分工表: the list's 2. opens no outline (segment/attachments.py).
    listed = listed_titles(before)
    cover_date: str | None = None
    if mark < 0:
        mark = _cover_letter_end(
            before, table_follows=table is not None and bool(table.rows), listed=listed
        )
        if mark >= 0:  # a guess: say so (a structure finding)
            cover_date = before[mark].text.strip()
    start = next(
        (
            k
            for k in range(mark + 1, len(before))
            if k not in listed and is_outline_start(before[k].text)
        ),
        len(before),
    )
    if cover_date is None and mark >= 0 and start == len(before):
        # Nothing numbered after 附件: the attachment is the 分工表 alone, and
        # an annotated list above it is the plan (specimen 41), not a cover
        # letter — whose own 一、二、 name no units (specimen 31).
        first = next((k for k in range(mark) if is_outline_start(before[k].text)), None)
        if first is not None:
            convention = _states_convention(before[:first])
            trial = lines_to_outline(before[first:mark], first_is_lead=convention, page=page)
            if any(m.annotation is not None and m.annotation.names_units for m in trial.measures):
                return _Plan(
                    header=before[:first],
                    lines=before[first:mark],
                    convention=convention,
                    outline=trial,
                    annex=before[mark:],
                )
    return _Plan(
        header=before[:start],
        lines=before[start:],
        convention=_states_convention(before[:start]),
        cover_date=cover_date,
    )


def segment(document: Document) -> Segmented:
    """_Blocks.of → pop_caption → _find_plan → lines_to_header and
    lines_to_outline → the notes and residue of every stage, in order."""
    blocks = _Blocks.of(document)
    blocks.set_attachment_list_aside()
    # Closing matter the reader set aside at the end (read/footer.py) closes
    # the plan's last item as a date under it would (segment/items.py).
    furniture = load("furniture")
    set_aside = {furniture[kind]["reason"] for kind in ("web_footer", "closing")}
    closed = any(r.reason in set_aside for r in document.residue)
    # Whether `1 稳步提高…` opens a measure depends on the lines around it
    # (segment/markers.py, `counted_bare_numbers`).
    with counting(ln.text for ln in (*blocks.before, *blocks.after)), closed_below(closed):
        return _segment(blocks)


def _segment(blocks: _Blocks) -> Segmented:
    # The width the notice was wrapped at, read off all its text lines: the
    # outline alone may be too short to show it.
    page = Page.of([ln.text for ln in (*blocks.before, *blocks.after)])
    # Read across lines: a PDF copy breaks the note anywhere (列第 / 一位的为牵头单位).
    # … or a header cell does: 责任单位（排第一位的为牵头单位）.
    # … or a footnote under the table does (注：排名第一的为牵头单位).
    stated = blocks.table is not None and (
        _states_convention(blocks.before)
        or states_first_is_lead("".join(blocks.table.header))
        or any(footnote_states_first_is_lead(ln.text) for ln in blocks.after)
    )
    caption = blocks.pop_caption()
    plan = _find_plan(blocks.before, blocks.table, page)
    header, header_residue = lines_to_header(plan.header)
    outline = plan.outline
    if outline is None:
        outline = lines_to_outline(plan.lines, first_is_lead=plan.convention, page=page)
    for numbered in (
        ordinal_note(plan.lines, outline.measures),
        bullet_note(plan.lines, outline.measures),
        lost_dots_note(plan.lines),
        typeface_note(
            blocks.before,
            [
                (*(m.annotation.lead if m.annotation else ()), *m.heading_lead)
                for m in outline.measures
            ],
        ),
    ):
        if numbered is not None:
            outline = outline._replace(notes=(*outline.notes, numbered))
    if plan.cover_date is not None:
        outline = outline._replace(
            notes=(("cover_letter", (("date", plan.cover_date),)), *outline.notes)
        )
    unread = [*blocks.unread, *_unread_after_table(blocks.after)]
    if unread:
        outline = outline._replace(notes=(*outline.notes, *unread))
    residue = [*blocks.residue, *header_residue, *outline.residue]
    residue.extend(
        Residue(text=ln.text, reason="attachment mark above the 分工表", span=ln.span)
        for ln in plan.annex
    )
    residue.extend(
        Residue(
            text=ln.text,
            reason="text after the table, in no row (a page number left behind?)",
            span=ln.span,
        )
        for ln in blocks.after
    )
    return Segmented(
        header=header,
        outline=outline,
        table=blocks.table,
        table_caption=caption,
        residue=tuple(residue),
        table_first_is_lead=stated,
    )

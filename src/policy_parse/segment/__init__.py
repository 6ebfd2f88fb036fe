"""Segmenter: a `Document` → header, prose outline, table rows, residue.

document_to_lines → lines_to_header / lines_to_outline / table_to_segment
"""

from __future__ import annotations

import attrs

from ..data import load
from ..models import Document, Format, Header, Paragraph, Residue, Table
from . import grammar as g
from .annotations import states_first_is_lead
from .header import Line, lines_to_header
from .levels import Note
from .markers import is_outline_start
from .prose import Outline, lines_to_outline
from .table import TableSegment, table_to_segment
from .wrapping import Page

__all__ = ["Line", "Segmented", "segment"]


@attrs.frozen(kw_only=True)
class Segmented:
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
    return [Line(t.strip(), p.span) for t in p.text.split("\n") if t.strip()]


def _cover_letter_end(lines: list[Line], *, table_follows: bool = False) -> int:
    """With no 附件 mark, a cover letter may carry its own 一、二、三 before the
    plan: when outline markers come both before and after the letter's date
    line (成文日期), the plan starts after that date.  So it does when only a
    分工表 follows the date and the items before it name no units: the
    letter's 一、二、三 never outrank the table's rows.  -1 when there is none."""
    first = next((k for k, ln in enumerate(lines) if is_outline_start(ln.text)), None)
    if first is None:
        return -1
    for k in range(first + 1, len(lines)):
        if g.DATE.match(lines[k].text.strip()):
            if any(is_outline_start(ln.text) for ln in lines[k + 1 :]):
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


def segment(document: Document) -> Segmented:
    residue: list[Residue] = list(document.residue)
    before: list[Line] = []
    after: list[Line] = []
    table_seg: TableSegment | None = None
    unread: list[Note] = []  # tables not read as the 分工表 (structure findings)
    for block in document.blocks:
        if isinstance(block, Table):
            seg = (
                table_to_segment(block, explicit_merges=document.source.format is Format.DOCX)
                if table_seg is None
                else None
            )
            if seg is not None:
                table_seg = seg
                residue.extend(seg.residue)
                unread.extend(_doubtful_rows(seg))
                continue
            left = [
                Residue(
                    text=" | ".join(c.text for c in row.cells if c.text),
                    reason="table without a recognised header row"
                    if table_seg is None
                    else "second table after the 分工表",
                    span=row.span,
                )
                for row in block.rows
                if any(c.text for c in row.cells)
            ]
            residue.extend(left)
            if len(left) >= load("structure")["unread_table_min_rows"]:
                key = "unread_table" if table_seg is None else "second_table"
                unread.append((key, (("rows", str(len(left))), ("text", left[0].text[:40]))))
            continue
        (after if table_seg is not None else before).extend(_paragraph_lines(block))
    # The width the notice was wrapped at, read off all its text lines: the
    # outline alone may be too short to show it.
    page = Page.of([ln.text for ln in (*before, *after)])

    # Read across lines: a PDF copy breaks the note anywhere (列第 / 一位的为牵头单位).
    stated = table_seg is not None and _states_convention(before)
    caption = None
    if (
        table_seg is not None
        and before
        and g.TABLE_CAPTION.match(before[-1].text)
        and not (is_outline_start(before[-1].text))
    ):
        caption = before.pop().text

    mark = next((k for k, ln in enumerate(before) if g.ATTACHMENT_MARK.match(ln.text)), -1)
    cover_date: str | None = None
    if mark < 0:
        mark = _cover_letter_end(
            before, table_follows=table_seg is not None and bool(table_seg.rows)
        )
        if mark >= 0:  # a guess: say so (a structure finding)
            cover_date = before[mark].text.strip()
    start = next(
        (k for k in range(mark + 1, len(before)) if is_outline_start(before[k].text)),
        len(before),
    )
    annex: list[Line] = []  # the 附件 mark and what follows it, when the plan is above
    outline: Outline | None = None
    if cover_date is None and mark >= 0 and start == len(before):
        # Nothing numbered after 附件: the attachment is the 分工表 alone, and
        # an annotated list above it is the plan (specimen 41), not a cover
        # letter — whose own 一、二、 name no units (specimen 31).
        first = next((k for k in range(mark) if is_outline_start(before[k].text)), None)
        if first is not None:
            trial = lines_to_outline(
                before[first:mark], first_is_lead=_states_convention(before[:first]), page=page
            )
            if any(m.annotation is not None and m.annotation.names_units for m in trial.measures):
                outline, annex, start = trial, before[mark:], first
                before = before[:first]
    header, header_residue = lines_to_header(before[:start])
    if outline is None:
        outline = lines_to_outline(
            before[start:], first_is_lead=_states_convention(before[:start]), page=page
        )
    if cover_date is not None:
        outline = attrs.evolve(
            outline, notes=(("cover_letter", (("date", cover_date),)), *outline.notes)
        )
    unread.extend(_unread_after_table(after))
    if unread:
        outline = attrs.evolve(outline, notes=(*outline.notes, *unread))
    residue.extend(header_residue)
    residue.extend(outline.residue)
    residue.extend(
        Residue(text=ln.text, reason="attachment mark above the 分工表", span=ln.span)
        for ln in annex
    )
    residue.extend(
        Residue(
            text=ln.text,
            reason="text after the table, in no row (a page number left behind?)",
            span=ln.span,
        )
        for ln in after
    )
    return Segmented(
        header=header,
        outline=outline,
        table=table_seg,
        table_caption=caption,
        residue=tuple(residue),
        table_first_is_lead=stated,
    )

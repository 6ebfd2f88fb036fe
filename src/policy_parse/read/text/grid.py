"""The winning alignment as a `Table` grid, and unaligned rows as residue.

A cell a row left out at its front (or in a grouping column) was merged
from the row above: it is written empty and `merged_up`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from ...models import Alignment, Cell, Residue, Row, Span, Table
from .cells import Stream
from .gaps import MERGING
from .header import Column, Header, Kind
from .names import name_cut_before_organ
from .placed import REPEAT, TITLE, Aligned, Placed, cell_text, joiner

__all__ = ["residue_of", "to_table"]


def _span(stream: Stream, start: int, end: int) -> Span:
    a = stream.atoms
    return _lines_span(a[start].line + 1, a[end - 1].line + 1)


@functools.lru_cache(maxsize=65536)
def _lines_span(first: int, last: int) -> Span:
    """One frozen Span per line range: the cells of a line share it."""
    return Span(start_line=first, end_line=last)


def to_table(
    stream: Stream, header: Header, aligned: Aligned, rows: Sequence[Sequence[Placed]]
) -> Table:
    """The header rows and the aligned rows as a `Table` grid: a cell the row
    left out at its front (or in a grouping column) is `merged_up`."""
    out: list[Row] = []
    for hrow in header.rows:
        cells = [Cell(text=t, span=Span(start_line=ln + 1, end_line=ln + 1)) for t, ln in hrow]
        if len(hrow) < len(aligned.columns):
            # An implied column (a 序号 the header did not write) has no header text.
            cells = _with_implied(cells, aligned.columns, hrow[0][1] if hrow else 0)
        out.append(Row(cells=tuple(cells), span=cells[0].span.cover(cells[-1].span)))
    n = len(aligned.columns)
    kinds = [c.kind for c in aligned.columns]
    atoms = stream.atoms
    apart: list[tuple[int, str, str]] = []
    for r in rows:
        span = _span(stream, r[0].start, r[-1].end)
        if r[0].column in (TITLE, REPEAT):
            texts = [cell_text(stream, p.start, p.end) for p in r if p.column in (TITLE, REPEAT)]
            if r[0].column == REPEAT:
                texts = [stream.atoms[t].text for t in range(r[0].start, r[0].end)]
            cells = [Cell(text=t, span=span) for t in texts if t or r[0].column == REPEAT]
            out.append(Row(cells=tuple(cells), span=span))
            continue
        # (Plain loops, not a comprehension and min(): once per row of a
        # long table.)
        by_col: dict[int, Placed] = {}
        first_col = n
        for q in r:
            col = q.column
            if col >= 0:
                by_col[col] = q
                if col < first_col:  # noqa: PLR1730
                    first_col = col
        grid: list[Cell] = []
        for c in range(n):
            p = by_col.get(c)
            if p is not None:
                start, end = p.start, p.end
                if end == start + 1:
                    text = atoms[start].text
                elif kinds[c] in _UNITS:
                    text = _units_text(stream, start, end, apart)
                else:
                    text = cell_text(stream, start, end)
                grid.append(
                    Cell(
                        text=text, span=_lines_span(atoms[start].line + 1, atoms[end - 1].line + 1)
                    )
                )
            else:
                merged = c < first_col or kinds[c] in MERGING
                grid.append(
                    Cell(text="", span=span, merged_up=merged and kinds[c] is not Kind.SUPPORT)
                )
        out.append(Row(cells=tuple(grid), span=span))
    roles = tuple(c.role for c in aligned.columns)
    return Table(
        rows=tuple(out),
        span=out[0].span.cover(out[-1].span),
        alignment=Alignment(
            cost=round(aligned.cost, 2),
            runner_up=None if aligned.runner_up is None else round(aligned.runner_up, 2),
            doubtful=(),
            roles=roles,
            apart=tuple(apart),
        ),
    )


_UNITS = (Kind.LEAD, Kind.SUPPORT)


def _units_text(stream: Stream, start: int, end: int, apart: list[tuple[int, str, str]]) -> str:
    """A units cell's text: as `cell_text`, but a cut at the wrap width that
    kept no space, where two names meet (区统计局 / 区财政局: a copy that
    dropped the space it wrapped on, layout.blocks.names_at_break), is a
    line break between them, noted in `apart` (a structure finding says so).
    Only in the grid: the alignment priced the cell as `cell_text` reads it."""
    seps, atoms = stream.seps, stream.atoms
    if not any(
        seps[i].inline is None
        and (
            (seps[i].full and not seps[i].spaced)
            or name_cut_before_organ(atoms[i - 1].text, atoms[i].text)
        )
        for i in range(start + 1, end)
    ):
        return cell_text(stream, start, end)
    # Imported here: a txt parse loads no page-layout module unless a cut needs it.
    from ..layout.blocks import names_at_break

    parts = [atoms[start].text]
    for i in range(start + 1, end):
        s = seps[i]
        cut = s.inline is None and s.full and not s.spaced
        if cut and (met := names_at_break(atoms[i - 1].text, atoms[i].text)) is not None:
            apart.append((atoms[i].line + 1, *met))
            parts.append("\n")
        elif s.inline is None and name_cut_before_organ(atoms[i - 1].text, atoms[i].text):
            parts.append("")  # 甲经开区 / 管委会: one name the copy wrapped
        else:
            parts.append(joiner(stream, i))
        parts.append(atoms[i].text)
    return "".join(parts)


def _with_implied(cells: list[Cell], columns: Sequence[Column], line: int) -> list[Cell]:
    out: list[Cell] = []
    it = iter(cells)
    for col in columns:
        if col.implied:
            out.append(Cell(text="", span=Span(start_line=line + 1, end_line=line + 1)))
        else:
            out.append(next(it))
    return out


def residue_of(stream: Stream, row: Sequence[Placed], reason: str) -> list[Residue]:
    out: list[Residue] = []
    for p in row:
        text = cell_text(stream, p.start, p.end)
        if text:
            out.append(Residue(text=text, reason=reason, span=_span(stream, p.start, p.end)))
    return out

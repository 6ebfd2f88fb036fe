"""A Word table row → a `Row` of one `Cell` per grid column (docs/formats.md,
"docx"): w:gridBefore/w:gridSpan/w:gridAfter place the cells, merges are
read as `merged_up`/`merged_left`, and a row wider than the grid is fitted
back to it.  The body walk (`docx.reader`) reads the cells' text; this part
places them, apart so that the walk stays one module's length."""

from __future__ import annotations

from typing import Any

import attrs

from ...errors import InputTooLargeError
from ...models import Cell, Residue, Row, Span
from ..limits import Limits
from .revisions import cell_reason, deleted_text, is_deleted_cell
from .wordml import VAL, W, int_val, is_on, unwrap

__all__ = ["RowReader", "too_wide"]

_TC = W + "tc"


class RowReader:
    """The row placing of `docx.reader`'s walker, which this class is mixed
    into: it reads each cell's text (`cell_text`) and keeps the residue."""

    name: str
    limits: Limits
    residue: list[Residue]
    orphan_merges: set[tuple[int, int]]

    def cell_text(self, tc: Any, t: int, r: int, c: int) -> str:
        raise NotImplementedError  # the walker's

    def deleted_cell_to_residue(self, tc: Any, t: int, r: int) -> None:
        """A cell deleted with tracks on (docx.revisions): its paragraphs'
        text, kept or deleted alike, as residue at its row."""
        text = "\n".join(
            line for line in (deleted_text(p).strip() for p in tc.iter(W + "p")) if line
        )
        if text:
            self.residue.append(
                Residue(text=text, reason=cell_reason(t, r), span=Span(table=t, row=r))
            )

    def span_of(self, el: Any, what: str, t: int, r: int) -> int:
        n = int_val(el, 0)
        if n > self.limits.max_cell_span:
            raise InputTooLargeError(
                f"{self.name} table {t}, row {r}: {what}={n} is over the {self.limits.max_cell_span}"
                "-column limit (Limits.max_cell_span); Word never writes more than 63"
            )
        return n

    def row_to_row(self, tr: Any, t: int, r: int, width: int, above: Row | None) -> Row:
        """Cells by grid position: w:gridBefore/w:gridSpan/w:gridAfter place
        them, a merge continuation with nothing above or to its left is an
        ordinary cell, and a row wider than the grid is fitted back to it."""
        cells: list[Cell] = []
        padding: set[int] = set()  # positions only w:gridBefore/w:gridAfter fill
        repeat = False
        after = 0
        trpr = tr.find(W + "trPr")
        if trpr is not None:
            repeat = is_on(trpr.find(W + "tblHeader"))
            for _ in range(self.span_of(trpr.find(W + "gridBefore"), "w:gridBefore", t, r)):
                padding.add(len(cells))
                cells.append(Cell(text="", span=Span(table=t, row=r, cell=len(cells))))
            after = self.span_of(trpr.find(W + "gridAfter"), "w:gridAfter", t, r)
        for tc in unwrap(tr):
            if tc.tag != _TC:
                continue
            if is_deleted_cell(tc):
                # Gone once accepted: the cells after it move left (Word).
                self.deleted_cell_to_residue(tc, t, r)
                continue
            c = len(cells)
            span = Span(table=t, row=r, cell=c)
            tcpr = tc.find(W + "tcPr")
            n = 1
            merged_up = merged_left = False
            if tcpr is not None:
                n = max(1, self.span_of(tcpr.find(W + "gridSpan"), "w:gridSpan", t, r))
                vmerge = tcpr.find(W + "vMerge")
                merged_up = vmerge is not None and vmerge.get(VAL) != "restart"
                hmerge = tcpr.find(W + "hMerge")  # legacy horizontal merge
                merged_left = hmerge is not None and hmerge.get(VAL) != "restart"
            # A continuation of nothing (first row, first column, or past the
            # end of a shorter row above) is read as the cell it looks like:
            # a header row made only of continuations is still the header.
            if merged_up and (above is None or c >= len(above.cells)):
                merged_up = False
                if above is None:
                    self.orphan_merges.add((t, c))
            if merged_left and c == 0:
                merged_left = False
            text = self.cell_text(tc, t, r, c)
            if merged_up or merged_left:
                if text:
                    # Word never displays a continuation cell's own text.
                    self.residue.append(
                        Residue(
                            text=text,
                            reason=f"text in a merged continuation cell (table {t}, row {r}, cell {c})",
                            span=span,
                        )
                    )
                cells.append(Cell(text="", span=span, merged_up=merged_up, merged_left=merged_left))
            else:
                cells.append(Cell(text=text, span=span))
            for _ in range(n - 1):
                cells.append(
                    Cell(text="", span=Span(table=t, row=r, cell=len(cells)), merged_left=True)
                )
            if len(cells) > self.limits.max_grid_columns:
                raise too_wide(
                    f"{self.name} table {t}, row {r} has over {len(cells)} cells", self.limits
                )
        for _ in range(after):
            padding.add(len(cells))
            cells.append(Cell(text="", span=Span(table=t, row=r, cell=len(cells))))
        if width and len(cells) > width:
            cells = self.fit_to_grid(cells, padding, width, t, r)
        # Grid columns the row leaves out (a short row).
        while len(cells) < width:
            cells.append(Cell(text="", span=Span(table=t, row=r, cell=len(cells))))
        return Row(cells=tuple(cells), span=Span(table=t, row=r), repeat_header=repeat)

    def fit_to_grid(
        self, cells: list[Cell], padding: set[int], width: int, t: int, r: int
    ) -> list[Cell]:
        """A row claiming more grid columns than the table has: drop what
        carries no text (grid padding, then span fillers from the right);
        cells that still overflow go to residue, as they cannot be aligned."""
        excess = len(cells) - width
        keep = [True] * len(cells)
        for i in sorted(padding):
            if excess and keep[i]:
                keep[i], excess = False, excess - 1
        for i in range(len(cells) - 1, -1, -1):
            if excess and cells[i].merged_left and not cells[i].text:
                keep[i], excess = False, excess - 1
        fitted = [c for c, k in zip(cells, keep, strict=True) if k]
        for c in fitted[width:]:
            if c.text:
                self.residue.append(
                    Residue(
                        text=c.text,
                        reason=(
                            f"cell beyond the table grid (table {t}, row {r}: "
                            f"{len(fitted)} cells for {width} grid columns), not aligned"
                        ),
                        span=c.span,
                    )
                )
        return [
            attrs.evolve(c, span=Span(table=t, row=r, cell=i)) for i, c in enumerate(fitted[:width])
        ]


def too_wide(what: str, limits: Limits) -> InputTooLargeError:
    return InputTooLargeError(
        f"{what}, over the {limits.max_grid_columns}-column limit "
        "(Limits.max_grid_columns); Word never writes more than 63"
    )

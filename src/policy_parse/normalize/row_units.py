"""The units of a 分工表 row: which cell names the lead, which the supporters.

A row's units come from its columns (牵头单位, 配合单位, or one combined
责任单位), but a cell may also mark its own lead (县卫健局（牵头）, 县发改局★),
hold a phrase (县甲局牵头，县乙局配合) or labelled lines (牵头：县甲局 ⏎
配合：县乙局).  The role words a cell held beside its units are kept as
residue.  (Split from normalize/assemble.py, which builds the notice.)
"""

from __future__ import annotations

from collections.abc import Iterable

from .._support.lazy_regex import lazy_compile
from .._support.memo import text_cache
from ..models import Evidence, Residue
from ..segment.annotation_words import Annotation, lead_markers, marked_leads
from ..segment.annotations import is_label_line, parse_annotation, without_remark
from ..segment.phrases import parse_phrase
from ..segment.table import TableRow
from .units import written_units

Pairs = list[tuple[str, str]]

__all__ = [
    "PUNCT_OR_SPACE",
    "Pairs",
    "once",
    "remark_leads",
    "role_word_residue",
    "row_evidence",
    "unit_cell",
    "unit_pairs",
    "units_of_row",
]


def unit_pairs(values: Iterable[str]) -> Pairs:
    out: Pairs = []
    for v in values:
        out.extend(written_units(v))
    return out


def once(pairs: Pairs, seen: set[str]) -> Pairs:
    out: Pairs = []
    for w, e in pairs:
        if e not in seen:
            seen.add(e)
            out.append((w, e))
    return out


def units_of_row(row: TableRow, first_leads: bool = True) -> tuple[Pairs, Pairs]:
    """(lead, support) pairs of a table row, by the columns it has.  A unit
    marked in its cell (县卫健局（牵头）、县教育局) or a phrase in the cell
    (县甲局牵头，县乙局配合) leads whatever the column.  A combined column
    (责任单位 alone) gives its first unit the lead only where the notice shows
    that it does (`first_leads`, docs/formats.md "The combined column")."""
    lead, support = _units_of_cells(
        row.get("combined"), row.get("support"), row.get("lead"), first_leads
    )
    if not lead and support and (extra := row.get("extra")):
        return remark_leads(extra, list(support))
    return list(lead), list(support)


def remark_leads(remark: str, support: Pairs) -> tuple[Pairs, Pairs]:
    """| 县甲局、县乙局 | … | 县甲局牵头 |: a row whose units column marks no
    lead, and a remarks column (备注) whose phrase names as lead units of
    that list (or a label, 牵头单位：县甲局) — the remark says who leads, as
    a mark in the cell would.
    A lead the list does not name is left to the remark (no unit added)."""
    phrase = lead_phrase(remark.replace("\n", "，")) or labelled_cell(remark)
    if phrase is None:
        return [], support
    named = {e for lead in phrase.lead for _, e in written_units(lead)}
    lead = [(w, e) for w, e in support if e in named]
    if len(lead) != len(named):
        return [], support
    return lead, [(w, e) for w, e in support if e not in named]


# A 分工表 names the same units in row after row (one 牵头单位 over many
# measures), and normalize asks for a row's units again once it knows
# whether a combined column's first unit leads: read once per cell text.
@text_cache()
def _units_of_cells(
    combined: str, support: str, lead: str, first_leads: bool
) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """`units_of_row` of a row whose units cells hold these texts."""
    given = {"combined": combined, "support": support}
    marked: list[str] = []
    cells: dict[str, str] = {}
    for role in ("combined", "support"):
        text = unit_cell(given[role])
        # A line break parts a cell's units (split_units): 县甲局（牵头） ⏎ 县乙局.
        leads, rest = marked_leads(text.replace("\n", "、"))
        if not leads and (phrase := lead_phrase(text) or labelled_cell(text)) is not None:
            leads, rest = list(phrase.lead), "、".join(phrase.support)
        elif not leads and (shared := _shared_phrase(text)) is not None:
            # 县甲局、县乙局按职责分工负责: the marker is no part of 县乙局.
            rest = "、".join(shared.support)
        marked.extend(leads)
        cells[role] = rest
    # 县丁局（牵头） in the 牵头 column: the mark says what the column does.
    lead_marked, lead_rest = marked_leads(unit_cell(lead).replace("\n", "、"))
    lead_cell = "、".join([*lead_marked, lead_rest] if lead_rest else lead_marked)
    if not lead_marked:
        lead_cell = unit_cell(lead)
    if marked:
        lead_pairs = unit_pairs([lead_cell, *marked])
        support_pairs = once(
            unit_pairs([cells["support"], cells["combined"]]), {e for _, e in lead_pairs}
        )
        return tuple(lead_pairs), tuple(support_pairs)
    in_combined = unit_pairs([cells["combined"]])
    first, others = (in_combined[:1], in_combined[1:]) if first_leads else ([], in_combined)
    lead_pairs = unit_pairs([lead_cell]) if lead_cell else first
    support_pairs = unit_pairs([cells["support"]]) if cells["support"] else others
    if lead_cell and in_combined:
        support_pairs = support_pairs + in_combined
    return tuple(lead_pairs), tuple(support_pairs)


def role_word_residue(
    rows: tuple[TableRow, ...], row_units: list[tuple[Pairs, Pairs]]
) -> list[Residue]:
    """The role words a units cell held beside its units (县甲局牵头，县乙局配合,
    县卫健局（牵头）): read as who leads, kept as residue so no written word
    goes missing."""
    out: list[Residue] = []
    for row, (lead, support) in zip(rows, row_units, strict=True):
        cells = "".join(
            row.get(r) for r in ("lead", "combined", "support") if r not in row.inherited
        )
        left = PUNCT_OR_SPACE.sub("", cells)
        for written, _ in (*lead, *support):
            left = left.replace(PUNCT_OR_SPACE.sub("", written), "", 1)
        if left:
            out.append(Residue(text=left, reason=ROLE_WORDS, span=row.span))
    return out


ROLE_WORDS = "role words of a table cell, read as its lead and supporters"
PUNCT_OR_SPACE = lazy_compile(r"[\p{P}\p{S}\p{Z}\s]+")


def unit_cell(text: str) -> str:
    """A units cell without the full stop a clerk ended it with (…集团。), nor
    a closing remark on its list (县乙局、县丙局（排名不分先后）, …（按职责分工负责）:
    segment.annotations.without_remark), which is no part of the last name."""
    text = "\n".join(line.rstrip().rstrip("。") for line in text.split("\n")).strip()
    return without_remark(text) if text.endswith(("）", ")")) else text


def lead_phrase(text: str) -> Annotation | None:
    """县甲局牵头，县乙局配合 in a units cell: a phrase naming its own lead."""
    if not text or not any(map(text.__contains__, lead_markers())):
        return None
    phrase = parse_phrase(text)
    return phrase if phrase is not None and phrase.lead else None


def _shared_phrase(text: str) -> Annotation | None:
    """县甲局、县乙局按职责分工负责 / …配合 in a units cell: a phrase naming
    units and no lead."""
    if not text or is_label_line(text):
        return None
    phrase = parse_phrase(text.replace("\n", "、"))
    return phrase if phrase is not None and not phrase.lead and phrase.support else None


def labelled_cell(text: str) -> Annotation | None:
    """牵头：县甲局 ⏎ 配合：县乙局 in a units cell: labelled lines naming its
    own lead, read as the annotation under a measure is."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if not lines or not is_label_line(lines[0]):
        return None
    ann = parse_annotation("；".join(lines))
    return ann if ann is not None and ann.lead else None


def row_evidence(row: TableRow, lead: Pairs, support: Pairs) -> Evidence:
    """How a table-only notice's row found its units: its lead column or a
    lead marked in a cell (table), or a combined column's first unit, which
    leads only where the notice shows that it does (convention)."""
    if not lead and not support:
        return Evidence.NONE
    from_combined = bool(lead) and not row.get("lead") and bool(row.get("combined"))
    if from_combined and not marked_leads(row.get("combined") or "")[0]:
        return Evidence.CONVENTION
    return Evidence.TABLE

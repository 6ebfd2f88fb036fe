"""The 分工表's header: which row names the columns, and each column's role.

Columns are found by their header words (data/columns.toml through
`read.text.tables.column_role`), never by position: a bracketed qualifier
(牵头单位（部门）) or a persons suffix (牵头单位及责任人) is read through, two
columns named like the measure text group from the left, a second header
row under a merged 责任单位 names the columns, and a two-column label |
value table is read turned a quarter.  `segment.table` reads the body rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from .._support.lazy_regex import lazy_compile
from .._support.records import NamedTuple
from ..data import load
from ..models import Cell, Row, Table
from ..read.text.tables import column_role, norm_header
from . import grammar as g

_TEXT = attrgetter("text")


def _norm(text: str) -> str:
    return norm_header(text)


def header_to_roles(header: list[str]) -> list[str] | None:
    """Header cell texts → one role per column, or None if this is no header.

    Roles: number, text, lead, support, combined (lead first, then support),
    upper (the higher level's units), deadline, part, section,
    national_task, extra.  Words come from data/columns.toml through
    `read.text.tables.column_role`; a column naming units without a lead mark
    (主要责任单位, 负责部门) gives support only.
    """
    named = [_cell_role(cell) or "extra" for cell in header]
    if sum(r != "extra" for r in named) < 2 or not ({"text", "number"} & set(named)):
        return None
    named = _demote_duplicates(named)
    has_lead = "lead" in named
    has_local = "units_local" in named
    # 主要责任单位 | 协同配合单位: beside a supporting column (and no 牵头
    # column), the first responsible column names the lead.
    leads_beside_support = not has_lead and "support" in named
    raw: list[str] = []
    for r in named:
        if r == "responsible":
            r = "lead" if leads_beside_support and "lead" not in raw else "support"
        raw.append(r)
    roles: list[str] = []
    for r in raw:
        if r == "units_local":
            r = "support" if has_lead else "combined"
        elif r == "units":
            if has_local:
                r = "upper"
            elif has_lead:
                r = "support"  # 牵头单位 / 责任单位 / 配合单位: both name supporters
            elif leads_beside_support and "lead" not in roles:
                r = "lead"  # 责任单位 | 配合单位
            else:
                r = "combined"
        # One column per role, except supporters (责任单位 beside 配合单位):
        # a second 牵头单位 column is kept, as an extra column.
        roles.append("extra" if r in roles and r not in ("support", "extra") else r)
    return roles


# A bracketed qualifier closing a header cell: 牵头单位（部门）, 完成时限(年月),
# 责任单位（排第一位的为牵头单位）.
_QUALIFIER = lazy_compile(r"\s*[（(][^（）()]{1,16}[）)]\s*$")


def _cell_role(cell: str) -> str | None:
    """A header cell's role; failing that, the role of its words without a
    closing bracketed qualifier (配合单位（部门） names the supporting units
    as 配合单位 does), so such a column is not read as a remark and its
    units silently lost."""
    role = column_role(cell)
    if role is None and (bare := _QUALIFIER.sub("", cell)) != cell and bare.strip():
        role = column_role(bare)
    if role is None and (head := _without_persons(cell)) is not None:
        role = column_role(head)  # 牵头单位及责任人 names the lead column
    return role


_UNIT_ROLES = frozenset({"lead", "support", "units", "responsible", "units_local"})


def _without_persons(cell: str) -> str | None:
    """牵头单位及责任人 → 牵头单位: a units header joined to a persons header
    (data/annotations.toml [leaders] joiners, persons); None for any other."""
    words = load("annotations")["leaders"]
    text = norm_header(cell)
    for person in words["persons"]:
        for joiner in words["joiners"]:
            tail = joiner + person
            if text.endswith(tail) and len(text) > len(tail):
                return text[: -len(tail)]
    return None


def persons_columns(header: Sequence[str], roles: Sequence[str]) -> frozenset[int]:
    """The unit columns whose header says each unit's person follows it in
    brackets (区甲局（张三）): the persons are leaders, not parts of names."""
    return frozenset(
        k
        for k, h in enumerate(header)
        if k < len(roles)
        and roles[k] in {"lead", "support", "combined"}
        and _without_persons(h) is not None
        and column_role(_without_persons(h) or "") in _UNIT_ROLES
    )


def _demote_duplicates(raw: list[str]) -> list[str]:
    """Two columns named like the measure text (重点任务 beside 具体措施, 重点任务
    beside 工作措施): the last holds the text — a table groups its measures
    from the left (方面 / 任务 / 具体措施) — and the others are grouping
    columns, read like 方面 (or 任务 if 方面 exists)."""
    texts = [k for k, r in enumerate(raw) if r == "text"]
    if len(texts) < 2:
        return raw
    best = texts[-1]
    out = list(raw)
    for k in texts:
        if k != best:
            out[k] = "part" if "part" not in out else "section" if "section" not in out else "extra"
    return out


def sub_header(
    header: tuple[str, ...], cells: Sequence[Cell]
) -> tuple[list[str], tuple[str, ...]] | None:
    """The row under the header is a second header row when every cell it
    fills names a column (牵头单位 | 配合单位 under a merged 责任单位) and
    the merged header gives roles: (roles, header).  A cell left empty or
    merged from above keeps the upper row's name."""
    subs = ["" if c.merged_up else c.text.strip() for c in cells]
    if (tails := _tails(header, subs)) is not None:
        # 牵头 | 配合 over 单位 | 单位: each piece the tail of the cell above it.
        roles = header_to_roles(list(tails))
        return (roles, tails) if roles is not None else None
    subs = [_role_under_units(t, header, k) for k, t in enumerate(subs)]
    filled = [t for t in subs if t]
    if not filled or any(column_role(t) is None for t in filled):
        return None
    merged = tuple(sub or (header[k] if k < len(header) else "") for k, sub in enumerate(subs))
    if [_norm(h) for h in merged] == [_norm(h) for h in header]:
        return None  # the header typed twice: a repeat, counted as such below
    roles = header_to_roles(list(merged))
    return (roles, merged) if roles is not None else None


def _tails(header: tuple[str, ...], subs: Sequence[str]) -> tuple[str, ...] | None:
    """The header with the tails its second row writes under its cells (a
    narrow column wrapped 牵头单位 as 牵头 / 单位, 完成时限 as 完成 / 时限), or
    None: a piece whose join names no column, one under a cell that names a
    column already (a sub-header under a merged cell), or none at all."""
    if len(subs) > len(header) or not any(subs):
        return None
    out = list(header)
    for k, t in enumerate(subs):
        if not t:
            continue
        if column_role(header[k]) is not None or column_role(header[k].strip() + t) is None:
            return None
        out[k] = header[k].strip() + t
    return tuple(out)


def _role_under_units(sub: str, header: tuple[str, ...], k: int) -> str:
    """牵头 | 配合 under a merged 责任单位: a bare role word (data/annotations
    .toml [roles] bare) names the column with the unit word of the header
    cell over it or spanning it from the left (牵头单位, 配合单位)."""
    if not sub or column_role(sub) is not None:
        return sub
    roles = load("annotations")["roles"]
    if sub not in roles["bare"]:
        return sub
    above = next(
        (header[j].strip() for j in range(min(k, len(header) - 1), -1, -1) if header[j].strip()), ""
    )
    unit = next(
        (u for u in sorted(roles["unit_words"], key=len, reverse=True) if above.endswith(u)), None
    )
    return sub + unit if unit is not None else sub


def _label(text: str) -> str:
    return text.strip().rstrip(":：").strip()


def label_value(table: Table) -> Table | None:
    """A two-column label | value table (重点工作： | 1.做甲。, 牵头单位： |
    甲局): the labels name the columns, so it is read turned a quarter —
    the labels as the header, each run of values as one row, a label seen
    again starting the next row.  None for any other table."""
    rows = [r for r in table.rows if any(map(str.strip, map(_TEXT, r.cells)))]
    if not rows or any(len(r.cells) != 2 or r.cells[1].merged_left for r in rows):
        return None
    labels = [_label(r.cells[0].text) for r in rows]
    keys = list(dict.fromkeys(labels))
    if header_to_roles(keys) is None or header_to_roles([c.text for c in rows[0].cells]):
        return None  # no labels, or a two-column table with a header of its own
    records: list[dict[str, Cell]] = [{}]
    for label, r in zip(labels, rows, strict=True):
        if label in records[-1]:
            records.append({})
        records[-1][label] = r.cells[1]
    first = rows[0].cells[0].span
    out = [Row(cells=tuple(Cell(text=k, span=first) for k in keys), span=first)]
    for rec in records:
        cells = tuple(rec.get(k) or Cell(text="", span=first) for k in keys)
        span = cells[0].span
        for c in cells[1:]:
            span = span.cover(c.span)
        out.append(Row(cells=cells, span=span))
    return Table(rows=tuple(out), span=table.span, alignment=table.alignment)


def number_under_a_span(roles: list[str], header: Sequence[Cell], body: Sequence[Row]) -> list[str]:
    """A header cell spanning two columns (工作任务 over the group and the 序号
    column) leaves the second with no name: it is the 序号 column when its
    body cells are row numbers, and the table names no other."""
    if "number" in roles:
        return roles
    for k, cell in enumerate(header):
        if k >= len(roles) or roles[k] != "extra" or (cell.text.strip() and not cell.merged_left):
            continue
        written = [
            r.cells[k].text.strip()
            for r in body
            if k < len(r.cells) and not r.cells[k].merged_up and r.cells[k].text.strip()
        ]
        numbers = sum(1 for t in written if g.TABLE_NUMBER.match(t))
        if len(written) >= 2 and numbers == len(written):
            return [*roles[:k], "number", *roles[k + 1 :]]
    return roles


_HEADER_WITHIN = 5  # rows a caption or a title typed into the table may take above the header


class HeaderAt(NamedTuple):
    """Where a table's header stands and what its columns are."""

    header_row: int  # its index among the table's rows
    body_from: int  # the first body row (after a second header row, if any)
    roles: list[str]
    header: tuple[str, ...]  # the header's cell texts (merged with a second row's)
    # Each header row's cells normalised: a page's repeat of either is skipped.
    norms: tuple[list[str], ...]


def find_header(table: Table) -> HeaderAt | None:
    """The first of the table's first rows whose cells name its columns
    (`header_to_roles`), with a 序号 column the text reader implied (a
    number column the header did not write), one under a header cell
    spanning two columns, and the second header row under a merged
    责任单位 (牵头单位 | 配合单位); None where no row names columns."""
    for k, row in enumerate(table.rows[:_HEADER_WITHIN]):
        roles = header_to_roles([c.text for c in row.cells])
        if roles is not None:
            break
    else:
        return None
    header = tuple(c.text.strip() for c in row.cells)
    if table.alignment is not None:
        # A column the text reader implied (a 序号 the header did not write).
        implied = table.alignment.roles
        roles = [
            "number" if not header[j] and j < len(implied) and implied[j] == "number" else r
            for j, r in enumerate(roles)
        ]
    roles = number_under_a_span(roles, row.cells, table.rows[k + 1 :])
    norms = [[_norm(h) for h in header]]
    body_from = k + 1
    if (
        body_from < len(table.rows)
        and (merged := sub_header(header, table.rows[body_from].cells)) is not None
    ):
        # 责任单位 over 牵头单位 | 配合单位: the second row names the columns.
        roles, header = merged
        norms.append([_norm(c.text) for c in table.rows[body_from].cells])
        body_from += 1
    return HeaderAt(k, body_from, roles, header, tuple(norms))

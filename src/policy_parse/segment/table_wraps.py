"""A 分工表 row whose units list was left open (县卫健局、), or whose last
unit's name a wrap cut (县文化广电旅游 / 体育局): its wrapped end.

In a table copied as text with columns apart by spaces, the text reader
places a wrapped line's pieces by their order, not under their columns: the
end of a unit list lands under 完成时限 or makes a row with no number of its
own (docs/formats.md "A units list left open"), and the rest of a name cut
in two lands as a second line under a later column.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from .._support.lazy_regex import lazy_compile
from ..data import load
from . import grammar as g
from .annotations import is_label_line, names_only_units
from .labels import LabelRole, parse_annotation_line

if TYPE_CHECKING:
    from ..models import Row
    from .table import TableRow

# Columns of units, and what ends a unit list that goes on (县卫健局、).
_LIST_ROLES = ("lead", "support", "combined", "upper")
_OPEN_ENDS = ("、", "，", ",", "；", ";", "﹑")


def open_units(row: TableRow) -> str | None:
    """The one units column of `row` whose list ends in a separator, its
    last unit still to come; None if none or several."""
    open_roles = [r for r in _LIST_ROLES if row.get(r).endswith(_OPEN_ENDS)]
    return open_roles[0] if len(open_roles) == 1 else None


def units_closed_in_row(
    values: list[tuple[str, str]], copied: Sequence[str] = ()
) -> list[tuple[str, str]]:
    """县卫健局、 | 2025年底前⏎县生态环境局: a units cell left open and, in a
    later column of the same row, lines after the first that name only
    units — the wrapped end of the open list, placed in the wrong column
    by a text copy's alignment.  They join the open list.  Not a list
    `copied` from the row above (an empty cell read as a merge): the row
    wrote no list to close, and a name joined to the copy was lost with it;
    nor lines of a copied cell (a group title over the rows), which the
    row above already holds: taken, they were counted twice."""
    open_at = [
        k
        for k, (r, v) in enumerate(values)
        if r in _LIST_ROLES and r not in copied and v.endswith(_OPEN_ENDS)
    ]
    if len(open_at) != 1:
        return values
    k = open_at[0]
    out = list(values)
    for j in range(k + 1, len(out)):
        role, text = out[j]
        first, *rest = text.split("\n")
        if role in _LIST_ROLES or role in copied or not rest or not _units_only(rest):
            continue
        out[k] = (out[k][0], out[k][1] + "\n".join(rest))
        out[j] = (role, first)
        break
    return out


def label_closed_in_row(
    values: list[tuple[str, str]], copied: Sequence[str] = ()
) -> list[tuple[str, str]]:
    """牵头：县甲局 | 2025年底前⏎配合：县乙局: the one units cell that opens
    with a unit label and, in a column that holds no units, lines after
    the first that are unit labels (配合：…, 牵头：…) — the cell's own second
    line, placed by its order in a text copy under a later column.  They
    join the units cell, a line each.  Not a cell `copied` from the row
    above, as in units_closed_in_row."""
    if not any("\n" in v for r, v in values if r not in _LIST_ROLES):
        return values
    labelled = [
        k
        for k, (r, v) in enumerate(values)
        if r in _LIST_ROLES and r not in copied and _unit_label(v.split("\n", 1)[0])
    ]
    if len(labelled) != 1:
        return values
    k = labelled[0]
    out = list(values)
    for j, (role, text) in enumerate(out):
        first, *rest = text.split("\n")
        if role in _LIST_ROLES or role in copied or not rest or not all(map(_unit_label, rest)):
            continue
        out[k] = (out[k][0], "\n".join([out[k][1], *rest]))
        out[j] = (role, first)
    return out


def _unit_label(line: str) -> bool:
    """牵头：… / 配合单位：…: a label whose value names units."""
    read = parse_annotation_line(line.strip())
    return read is not None and read[0] in (LabelRole.LEAD, LabelRole.SUPPORT)


def name_closed_in_row(
    values: list[tuple[str, str]], copied: Sequence[str] = ()
) -> list[tuple[str, str]]:
    """县文化广电旅游 | … | 2025年6月底前⏎体育局: the one units cell whose
    last name ends like no unit (a wrap cut it) and, in a later column that
    holds no units, a second line that is the name's tail (ends like a
    unit) — the rest of the name, placed by its order in the text copy, not
    under its column.  The tail joins the name, with nothing between, when
    the whole ends like a unit (县文化广电旅游体育局).  Not a name `copied`
    from the row above, as in units_closed_in_row."""
    if not any("\n" in v for r, v in values if r not in _LIST_ROLES):
        return values  # no second line for a tail to stand on: most rows
    cut = [
        k
        for k, (r, v) in enumerate(values)
        if r in _LIST_ROLES and r not in copied and v and not names_only_units([_last_name(v)])
    ]
    if len(cut) != 1:
        return values
    k = cut[0]
    for j in range(k + 1, len(values)):
        role, text = values[j]
        first, *rest = text.split("\n")
        if role in _LIST_ROLES or role in copied or len(rest) != 1 or not first.strip():
            continue
        tail = rest[0].strip()
        if not _a_name(tail) or not names_only_units([_last_name(values[k][1]) + tail]):
            continue
        out = list(values)
        out[k] = (out[k][0], out[k][1] + tail)
        out[j] = (role, first)
        return out
    return values


def cut_name_goes_on(above: TableRow, row: Row, roles: Sequence[str]) -> str | None:
    """| | | 息化局 | | | under a row whose units cell ends 市工业和信: a row
    with no number whose one units cell holds the tail of a name a wrap cut
    (maybe beside the task's wrapped line) — the rest of the row above, not
    a row of its own.  The units column's role, or None."""
    written = [(col, c.text.strip()) for col, c in enumerate(row.cells) if c.text.strip()]
    units = [(col, t) for col, t in written if col < len(roles) and roles[col] in _LIST_ROLES]
    if len(units) != 1 or any(roles[col] == "number" for col, _ in written if col < len(roles)):
        return None  # (a task's wrapped line may stand beside the tail: 完善… | 销合作社)
    tail = units[0][1]
    # The one units cell of the row above whose last name is cut: the text
    # copy's alignment may have put the tail under another units column.
    cut = [
        r
        for r in _LIST_ROLES
        if (head := above.get(r)) and not names_only_units([_last_name(head)])
    ]
    if len(cut) != 1 or not _a_name(tail):
        return None
    role = cut[0]
    return role if names_only_units([_last_name(above.get(role)) + tail]) else None


def label_goes_on(above: TableRow, row: Row, roles: Sequence[str]) -> str | None:
    """| | 配合：县乙局 | under a row whose units cell reads 牵头：县甲局: a
    row with no number whose one written cell is a labelled line in the
    units column whose cell above opened with a label — the cell's second
    line (a wrapped cell copied as a row of its own), not a measure.  The
    units column's role, or None."""
    written = [(col, c.text.strip()) for col, c in enumerate(row.cells) if c.text.strip()]
    if len(written) != 1 or written[0][0] >= len(roles):
        return None
    col, text = written[0]
    role = roles[col]
    if role not in _LIST_ROLES or not is_label_line(text):
        return None
    first = above.get(role).split("\n", 1)[0].strip()
    return role if first and is_label_line(first) else None


def names_rejoined(values: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """市发展改革委、市工业和信⏎息化局 in one units cell (a cell line the copy
    broke, kept as a line break): where the name before a break ends like no
    unit and, joined with the first name after it, ends like one, the break
    was inside the name — it reads as one (市工业和信息化局), not two."""
    out = list(values)
    for k, (role, text) in enumerate(values):
        if role not in _LIST_ROLES or "\n" not in text:
            continue
        lines = text.split("\n")
        merged = [lines[0]]
        for line in lines[1:]:
            head, tail = _last_name(merged[-1]), _first_name(line)
            if (
                _CUT.fullmatch(head)
                and tail
                and not names_only_units([head])
                and names_only_units([head + tail])
            ):
                merged[-1] += line.strip()
            else:
                merged.append(line)
        out[k] = (role, "\n".join(merged))
    return out


# A name cut by a break: Han characters only (县农业农村局（牵头） is a whole
# name with its mark, 县甲局等 one with its 等).
_CUT = lazy_compile(r"\p{Han}{2,}")


def _first_name(text: str) -> str:
    return g.UNIT_SEPARATORS.split(text.strip())[0].strip()


def _last_name(text: str) -> str:
    return g.UNIT_SEPARATORS.split(text.strip())[-1].strip()


def _units_only(lines: Sequence[str]) -> bool:
    """Every line names units: ending like one, or 各 and a place (各乡镇,
    各街道: units.toml [look] endings), with no label (_a_name)."""
    ends = tuple(load("units")["look"]["endings"])
    return all(
        _a_name(ln) or (ln.startswith("各") and len(ln) <= _MAX_EACH and ln.endswith(ends))
        for ln in lines
    )


def _a_name(text: str) -> bool:
    """Names only units, and no label: 牵头单位：县甲局 ends like a unit."""
    return "：" not in text and ":" not in text and names_only_units([text])


_MAX_EACH = 6  # 各乡镇, 各县（市、区）: longer and it is a sentence


def continued(above: TableRow, row: Row, roles: Sequence[str], open_role: str) -> TableRow:
    """`above` with `row`'s own cells added: units to the open list, any
    other text to its own column (a wrapped task goes on its line)."""
    values = list(above.values)
    at = {r: k for k, (r, _) in reversed(list(enumerate(values)))}
    for col, cell in enumerate(row.cells):
        text = cell.text.strip()
        role = roles[col] if col < len(roles) else "extra"
        if not text or cell.merged_up or cell.merged_left or role == "number":
            continue
        if role in _LIST_ROLES or _units_only([text]):
            role = open_role
        if role not in at:
            values.append((role, text))
            at[role] = len(values) - 1
            continue
        k = at[role]
        glued = role == open_role and not is_label_line(text)
        joined = values[k][1] + text if glued else f"{values[k][1]}\n{text}"
        values[k] = (role, joined)
    return attrs.evolve(above, values=tuple(values), span=above.span.cover(row.span))

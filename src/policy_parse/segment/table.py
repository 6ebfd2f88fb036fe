"""The 分工表's body: rows under the header with merges filled in.

The header row and each column's role are found by `segment.table_header`
(header words, never position).  A cell a reader marks as merged
(`Cell.merged_up`: Word's w:vMerge, a PDF region drawn once) continues the
value above in any column.
In text copied from a portal, and in PDF where a merged region cut by a page
break comes back empty, an empty cell in a grouping column (方面, 任务, 序号,
时限, the higher level's units) or the lead column continues the value above
too — but a 时限 column blank on a row with nothing above leaves its empty
cells empty (a merge starts with its text); each row says which roles it
filled from above with no merge mark (`unmarked`: normalize.deadline_cells
reports the guess); in Word, where merges are explicit, an empty cell is
just empty.  A row that repeats the header (page break) is skipped and
counted; a one-text row such as 一、… is a group title for the rows below.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from .._support.chinese_numerals import cn_to_int
from .._support.lazy_regex import compile_cached, lazy_compile
from .._support.records import NamedTuple
from ..models import Alignment, Residue, Row, Span, Table
from ..read.text.tables import norm_header
from . import grammar as g
from .annotations import persons_apart
from .notes import is_footnote
from .table_header import find_header, label_value, persons_columns
from .table_wraps import (
    continued,
    cut_name_goes_on,
    label_closed_in_row,
    label_goes_on,
    name_closed_in_row,
    names_rejoined,
    open_units,
    units_closed_in_row,
)

# Plain loops where a generator would stop early: the generator is then
# closed by raising GeneratorExit in it (~3K instructions), and these tests
# run on every row (marked `a loop` below).

if TYPE_CHECKING:
    import regex

# Roles whose empty cell means "same as above" when the source cannot mark
# merges (text copied from a portal): grouping columns, and the lead, which
# every measure has.  Supporting units are never inherited: an empty 配合单位
# cell means none.
INHERITING = frozenset(
    {"part", "section", "national_task", "number", "deadline", "upper", "lead", "combined"}
)
# Roles whose column, once blank on a row with no value above (a merged
# cell always starts with its text), leaves cells blank: an empty cell
# in it stays empty (docs/formats.md, "Empty deadline cells").
LEFT_BLANK = frozenset({"deadline"})


@attrs.frozen(kw_only=True)
class TableRow:
    """One body row as text per role, merges filled, still unnormalised."""

    row: int
    number: str  # as written; "" when the row had none of its own
    number_inherited: str  # the number it continues, if any
    values: tuple[tuple[str, str], ...]  # (role, text) for every column
    inherited: tuple[str, ...]  # roles whose text is a copy (merged cell, heading above)
    span: Span
    # Roles of `INHERITING` whose cell was empty with no merge mark (text
    # copy): filled from above where also in `inherited`, else left empty.
    unmarked: tuple[str, ...] = ()

    # role → its cells' text joined, built once: normalising asks for every
    # role of every row, some several times.
    _by_role: dict[str, str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        by_role: dict[str, list[str]] = {}
        for role, value in self.values:
            if value:
                by_role.setdefault(role, []).append(value)
        object.__setattr__(self, "_by_role", {r: "\n".join(v) for r, v in by_role.items()})

    def get(self, role: str) -> str:
        return self._by_role.get(role, "")


class TableSegment(NamedTuple):
    header: tuple[str, ...]
    roles: tuple[str, ...]
    rows: tuple[TableRow, ...]
    residue: tuple[Residue, ...]
    repeated_headers: int
    alignment: Alignment | None = None  # the text reader's, for a table flattened to text


_CN_NUMERAL = lazy_compile(r"[一二三四五六七八九十]{1,3}")


def _heading_row(texts: list[str], *, numeral_groups: bool = False) -> str | None:
    """A row whose only text (possibly spread over merged cells) is an
    outline heading such as 一、提升创新平台能级: a group title, not a measure.
    Also a heading whose marker sits in the 序号 cell and its title in the
    next ((一) | 加强…: a table flattened to text), and a one-cell row (a
    full-width title whose marker the copy lost)."""
    values = [t.strip() for t in texts if t.strip()]
    bare = len(values) == 2 and (m := g.MARKER.match(values[0])) and m.end() == len(values[0])
    if bare and m is not None and (m["cn_dun"] or m["cn_paren"] or m["part_word"]):
        return values[0] + values[1]
    if numeral_groups and len(values) == 2 and _CN_NUMERAL.fullmatch(values[0]):
        # 一 | 经济发展 in a table whose rows number 1, 2 …: a group's numeral
        # in the 序号 cell, written with no 、 — the heading 一、经济发展.
        return f"{values[0]}、{values[1]}"
    if len(values) != 1:  # merged cells (w:gridSpan) come with one text only
        return None
    (value,) = values
    m = g.MARKER.match(value)
    if m is None:
        return value if len(texts) == 1 and not g.TABLE_NUMBER.match(value) else None
    if m["ar_dot"] or m["ar_dun"] or m["ar_sub"] or m["ar_dec"]:
        return None
    return value


def _number_in_text(text: str) -> tuple[str, str] | None:
    """The row number a text cell opens with, in a table with no 序号
    column: (number, text).  Every way a clerk numbers a row in its text is
    read — 3. 3、 3.1 36-1 (3) （3） 3） ③ 第3项 第三项 — but not a group's
    marker (一、 （一）), and not the first of a list inside the cell: a cell
    that goes on to write the next marker of its style (（1）做甲；（2）做乙)
    numbers its own items, not the row."""
    m = g.ITEM_WORD.match(text)
    if m is not None:
        try:
            cn_to_int(m["num"])
        except ValueError:
            return None
        # 第3项 as written (normalize.numbers reads it): as 3, its 第 and 项
        # were in no record, and 第三项's 三 became a 3 the cell never wrote.
        return text[: m.end()].strip().rstrip("、,，:：.．"), text[m.end() :]
    m = g.MARKER.match(text)
    if m is None:
        return None
    number: str | None
    if m["circled"]:
        number = str(int(unicodedata.numeric(m["circled"])))
    else:
        number = next((m[s] for s in _ROW_NUMBER_STYLES if m[s]), None)
    if not number:
        return None
    rest = text[m.end() :]
    if _lists_next(m, number, rest):
        return None
    # ⑫ as written (normalize.numbers reads it as 12, as it reads 第12项): as
    # 12 the ⑫ was in no record, and the 12 was written nowhere.
    return m["circled"] or number, rest


# The marker styles that number a row (a group's marker, 一、 or （一）, does not).
_ROW_NUMBER_STYLES = ("ar_dot", "ar_dun", "ar_sub", "ar_dec", "ar_paren", "ar_rparen")


def _lists_next(m: regex.Match[str], number: str, rest: str) -> bool:
    """The rest of the cell writes the next marker of the same style: the
    cell holds a numbered list of its own."""
    if not number.isdigit():
        return False
    after = int(number) + 1
    if m["circled"]:
        return any(unicodedata.numeric(c, 0) == after and c in g.CIRCLED for c in rest)
    if m["ar_paren"]:
        pattern = rf"[(（]\s*{after}\s*[)）]"
    elif m["ar_rparen"]:
        pattern = rf"(?<!\d){after}\s*[)）]"
    elif m["ar_dun"]:
        pattern = rf"(?<![\d.．]){after}\s*、"
    elif m["ar_dot"]:
        pattern = rf"(?<![\d.．]){after}\s*[.．](?!\d)"
    else:
        return False
    return _pattern(pattern).search(rest) is not None


@functools.lru_cache(maxsize=256)
def _pattern(pattern: str) -> regex.Pattern[str]:
    """A pattern built per number, compiled once per process (from its cache)."""
    return compile_cached(pattern)


def _repeats_header(texts: list[str], header_norm: list[str]) -> bool:
    """The header typed again (a page's repeated header row): compared cell by
    cell, stopping at the first that differs — most rows differ at once."""
    if len(texts) > len(header_norm):
        return False
    for t, h in zip(texts, header_norm, strict=False):  # a loop: see the note at the top
        if norm_header(t) != h:
            return False
    return True


def table_to_segment(table: Table, *, explicit_merges: bool = False) -> TableSegment | None:
    """Find the header row, then read body rows with merges filled in.

    `explicit_merges` says the reader knows every merge (Word's w:vMerge): an
    empty cell is then just empty.  Text and PDF cannot say so reliably (a PDF
    merged region cut by a page break comes back as an empty cell), so there
    an empty grouping or lead cell continues the value above.

    The stages, each named below: the header (`find_header`), rows before it
    (residue), then per body row — a repeated header (skipped, counted), a
    blank row, a group title (`_Groups`), or a row whose cells are filled
    (`_Merges`), numbered from its text where no column numbers it, placed
    under the titles above it, and joined to the row above where it only
    goes on that row's units (`_goes_on`).
    """
    table = label_value(table) or table
    at = find_header(table)
    if at is None:
        return None
    roles = at.roles
    body = table.rows[at.body_from :]
    residue = _before_header(table.rows[: at.header_row])
    groups = _Groups(roles, numeral_groups=_numbered_in_arabic(roles, body))
    merges = _Merges(roles, persons_columns(at.header, roles), explicit=explicit_merges)
    rows: list[TableRow] = []
    repeated = 0
    for row in body:
        texts = [c.text for c in row.cells]
        if row.repeat_header or any(_repeats_header(texts, norms) for norms in at.norms):
            repeated += 1
            continue
        if not any(map(str.strip, texts)):
            continue
        if groups.took_title(row, residue):
            continue
        filled = merges.fill(row, texts)
        values, own_number = _numbered_from_text(filled.values, filled.own_number, roles)
        values, inherited = groups.over(values, filled.inherited)
        values = names_rejoined(
            name_closed_in_row(
                label_closed_in_row(units_closed_in_row(values, inherited), inherited), inherited
            )
        )
        if (
            rows
            and not own_number
            and not groups.fresh
            and (role := _goes_on(rows[-1], row, roles))
        ):
            rows[-1] = continued(rows[-1], row, roles, role)
            continue
        groups.fresh.clear()
        rows.append(
            TableRow(
                row=len(rows) + 1,
                number=own_number,
                number_inherited=_number_of(values) if not own_number else "",
                values=tuple(values),
                inherited=tuple(inherited),
                span=row.span,
                unmarked=filled.unmarked,
            )
        )
    residue.extend(groups.unplaced(table.rows[-1].span))
    return TableSegment(
        header=at.header,
        roles=tuple(roles),
        rows=tuple(rows),
        residue=tuple(residue),
        repeated_headers=repeated,
        alignment=table.alignment,
    )


def _before_header(rows: Sequence[Row]) -> list[Residue]:
    """Rows above the header (a caption typed into the table, 续表): residue."""
    return [
        Residue(
            text=" | ".join(c.text for c in r.cells if c.text),
            reason="table row before its header",
            span=r.span,
        )
        for r in rows
        if any(c.text for c in r.cells)
    ]


def _numbered_in_arabic(roles: Sequence[str], body: Sequence[Row]) -> bool:
    """Rows numbered 1, 2 … in the 序号 column: a bare 一 there is then a group's."""
    if "number" not in roles:
        return False
    at = roles.index("number")
    return any(at < len(r.cells) and r.cells[at].text.strip().isdigit() for r in body)


def _goes_on(last: TableRow, row: Row, roles: Sequence[str]) -> str | None:
    """The role whose units `row`, numbered by nothing, only goes on in `last`:
    an open list (县卫健局、 / (next line) 县生态环境局 read as a row of its
    own: the text reader placed a wrapped line's pieces by their order, not
    under their columns), or a name cut by the wrap (市工业和信 / 息化局)."""
    return open_units(last) or cut_name_goes_on(last, row, roles) or label_goes_on(last, row, roles)


def _number_of(values: Sequence[tuple[str, str]]) -> str:
    """The row's number value (written, or continued from above), else ""."""
    for r, v in values:  # a loop: see the note at the top
        if r == "number":
            return v
    return ""


def _numbered_from_text(
    values: list[tuple[str, str]], own_number: str, roles: Sequence[str]
) -> tuple[list[tuple[str, str]], str]:
    """In a table with no 序号 column, the number the text cell opens with
    (`_number_in_text`) numbers the row: (values, the row's own number)."""
    if "number" in roles:
        return values, own_number
    text_at = next((k for k, (r, _) in enumerate(values) if r == "text"), None)
    split = _number_in_text(values[text_at][1]) if text_at is not None else None
    if text_at is None or split is None:
        return values, own_number
    values = list(values)
    values[text_at] = ("text", split[1])
    values.append(("number", split[0]))
    return values, split[0]


class _Filled(NamedTuple):
    """A body row's cells as (role, text), merges filled."""

    values: list[tuple[str, str]]
    inherited: list[str]  # roles whose text is a copy of the value above
    unmarked: tuple[str, ...]  # inheriting roles empty with no merge mark
    own_number: str  # the 序号 the row writes, "" if none


class _Merges:
    """The value above each column, for the cells a merge (or a copy that
    lost it) leaves empty."""

    def __init__(self, roles: Sequence[str], with_persons: frozenset[int], *, explicit: bool):
        self.roles = roles
        self.with_persons = with_persons
        self.explicit = explicit
        self.previous: dict[int, str] = {}
        self.blank_columns: set[int] = set()  # LEFT_BLANK columns seen blank with nothing above

    def fill(self, row: Row, texts: Sequence[str]) -> _Filled:
        # 注：… in one cell, the others empty (a web page's or PDF's row the
        # note was meant to span): a footnote takes no units from above.
        filled = [t for t in texts if t.strip()]
        note_row = len(filled) == 1 and is_footnote(filled[0])
        roles = self.roles
        values: list[tuple[str, str]] = []
        inherited: list[str] = []
        unmarked: list[str] = []
        own_number = ""
        for col, cell in enumerate(row.cells):
            role = roles[col] if col < len(roles) else "extra"
            text = cell.text.strip()
            if cell.merged_left and col > 0 and role == "extra":
                continue  # the cell to its left spans a column no role claims: no value of its own
            if cell.merged_left and col > 0:
                text = values[-1][1]
                inherited.append(role)
            elif cell.merged_up or (
                not text and role in INHERITING and not self.explicit and not note_row
            ):
                text = self.previous.get(col, "")
                if not cell.merged_up:
                    unmarked.append(role)
                    if role in LEFT_BLANK and not text:
                        self.blank_columns.add(col)
                    if col in self.blank_columns:
                        text = ""
                if text:
                    inherited.append(role)
            elif role == "number":
                own_number = text
            self.previous[col] = text
            if col in self.with_persons and text:
                text, persons = persons_apart(text)
                if persons:
                    values.append(("leaders", "、".join(persons)))
            values.append((role, text))
        return _Filled(values, inherited, tuple(unmarked), own_number)


class _Groups:
    """Group title rows (一、…, （一）… spanning the table) and the rows under
    them: each title is the part or section of the rows that follow."""

    def __init__(self, roles: Sequence[str], *, numeral_groups: bool):
        self.roles = roles
        self.numeral_groups = numeral_groups
        self.levels: list[str] = []  # marker styles of title rows, outermost first
        self.titles: dict[str, str] = {}  # role → the title over the rows now read
        self.fresh: set[str] = set()  # title roles not yet given to a row

    def took_title(self, row: Row, residue: list[Residue]) -> bool:
        """Whether `row` is a group title (taken here, or set aside as
        residue where the table's own columns name the groups)."""
        # A cell spanning columns (w:gridSpan, a PDF region) is one cell: its
        # copies in the columns it covers are not texts of their own.
        spanned = [c.text for c in row.cells if not c.merged_left]
        heading = _heading_row(spanned, numeral_groups=self.numeral_groups)
        if heading is None:
            return False
        style = _marker_style(heading)
        if style not in self.levels:
            self.levels.append(style)
        level = self.levels.index(style)
        role = ("part", "section")[min(level, 1)] if "part" not in self.roles else "section"
        if role in self.roles:
            # The table has its own 方面/任务 column: a full-width title row
            # cannot be placed in it without overriding what the rows say.
            reason = "group title row in a table whose columns name the groups"
            residue.append(Residue(text=heading, reason=reason, span=row.span))
            return True
        for r in [role, "section"] if role == "part" else [role]:
            if r in self.fresh:  # a group title no row ever stood under
                residue.append(Residue(text=self.titles[r], reason=_EMPTY_GROUP, span=row.span))
                self.fresh.discard(r)
            self.titles.pop(r, None)
        self.titles[role] = heading
        self.fresh.add(role)
        return True

    def over(
        self, values: list[tuple[str, str]], inherited: list[str]
    ) -> tuple[list[tuple[str, str]], list[str]]:
        """A row's values with the titles it stands under (where no column of
        the table names that group); a title given to an earlier row is
        inherited."""
        for role, title in self.titles.items():
            if role not in self.roles:
                values.append((role, title))
                if role not in self.fresh:
                    inherited.append(role)
        return values, inherited

    def unplaced(self, span: Span) -> list[Residue]:
        """Titles no row stood under, at the table's end."""
        return [Residue(text=self.titles[r], reason=_EMPTY_GROUP, span=span) for r in self.fresh]


_EMPTY_GROUP = "group title row with no table row under it"


def _marker_style(text: str) -> str:
    m = g.MARKER.match(text)
    if m is None:
        return "unmarked"  # a one-cell title row without a marker
    return next(s for s in g.STYLES if m[s] is not None)


def join_cell_lines(text: str) -> str:
    """A text cell's line breaks are where the clerk or the layout wrapped it."""
    return "".join(part.strip() for part in text.split("\n"))

"""The header of a table flattened to text: where it is, how its cells are
separated, and what kind of value each column holds.

A table is recognised only by its header words (data/columns.toml, through
`column_role`), so prose is never taken for a table.  The header is looked
for in two forms:

- on one line, its cells apart by ``|``, tabs, wide gaps or single spaces
  (``序号 工 作 任 务 牵头负责部门``: letter-spaced words are joined back when
  the joined word names a column);
- one cell per line (or per paragraph, or per line closed by ``|``), a cell
  wrapped over two lines (``市政府`` / ``分管领导``) joined back when the
  joined text names a column.

A header on one line may have a second row under it naming the columns a
merged cell spans (``责任单位 | |`` over ``牵头单位 | 配合单位``).  Each column
gets a `Kind` from its role: what its cells look like, which the aligner
(read/text/align.py) compares every cell against.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Sequence

import attrs

from ..._support.lazy_regex import lazy_compile
from ...data import load
from .cells import Mode, Sep, is_bar, is_blank, split_line
from .header_tails import tails_below
from .tables import _simplified, column_role, looks_like_header, norm_header

__all__ = ["Column", "Header", "Kind", "columns_of", "find_header", "header_variants"]


class Kind(str, enum.Enum):
    """What a column's cells hold, by the role its header names."""

    NUMBER = "number"  # 1, 36-1, （一）
    TEXT = "text"  # the measure: a sentence, maybe opening with its number
    GROUP = "group"  # a group title: 一、…, a short phrase
    LEAD = "lead"  # units: a lead, a combined list, the higher level's units
    SUPPORT = "support"  # supporting units (may be empty)
    PERSONS = "persons"  # 责任领导, 分管领导: names and positions
    DEADLINE = "deadline"  # 2024年底前, 持续推进
    EXTRA = "extra"  # anything (备注, a column no list names)


_UNITS_ROLES = {"lead", "units", "responsible", "units_local", "upper", "combined"}


@attrs.frozen(kw_only=True)
class Column:
    name: str  # as written ("" where a merged header cell left it empty)
    role: str | None
    kind: Kind
    implied: bool = False  # a column the header does not write (its 序号)


@attrs.frozen(kw_only=True)
class Header:
    """A header found at `first_line`; the body starts at `body_line`."""

    mode: Mode
    framed: bool  # rows open with a bar (| a | b |): that bar is no cell boundary
    rows: tuple[tuple[tuple[str, int], ...], ...]  # each header row: (text, line) per cell
    columns: tuple[Column, ...]
    first_line: int
    body_line: int
    cell_sep: Sep | None  # what separated two header cells (one cell per line)


# A header cell: short, no sentence or list punctuation.
_HEADERISH = lazy_compile(r"^[^。；;！？，,：:、|]{1,16}$")
# A cell that is only a row number or a marker: never a header cell.
_ANCHOR = lazy_compile(
    r"^(?:\d+(?:\s*[-－—.．]\s*\d+)*\s*[.．、]?|[（(]\s*[〇零一二两三四五六七八九十百]+\s*[）)]"
    r"|[〇零一二两三四五六七八九十百]+\s*、)$"
)


@functools.cache
def _extra_words() -> frozenset[str]:
    return frozenset(norm_header(w) for w in load("columns").get("extra", {}).get("words", []))


def _is_extra(text: str) -> bool:
    """A remarks column's word (备注, 備註): it names no role but ends a header."""
    h = norm_header(text)
    return h in _extra_words() or (len(h) <= 16 and _simplified(h) in _extra_words())


def _is_header_cell(text: str) -> bool:
    t = text.strip()
    return bool(_HEADERISH.match(t)) and not _ANCHOR.match(t)


def kinds_of(roles: Sequence[str | None]) -> list[Kind]:
    """Column roles → kinds.  Of two columns named like the measure text, the
    last holds it and the others group (segment.table_header._demote_duplicates)."""
    texts = [k for k, r in enumerate(roles) if r == "text"]
    out: list[Kind] = []
    for k, r in enumerate(roles):
        if r == "number":
            out.append(Kind.NUMBER)
        elif r == "text":
            out.append(Kind.TEXT if k == texts[-1] else Kind.GROUP)
        elif r in ("part", "section", "national_task"):
            out.append(Kind.GROUP)
        elif r in _UNITS_ROLES:
            out.append(Kind.LEAD)
        elif r == "support":
            out.append(Kind.SUPPORT)
        elif r == "leaders":
            out.append(Kind.PERSONS)
        elif r == "deadline":
            out.append(Kind.DEADLINE)
        else:
            out.append(Kind.EXTRA)
    # 牵头单位 | 责任单位 | 配合单位: a units column beside a lead names supporters.
    if "lead" in roles:
        out = [
            Kind.SUPPORT if k is Kind.LEAD and roles[i] in ("units", "responsible") else k
            for i, k in enumerate(out)
        ]
    return out


def columns_of(names: Sequence[str]) -> tuple[Column, ...]:
    roles = [column_role(n) if n.strip() else None for n in names]
    kinds = kinds_of(roles)
    return tuple(
        Column(name=n, role=r, kind=k) for n, r, k in zip(names, roles, kinds, strict=True)
    )


def header_variants(header: Header, numbers: int, rows: int) -> list[tuple[Column, ...]]:
    """The header as written, and where it names no 序号 column although the
    body has bare numbers (a header that omits the 序号 cell), the header
    with one implied at each position: the aligner keeps the cheapest."""
    out = [header.columns]
    has_number = any(c.kind is Kind.NUMBER for c in header.columns)
    if not has_number and numbers >= 1:
        implied = Column(name="", role="number", kind=Kind.NUMBER, implied=True)
        for p in range(len(header.columns) + 1):
            out.append((*header.columns[:p], implied, *header.columns[p:]))
    return out


# --- one line ------------------------------------------------------------------


def _inline_mode(line: str) -> Mode | None:
    s = line.replace("｜", "|").strip(" \u3000\u00a0\ufeff")
    if "|" in s:
        return Mode.PIPE
    if "\t" in s:
        return Mode.TAB
    # A gap is two spaces or a wide one: looked for only where one stands
    # (most lines of a notice are prose, asked here line by line).
    if ("  " in s or "\u3000" in s or "\u00a0" in s) and lazy_gap.search(s):
        return Mode.GAP
    if " " in s.strip():
        return Mode.SPACE
    return None


lazy_gap = lazy_compile(r"\S(?: {2,}|[\u3000\u00a0]+)\S")


def _spaced_words(tokens: Sequence[str]) -> list[str] | None:
    """序号 工 作 任 务 牵头负责部门 → 序号 / 工作任务 / 牵头负责部门: the
    tokens joined into the fewest words, every joined word naming a column;
    a token left alone may name none (备注)."""
    n = len(tokens)
    best: list[tuple[int, int, int] | None] = [None] * (n + 1)  # (unnamed, words, start)
    best[0] = (0, 0, 0)
    for j in range(1, n + 1):
        for i in range(max(0, j - 8), j):
            prev = best[i]
            if prev is None:
                continue
            word = "".join(tokens[i:j])
            named = column_role(word) is not None
            if not named and (j - i > 1 or not _is_header_cell(word)):
                continue
            cand = (prev[0] + (not named), prev[1] + 1, i)
            cur = best[j]
            if cur is None or cand[:2] < cur[:2]:
                best[j] = cand
    if best[n] is None:
        return None
    words: list[str] = []
    j = n
    while j > 0:
        entry = best[j]
        assert entry is not None
        i = entry[2]
        words.append(" ".join(tokens[i:j]))
        j = i
    return words[::-1]


def _one_line(lines: Sequence[str], k: int, end: int) -> Header | None:
    mode = _inline_mode(lines[k])
    if mode is None:
        return None
    pieces = split_line(lines[k], mode)
    framed = pieces.opened
    cells = list(pieces.texts)
    if mode is Mode.SPACE:
        words = _spaced_words([c for c in cells if c])
        if words is None:
            return None
        cells = words
    if len(cells) < 2 or not looks_like_header(cells):
        return None
    if any(c and column_role(c) is None and not _is_header_cell(c) for c in cells):
        return None
    placed = [(c, k) for c in cells]
    body = k + 1
    closed = pieces.closed
    # A header line re-wrapped by a PDF copy goes on on the next line: the
    # rest of its last cell (配合单 / 位) or more column words.
    if mode in (Mode.SPACE, Mode.GAP) and body < end:
        # 牵头 / 单位: the tails of cells a narrow column wrapped, each under
        # its cell (read/text/header_tails.py).
        tails = tails_below(lines[k], lines[body], [c for c, _ in placed])
        if tails is not None:
            placed = [(t, k) for t in tails]
            body += 1
    while body < end and not is_blank(lines[body]):
        # A bar opening the next line after an open one is the cut cell's end.
        more = split_line(lines[body], mode, framed=framed or not closed)
        texts = list(more.texts)
        # A second header row starts with the empty cells over its unnamed
        # columns; a continuation starts with the rest of a cell or a new one.
        if not texts[0] or (mode is Mode.SPACE and not all(texts)):
            break
        if not closed and column_role(placed[-1][0] + texts[0]) is not None:
            placed[-1] = (placed[-1][0] + texts[0], placed[-1][1])
            texts = texts[1:]
        if mode is Mode.SPACE and texts:
            joined = _spaced_words(texts)
            if joined is None:
                break
            texts = joined
        # (An empty cell here is one a merged header cell spans: 责任单位 | |.)
        if not all(not t or column_role(t) is not None or _is_extra(t) for t in texts):
            break
        placed += [(t, body) for t in texts]
        closed = more.closed
        body += 1
    cells = [c for c, _ in placed]
    rows = [tuple(placed)]
    names = list(cells)
    # A second header row under a merged cell: every cell it fills names a
    # column (牵头单位 | 配合单位 under 责任单位).
    nxt = body
    while nxt < end and is_blank(lines[nxt]):
        nxt += 1
    if nxt < end and mode in (Mode.PIPE, Mode.TAB):
        sub = list(split_line(lines[nxt], mode, framed=framed).texts)
        filled = [t for t in sub if t]
        if (
            filled
            and len(sub) <= len(cells) + 1
            and len(filled) < len(cells)
            and all(column_role(t) is not None for t in filled)
        ):
            sub = (sub + [""] * len(cells))[: len(cells)]
            merged = [s or c for s, c in zip(sub, cells, strict=True)]
            rows.append(tuple((t, nxt) for t in sub))
            names = merged
            body = nxt + 1
    return Header(
        mode=mode,
        framed=framed,
        rows=tuple(rows),
        columns=columns_of(names),
        first_line=k,
        body_line=body,
        cell_sep=None,
    )


# --- one cell per line -----------------------------------------------------------


def _join_wrapped(cells: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A header cell wrapped over two lines (市政府 / 分管领导): joined when the
    joined text names a column and one of its halves does not."""
    out = list(cells)
    k = 0
    while k < len(out) - 1:
        a, b = out[k], out[k + 1]
        joined = a[0] + b[0]
        if column_role(joined) is not None and (
            column_role(a[0]) is None or column_role(b[0]) is None
        ):
            out[k : k + 2] = [(joined, a[1])]
            continue
        k += 1
    return out


def _vertical(lines: Sequence[str], k: int, end: int) -> Header | None:
    first = split_line(lines[k], Mode.LINE)
    if len(first.texts) != 1 or not _is_header_cell(first.texts[0]):
        return None
    if column_role(first.texts[0]) is None:
        return None
    cells: list[tuple[str, int]] = []
    seps: list[Sep] = []
    blanks = bars = 0
    closed = False
    j = k
    while j < end:
        line = lines[j]
        if is_blank(line):
            blanks += 1
        elif is_bar(line):
            bars += max(1, line.count("|") + line.count("｜"))
        else:
            pieces = split_line(line, Mode.LINE)
            if len(pieces.texts) != 1 or not _is_header_cell(pieces.texts[0]):
                break
            if cells:
                seps.append(Sep(blanks=blanks, bars=bars, closed=closed, opened=pieces.opened))
            cells.append((pieces.texts[0], j))
            blanks = bars = 0
            closed = pieces.closed
        j += 1
    # Short body cells after the header (a group title) name no column: the
    # header ends at its last column word (or a known remarks word, 备注).
    while cells and column_role(cells[-1][0]) is None and not _is_extra(cells[-1][0]):
        cells.pop()
    cells = _join_wrapped(cells)
    if len(cells) < 2 or not looks_like_header([c for c, _ in cells]):
        return None
    last = cells[-1][1]
    # What separated the header cells: the most common separator between them.
    between = [s for s in seps[: len(cells) - 1]]
    common = max(set(between), key=between.count) if between else None
    return Header(
        mode=Mode.LINE,
        framed=True,
        rows=(tuple(cells),),
        columns=columns_of([c for c, _ in cells]),
        first_line=k,
        body_line=last + 1,
        cell_sep=common,
    )


def find_header(lines: Sequence[str], k: int, end: int) -> Header | None:
    """A table header starting at line k, or None."""
    if is_blank(lines[k]) or is_bar(lines[k]):
        return None
    return _one_line(lines, k, end) or _vertical(lines, k, end)

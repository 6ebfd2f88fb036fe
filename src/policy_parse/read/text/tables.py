"""Tables flattened to text (copied from a browser or a PDF), rebuilt as grids.

A browser or PDF viewer loses a table's ruling when its text is copied; what is
left takes one of a few shapes (docs/formats.md, "Tables written as text"):

- one cell per line, rows separated by blank (or lone ``|``) lines;
- one cell per paragraph: a blank line after every cell, an empty cell as one
  more blank line, nothing marking where a row ends;
- pipe rows ``a | b | c |``, a row under a rowspan having fewer cells;
- space-separated rows ``序号  重点任务  牵头单位``;
- key–value pairs ``重点工作: | … |`` then ``牵头单位: | … |`` (one record).

A table is recognised only by its header words (data/columns.toml, through
`column_role`), so prose is never taken for a table.  Where a run of short
lines holds column words but no row can be read, the lines become residue
whose reason starts with "looks like a table" (the segmenter reports it).
"""

from __future__ import annotations

import collections
import functools
import itertools
import unicodedata
from collections.abc import Sequence

import attrs
import regex

from ..._support.lazy_regex import lazy_compile
from ..._support.memo import text_cache
from ...data import load
from ...models import Cell, Paragraph, Residue, Row, Span, Table

# --- column words -----------------------------------------------------------

_SPACE = lazy_compile(r"[\s\u3000\u00a0\u200b\ufeff]+")


@text_cache()
def norm_header(text: str) -> str:
    """A header cell compared without width or whitespace (序 号 = 序号)."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


@functools.cache
def _traditional_marks() -> frozenset[str]:
    return frozenset(c for c in load("script")["traditional_only"] if not c.isspace())


@functools.cache
def _simplified(text: str) -> str:
    """序號 → 序号: the reader runs before a Traditional document is converted
    (normalize/script.py), and column words are Simplified.  Only text with a
    Traditional-only character pays for OpenCC."""
    if _traditional_marks().isdisjoint(text):
        return text
    import opencc

    out: str = opencc.OpenCC("t2s").convert(text)
    return out


@functools.cache
def _synonyms() -> dict[str, str]:
    roles: dict[str, list[str]] = load("columns")["roles"]
    return {norm_header(name): role for role, names in roles.items() for name in names}


@functools.cache
def _units_names() -> tuple[str, ...]:
    return tuple(name for name, role in _synonyms().items() if role == "units")


@functools.cache
def _pattern() -> dict[str, str]:
    """Role word + unit noun → role, every combination of data/columns.toml [pattern]."""
    p = load("columns")["pattern"]
    return {
        norm_header(word + noun): role
        for role in ("lead", "support", "responsible")
        for word in p[role]
        for noun in p["nouns"]
    }


def column_role(cell: str) -> str | None:
    """The role a header cell names, or None.

    Roles as in data/columns.toml [roles], plus ``units_local`` / ``upper``
    for a units header with a local / upper prefix (高新区责任部门) and
    ``responsible`` for units named without a lead mark (主要责任单位).
    """
    h = norm_header(cell)
    if not h or len(h) > 16:  # a header word is short; skip converting prose
        return None
    h = _simplified(h)
    syn = _synonyms()
    if h in syn:
        return syn[h]
    prefixes = load("columns")["prefixes"]
    for name in _units_names():
        if h.endswith(name) and len(h) > len(name):
            prefix = h[: -len(name)]
            if prefix in prefixes["local"]:
                return "units_local"
            if prefix in prefixes["upper"]:
                return "upper"
    # 县级牵头单位 / 县级配合单位 beside 市级牵头单位: the issuer's own lead and
    # supporters, and the higher level's units.
    for prefix in prefixes["local"]:
        if h.startswith(prefix) and (role := _lead_or_support(h[len(prefix) :])) is not None:
            return role
    for prefix in prefixes["upper"]:
        if h.startswith(prefix) and _lead_or_support(h[len(prefix) :]) is not None:
            return "upper"
    return _pattern().get(h)


def _lead_or_support(h: str) -> str | None:
    role = _synonyms().get(h) or _pattern().get(h)
    return role if role in ("lead", "support") else None


def looks_like_header(cells: Sequence[str]) -> bool:
    """Two column words, one of them the number or the measure text."""
    roles = [r for r in (column_role(c) for c in cells) if r is not None]
    return len(roles) >= 2 and bool({"number", "text"} & set(roles))


def _column_words(cells: Sequence[str]) -> list[str]:
    return [c.strip() for c in cells if column_role(c) is not None]


# --- patterns of the flattened shapes -----------------------------------------
# (The outline grammar lives in segment/; read/ cannot import it.  These few
# patterns only say where a row may start.)

_CN = "〇零一二两三四五六七八九十百"
# A cell that is only a row number (12, 36-1, 3.1) or an outline marker such
# as （一） / 一、: where a row starts in a one-cell-per-paragraph table.
_ANCHOR = lazy_compile(
    rf"""^(?:
        \d+(?:\s*[-－—.．]\s*\d+)*\s*[.．、]?    # 1 / 36-1 / 3.1 / 1.
      | [（(]\s*[{_CN}]+\s*[）)]                 # （一）
      | [{_CN}]+\s*、                            # 一、
    )$""",
    regex.VERBOSE,
)
# A row that is a group title: 一、… / （一）… / 第一部分…
_TITLE = lazy_compile(rf"^(?:[（(]\s*[{_CN}]+\s*[）)]|[{_CN}]+\s*、|第[{_CN}]+部分)")
# A header cell: short, no sentence or list punctuation, not a number.
_HEADERISH = lazy_compile(r"^[^。；;！？，,：:、|]{1,16}$")
# A pipe row: at least two cells between | signs (a | b, | a | b |).
_PIPE_ROW = lazy_compile(r"^[^|]*\|[^|]*\|?")
# A Markdown rule line under a pipe header: |---|:--:|
_RULE = lazy_compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
# A lone | between rows.
_BAR = lazy_compile(r"^\s*\|\s*$")
# A key–value line: 牵头单位: | 市某局 |  (value may go on over lines).
_KV = lazy_compile(r"^\s*(?P<key>[^|:：]{1,40}?)\s*[:：]\s*\|(?P<rest>.*)$")
# Columns of a space-separated row: two spaces, a tab or an ideographic space
# (a single space also occurs inside a cell, e.g. in a name 王 东).
_WIDE_GAP = lazy_compile(r"(?: {2,}|[\t\u3000]+)\s*")


def _is_blank(line: str) -> bool:
    return not line.strip() or bool(_BAR.match(line))


def _span(i: int, j: int | None = None) -> Span:
    """Lines i..j (0-based indices) as a 1-based span."""
    return Span(start_line=i + 1, end_line=(i if j is None else j) + 1)


@attrs.frozen
class Found:
    """What a detector read: a table or residue, and the first line after it."""

    blocks: tuple[Paragraph | Table, ...]
    residue: tuple[Residue, ...]
    end: int


def _no_rows(lines: Sequence[str], idx: Sequence[int], words: Sequence[str]) -> Found:
    reason = f"looks like a table (header words {'、'.join(words)}) but no rows were read"
    return Found(
        blocks=(),
        residue=tuple(Residue(text=lines[i].strip(), reason=reason, span=_span(i)) for i in idx),
        end=idx[-1] + 1,
    )


def _table(rows: list[Row]) -> Table:
    return Table(rows=tuple(rows), span=rows[0].span.cover(rows[-1].span))


def _row(cells: list[Cell]) -> Row:
    span = cells[0].span
    for c in cells[1:]:
        span = span.cover(c.span)
    return Row(cells=tuple(cells), span=span)


# --- key–value pairs ------------------------------------------------------------


def _key_value(lines: Sequence[str], i: int, end: int) -> Found | None:
    """重点工作: | … | / 牵头单位: | … |: one record per run of keys, a key
    seen again starting the next record."""
    pairs: list[tuple[str, str, int, int]] = []  # key, value, first and last line
    k = i
    while k < end:
        if not lines[k].strip():
            k += 1
            continue
        m = _KV.match(lines[k])
        if m is None:
            break
        first = k
        rest = m["rest"].strip()
        parts: list[str] = []
        # The value is closed by a trailing |; else it goes on over lines.
        while True:
            if rest.endswith("|"):
                parts.append(rest[:-1].strip())
                break
            parts.append(rest)
            # An unclosed value goes on up to a blank line at most.
            if k + 1 >= end or not lines[k + 1].strip() or _KV.match(lines[k + 1]):
                break
            k += 1
            rest = lines[k].strip()
        pairs.append((m["key"].strip(), "\n".join(p for p in parts if p), first, k))
        k += 1
    keys = list(dict.fromkeys(p[0] for p in pairs))
    if not pairs or not looks_like_header(keys):
        return None
    records: list[dict[str, tuple[str, int, int]]] = [{}]
    for key, value, a, b in pairs:
        if key in records[-1]:
            records.append({})
        records[-1][key] = (value, a, b)
    first_line = pairs[0][2]
    header = _row([Cell(text=key, span=_span(first_line)) for key in keys])
    rows = [header]
    for rec in records:
        cells = [
            Cell(text=rec[key][0], span=_span(rec[key][1], rec[key][2]))
            if key in rec
            else Cell(text="", span=_span(first_line))
            for key in keys
        ]
        rows.append(_row(cells))
    # The keys stand once in the grid's header but once per record in the
    # text: the repeats are kept as residue so no written word goes missing.
    seen: set[str] = set()
    repeats = []
    for key, _, a, _ in pairs:
        if key in seen:
            repeats.append(
                Residue(text=key, reason="key of a key–value table, repeated", span=_span(a))
            )
        seen.add(key)
    return Found(blocks=(_table(rows),), residue=tuple(repeats), end=k)


# --- pipe rows ------------------------------------------------------------------


def _pipe_cells(line: str) -> list[str]:
    s = line.strip()
    s = s.removeprefix("|").removesuffix("|")
    return [c.strip() for c in s.split("|")]


def _pipe_rows(lines: Sequence[str], i: int, end: int) -> Found | None:
    """a | b | c |: one row per line.  A row with fewer cells than the header
    lost its leading cells to a rowspan above: they are marked merged_up."""
    if _RULE.match(lines[i]) or not _PIPE_ROW.match(lines[i]):
        return None
    header = _pipe_cells(lines[i])
    if len(header) < 2 or not looks_like_header(header):
        return None
    n = len(header)
    rows = [_row([Cell(text=t, span=_span(i)) for t in header])]
    residue: list[Residue] = []
    k = i + 1
    last = i
    while k < end:
        line = lines[k]
        if _RULE.match(line):
            residue.append(
                Residue(text=line.strip(), reason="rule line of a pipe table", span=_span(k))
            )
        elif not line.strip():
            pass
        elif "|" in line and not _BAR.match(line):
            cells = _pipe_cells(line)
            missing = max(0, n - len(cells))
            row = [Cell(text="", span=_span(k), merged_up=True) for _ in range(missing)]
            row += [Cell(text=t, span=_span(k)) for t in cells]
            rows.append(_row(row))
        elif _BAR.match(line):
            pass
        else:
            break
        last = k
        k += 1
    if len(rows) == 1:
        return _no_rows(lines, [i], _column_words(header))
    return Found(blocks=(_table(rows),), residue=tuple(residue), end=last + 1)


# --- space-separated rows -------------------------------------------------------


def _spaced_rows(lines: Sequence[str], i: int, end: int) -> Found | None:
    """序号  重点任务  牵头单位: columns apart by wide gaps or tabs.  A row with more
    pieces than columns keeps the surplus in its text column (a guess the
    docs name); a line with one piece ends the table."""
    # Tab-separated (copied from a spreadsheet or Word): one tab per column
    # boundary, so two tabs hold an empty cell.  Otherwise any wide gap.
    tabbed = "\t" in lines[i].strip()

    def split(line: str) -> list[str]:
        if tabbed:
            return [p.strip() for p in line.strip(" \u3000\n").split("\t")]
        return _WIDE_GAP.split(line.strip())

    header = split(lines[i])
    if len(header) < 2 or not looks_like_header(header):
        return None
    # Between tabs an empty header cell is the rest of a merged one (责任单位
    # over 牵头单位 | 配合单位, the sub-columns named on the next line).
    if any(
        column_role(h) is None and not (_HEADERISH.match(h) or tabbed and not h) for h in header
    ):
        return None
    n = len(header)
    text_col = next((k for k, h in enumerate(header) if column_role(h) == "text"), None)
    rows = [_row([Cell(text=t, span=_span(i)) for t in header])]
    k = i + 1
    last = i
    while k < end:
        if not lines[k].strip():
            k += 1
            continue
        pieces = split(lines[k])
        if len(pieces) < 2 or "|" in lines[k]:
            break
        if len(pieces) > n and text_col is not None:
            surplus = len(pieces) - n
            pieces[text_col : text_col + surplus + 1] = [
                " ".join(pieces[text_col : text_col + surplus + 1])
            ]
        rows.append(_row([Cell(text=t, span=_span(k)) for t in pieces]))
        last = k
        k += 1
    if len(rows) == 1:
        return _no_rows(lines, [i], _column_words(header))
    return Found(blocks=(_table(rows),), residue=(), end=last + 1)


# --- one cell per line ------------------------------------------------------------


def _header_run(lines: Sequence[str], i: int, end: int) -> list[int]:
    """Indices of the short, header-like lines from i (blank lines between
    allowed), stopping at the first line that is not."""
    idx: list[int] = []
    k = i
    while k < end:
        s = lines[k].strip()
        if not s or _BAR.match(lines[k]):
            k += 1
            continue
        if not _HEADERISH.match(s) or _ANCHOR.match(s):
            break
        idx.append(k)
        k += 1
    return idx


def _cell_lines(lines: Sequence[str], i: int, end: int) -> Found | None:
    """One cell per line: rows apart by blank lines (grouped), or one cell per
    paragraph (every cell followed by a blank line, an empty cell one blank
    line more, rows found from where a number cell recurs)."""
    if not _HEADERISH.match(lines[i].strip()) or column_role(lines[i]) is None:
        return None
    idx = _header_run(lines, i, end)
    words = _column_words([lines[k] for k in idx])
    if not looks_like_header([lines[k] for k in idx]):
        return None
    grouped = all(idx[t + 1] == idx[t] + 1 for t in range(len(idx) - 1))
    found = _grouped_rows(lines, idx, end) if grouped else _paragraph_cells(lines, idx, end)
    return found if found is not None else _no_rows(lines, idx, words)


def _grouped_rows(lines: Sequence[str], idx: list[int], end: int) -> Found | None:
    n = len(idx)
    rows = [_row([Cell(text=lines[k].strip(), span=_span(k)) for k in idx])]
    k = idx[-1] + 1
    last = idx[-1]
    while k < end:
        if _is_blank(lines[k]):
            k += 1
            continue
        j = k
        while j < end and not _is_blank(lines[j]):
            j += 1
        group = list(range(k, j))
        # A row has one line per column, or starts with its number (a row
        # cut short); a lone line is a group title (一、… / （一）…).  Any
        # other group is prose after the table (its cells could not be
        # placed: an empty cell cannot show in this shape).
        first = lines[k].strip()
        if len(group) == 1:
            fits = bool(_TITLE.match(first))
        else:
            fits = len(group) == n or (len(group) < n and bool(_ANCHOR.match(first)))
        if not fits:
            break
        rows.append(_row([Cell(text=lines[t].strip(), span=_span(t)) for t in group]))
        last = j - 1
        k = j
    if len(rows) == 1:
        return None
    return Found(blocks=(_table(rows),), residue=(), end=last + 1)


def _paragraph_cells(lines: Sequence[str], idx: list[int], end: int) -> Found | None:
    # The stream of cells: a line is a cell; every blank line after the first
    # between two cells is an empty cell; adjacent lines are one cell.
    cells: list[tuple[str, int, int]] = []
    k = idx[-1] + 1
    blanks = 0
    last = idx[-1]
    while k < end:
        if _is_blank(lines[k]):
            blanks += 1
            k += 1
            continue
        if blanks > len(idx) + 1:
            break  # more blank lines than a row has cells: the table is over
        if blanks == 0 and cells:
            text, a, _ = cells[-1]
            cells[-1] = (text + "\n" + lines[k].strip(), a, k)
        else:
            cells.extend(("", k - b, k - b) for b in range(blanks - 1, 0, -1))
            cells.append((lines[k].strip(), k, k))
        blanks = 0
        last = k
        k += 1
    anchors = [t for t, (text, _, _) in enumerate(cells) if _ANCHOR.match(text)]
    gaps = collections.Counter(b - a for a, b in itertools.pairwise(anchors))
    n = gaps.most_common(1)[0][0] if gaps else len(idx)
    if not cells or n < 2:
        return None
    header = _merge_header([(lines[k].strip(), k) for k in idx], n)
    rows = [_row([Cell(text=t, span=_span(a, b)) for t, a, b in header])]
    if len(anchors) >= 2 and len(cells) - anchors[-1] > n:
        # The last numbered row ends the table: paragraphs after it (a note,
        # the signature) are cut the same way as cells but are no row.
        cells = cells[: anchors[-1] + n]
        last = cells[-1][2]
    starts = [0, *anchors] if not anchors or anchors[0] != 0 else anchors
    for s, e in zip(starts, [*starts[1:], len(cells)], strict=True):
        piece = cells[s:e]
        for c in range(0, len(piece), n):
            chunk = piece[c : c + n]
            if sum(1 for t, _, _ in chunk if t) == 1 and not _ANCHOR.match(chunk[0][0]):
                # A lone text spanning the row (a group title, its marker lost).
                chunk = [next(x for x in chunk if x[0])]
            rows.append(_row([Cell(text=t, span=_span(a, b)) for t, a, b in chunk]))
    return Found(blocks=(_table(rows),), residue=(), end=last + 1)


def _merge_header(cells: list[tuple[str, int]], n: int) -> list[tuple[str, int, int]]:
    """More header lines than columns: a header cell wrapped over lines
    (市政府 / 分管领导).  Join neighbours that are neither a column word,
    leftmost first, until the count fits."""
    out = [(t, k, k) for t, k in cells]
    while len(out) > n:
        for t in range(len(out) - 1):
            a, b = out[t], out[t + 1]
            if column_role(a[0]) is None and column_role(b[0]) is None:
                out[t : t + 2] = [(a[0] + b[0], a[1], b[2])]
                break
        else:
            break
    return out


# --- the region reader ---------------------------------------------------------------

_DETECTORS = (_key_value, _pipe_rows, _cell_lines, _spaced_rows)


def read_region(
    lines: Sequence[str], start: int, end: int
) -> tuple[list[Paragraph | Table], list[Residue]]:
    """Lines start..end (no tab-indented cells among them) → paragraphs, and
    tables where a header is recognised."""
    blocks: list[Paragraph | Table] = []
    residue: list[Residue] = []
    # Detectors see the full-width bar ｜ as | (a separator, never cell text);
    # paragraphs keep the line as written.
    view = [line.replace("\uff5c", "|") for line in lines]
    k = start
    while k < end:
        if not lines[k].strip():
            k += 1
            continue
        found = next((f for d in _DETECTORS if (f := d(view, k, end)) is not None), None)
        if found is None:
            blocks.append(Paragraph(text=lines[k].strip(), span=_span(k)))
            k += 1
            continue
        blocks.extend(found.blocks)
        residue.extend(found.residue)
        k = found.end
    return blocks, residue

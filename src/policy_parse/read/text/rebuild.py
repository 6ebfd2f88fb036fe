"""A table flattened to text, rebuilt: header → cell stream → alignment → grid.

`read_table(lines, k, end)` is tried at every line of a text region
(read/text/tables.py, `read_region`): where a header starts at line k, the
lines after it are cut into a cell stream (read/text/cells.py) the way the
header's own cells were separated, aligned to the header's columns
(read/text/align.py), and returned as a `Table` whose `alignment` keeps the
cost, the runner-up's cost and the doubtful rows.  The table ends after its
last row that holds a row number or a unit (what follows, a closing note or
the signature, is read again as paragraphs).  A row that cannot be aligned
is residue with its reason, never a row with shifted cells.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

import attrs

from ..._support.gc_pause import gc_paused
from ..._support.lazy_regex import lazy_compile
from ...models import Paragraph, Residue, Span, Table
from .cells import PIPE, TAB, Stream, is_rule, split_line, stream
from .fit import cost, shape_of
from .grid import residue_of, to_table
from .header import Header, Kind, find_header, header_variants
from .placed import DOUBT, REPEAT, ROW_MAX, SURPLUS, TITLE, Aligned, Placed, cell_text
from .tables import column_role, looks_like_header, norm_header

__all__ = ["NO_ROWS", "UNALIGNED", "Rebuilt", "read_table"]

UNALIGNED = "table row that cannot be aligned to the header's columns"
# Read by normalize/structure.py (TABLE_TEXT_REASON): the report says so.
RULE = "rule line of a pipe table"
NO_ROWS = "looks like a table (header words {words}) but no rows were read"
# The price of a column the header does not write (its 序号): the header as
# written wins unless the implied column saves more than this.
_IMPLIED_PRICE = 2.0


@attrs.frozen(kw_only=True)
class Rebuilt:
    """What `read_table` read: a table or residue, and the first line after it."""

    blocks: tuple[Paragraph | Table, ...]
    residue: tuple[Residue, ...]
    end: int


def _anchored(
    stream: Stream, row: Sequence[Placed], aligned: Aligned, simplify: Callable[[str], str]
) -> bool:
    """A row that is surely a row: a row number, a unit, a numbered text, or
    cells apart by | or tabs (a closing note is no such line)."""
    atoms = range(row[0].start, row[-1].end)
    if any(stream.seps[a].inline in (PIPE, TAB) for a in atoms if a > row[0].start):
        return True
    for p in row:
        if p.column < 0:
            continue
        kind = aligned.columns[p.column].kind
        sh = shape_of(simplify(cell_text(stream, p.start, p.end)))
        if kind is Kind.NUMBER and (sh.number or sh.marker):
            return True
        if kind in (Kind.LEAD, Kind.SUPPORT) and sh.items and not sh.others:
            return True
        if kind is Kind.TEXT and sh.numbered:
            return True
    return False


# A cell dearer than this in its column fits no column well: the row is a guess.
MISFIT = 4.0
_SENTENCE_END = ("。", "；", ";", "！", "？")
_UNITS = (Kind.LEAD, Kind.SUPPORT)


def _guessed(
    stream: Stream,
    row: Sequence[Placed],
    aligned: Aligned,
    simplify: Callable[[str], str],
    words: frozenset[str],
    row_end: tuple[object, ...] | None,
    seen: dict[tuple[str, int], bool],
) -> bool:
    """A row the cheapest alignment reads, but on a guess no runner-up shows:
    an unmarked sentence standing alone as a group title (or is it a row's
    text under merged cells?), a cell that fits its column badly (a sentence
    as a deadline), or a header word in a body row (a repeated header the
    reader did not see whole, its cells spread over rows).  `seen` keeps the
    verdict on a cell's text in a column (a table repeats its units and
    deadlines in every row)."""
    for p in row:
        for a in range(p.start + 1, p.end):
            # The cell goes on over the separator that ends this table's rows:
            # the row may have ended there — unless both sides name units (a
            # cell's names one per line) and the piece before ends no sentence.
            if stream.seps[a].key == row_end and _may_end_row(
                stream.atoms[a - 1].text, stream.atoms[a].text
            ):
                return True
        key = (cell_text(stream, p.start, p.end), p.column)
        verdict = seen.get(key)
        if verdict is None:
            verdict = seen[key] = _cell_guessed(key[0], p.column, aligned, simplify, words)
        if verdict:
            return True
    return False


def _cell_guessed(
    written: str,
    column: int,
    aligned: Aligned,
    simplify: Callable[[str], str],
    words: frozenset[str],
) -> bool:
    """The verdict of `_guessed` on one cell's text placed in `column`."""
    text = simplify(written)
    if not text:
        return False
    sh = shape_of(text)
    if column == TITLE:
        return not (sh.titled or sh.marker) and text.rstrip().endswith(_SENTENCE_END)
    if column < 0:
        return False
    if norm_header(text) in words:
        return True
    kind = aligned.columns[column].kind
    if cost(sh, kind) >= MISFIT:
        return True
    # A list of units with a stray item: a name a line break cut, its rest
    # perhaps read as the next cell.
    return bool(sh.others and sh.units >= 0.5 and (sh.items >= 3 or kind in _UNITS))


def _may_end_row(before: str, after: str) -> bool:
    if before.rstrip().endswith(_SENTENCE_END):
        return True
    a, b = shape_of(before), shape_of(after)
    return not (a.items and not a.others and b.items and not b.others)


def _row_end(stream: Stream, aligned: Aligned) -> tuple[object, ...] | None:
    """The separator most rows of the alignment start after."""
    keys = Counter(stream.seps[p.start].key for p in aligned.placed if p.new_row)
    return keys.most_common(1)[0][0] if keys else None


def _unaligned(stream: Stream, row: Sequence[Placed], cost: float) -> bool:
    if any(p.column == SURPLUS and cell_text(stream, p.start, p.end) for p in row):
        return True
    if row[0].column in (TITLE, REPEAT):
        return False
    return cost > ROW_MAX


def _words(header: Header) -> str:
    from .tables import column_role

    return "、".join(t.strip() for row in header.rows for t, _ in row if column_role(t))


def _no_rows(lines: Sequence[str], header: Header) -> Rebuilt:
    reason = NO_ROWS.format(words=_words(header))
    idx = sorted({ln for row in header.rows for _, ln in row})
    return Rebuilt(
        blocks=(),
        residue=tuple(
            Residue(
                text=lines[i].strip(), reason=reason, span=Span(start_line=i + 1, end_line=i + 1)
            )
            for i in idx
        ),
        end=idx[-1] + 1,
    )


def _simplifier(header: Header) -> Callable[[str], str]:
    """A Traditional table's cells are judged in Simplified script (the words
    that judge them are Simplified): OpenCC's t2s when the header needed it."""
    from .tables import _simplified, norm_header

    names = [norm_header(t) for row in header.rows for t, _ in row if t.strip()]
    if all(_simplified(n) == n for n in names):
        return _same
    return _simplified_text


def _same(text: str) -> str:
    return text


def _simplified_text(text: str) -> str:
    from .tables import _t2s, _t2s_changes

    if _t2s_changes().isdisjoint(text):
        return text
    import opencc

    out: str = _t2s(opencc).convert(text)
    return out


def _numbers(s: Stream) -> int:
    return sum(1 for a in s.atoms if a.text and shape_of(a.text).number)


# A bare attachment mark (附件2, 附件：) on a line of its own: what follows
# it is another attachment, never a cell of the table above.
_ATTACHMENT = lazy_compile(r"^\s*附\s*件\s*[0-9０-９一二三四五六七八九十]{0,3}\s*[：:]?\s*$")


def _next_table(lines: Sequence[str], header: Header, end: int) -> int:
    """Where the table under `header` must end at the latest: a bare 附件N
    line, or another header — a line whose cells are column words other than
    this header's (附件1's 分工表 then 附件2's, columns apart).  The header
    repeated at a page break is the same words, and no end."""
    own = frozenset(norm_header(t) for hrow in header.rows for t, _ in hrow if t.strip())
    for i in range(header.body_line, end):
        line = lines[i]
        if _ATTACHMENT.match(line):
            return i
        texts = [t for t in split_line(line, header.mode, framed=header.framed).texts if t]
        if not texts or column_role(texts[0]) is None:  # rows open with a number or a task
            continue
        if looks_like_header(texts) and not {norm_header(t) for t in texts} <= own:
            return i
    return end


def read_table(lines: Sequence[str], k: int, end: int) -> Rebuilt | None:
    """A table whose header starts at line k (lines up to `end`), or None."""
    # A long table's stream, alignment and grid are many small acyclic records:
    # the collector would walk them over and over (_support/gc_pause.py).
    # Asked at every line of a prose region: most have no header, told
    # before the collector is paused.
    header = find_header(lines, k, end)
    if header is None:
        return None
    with gc_paused():
        return _read_table(lines, header, end)


def _read_table(lines: Sequence[str], header: Header, end: int) -> Rebuilt | None:
    end = _next_table(lines, header, end)
    s = stream(lines, header.body_line, end, header.mode, framed=header.framed)
    if not s.atoms:
        return _no_rows(lines, header)
    # The aligner (and its forward and backward passes) only once a header
    # has rows: most regions of a notice are prose.
    from .align import align

    simplify = _simplifier(header)
    rows_guess = max(1, len(s.atoms) // max(1, len(header.columns)))
    best: Aligned | None = None
    best_price = 0.0
    for columns in header_variants(header, _numbers(s), rows_guess):
        aligned = align(s, header, columns, simplify)
        # An implied column must earn its place.
        price = aligned.cost + (_IMPLIED_PRICE if columns != header.columns else 0.0)
        if best is None or price < best_price:
            best, best_price = aligned, price
    assert best is not None
    rows = best.rows()
    costs = best.row_cost
    # The table ends at its last row with a number or a unit, aligned or not
    # (one that is not is residue with a finding, not prose after the table).
    keep = [t for t, r in enumerate(rows) if _anchored(s, r, best, simplify)]
    if not any(not _unaligned(s, rows[t], costs[t]) for t in keep):
        return _no_rows(lines, header)
    last = keep[-1]
    kept_rows: list[Sequence[Placed]] = []
    residue: list[Residue] = []
    doubtful: list[int] = []
    words = frozenset(norm_header(t) for hrow in header.rows for t, _ in hrow if t.strip())
    row_end = _row_end(s, best)
    seen: dict[tuple[str, int], bool] = {}
    for t in range(last + 1):
        r = rows[t]
        if _unaligned(s, r, costs[t]):
            residue.extend(residue_of(s, r, UNALIGNED))
            continue
        kept_rows.append(r)
        if r[0].column != REPEAT and (
            best.doubt[t] < DOUBT or _guessed(s, r, best, simplify, words, row_end, seen)
        ):
            doubtful.append(s.atoms[r[0].start].line + 1)
    table = to_table(s, header, best, kept_rows)
    assert table.alignment is not None
    table = attrs.evolve(table, alignment=attrs.evolve(table.alignment, doubtful=tuple(doubtful)))
    end_line = s.atoms[rows[last][-1].end - 1].line + 1
    # A Markdown rule line under the header (|---|---|) is no row: kept as residue.
    residue[:0] = [
        Residue(text=lines[i].strip(), reason=RULE, span=Span(start_line=i + 1, end_line=i + 1))
        for i in range(header.body_line, end_line)
        if is_rule(lines[i])
    ]
    return Rebuilt(blocks=(table,), residue=tuple(residue), end=end_line)

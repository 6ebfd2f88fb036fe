"""A 分工表 printed without ruling lines (an Excel sheet without gridlines, a
Word table with its borders off, a WPS export): its grid inferred from the
text's alignment, as ruling lines the lattice finder (`ruled_tables.find_tables`)
then reads like drawn ones (docs/pdf.md, "Tables without ruling lines").

Only a page with no ruled table is looked at (`tables.page_to_layout`), in
two ways:

- *headed*: a line whose words are column labels (data/columns.toml, the
  words the text reader knows a 分工表 header by: two of them, one the 序号
  or the measure text) starts a table.  Each pair of neighbouring labels must
  keep a white channel between them in every line below; the first line that
  fills one ends the table (prose after it), unless it is one short line
  followed by lines that keep every channel (a group title spanning the
  table).  Columns split in the middle of each channel;
- *continued*: a page with no header whose lines keep at least two white
  channels from its first line on.  Such a grid is only a candidate:
  `inferred.settle` keeps it where it continues an inferred table of the
  page before in the same columns, and otherwise gives the page its lines
  back.

Rows start where the 序号 column holds a number (the lowest wide white band
above it, so a number centred in its row still starts it at the row's top),
or, without a number column, at every band wider than a line gap.  Every
grid inferred here is marked (`Grid.inferred`), fitted and reported by
`layout.inferred`: the grid is a guess.  Where the rows start and the
rulings drawn for the grid are layout.borderless_rulings'.

Runs in the page workers: no attrs, no models, no `regex`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .borderless_lines import TextLine, add_ink, chunk_spans, ink_spans, text_lines, white
from .borderless_rulings import _column, _edges, _number_column, _text_column
from .labels import is_header, label_role
from .page_model import Char, Edge

__all__ = ["Inferred", "infer_rulings"]


# A channel white over this many lines of a header-less page is a column
# edge: a later line that fills it ends the table.
_SETTLED = 3
# A blank band this many type sizes high ends a table: a row gap is never
# so wide, the page number under the table is.
_END_GAP = 2.5


def _apart(lines: Sequence[TextLine], end: int) -> bool:
    """Line `end` stands below a blank too high for a row gap."""
    above = max(ln.bottom for ln in lines[:end])
    return lines[end].top - above > _END_GAP * max(lines[end].size, lines[end - 1].size)


@dataclass(slots=True)
class Inferred:
    """Ruling lines drawn where a grid stands unruled; `headed`: found from
    a header on the page (else a continuation candidate)."""

    edges: list[Edge]
    headed: bool


# ---------------------------------------------------------------------------
# Header


def _header_at(
    lines: list[TextLine], i: int
) -> tuple[list[tuple[float, float, str]], int, int] | None:
    """The header's labels if line `i` is a header line, with its first line
    and the line past its last: chunks joined where the joined text is a
    label (序 号 letter-spaced), the lines just above and below (a label
    wrapped in a narrow column: 牵头 / 单位) joined to the chunk they stand
    over or under."""
    line = lines[i]
    chunks = _join_spaced(line.chunks)
    if len(chunks) < 2:
        return None
    if not is_header([label_role(t) for _, _, t in chunks]):
        return None
    # Wrapped labels: the lines just above and below, near enough, their
    # chunks joined to the chunk they stand over or under (or standing alone
    # where the header's line has none there: 牵头 / 单位 centred on it);
    # kept where more chunks then read as labels.
    near = [
        j
        for j in (i - 1, i + 1)
        if 0 <= j < len(lines)
        and abs((lines[j].top + lines[j].bottom) - (line.top + line.bottom)) / 2 <= 1.6 * line.size
    ]
    best, first, past = chunks, i, i + 1
    known = sum(label_role(t) is not None for _, _, t in chunks)
    for trial in ([j] for j in near) if len(near) < 2 else ([near[0]], [near[1]], near):
        joined = _stack(
            chunks,
            [lines[j].chunks for j in trial if j < i],
            [lines[j].chunks for j in trial if j > i],
        )
        n = sum(label_role(t) is not None for _, _, t in joined)
        if n > known:
            best, known = joined, n
            first, past = min(i, *trial), max(i, *trial) + 1
    return best, first, past


def _wrapped(lines: list[TextLine], i: int, right: float) -> bool:
    """Line `i` is a row of labels the layout engine wrapped at the margin:
    its last chunk runs to the page's right text edge (`right`, the widest
    line's) and is no label (配合 of 配合单位, cut), and the next line
    starts at its left edge (the rest: 单位   完成时限).  Such a header was
    written as text, cells apart by spaces, and its rows wrap too: no
    channel runs down them, and the grid inferred from the header's line
    would hold one row.  Its lines stay lines (the text path reads them:
    read/text/paragraphs.py)."""
    line = lines[i]
    _, x1, last = line.chunks[-1]
    if x1 < right - 0.5 * line.size or label_role(last) is not None or i + 1 >= len(lines):
        return False
    nxt = lines[i + 1]
    return abs(nxt.chunks[0][0] - line.chunks[0][0]) <= 0.5 * line.size and not _apart(lines, i + 1)


def _stack(
    chunks: list[tuple[float, float, str]],
    above: list[list[tuple[float, float, str]]],
    below: list[list[tuple[float, float, str]]],
) -> list[tuple[float, float, str]]:
    """`chunks` with the chunks of the lines `above` and `below` stacked onto
    those they overlap (text above first), or standing alone."""
    out = list(chunks)
    for line, on_top in [(ln, True) for ln in above] + [(ln, False) for ln in below]:
        for a, b, t in line:
            k = next((k for k, c in enumerate(out) if a < c[1] and c[0] < b), None)
            if k is None:
                out.append((a, b, t))
                out.sort()
                continue
            x0, x1, text = out[k]
            out[k] = (min(a, x0), max(b, x1), t + text if on_top else text + t)
    return out


def _join_spaced(chunks: list[tuple[float, float, str]]) -> list[tuple[float, float, str]]:
    """Neighbouring chunks joined where together they are a label."""
    out: list[tuple[float, float, str]] = []
    k = 0
    while k < len(chunks):
        best = k
        for j in range(k + 1, min(len(chunks), k + 8)):
            if label_role("".join(c[2] for c in chunks[k : j + 1])) is not None:
                best = j
        if best > k and label_role(chunks[k][2]) is None:
            out.append((chunks[k][0], chunks[best][1], "".join(c[2] for c in chunks[k : best + 1])))
            k = best + 1
        else:
            out.append(chunks[k])
            k += 1
    return out


# ---------------------------------------------------------------------------
# The table's extent and columns


def _channel_in(
    ink: Sequence[tuple[float, float]], a: float, b: float
) -> tuple[float, float] | None:
    """The widest white channel between x = a and x = b."""
    whites = white(ink, a, b)
    return max(whites, key=lambda w: w[1] - w[0]) if whites else None


def _headed(
    lines: list[TextLine], header_end: int, labels: list[tuple[float, float, str]]
) -> tuple[int, list[float], list[int]]:
    """Below a header ending before line `header_end`: the index past the
    table's last line, the column boundaries, and the lines that span the
    table (group titles)."""
    centres = [(a + b) / 2 for a, b, _ in labels]
    ink: list[tuple[float, float]] = []
    add_ink(ink, [(a, b) for a, b, _ in labels])

    def keeps(extra: Sequence[tuple[float, float]]) -> bool:
        trial = list(ink)
        add_ink(trial, extra)
        return all(
            _channel_in(trial, centres[k], centres[k + 1]) is not None
            for k in range(len(centres) - 1)
        )

    spanning: list[int] = []
    end = header_end
    while end < len(lines) and not _apart(lines, end):
        spans = ink_spans(lines[end])
        if keeps(spans):
            add_ink(ink, spans)
            end += 1
            continue
        # A group title across the table: one chunk, the next line fits.
        nxt = end + 1
        if len(lines[end].chunks) == 1 and nxt < len(lines) and keeps(ink_spans(lines[nxt])):
            spanning.append(end)
            end += 1
            continue
        break
    bounds = []
    body = lines[header_end:end]
    for k in range(len(centres) - 1):
        # Of several channels between two labels, the one with the most
        # lines inked on its left (a right-aligned 序号 set close to the
        # task leaves a narrow channel right of the numbers, a wide one
        # left of them, under the label only); else the widest.
        lo = centres[k]
        ch = max(
            white(ink, lo, centres[k + 1]),
            key=lambda w, lo=lo: (  # type: ignore[misc]
                sum(any(lo <= x <= w[0] for x, _ in ln.glyphs) for ln in body),
                w[1] - w[0],
            ),
        )
        bounds.append((ch[0] + ch[1]) / 2)
    return end, bounds, spanning


def _headless(lines: list[TextLine]) -> tuple[int, int, list[float], list[int]] | None:
    """A page with no header: from its first line of several chunks, the
    lines that keep every settled channel (white over `_SETTLED` lines) and
    at least two channels (three columns) in all; (first, past the last,
    boundaries, the lines spanning the table)."""
    first = next((i for i, ln in enumerate(lines) if len(ln.chunks) >= 2), None)
    if first is None:
        return None
    ink: list[tuple[float, float]] = []
    add_ink(ink, chunk_spans(lines[first]))

    def channels(xs: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
        return white(xs, xs[0][0], xs[-1][1])

    ages = dict.fromkeys(channels(ink), 1)

    def trial(k: int) -> tuple[list[tuple[float, float]], list[tuple[float, float]]] | None:
        """Ink and channels with line `k` added, None if it fills a settled one."""
        more = list(ink)
        add_ink(more, chunk_spans(lines[k]))
        now = channels(more)
        settled = [ch for ch, age in ages.items() if age >= _SETTLED]
        if any(not any(n[0] < s[1] and s[0] < n[1] for n in now) for s in settled):
            return None
        return more, now

    spanning: list[int] = []
    end = first + 1
    while end < len(lines) and not _apart(lines, end):
        step = trial(end)
        if step is None:
            # A group title across the table: one chunk, the next line fits.
            nxt = end + 1
            if (
                len(lines[end].chunks) == 1
                and nxt < len(lines)
                and not _apart(lines, nxt)
                and trial(nxt) is not None
            ):
                spanning.append(end)
                end += 1
                continue
            break
        ink, now = step
        ages = {
            n: max((age for ch, age in ages.items() if n[0] < ch[1] and ch[0] < n[1]), default=0)
            + 1
            for n in now
        }
        end += 1
    found = channels(ink)
    # One line is enough where it has three chunks: a candidate is kept only
    # where its text fits the columns of the table before (inferred.settle).
    if len(found) < 2 or (end - first - len(spanning) < 2 and len(lines[first].chunks) < 3):
        return None
    return first, end, [(a + b) / 2 for a, b in found], [k - first for k in spanning]


# ---------------------------------------------------------------------------
# Rulings


def infer_rulings(chars: Sequence[Char]) -> Inferred | None:
    """Ruling lines for the unruled table on a page's visible characters, or
    None where no header (and no continued column layout) is found."""
    lines = text_lines(chars)
    if not lines:
        return None
    right = max(ln.chunks[-1][1] for ln in lines)
    for i in range(len(lines)):
        header = _header_at(lines, i)
        if header is None:
            continue
        labels, first, header_end = header
        if any(_wrapped(lines, j, right) for j in range(max(first, i - 1), header_end)):
            continue
        end, bounds, spanning = _headed(lines, header_end, labels)
        body = lines[header_end:end]
        if not body:
            return None
        return Inferred(
            _edges(
                lines[first:end],
                header_end - first,
                bounds,
                [s - first for s in spanning],
                _number_column(body, bounds, labels),
                _text_column(bounds, labels),
            ),
            headed=True,
        )
    found = _headless(lines)
    if found is None:
        return None
    first, end, bounds, spanning = found
    # Lines of one chunk above (the end of a row cut by the page break) that
    # cross no boundary and stand close.
    while (
        first > 0
        and not _apart(lines, first)
        and all(_column(bounds, a) == _column(bounds, b) for a, b in ink_spans(lines[first - 1]))
    ):
        first -= 1
        spanning = [k + 1 for k in spanning]
    body = lines[first:end]
    plain = [ln for k, ln in enumerate(body) if k not in spanning]
    return Inferred(
        _edges(body, 0, bounds, spanning, _number_column(plain, bounds, None)), headed=False
    )

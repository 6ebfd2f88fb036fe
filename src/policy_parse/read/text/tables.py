"""Tables flattened to text (copied from a browser or a PDF): where they are.

The column words live here (`column_role`: data/columns.toml, compared after
NFKC, whitespace removal and OpenCC t2s), and `read_region` walks a region of
text lines: where a header starts, the table after it is rebuilt by one
method whatever its layout (read/text/: a cell stream aligned to the
header's columns by dynamic programming, issue 21); key–value pairs
``重点工作: | … |`` name each cell's column themselves and are read here.
Every other line is a paragraph.

A table is recognised only by its header words, so prose is never taken for
a table.  Where a header is found but no row can be read, its lines become
residue whose reason starts with "looks like a table" (the segmenter reports
it).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, overload

from ..._support.brackets import open_at_end
from ..._support.lazy_regex import lazy_compile
from ..._support.memo import text_cache
from ...data import load
from ...models import Cell, Paragraph, Residue, Row, Span, Table

if TYPE_CHECKING:
    import regex

    from .rebuild import Rebuilt

# --- column words -----------------------------------------------------------

_SPACE = lazy_compile(r"[\s\u3000\u00a0\u200b\ufeff]+")


@text_cache(maxsize=65536)
def norm_header(text: str) -> str:
    """A header cell compared without width or whitespace (序 号 = 序号).
    Asked of every cell of a long table (a repeated header?): kept for as
    many texts as the cell shapes are (read/text/fit.py)."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


@functools.cache
def _vocabulary() -> frozenset[str]:
    """Every character of every column word (data/columns.toml)."""
    cols = load("columns")
    words = [w for names in cols["roles"].values() for w in names]
    words += [w for names in cols["prefixes"].values() for w in names]
    words += [w for key, names in cols["pattern"].items() for w in names]
    words += cols.get("extra", {}).get("words", [])
    return frozenset("".join(words))


@text_cache()
def _simplified(text: str) -> str:
    """序號 → 序号, 工作內容 → 工作内容: the reader runs before a Traditional
    document is converted (normalize/script.py), and column words are
    Simplified.  The whole cell goes through OpenCC's t2s, unless every
    character of it occurs in some column word (then no conversion can make
    a column word of it that it is not already) or none is one t2s changes
    (a Simplified cell: the common case, decided without loading OpenCC)."""
    if _vocabulary().issuperset(text) or _t2s_changes().isdisjoint(text):
        return text  # nothing OpenCC would change: not loaded for it
    import opencc

    out: str = _t2s(opencc).convert(text)
    return out


@functools.cache
def _t2s_changes() -> frozenset[str]:
    """The characters t2s changes on its own (data/script.toml)."""
    return frozenset(load("script")["t2s_changes"]) - frozenset(" \n")


@functools.cache
def _t2s(opencc: Any) -> Any:
    return opencc.OpenCC("t2s")


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


@text_cache(maxsize=16384)
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
    return _pattern().get(h) or _compound(h)


def _compound(h: str) -> str | None:
    """协同配合单位, 牵头主办部门: role words of one role run together before
    a unit noun."""
    p = load("columns")["pattern"]
    noun = next((n for n in p["nouns"] if h.endswith(n) and len(h) > len(n)), None)
    if noun is None:
        return None
    head = h[: -len(noun)]
    for role in ("lead", "support", "responsible"):
        words = sorted(p[role], key=len, reverse=True)
        rest = head
        count = 0
        while rest:
            w = next((w for w in words if rest.startswith(w)), None)
            if w is None:
                break
            rest = rest[len(w) :]
            count += 1
        if not rest and count >= 2:
            return role
    return None


def _lead_or_support(h: str) -> str | None:
    role = _synonyms().get(h) or _pattern().get(h)
    return role if role in ("lead", "support") else None


def looks_like_header(cells: Sequence[str]) -> bool:
    """Two column words, one of them the number or the measure text."""
    roles = [r for r in (column_role(c) for c in cells) if r is not None and r != "extra"]
    return len(roles) >= 2 and bool({"number", "text"} & set(roles))


# A key–value line: 牵头单位: | 市某局 |  (value may go on over lines).
_KV = lazy_compile(r"^\s*(?P<key>[^|:：]{1,40}?)\s*[:：]\s*\|(?P<rest>.*)$")
# The same with no bar (a portal's card layout: 序号：1 / 工作任务：… / 牵头单位：…):
# taken only when the key is a column word, so a label line under a measure
# (牵头单位：甲局) makes no table — a run of keys must still look like a
# header, with a number or task key (looks_like_header).
_PLAIN_KV = lazy_compile(r"^\s*(?P<key>[^|:：\s]{2,12})\s*[:：]\s*(?P<rest>[^|]*)$")


def _plain_pair(line: str) -> regex.Match[str] | None:
    m = _PLAIN_KV.match(line)
    return m if m is not None and column_role(m["key"]) is not None else None


def _span(i: int, j: int | None = None) -> Span:
    """Lines i..j (0-based indices) as a 1-based span."""
    return Span(start_line=i + 1, end_line=(i if j is None else j) + 1)


class Found:
    """What a detector read: a table or residue, and the first line after it.
    A plain class, read only here: an attrs class costs every process that
    imports this module (the PDF path does, for `norm_header`) its build."""

    __slots__ = ("blocks", "end", "residue")

    def __init__(
        self, blocks: tuple[Paragraph | Table, ...], residue: tuple[Residue, ...], end: int
    ) -> None:
        self.blocks = blocks
        self.residue = residue
        self.end = end


def _table(rows: list[Row]) -> Table:
    return Table(rows=tuple(rows), span=rows[0].span.cover(rows[-1].span))


def _row(cells: list[Cell]) -> Row:
    span = cells[0].span
    for c in cells[1:]:
        span = span.cover(c.span)
    return Row(cells=tuple(cells), span=span)


# --- key–value pairs ------------------------------------------------------------


class _Refused:
    """Where a run of key–value lines the detector refused ends, for one region.

    The region reader asks at every line: a run of 10,000 label lines
    (牵头单位：甲局 …) was read to its end from each of them, quadratic.  A
    later start reads a tail of the same run, whose keys are some of the
    refused ones (fewer column words: refused too) — unless the run was
    refused for a pair with no bars in it, and the tail after the last such
    pair may still be a barred table."""

    __slots__ = ("until",)

    def __init__(self) -> None:
        self.until = -1


def _key_value(
    lines: Sequence[str], i: int, end: int, refused: _Refused | None = None
) -> Found | None:
    """重点工作: | … | / 牵头单位: | … |: one record per run of keys, a key
    seen again starting the next record."""
    if refused is not None and i < refused.until:
        return None
    pairs: list[tuple[str, str, int, int]] = []  # key, value, first and last line
    barred = True  # every pair written key: | value |
    after_plain = i  # the line after the last pair with no bars
    k = i
    while k < end:
        if not lines[k].strip():
            k += 1
            continue
        if "：" not in lines[k] and ":" not in lines[k]:
            break  # both patterns need a colon: most lines asked here are prose
        m = _KV.match(lines[k])
        if m is None and (m := _plain_pair(lines[k])) is not None:
            barred = False
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
            if (
                k + 1 >= end
                or not lines[k + 1].strip()
                or _KV.match(lines[k + 1])
                or _plain_pair(lines[k + 1])
            ):
                break
            k += 1
            rest = lines[k].strip()
        pairs.append((m["key"].strip(), "\n".join(p for p in parts if p), first, k))
        k += 1
        if not barred and _KV.match(lines[first]) is None:  # this pair had none
            after_plain = k
    keys = list(dict.fromkeys(p[0] for p in pairs))
    if not pairs or not looks_like_header(keys):
        if refused is not None:
            refused.until = k
        return None
    if not barred and "number" not in {column_role(key) for key in keys}:
        # Without bars only a record numbered 序号：1 is a card: 具体措施：… /
        # 牵头单位：… under a numbered measure are its label lines.
        if refused is not None:
            refused.until = after_plain
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


# --- the region reader ---------------------------------------------------------------


def _rebuilt(lines: Sequence[str], i: int, end: int) -> Found | None:
    got = _table_reader()(lines, i, end)
    return None if got is None else Found(blocks=got.blocks, residue=got.residue, end=got.end)


@functools.cache
def _table_reader() -> Callable[[Sequence[str], int, int], Rebuilt | None]:
    """rebuild.read_table, imported on first use (read/text imports the
    column words above) and kept: an import statement ran at every line."""
    from .rebuild import read_table

    return read_table


# A wrap that fell on a space kept it: one ASCII space opening the next line
# (` 县财政局负责）`) or closing the line cut (`（县数据局 ` / `县财政局负责）`).
_SPACE_STARTED = lazy_compile(r" (?=[^\s])")
_SPACE_ENDED = lazy_compile(r"(?<=[^\s]) $")
# An annotation open at the end of a line: a bracket, or a label's colon
# after the last sentence end (its list may go on over the break).
_OPEN_LIST = lazy_compile(r"[：:][^。；;！？]*$")


def wrapped_on_a_space(before: str, cut: str, line: str, *, ends_count: bool = True) -> bool:
    """`line` goes on with the paragraph whose text up to it is `before`
    (its last line `cut`, as written) across a wrap that fell on the space between two
    names: the space kept at `line`'s start (exactly one: an indent is wider,
    or full-width) or at `cut`'s end (`ends_count`: unless most lines end so,
    as a PDF copy's may), and `before` ends inside an annotation — a bracket
    still open, or a label's colon in its last clause — on a character of a
    name.  Stripped, the space would be lost and the two names glued into
    one (`（县数据局` / ` 县财政局负责）`)."""
    spaced = _SPACE_STARTED.match(line) is not None or (
        ends_count and _SPACE_ENDED.search(cut) is not None and not line[:1].isspace()
    )
    if not spaced or not before or not before[-1].isalnum():
        return False
    return open_at_end(before) or _OPEN_LIST.search(before) is not None


_LOOK_BACK = 6  # lines an annotation opened before a break may span


def _run_before(lines: Sequence[str], k: int) -> str:
    """The lines before line k back to a blank one (at most _LOOK_BACK),
    joined: a bracket or a label opened a line or two above the break
    (`（` / `甲局 乙局 ` / `丙局负责）`) is still open at it."""
    first = k - 1
    while first > 0 and k - first < _LOOK_BACK and lines[first - 1].strip():
        first -= 1
    return "".join(ln.strip() for ln in lines[first:k])


def _ends_mostly_spaced(lines: Sequence[str]) -> bool:
    """Most lines holding text end in a space — or, in a text re-wrapped at a
    width, most lines that long: a copy's habit (a converter that ends each
    line it cut in a space), no trace of a space the text had at a cut."""
    from .cells import wrap_width  # the table path's: loaded only where a break asks

    texts = [ln for ln in lines if ln.strip()]
    if (width := wrap_width(lines)) is not None:
        texts = [ln for ln in texts if len(ln) >= width]
    return 2 * sum(ln[-1:].isspace() for ln in texts) > len(texts)


class _BarsAsPipes(Sequence[str]):
    """`lines` as the detectors read them, the full-width bar ｜ as |, each
    line as it is asked for: the whole text copied once per region was
    quadratic in a long text of many regions (a notice pasted 40 times: a
    third of its parse)."""

    __slots__ = ("_lines",)

    def __init__(self, lines: Sequence[str]) -> None:
        self._lines = lines

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [_pipes(line) for line in self._lines[i]]
        return _pipes(self._lines[i])


def _pipes(line: str) -> str:
    return line.replace("\uff5c", "|") if "\uff5c" in line else line


def read_region(
    lines: Sequence[str], start: int, end: int
) -> tuple[list[Paragraph | Table], list[Residue]]:
    """Lines start..end (no tab-indented cells among them) → paragraphs, and
    tables where a header is recognised."""
    blocks: list[Paragraph | Table] = []
    residue: list[Residue] = []
    # Detectors see the full-width bar ｜ as | (a separator, never cell text);
    # paragraphs keep the line as written.
    view = _BarsAsPipes(lines)
    ends_spaced = functools.cache(lambda: _ends_mostly_spaced(lines))
    refused = _Refused()
    k = start
    while k < end:
        if not lines[k].strip():
            k += 1
            continue
        found = _key_value(view, k, end, refused) or _rebuilt(view, k, end)
        if found is None:
            last = blocks[-1] if blocks else None
            if (
                isinstance(last, Paragraph)
                and last.span.end_line == k  # the line just before (spans count from 1)
                and (lines[k][:1] == " " or lines[k - 1][-1:] == " ")  # cheap, before the look back
                and wrapped_on_a_space(
                    _run_before(lines, k), lines[k - 1], lines[k], ends_count=not ends_spaced()
                )
            ):
                text = f"{last.text} {lines[k].strip()}"
                blocks[-1] = Paragraph(text=text, span=last.span.cover(_span(k)))
            else:
                blocks.append(Paragraph(text=lines[k].strip(), span=_span(k)))
            k += 1
            continue
        blocks.extend(found.blocks)
        residue.extend(found.residue)
        k = found.end
    return blocks, residue

"""Page furniture in text copied from a PDF: the page numbers (- 3 -, 第3页)
and the running head or foot printed beside each of them fall between the
lines of a measure, even inside its annotation. They are taken out as
residue with a reason, never dropped (docs/pdf.md, "Page furniture")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..._support.brackets import ANY_OPENER, OPENERS, depth
from ..._support.lazy_regex import lazy_compile
from ...models import Residue, Span
from ..footer import trailing_furniture
from .tables import column_role

__all__ = ["find_furniture"]

# Only forms no measure or table cell takes: a bare 3 may be a 序号 cell of a
# one-cell-per-line table, so a number needs dashes on both sides or 第…页.
_PAGE_NUMBER = lazy_compile(
    r"""(?x)  # verbose
    ^\s*(?:
        [-—–－]\s*\d{1,4}\s*[-—–－]                   # - 3 -   —3—
      | [·•∙・]\s*\d{1,4}\s*[·•∙・]                   # ·3·  (a gazette's footer)
      | 第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?   # 第3页  第3页 共9页
      | 共\s*\d{1,4}\s*页\s*[,，/]?\s*第\s*\d{1,4}\s*页     # 共9页 第3页
      | \d{1,4}\s*/\s*\d{1,4}                          # 3/9 (a browser's print footer)
    )\s*$
    """
)


def find_furniture(lines: Sequence[str], *, running_heads: bool = True) -> dict[int, Residue]:
    """Index of each furniture line → its residue. A line beside a page number
    is a running head only when the same text stands beside two of them
    (looked for unless not `running_heads`: paragraphs with no blank lines
    between, where a table's cell may stand beside two page numbers)."""
    # A cheap first-character test before any pattern: most lines are text.
    numbers = [
        k
        for k, ln in enumerate(lines)
        # An indent (two U+3000) before it is no text; stripped only where
        # there is one (a copy of each long line, else).
        if (ln.lstrip() if ln[:1].isspace() else ln)[:1] in _FIRST
        and (
            _PAGE_NUMBER.match(ln) is not None
            or _bare_in_bracket(lines, k)
            or _bare_between_rows(lines, k)
        )
    ]
    numbers = sorted({*numbers, *_bare_page_numbers(lines)})
    found = {k: _residue(lines[k], k, "page number left by a PDF copy") for k in numbers}
    # A copied web page's footer (主办单位… ICP备…) and a 公文's closing block
    # (抄送… 印发) at the end (read/footer.py).
    found.update((k, _residue(lines[k], k, why)) for k, why in trailing_furniture(lines))
    if len(numbers) < 2 or not running_heads:
        return found
    beside: list[int] = []
    for k in numbers:
        for step in (-1, 1):
            n = _next_text(lines, k, step)
            if n is not None and n not in found:
                beside.append(n)
    seen = Counter(lines[n].strip() for n in set(beside))
    for n in beside:
        if seen[lines[n].strip()] >= 2:
            found[n] = _residue(lines[n], n, "running head repeated at each page number")
    return found


def _bare_in_bracket(lines: Sequence[str], k: int) -> bool:
    """A bare 3 between a line that opens a bracket and one that closes it: a
    page number fell inside an annotation (no 序号 cell stands there)."""
    if not lines[k].strip().isdigit() or len(lines[k].strip()) > 4:
        return False
    before, after = _next_text(lines, k, -1), _next_text(lines, k, 1)
    if before is None or after is None:
        return False
    # The bracket may have opened a line or two higher, and close a line or
    # two lower, where the page also broke the annotation (…（县甲局牵头，县乙 /
    # 局、 / 5 / 县丙局配合）): up to `_REACH` lines on each side.
    # (A bracket opened needs an opener in those lines: most have none.)
    reach = "".join(lines[max(0, before - _REACH + 1) : before + 1])
    if ANY_OPENER.search(reach) is None:
        return False
    opened = any(
        depth("".join(lines[j : before + 1])) > 0
        for j in range(before, max(-1, before - _REACH), -1)
    )
    if not opened:
        return False  # (most bare numbers: a one-cell-per-line table's 序号)
    head = "".join(lines[after : after + _REACH])
    cut = min((i for i, c in enumerate(head) if c in OPENERS), default=len(head))
    return depth(head[:cut]) < 0


_REACH = 2


# A page of text copied from a PDF holds more lines than this: bare numbers
# closer together are a one-cell-per-line table's 序号 cells, not pages.
_PAGE_LINES = 12
_HEADER_WORD_MAX = 16  # a column's name, on a line of its own


def _bare_page_numbers(lines: Sequence[str]) -> list[int]:
    """Bare numbers on lines of their own that count pages: n, n+1 … each at
    least a page's lines after the one before (or one such number, 2 or
    more, a page from the start and from any other bare number), in a text
    with no 序号 header line — where one stands, bare numbers are its
    table's cells."""
    bare: list[tuple[int, int]] = []
    columns = 0
    for k, line in enumerate(lines):
        text = line.strip()
        role = column_role(text) if len(text) <= _HEADER_WORD_MAX else None
        if role == "number":
            return []  # 序号, 序 号, 序號: a table's number column
        if role is not None:
            columns += 1
            if columns >= 2:
                return []  # 工作任务 / 责任科室 on lines of their own: a flattened table's header
        if text.isdigit() and len(text) <= 4:
            bare.append((k, int(text)))
    chains: dict[int, list[tuple[int, int]]] = {}  # open chains by the number they await
    for k, n in bare:
        chain = chains.pop(n, None)
        if chain is None or k - chain[-1][0] < _PAGE_LINES:
            chain = []
        chain.append((k, n))
        chains[n + 1] = chain
    out: list[int] = []
    for chain in chains.values():
        if len(chain) >= 2:
            out.extend(k for k, _ in chain)
        elif chain[0][1] >= 2 and chain[0][0] >= _PAGE_LINES and _alone(chain[0][0], bare):
            out.append(chain[0][0])
    return out


def _alone(k: int, bare: list[tuple[int, int]]) -> bool:
    return all(j == k or abs(j - k) >= _PAGE_LINES for j, _ in bare)


def _bare_between_rows(lines: Sequence[str], k: int) -> bool:
    """A bare 3 between two rows written on one line each (| a | b | or a
    tab between cells): such a table keeps its 序号 inside the row, so the
    line is the page number of a break inside the table."""
    if not lines[k].strip().isdigit() or len(lines[k].strip()) > 4:
        return False
    before, after = _next_text(lines, k, -1), _next_text(lines, k, 1)
    return (
        before is not None
        and after is not None
        and _one_line_row(lines[before])
        and (_one_line_row(lines[after]))
    )


def _one_line_row(line: str) -> bool:
    text = line.strip()
    return text.count("|") >= 3 or len([c for c in text.split("\t") if c.strip()]) >= 3


_FIRST = frozenset("-—–－·•∙・第共 0123456789")


def _next_text(lines: Sequence[str], k: int, step: int) -> int | None:
    n = k + step
    while 0 <= n < len(lines) and not lines[n].strip():
        n += step
    return n if 0 <= n < len(lines) else None


def _residue(text: str, k: int, reason: str) -> Residue:
    return Residue(text=text.strip(), reason=reason, span=Span(start_line=k + 1, end_line=k + 1))

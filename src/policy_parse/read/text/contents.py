"""A table of contents (目录) at the top of a text copy.

A long plan may open with its 目录: the headings again, each closed by a
leader run and its page (`一、总体要求……………1`, `（二）提升服务效能.....3`).
Read as text, those lines were the outline's parts and sections, and a
measure listed there (`1.建设甲平台……2`) was a measure with no unit beside
the real one, its number written twice.  Lines that close with a leader
run and a page number, two at least in a run (blank lines between), or
one under a line `目录` (`目  录`), are the contents: residue with their
reason, as a page number is, and the `目录` line with them.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..._support.lazy_regex import lazy_compile
from ...models import Residue, Span

__all__ = ["REASON", "contents_lines"]

REASON = "table of contents"
# A leader run (……, ...., ·····, ——, ＿＿) then a page number closing the line.
_ENTRY = lazy_compile(r"\S.*?(?:[…⋯]{1,}|[.．·・]{3,}|[-—_＿]{3,})[ \t\u3000]*\d{1,3}[ \t\u3000]*$")
_HEAD = frozenset({"目录", "目次"})
_MIN_RUN = 2


def _is_entry(line: str) -> bool:
    # The line's last character first: most lines end in no digit (in C).
    tail = line.rstrip()
    return tail[-1:].isdigit() and _ENTRY.match(tail.lstrip()) is not None


def contents_lines(lines: Sequence[str], skip: frozenset[int] = frozenset()) -> dict[int, Residue]:
    """Index of each line of a table of contents → its residue."""
    found: dict[int, Residue] = {}
    run: list[int] = []
    head: int | None = None  # the 目录 line above the run, if any

    def close() -> None:
        nonlocal head
        if len(run) >= _MIN_RUN or (run and head is not None):
            for k in ([head] if head is not None else []) + run:
                found[k] = Residue(
                    text=lines[k].strip(),
                    reason=REASON,
                    span=Span(start_line=k + 1, end_line=k + 1),
                )
        run.clear()
        head = None

    for k, line in enumerate(lines):
        if k in skip or not line.strip():
            continue
        if _is_entry(line):
            run.append(k)
            continue
        close()
        if "".join(line.split()) in _HEAD:
            head = k
    close()
    return found

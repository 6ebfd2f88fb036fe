"""A table of contents (目录) at the top of a text copy.

A long plan may open with its 目录: the headings again, each closed by a
leader run and its page (`一、总体要求……………1`, `（二）提升服务效能.....3`).
Read as text, those lines were the outline's parts and sections, and a
measure listed there (`1.建设甲平台……2`) was a measure with no unit beside
the real one, its number written twice.  Lines that close with a leader
run and a page number, two at least in a run (blank lines between), or
one under a line `目录` (`目  录`), are the contents: residue with their
reason, as a page number is, and the `目录` line with them.

A copy that lost the leaders keeps a gap (two spaces or more, a tab) before
the page (`一、总体要求      1`): such a line is an entry under a `目录` line,
where its text has no other gap (a space-parted table row has several) and
the pages of the run never go back.  A 目录 with no page numbers at all is the lines under `目录`
up to where its first line comes again, where each of them comes again
below (the headings repeated by the plan itself; left10).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..._support.lazy_regex import lazy_compile
from ...models import Residue, Span

__all__ = ["REASON", "contents_lines"]

REASON = "table of contents"
# A leader run (……, ...., ·····, ——, ＿＿) then a page number closing the line.
_ENTRY = lazy_compile(r"\S.*?(?:[…⋯]{1,}|[.．·・]{3,}|[-—_＿]{3,})[ \t\u3000]*\d{1,3}[ \t\u3000]*$")
# A gap (two spaces or more, a tab, an ideographic space) then the page.
_SPACED = lazy_compile(
    r"(?P<text>\S.*?)(?:[ \u3000]{2,}|[ \u3000]*[\t\u3000][ \t\u3000]*)(?P<page>\d{1,3})[ \t\u3000]*$"
)
_GAP = lazy_compile(r"[ \u3000]{2,}|\t")
_HEAD = frozenset({"目录", "目次", "目錄"})  # 目錄: a copy in Traditional script
_MIN_RUN = 2


def _is_entry(line: str) -> bool:
    # The line's last character first: most lines end in no digit (in C).
    tail = line.rstrip()
    return tail[-1:].isdigit() and _ENTRY.match(tail.lstrip()) is not None


def _spaced_page(line: str) -> int | None:
    """The page of `一、总体要求      1` (a gap, no leaders), else None."""
    tail = line.strip()
    if not tail[-1:].isdigit():
        return None
    m = _SPACED.fullmatch(tail)
    if m is None or _GAP.search(m["text"]) is not None or m["text"][-1:].isdigit():
        return None  # a row of several cells, or figures apart: no entry
    return int(m["page"])


def contents_lines(lines: Sequence[str], skip: frozenset[int] = frozenset()) -> dict[int, Residue]:
    """Index of each line of a table of contents → its residue."""
    found: dict[int, Residue] = {}
    run: list[int] = []
    pages: list[int] = []  # the pages of a run of spaced entries, in order
    head: int | None = None  # the 目录 line above the run, if any

    # Each line without its spaces, made once if asked: a 目录 with no pages
    # is looked for under the first 目录 line alone (it is at the top), so
    # 10,000 目录 lines cost one look, not one each.
    squeezed: list[str] = []

    def compact() -> list[str]:
        if not squeezed:
            squeezed.extend("".join(line.split()) for line in lines)
        return squeezed

    def keep(indices: list[int]) -> None:
        for k in indices:
            found[k] = Residue(
                text=lines[k].strip(), reason=REASON, span=Span(start_line=k + 1, end_line=k + 1)
            )

    def close() -> None:
        nonlocal head
        # Spaced entries only under a 目录 line: two-column rows (a unit and
        # a count, a gap between) look like them too.
        if (len(run) >= _MIN_RUN and not pages) or (run and head is not None):
            keep(([head] if head is not None else []) + run)
        run.clear()
        pages.clear()
        head = None

    for k, line in enumerate(lines):
        if k in skip or k in found or not line.strip():
            continue
        if _is_entry(line):
            run.append(k)
            continue
        page = _spaced_page(line)
        if page is not None and (not pages or page >= pages[-1]):
            run.append(k)
            pages.append(page)
            continue
        if (
            head is not None
            and not run
            and not squeezed
            and (unpaged := _unpaged(compact(), head, skip))
        ):
            keep([head, *unpaged])
            head = None
            continue
        close()
        if "".join(line.split()) in _HEAD:
            head = k
    close()
    return found


_UNPAGED_MAX = 200  # entries of a 目录 with no pages: a longer run is no contents


def _unpaged(compact: Sequence[str], head: int, skip: frozenset[int]) -> list[int]:
    """The lines of a 目录 with no page numbers under `head`: those up to
    where the first comes again, each of which comes again below (the
    line, or a line opening with it); [] where they do not (a 目录 line
    that heads something else)."""
    listed: list[int] = []
    again = None  # where the first entry comes again, looked for a bounded way
    for k in range(head + 1, len(compact)):
        if k in skip or not compact[k]:
            continue
        if listed and compact[k] == compact[listed[0]]:
            again = k
            break
        if len(listed) == _UNPAGED_MAX:
            return []
        listed.append(k)
    if again is None:
        return []
    below = compact[again:]
    if len(listed) < _MIN_RUN:
        return []
    # Each comes again below, whole or opening a line (1.建设甲平台 over
    # 1.建设甲平台。（牵头单位：…）).
    if not all(any(line.startswith(compact[k]) for line in below) for k in listed):
        return []
    return listed

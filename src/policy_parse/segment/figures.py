"""Numbers glued to figures: 11.121人才梯队项目 between 10. and 12. is item 11.

The marker pass reads a decimal glued to its text as a sub-measure (11-121);
its neighbours decide whether it is item N. followed by a figure.
`read_markers` gives `segment.items` each line's marker so re-read, and the
note that says so.
"""

from __future__ import annotations

import bisect

from .._support.lazy_regex import lazy_compile
from ..models import Span
from .guesses import Note
from .guesses import glued_figure as g_glued
from .header import Line
from .markers import Marked, match_marker

# Arabic numbers of one list, whatever the mark after them (11. 11、 （11） 11）
# and 3.1): the neighbours a glued number is checked against.
_ARABIC_STYLES = ("ar_dot", "ar_dec", "ar_dun", "ar_paren", "ar_rparen")


def unglue_figures(markers: list[Marked | None]) -> list[Marked | None]:
    """11.121人才梯队项目 between 10. and 12.: measure 11, whose title starts
    with the figure 121 — not sub-measure 11-121.

    A decimal marker glued to its text (N.M with no final dot and no space
    after it) is re-read as N. when its neighbours call for N: the Arabic
    number before it (10. 10、 （10） or 10.3) is N-1, and the next is N+1 (or
    there is none).  It takes the style of the number before it, the list it
    belongs to.  Among its own siblings (N.1, N.2) it stays a sub-measure."""
    out = list(markers)
    numbered = [
        (k, m) for k, m in enumerate(markers) if m is not None and m.style in _ARABIC_STYLES
    ]
    for at, (k, m) in enumerate(numbered):
        before = numbered[at - 1][1] if at > 0 else None
        after = numbered[at + 1][1] if at + 1 < len(numbered) else None
        if (reread := _reread(m, before, after)) is not None:
            out[k] = reread
    return out


def _reread(m: Marked, before: Marked | None, after: Marked | None) -> Marked | None:
    """A glued decimal N.M as item N., when the Arabic numbers around it call for N."""
    if m.style != "ar_dec" or not _glued(m) or before is None:
        return None
    main, _, figure = m.number.partition("-")
    if "-" in figure or _main(before) != int(main) - 1:
        return None
    if after is not None and _main(after) != int(main) + 1:
        return None
    dot = next(i for i, c in enumerate(m.written) if not c.isdigit())  # 11｜.121
    # The list's own style (10、 11.121人才 12、 is a 、 list), for its level.
    return m._replace(
        style="ar_dot" if before.style == "ar_dec" else before.style,
        number=main,
        written=m.written[: dot + 1],
        rest=m.written[dot + 1 :] + m.rest,
    )


def _main(m: Marked) -> int:
    return int(m.number.partition("-")[0])


def _glued(m: Marked) -> bool:
    """No space between the number and the text: 11.121人才, not 3.1 支持."""
    text = m.line.text.lstrip()
    return text.startswith(m.written) and not text[len(m.written) : len(m.written) + 1].isspace()


# A line that starts with a decimal glued to what no marker takes (11.5G基站,
# 3.5万元): a figure, unless its neighbours call for item 11 (unglue_figures).
_DECIMAL_START = lazy_compile(r"^\s*(\d{1,4})[.．](\d{1,4})(?=[^\d\s.．])")


def read_markers(lines: list[Line]) -> tuple[list[Marked | None], list[list[Note]]]:
    """Each line's marker, a number glued to a figure re-read against its
    neighbours (unglue_figures), and per line the note of such a re-reading.
    A line no marker starts but a glued decimal (11.5G基站) is re-read the
    same way, against the markers around it; else it stays text."""
    first = [match_marker(ln.text) for ln in lines]
    read = unglue_figures(first)
    notes: list[list[Note]] = [
        [g_glued(ln.span, was.written, m.number, was.number)]
        if was is not None and m is not None and m is not was
        else []
        for ln, was, m in zip(lines, first, read, strict=True)
    ]
    arabic = [k for k, m in enumerate(first) if m is not None and m.style in _ARABIC_STYLES]
    for k, ln in enumerate(lines):
        if first[k] is not None or (d := _DECIMAL_START.match(ln.text)) is None:
            continue
        written = ln.text[: d.end()].strip()
        trial = Marked(
            style="ar_dec",
            number=f"{d[1]}-{d[2]}",
            written=written,
            rest=ln.text[d.end() :].strip(),
            line=Line(ln.text, Span()),
        )
        at = bisect.bisect_left(arabic, k)
        before = first[arabic[at - 1]] if at > 0 else None
        after = first[arabic[at]] if at < len(arabic) else None
        if (m := _reread(trial, before, after)) is not None:
            read[k] = m
            notes[k] = [g_glued(ln.span, written, m.number, trial.number)]
    return read, notes

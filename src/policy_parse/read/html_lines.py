"""Inline text gathered into lines, as a browser breaks and spaces them.

Runs of HTML whitespace collapse to one space; ``<br>`` and block edges end a
line (the walker in read/html.py calls `Lines.brk`).  Inside ``<pre>`` and
inline ``white-space: pre…`` the text keeps its own breaks (`keeps_lines`).

One exception, where the page's source says more than its rendering: a line
of the body that the source writes as a row of cells, parted by tabs or runs
of spaces (a space-aligned table pasted into ``<p>``s, a row a paragraph),
keeps that white space (read/row_gaps.py).  A browser collapses it and the
columns are gone from the screen, but the source, which is what is read,
still holds them.  White space holding a line break is the source's own
layout (indentation, wrapping) and still collapses.
"""

from __future__ import annotations

from collections.abc import Callable

import regex
from lxml import etree

from .html_css import declarations
from .row_gaps import is_row_of_cells, row_kept

__all__ = ["Lines", "keeps_lines"]

_SPACE = regex.compile(r"[ \t\n\r\f]+")  # HTML whitespace; U+3000 and U+00A0 stay text
_NEWLINE = regex.compile(r"\r\n?|\n")
_SOURCE_BREAK = regex.compile(r"[ \t]*[\n\r\f][ \t\n\r\f]*")  # the source's own wrapping


class Lines:
    """Inline text gathered into lines; `brk` ends the current line and hands
    it to `emit` when it holds anything but blanks.

    Inside ``<pre>`` (or an inline ``white-space: pre…``) a browser keeps the
    text's own line breaks, and for ``pre``/``pre-wrap`` its runs of spaces
    and tabs: `keep` is the stack of those modes, innermost last.  Such text
    is a text file inside the page (a notice pasted whole, a table aligned
    with tabs and blank lines), so its lines, blank ones too, are gathered
    as written and handed to `on_kept` whole when the outermost one ends.

    With `gaps`, a line whose source parts cells by tabs or runs of spaces
    is emitted with them (module docstring); `raw` gathers that source
    beside `parts`, the line as a browser shows it."""

    def __init__(
        self, emit: Callable[[str], None], on_kept: Callable[[str], None], *, gaps: bool = False
    ) -> None:
        self.parts: list[str] = []
        self.raw: list[str] | None = [] if gaps else None
        self.emit = emit
        self.on_kept = on_kept
        self.keep: list[str] = []
        self.kept: list[str] = []
        self.pending: str | None = None  # a list item's marker, waiting for its text

    def marker(self, s: str | None) -> None:
        """A list item's number ("3. ", "（一）"): it opens the item's first
        line of text, even where that text is in a block of its own (an
        exporter's ``<li><p>…``), as a browser draws it on that line."""
        if s:
            self.pending = s

    def end_item(self) -> None:
        """The item ended: a marker no text took is a line of its own."""
        if self.pending is not None:
            self.brk()
            self.parts.append(self.pending)
            self.pending = None
            self.brk()

    def text(self, s: str | None) -> None:
        if not s:
            return
        if self.pending is not None and s.strip():
            self.parts.append(self.pending)
            if self.raw is not None:
                self.raw.append(self.pending)
            self.pending = None
        if not self.keep:
            self.parts.append(_SPACE.sub(" ", s).replace("\xa0", " "))
            if self.raw is not None:
                self.raw.append(_SOURCE_BREAK.sub(" ", s).replace("\xa0", " "))
            return
        spaces = self.keep[-1] != "pre-line"
        for i, piece in enumerate(_NEWLINE.split(s)):
            if i:
                self.brk()
            self.parts.append(piece if spaces else _SPACE.sub(" ", piece))

    def brk(self) -> None:
        line = "".join(self.parts)
        self.parts.clear()
        if self.keep:
            self.kept.append(line)
            return
        if self.raw is not None:
            raw = "".join(self.raw)
            self.raw.clear()
            if is_row_of_cells(raw):
                self.emit(row_kept(raw))
                return
        line = line.strip()
        if line:
            self.emit(line)

    def enter_kept(self, mode: str) -> None:
        self.brk()
        self.keep.append(mode)

    def leave_kept(self) -> None:
        self.brk()
        self.keep.pop()
        if not self.keep:
            text = "\n".join(self.kept)
            self.kept.clear()
            if text.strip():
                self.on_kept(text)


def keeps_lines(el: etree._Element, tag: str) -> str | None:
    """The white-space mode `el` sets that keeps line breaks, if any."""
    if tag in ("pre", "textarea", "listing", "plaintext", "xmp"):
        return "pre"
    style = el.get("style")
    if style and "white-space" in style:
        mode = declarations(style).get("white-space", "").split()
        if mode and mode[0] in ("pre", "pre-wrap", "pre-line", "break-spaces"):
            return mode[0]
    return None

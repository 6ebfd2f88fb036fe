"""Text safe to print on a terminal: what a notice or a file name carries
that a terminal would act on is shown escaped instead.

Control characters (C0, DEL, C1: ANSI colour and cursor sequences, OSC
title and hyperlink sequences all start with one) and the bidirectional
overrides and isolates (which make a line read in another order than it is
stored: "Trojan Source") become ``\\x1b``, ``\\u202e``; a newline becomes
``\\n`` unless the caller prints several lines on purpose.  Stdlib only:
`_say` uses it before anything else is imported.
"""

from __future__ import annotations

# The bidirectional marks, overrides and isolates.
_BIDI = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))


def _escape(code: int) -> str:
    if code == 0x0A:
        return "\\n"
    if code == 0x09:
        return "\\t"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# Code point → its escape, for `str.translate` (no pattern to compile: `re`
# compiled the two classes in ~5M instructions on every run).  With
# `lines`, newline and tab stay.
_UNSAFE = {c: _escape(c) for c in (*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), *_BIDI)}
_UNSAFE_OR_NEWLINE = {**_UNSAFE, 0x09: _escape(0x09), 0x0A: _escape(0x0A)}


def printable(text: str, *, lines: bool = False) -> str:
    """`text` with every character a terminal would act on escaped; with
    `lines`, newlines (and tabs) are kept as the report's own layout.
    Every such character is one `str.isprintable` refuses (categories Cc
    and Cf), so a printable text is returned as it is, tested in C."""
    if text.isprintable():
        return text
    return text.translate(_UNSAFE if lines else _UNSAFE_OR_NEWLINE)

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

import re

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
_UNSAFE_OR_NEWLINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    if ch == "\n":
        return "\\n"
    if ch == "\t":
        return "\\t"
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def printable(text: str, *, lines: bool = False) -> str:
    """`text` with every character a terminal would act on escaped; with
    `lines`, newlines (and tabs) are kept as the report's own layout."""
    return (_UNSAFE if lines else _UNSAFE_OR_NEWLINE).sub(_escape, text)

"""RTF bytes → tokens: group marks, control words, control symbols, hex
bytes and text (RTF 1.9.1, "Conventions of an RTF reader").

Speed decides the shape (issue 26: a batch file gets 0.3 s of CPU, all
stages included).  Most of an RTF file is formatting words a notice does
not need (`\\rtlch\\af15\\afs22\\alang1025 …` before every run: 3 in 4 of
the 70,000 words of samples/notice.rtf), so one pass in C (`re.sub`) first
removes every control word the caller does not `keep`, and a second
(`findall`) cuts the rest into tuples; Python only loops over what is left.
The first pass leaves a word after a backslash alone (`\\\\par` is a
backslash and the letters "par", and a word after an escaped backslash
is rare enough to reach the walker, which passes over it) and a word right
after `\\*` (it names an ignorable destination).

`\\binN` is followed by N raw bytes that may hold anything, braces
included: they are cut out before either pass (they are never text: picture
or object data); an N that runs past the end of the file is a
`CorruptFileError`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...errors import CorruptFileError

__all__ = ["Token", "scan"]

# One token: (control word, its parameter, hex byte, control symbol, group
# mark, text), each b"" when absent; the line breaks between tokens come as
# all six empty.
Token = tuple[bytes, bytes, bytes, bytes, bytes, bytes]

_TOKEN = re.compile(
    rb"""
    \\([a-zA-Z]+)(-?[0-9]*)\x20?     # 1, 2: a control word, its parameter, and the space that ends it
  | \\'([0-9a-fA-F]{2})              # 3: a byte by its hex value
  | \\([^a-zA-Z'])                   # 4: a control symbol (\\ \{ \} \~ \* \- ...; a line break: \par)
  | ([{}])                           # 5: a group opens or closes
  | [\r\n]+                          # line breaks are no text in RTF
  | ([^\\{}\r\n]+)                   # 6: literal text
  | \\                               # a backslash that ends the file, or stands before a bad hex escape
    """,
    re.VERBOSE,
)
_BIN = re.compile(rb"\\bin(-?[0-9]+)\x20?")


def _noise(keep: Iterable[str]) -> re.Pattern[bytes]:
    """The control words not in `keep`: not after a backslash (`\\\\par`
    is a backslash and the letters "par"), nor after `\\*`."""
    names = b"|".join(re.escape(k.encode("ascii")) for k in sorted(keep, key=len, reverse=True))
    return re.compile(
        rb"(?<!\\)(?<!\\\*)\\(?!(?:" + names + rb")(?![a-zA-Z]))[a-zA-Z]+-?[0-9]*\x20?"
    )


_patterns: dict[frozenset[str], re.Pattern[bytes]] = {}


def scan(data: bytes, keep: frozenset[str]) -> list[Token]:
    """The tokens of `data`, control words outside `keep` left out."""
    if b"\\bin" in data:
        data = _cut_binary(data)
    noise = _patterns.get(keep)
    if noise is None:
        noise = _patterns[keep] = _noise(keep)
    found: list[Token] = _TOKEN.findall(noise.sub(b"", data))
    return found


def _cut_binary(data: bytes) -> bytes:
    """`data` without the raw bytes of its `\\binN` words."""
    parts = []
    pos = 0
    while (m := _BIN.search(data, pos)) is not None:
        if m.start() and data[m.start() - 1 : m.start()] == b"\\":
            parts.append(data[pos : m.end()])  # "\\bin": an escaped backslash, then text
            pos = m.end()
            continue
        digits = m.group(1)
        n = int(digits) if len(digits) <= 11 else len(data)
        start = m.end()
        if n > len(data) - start:
            raise CorruptFileError(
                f"RTF \\bin{digits.decode()[:12]} at byte {m.start()} claims more bytes than "
                f"the file has left ({len(data) - start}): truncated or damaged"
            )
        parts.append(data[pos : m.start()])
        pos = start + max(n, 0)
    parts.append(data[pos:])
    return b"".join(parts)

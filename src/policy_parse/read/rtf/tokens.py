"""RTF bytes → tokens: group marks, control words, control symbols, hex
bytes, text and binary data (RTF 1.9.1, "Conventions of an RTF reader").

One regular expression finds every token; only `\\binN` needs a hand, since
its N raw bytes may hold anything, braces included: the scan stops there and
starts again after them.  Python's `re` rather than `regex`: on a 570 kB
notice it finds the ~100,000 tokens in a third of the time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...errors import CorruptFileError

__all__ = ["BIN", "GROUP", "HEX", "SYMBOL", "TEXT", "WORD", "tokens"]

# Token kinds, first in each tuple the scanner yields.
WORD = 1  # (WORD, name, parameter or None): \par, \ansicpg936, \u-3912
HEX = 2  # (HEX, byte value, None): \'b7
SYMBOL = 3  # (SYMBOL, character, None): \~ \* \{ ; a backslash before a line break is "\n"
GROUP = 4  # (GROUP, "{" or "}", None)
TEXT = 5  # (TEXT, the bytes, None): literal text, line breaks removed
BIN = 6  # (BIN, the raw bytes, None): the data of \binN

_TOKEN = re.compile(
    rb"""
    \\([a-zA-Z]+)(-?[0-9]+)?\x20?    # 1, 2: a control word, its parameter, and the space that ends it
  | \\'([0-9a-fA-F]{2})              # 3: a byte by its hex value
  | \\([^a-zA-Z'])                   # 4: a control symbol (\\ \{ \} \~ \* \- ...)
  | ([{}])                           # 5: a group opens or closes
  | [\r\n]+                          # line breaks are no text in RTF
  | ([^\\{}\r\n]+)                   # 6: literal text
  | \\                               # a backslash that ends the file, or stands before a bad hex escape
    """,
    re.VERBOSE,
)
# Parameters are signed 16- or 32-bit numbers; more digits are damage.
_MAX_DIGITS = 10


def tokens(data: bytes) -> Iterator[tuple[int, object, int | None]]:
    """The tokens of `data` in order.  `\\binN` whose N runs past the end of
    the data is a `CorruptFileError`: the rest cannot be told from binary."""
    pos = 0
    end = len(data)
    while pos < end:
        restart = None
        for m in _TOKEN.finditer(data, pos):
            kind = m.lastindex
            if kind == 1 or kind == 2:
                name = m.group(1).decode("ascii")
                digits = m.group(2)
                param = None
                if digits is not None:
                    if len(digits.lstrip(b"-")) > _MAX_DIGITS:
                        raise CorruptFileError(
                            f"RTF control word \\{name[:32]} has a {len(digits)}-digit "
                            "parameter: no RTF writer writes one (damaged file)"
                        )
                    param = int(digits)
                if name == "bin" and param is not None and param > 0:
                    start = m.end()
                    if start + param > end:
                        raise CorruptFileError(
                            f"RTF \\bin{param} at byte {m.start()} claims more bytes than "
                            f"the file has left ({end - start}): truncated or damaged"
                        )
                    yield (BIN, data[start : start + param], None)
                    restart = start + param
                    break
                yield (WORD, name, param)
            elif kind == 3:
                yield (HEX, int(m.group(3), 16), None)
            elif kind == 4:
                sym = m.group(4)
                yield (SYMBOL, "\n" if sym in (b"\r", b"\n") else sym.decode("latin-1"), None)
            elif kind == 5:
                yield (GROUP, m.group(5).decode("ascii"), None)
            elif kind == 6:
                yield (TEXT, m.group(6), None)
        if restart is None:
            return
        pos = restart

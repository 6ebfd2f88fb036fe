"""Letter-spaced copies: a space between every two characters of a line.

Text copied out of some PDFs (justified or tracked type, where every glyph
is placed on its own) comes with a space between every two characters:
`推 进 数 字 政 府 建 设 。 （ 牵 头 单 位 ： 县 发 改 委 ）`.  Read as it is, no
label, marker or name is whole.  Where most lines of the text are so spaced,
the single spaces inside those lines are the type's spacing, not the
writer's: `unletterspaced` takes them out, and a run of two or more spaces —
a space the writer typed, widened by the spacing on either side — becomes
one space.  Lines written normally (a title, a table copied otherwise) are
left as they are, and a text where few lines are so spaced is left whole:
single spaces may part a table's cells there.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..._support.lazy_regex import lazy_compile

__all__ = ["unletterspaced"]

# A line is letter-spaced when at least this share of its pairs of Chinese
# characters (written next to each other, or apart by one space) are apart,
# over at least _MIN_PAIRS pairs …
_SHARE = 0.8
_MIN_PAIRS = 5
# … and the text when at least this share of its lines long enough to tell are.
_TEXT_SHARE = 0.5
# A letter-spaced text has a spaced pair for about every third character it
# holds (the spaces count): a text with fewer than this share is none.
_FAST_SHARE = 0.1

_SPACES = lazy_compile(r"[ \u00a0]+")
_APART = lazy_compile(
    r"(?<=[\p{Han}\p{Ps}\p{Pe}，。、；：！？]) (?=[\p{Han}\p{Ps}\p{Pe}，。、；：！？])"
)
_TOGETHER = lazy_compile(
    r"[\p{Han}\p{Ps}\p{Pe}，。、；：！？](?=[\p{Han}\p{Ps}\p{Pe}，。、；：！？])"
)


def _letter_spaced(line: str) -> bool | None:
    """Whether `line` is letter-spaced; None when it is too short to tell."""
    apart = len(_APART.findall(line))
    together = len(_TOGETHER.findall(line))
    if apart + together < _MIN_PAIRS:
        return None
    return apart >= _SHARE * (apart + together)


def _unspace(line: str) -> str:
    start = len(line) - len(line.lstrip(" \u00a0\u3000\t"))
    body = _SPACES.sub(lambda m: "" if len(m[0]) == 1 else " ", line[start:].rstrip())
    return line[:start] + body


def unletterspaced(lines: Sequence[str]) -> tuple[list[str], int] | None:
    """`lines` with the letter spacing of its letter-spaced lines taken out,
    and how many lines changed; None when the text is not letter-spaced."""
    text = "\n".join(lines)
    if len(_APART.findall(text)) < _FAST_SHARE * len(text):
        return None  # most texts: far too few spaced pairs to look at each line
    verdicts = [_letter_spaced(line) for line in lines]  # None: too short to tell
    told = [v for v in verdicts if v is not None]
    spaced = sum(told)
    if not spaced or spaced < _TEXT_SHARE * len(told):
        return None
    out = list(lines)
    changed = 0
    for k, (line, verdict) in enumerate(zip(lines, verdicts, strict=True)):
        if verdict or (verdict is None and _pieces_single(line)):
            out[k] = _unspace(line)
            changed += out[k] != line
    return out, changed


def _pieces_single(line: str) -> bool:
    """年 度 / 2 0 2 5: a line too short to tell by its pairs whose pieces
    between single spaces are nearly all one character each."""
    pieces = [p for p in line.strip(" \u00a0\u3000\t").split(" ") if p]
    return len(pieces) >= 3 and sum(len(p) == 1 for p in pieces) >= _SHARE * len(pieces)

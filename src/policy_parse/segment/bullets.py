"""Items opening with a bullet (● 推进…, • 加强…) on lines of their own: a
list copied from a web page's <ul>, or typed so, with no numbers at all.

A plan so written was refused (no measure found).  Where lines open with
the same bullet, at least two of them, each is an item of a style of its
own (`bullet`), numbered by its place in its run: 1, 2 … from the first,
again from 1 after a line that opens with another marker (a part heading
over them, or the measure whose parts they are).  The numbers are the
parser's: the outline says so (`bullet_items`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from .._support.lazy_regex import lazy_compile
from .._support.records import NamedTuple
from .guesses import Note, line_of
from .header import Line

__all__ = ["Bulleted", "bullet_end", "bullet_note", "counted_bullets"]

# Bullets a web page's list or a typist writes before an item.  Not a long
# dash (——小标题 is a heading's), nor ○ (a zero in 二○二五年); a plain-text
# list's - * + only with a space after it (-3- is a page number's).
# ▲△♦❖✦➣☞✔✓☑, the bars ▎▍▌ before a heading and emoji (👉🔹🔸🔺📍✅📌⭐)
# as a WeChat article sets them (probe10).
BULLETS = "●•◆◇■□▪▫★☆◎➢➤►▶·▲△♦❖✦➣☞✔✓☑▎▍▌👉🔹🔸🔺📍✅📌⭐"
_TYPED = "-*+"
_TYPED_CLASS = r"\-*+"  # the same, in a character class
_BULLET = lazy_compile(
    rf"^[ \t\u3000]*(?:(?P<b>[{BULLETS}])[ \t\u3000]*|(?P<t>[{_TYPED_CLASS}])[ \t\u3000]+)"
    rf"(?=[^\s{BULLETS}{_TYPED_CLASS}])"
)
# What ends a measure's line (its sentence, its annotation's bracket): a
# portal's own bulleted links and tools (• 听全文, • 分享到) end with none.
_ENDS = ("。", "；", ";", "）", ")", "】", "〕")
_ENDED = 2  # items of a run that must end so


_OPENS = frozenset(BULLETS + _TYPED)
_INDENT = " \t\u3000"


def _bullet(text: str) -> tuple[str, int] | None:
    """The bullet opening `text` and where its item starts, or None."""
    # Past the indent a bullet or a typed mark comes first: most lines fail
    # this in C before the pattern is tried.
    if (text.lstrip(_INDENT) if text[:1] in _INDENT else text)[:1] not in _OPENS:
        return None
    m = _BULLET.match(text)
    return None if m is None else (m["b"] or m["t"], m.end())


def bullet_end(text: str) -> int | None:
    """Where the text after a bullet opening `text` starts, or None: a
    bullet before the notice's own marker (▶ 1.…, ◆ 一、… as a WeChat
    article decorates its lines) is read past (segment/markers.py)."""
    b = _bullet(text)
    return None if b is None else b[1]


class Bulleted(NamedTuple):
    number: int
    bullet: str
    rest: str


def counted_bullets(
    texts: Iterable[str], other_marker: Callable[[str], bool]
) -> dict[str, Bulleted]:
    """Each line opening with a bullet in a run of the same bullet → its
    number; a run ends at a line that `other_marker` says opens with another
    marker, and counts where at least two of its items end like a measure's
    paragraph (。 or an annotation's bracket: on the item's last line, which
    a wrap may have put below its bullet's)."""
    found: dict[str, Bulleted] = {}
    runs: dict[str, list[str]] = {}
    ended: dict[str, int] = {}  # items of each run that end like a measure's
    item: tuple[str, str] | None = None  # the open item's bullet and last line

    def finish() -> None:
        nonlocal item
        if item is not None and item[1].rstrip().endswith(_ENDS):
            ended[item[0]] = ended.get(item[0], 0) + 1
        item = None

    def close() -> None:
        finish()
        for bullet, run in runs.items():
            if ended.get(bullet, 0) >= _ENDED:
                for k, text in enumerate(run, start=1):
                    b = _bullet(text)
                    assert b is not None
                    found.setdefault(text, Bulleted(k, bullet, text[b[1] :].strip()))
        runs.clear()
        ended.clear()

    texts = list(texts)
    opened = [_bullet(text) for text in texts]
    if not any(opened):
        # No line opens with a bullet: no run to count, and no need to ask
        # `other_marker` (a marker read per line) where runs would end.
        return found
    for text, b in zip(texts, opened, strict=True):
        # A bullet before a marker of another kind (▶ 1.…) decorates that
        # marker's line: it ends the runs as the marker would.
        marked = other_marker(text)
        if b is not None and not marked:
            finish()
            runs.setdefault(b[0], []).append(text)
            item = (b[0], text)
        elif marked:
            close()
        elif item is not None:
            item = (item[0], text)
    close()
    return found


class _Written(NamedTuple):
    written_number: str


def bullet_note(
    lines: Sequence[Line], measures: Sequence[_Written] | Sequence[object]
) -> Note | None:
    """The outline's note that its bulleted items were numbered by the
    parser, or None: no measure is one."""
    written = {getattr(m, "written_number", "") for m in measures}
    if not written & set(BULLETS + _TYPED):
        return None
    bulleted = [(ln, b) for ln in lines if (b := _bullet(ln.text)) is not None and b[0] in written]
    if not bulleted:
        return None
    first, (mark, _) = bulleted[0]
    fields = (("line", line_of(first.span)), ("count", str(len(bulleted))), ("marker", mark))
    return ("bullet_items", fields)

"""A deadline on a line of its own under a measure's annotation, with no
label or bracket (…（牵头单位：A；配合单位：B） / 2025年10月底前完成): the
measure's deadline, not a trailer set aside as a caption or byline.

A bare date (2025年3月5日) there is the plan's 成文日期 under its signature,
never a deadline: the line must say by when (前, 底, 末, 完成 …) or how long
(长期, 持续, 每年 …), as data/deadlines.toml words and DEADLINE_ITEM read."""

from __future__ import annotations

from collections.abc import Sequence

from .._support.lazy_regex import lazy_compile
from . import grammar as g
from .annotations import Annotation
from .items import Paragraph

__all__ = ["deadline_under"]

# What makes a date a deadline: by when, from when, or how often / how long.
_SAYS_WHEN = lazy_compile(
    r"前|底|末|完成|办结|到位|见效|建成|起|开始|长期|持续|常态化|每|按|季度|半年|年内|全年"
)


def deadline_under(trailers: Sequence[Paragraph]) -> tuple[Paragraph | None, list[Paragraph]]:
    """The first trailer as a deadline-only annotation (its text moved into
    the annotation, so nothing is dropped), and the trailers left; or None
    and the trailers as they were."""
    if not trailers:
        return None, list(trailers)
    first = trailers[0]
    text = first.text.strip().rstrip("。；;")
    if (
        first.annotations
        or not g.DEADLINE_ITEM.match(text)
        or g.DATE.match(text)
        or not _SAYS_WHEN.search(text)
    ):
        return None, list(trailers)
    due = Annotation(written=text, lead=(), support=(), deadline=text)
    return Paragraph(text="", annotations=(due,), line=first.line), list(trailers[1:])

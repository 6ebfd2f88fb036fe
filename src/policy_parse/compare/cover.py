"""Which items of a parent policy a notice implements, and which none does.

The parent (the policy a 分工方案 implements) parses as a list of numbered
items without annotations: its measures are its items.  Each measure of the
notice is linked to parent items in one of two ways:

- "column": the notice's table copies the parent's task beside the measure
  (a 国家重点任务 / 上级任务 column, data/columns.toml `national_task`).  The
  cell is matched to the parent's items by their normalised text: an item the
  cell holds (a merged cell may copy two), the item that holds the cell, or
  else the item most like it.
- "text": no such column, or an empty cell: the parent item whose text is
  most like the measure's.

Likeness is the Dice coefficient of the two texts' character bigrams, after
NFKC, with whitespace and punctuation removed.  A link below `[cover]`
`min_text` (data/cover.toml) is not made; a link whose runner-up comes
within `close` of it is made and carries a doubt naming the runner-up: the
parser guessed, and says so.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence

import attrs

from ..data import load
from ..errors import NoParentItemsError
from ..models import Measure, Notice


@attrs.frozen(kw_only=True)
class Item:
    """A numbered item of the parent, with the measures that implement it."""

    id: str
    number: str  # as written (（三）, 3.)
    text: str
    measures: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Link:
    """What one measure of the notice implements."""

    measure: str
    text: str
    items: tuple[str, ...]  # parent item ids; () when none was found
    how: str  # "column" | "text" | "none"
    score: float  # the likeness of the best link (1.0 where the item is copied whole)
    column: str | None  # the notice's 国家重点任务 cell, as read
    doubt: str | None  # None, "weak" (a low likeness) or "close" (see runner_up)
    runner_up: str | None  # the item that came within `close` of the one chosen


@attrs.frozen(kw_only=True)
class Cover:
    parent: str  # the parent's path or 文号
    notice: str
    items: tuple[Item, ...]
    links: tuple[Link, ...]

    @property
    def uncovered(self) -> tuple[Item, ...]:
        """The parent items no measure implements."""
        return tuple(i for i in self.items if not i.measures)

    @property
    def unlinked(self) -> tuple[Link, ...]:
        """The measures linked to no parent item."""
        return tuple(link for link in self.links if not link.items)


@functools.cache
def _settings() -> dict[str, float]:
    return dict(load("cover")["cover"])


def normalised(text: str) -> str:
    """NFKC, without whitespace and punctuation: what two copies of one
    sentence share whatever their commas and line breaks."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PZSC")


def _bigrams(text: str) -> frozenset[str]:
    return frozenset(text[k : k + 2] for k in range(len(text) - 1)) or frozenset({text})


def likeness(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice's coefficient of two bigram sets."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def cover(parent: Notice, notice: Notice) -> Cover:
    """Link `notice`'s measures to `parent`'s items.  Raises
    NoParentItemsError when the parent yields no numbered item."""
    if not parent.measures:
        error = NoParentItemsError("the parent policy yields no numbered item to cover")
        error.path = parent.source.path
        raise error
    settings = _settings()
    ids = _unique([_item_id(m, k) for k, m in enumerate(parent.measures, start=1)])
    texts = [normalised(m.text) for m in parent.measures]
    grams = [_bigrams(t) for t in texts]
    column = {e.id: e.national_task for e in notice.table if e.id and e.national_task}
    links: dict[int, Link] = {}
    by_text: list[int] = []  # measures left to their text
    for k, m in enumerate(notice.measures):
        cell = column.get(m.id) if m.id else None
        found = _by_column(cell, texts, grams, settings) if cell else None
        if found is None:
            by_text.append(k)
            continue
        chosen, score, runner = found
        links[k] = _link(m, k, [ids[c] for c in chosen], "column", score, cell, runner, ids)
    scores = [[likeness(_bigrams(normalised(notice.measures[k].text)), g) for g in grams]
              for k in by_text]  # fmt: skip
    path = aligned(scores, settings["back_step"])
    for row, (k, j) in enumerate(zip(by_text, path, strict=True)):
        m, score = notice.measures[k], scores[row][j]
        cell = column.get(m.id) if m.id else None
        if score < settings["min_text"]:
            links[k] = _link(m, k, [], "none", score, cell, None, ids)
            continue
        others = [s for i, s in enumerate(scores[row]) if i != j]
        runner = max(range(len(others)), key=others.__getitem__, default=None)
        if runner is not None and others[runner] < score - settings["close"]:
            runner = None
        elif runner is not None:
            runner += runner >= j  # back to the index among all items
        link = _link(m, k, [ids[j]], "text", score, cell, runner, ids)
        if link.doubt is None and score < settings["sure_text"]:
            link = attrs.evolve(link, doubt="weak")
        links[k] = link
    ordered = [links[k] for k in range(len(notice.measures))]
    by_item: dict[str, list[str]] = {}
    for link in ordered:
        for i in link.items:
            by_item.setdefault(i, []).append(link.measure)
    return Cover(
        parent=_name(parent),
        notice=_name(notice),
        items=tuple(
            Item(id=i, number=m.written_number, text=m.text, measures=tuple(by_item.get(i, ())))
            for i, m in zip(ids, parent.measures, strict=True)
        ),
        links=tuple(ordered),
    )


def _link(
    m: Measure,
    k: int,
    items: list[str],
    how: str,
    score: float,
    cell: str | None,
    runner: int | None,
    ids: Sequence[str],
) -> Link:
    return Link(
        measure=m.id or m.written_number or f"#{k + 1}",
        text=m.text,
        items=tuple(items),
        how=how,
        score=round(score, 3),
        column=cell,
        doubt="close" if runner is not None else None,
        runner_up=ids[runner] if runner is not None else None,
    )


def aligned(scores: Sequence[Sequence[float]], back_step: float) -> list[int]:
    """For each measure (a row of likenesses to every item) the item it is
    read as implementing: the path of highest total likeness, where a step
    back to an earlier item than the previous measure's costs `back_step`.
    A notice mostly follows its parent's order; a costless path would be
    each row's own best (benchmarks/cover.py scores both on the seed).
    O(measures × items)."""
    if not scores:
        return []
    n = len(scores[0])
    total = list(scores[0])
    back: list[list[int]] = [[0] * n]
    for row in scores[1:]:
        top = max(range(n), key=total.__getitem__)
        here, came = [0.0] * n, [0] * n
        run, run_at = float("-inf"), 0
        for j in range(n):
            if total[j] > run:
                run, run_at = total[j], j
            if total[top] - back_step > run:
                here[j], came[j] = total[top] - back_step + row[j], top
            else:
                here[j], came[j] = run + row[j], run_at
        total = here
        back.append(came)
    j = max(range(n), key=total.__getitem__)
    path = [0] * len(scores)
    for i in range(len(scores) - 1, -1, -1):
        path[i] = j
        j = back[i][j]
    return path


def _name(notice: Notice) -> str:
    return notice.source.path or notice.header.doc_number or ""


def _item_id(m: Measure, k: int) -> str:
    return m.id or m.written_number or str(k)


def _unique(ids: list[str]) -> list[str]:
    """Ids as given; a repeated one (an item numbered twice) gets #2, #3 …"""
    seen: dict[str, int] = {}
    out = []
    for i in ids:
        seen[i] = seen.get(i, 0) + 1
        out.append(i if seen[i] == 1 else f"{i}#{seen[i]}")
    return out


def _by_column(
    cell: str, texts: Sequence[str], grams: Sequence[frozenset[str]], settings: dict[str, float]
) -> tuple[list[int], float, int | None] | None:
    """The items a 国家重点任务 cell copies: those it holds whole (a merged
    cell may copy several), else the one that holds it, else the most alike
    at `min_column` or more; None when none is."""
    c = normalised(cell)
    if not c:
        return None
    held = [k for k, t in enumerate(texts) if t and t in c]
    if held:
        return held, 1.0, None
    holding = [k for k, t in enumerate(texts) if c in t]
    if len(holding) == 1:
        return holding, 1.0, None
    g = _bigrams(c)
    scored = sorted(((likeness(g, x), k) for k, x in enumerate(grams)), key=lambda s: (-s[0], s[1]))
    best, k = scored[0]
    if best < settings["min_column"]:
        return None
    runner = scored[1] if len(scored) > 1 and best - scored[1][0] < settings["close"] else None
    return [k], best, runner[1] if runner else None

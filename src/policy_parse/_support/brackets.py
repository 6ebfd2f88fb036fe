"""Brackets, the clauses between them and the punctuation classes, in one
place for every stage (segment's annotation readers and line joining, the
text reader's page furniture): one rule for what opens, what closes and
what pairs.

Two depths, for two questions: `depth` counts (opened minus closed, may go
negative: a line that closes what an earlier line opened), `open_at_end`
walks in order with the depth clamped at 0 (a stray closer opens nothing).
`group_ends` pairs each opener with the next closer of any kind, nesting
respected; `group_start` walks back from a closer and accepts （ or ( as the
opener of any closer (portals mix widths and kinds: （A负责〕).

Sentence and clause ends (the sets differ on purpose):
- `SENTENCE_MARKS` 。；;！？ end a sentence inside a paragraph, where an
  unbracketed role phrase may follow;
- `TASK_ENDS` 。；; end a task before a bracketed annotation (！？ close
  no measure's task in the notices seen);
- `CLAUSE_SEP` ，,；; split the clauses of an annotation.
"""

from __future__ import annotations

from .lazy_regex import escape, lazy_compile

OPENERS = "（(〔【[［〖"
CLOSERS = "）)〕】]］〗"
PAIR = dict(zip(CLOSERS, OPENERS, strict=True))
ANY_OPENER = lazy_compile("[" + escape(OPENERS) + "]")
ANY_BRACKET = lazy_compile("[" + escape(OPENERS + CLOSERS) + "]")
# A bracketed group with no bracket inside, its text as `body`: 县（市、区）,
# 各乡镇〔街道〕; and one closing the text (县委组织部（县委人才办）).
_GROUP = (
    "["
    + escape(OPENERS)
    + "](?P<body>[^"
    + escape(OPENERS + CLOSERS)
    + "]*)["
    + escape(CLOSERS)
    + "]"
)
GROUP = lazy_compile(_GROUP)
CLOSING_GROUP = lazy_compile(_GROUP + "$")
CLAUSE_SEP = lazy_compile("[，,；;]")
SENTENCE_MARKS = "。；;！？"
TASK_ENDS = "。；;"


def depth(text: str) -> int:
    """Brackets opened minus brackets closed in `text`."""
    return sum(map(text.count, OPENERS)) - sum(map(text.count, CLOSERS))  # map: no generator


def open_at_end(text: str) -> bool:
    """Some bracket of `text` is still open at its end (a stray closer opens nothing)."""
    if ANY_BRACKET.search(text) is None:
        return False
    level = 0
    for m in ANY_BRACKET.finditer(text):
        level = level + 1 if m[0] in OPENERS else max(0, level - 1)
    return level > 0


def group_ends(text: str) -> dict[int, int]:
    """Each opening bracket's index → its closing bracket's, in one pass over
    the brackets only."""
    stack: list[int] = []
    ends: dict[int, int] = {}
    for m in ANY_BRACKET.finditer(text):
        j = m.start()
        if m[0] in OPENERS:
            stack.append(j)
        elif stack:
            ends[stack.pop()] = j
    return ends


def group_start(text: str, close: int) -> int | None:
    """Index of the bracket that `text[close]` closes, nesting respected."""
    level = 0
    for k in range(close, -1, -1):
        ch = text[k]
        if ch in CLOSERS:
            level += 1
        elif ch in OPENERS:
            level -= 1
            if level == 0:
                return k if PAIR.get(text[close]) == ch or ch in "（(" else None
    return None


def top_level_split(text: str) -> list[str]:
    """Split on ，,；; outside parentheses: 各市(区、县)人民政府 stays whole."""
    if ANY_OPENER.search(text) is None:
        return [p.strip() for p in CLAUSE_SEP.split(text) if p.strip()]
    return [text[a:b].strip() for a, b in top_level_spans(text, "，,；;") if text[a:b].strip()]


def top_level_spans(text: str, separators: str) -> list[tuple[int, int]]:
    """The (start, end) of each stretch of `text` between `separators`
    standing outside every bracket."""
    if len(text) > _SHORT:
        return _spans_by_find(text, separators)
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    for k, ch in enumerate(text):
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in separators:
            spans.append((start, k))
            start = k + 1
    spans.append((start, len(text)))
    return spans


# Past this length a step per character (~0.1 us each) costs more than
# finding each bracket and separator kind with str.find (~7 us in all):
# whole paragraphs, split into sentences and clauses by segment.notes.
_SHORT = 48
_BRACKETS = OPENERS + CLOSERS


def _positions(text: str, chars: str) -> list[int]:
    """Where each of `chars` stands in `text` (str.find, not a walk over
    every character)."""
    out: list[int] = []
    for ch in chars:
        k = text.find(ch)
        while k >= 0:
            out.append(k)
            k = text.find(ch, k + 1)
    return out


def _spans_by_find(text: str, separators: str) -> list[tuple[int, int]]:
    """`top_level_spans`, visiting only the brackets and separators."""
    marks = _positions(text, separators)
    brackets = _positions(text, _BRACKETS)
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    for k in sorted({*marks, *brackets}):
        ch = text[k]
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0:
            spans.append((start, k))
            start = k + 1
    spans.append((start, len(text)))
    return spans

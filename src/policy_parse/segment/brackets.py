"""Brackets and the clauses between them, shared by the annotation readers
(segment.annotations, segment.notes, segment.placement)."""

from __future__ import annotations

import regex

from .._support.lazy_regex import lazy_compile

OPENERS = "（(〔【["
CLOSERS = "）)〕】]"
PAIR = dict(zip(CLOSERS, OPENERS, strict=True))
ANY_OPENER = lazy_compile("[" + regex.escape(OPENERS) + "]")
CLAUSE_SEP = lazy_compile("[，,；;]")


def top_level_split(text: str) -> list[str]:
    """Split on ，,；; outside parentheses: 各市(区、县)人民政府 stays whole."""
    if ANY_OPENER.search(text) is None:
        return [p.strip() for p in CLAUSE_SEP.split(text) if p.strip()]
    return [text[a:b].strip() for a, b in top_level_spans(text, "，,；;") if text[a:b].strip()]


def top_level_spans(text: str, separators: str) -> list[tuple[int, int]]:
    """The (start, end) of each stretch of `text` between `separators`
    standing outside every bracket."""
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

"""Notes inside an annotation: what it says about itself and the annotations
after it, not who does the measure.

    （A、B负责，排在第一位的部门为牵头部门，下同）   a clause
    （A、B等负责。列第一位者为牵头单位，下同）       a sentence
    责任单位：A、B（列第一位的为工作牵头单位，下同）  a bracket
    〔A牵头，B参与。以下各项…不再列出。〕           a scope

A note names no unit.  It states a convention (the first unit listed leads,
data/annotations.toml [conventions]) or a scope ([notes] scope); both hold
from where they stand on — segment.items reads the convention on the line
that states it, so it holds for that line's own annotation and every later
one.  A note never ends or joins tasks: the annotation it sits in closes its
task like any other (segment.placement).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .._support.brackets import ANY_BRACKET, ANY_OPENER, CLOSERS, OPENERS, top_level_spans
from .._support.lazy_regex import compile_cached, escape
from .._support.memo import text_cache
from ..data import load
from .grammar import TRAILING_PAREN

if TYPE_CHECKING:
    import regex


@functools.cache
def _conventions() -> regex.Pattern[str]:
    return compile_cached("|".join(load("annotations")["conventions"]["first_is_lead"]))


@functools.cache
def _scope() -> regex.Pattern[str]:
    return compile_cached("|".join(load("annotations")["notes"]["scope"]))


def states_first_is_lead(text: str) -> bool:
    """列第一位者为牵头单位（下同）: from here on the first unit listed leads —
    also where a PDF copy spaced its words apart (列第一位的 为 牵头)."""
    if _conventions().search(text) is not None:
        return True
    spaced = " " in text or "\u3000" in text or "\t" in text
    return spaced and _conventions().search("".join(text.split())) is not None


def footnote_states_first_is_lead(line: str) -> bool:
    """注：各项任务排名第一的为牵头单位 on a line of its own: a footnote, which
    speaks for the whole list it stands under or after.  So does the same
    sentence as a bracket alone on its line (（所列责任单位排名第一位的为牵头单位）):
    no measure's annotation, whose units it would otherwise become."""
    text = line.strip()
    if _footnote().match(text) is not None:
        return states_first_is_lead(text)
    # A bracket that names units too (（A、B等负责。列第一位者为牵头单位，下同）) is
    # an annotation with a note in it: every clause here must be a note.
    body = text[1:-1]
    return _whole_bracket(text) and states_first_is_lead(body) and is_note_only(body)


def is_note_only(body: str) -> bool:
    """（所列责任单位排名第一位的为牵头单位）: a bracket's body every clause of
    which is a note — no annotation, whatever role words it holds."""
    spans = [body[a:b].strip() for a, b in top_level_spans(body, "，,；;。")]
    # A clause holding a label or a bracket names units beside its note
    # (责任单位：A、B（列第一位的为牵头单位，下同）): an annotation.
    return any(spans) and all(
        not c or (is_note(c) and not any(ch in c for ch in "：:（(【〔[")) for c in spans
    )


def trailing_note_states_first_is_lead(line: str) -> bool:
    """…（A、B）（排名第一位的为牵头单位）: the convention as a note bracket
    closing a line (a PDF joined the footnote to the last measure)."""
    m = TRAILING_PAREN.search(line.strip())
    return m is not None and states_first_is_lead(m["body"]) and is_note_only(m["body"])


def _whole_bracket(text: str) -> bool:
    """（…） with nothing outside it and no bracket closed inside before the end."""
    if len(text) < 3 or text[0] not in OPENERS or text[-1] not in CLOSERS:
        return False
    depth = 0
    for ch in text[:-1]:
        depth += ch in OPENERS
        depth -= ch in CLOSERS
        if depth <= 0:  # （A）B（C）: closed before the end
            return False
    return True


@functools.cache
def _footnote() -> regex.Pattern[str]:
    words = sorted(load("annotations")["notes"]["footnote"], key=len, reverse=True)
    return compile_cached(r"^[（(]?(?:" + "|".join(map(escape, words)) + r")\s*\d*\s*[：:]")


def is_footnote(text: str) -> bool:
    """注：… / 备注：… opening the text: a footnote, whatever it says."""
    return _footnote().match(text.strip()) is not None


def is_note(clause: str) -> bool:
    """One clause (between ，；) that states a convention or a scope."""
    clause = clause.strip().rstrip("。 ")
    return bool(clause) and (states_first_is_lead(clause) or _scope().search(clause) is not None)


def _bracket_is_note(body: str) -> bool:
    return any(is_note(body[a:b]) for a, b in top_level_spans(body, "，,；;。"))


def _without_note_brackets(text: str) -> str:
    """A、B（列第一位的为牵头单位，下同） → A、B: a bracket standing outside
    every other whose clauses hold a note is no part of a unit's name."""
    if ANY_OPENER.search(text) is None:
        return text
    out: list[str] = []
    depth, start, pos = 0, 0, 0
    # Only the brackets move the depth: visited by the pattern in C, not
    # character by character (the texts are whole paragraphs).
    for m in ANY_BRACKET.finditer(text):
        k, ch = m.start(), m[0]
        if ch in OPENERS:
            if depth == 0:
                start = k
            depth += 1
        elif ch in CLOSERS and depth:
            depth -= 1
            if depth == 0 and _bracket_is_note(text[start + 1 : k]):
                out.append(text[pos:start])
                pos = k + 1
    out.append(text[pos:])
    return "".join(out)


# Asked of an annotation, then of each of its values: the same texts again.
@text_cache()
def without_note(text: str) -> str:
    """An annotation's body without its note; the same text when it has none.

    A note starts at its first clause whose words are a note's — or, where
    that clause is inside a sentence after a 。 (…。明确牵头部门的，有关部门
    配合，不逐一列出), at that sentence — and runs to the end.  An annotation's
    first clause is never a note: it names the units the note speaks of.
    """
    body = _without_note_brackets(text)
    sentences = top_level_spans(body, "。")
    for n, (s_start, s_end) in enumerate(sentences):
        for a, b in top_level_spans(body[s_start:s_end], "，,；;"):
            if (n or a) and is_note(body[s_start + a : s_start + b]):
                # A sentence of its own is the note from its start, unless a
                # label stands before the clause (。配合单位：B，…不再列出).
                head = body[s_start : s_start + a]
                cut = s_start if n and not any(map(head.__contains__, "：:")) else s_start + a
                return body[:cut].rstrip(" ，,；;。")
    return text if body == text else body.rstrip()

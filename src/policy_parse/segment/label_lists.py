"""Unit lists a label line starts and lines of names go on: 配合单位：A / B / C.

A form or a PDF copy writes one name a line under a label line, with no
separator: those lines are the label's list, not the measure's text
(docs/formats.md "Lines inside a measure").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from .. import data
from .._support.lazy_regex import lazy_compile
from . import grammar as g
from .annotations import Annotation, LabelRole, label_pattern, label_role, names_only_units

if TYPE_CHECKING:
    from .items import Paragraph

# A line longer than this is a sentence, not a name (items.py's trailer bound).
_NAME_MAX = 30


def labels_go_on(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """牵头单位：A / B / 配合单位：C: lines of units' names alone between two
    label lines go on the first one's list (no signature stands there): B
    was the text of a task of its own (1-2), led by nobody."""
    out: list[Paragraph] = []
    k = 0
    while k < len(paragraphs):
        p = paragraphs[k]
        out.append(p)
        k += 1
        if p.text or not p.annotations:
            continue
        j = k
        while j < len(paragraphs) and paragraphs[j].text and not paragraphs[j].annotations:
            j += 1
        if j == k or j >= len(paragraphs) or paragraphs[j].text:
            continue  # no run, or no label line after it
        more = units_under_label(p, paragraphs[k:j])
        if more is not None:
            out.extend(more)
            k = j
    return out


def units_under_label(label: Paragraph, tail: list[Paragraph]) -> list[Paragraph] | None:
    """配合单位：A / B / C, each a line: B and C as annotation lines of the
    label's role, when `label` is a label line naming units (nothing but
    the label and its value) and every line of `tail` is a unit's name."""
    if not tail or label.text or not any(a.names_units for a in label.annotations):
        return None
    texts = [p.text.strip() for p in tail]
    if any(p.annotations or not t or len(t) > _NAME_MAX for p, t in zip(tail, texts, strict=True)):
        return None
    if not names_only_units(texts):
        return None
    found = list(label_pattern().finditer(label.line.text.strip()))
    if not found or found[-1]["leader"]:
        return None
    role = label_role(found[-1]["label"])
    if role not in (LabelRole.LEAD, LabelRole.SUPPORT):
        return None
    return [
        attrs.evolve(
            p,
            text="",
            annotations=(
                Annotation(
                    written=t,
                    lead=(t,) if role == LabelRole.LEAD else (),
                    support=(t,) if role == LabelRole.SUPPORT else (),
                ),
            ),
        )
        for p, t in zip(tail, texts, strict=True)
    ]


def units_before_signature(
    label: Paragraph, tail: list[Paragraph]
) -> tuple[list[Paragraph], list[Paragraph]] | None:
    """配合单位：A / B / 某县人民政府办公室 / 2025年3月5日 under the plan's last
    measure: B goes on the label's list (it was closing text, lost with no
    finding), and the 署名 and the date close the plan.  The 署名 is the
    names' last lines that name an issuer (`_issuer`); with none, the line
    right above a date (2025年3月5日, 2025-03-05) or a publication note (a
    署名 stands there).  Names the text ends with, or a sentence follows
    (各单位要高度重视…), are the list's."""
    n = 0
    while n < len(tail) and _name(tail[n]):
        n += 1
    if n == 0:
        return None
    after = tail[n].text.strip() if n < len(tail) else ""
    sign = n
    while sign > 0 and _issuer(tail[sign - 1].text.strip()):
        sign -= 1
    if sign == n and (g.DATE.match(after) or _NUMERIC_DATE.match(after) or g.NOTE.match(after)):
        sign -= 1  # a date with no issuer's name above it: the line above signs
    more = units_under_label(label, tail[:sign]) if sign else None
    return None if more is None else (more, tail[sign:])


# 2025-03-05, 2025.3.5, 2025/3/5: a portal's or a typist's 成文日期.
_NUMERIC_DATE = lazy_compile(r"^(?:19|20)\d\d\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{1,2}$")


def _name(p: Paragraph) -> bool:
    t = p.text.strip()
    return bool(t) and not p.annotations and len(t) <= _NAME_MAX and names_only_units([t])


def _issuer(text: str) -> bool:
    """某县人民政府办公室: an issuer's full name (data/header.toml
    issuer_words), opening with its place's name, not a bare level."""
    words: list[str] = data.load("header")["issuer_words"]
    heads: str = data.load("units")["suffix_heads"]
    return any(w in text for w in words) and text[:1] not in heads

"""A heading that names the lead of the items under it.

`一、甲局牵头工作`, `（一）优化营商环境` with a line `牵头单位：甲局` under its
title, or `（一）优化营商环境（牵头单位：甲局）` over items naming supporting
units only: every item under the heading that names no lead of its own is led by
甲局 (the measure's evidence is `section`).  Only a lead, and only one that
ends like a unit: a title that is a task (`支持龙头企业牵头组建联合体`) or a
person (`张三区长主抓工作`) leads nothing, and a heading that also names
supporting units stays what its level makes it.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from ..data import load
from .annotations import Annotation, names_only_units, parse_phrase
from .items import Item


def _lead_only(ann: Annotation | None) -> tuple[str, ...]:
    """The annotation's lead when it names a lead, no supporting unit, and
    nothing but units."""
    if ann is None or not ann.lead or ann.support or not names_only_units(list(ann.lead)):
        return ()
    return ann.lead


@functools.cache
def _nouns() -> tuple[str, ...]:
    """data/annotations.toml [headings] nouns, longest first (sorted once)."""
    return tuple(sorted(load("annotations")["headings"]["nouns"], key=len, reverse=True))


def title_lead(title: str) -> tuple[str, ...]:
    """一、甲局牵头工作 → (甲局,): a lead phrase, then a noun of
    data/annotations.toml [headings] nouns (的 allowed before it) — or the
    lead phrase alone (一、甲局牵头, 二、由乙局牵头)."""
    text = title.strip().rstrip("。.：:；;").rstrip()
    noun = next((n for n in _nouns() if text.endswith(n)), "")
    return _lead_only(parse_phrase(text[: len(text) - len(noun)].removesuffix("的")))


def label_lead(item: Item) -> tuple[str, ...]:
    """（一）标题 / 牵头单位：甲局: the lines under the title are annotations
    alone, and together they name a lead and nothing else."""
    first, *rest = item.paragraphs
    if first.annotations or not rest or any(p.text or not p.annotations for p in rest):
        return ()
    anns: Sequence[Annotation] = [a for p in rest for a in p.annotations]
    merged = anns[0]
    for a in anns[1:]:
        merged = merged.merged(a)
    return _lead_only(merged)


def bracket_lead(item: Item) -> tuple[str, ...]:
    """（一）标题（牵头单位：甲局） with nothing under the title: the title's own
    annotation names a lead and nothing else.  Whether that makes it a
    heading is for segment.levels to say (its items must name no lead)."""
    first, *rest = item.paragraphs
    if rest or not first.annotations:
        return ()
    merged = first.annotations[0]
    for a in first.annotations[1:]:
        merged = merged.merged(a)
    return _lead_only(merged)


def _merged(anns: Sequence[Annotation]) -> Annotation | None:
    merged = anns[0] if anns else None
    for a in anns[1:]:
        merged = merged.merged(a) if merged else a
    return merged


def heading_units(item: Item) -> Annotation | None:
    """（一）标题（A牵头，B配合） or 标题 / 牵头单位：A / 配合单位：B: the
    units the heading's own annotation names (units only, lead or not).
    They are its items' when none of them names a unit (segment.levels
    decides; segment.prose hands them down)."""
    first, *rest = item.paragraphs
    if rest:
        if first.annotations or any(p.text or not p.annotations for p in rest):
            return None
        ann = _merged([a for p in rest for a in p.annotations])
    else:
        ann = _merged(first.annotations)
    if ann is None or not ann.names_units:
        return None
    if not names_only_units([*ann.lead, *ann.support]):
        return None
    return ann


def heading_lead(item: Item) -> tuple[str, ...]:
    """The lead a heading names for its items, from its title, its label
    lines or the annotation closing its title."""
    return title_lead(item.marker.rest) or label_lead(item) or bracket_lead(item)

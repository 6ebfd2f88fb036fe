"""Responsibility annotations: （牵头部门：A，责任部门：B、C） and its cousins.

The label words live in normalize/data/annotations.toml; this module only
knows the three shapes they come in (docs/formats.md):

* labelled clauses  — 牵头单位：A；配合单位：B、C
* a lead phrase     — A牵头，B、C按职责分工负责
* a shared phrase   — A、B按职责分工负责 (no lead named) or A负责 (one unit: the lead)
"""

from __future__ import annotations

import functools

import attrs
import regex

from ..data import load
from .grammar import TRAILING_PAREN, UNIT_SEPARATORS


@attrs.frozen(kw_only=True)
class Annotation:
    written: str
    lead: tuple[str, ...]  # as written, not yet split into units
    support: tuple[str, ...]
    deadline: str | None = None


@functools.cache
def _label_pattern() -> regex.Pattern[str]:
    labels = load("annotations")["labels"]
    words = sorted(
        {*labels["lead"], *labels["support"], *labels["deadline"]}, key=len, reverse=True
    )
    return regex.compile(r"(?P<label>" + "|".join(map(regex.escape, words)) + r")\s*[：:]")


@functools.cache
def _role_of() -> dict[str, str]:
    labels = load("annotations")["labels"]
    return {
        **{w: "deadline" for w in labels["deadline"]},
        **{w: "support" for w in labels["support"]},
        **{w: "lead" for w in labels["lead"]},
    }


def parse_annotation(body: str) -> Annotation | None:
    """The inside of a parenthetical → Annotation, or None if it is not one."""
    text = body.strip()
    matches = list(_label_pattern().finditer(text))
    if matches and not text[: matches[0].start()].strip(" ，,；;"):
        found: dict[str, list[str]] = {"lead": [], "support": [], "deadline": []}
        for i, m in enumerate(matches):
            end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
            value = text[m.end() : end].strip().strip("，,；;。 ")
            found[_role_of()[m["label"]]].append(value)
        if not found["lead"] and not found["support"]:
            return None
        return Annotation(
            written=body,
            lead=tuple(found["lead"]),
            support=tuple(found["support"]),
            deadline=found["deadline"][0] if found["deadline"] else None,
        )
    phrases = load("annotations")["phrases"]
    for marker in phrases["lead_marker"]:
        head, sep, tail = text.partition(marker)
        if sep and head and not regex.search(r"[。：:]", head):
            tail = tail.strip(" ，,；;。")
            for shared in phrases["shared_markers"]:
                if tail.endswith(shared):
                    tail = tail[: -len(shared)]
                    break
            return Annotation(written=body, lead=(head,), support=(tail,) if tail.strip() else ())
    for shared in phrases["shared_markers"]:
        if text.endswith(shared) and (head := text[: -len(shared)].strip(" ，,；;")):
            if regex.search(r"[。：:]", head):
                continue
            if len([p for p in UNIT_SEPARATORS.split(head) if p.strip()]) == 1:
                return Annotation(written=body, lead=(head,), support=())
            return Annotation(written=body, lead=(), support=(head,))
    return None


def split_trailing_annotation(text: str) -> tuple[str, Annotation | None]:
    """Measure text → (text without its final annotation, the annotation)."""
    m = TRAILING_PAREN.search(text)
    if m is None:
        return text, None
    ann = parse_annotation(m["body"])
    if ann is None:
        return text, None
    return text[: m.start()].rstrip(), ann


def parse_annotation_line(line: str) -> tuple[str, str] | None:
    """牵头单位：A on its own line → ("lead", "A"); 完成时限：… → ("deadline", …);
    None for any other line."""
    m = _label_pattern().match(line.strip())
    if not m:
        return None
    return _role_of()[m["label"]], line.strip()[m.end() :].strip()

"""The diff's JSON contract, `policy_parse-diff/1` (docs/diff.md; the
schema ships as schema/policy_parse-diff-1.schema.json)."""

from __future__ import annotations

from typing import Any

from ..compare.diff import Change, ChangeKind, NoticeDiff, Side
from ..messages import Lang
from ..models import Source
from .diff_text import kind_word, sentence
from .jsonout import dumps

DIFF_SCHEMA_ID = "policy_parse-diff/1"


def _source(source: Source, title: str | None, measures: int) -> dict[str, Any]:
    return {
        "path": source.path,
        "format": source.format.value,
        "sha256": source.sha256,
        "title": title,
        "measures": measures,
    }


def _side(s: Side) -> dict[str, Any]:
    return {
        "index": s.index,
        "id": s.id,
        "section": s.section,
        "text": s.text,
        "lead": list(s.lead),
        "support": list(s.support),
        "deadline": s.deadline,
        "deadline_value": s.deadline_value,
        "table_row": s.row,
    }


def _value(v: object) -> Any:
    return list(v) if isinstance(v, tuple) else v


def _change(c: Change, lang: Lang) -> dict[str, Any]:
    return {
        "kind": c.kind.value,
        "label": kind_word(c.kind, lang),
        "severity": c.severity.value,
        "old": [_side(s) for s in c.old],
        "new": [_side(s) for s in c.new],
        "before": _value(c.before),
        "after": _value(c.after),
        "edits": [
            {"old": [e.old_start, e.old_end], "new": [e.new_start, e.new_end]} for e in c.edits
        ],
        "similarity": c.similarity,
        "doubtful": c.doubtful,
        "message": sentence(c, lang),
    }


def to_dict(d: NoticeDiff, *, lang: Lang = "zh") -> dict[str, Any]:
    """The contract as plain Python data; `lang` renders each change's
    `label` and `message`, the rest is language-free."""
    return {
        "schema": DIFF_SCHEMA_ID,
        "old": _source(d.old, d.old_title, d.old_measures),
        "new": _source(d.new, d.new_title, d.new_measures),
        "summary": {
            "matched": d.matched,
            "unchanged": d.unchanged,
            "changes": len(d.changes),
            "by_kind": {k.value: sum(1 for c in d.changes if c.kind is k) for k in ChangeKind},
        },
        "changes": [_change(c, lang) for c in d.changes],
    }


def to_json(d: NoticeDiff, *, indent: int | None = 2, lang: Lang = "zh") -> str:
    return dumps(to_dict(d, lang=lang), indent=indent)

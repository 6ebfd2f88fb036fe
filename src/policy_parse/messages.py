"""Messages people read, in zh or en, from one catalogue (data/messages.toml).

A discrepancy's message is rendered at emit time from its own fields, so the
reconciler stays free of languages; a kind the catalogue lacks keeps the
reconciler's English message rather than losing its words.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from .data import load
from .models import Discrepancy

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

_SEP = {"zh": "、", "en": ", "}


def catalogue() -> dict[str, Any]:
    return load("messages")


def ui(key: str, lang: Lang, **fields: object) -> str:
    """A line or word of the reports, with `fields` filled in."""
    return str(catalogue()["ui"][key][lang]).format(**fields)


def count(n: int, noun: str, lang: Lang) -> str:
    """'1 measure' / '2 measures' / '2项措施'."""
    form = catalogue()["noun"][noun][lang]
    if isinstance(form, list):
        form = form[0] if n == 1 else form[1]
    return str(form).format(n=n)


def names(value: object, lang: Lang) -> str:
    """A side's value as read: lists joined, nothing said as 'none'."""
    if value is None or value == () or value == "":
        return ui("none", lang)
    if isinstance(value, tuple | list):
        return _SEP[lang].join(str(v) for v in value)
    return str(value)


def _only(mine: object, theirs: object) -> tuple[str, ...]:
    if not isinstance(mine, tuple | list):
        return ()
    other = set(theirs) if isinstance(theirs, tuple | list) else set()
    return tuple(v for v in mine if v not in other)


def _entry(kind: dict[str, Any], d: Discrepancy) -> dict[str, Any]:
    variants: Sequence[str] = ("general",) if d.measure is None else ()
    for name in (*variants, d.severity.value):
        if isinstance(kind.get(name), dict):
            return dict(kind[name])
    return kind


def message(d: Discrepancy, lang: Lang | None) -> str:
    """`d`'s message in `lang`; None keeps the reconciler's own words."""
    if lang is None:
        return d.message
    if d.note is not None and (note := catalogue().get("note", {}).get(d.note)):
        return str(note[lang]).format(**dict(d.fields))
    kind = catalogue()["kind"].get(d.kind.value)
    if kind is None:
        return d.message
    side = "prose" if d.prose is not None or d.table is None else "table"
    other = "table" if side == "prose" else "prose"
    fields = {
        "measure": d.measure or "",
        "prose": names(d.prose, lang),
        "table": names(d.table, lang),
        "value": names(d.prose if side == "prose" else d.table, lang),
        "side": ui(side, lang),
        "other": ui(other, lang),
        "only_prose": names(_only(d.prose, d.table), lang),
        "only_table": names(_only(d.table, d.prose), lang),
    }
    return str(_entry(kind, d)[lang]).format(**fields)


def column(key: str, lang: Lang) -> str:
    """A spreadsheet column's name."""
    return str(catalogue()["column"][key][lang])


def sheet(key: str, lang: Lang) -> str:
    """A workbook sheet's name."""
    return str(catalogue()["sheet"][key][lang])

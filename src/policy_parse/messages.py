"""Messages people read, in zh or en, from one catalogue (data/messages.toml).

A discrepancy's message is rendered at emit time from its own fields, so the
reconciler stays free of languages; a kind the catalogue lacks keeps the
reconciler's English message rather than losing its words.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from .data import load

if TYPE_CHECKING:  # not at run time: the CLI imports this before the models
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
    kind = catalogue()["kind"].get(d.kind.value)
    note = catalogue().get("note", {}).get(d.note) if d.note is not None else None
    if kind is None and note is None:
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
    if note is not None:  # the note's own fields, and the finding's
        return str(note[lang]).format(**{**fields, **dict(d.fields)})
    assert kind is not None
    return str(_entry(kind, d)[lang]).format(**fields)


def column(key: str, lang: Lang) -> str:
    """A spreadsheet column's name."""
    return str(catalogue()["column"][key][lang])


def sheet(key: str, lang: Lang) -> str:
    """A workbook sheet's name."""
    return str(catalogue()["sheet"][key][lang])


def kind_label(code: str, lang: Lang) -> str:
    """A finding's kind as read, beside its stable code:
    责任单位不一致（units-mismatch） / units differ (units-mismatch)."""
    entry = catalogue().get("kind_label", {}).get(code)
    if entry is None:
        return code
    return f"{entry[lang]}（{code}）" if lang == "zh" else f"{entry[lang]} ({code})"


def _reason_entries() -> list[tuple[list[str], str]]:
    """Each [[reason]] entry: its `en` split into literal, field, literal, …
    (fields at odd indexes), and its `zh`."""
    import re

    return [(re.split(r"\{(\w+)\}", e["en"]), e["zh"]) for e in catalogue().get("reason", [])]


_REASONS: list[tuple[list[str], str]] = []
_COMPILED: dict[int, Any] = {}  # an entry with fields → its pattern, compiled on first need


def _fields(k: int, parts: list[str], text: str) -> dict[str, str] | None:
    """The fields of entry `k` read off `text`, or None when it does not match.
    Most entries have no field and a text matches few of the others' first
    and last words, so few of the ~50 patterns are ever compiled (~10 ms)."""
    if len(parts) == 1:
        return {} if text == parts[0] else None
    if not (text.startswith(parts[0]) and text.endswith(parts[-1])):
        return None
    if (pattern := _COMPILED.get(k)) is None:
        import re

        body = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.*?)" for i, p in enumerate(parts))
        pattern = _COMPILED[k] = re.compile(body + r"\Z", re.DOTALL)
    m = pattern.match(text)
    return None if m is None else m.groupdict()


def reason(text: str, lang: Lang | None) -> str:
    """Why a line is residue, in `lang`: the reader's own English words
    matched against the catalogue's [[reason]] entries.  English, None, and
    a reason no entry matches keep the reader's words."""
    if lang != "zh":
        return text
    if not _REASONS:
        _REASONS.extend(_reason_entries())
    for k, (parts, zh) in enumerate(_REASONS):
        if (fields := _fields(k, parts, text)) is not None:
            return zh.format(**fields)
    return text


def _error_entry(key: str | BaseException) -> dict[str, Any]:
    table = catalogue()["error"]
    if isinstance(key, str):
        return dict(table[key])
    for cls in type(key).__mro__:
        if cls.__name__ in table:
            return dict(table[cls.__name__])
    return dict(table["internal"])


def status_code(key: str | BaseException) -> str:
    """summary.csv's stable status: "ok", "corrupt", "not-found", ... (the
    exception's class found in [error], else its nearest base)."""
    return str(_error_entry(key)["code"])


def status_label(code: str, lang: Lang) -> str:
    """The readable label of a stable status code (成功, 文件损坏, ...)."""
    for entry in catalogue()["error"].values():
        if entry["code"] == code:
            return str(entry["status"][lang])
    return code


def error_line(key: str | BaseException, lang: Lang, *, file: str, detail: object = None) -> str:
    """One line: the file, what went wrong, what to do.  `key` is the
    exception (its class picks the entry) or an [error] key ("internal",
    "OutputError", ...); `detail` defaults to the exception's own words."""
    if detail is None:
        detail = key if isinstance(key, BaseException) else ""
    return str(_error_entry(key)[lang]).format(file=file, detail=detail)


def os_reason(exc: OSError, lang: Lang) -> str:
    """Why a system call failed, in words."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    entry = catalogue().get("oserror", {}).get(name)
    if entry is not None:
        return str(entry[lang])
    return exc.strerror or name or str(exc)


def cli(key: str, lang: Lang) -> str:
    """A word of the command line (--help, the progress bar), unformatted."""
    return str(catalogue()["cli"][key][lang])


def usage(key: str, lang: Lang, **fields: object) -> str:
    """A usage error's sentence."""
    return str(catalogue()["usage"][key][lang]).format(**fields)


def summary_column(key: str, lang: Lang) -> str:
    return str(catalogue()["summary"][key][lang])


def diff_word(table: str, key: str, lang: Lang, **fields: object) -> str:
    """A word or sentence of the diff reports: [diff.<table>] <key>.  An
    entry written as [singular, plural] is counted by the field `n`."""
    form = catalogue()["diff"][table][key][lang]
    if isinstance(form, list):
        form = form[0] if fields.get("n") == 1 else form[1]
    return str(form).format(**fields)


def across(key: str, lang: Lang, **fields: object) -> str:
    """A word of the registry and cover reports (data/messages.toml [across])."""
    return str(catalogue()["across"][key][lang]).format(**fields)


def across_column(key: str, lang: Lang) -> str:
    return str(catalogue()["across"]["column"][key][lang])

"""The batch's department registry (compare/registry.py) in every format the
CLI writes: text, JSON (schema `policy_parse-names/1`, docs/names.md), CSV
(one row per name), XLSX (departments, merges, refusals) and HTML."""

from __future__ import annotations

from typing import Any

from ..compare.registry import Registry
from ..messages import Lang, across, across_column, count

SCHEMA_ID = "policy_parse-names/1"


def registry_to_dict(registry: Registry, lang: Lang = "zh") -> dict[str, Any]:
    """The JSON document: stable codes (`rule`, `reason`) beside their words."""
    return {
        "schema": SCHEMA_ID,
        "files": list(registry.files),
        "departments": [
            {"name": d.name, "forms": list(d.forms[1:]), "files": list(d.files)}
            for d in registry.departments
        ],
        "merges": [
            {
                "name": m.name,
                "canonical": m.canonical,
                "rule": m.rule,
                "evidence": across(f"rule_{m.rule}", lang),
                "files": list(m.files),
            }
            for m in registry.merges
        ],
        "refused": [
            {
                "name": r.name,
                "candidates": list(r.candidates),
                "reason": r.reason,
                "message": across(f"reason_{r.reason}", lang),
                "files": list(r.files),
            }
            for r in registry.refused
        ],
    }


def registry_to_json(registry: Registry, lang: Lang = "zh") -> str:
    from .jsonout import dumps

    return dumps(registry_to_dict(registry, lang), sort_keys=False) + "\n"


def _sep(lang: Lang) -> str:
    return "、" if lang == "zh" else ", "


def tables(registry: Registry, lang: Lang) -> dict[str, tuple[list[str], list[list[Any]]]]:
    """The three tables, by key: departments, merges, refused."""
    c, sep = across_column, _sep(lang)
    return {
        "departments": (
            [c("canonical", lang), c("forms", lang), c("file_count", lang), c("files", lang)],
            [
                [d.name, sep.join(d.forms[1:]), len(d.files), sep.join(d.files)]
                for d in registry.departments
            ],
        ),
        "merges": (
            [c("name", lang), c("canonical", lang), c("rule", lang), c("files", lang)],
            [
                [m.name, m.canonical, across(f"rule_{m.rule}", lang), sep.join(m.files)]
                for m in registry.merges
            ],
        ),
        "refused": (
            [c("name", lang), c("candidates", lang), c("reason", lang), c("files", lang)],
            [
                [
                    r.name,
                    sep.join(r.candidates),
                    across(f"reason_{r.reason}", lang),
                    sep.join(r.files),
                ]
                for r in registry.refused
            ],
        ),
    }


def registry_to_csv(registry: Registry, lang: Lang = "zh") -> str:
    """One row per name: its canonical name and why, or the names it was
    kept apart from and why."""
    from .tabular import csv_text

    c, sep = across_column, _sep(lang)
    header = [
        c("name", lang),
        c("kind", lang),
        c("canonical", lang),
        c("candidates", lang),
        c("rule", lang),
        c("files", lang),
    ]
    rows = [
        [
            m.name,
            c("kind_merge", lang),
            m.canonical,
            "",
            across(f"rule_{m.rule}", lang),
            sep.join(m.files),
        ]
        for m in registry.merges
    ]
    rows += [
        [
            r.name,
            c("kind_refused", lang),
            "",
            sep.join(r.candidates),
            across(f"reason_{r.reason}", lang),
            sep.join(r.files),
        ]
        for r in registry.refused
    ]
    return csv_text(header, rows)


def _counts(registry: Registry, lang: Lang) -> str:
    return across(
        "names_counts",
        lang,
        files=count(len(registry.files), "file", lang),
        departments=len(registry.departments),
        merges=len(registry.merges),
        refused=len(registry.refused),
    )


def registry_to_xlsx(registry: Registry, lang: Lang = "zh") -> bytes:
    from .pages import workbook

    return workbook([(across(k, lang), h, r) for k, (h, r) in tables(registry, lang).items()])


def registry_to_html(registry: Registry, lang: Lang = "zh") -> str:
    from .pages import html_page

    return html_page(
        across("names_title", lang),
        lang,
        [_counts(registry, lang)],
        [(across(k, lang), h, r) for k, (h, r) in tables(registry, lang).items()],
    )


def registry_to_text(registry: Registry, lang: Lang = "zh") -> str:
    sep = _sep(lang)
    lines = [across("names_title", lang), _counts(registry, lang), ""]
    lines.append(f"{across('departments', lang)}:")
    for d in registry.departments:
        also = across("also", lang, forms=sep.join(d.forms[1:])) if len(d.forms) > 1 else ""
        lines.append(f"  {d.name}{also} · {count(len(d.files), 'file', lang)}")
    merges = [
        across(
            "merge_line",
            lang,
            name=m.name,
            canonical=m.canonical,
            rule=across(f"rule_{m.rule}", lang),
            files=sep.join(m.files),
        )
        for m in registry.merges
    ]
    refused = [
        across(
            "refusal_line",
            lang,
            name=r.name,
            candidates=sep.join(r.candidates),
            reason=across(f"reason_{r.reason}", lang),
            files=sep.join(r.files),
        )
        for r in registry.refused
    ]
    for key, said in (("merges", merges), ("refused", refused)):
        lines += ["", f"{across(key, lang)}:"]
        lines += [f"  {line}" for line in said or [across("none", lang)]]
    return "\n".join(lines) + "\n"


def render_registry(registry: Registry, fmt: str, lang: Lang) -> str | bytes:
    """`registry` in one of emit.outputs.SUFFIX's formats."""
    if fmt == "xlsx":
        return registry_to_xlsx(registry, lang)
    if fmt == "json":
        return registry_to_json(registry, lang)
    if fmt == "csv":
        return registry_to_csv(registry, lang)
    if fmt == "html":
        return registry_to_html(registry, lang)
    return registry_to_text(registry, lang)

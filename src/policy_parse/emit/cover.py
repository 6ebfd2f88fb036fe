"""Which parent items a notice implements (compare/cover.py) in every format
the CLI writes: text, JSON (schema `policy_parse-cover/1`, docs/cover.md),
CSV (one row per parent item and measure linked), XLSX and HTML."""

from __future__ import annotations

from typing import Any

from ..compare.cover import Cover, Link
from ..messages import Lang, across, across_column

SCHEMA_ID = "policy_parse-cover/1"


def _doubt(link: Link, lang: Lang) -> str:
    if link.doubt == "close":
        return across("doubt_close", lang, item=link.runner_up)
    if link.doubt == "weak":
        return across("doubt_weak", lang)
    return ""


def cover_to_dict(result: Cover, lang: Lang = "zh") -> dict[str, Any]:
    return {
        "schema": SCHEMA_ID,
        "parent": result.parent,
        "notice": result.notice,
        "items": [
            {"id": i.id, "number": i.number, "text": i.text, "measures": list(i.measures)}
            for i in result.items
        ],
        "measures": [
            {
                "id": link.measure,
                "text": link.text,
                "items": list(link.items),
                "how": link.how,
                "score": link.score,
                "column": link.column,
                "doubt": link.doubt,
                "runner_up": link.runner_up,
                "message": _doubt(link, lang) or None,
            }
            for link in result.links
        ],
        "uncovered": [i.id for i in result.uncovered],
        "unlinked": [link.measure for link in result.unlinked],
    }


def cover_to_json(result: Cover, lang: Lang = "zh") -> str:
    from .jsonout import dumps

    return dumps(cover_to_dict(result, lang), sort_keys=False) + "\n"


def _sep(lang: Lang) -> str:
    return "、" if lang == "zh" else ", "


def _counts(result: Cover, lang: Lang) -> str:
    return across(
        "cover_counts",
        lang,
        items=len(result.items),
        covered=len(result.items) - len(result.uncovered),
        uncovered=len(result.uncovered),
        measures=len(result.links),
        unlinked=len(result.unlinked),
    )


def tables(result: Cover, lang: Lang) -> dict[str, tuple[list[str], list[list[Any]]]]:
    """By key: items (each parent item and its measures), links (each measure
    and its items)."""
    c, sep = across_column, _sep(lang)
    yes, no = c("yes", lang), c("no", lang)
    return {
        "items": (
            [
                c("item", lang),
                c("item_number", lang),
                c("item_text", lang),
                c("covered", lang),
                c("measures", lang),
            ],
            [
                [i.id, i.number, i.text, yes if i.measures else no, sep.join(i.measures)]
                for i in result.items
            ],
        ),
        "links": (
            [
                c("measure", lang),
                c("measure_text", lang),
                c("item", lang),
                c("how", lang),
                c("score", lang),
                c("doubt", lang),
                c("column", lang),
            ],
            [
                [
                    link.measure,
                    link.text,
                    sep.join(link.items),
                    across(f"how_{link.how}", lang),
                    link.score,
                    _doubt(link, lang),
                    link.column or "",
                ]
                for link in result.links
            ],
        ),
    }


def cover_to_csv(result: Cover, lang: Lang = "zh") -> str:
    """One row per (parent item, measure) link; a parent item no measure
    implements and a measure linked to nothing each get a row of their own."""
    from .tabular import csv_text

    c = across_column
    header = [
        c("item", lang),
        c("item_text", lang),
        c("measure", lang),
        c("measure_text", lang),
        c("how", lang),
        c("score", lang),
        c("doubt", lang),
    ]
    texts = {i.id: i.text for i in result.items}
    links = {i.id: [lk for lk in result.links if i.id in lk.items] for i in result.items}
    rows: list[list[str]] = []
    for item in result.items:
        if not links[item.id]:
            rows.append([item.id, item.text, "", "", across("how_none", lang), "", ""])
        for lk in links[item.id]:
            how = across(f"how_{lk.how}", lang)
            rows.append(
                [item.id, texts[item.id], lk.measure, lk.text, how, str(lk.score), _doubt(lk, lang)]
            )
    for lk in result.unlinked:
        rows.append(["", "", lk.measure, lk.text, across("how_none", lang), str(lk.score), ""])
    return csv_text(header, rows)


def cover_to_xlsx(result: Cover, lang: Lang = "zh") -> bytes:
    from .pages import workbook

    return workbook([(across(k, lang), h, r) for k, (h, r) in tables(result, lang).items()])


def cover_to_html(result: Cover, lang: Lang = "zh") -> str:
    from .pages import html_page

    t = tables(result, lang)
    header, rows = t["items"]
    uncovered = (header[:3], [r[:3] for r in rows if r[4] == ""])
    return html_page(
        across("cover_title", lang),
        lang,
        [
            f"{across('parent', lang)}: {result.parent}",
            f"{across('notice', lang)}: {result.notice}",
            _counts(result, lang),
        ],
        [
            (across("uncovered", lang), *uncovered),
            (across("items", lang), *t["items"]),
            (across("links", lang), *t["links"]),
        ],
    )


def cover_to_text(result: Cover, lang: Lang = "zh") -> str:
    sep = _sep(lang)
    lines = [
        across("cover_title", lang),
        f"{across('parent', lang)}: {result.parent}",
        f"{across('notice', lang)}: {result.notice}",
        _counts(result, lang),
        "",
        f"{across('uncovered', lang)}:",
    ]
    lines += [f"  {i.id}. {i.text}" for i in result.uncovered] or [f"  {across('none', lang)}"]
    lines += ["", f"{across('items', lang)}:"]
    for i in result.items:
        by = across("implemented_by", lang, measures=sep.join(i.measures)) if i.measures else "—"
        lines.append(f"  {i.id}. {_short(i.text)} → {by}")
    lines += ["", f"{across('links', lang)}:"]
    for lk in result.links:
        items = sep.join(lk.items) or across("none", lang)
        how = across(f"how_{lk.how}", lang)
        doubt = f" · {_doubt(lk, lang)}" if lk.doubt else ""
        lines.append(f"  {lk.measure} → {items} ({how}, {lk.score}){doubt}")
    return "\n".join(lines) + "\n"


def _short(text: str, width: int = 40) -> str:
    """A parent item's opening words: the full text is in every other format."""
    return text if len(text) <= width else text[: width - 1] + "…"


def render_cover(result: Cover, fmt: str, lang: Lang) -> str | bytes:
    """`result` in one of emit.outputs.SUFFIX's formats."""
    if fmt == "xlsx":
        return cover_to_xlsx(result, lang)
    if fmt == "json":
        return cover_to_json(result, lang)
    if fmt == "csv":
        return cover_to_csv(result, lang)
    if fmt == "html":
        return cover_to_html(result, lang)
    return cover_to_text(result, lang)

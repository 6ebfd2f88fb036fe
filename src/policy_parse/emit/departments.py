"""Who does what: for each department (its canonical name, with the written
forms it covers), the measures it leads and supports and the findings on
them by severity — the question a bureau asks first.  One notice here; a
batch adds them up in `combined`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..messages import Lang, column, count, ui
from ..models import Notice, Severity
from ..normalize.same_as import reference
from .json import measure_views
from .text import measure_order

Department = dict[str, Any]
_SEV = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def departments(notice: Notice) -> list[Department]:
    """One entry per canonical name, in order of first appearance:
    {"name", "written": [...], "lead": [ids], "support": [ids],
     "error", "warning", "info"} (findings on the measures it leads or supports)."""
    by_measure: dict[str, dict[str, int]] = {}
    for d in notice.discrepancies:
        if d.measure is not None:
            c = by_measure.setdefault(d.measure, {s.value: 0 for s in _SEV})
            c[d.severity.value] += 1
    out: dict[str, Department] = {}
    # The records' sources, not the records (emit/json.py builds each
    # measure's whole JSON record): only the id and the units are read here.
    for m, e, _ in measure_views(notice):
        if m is not None:
            mid = m.id or str(m.number)
            units = (("lead", m.lead), ("support", m.support))
        else:
            assert e is not None
            mid = e.id or (None if e.number is None else str(e.number)) or ""
            units = (("lead", e.lead), ("support", e.support))
        for role, role_units in units:
            for u in role_units:
                dept = out.get(u.name)
                if dept is None:
                    dept = out[u.name] = {
                        "name": u.name, "written": [], "lead": [], "support": [],
                        "measures": set(),
                    }  # fmt: skip
                # 同上 names no unit: the measure it points to does.
                if u.written not in dept["written"] and not reference(u.written)[0]:
                    dept["written"].append(u.written)
                if mid and mid not in dept[role]:
                    dept[role].append(mid)
                dept["measures"].add(mid)
    result = []
    for dept in out.values():
        measures = dept.pop("measures")
        found = [by_measure[m] for m in measures if m in by_measure]
        for s in _SEV:
            dept[s.value] = sum(c[s.value] for c in found)
        dept["lead"].sort(key=measure_order)
        dept["support"].sort(key=measure_order)
        result.append(dept)
    return result


def _sep(lang: Lang) -> str:
    return "、" if lang == "zh" else ", "


DEPARTMENT_KEYS = (
    "department", "written_forms", "leads", "lead_measures", "supports", "support_measures",
    "errors", "warnings", "infos",
)  # fmt: skip
"""The department sheet's columns, by key (data/messages.toml [column])."""


def department_rows(depts: Iterable[Department], lang: Lang) -> tuple[list[str], list[list[Any]]]:
    """The department sheet: one row per department, most measures first."""
    header = [column(k, lang) for k in DEPARTMENT_KEYS]
    rows = []
    for d in sorted(depts, key=lambda d: (-len(d["lead"]) - len(d["support"]), d["name"])):
        rows.append(
            [
                d["name"],
                _sep(lang).join(w for w in d["written"] if w != d["name"]),
                len(d["lead"]),
                _sep(lang).join(d["lead"]),
                len(d["support"]),
                _sep(lang).join(d["support"]),
                d["error"],
                d["warning"],
                d["info"],
            ]
        )
    return header, rows


def department_lines(notice: Notice, lang: Lang) -> list[str]:
    """The text report's section: a department per line, then its measures."""
    depts = departments(notice)
    if not depts:
        return []
    lines = [
        ui("departments", lang) + (f"（{len(depts)}）" if lang == "zh" else f" ({len(depts)})")
    ]
    _, rows = department_rows(depts, lang)
    for name, written, n_lead, lead, n_support, support, e, w, i in rows:
        also = ui("written_as", lang, forms=written) if written else ""
        lines.append(f"  {name}{also}")
        parts = []
        if n_lead:
            parts.append(ui("leads", lang, n=n_lead, measures=lead))
        if n_support:
            parts.append(ui("supports", lang, n=n_support, measures=support))
        found = [count(n, s, lang) for n, s in ((e, "error"), (w, "warning"), (i, "info")) if n]
        if found:
            parts.append(ui("findings_on", lang, findings=_sep(lang).join(found)))
        lines.append("    " + ("；" if lang == "zh" else "; ").join(parts))
    return lines

"""One table for many notices: each notice's measure and finding rows
stacked, every row carrying the file, 发文字号, 标题, 发文机关 and date; an
overview of the notices; and the departments added up across all of them,
each under the one name the batch's registry gives it (compare/registry.py:
市发改委 in one notice and 市发展和改革委员会 in another are one row, 市财政局 and
区财政局 two).

A worker turns its notice into a `part` (plain lists, cheap to send back
from a process); `Combined` stacks the parts in input order and writes
them as one workbook, CSV files, or JSON lines."""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..compare.registry import Registry, Use, build, uses_of
from ..messages import Lang, column, sheet
from ..models import Notice, Severity
from .departments import Department, departments
from .tabular import discrepancies_table, measures_table

NOTICE_KEYS = ("file", "doc_number", "title", "issuer", "date")
OVERVIEW_KEYS = (*NOTICE_KEYS, "measure_count", "table_row_count", "errors", "warnings", "infos")
COMBINED_DEPARTMENT_KEYS = (
    "department", "written_forms", "notice_count", "leads", "lead_measures", "supports",
    "support_measures", "errors", "warnings", "infos",
)  # fmt: skip
# The CSV files of a combined output: the measures in the file named, the
# rest beside it (all.csv, all.findings.csv, ...).
CSV_PARTS = ("measures", "findings", "departments", "notices")


def notice_part(notice: Notice, file: str, lang: Lang) -> dict[str, Any]:
    """What the combined output needs of one notice, as plain data."""
    h = notice.header
    ident = [file, h.doc_number or "", h.title or h.plan_title or "", h.issuer or "", h.date or ""]
    counts = {s: sum(1 for d in notice.discrepancies if d.severity is s) for s in Severity}
    return {
        "notice": ident,
        "overview": [
            *ident,
            len(notice.measures),
            len(notice.table),
            counts[Severity.ERROR],
            counts[Severity.WARNING],
            counts[Severity.INFO],
        ],
        "measures": measures_table(notice, lang),
        "findings": discrepancies_table(notice, lang),
        "departments": departments(notice),
        # Every name the notice uses, for the batch's registry.
        "names": [(u.name, u.written, u.issuer) for u in uses_of(notice, file)],
    }


class _Stack:
    """Rows of tables whose columns may differ (a notice's own extra table
    columns): the union of the columns, in order of first appearance."""

    def __init__(self, lead: Sequence[str]) -> None:
        self.columns: dict[str, None] = dict.fromkeys(lead)
        self.rows: list[dict[str, Any]] = []

    def add(
        self, lead: Sequence[Any], header: Sequence[str], rows: Iterable[Sequence[Any]]
    ) -> None:
        self.columns.update(dict.fromkeys(header))
        names = list(self.columns)[: len(lead)]
        for r in rows:
            self.rows.append({**dict(zip(names, lead)), **dict(zip(header, r))})

    def table(self) -> tuple[list[str], list[list[Any]]]:
        header = list(self.columns)
        return header, [[r.get(c, "") for c in header] for r in self.rows]


class Combined:
    """The stacked tables of a batch, in the order parts are added."""

    def __init__(self, lang: Lang, aliases: Mapping[str, str] | None = None) -> None:
        self.lang = lang
        self.aliases = aliases
        self.uses: list[Use] = []
        lead = [column(k, lang) for k in NOTICE_KEYS]
        self.measures = _Stack(lead)
        self.findings = _Stack(lead)
        self.overview: list[list[Any]] = []
        self.depts: dict[str, dict[str, Any]] = {}

    def add(self, part: dict[str, Any]) -> None:
        ident = part["notice"]
        self.measures.add(ident, *part["measures"])
        self.findings.add(ident, *part["findings"])
        self.overview.append(part["overview"])
        for d in part["departments"]:
            self._add_department(d, ident[0], ident[1])
        self.uses.extend(
            Use(name=n, written=w, file=ident[0], issuer=i) for n, w, i in part["names"]
        )

    def registry(self) -> Registry:
        """The batch's one name per department, from every part added."""
        return build(self.uses, files=[o[0] for o in self.overview], aliases=self.aliases)

    def _merged_departments(self) -> list[dict[str, Any]]:
        """The departments added up under the registry's names: forms and
        files joined, each notice's measures once."""
        canonical = self.registry().mapping()
        out: dict[str, dict[str, Any]] = {}
        for d in self.depts.values():
            name = canonical.get(d["name"], d["name"])
            total = out.setdefault(
                name,
                {"name": name, "written": [], "files": [], "lead": [], "support": [],
                 "error": 0, "warning": 0, "info": 0},
            )  # fmt: skip
            for w in (d["name"], *d["written"]):
                if w not in total["written"]:
                    total["written"].append(w)
            total["files"].extend(f for f in d["files"] if f not in total["files"])
            for role in ("lead", "support"):
                for file, number, ids in d[role]:
                    same = next((g for g in total[role] if g[0] == file), None)
                    if same is None:
                        total[role].append((file, number, list(ids)))
                    else:
                        same[2].extend(i for i in ids if i not in same[2])
            for s in ("error", "warning", "info"):
                total[s] += d[s]
        return list(out.values())

    def _add_department(self, d: Department, file: str, doc_number: str) -> None:
        total = self.depts.setdefault(
            d["name"],
            {"name": d["name"], "written": [], "files": [], "lead": [], "support": [],
             "error": 0, "warning": 0, "info": 0},
        )  # fmt: skip
        total["written"].extend(w for w in d["written"] if w not in total["written"])
        if file not in total["files"]:
            total["files"].append(file)
        for role in ("lead", "support"):
            if d[role]:
                total[role].append((file, doc_number, d[role]))
        for s in ("error", "warning", "info"):
            total[s] += d[s]

    def _labels(self) -> dict[str, str]:
        """How the department sheet names each notice: its 文号; where two
        files share one (the same notice as .docx and .pdf), or a file has
        none, the file's name is added, or its path where names clash too."""
        rows = [(o[0], o[1]) for o in self.overview]
        by_number: dict[str, int] = {}
        by_name: dict[str, int] = {}
        for file, number in rows:
            by_number[number] = by_number.get(number, 0) + 1
            by_name[Path(file).name] = by_name.get(Path(file).name, 0) + 1
        labels = {}
        for file, number in rows:
            name = Path(file).name if by_name[Path(file).name] == 1 else file
            if number and by_number[number] == 1:
                labels[file] = number
            else:
                labels[file] = f"{number}（{name}）" if number else name
        return labels

    def tables(self) -> dict[str, tuple[list[str], list[list[Any]]]]:
        lang = self.lang
        sep, colon, gap = ("、", "：", "；") if lang == "zh" else (", ", ": ", "; ")
        labels = self._labels()

        def listed(groups: list[tuple[str, str, list[str]]]) -> str:
            return gap.join(
                f"{labels.get(f, n or f)}{colon}{sep.join(ids)}" for f, n, ids in groups
            )

        def n(groups: list[tuple[str, str, list[str]]]) -> int:
            return sum(len(ids) for _, _, ids in groups)

        depts = sorted(
            self._merged_departments(), key=lambda d: (-n(d["lead"]) - n(d["support"]), d["name"])
        )
        dept_rows = [
            [
                d["name"],
                sep.join(w for w in d["written"] if w != d["name"]),
                len(d["files"]),
                n(d["lead"]),
                listed(d["lead"]),
                n(d["support"]),
                listed(d["support"]),
                d["error"],
                d["warning"],
                d["info"],
            ]
            for d in depts
        ]
        return {
            "notices": ([column(k, lang) for k in OVERVIEW_KEYS], self.overview),
            "measures": self.measures.table(),
            "findings": self.findings.table(),
            "departments": ([column(k, lang) for k in COMBINED_DEPARTMENT_KEYS], dept_rows),
        }

    def sheet_names(self) -> dict[str, str]:
        keys = {"notices": "notices", "measures": "measures", "findings": "discrepancies",
                "departments": "departments"}  # fmt: skip
        return {k: sheet(v, self.lang) for k, v in keys.items()}

    def to_xlsx(self) -> bytes:
        from .tabular import new_workbook, save_workbook, write_sheet

        wb = new_workbook()
        names = self.sheet_names()
        for key, (header, rows) in self.tables().items():
            write_sheet(wb, names[key], header, rows)
        return save_workbook(wb)

    def to_csv(self) -> dict[str, str]:
        """Each table as CSV text, by part (CSV_PARTS)."""
        from .tabular import csv_text

        return {
            k: csv_text(h, ([_text(v) for v in r] for r in rows))
            for k, (h, rows) in self.tables().items()
        }

    def to_parquet(self) -> dict[str, bytes]:
        """Each table as a Parquet file's bytes, by part (CSV_PARTS): text
        columns as strings, counts as 64-bit integers (the [parquet] extra)."""
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise ImportError("parquet needs pyarrow: pip install 'policy_parse[parquet]'") from exc
        out = {}
        for key, (header, rows) in self.tables().items():
            columns = {}
            for k, name in enumerate(header):
                values = [r[k] for r in rows]
                if values and all(isinstance(v, int) for v in values):
                    columns[name] = pa.array(values, type=pa.int64())
                else:
                    columns[name] = pa.array([_text(v) for v in values], type=pa.string())
            buf = pa.BufferOutputStream()
            pq.write_table(pa.table(columns), buf)
            out[key] = buf.getvalue().to_pybytes()
        return out

    def to_jsonl(self) -> str:
        """One JSON object a line: every measure, then every finding and
        department, each with its table's name under "sheet"."""
        from .jsonout import dumps

        buf = io.StringIO()
        names = self.sheet_names()
        tables = self.tables()
        for key in ("measures", "findings", "departments", "notices"):
            header, rows = tables[key]
            for r in rows:
                buf.write(dumps({"sheet": names[key], **dict(zip(header, r))}, indent=None))
                buf.write("\n")
        return buf.getvalue()


def _text(v: object) -> str:
    return "" if v is None else str(v)

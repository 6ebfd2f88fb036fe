"""pandas DataFrames of a notice, for analysts who go on in pandas (the
`[pandas]` extra).  The spreadsheets' rows, typed: row numbers and counts
are integers (a missing row number is <NA>), and the measures carry their
units as lists besides the joined text.  Under lang="en" the columns have
English snake_case names (`table_row`, `lead_units`); under "zh" the
spreadsheets' Chinese ones.  A notice's own extra 分工表 columns keep their
header words in both."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..messages import Lang, column
from ..models import Notice
from .departments import DEPARTMENT_KEYS, department_rows, departments
from .json import measure_records
from .tabular import (
    DISCREPANCY_KEYS,
    MEASURE_KEYS,
    RESIDUE_KEYS,
    TABLE_ROW_KEYS,
    discrepancies_table,
    measures_table,
    residue_table,
    table_rows_table,
)

if TYPE_CHECKING:
    import pandas

# Columns holding whole numbers.
_INTEGERS = frozenset({"table_row", "leads", "supports", "errors", "warnings", "infos"})


def _names(
    header: Sequence[str], keys: Sequence[str], tail: Sequence[str], lang: Lang
) -> list[str]:
    """The frame's column names: the keys under en, else the header as is."""
    if lang != "en":
        return list(header)
    middle = list(header[len(keys) : len(header) - len(tail)])
    return [*keys, *middle, *tail]


def to_frames(notice: Notice, *, lang: Lang = "zh") -> dict[str, pandas.DataFrame]:
    """{"measures", "table", "discrepancies", "residue", "departments"} → DataFrame."""
    try:
        import pandas as pd
    except ImportError as exc:
        raise ImportError("to_frames needs pandas: pip install 'policy_parse[pandas]'") from exc
    specs: list[tuple[str, tuple[list[str], list[list[Any]]], Sequence[str], Sequence[str]]] = [
        ("measures", measures_table(notice, lang), MEASURE_KEYS, ("findings",)),
        ("table", table_rows_table(notice, lang), TABLE_ROW_KEYS, ()),
        ("discrepancies", discrepancies_table(notice, lang), DISCREPANCY_KEYS, ()),
        ("residue", residue_table(notice, lang), RESIDUE_KEYS, ()),
        ("departments", department_rows(departments(notice), lang), DEPARTMENT_KEYS, ()),
    ]
    out = {}
    for key, (header, rows), keys, tail in specs:
        names = _names(header, keys, tail, lang)
        frame = pd.DataFrame(rows, columns=names)
        for k, name in zip(keys, names, strict=False):
            if k in _INTEGERS:
                frame[name] = pd.to_numeric(frame[name].replace("", None)).astype("Int64")
        if key == "measures":
            records = measure_records(notice)
            for role in ("lead", "support"):
                name = f"{role}_units" if lang == "en" else column(f"{role}_units", lang)
                frame[name] = [[u["name"] for u in r[role]] for r in records]
        out[key] = frame
    return out

"""pandas DataFrames of a notice, for analysts who go on in pandas (the
`[pandas]` extra).  Same rows and columns as the spreadsheets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..messages import Lang
from ..models import Notice
from .tabular import discrepancies_table, measures_table, residue_table, table_rows_table

if TYPE_CHECKING:
    import pandas


def to_frames(notice: Notice, *, lang: Lang = "zh") -> dict[str, pandas.DataFrame]:
    """{"measures", "table", "discrepancies", "residue"} → DataFrame."""
    try:
        import pandas as pd
    except ImportError as exc:
        raise ImportError("to_frames needs pandas: pip install 'policy_parse[pandas]'") from exc
    out = {}
    for key, (header, rows) in (
        ("measures", measures_table(notice, lang)),
        ("table", table_rows_table(notice, lang)),
        ("discrepancies", discrepancies_table(notice, lang)),
        ("residue", residue_table(notice, lang)),
    ):
        out[key] = pd.DataFrame(rows, columns=header)
    return out

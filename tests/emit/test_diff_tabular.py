"""emit/diff_tabular.py: one row per change, in CSV and in a workbook."""

from __future__ import annotations

import csv
import io

import attrs
import pytest

from diffcases import every_kind
from policy_parse.emit.diff_tabular import to_csv, to_xlsx


def test_the_csv_has_a_bom_a_header_and_one_row_per_change() -> None:
    text = to_csv(every_kind())
    assert text.startswith("\ufeff严重程度,变化类型,代码,旧版措施,新版措施")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 1 + len(every_kind().changes)
    lead = next(r for r in rows if r[2] == "lead")
    assert lead[:5] == ["警告", "牵头单位变化", "lead", "措施2", "措施2"]
    assert (lead[7], lead[8]) == ("区发展改革委", "区数据局")
    merged = next(r for r in rows if r[2] == "merged")
    assert merged[3] == "措施6、措施7" and merged[9] == ""


def test_a_text_that_starts_like_a_formula_is_not_one() -> None:
    # A measure text starting with = would run in Excel: defused as the
    # notice CSV is, and the header follows the language.
    d = every_kind()
    removed = next(c for c in d.changes if c.kind.value == "removed")
    text = to_csv(attrs.evolve(d, changes=(attrs.evolve(removed, before="=1+1 清理"),)), lang="en")
    header, row = text.lstrip("\ufeff").splitlines()
    assert header.startswith("severity,change,code")
    assert ",'=1+1 清理," in row


def test_the_workbook_has_an_overview_and_the_changes() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(io.BytesIO(to_xlsx(every_kind(), lang="en")))
    assert wb.sheetnames == ["overview", "changes"]
    changes = list(wb["changes"].iter_rows(values_only=True))
    assert len(changes) == 1 + len(every_kind().changes)
    assert changes[0][:3] == ("severity", "change", "code")

"""--combine: the whole batch as one output (-o all.xlsx / .csv / .jsonl /
.parquet).

The workbook holds every table as a sheet; a CSV or Parquet file holds one
table, so the measures go to the file named and the other tables beside it
(all.csv, all.findings.csv, all.departments.csv, all.notices.csv); JSON
lines name each record's table under "sheet".  summary.csv goes beside
the output as <name>.summary.csv and names the file(s) written."""

from __future__ import annotations

from pathlib import Path

from ..emit.combined import CSV_PARTS, Combined


def outputs(target: Path, fmt: str) -> list[Path]:
    """The files a combined output of `fmt` writes, the named one first."""
    if fmt not in ("csv", "parquet"):
        return [target]
    return [target] + [target.with_name(f"{target.stem}.{k}.{fmt}") for k in CSV_PARTS[1:]]


def summary_path(target: Path) -> Path:
    return target.with_name(f"{target.stem}.summary.csv")


def render(combined: Combined, target: Path, fmt: str) -> dict[Path, str | bytes]:
    """Each file of the output with its content."""
    if fmt == "xlsx":
        return {target: combined.to_xlsx()}
    if fmt == "jsonl":
        return {target: combined.to_jsonl()}
    parts: dict[str, str] | dict[str, bytes] = (
        combined.to_csv() if fmt == "csv" else combined.to_parquet()
    )
    return dict(zip(outputs(target, fmt), (parts[k] for k in CSV_PARTS), strict=True))

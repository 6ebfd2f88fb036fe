"""The output formats the CLI writes, each with the suffix its file gets
(notice.docx -> notice.docx.xlsx).  Plain data, imported before anything
else the CLI needs (its argument parser offers these as choices)."""

from __future__ import annotations

SUFFIX = {"text": ".txt", "json": ".json", "csv": ".csv", "xlsx": ".xlsx", "html": ".html"}

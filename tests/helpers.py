"""Shared builders for the stage tests: the sample's text and its prose
annotations, small hand-made tables, and notice records to compare.

Importable as `helpers` from every folder of tests/ because pyproject.toml
puts this directory on pytest's sys.path (`pythonpath`).
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest

import policy_parse
from policy_parse import to_dict
from policy_parse.models import (
    Cell,
    Document,
    Format,
    Measure,
    MeasureNo,
    Notice,
    Row,
    Source,
    Span,
    Table,
    TableEntry,
    Unit,
)
from policy_parse.normalize.assemble import segmented_to_notice
from policy_parse.segment import segment

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "notice.txt"

# The 分工表 header of the sample notice, in its column order.
HEADER = (
    "方面",
    "任务",
    "国家重点任务",
    "序号",
    "具体落实举措",
    "时限",
    "责任部门",
    "高新区责任部门",
)

# One prose measure line of the sample:
#   36-1.支持……产业链。（牵头部门：生物医药招商局）
#   1.积极……企业。（牵头部门：科技创新局，责任部门：政务服务办、组织人事部、市场监管局）
# Every one of its 78 measure lines has this shape (checked in test_prose).
PROSE_LINE = re.compile(
    r"^(?P<no>\d+(?:-\d+)?)\.(?P<body>.*)"
    r"（牵头部门：(?P<lead>[^，）]+)(?:，责任部门：(?P<support>[^）]+))?）$"
)


@functools.cache
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@functools.cache
def sample_notice() -> Notice:
    return policy_parse.parse_text(sample_text())


def records(notice: Notice) -> dict[str, Any]:
    """Everything the notice says, less where it was read from."""
    out = to_dict(notice)
    out.pop("source")
    return out


# --- editing the sample's prose ---------------------------------------------


def prose_lines() -> dict[str, int]:
    """Measure number as written in the prose → index of its line."""
    out: dict[str, int] = {}
    for k, line in enumerate(sample_text().split("\n")):
        m = PROSE_LINE.match(line)
        if m:
            out.setdefault(m["no"], k)
    return out


def prose_annotation(number: str) -> tuple[str, list[str]]:
    """(lead, supporting units) of one prose measure, as written."""
    line = sample_text().split("\n")[prose_lines()[number]]
    m = PROSE_LINE.match(line)
    assert m is not None
    return m["lead"], (m["support"].split("、") if m["support"] else [])


def with_annotation(number: str, lead: str, support: Sequence[str]) -> str:
    """The sample's text with one prose measure's annotation rewritten."""
    lines = sample_text().split("\n")
    k = prose_lines()[number]
    m = PROSE_LINE.match(lines[k])
    assert m is not None
    ann = f"（牵头部门：{lead}" + (f"，责任部门：{'、'.join(support)}" if support else "") + "）"
    lines[k] = f"{m['no']}.{m['body']}{ann}"
    return "\n".join(lines)


def findings(notice: Notice, kind: str) -> list[policy_parse.Discrepancy]:
    return [d for d in notice.discrepancies if d.kind.value == kind]


# --- hand-made tables ---------------------------------------------------------

MERGED = object()  # a vertically merged continuation cell (Cell.merged_up)


def make_table(rows: Sequence[Sequence[object]], *, first_line: int = 1) -> Table:
    """Rows of cell texts (or MERGED) → a `Table` as a reader would give it."""
    built = []
    for k, texts in enumerate(rows):
        span = Span(start_line=first_line + k, end_line=first_line + k)
        cells = tuple(
            Cell(text="", span=span, merged_up=True)
            if t is MERGED
            else Cell(text=str(t), span=span)
            for t in texts
        )
        built.append(Row(cells=cells, span=span))
    return Table(
        rows=tuple(built), span=Span(start_line=first_line, end_line=first_line + len(rows))
    )


SOURCE = Source(path=None, format=Format.TXT, sha256="0" * 64)


def notice_from_blocks(*blocks: object) -> Notice:
    """Blocks → the normalised notice, as parse() would build it (unreconciled)."""
    doc = Document(source=SOURCE, blocks=tuple(blocks))  # type: ignore[arg-type]
    return segmented_to_notice(segment(doc), SOURCE)


# --- hand-made records for the reconciler ------------------------------------------


def units(*names: str) -> tuple[Unit, ...]:
    return tuple(Unit(name=n, written=n, expanded=n) for n in names)


def _with_id(cls: type, fields: dict[str, Any], no: str | None) -> dict[str, Any]:
    # Records gain an `id` (the number, or section/number where numbering
    # restarts per section); fill it when the model has one.
    if "id" in attrs.fields_dict(cls):
        fields["id"] = no
    return fields


def measure(no: str, text: str, lead: Sequence[str], support: Sequence[str] = ()) -> Measure:
    return Measure(
        **_with_id(
            Measure,
            {
                "number": MeasureNo.parse(no),
                "written_number": f"{no}.",
                "part": "1",
                "section": "1",
                "text": text,
                "lead": units(*lead),
                "support": units(*support),
                "annotation": None,
                "span": Span(start_line=1, end_line=1),
            },
            no,
        )
    )


def entry(
    no: str | None, text: str, lead: Sequence[str], support: Sequence[str] = (), *, row: int = 1
) -> TableEntry:
    return TableEntry(
        **_with_id(
            TableEntry,
            {
                "row": row,
                "number": None if no is None else MeasureNo.parse(no),
                "written_number": no or "",
                "number_inferred": False,
                "part": "1",
                "section": "1",
                "national_task": None,
                "text": text,
                "deadline": None,
                "upper_units": (),
                "lead": units(*lead),
                "support": units(*support),
                "extra": (),
                "span": Span(start_line=row, end_line=row),
            },
            no,
        )
    )


def load_script(name: str, path: Path) -> Any:
    """A script of tools/ or benchmarks/ (not packages), loaded by path."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, mod)
    spec.loader.exec_module(mod)
    return mod


def need_soffice() -> str:
    """LibreOffice's command: skip the test without it, fail in CI (which
    has it, .ci/run)."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) must be installed in CI (.ci/run)")
        pytest.skip("soffice not on PATH: the form cannot be made")
    return exe


def soffice_convert(folder: Path, names: Sequence[str], to: str) -> None:
    """Convert `names` in `folder` to the format `to` in one LibreOffice run
    with a profile of its own (`need_soffice`)."""
    exe = need_soffice()
    subprocess.run(
        [
            exe,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            to,
            "--outdir",
            str(folder),
            *names,
        ],
        cwd=folder,
        capture_output=True,
        timeout=300,
        check=True,
    )


def notes_of(notice: policy_parse.Notice, note: str) -> list[dict[str, str]]:
    """The fields of each finding of `notice` whose note is `note`."""
    return [dict(d.fields) for d in notice.discrepancies if d.note == note]


def units_of(notice: policy_parse.Notice) -> list[tuple[str, list[str], list[str]]]:
    """Each measure of `notice`: id, lead names, support names."""
    return [
        (str(m.id), [u.name for u in m.lead], [u.name for u in m.support]) for m in notice.measures
    ]


def measure_rows(document: Document) -> list[tuple[str, list[str], list[str], str]]:
    """Each measure of the notice read from `document`: id, lead, support, text."""
    notice = policy_parse.notice_from_document(document)
    return [
        (str(m.id), [u.name for u in m.lead], [u.name for u in m.support], m.text)
        for m in notice.measures
    ]


# Full names the sample notice uses for the zone's departments.
ZONE_NAMES = [
    "科技创新局",
    "科技发展局",
    "经发局",
    "人社局",
    "社会发展局",
    "市场监管局",
    "财政金融局",
    "金融招商局",
    "规划和资源局",
    "组织人事部",
    "政务服务办",
    "办公室",
    "信创产业招商局",
    "海洋经济和军民融合产业招商局",
    "海洋综合办",
    "生物医药招商局",
    "各相关招商部门",
    "建设和交通局",
    "京津冀招商局",
    "智能与新经济产业促进局",
]

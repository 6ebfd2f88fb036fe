"""Fuzzers for the txt and docx readers and everything after them (issue 13).

Byte mutations of the samples, and structural mutations of a generated Word
table (merges, deleted cells, odd spans, rows wider than the grid).  Each
example must either parse or raise a `PolicyParseError`; when it parses, the
nothing-lost audit holds and the JSON validates against the schema.  The
example counts keep the whole file near 30 s; `POLICY_PARSE_FUZZ=N` runs N
examples per fuzzer for a longer local hunt.
"""

from __future__ import annotations

import json
import os
import random
from importlib import resources

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import badfiles
import policy_parse
from policy_parse.audit import lost_and_invented
from policy_parse.errors import PolicyParseError

SCHEMA = json.loads(
    resources.files("policy_parse")
    .joinpath("schema", "policy_parse-1.schema.json")
    .read_text("utf-8")
)
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
_N = int(os.environ.get("POLICY_PARSE_FUZZ", "0"))


def bounded(examples: int) -> settings:
    return settings(
        max_examples=_N or examples,
        deadline=None,
        derandomize=not _N,  # the same examples on every CI run; a hunt is random
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
    )


def check(source: bytes | str) -> None:
    """Parse `source`; only a PolicyParseError may escape, and a parsed
    notice keeps every character and validates."""
    try:
        document = (
            policy_parse.read_text_document(source)
            if isinstance(source, str)
            else policy_parse.read_document(source)
        )
        notice = policy_parse.notice_from_document(document)
    except PolicyParseError:
        return
    assert lost_and_invented(document, notice) == ("", "")
    VALIDATOR.validate(json.loads(policy_parse.to_json(notice)))


# ---------------------------------------------------------------------------
# Bytes

_TXT = badfiles.SAMPLE_TXT.read_bytes()
_DOCX = (badfiles.ROOT / "samples" / "notice.docx").read_bytes()


@st.composite
def mutated(draw: st.DrawFn, base: bytes) -> bytes:
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["flip", "cut", "dup", "drop", "insert"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        n = draw(st.integers(1, 64))
        if op == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[at:]
        elif op == "dup":
            data[at:at] = data[at : at + n]
        elif op == "drop":
            del data[at : at + n]
        else:
            data[at:at] = draw(st.sampled_from([b"\t", b"\n", b"\x00", "（".encode(), b"36-1."]))
    return bytes(data)


@bounded(60)
@given(mutated(_TXT))
def test_mutated_text_parses_or_raises_a_policy_parse_error(data: bytes) -> None:
    check(data)


@st.composite
def mutated_lines(draw: st.DrawFn) -> str:
    """Line-level damage of the sample text: lines deleted, repeated, swapped,
    tab-indented (a stray table cell) or given invisible characters."""
    lines = badfiles.sample_text().split("\n")
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    for _ in range(draw(st.integers(1, 5))):
        i = rng.randrange(len(lines))
        op = draw(st.sampled_from(["delete", "repeat", "swap", "cell", "invisible"]))
        if op == "delete":
            del lines[i]
        elif op == "repeat":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "cell":
            lines[i] = "\t" + lines[i]
        else:
            k = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:k] + rng.choice("\u200d\u200b\u202e\ufe0f") + lines[i][k:]
    return "\n".join(lines)


@bounded(40)
@given(mutated_lines())
def test_line_damaged_text_parses_or_raises_a_policy_parse_error(text: str) -> None:
    check(text)


@bounded(30)
@given(mutated(_DOCX))
def test_mutated_docx_parses_or_raises_a_policy_parse_error(data: bytes) -> None:
    check(data)


# ---------------------------------------------------------------------------
# Word structure: a generated 分工表 with merges, deleted cells, odd spans

_HEADER = ("序号", "具体落实举措", "牵头单位", "配合单位", "完成时限")
_UNITS = ("区科技局", "区财政局", "区市场监管局", "区人社局", "区发改委")


@st.composite
def table_cell(draw: st.DrawFn, text: str) -> str:
    props = ""
    merge = draw(st.sampled_from(["", "", "", "vrestart", "vcontinue", "hcontinue"]))
    if merge == "vrestart":
        props += '<w:vMerge w:val="restart"/>'
    elif merge == "vcontinue":
        props += "<w:vMerge/>"
    elif merge == "hcontinue":
        props += "<w:hMerge/>"
    span = draw(st.sampled_from([1, 1, 1, 1, 2, 3, 0, -1, 300, 10**9]))
    if span != 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    return badfiles.cell(text, props)


@st.composite
def damaged_table_docx(draw: st.DrawFn) -> bytes:
    n = draw(st.integers(1, 8))
    rows = [list(_HEADER)]
    for i in range(1, n + 1):
        rows.append(
            [
                str(i),
                f"第{i}项措施内容",
                draw(st.sampled_from(_UNITS)),
                "、".join(draw(st.lists(st.sampled_from(_UNITS), max_size=3))),
                draw(st.sampled_from(["2021年底前", "持续推进", "2022年6月底前", ""])),
            ]
        )
    xml_rows, props = [], []
    for k, row in enumerate(rows):
        cells = [draw(table_cell(t)) if k else badfiles.cell(t) for t in row]
        op = draw(st.sampled_from(["keep", "keep", "keep", "delete", "extra", "swap"]))
        if op == "delete" and cells:
            del cells[draw(st.integers(0, len(cells) - 1))]
        elif op == "extra":
            cells.insert(draw(st.integers(0, len(cells))), badfiles.cell("多余"))
        elif op == "swap" and len(cells) > 1:
            cells[0], cells[-1] = cells[-1], cells[0]
        xml_rows.append("".join(cells))
        before = draw(st.sampled_from([0, 0, 0, 1, 2, 10**9]))
        after = draw(st.sampled_from([0, 0, 0, 1, 7]))
        p = ""
        if before:
            p += f'<w:gridBefore w:val="{before}"/>'
        if after:
            p += f'<w:gridAfter w:val="{after}"/>'
        if k == 0 and draw(st.booleans()):
            p += "<w:tblHeader/>"
        props.append(p)
    intro = badfiles.paragraph("附件") + badfiles.paragraph("重点任务分工表")
    grid = draw(st.sampled_from([5, 5, 5, 4, 6, 1]))
    return badfiles.word_package(intro + badfiles.table(xml_rows, grid, props))


@bounded(80)
@given(damaged_table_docx())
def test_damaged_word_tables_parse_or_raise_a_policy_parse_error(data: bytes) -> None:
    check(data)

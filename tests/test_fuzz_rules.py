"""Hostile input, round 4: the reading rules of the last rounds, fed the lines
an attacker or a broken converter writes (bare and glued numbers, label
lines, letter-spaced labels, bullets, ordinal words, （k） details, attachment
lists, page numbers, a 主办单位 line, run-on items, 分工表 rows with empty 时限
cells and units lists left open), shuffled and repeated.

Each generated notice either parses or raises a `PolicyParseError`; when it
parses, nothing is lost or invented (policy_parse.audit), every unit name the
output gives is written in the input (an expansion of a shared ending aside,
which the unit's status says), and a measure numbered where the notice
writes no such number carries a structure finding that says the parser gave
it.  Derandomised on CI; `POLICY_PARSE_FUZZ=N` runs N random examples.
"""

from __future__ import annotations

import os
import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import policy_parse
from policy_parse._support.chinese_numerals import cn_to_int
from policy_parse.audit import lost_and_invented
from policy_parse.errors import PolicyParseError
from policy_parse.models import Kind, Notice, UnitStatus

_N = int(os.environ.get("POLICY_PARSE_FUZZ", "0"))

HEAD = "关于印发分工方案的通知\n\n各有关部门：\n\n附件\n\n分工方案\n"
UNITS = ("县甲局", "县乙局", "丙委", "县丁办", "戊中心")
CN = "一二三四五六七八九十"


def bounded(examples: int) -> settings:
    return settings(
        max_examples=_N or examples,
        deadline=None,
        derandomize=not _N,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
    )


@st.composite
def shaped_line(draw: st.DrawFn) -> str:
    """One line in the shape of one of the rules, its numbers and names drawn."""
    k = draw(st.integers(1, 12))
    unit = draw(st.sampled_from(UNITS))
    other = draw(st.sampled_from(UNITS))
    cn = CN[(k - 1) % 10]
    shapes = [
        f"{k}",  # a bare number alone (lost_dots)
        f"{k}推进第{k}项工作。",  # a number glued to its text
        f"{k}.{k}0人才项目（牵头单位：{unit}）",  # glued to a figure
        f"{k}.推进工作。（牵头单位：{unit}；配合单位：{other}）",
        f"牵头单位：{unit}",
        f"配合单位：{unit}、{other}、",
        f"牵 头 单 位：{unit}",
        f"责任单位——{unit}",
        unit,  # a name alone: a label's list
        f"● 推进第{k}项工作。",
        f"• 开展工作（{unit}负责）",
        f"{cn}是推进工作。（牵头单位：{unit}）",
        f"第{cn}，开展工作。",
        f"（{k}）新建站点{k}个。",
        f"（{cn}）推进工作。（{unit}负责）（{CN[k % 10]}）开展工作。（{other}负责）",
        f"附件：{k}.工作计划表",
        f"{k}.第{k}项工作名单",
        f"— {k} —",
        f"第{k}页",
        f"主办单位：{unit}",
        f"{k}\t推进第{k}项工作\t{unit}、\t{other}\t",
        f"{k}\t开展工作\t{unit}\t{other}\t2024年底",
        f"\t\t{other}\t\t",
        "序号\t主要任务\t牵头单位\t配合单位\t完成时限",
        f"{cn}、重点任务",
        "（" * k + unit + "）" * draw(st.integers(0, k)),
        "、" * k,
        f"{unit}\u3000\u00a0{other}",
        f"{k}.推进工作{'、'.join(UNITS[: k % 5 + 1])}牵头，{other}配合。",
    ]
    return draw(st.sampled_from(shapes))


@st.composite
def hostile_notice(draw: st.DrawFn) -> str:
    lines = draw(st.lists(shaped_line(), min_size=1, max_size=30))
    if draw(st.booleans()):  # a run repeated, as a converter repeats a page
        at = draw(st.integers(0, len(lines) - 1))
        lines[at:at] = lines[at : at + draw(st.integers(1, 5))] * draw(st.integers(1, 4))
    return HEAD + "\n".join(lines) + "\n"


def _flat(text: str) -> str:
    """Spaces out, widths folded: a canonical name writes ( for （."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _unit_names_are_written(notice: Notice, text: str) -> None:
    flat = _flat(text)
    units = [u for m in notice.measures for u in (*m.lead, *m.support)]
    units += [u for e in notice.table for u in (*e.lead, *e.support)]
    for u in units:
        assert _flat(u.written) in flat, u
        if u.status in (UnitStatus.AS_WRITTEN, UnitStatus.AMBIGUOUS):
            assert _flat(u.name) in flat, u


def _written_value(written: str) -> int | None:
    digits = re.findall(r"\d+", written)
    if digits:
        return int(digits[-1])
    numeral = re.findall(f"[{CN}百千万零〇两]+", written)
    return cn_to_int(numeral[-1]) if numeral else None


_LEAD_IN = "lead-in of the unnumbered measures under "


def _numbers_are_written_or_said(notice: Notice) -> None:
    said = {d.measure for d in notice.discrepancies if d.kind is Kind.STRUCTURE}
    written = {  # measure numbers N the notice writes
        m.id.split("-")[0]
        for m in notice.measures
        if m.id and m.number and _written_value(m.written_number) == m.number.parts[0]
    }
    written.update(  # N. written on the tasks' lead-in, set aside (segment/prose.py)
        r.reason.removeprefix(_LEAD_IN).split(",")[0]
        for r in notice.residue
        if r.reason.startswith(_LEAD_IN)
    )
    for m in notice.measures:
        if m.id is None:
            continue
        parts = m.number.parts if m.number else ()
        value = _written_value(m.written_number)
        if parts and value == parts[-1]:
            continue
        if len(parts) == 2 and (
            value == parts[0] or not m.written_number and str(parts[0]) in written
        ):
            continue  # tasks N-1, N-2 … of a measure N (docs/formats.md "Unnumbered tasks")
        assert m.id in said or None in said, (m.id, m.written_number)


def check(text: str) -> None:
    try:
        document = policy_parse.read_text_document(text)
        notice = policy_parse.notice_from_document(document)
    except PolicyParseError:
        return
    assert lost_and_invented(document, notice) == ("", "")
    _unit_names_are_written(notice, text)
    _numbers_are_written_or_said(notice)


@bounded(150)
@given(hostile_notice())
def test_the_new_rules_on_hostile_lines_lose_nothing_and_invent_nothing(text: str) -> None:
    check(text)

"""normalize/assemble.py: a 序号 merged over several rows, each with a task of
its own, is one measure or several — as the notice shows it (issue 28).

* The prose numbers the parts (5-1, 5-2, or （1）（2） under 5.): that many
  measures, numbered so (the sample notice's 36-1 / 36-2).
* The later rows write nothing but their task (units and deadline merged
  down, or empty), or the prose has measure 5 itself and the later rows add
  only units of their own: one measure 5 holding every task text.
* Otherwise the rows stay apart as 5-1, 5-2, numbers the notice never wrote
  — a guess, which a `merged_number` finding says.

Before, every such group became 5-1, 5-2 without a word, in a table-only
notice too (found rendering real notices as Word files).  Specimens invented.
"""

from __future__ import annotations

import io

import docx

import policy_parse

HEADER = ("序号", "工作任务", "牵头单位", "配合单位")
TASK_A = "建成智慧停车管理平台。"
TASK_B = "新增公共停车泊位五百个。"
TASK_C = "完善城市道路交通标志标线。"


def _word(rows, merges, *, prose: tuple[str, ...] = ()) -> bytes:
    """A notice as a Word file: prose paragraphs, then the table; `merges`
    lists (first row, last row, column) regions merged down (w:vMerge)."""
    d = docx.Document()
    d.add_paragraph("某区城市管理重点工作任务分解表")
    for line in prose:
        d.add_paragraph(line)
    table = d.add_table(rows=len(rows) + 1, cols=len(HEADER))
    for c, h in enumerate(HEADER):
        table.cell(0, c).text = h
    for r, texts in enumerate(rows, start=1):
        for c, text in enumerate(texts):
            if text:
                table.cell(r, c).text = text
    for first, last, col in merges:
        table.cell(first, col).merge(table.cell(last, col))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _records(notice):
    return [
        (str(m.number), m.text, [u.written for u in m.lead], sorted(u.written for u in m.support))
        for m in notice.measures
    ]


def _merged_findings(notice):
    return [(d.measure, d.note) for d in notice.discrepancies if d.note == "merged_number"]


def test_a_number_merged_over_one_assignment_is_one_measure_with_both_tasks():
    rows = [
        ("5", TASK_A, "区城管局", "区公安分局"),
        ("", TASK_B, "", ""),
        ("6", TASK_C, "区交通局", ""),
    ]
    # 序号, 牵头单位 and 配合单位 merged over rows 1-2: one assignment.
    notice = policy_parse.parse(_word(rows, [(1, 2, 0), (1, 2, 2), (1, 2, 3)]))
    assert _records(notice) == [
        ("5", f"{TASK_A}\n{TASK_B}", ["区城管局"], ["区公安分局"]),
        ("6", TASK_C, ["区交通局"], []),
    ]
    assert _merged_findings(notice) == []


def test_a_number_merged_over_units_written_once_is_one_measure_in_text_too():
    # The text copy of the same table: the merged cells are empty.
    rows = [HEADER, ("5", TASK_A, "区城管局", "区公安分局"), ("", TASK_B, "", "")]
    rows.append(("6", TASK_C, "区交通局", ""))
    text = "\n".join(["某区城市管理重点工作任务分解表", *("\t".join(r) for r in rows)])
    notice = policy_parse.parse_text(text + "\n")
    assert [r[:3] for r in _records(notice)] == [
        ("5", f"{TASK_A}\n{TASK_B}", ["区城管局"]),
        ("6", TASK_C, ["区交通局"]),
    ]


def test_rows_with_units_of_their_own_stay_apart_and_the_guess_is_said():
    rows = [
        ("5", TASK_A, "区城管局", ""),
        ("", TASK_B, "区交通局", "区公安分局"),
        ("6", TASK_C, "区交通局", ""),
    ]
    notice = policy_parse.parse(_word(rows, [(1, 2, 0)]))
    assert [r[0] for r in _records(notice)] == ["5-1", "5-2", "6"]
    assert _merged_findings(notice) == [("5-1", "merged_number"), ("5-2", "merged_number")]
    (finding, _) = [d for d in notice.discrepancies if d.note == "merged_number"]
    assert "序号 5 spans 2 rows" in finding.message


def test_the_prose_decides_one_measure_when_it_numbers_the_measure_itself():
    prose = (
        "一、重点任务",
        f"5.{TASK_A}{TASK_B}（牵头单位：区城管局、区交通局）",
        f"6.{TASK_C}（牵头单位：区交通局）",
    )
    rows = [
        ("5", TASK_A, "区城管局", ""),
        ("", TASK_B, "区交通局", ""),
        ("6", TASK_C, "区交通局", ""),
    ]
    notice = policy_parse.parse(_word(rows, [(1, 2, 0)], prose=prose))
    assert [str(e.number) for e in notice.table] == ["5", "6"]
    assert [u.written for u in notice.table[0].lead] == ["区城管局", "区交通局"]
    assert _merged_findings(notice) == []


def test_the_prose_decides_two_measures_when_it_numbers_the_parts():
    prose = (
        "一、重点任务",
        f"5-1.{TASK_A}（牵头单位：区城管局）",
        f"5-2.{TASK_B}（牵头单位：区城管局）",
        f"6.{TASK_C}（牵头单位：区交通局）",
    )
    rows = [
        ("5", TASK_A, "区城管局", ""),
        ("", TASK_B, "", ""),
        ("6", TASK_C, "区交通局", ""),
    ]
    notice = policy_parse.parse(_word(rows, [(1, 2, 0), (1, 2, 2)], prose=prose))
    assert [str(e.number) for e in notice.table] == ["5-1", "5-2", "6"]
    assert _merged_findings(notice) == []

"""read/text/csvtable.py: a 分工表 saved as CSV reads as the table it is;
prose with commas stays prose.  The specimens are invented."""

from __future__ import annotations

import policy_parse
from policy_parse.models import Format, Paragraph, Source, Table
from policy_parse.read.text.csvtable import csv_document

CSV = (
    "甲县2024年重点工作任务分工表,,,,,\n"
    "序号,重点任务,具体措施,牵头单位,配合单位,完成时限\n"
    "一、优化营商环境,,,,,\n"
    '1,深化改革,"推行企业开办一日办结，实现全程网办。",县行政审批局,"县市场监管局、县税务局",2024年6月底前\n'
    '2,深化改革,"推进工程建设项目审批改革，\n压缩审批时间。",县住建局,县自然资源局,2024年底前\n'
    "3,降低成本,落实减税降费政策。,县税务局,县财政局,持续推进\n"
)
SOURCE = Source(path=None, format=Format.TXT, sha256="0")


def _entries(notice: policy_parse.Notice) -> list[tuple[str, str, list[str], list[str], str]]:
    return [
        (
            str(e.id),
            e.text,
            [u.name for u in e.lead],
            [u.name for u in e.support],
            e.deadline.written if e.deadline else "",
        )
        for e in notice.table
    ]


def test_a_csv_table_reads_as_its_rows() -> None:
    notice = policy_parse.parse_text(CSV)
    assert _entries(notice) == [
        (
            "1",
            "推行企业开办一日办结，实现全程网办。",
            ["县行政审批局"],
            ["县市场监管局", "县税务局"],
            "2024年6月底前",
        ),
        (
            "2",
            "推进工程建设项目审批改革，压缩审批时间。",
            ["县住建局"],
            ["县自然资源局"],
            "2024年底前",
        ),
        ("3", "落实减税降费政策。", ["县税务局"], ["县财政局"], "持续推进"),
    ]
    assert [dict(d.fields) for d in notice.discrepancies if d.note == "csv_table"] == [
        {"rows": "5"}
    ]


def test_a_csv_file_in_gbk_reads_the_same() -> None:
    assert _entries(policy_parse.parse(CSV.encode("gb18030"))) == _entries(
        policy_parse.parse_text(CSV)
    )


def test_the_title_above_the_header_is_a_paragraph_and_each_record_keeps_its_lines() -> None:
    document = csv_document(CSV, SOURCE)
    assert document is not None
    title, table = document.blocks
    assert isinstance(title, Paragraph) and isinstance(table, Table)
    assert title.text == "甲县2024年重点工作任务分工表"
    spans = [(r.span.start_line, r.span.end_line) for r in table.rows]
    assert spans == [(2, 2), (3, 3), (4, 4), (5, 6), (7, 7)]


def test_prose_with_commas_is_no_csv() -> None:
    prose = (
        "甲县任务分工方案\n"
        "1.推进数字政府建设,提升服务效能。(牵头单位:县数据局,责任单位:县财政局、县发改局)\n"
        "2.完善养老服务体系,扩大供给。(牵头单位:县民政局,责任单位:县财政局)\n"
        "3.加强监管,守住底线。(牵头单位:县市场监管局)\n"
    )
    assert csv_document(prose, SOURCE) is None
    assert [m.id for m in policy_parse.parse_text(prose).measures] == ["1", "2", "3"]


def test_a_header_with_fewer_than_two_rows_under_it_is_no_csv_table() -> None:
    assert csv_document("序号,任务,牵头单位\n1,推进建设,县甲局\n", SOURCE) is None
    assert csv_document('序号,任务,牵头单位\n1,"未闭合的引号\n', SOURCE) is None


# A spreadsheet copied to the clipboard: tabs between cells, a cell holding a
# line break quoted.  The table reader made the quoted cell's lines rows.
TSV = (
    "序号\t重点任务\t责任单位\t完成时限\n"
    '1\t建设甲项目\t"牵头：丁县甲局\n配合：丁县乙局、丁县丙局"\t2025年底前\n'
    '2\t推进乙工作\t"牵头：丁县丁局\n配合：各乡镇"\t长期\n'
    "3\t开展丙行动\t丁县戊局\t持续推进\n"
)


def test_a_tab_separated_copy_with_quoted_line_breaks_reads_each_cell_whole() -> None:
    notice = policy_parse.parse_text(TSV)
    assert _entries(notice) == [
        ("1", "建设甲项目", ["丁县甲局"], ["丁县乙局", "丁县丙局"], "2025年底前"),
        ("2", "推进乙工作", ["丁县丁局"], ["各乡镇"], "长期"),
        ("3", "开展丙行动", [], ["丁县戊局"], "持续推进"),  # no lead marked: support
    ]
    assert [dict(d.fields) for d in notice.discrepancies if d.note == "tsv_table"] == [
        {"rows": "4"}
    ]


def test_a_tab_table_with_no_quoted_line_break_is_the_table_readers() -> None:
    plain = "序号\t重点任务\t牵头单位\t配合单位\n1\t建设甲项目\t丁县甲局\t丁县乙局\n2\t推进乙\t丁县丙局\t\n"
    assert csv_document(plain, SOURCE) is None

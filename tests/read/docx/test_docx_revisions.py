"""read/docx/revisions.py: a Word file with tracked changes is read as
accepted, and what the changes take away is residue that says so."""

from __future__ import annotations

from test_docx import p, tbl, tc, texts, tr

import policy_parse
from policy_parse.messages import reason

DELETED = "deleted in Word's tracked changes (w:del), not read: the text is read as accepted"


def _run(text: str) -> str:
    return f"<w:r><w:t>{text}</w:t></w:r>"


def _deleted(text: str) -> str:
    return f'<w:del w:id="1" w:author="某人"><w:r><w:delText>{text}</w:delText></w:r></w:del>'


def _inserted(text: str) -> str:
    return f'<w:ins w:id="2" w:author="某人">{_run(text)}</w:ins>'


def test_a_replaced_lead_is_read_as_accepted_and_the_old_one_is_residue(build_docx, read_docx):
    body = (
        p("某县方案")
        + f"<w:p>{_run('1.推行一网通办。（')}{_deleted('县戊局')}{_inserted('县甲局')}{_run('牵头）')}</w:p>"
        + p("2.压减开办时间。（县丁局负责）")
    )
    data = build_docx(body)
    document = read_docx(data)
    assert texts(document)[1] == "1.推行一网通办。（县甲局牵头）"
    [old] = document.residue
    assert (old.text, old.reason, old.span.paragraph) == ("县戊局", DELETED, 1)
    assert reason(old.reason, "zh").startswith("Word 修订中已删除的文字")
    leads = [[u.written for u in m.lead] for m in policy_parse.parse(data).measures]
    assert leads == [["县甲局"], ["县丁局"]]


def test_moved_text_is_read_once_where_it_went(build_docx, read_docx):
    body = (
        '<w:p><w:moveFrom w:id="3" w:author="某人"><w:r><w:t>县乙局配合</w:t></w:r></w:moveFrom>'
        + _run("推行一网通办。")
        + '<w:moveTo w:id="4" w:author="某人">'
        + _run("县乙局配合")
        + "</w:moveTo></w:p>"
    )
    document = read_docx(build_docx(body))
    assert texts(document) == ["推行一网通办。县乙局配合"]
    assert [r.reason.split(" (")[0] for r in document.residue] == [
        "moved away in Word's tracked changes"
    ]


def test_a_deleted_table_row_is_no_measure_and_is_residue(build_docx, read_docx):
    deleted_row = (
        '<w:tr><w:trPr><w:del w:id="5" w:author="某人"/></w:trPr>'
        + "".join(f"<w:tc><w:p>{_deleted(t)}</w:p></w:tc>" for t in ("2", "撤销的任务。", "县戊局"))
        + "</w:tr>"
    )
    table = tbl(
        3,
        tr(tc(p("序号")), tc(p("工作任务")), tc(p("牵头单位"))),
        tr(tc(p("1")), tc(p("推行一网通办。")), tc(p("县甲局"))),
        deleted_row,
        tr(tc(p("2")), tc(p("压减开办时间。")), tc(p("县丁局"))),
    )
    data = build_docx(p("某县任务分工表") + table)
    document = read_docx(data)
    rows = texts(document)[1]
    assert [row[0] for row in rows] == ["序号", "1", "2"]
    # Rows are counted as read, so their spans still follow each other.
    table_block = document.blocks[1]
    assert [row.span.row for row in table_block.rows] == [0, 1, 2]
    [gone] = document.residue
    assert gone.text == "2\t撤销的任务。\t县戊局"
    assert gone.reason == "table row deleted in Word's tracked changes (table 0), not read"
    measures = policy_parse.parse(data).measures
    assert [(str(m.number), [u.written for u in m.lead]) for m in measures] == [
        ("1", ["县甲局"]),
        ("2", ["县丁局"]),
    ]


def test_a_deleted_numbered_paragraph_takes_no_number(build_docx, read_docx):
    """Word closes the list up once the deletion is accepted: 1, 2, 3, not
    1, 3, 4 with an empty measure 2."""
    numbering = (
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    )
    gone = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
        '<w:rPr><w:del w:id="7" w:author="某人"/></w:rPr></w:pPr>'
        + _deleted("撤销的措施。（县戊局负责）")
        + "</w:p>"
    )
    body = (
        p("某县方案")
        + p("推行一网通办。（县甲局负责）", num=1)
        + gone
        + p("压减开办时间。（县丁局负责）", num=1)
        + p("优化审批。（县乙局负责）", num=1)
    )
    data = build_docx(body, numbering=numbering)
    document = read_docx(data)
    assert texts(document)[1:] == [
        "1.推行一网通办。（县甲局负责）",
        "2.压减开办时间。（县丁局负责）",
        "3.优化审批。（县乙局负责）",
    ]
    assert [r.text for r in document.residue] == ["撤销的措施。（县戊局负责）"]
    measures = policy_parse.parse(data).measures
    assert [(str(m.number), [u.written for u in m.lead]) for m in measures] == [
        ("1", ["县甲局"]),
        ("2", ["县丁局"]),
        ("3", ["县乙局"]),
    ]


def test_changes_inside_table_cells_are_read_as_accepted_with_deletions_at_the_cell(
    build_docx, read_docx
):
    swapped = f"<w:tc><w:p>{_deleted('县戊局')}{_inserted('县甲局')}</w:p></w:tc>"
    gone_paragraph = (
        '<w:p><w:pPr><w:rPr><w:del w:id="6" w:author="某人"/></w:rPr></w:pPr>'
        f"{_deleted('（原牵头单位）')}</w:p>"
    )
    table = tbl(
        3,
        tr(tc(p("序号")), tc(p("工作任务")), tc(p("牵头单位"))),
        tr(tc(p("1")), tc(p("推行一网通办。")), swapped),
        tr(tc(p("2")), tc(p("压减开办时间。")), tc(p("县丁局"), gone_paragraph)),
    )
    data = build_docx(p("某县任务分工表") + table)
    document = read_docx(data)
    assert texts(document)[1][1:] == [
        ["1", "推行一网通办。", "县甲局"],
        ["2", "压减开办时间。", "县丁局"],
    ]
    kept = [(r.text, r.reason, r.span.row, r.span.cell) for r in document.residue]
    assert kept == [("县戊局", DELETED, 1, 2), ("（原牵头单位）", DELETED, 2, 2)]
    leads = [[u.written for u in m.lead] for m in policy_parse.parse(data).measures]
    assert leads == [["县甲局"], ["县丁局"]]


def test_a_deleted_cell_is_residue_and_the_cells_after_it_move_left(build_docx, read_docx):
    """w:cellDel: accepted, the cell is gone and the row's next cells take
    its place, as Word shows it; read as a cell, 县戊局 was the lead."""
    deleted_cell = (
        '<w:tc><w:tcPr><w:cellDel w:id="7" w:author="某人"/></w:tcPr>'
        f"<w:p>{_deleted('县戊局')}</w:p></w:tc>"
    )
    table = tbl(
        3,
        tr(tc(p("序号")), tc(p("工作任务")), tc(p("牵头单位"))),
        tr(tc(p("1")), deleted_cell, tc(p("推行一网通办。")), tc(p("县甲局"))),
    )
    data = build_docx(p("某县任务分工表") + table)
    document = read_docx(data)
    assert texts(document)[1][1] == ["1", "推行一网通办。", "县甲局"]
    [gone] = document.residue
    assert (gone.text, gone.span.table, gone.span.row) == ("县戊局", 0, 1)
    assert gone.reason == "table cell deleted in Word's tracked changes (table 0, row 1), not read"
    assert reason(gone.reason, "zh") == "Word 修订中已删除的单元格（表格0第1行），未读入"

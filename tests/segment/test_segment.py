"""segment/__init__.py: the blocks of a document — the 分工表's caption, and
which tables mark their merges."""

from __future__ import annotations

import attrs
import pytest

import policy_parse
from helpers import MERGED, make_table
from policy_parse.models import Alignment, Format
from policy_parse.segment import merges_marked

TWO_TABLES = (
    "方案\n"
    "一、经济任务分工表\n"
    "| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n"
    "| 1 | 推进升级 | 甲局 | 乙局 |\n"
    "二、民生任务分工表\n"
    "| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n"
    "| 2 | 推进均衡 | 丙局 | 丁局 |\n"
)


def test_a_numbered_caption_per_part_titles_the_rows_under_it_and_is_no_measure() -> None:
    # 一、经济任务分工表 was read as prose measure 1 naming no unit, against
    # table row 1: a lead mismatch and a structure warning (probe4).
    notice = policy_parse.parse_text(TWO_TABLES)
    assert [e.text for e in notice.table] == ["推进升级", "推进均衡"]
    assert [e.part for e in notice.table] == ["1", "2"]
    assert [p.title for p in notice.parts] == ["经济任务分工表", "民生任务分工表"]
    assert [[u.name for u in m.lead] for m in notice.measures] == [["甲局"], ["丙局"]]
    kinds = {d.kind.value for d in notice.discrepancies if d.severity.value != "info"}
    assert not kinds & {"lead-mismatch", "text-mismatch", "missing-in-prose"}


def test_a_numbered_caption_under_a_prose_list_stays_an_item() -> None:
    # Another numbered line above, and no caption among the table's rows: the
    # numbered line is the prose's own (no guess that it is a title).
    notice = policy_parse.parse_text(
        "方案\n一、推进升级。（牵头单位：甲局）\n二、任务清单\n"
        "| 序号 | 工作任务 | 牵头单位 |\n| 1 | 推进升级 | 甲局 |\n"
    )
    assert [str(m.number) for m in notice.measures][:2] == ["1", "2"]


ANNEXED_TABLES = (
    "某市重点工作安排\n"
    "附件1\n"
    "某市重点项目任务分工表\n"
    "| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n"
    "| 1 | 建污水厂 | 甲局 | 乙局 |\n"
    "| 2 | 建文化中心 | 丙局 | 丁局 |\n"
    "附件2\n"
    "某市改革事项任务分工表\n"
    "| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n"
    "| 1 | 深化国企改革 | 戊局 | 己局 |\n"
    "| 2 | 推进执法改革 | 庚局 | 辛局 |\n"
)


def test_two_annexed_tables_with_one_header_are_one_table_in_two_parts() -> None:
    # 附件1's 分工表 then 附件2's, each numbered from 1: the second was read into
    # the first's cells (附件2 and its caption as cell text), two measures 1
    # an error; then set aside whole as a second table.  Now each caption heads
    # its rows, the numbers start again under it, and 附件2 is residue.
    from policy_parse.audit import lost_and_invented

    document = policy_parse.read_text_document(ANNEXED_TABLES)
    notice = policy_parse.notice_from_document(document)
    got = [(e.id, e.text, [u.name for u in e.lead]) for e in notice.table]
    assert got == [
        ("1/1", "建污水厂", ["甲局"]),
        ("1/2", "建文化中心", ["丙局"]),
        ("2/1", "深化国企改革", ["戊局"]),
        ("2/2", "推进执法改革", ["庚局"]),
    ]
    assert [e.part_written for e in notice.table][1:3] == [
        "某市重点项目任务分工表",
        "某市改革事项任务分工表",
    ]
    assert not [d for d in notice.discrepancies if d.kind.value == "numbering"]
    assert "second_table" not in [d.note for d in notice.discrepancies]
    assert "附件2" in [r.text for r in notice.residue]
    assert lost_and_invented(document, notice) == ("", "")


def test_a_ratio_sign_or_small_form_punctuation_reads_as_the_usual_mark() -> None:
    # 牵头单位∶A (a PDF's ratio sign for the colon) and ﹕﹔﹐ were no labels or
    # separators: each annotation became one odd unit.
    from policy_parse.audit import lost_and_invented

    text = (
        "某县任务分工\n"
        "1.推进甲。（牵头单位∶县甲局；配合单位∶县乙局）\n"
        "2.推进乙。（牵头单位﹕县丙局﹔配合单位﹕县丁局﹑县戊局）\n"
        "3.推进丙。（县己局牵头﹐县庚局配合）\n"
    )
    document = policy_parse.read_text_document(text)
    notice = policy_parse.notice_from_document(document)
    got = [([u.name for u in m.lead], [u.name for u in m.support]) for m in notice.measures]
    assert got == [
        (["县甲局"], ["县乙局"]),
        (["县丙局"], ["县丁局", "县戊局"]),
        (["县己局"], ["县庚局"]),
    ]
    assert lost_and_invented(document, notice) == ("", "")


def test_a_second_annexed_table_under_other_columns_is_the_second_part() -> None:
    # 附件2's table names its columns otherwise (工作事项, a 牵头领导 column of
    # persons, 牵头科室/配合科室): it was set aside whole as a second_table,
    # its assignments in no record.  It has a text, numbers, a lead and a
    # support column as the first does: the second part of the 分工表.
    text = ANNEXED_TABLES.split("附件2")[0] + (
        "附件2\n"
        "某局内部工作分工表\n"
        "| 序号 | 工作事项 | 牵头领导 | 牵头科室 | 配合科室 |\n"
        "| 1 | 制定方案 | 副局长张三 | 甲科 | 乙科 |\n"
        "| 2 | 组织检查 | 副局长李四 | 丙科 | 甲科、丁科 |\n"
    )
    notice = policy_parse.parse_text(text)
    got = [(e.id, [u.name for u in e.lead], [u.name for u in e.support]) for e in notice.table]
    assert got == [
        ("1/1", ["甲局"], ["乙局"]),
        ("1/2", ["丙局"], ["丁局"]),
        ("2/1", ["甲科"], ["乙科"]),
        ("2/2", ["丙科"], ["甲科", "丁科"]),
    ]
    assert "second_table" not in [d.note for d in notice.discrepancies]


def test_a_second_part_with_a_lone_units_column_names_no_lead() -> None:
    # 责任单位 alone after 牵头单位 | 配合单位 was a second_table (probe5), its
    # assignments in no record (specimen 65 keys them).  The second part's
    # rows are now read under their own header, whose lone units column
    # names no lead.
    text = ANNEXED_TABLES.split("附件2")[0] + (
        "附件2\n"
        "某市改革事项分工表\n"
        "| 序号 | 改革事项 | 责任单位 | 完成时限 |\n"
        "| 1 | 深化甲改革 | 甲局 | 2025年底前 |\n"
        "| 2 | 推进乙改革 | 乙局、丙局 | 2025年底前 |\n"
    )
    notice = policy_parse.parse_text(text)
    got = [(e.id, [u.name for u in e.lead], [u.name for u in e.support]) for e in notice.table]
    assert got[2:] == [("2/1", [], ["甲局"]), ("2/2", [], ["乙局", "丙局"])]
    assert "second_table" not in [d.note for d in notice.discrepancies]


def test_a_second_table_with_no_units_column_stays_unread() -> None:
    text = ANNEXED_TABLES.split("附件2")[0] + (
        "附件2\n"
        "某市联系人表\n"
        "| 序号 | 工作事项 | 联系人 | 电话 |\n"
        "| 1 | 报送信息 | 张三 | 12345678 |\n"
        "| 2 | 汇总材料 | 李四 | 12345679 |\n"
    )
    notice = policy_parse.parse_text(text)
    assert len(notice.table) == 2
    assert "second_table" in [d.note for d in notice.discrepancies]


# --- which tables mark their merges --------------------------------------------------

_MERGE_HEADER = ["序号", "具体措施", "牵头单位", "配合单位", "完成时限"]


def _web_page(rows: str) -> bytes:
    head = "".join(f"<th>{h}</th>" for h in _MERGE_HEADER)
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
        "<p>某县推进甲项工作任务分工方案</p>"
        f"<table><tr>{head}</tr>{rows}</table></body></html>"
    ).encode()


def test_a_web_page_whose_table_writes_a_rowspan_keeps_its_other_empty_cells_empty():
    # The deadline is merged over rows 1-2 (rowspan); row 3's 牵头单位 cell is
    # empty in a table that marks its merges: no lead, not row 2's.
    page = _web_page(
        "<tr><td>1</td><td>做甲。</td><td>县甲局</td><td>县乙局</td>"
        '<td rowspan="2">2025年底前</td></tr>'
        "<tr><td>2</td><td>做乙。</td><td>县丙局</td><td>县丁局</td></tr>"
        "<tr><td>3</td><td>做丙。</td><td></td><td>县戊局</td><td>2026年</td></tr>"
    )
    notice = policy_parse.parse(page)
    entries = {e.id: e for e in notice.table}
    assert [u.name for u in entries["2"].lead] == ["县丙局"]
    assert entries["2"].deadline is not None
    assert entries["2"].deadline.written == "2025年底前"
    assert entries["3"].lead == ()
    assert [u.name for u in entries["3"].support] == ["县戊局"]


def test_a_web_page_whose_table_marks_no_merge_reads_an_empty_lead_cell_as_merged():
    # No rowspan anywhere: perhaps a flattened copy, read as text is.
    page = _web_page(
        "<tr><td>1</td><td>做甲。</td><td>县甲局</td><td>县乙局</td><td>2025年底前</td></tr>"
        "<tr><td>2</td><td>做乙。</td><td></td><td>县丁局</td><td>2026年</td></tr>"
    )
    notice = policy_parse.parse(page)
    entries = {e.id: e for e in notice.table}
    assert [u.name for u in entries["2"].lead] == ["县甲局"]


@pytest.mark.parametrize(
    ("fmt", "merged", "marked"),
    [
        (Format.DOCX, False, True),
        (Format.DOC, False, True),
        (Format.RTF, False, True),
        (Format.HTML, True, True),
        (Format.HTML, False, False),
        (Format.XLSX, True, True),
        (Format.XLSX, False, False),
        (Format.PDF, True, False),
        (Format.TXT, False, False),
    ],
)
def test_merges_are_marked_by_word_always_and_by_a_page_or_sheet_that_writes_one(
    fmt, merged, marked
):
    rows = [_MERGE_HEADER, ["1", "做甲。", "县甲局", "", "2025年"]]
    rows.append(["2", "做乙。", "县丙局", "", MERGED if merged else ""])
    assert merges_marked(fmt, make_table(rows)) is marked


def test_a_table_the_text_aligner_rebuilt_marks_no_merges_even_in_word():
    table = make_table([_MERGE_HEADER, ["1", "做甲。", "县甲局", "", "2025年"]])
    rebuilt = attrs.evolve(table, alignment=Alignment(cost=0.0, runner_up=None))
    assert merges_marked(Format.DOCX, rebuilt) is False

"""normalize/structure.py: `structure` warnings wherever the parser guessed."""

from __future__ import annotations

import attrs
import pytest
import regex

import policy_parse
from policy_parse.messages import message
from policy_parse.models import Kind, Residue, Severity, Span
from policy_parse.normalize.assemble import segmented_to_notice
from policy_parse.normalize.structure import structure_findings
from policy_parse.segment import segment


def _structure(notice: policy_parse.Notice) -> list[str]:
    return [d.message for d in notice.discrepancies if d.kind is Kind.STRUCTURE]


def test_a_well_annotated_notice_has_no_structure_finding():
    notice = policy_parse.parse_text(
        "一、任务\n1.推进改革。（牵头单位：市发改委）\n2.优化服务。（牵头单位：市政务局）\n"
    )
    assert _structure(notice) == []


def test_it_says_so_when_no_annotation_is_recognised_at_any_level():
    notice = policy_parse.parse_text("一、任务\n1.推进改革。\n2.优化服务。\n")
    (msg,) = _structure(notice)
    assert "no responsibility annotation" in msg
    assert "no item is assigned a unit" in msg  # a near miss is told so, once
    d = notice.discrepancies[0]
    assert (d.kind, d.severity) == (Kind.STRUCTURE, Severity.WARNING)


def test_it_says_so_when_a_heading_level_is_taken_as_measures():
    notice = policy_parse.parse_text(
        "一、推进改革（牵头单位：市发改委）\n1.细则一。\n二、优化服务（牵头单位：市政务局）\n"
    )
    assert [m.id for m in notice.measures] == ["1", "1-1", "2"]
    assert any("heading level" in m for m in _structure(notice))


def test_it_says_so_when_fewer_than_half_the_measures_are_annotated():
    notice = policy_parse.parse_text(
        "一、任务\n1.推进改革。（牵头单位：市发改委）\n2.优化服务。\n3.扩大开放。\n"
    )
    assert any("only 1 of 3" in m for m in _structure(notice))


def test_it_says_so_when_a_measure_is_ten_times_longer_than_the_median():
    long = "加快推进各项改革任务落实见效。" * 30
    notice = policy_parse.parse_text(
        "一、任务\n"
        + "".join(f"{k}.短句{k}。（牵头单位：市发改委）\n" for k in range(1, 5))
        + f"5.{long}（牵头单位：市政务局）\n"
    )
    found = [d for d in notice.discrepancies if d.kind is Kind.STRUCTURE]
    assert [d.measure for d in found] == ["5"]


def test_it_says_so_when_there_is_no_measure_at_all():
    # parse() refuses such a text outright (NotANoticeError); the finding is
    # what structure_findings says of a notice assembled with no measure.
    text = "关于某事的通知\n各单位：\n请认真贯彻执行。\n"
    with pytest.raises(policy_parse.NotANoticeError):
        policy_parse.parse_text(text)
    seg = segment(policy_parse.read_text_document(text))
    notice = segmented_to_notice(seg, policy_parse.read_text_document(text).source)
    assert any("no measure found" in d.message for d in structure_findings(notice))


def test_it_reports_text_that_looks_like_a_table_but_gave_no_rows():
    notice = policy_parse.parse_text("一、任务\n1.推进改革。（牵头单位：市发改委）\n")
    hand_made = Residue(
        text="序号 | 重点工作 | 牵头单位", reason="looks like a table: no rows", span=Span()
    )
    notice = attrs.evolve(notice, residue=(*notice.residue, hand_made))
    (found,) = structure_findings(notice)
    assert "序号 | 重点工作" in found.message


def test_the_text_report_shows_structure_findings_first():
    notice = policy_parse.parse_text("一、任务\n1.推进改革。\n2.优化服务。\n")
    report = policy_parse.to_text(notice, lang="en")
    groups = [ln for ln in report.splitlines() if ln.endswith(")") and ln.split(" (")[0].isupper()]
    assert groups[0].startswith("STRUCTURE")
    zh = policy_parse.to_text(notice, lang="zh").splitlines()
    titles = [ln for ln in zh if regex.search(r"（\d+）$", ln) and not ln.startswith(" ")]
    assert titles[0].startswith("结构推测"), titles


# --- text the parser did not read --------------------------------------------------

_TABLE = "\n".join(
    "\n".join("\t" + c for c in row) + "\n"
    for row in (
        ["序号", "具体措施", "牵头单位"],
        ["1", "推进改革。", "市发改委"],
        ["2", "优化服务。", "市政务局"],
    )
)
_PROSE = "一、任务\n1.推进改革。（牵头单位：市发改委）\n2.优化服务。（牵头单位：市政务局）\n"


def test_a_notice_pasted_twice_says_its_second_copy_was_not_read():
    once = policy_parse.parse_text(_PROSE + "\n" + _TABLE)
    assert _structure(once) == []
    twice = policy_parse.parse_text(_PROSE + "\n" + _TABLE + "\n" + _PROSE + "\n" + _TABLE)
    found = {d.note: d.fields for d in twice.discrepancies if d.kind is Kind.STRUCTURE}
    assert dict(found["after_table"]) == {"lines": "3", "numbered": "3", "text": "一、任务"}
    assert dict(found["second_table"])["rows"] == "3"
    # Not read, but not lost either: the text is residue.
    assert "1.推进改革。（牵头单位：市发改委）" in [r.text for r in twice.residue]


def test_a_stray_line_after_the_table_is_no_finding():
    notice = policy_parse.parse_text(_PROSE + "\n" + _TABLE + "\n42\n")
    assert _structure(notice) == []
    assert [r.text for r in notice.residue] == ["42"]


def test_a_table_without_a_recognised_header_says_it_was_not_read():
    odd = "\n".join("\n".join("\t" + c for c in row) + "\n" for row in (["甲", "乙"], ["丙", "丁"]))
    notice = policy_parse.parse_text(_PROSE + "\n" + odd)
    (d,) = [d for d in notice.discrepancies if d.kind is Kind.STRUCTURE]
    assert d.note == "unread_table" and dict(d.fields)["rows"] == "2"


def test_annotated_sub_measures_under_a_bare_level_are_no_missing_annotation():
    notice = policy_parse.parse_text(
        "一、任务\n1.推进改革。\n1.1细则一。（牵头单位：市发改委）\n"
        "2.优化服务。\n2.1细则二。（牵头单位：市政务局）\n"
    )
    assert [m.id for m in notice.measures] == ["1-1", "2-1"]
    assert _structure(notice) == []


def test_it_says_so_when_a_unit_does_not_look_like_one_on_either_side():
    notice = policy_parse.parse_text(
        "一、任务\n1.推进改革。（牵头单位：区）\n2.优化服务。（牵头单位：市政务局）\n"
        "附件\n| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n"
        "| 1 | 推进改革 | 区 | 市财政局 |\n| 2 | 优化服务 | 市政务局 | 推进惠企政策免申即享 |\n"
    )
    found = [d for d in notice.discrepancies if d.note == "odd_unit"]
    assert [(d.measure, d.prose, d.table) for d in found] == [
        ("1", ("区",), None),
        ("1", None, ("区",)),
        ("2", None, ("推进惠企政策免申即享",)),
    ]
    assert {(d.kind, d.severity) for d in found} == {(Kind.STRUCTURE, Severity.WARNING)}
    assert "不像部门名称" in message(found[0], "zh")


def test_well_named_units_give_no_odd_unit_finding():
    notice = policy_parse.parse_text(
        "一、任务\n1.推进改革。（牵头单位：县委组织部（县委人才办）；配合单位：各乡镇、省农业厅等）\n"
    )
    assert [d for d in notice.discrepancies if d.note == "odd_unit"] == []


def test_a_table_whose_rows_name_no_unit_says_its_header_has_no_units_column():
    # 主抓科室 is no column word: its units would be lost with nothing said.
    notice = policy_parse.parse_text(
        "| 序号 | 工作任务 | 主抓科室 |\n| 1 | 修路 | 甲科 |\n| 2 | 建桥 | 乙科 |\n"
    )
    (d,) = [d for d in notice.discrepancies if d.note == "table_no_units"]
    assert dict(d.fields) == {"rows": "2", "header": "序号、工作任务、主抓科室"}


def test_a_table_with_units_gives_no_table_no_units_finding():
    notice = policy_parse.parse_text("| 序号 | 工作任务 | 牵头单位 |\n| 1 | 修路 | 甲局 |\n")
    assert "table_no_units" not in [d.note for d in notice.discrepancies]


def test_a_header_cell_naming_units_read_as_a_remark_is_said():
    # 主抓单位 is no column word: the lead was lost, the supporters kept.
    # (牵头单位及责任人, the example here before probe4, is now read: see
    # tests/segment/test_table_leaders.py.)
    notice = policy_parse.parse_text(
        "| 序号 | 工作任务 | 主抓单位 | 配合单位 |\n| 1 | 修路 | 甲局 | 乙局 |\n"
    )
    (d,) = [d for d in notice.discrepancies if d.note == "unit_column_unread"]
    assert dict(d.fields) == {"columns": "主抓单位"}


def test_a_remarks_column_is_no_unread_units_column():
    notice = policy_parse.parse_text(
        "| 序号 | 工作任务 | 牵头单位 | 备注 |\n| 1 | 修路 | 甲局 | 重点 |\n"
    )
    assert "unit_column_unread" not in [d.note for d in notice.discrepancies]


# --- what a reader chose -------------------------------------------------------------


def test_a_readers_note_becomes_an_info_finding_in_both_languages():
    from policy_parse.models import Document, Format, Paragraph, ReadNote, Source
    from policy_parse.pipeline import notice_from_document

    lines = _PROSE.strip().split("\n")
    doc = Document(
        source=Source(path=None, format=Format.HTML, sha256="0" * 64),
        blocks=tuple(Paragraph(text=t, span=Span(paragraph=k)) for k, t in enumerate(lines)),
        notes=(
            ReadNote(note="shown_by_script", fields=(("element", "<div>"), ("paragraph", "1"))),
        ),
    )
    notice = notice_from_document(doc)
    (d,) = [d for d in notice.discrepancies if d.note == "shown_by_script"]
    assert (d.kind, d.severity, d.measure) == (Kind.STRUCTURE, Severity.INFO, None)
    assert message(d, "en").startswith("read the text the page hides until a script runs: <div>")
    assert message(d, "zh").startswith("读取了网页在脚本运行前隐藏的正文：<div>")
    without = notice_from_document(attrs.evolve(doc, notes=()))
    assert [x for x in notice.discrepancies if x is not d] == list(without.discrepancies)


def test_it_says_so_when_a_closing_bracket_with_role_words_names_no_unit():
    # An annotation in a form no rule reads (携手) stays in the measure's text:
    # its units would be lost unsaid.
    notice = policy_parse.parse_text(
        "一、任务\n1.推进改革。（市甲局牵头，市乙局配合）\n"
        "2.优化服务。（市丙局携手市丁局推进）\n3.扩大开放（含县城）。（市甲局负责）\n"
    )
    found = [(d.note, d.measure) for d in notice.discrepancies if d.kind is Kind.STRUCTURE]
    assert found == [("unread_annotation", "2")]
    (d,) = [d for d in notice.discrepancies if d.note == "unread_annotation"]
    assert "市丙局携手市丁局推进" in message(d, "zh")


def test_a_remark_in_the_closing_bracket_of_a_measure_with_no_unit_is_no_annotation():
    notice = policy_parse.parse_text(
        "一、任务\n1.推进改革。（市甲局牵头）\n2.优化服务。（市乙局负责）\n"
        "3.扩大开放。（含市丙局下属单位）\n"
    )
    assert not [d for d in notice.discrepancies if d.note == "unread_annotation"]


def test_it_says_so_when_a_last_sentence_opening_with_a_label_names_no_unit():
    # 牵头部门甲局，配合部门乙局: labels with no colon in running text, read by
    # no rule: the measure had no unit and nothing said so.
    notice = policy_parse.parse_text(
        "一、任务\n1.推进改革。（市甲局牵头，市乙局配合）\n"
        "2.优化服务。牵头部门市丙局，配合部门市丁局。\n"
        "3.扩大开放。各责任单位要明确专人。\n4.推进开发。（市甲局负责）\n"
    )
    found = [(d.note, d.measure) for d in notice.discrepancies if d.kind is Kind.STRUCTURE]
    assert found == [("unread_label", "2")]
    (d,) = [d for d in notice.discrepancies if d.note == "unread_label"]
    assert "牵头部门市丙局" in message(d, "zh") and "opens with a responsibility label" in message(
        d, "en"
    )


def test_measures_given_units_by_their_heading_count_as_annotated():
    # （一）标题（A牵头，B配合） over unannotated items: the items' units are the
    # heading's, so "only 1 of 4 measures carry an annotation" was noise.
    notice = policy_parse.parse_text(
        "某县方案\n（一）推进甲工作（县甲局牵头，县乙局配合）\n1.做甲一。\n2.做甲二。\n"
        "3.做甲三。\n（二）推进乙工作\n4.做乙一。（县丙局负责）\n"
    )
    assert [m.evidence.value for m in notice.measures] == ["section"] * 3 + ["annotation"]
    assert "few_annotated" not in [d.note for d in notice.discrepancies]


def test_it_says_so_when_a_last_sentence_ending_in_a_role_word_names_no_unit():
    notice = policy_parse.parse_text(
        "一、任务\n1.推进改革。（市甲局牵头，市乙局配合）\n"
        "2.优化服务。市丙局牵头（含丁），市丁局配合。\n"
        "3.扩大开放，由企业自主负责。\n4.推进开发。为发展提供智力支持。\n5.推进建设。（市甲局负责）\n"
    )
    found = [
        (d.note, d.measure) for d in notice.discrepancies if (d.note or "").startswith("unread")
    ]
    assert found == [("unread_phrase", "2")]
    (d,) = [d for d in notice.discrepancies if d.note == "unread_phrase"]
    assert "市丁局配合" in message(d, "zh") and "ends in a role word" in message(d, "en")


def test_a_shared_ending_is_said_unless_the_notice_writes_the_name_in_full():
    notice = policy_parse.parse_text(
        "某县方案\n1.推进甲。（县民政、人社局负责）\n2.推进乙。（县交通、卫健局负责）\n"
        "3.推进丙。（县民政局牵头）\n4.推进丁。（县交通运输局牵头）\n"
    )
    said = {d.measure: d.message for d in notice.discrepancies if d.note == "shared_ending"}
    # 县民政局 is written in full, 县交通局 abbreviates 县交通运输局: only the others.
    assert set(said) == {"1", "2"}
    assert "人社局→县人社局" in said["1"] and "县民政→" not in said["1"]
    assert "卫健局→县卫健局" in said["2"] and "县交通→" not in said["2"]


def test_a_table_only_notice_with_no_number_column_counts_its_rows_and_says_so():
    # No 序号 column and no prose to take numbers from: each row is a measure
    # numbered by its place, and the finding says the numbers are the parser's.
    notice = policy_parse.parse_text(
        "甲县任务分工表\n"
        "| 类别 | 工作任务 | 牵头单位 | 配合单位 |\n"
        "| 学前 | 新建幼儿园 | 甲县教育局 | 甲县住建局 |\n"
        "| | 扩大学位供给 | 甲县教育局 | 甲县财政局 |\n"
        "| 义务 | 推进集团化办学 | 甲县教育局 | 甲县人社局 |\n"
    )
    assert [(e.id, e.number_inferred) for e in notice.table] == [
        ("1", True),
        ("2", True),
        ("3", True),
    ]
    assert [(e.id, [u.name for u in e.support]) for e in notice.table][1] == ("2", ["甲县财政局"])
    assert not [d for d in notice.discrepancies if d.kind is Kind.NUMBERING]
    (d,) = [d for d in notice.discrepancies if d.note == "row_order"]
    assert (d.kind, d.severity) == (Kind.STRUCTURE, Severity.WARNING)
    assert "its 3 rows were numbered 1, 2" in d.message
    assert "编号由解析器给出" in message(d, "zh")


def test_a_table_that_writes_its_numbers_is_not_said_to_be_counted():
    notice = policy_parse.parse_text(
        "甲县任务分工表\n"
        "| 序号 | 工作任务 | 牵头单位 |\n"
        "| 1 | 新建幼儿园 | 甲县教育局 |\n"
        "| 2 | 扩大学位供给 | 甲县教育局 |\n"
    )
    assert not [d for d in notice.discrepancies if d.note == "row_order"]


def test_labels_a_copy_set_in_corner_quotes_are_read_and_nothing_is_said():
    # 「牵头单位：县丙局」 closing a measure: probe10 said it unread; left10
    # reads it as the annotation (segment/corner_labels.py).
    notice = policy_parse.parse_text(
        "某县方案\n1.建设甲。（牵头单位：县甲局）\n2.建设乙。「牵头单位：县丙局」\n"
    )
    assert not [d for d in notice.discrepancies if d.note == "unread_label"]
    assert [u.name for u in notice.measures[1].lead] == ["县丙局"]

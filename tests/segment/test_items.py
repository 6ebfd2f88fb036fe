"""segment/items.py (and the N-k cut in segment/prose.py): every place where
reading the lines picked one reading among several says so, as a `structure`
finding naming the measure, the line and the reading not taken.  The
specimens are invented (tests/specimens/48–51) in shapes real notices use."""

from __future__ import annotations

from pathlib import Path

import pytest

import policy_parse
from helpers import sample_notice
from policy_parse.segment.guesses import CODES

SPECIMENS = Path(__file__).resolve().parent.parent / "specimens"
GUESSES = CODES


def _specimen(prefix: str) -> policy_parse.Notice:
    (path,) = SPECIMENS.glob(f"{prefix}_*.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return policy_parse.parse_text("\n".join(ln for ln in lines if not ln.startswith("# ")))


def _guesses(notice: policy_parse.Notice) -> list[tuple[str | None, str | None, dict[str, str]]]:
    return [
        (d.measure, d.note, dict(d.fields))
        for d in notice.discrepancies
        if d.kind is policy_parse.Kind.STRUCTURE and d.note in GUESSES
    ]


def _doubts(notice: policy_parse.Notice) -> dict[str, list[str]]:
    return {r["number"]: r["doubts"] for r in policy_parse.to_dict(notice)["measures"]}


def test_two_items_cut_out_of_one_line_say_so_on_the_second():
    notice = _specimen("48")
    assert [m.id for m in notice.measures] == ["1", "2", "3", "4"]
    ((measure, note, fields),) = _guesses(notice)
    assert (measure, note) == ("2", "run_on_item")
    assert fields["line"] == "3"
    assert fields["marker"] == "（二）"
    assert fields["text"].startswith("（一）新建城乡公交候车亭")
    assert _doubts(notice)["2"] == ["run_on_item"]
    assert _doubts(notice)["1"] == []


def test_a_reference_to_an_item_inside_a_sentence_is_no_guess():
    # （三）…按第（二）项的进度…: a reference, not the next number; no cut, no note.
    notice = _specimen("48")
    assert "按第（二）项" in notice.measures[2].text
    assert [m for m, *_ in _guesses(notice)] == ["2"]


def test_a_number_reread_against_its_neighbours_says_which_number_it_could_have_been():
    notice = _specimen("49")
    assert [m.id for m in notice.measures] == ["1", "2", "3"]
    assert notice.measures[1].text.startswith("365农技服务行动")
    ((measure, note, fields),) = _guesses(notice)
    assert (measure, note) == ("2", "glued_figure")
    assert fields == {"line": "3", "written": "2.365", "number": "2", "sub": "2-365"}


def test_a_range_the_page_wrapped_to_a_line_start_is_no_sub_measure():
    # 16—24岁 put first by a wrap reads as sub-number 16-24: after （二） and a
    # line that does not end, it numbers from nothing, so it is text (said).
    lines = [  # wrapped at 22 characters, as a PDF copy is
        "甲市任务分工",
        "（一）扩大见习范围。从明年起实施青年见习计划",
        "并将见习补贴范围由离校未就业高校毕业生扩展至",
        "16—24岁失业青年，按规定给予见习补贴，并",
        "适当提高补贴标准。（市人社局负责）",
        "（二）开展培训。支持困难企业组织职工在岗培训",
        "，培训期限由各地结合实际情况确定，一般不超过",
        "3—12个月，所需经费按规定从教育经费中列支",
        "。（市财政局负责）",
        "（三）落实保障。对符合条件的人员给予生活补助",
        "。（市民政局负责）",
    ]
    text = "\n".join(lines) + "\n"
    notice = policy_parse.parse_text(text)
    assert [m.id for m in notice.measures] == ["1", "2", "3"]
    assert "16—24岁失业青年" in notice.measures[0].text
    assert [u.name for u in notice.measures[0].lead] == ["市人社局"]
    assert [(m, n) for m, n, _ in _guesses(notice)] == [
        ("1", "marker_as_text"),
        ("2", "marker_as_text"),
    ]


def test_sub_numbers_after_their_parent_or_in_its_stead_are_measures():
    text = (
        "甲市任务分工\n1.推进建设，加快\n1-1.建设驿站。（市民政局负责）\n"
        "1-2.建设园区。（市住建局负责）\n3-1.建设网络，并\n3-2.完善机制。（市工信局负责）\n"
    )
    notice = policy_parse.parse_text(text)
    # 1-1 under 1 (whose line does not end), 3-2 after 3-1: measures, no guess.
    assert [m.id for m in notice.measures] == ["1-1", "1-2", "3-1", "3-2"]
    assert _guesses(notice) == []


def test_a_number_spaced_from_its_text_is_read_as_written_with_no_guess():
    text = "甲县任务分工\n1、建站。（县民政局负责）\n2.1 建设驿站。（县人社局负责）\n3、建园。（县住建局负责）\n"
    notice = policy_parse.parse_text(text)
    assert "2-1" in [m.id for m in notice.measures]
    assert _guesses(notice) == []


def test_a_marker_the_page_wrapped_into_text_says_so_on_the_measure_it_joined():
    notice = _specimen("50")
    assert [m.id for m in notice.measures] == ["1", "2", "3", "4", "5"]
    assert "权责统一、运转高效" in notice.measures[2].text
    ((measure, note, fields),) = _guesses(notice)
    assert (measure, note) == ("3", "marker_as_text")
    assert (fields["line"], fields["marker"]) == ("7", "一、")


def test_tasks_cut_out_of_one_paragraph_each_say_so_and_numbered_ones_do_not():
    notice = _specimen("51")
    assert [m.id for m in notice.measures] == ["1-1", "1-2", "2-1", "2-2"]
    found = _guesses(notice)
    assert [(m, n) for m, n, _ in found] == [("1-1", "inline_tasks"), ("1-2", "inline_tasks")]
    assert found[0][2] == {"line": "3", "parent": "1", "count": "2"}


def test_tasks_on_lines_of_their_own_are_the_notices_division_with_no_guess():
    text = (
        "甲区任务分工\n一、优化服务\n1.深化一网通办。\n"
        "推动高频事项全程网办（区政务服务局牵头，区大数据中心配合）。\n"
        "建立帮办代办队伍（区发改局牵头，区住建局配合）。\n"
    )
    notice = policy_parse.parse_text(text)
    assert [m.id for m in notice.measures] == ["1-1", "1-2"]
    assert _guesses(notice) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_guess_renders_in_both_languages_naming_the_line(lang):
    for prefix in ("48", "49", "50", "51"):
        for d in _specimen(prefix).discrepancies:
            if d.note in GUESSES:
                text = policy_parse.messages.message(d, lang)
                assert dict(d.fields)["line"] in text and "{" not in text


def test_the_sample_notice_is_read_with_no_such_guess():
    assert _guesses(sample_notice()) == []


# （一） holds two tasks after its title sentence; （二） one after its own title.
TITLED = (
    "某省重点工作分工\n一、深化改革\n"
    "（一）推进国企改革。完善监管体制（丁省国资委牵头）。发展混合所有制经济（丁省发改委牵头）。\n"
    "（二）转变政府职能。深化审批制度改革，清理审批事项（丁省发改委牵头）。\n"
)


def test_a_lone_task_numbered_n_1_like_its_siblings_tasks_says_so():
    notice = policy_parse.parse_text(TITLED)
    assert [m.id for m in notice.measures] == ["1-1", "1-2", "2-1"]
    lone = [(m, f) for m, n, f in _guesses(notice) if n == "lone_task"]
    assert lone == [("2-1", {"line": "4", "parent": "2"})]


def test_a_lone_task_read_as_its_measure_is_no_guess():
    notice = policy_parse.parse_text(TITLED.replace("（丁省国资委牵头）。发展", "。发展"))
    assert [m.id for m in notice.measures] == ["1", "2"]
    assert [n for _, n, _ in _guesses(notice)] == []


def test_items_run_on_after_an_unbracketed_label_clause_are_cut_and_say_so():
    # 1.…。牵头单位：A。2.…: the label clause closes item 1 as a bracket would.
    notice = _specimen("54")
    assert [m.id for m in notice.measures] == ["1", "2", "3"]
    assert [u.name for u in notice.measures[0].lead] == ["县水利局"]
    assert notice.measures[0].support == ()
    ((measure, note, fields),) = _guesses(notice)
    assert (measure, note, fields["marker"]) == ("2", "run_on_item", "2.")


def test_a_next_number_after_a_sentence_with_no_label_stays_text():
    text = "某县任务分工\n一、工程\n1.新建管网35公里。2.改造管道。牵头单位：县水利局。\n"
    notice = policy_parse.parse_text(text)
    assert [m.id for m in notice.measures] == ["1"]
    assert _guesses(notice) == []


def test_a_decimal_glued_to_a_latin_letter_is_the_item_its_neighbours_call_for():
    # 11.5G基站 between 10、 and 12、: no marker takes 11.5G, yet 11 is due.
    text = (
        "某县任务分工\n一、任务\n10、建设物流园区。（县商务局负责）\n"
        "11.5G基站建设。新建基站100个。（县工信局负责）\n12、建设农贸市场。（县市场监管局负责）\n"
    )
    notice = policy_parse.parse_text(text)
    assert [m.id for m in notice.measures] == ["10", "11", "12"]
    assert notice.measures[1].text.startswith("5G基站建设")
    ((measure, note, fields),) = _guesses(notice)
    assert (measure, note, fields["sub"]) == ("11", "glued_figure", "11-5")


def test_a_wrapped_line_that_starts_with_a_figure_stays_text_where_the_next_item_follows():
    text = (
        "某县任务分工\n一、任务\n1、建设物流园区，总投资\n2.5亿元。（县商务局负责）\n"
        "2、建设农贸市场。（县市场监管局负责）\n"
    )
    notice = policy_parse.parse_text(text)
    assert [m.id for m in notice.measures] == ["1", "2"]
    assert "2.5亿元" in notice.measures[0].text
    assert _guesses(notice) == []


def test_measures_numbered_on_in_another_style_are_measures_and_say_so():
    notice = _specimen("55")
    assert [m.id for m in notice.measures] == ["1", "2", "3", "4"]
    found = _guesses(notice)
    assert [(m, n) for m, n, _ in found] == [("3", "style_slip"), ("4", "style_slip")]
    assert found[0][2] == {"line": "6", "marker": "3.", "previous": "2"}


def test_an_item_outside_any_measure_that_does_not_number_on_stays_residue():
    text = (
        "某区任务\n一、稳就业\n1、开发岗位。（牵头单位：区人社局）\n2、开展培训。（牵头单位：区人社局）\n"
        "二、保民生\n7.提高低保标准。（牵头单位：区民政局）\n"
    )
    notice = policy_parse.parse_text(text)
    assert [m.id for m in notice.measures] == ["1", "2"]
    assert any(r.text.startswith("7.提高低保标准") for r in notice.residue)
    assert _guesses(notice) == [(None, "annotated_outside", {"line": "6", "marker": "7."})]


@pytest.mark.parametrize("open_, close", [("【", "】"), ("", "：")])
def test_labels_right_after_the_marker_are_the_annotation_and_the_next_line_the_text(open_, close):
    # 1.【牵头单位】A【配合单位】B / 开展…: the text under the labels was glued to
    # the last unit (县乙局开展巡查, 每月一次 read as units).
    lead, sup = f"{open_}牵头单位{close}", f"{open_}配合单位{close}"
    gap = "" if open_ else "；"
    notice = policy_parse.parse_text(
        "某县任务分工\n"
        f"1.{lead}县甲局{gap}{sup}县乙局、县丙局\n开展河道巡查，每月一次。\n"
        f"2.{lead}县丁局\n建设污水管网10公里。\n"
    )
    got = [
        (str(m.number), m.text, [u.written for u in m.lead], [u.written for u in m.support])
        for m in notice.measures
    ]
    assert got == [
        ("1", "开展河道巡查，每月一次。", ["县甲局"], ["县乙局", "县丙局"]),
        ("2", "建设污水管网10公里。", ["县丁局"], []),
    ]


def test_an_item_run_on_in_the_other_arabic_mark_is_the_next_item_of_the_list():
    # 1、…。牵头单位：A。2.…: a careless hand writes the list's next number
    # with a dot; it was kept inside item 1 (two leads, no item 2), unsaid.
    notice = policy_parse.parse_text(
        "某县任务分工\n一、工程建设\n"
        "1、新建管网35公里。牵头单位：县甲局。2.改造管道120公里。牵头单位：县甲局；配合单位：县乙局。\n"
        "3、建成调度平台。牵头单位：县丙局。\n"
    )
    got = [
        (str(m.number), [u.written for u in m.lead], [u.written for u in m.support])
        for m in notice.measures
    ]
    assert got == [
        ("1", ["县甲局"], []),
        ("2", ["县甲局"], ["县乙局"]),
        ("3", ["县丙局"], []),
    ]
    assert [d.note for d in notice.discrepancies if d.measure == "2"] == ["run_on_item"]


@pytest.mark.parametrize(("first", "third"), [("（1）", "（3）"), ("1）", "3）")])
def test_an_item_run_on_in_a_dotted_number_after_bracketed_ones_is_the_next_item(
    first: str, third: str
) -> None:
    # A copy that re-marked only the line starts (1. → （1）) leaves the
    # run-on 2. inside the line: it is the list's next number after a
    # label clause, so item 2, said so — not kept in item 1 (its units
    # taken by 1, item 2 lost, unsaid).
    notice = policy_parse.parse_text(
        "某县任务分工\n一、工程建设\n"
        f"{first}新建管网。牵头单位：县甲局。2.改造管道。牵头单位：县甲局；配合单位：县乙局。\n"
        f"{third}建成调度平台。牵头单位：县丙局。\n"
    )
    got = [(str(m.number), [u.written for u in m.support]) for m in notice.measures]
    assert got == [("1", []), ("2", ["县乙局"]), ("3", [])]
    assert [d.note for d in notice.discrepancies if d.measure == "2"] == ["run_on_item"]


def test_an_inner_list_in_another_arabic_mark_that_starts_at_1_stays_text() -> None:
    notice = policy_parse.parse_text(
        "某县任务分工\n一、工程建设\n"
        "（1）新建管网。（县甲局负责）1.主管网；2.支管网。\n"
        "（2）建成调度平台。（县丙局负责）\n"
    )
    assert [str(m.number) for m in notice.measures] == ["1", "2"]
    assert "主管网" in notice.measures[0].text


def test_a_short_tail_the_page_cut_before_an_out_of_sequence_marker_goes_on() -> None:
    # 构建 / 权责统 / 一、运转…: a sentence wrapped twice, its short tail
    # right before a figure that reads as part 一 after part 二 (left10).
    text = (
        "某市任务分工\n一、总体要求\n1.坚持系统观念。（市甲办负责）\n二、重点任务\n"
        "2.推进综合行政执法改革，整合执法\n队伍，构建权责统\n一、运转高效的执法体系。（市乙局负责）\n"
        "3.完善监督检查机制。（市甲办负责）\n"
    )
    notice = policy_parse.parse_text(text)
    assert [m.id for m in notice.measures] == ["1", "2", "3"]
    assert notice.measures[1].text.endswith("构建权责统一、运转高效的执法体系。")
    assert [d.note for d in notice.discrepancies].count("marker_as_text") == 1


def test_an_out_of_sequence_marker_after_an_annotation_line_is_no_tail() -> None:
    # 附件：1.甲表 / 2.乙表 under the last measure: a list, not a cut sentence.
    text = (
        "某市任务分工\n第一部分 甲\n1.推进甲。（牵头单位：市甲局）\n第二部分 乙\n"
        "1.推进乙。（牵头单位：市乙局）\n附件：1.重点任务分工表\n2.责任清单\n"
    )
    notice = policy_parse.parse_text(text)
    assert "marker_as_text" not in [d.note for d in notice.discrepancies]

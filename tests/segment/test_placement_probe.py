"""Annotation placements the dev corpus lacks (found with tests/specimens)."""

from __future__ import annotations

import policy_parse


def _parse(text: str) -> policy_parse.Notice:
    return policy_parse.parse_text(text)


def test_an_annotation_written_before_the_text_is_read() -> None:
    notice = _parse("方案\n一、任务\n1.（牵头单位：甲局；配合单位：乙局）推进改革，完成试点。\n")
    (m,) = notice.measures
    assert [u.name for u in m.lead] == ["甲局"]
    assert [u.name for u in m.support] == ["乙局"]
    assert m.text == "推进改革，完成试点。"


def test_a_leading_bracket_without_a_label_stays_measure_text() -> None:
    notice = _parse("方案\n一、任务\n1.（含开发区）推进改革。（牵头单位：甲局）\n")
    (m,) = notice.measures
    assert "含开发区" in m.text
    assert [u.name for u in m.lead] == ["甲局"]


def test_a_labelled_group_inside_a_sentence_is_the_tasks_annotation() -> None:
    # Left in the text, 甲局 was lost with nothing said (probe3).
    notice = _parse(
        "方案\n一、任务\n1.推进改革（牵头单位：甲局；配合单位：乙局），力争增长一成。\n"
    )
    (m,) = notice.measures
    assert [u.name for u in m.lead] == ["甲局"]
    assert [u.name for u in m.support] == ["乙局"]
    assert m.text == "推进改革，力争增长一成。"


def test_a_labelled_group_inside_a_sentence_joins_the_closing_one() -> None:
    notice = _parse("方案\n一、任务\n1.推进改革（牵头单位：甲局），鼓励参与（配合单位：乙局）。\n")
    (m,) = notice.measures
    assert ([u.name for u in m.lead], [u.name for u in m.support]) == (["甲局"], ["乙局"])
    assert m.number is not None and str(m.number) == "1"  # one task, not 1-1 / 1-2


def test_a_role_phrase_inside_a_sentence_naming_only_units_is_the_tasks_annotation() -> None:
    # 开展评价（甲中心负责），每季度通报。: left in the text, no unit, nothing said (probe5).
    notice = _parse("方案\n一、任务\n1.开展服务评价（甲中心负责），每季度通报一次。\n")
    (m,) = notice.measures
    assert [u.name for u in m.lead] == ["甲中心"]
    assert m.text == "开展服务评价，每季度通报一次。"


def test_a_role_phrase_inside_a_sentence_naming_no_unit_stays_text() -> None:
    notice = _parse("方案\n一、任务\n1.建设厂房（由企业自主负责），按期投产。（牵头单位：乙局）\n")
    (m,) = notice.measures
    assert "由企业自主负责" in m.text
    assert [u.name for u in m.lead] == ["乙局"]


def test_a_bracket_inside_a_sentence_without_a_label_stays_text() -> None:
    notice = _parse("方案\n一、任务\n1.推进改革（含甲局试点），力争增长。（牵头单位：乙局）\n")
    (m,) = notice.measures
    assert "含甲局试点" in m.text
    assert [u.name for u in m.lead] == ["乙局"]


def test_an_annotation_after_a_dash_closes_the_measure() -> None:
    # …。——甲局牵头，乙局配合 was left in the text: no unit, nothing said (probe4).
    notice = _parse(
        "方案\n一、任务\n1.推进改革，完成试点。——甲局牵头，乙局配合\n"
        "2.扩大开放。——牵头单位：丙局；配合单位：丁局\n"
    )
    first, second = notice.measures
    assert first.text == "推进改革，完成试点。"
    assert ([u.name for u in first.lead], [u.name for u in first.support]) == (["甲局"], ["乙局"])
    assert second.text == "扩大开放。"
    assert ([u.name for u in second.lead], [u.name for u in second.support]) == (["丙局"], ["丁局"])


def test_a_dash_before_words_that_name_no_unit_stays_text() -> None:
    notice = _parse("方案\n一、任务\n1.推进改革——以试点带全面。（牵头单位：甲局）\n")
    (m,) = notice.measures
    assert m.text == "推进改革——以试点带全面。"
    assert [u.name for u in m.lead] == ["甲局"]


def test_units_alone_after_a_dash_are_no_guessed_role() -> None:
    # Lead or support? No word says: left in the text, and the measure names no unit.
    notice = _parse("方案\n一、任务\n1.推进改革。——甲局\n")
    (m,) = notice.measures
    assert (m.lead, m.support) == ((), ())
    assert "甲局" in m.text


def test_a_role_phrase_written_before_the_text_is_read() -> None:
    # 【甲局牵头，乙局配合】text: left in the text, no unit (probe4).
    notice = _parse("方案\n一、任务\n1.【甲局牵头，乙局配合】推进改革。\n")
    (m,) = notice.measures
    assert m.text == "推进改革。"
    assert ([u.name for u in m.lead], [u.name for u in m.support]) == (["甲局"], ["乙局"])


def test_a_leading_bracket_whose_words_end_like_no_unit_stays_text() -> None:
    # 龙头企业牵头: a phrase, but what leads is no unit.
    notice = _parse("方案\n一、任务\n1.（龙头企业牵头）组建联合体。（牵头单位：甲局）\n")
    (m,) = notice.measures
    assert "龙头企业牵头" in m.text
    assert [u.name for u in m.lead] == ["甲局"]


def test_units_alone_in_a_tag_before_the_text_are_its_supporting_units():
    # 1.【丁县甲局、丁县乙局】推进…: no unit was read (few_annotated said so).
    notice = policy_parse.parse_text(
        "某县方案\n1.【丁县甲局、丁县乙局】推进甲项目。\n2.【丁县丙局】推进乙项目。\n"
        "3.【重点工程】推进丙项目。（丁县丁局负责）\n4.（丁县戊局）推进丁项目。（丁县己局负责）\n"
    )
    got = [([u.name for u in m.lead], [u.name for u in m.support], m.text) for m in notice.measures]
    assert got == [
        ([], ["丁县甲局", "丁县乙局"], "推进甲项目。"),
        ([], ["丁县丙局"], "推进乙项目。"),
        # A tag that names no unit, and round brackets, stay the text's.
        (["丁县丁局"], [], "【重点工程】推进丙项目。"),
        (["丁县己局"], [], "（丁县戊局）推进丁项目。"),
    ]


def test_an_unbracketed_phrase_may_name_each_place_and_units_with_second_names() -> None:
    # …。各乡镇负责。 / 各乡镇（街道）负责。 / 县委组织部（县委人才办）牵头，…:
    # no unit was read and nothing said so (各乡镇 ended like no unit; a
    # bracket kept the whole clause out).
    notice = _parse(
        "某县方案\n1.推进甲项目。（丁县甲局负责）\n2.推进乙项目。各乡镇负责。\n"
        "3.推进丙项目。各乡镇（街道）负责。\n4.推进丁项目。丁县委组织部（丁县委人才办）牵头，丁县乙局配合。\n"
        "5.推进戊项目。丁县甲局牵头，各村配合。\n"
    )
    got = [([u.name for u in m.lead], [u.name for u in m.support]) for m in notice.measures]
    assert got == [
        (["丁县甲局"], []),
        (["各乡镇"], []),
        (["各乡镇(街道)"], []),
        (["丁县委组织部(丁县委人才办)"], ["丁县乙局"]),
        (["丁县甲局"], ["各村"]),
    ]

"""segment/leading.py: label lines written above the item they annotate."""

from __future__ import annotations

import policy_parse
from policy_parse.audit import lost_and_invented

LABELS_ABOVE = (
    "某县人居环境整治任务分工\n"
    "一、重点任务\n"
    "【牵头单位】县甲局 【配合单位】县乙局、县丙局\n"
    "1.开展村庄清洁行动。\n"
    "【牵头单位】县丁局\n"
    "2.推进污水治理。\n"
    "【牵头单位】县戊局 【配合单位】各乡镇\n"
    "3.实施户厕改造。\n"
)


def _read(text: str) -> list[tuple[str, str, list[str], list[str]]]:
    notice = policy_parse.parse_text(text)
    return [
        (m.id or "", m.text, [u.written for u in m.lead], [u.written for u in m.support])
        for m in notice.measures
    ]


def test_label_lines_above_each_item_are_that_items():
    # Read line by line, 一、 took 县甲局 and each item the next one's units,
    # the last none: a heading level taken for measures.
    assert _read(LABELS_ABOVE) == [
        ("1", "开展村庄清洁行动。", ["县甲局"], ["县乙局", "县丙局"]),
        ("2", "推进污水治理。", ["县丁局"], []),
        ("3", "实施户厕改造。", ["县戊局"], ["各乡镇"]),
    ]


def test_the_reading_is_said_on_the_first_item_and_nothing_is_lost():
    document = policy_parse.read_text_document(LABELS_ABOVE)
    notice = policy_parse.notice_from_document(document)
    found = [(d.note, d.measure) for d in notice.discrepancies if d.kind.value == "structure"]
    assert found == [("leading_labels", "1")]
    (d,) = [d for d in notice.discrepancies if d.note == "leading_labels"]
    assert dict(d.fields) == {"line": "4", "marker": "1.", "count": "3"}
    assert lost_and_invented(document, notice) == ("", "")


def test_label_lines_under_each_item_stay_under_it():
    under = (
        "某县任务分工\n一、重点任务\n"
        "1.开展村庄清洁行动。\n牵头单位：县甲局\n"
        "2.推进污水治理。\n牵头单位：县丁局\n"
    )
    assert [(i, lead) for i, _, lead, _ in _read(under)] == [("1", ["县甲局"]), ("2", ["县丁局"])]


def test_a_heading_with_its_own_labels_over_annotated_items_is_left_alone():
    # The last item has its label line under it: no sign the lines lead.
    text = (
        "某县任务分工\n一、重点任务\n牵头单位：县甲局\n"
        "1.开展村庄清洁行动。\n牵头单位：县乙局\n"
        "2.推进污水治理。\n牵头单位：县丙局\n"
    )
    notice = policy_parse.parse_text(text)
    assert "leading_labels" not in [d.note for d in notice.discrepancies]
    assert [[u.written for u in m.lead] for m in notice.measures if m.id in ("1", "2")][-1] == [
        "县丙局"
    ]

"""segment/tasks.py: a measure item's unnumbered tasks, N-1, N-2 … (the
README's convention).  Specimens invented."""

from __future__ import annotations

import policy_parse


def test_text_between_two_annotated_tasks_opens_the_next_across_a_line_break():
    # A copy broke the paragraph after 推进戊事项。: the unannotated sentence
    # still opens the task whose annotation follows, as when it runs on.
    one = (
        "甲县任务分工\n一、总体\n（一）推进甲事项（县甲局牵头）。推进戊事项。"
        "推进乙工作（县乙局牵头）。推进丙工作（县丙局牵头）。\n（二）推进丁事项（县丁局牵头）。\n"
    )
    broken = one.replace("推进戊事项。", "推进戊事项。\n")
    for text in (one, broken):
        notice = policy_parse.parse_text(text)
        assert [(m.id, [u.name for u in m.lead]) for m in notice.measures] == [
            ("1-1", ["县甲局"]),
            ("1-2", ["县乙局"]),
            ("1-3", ["县丙局"]),
            ("2", ["县丁局"]),
        ]
        assert notice.measures[1].text.startswith("推进戊事项。")


def test_the_outliner_is_given_the_tasks_numbering_read_for_the_same_item():
    from policy_parse.models import Span
    from policy_parse.segment.header import Line
    from policy_parse.segment.items import lines_to_items
    from policy_parse.segment.tasks import MeasureTasks, Numbering

    texts = [
        "（一）推进甲事项（县甲局牵头）。推进乙工作（县乙局牵头）。",
        "（二）推进丁事项（县丁局牵头）。",
    ]
    items, _ = lines_to_items(
        [Line(t, Span(start_line=k + 1, end_line=k + 1)) for k, t in enumerate(texts)], False
    )
    numbering = Numbering.of(items, items[0].marker.style)
    # Read once: the same record for the same item, equal to a fresh reading.
    assert numbering.tasks_of(items[0]) is numbering.tasks_of(items[0])
    assert numbering.tasks_of(items[0]) == MeasureTasks.of(items[0])
    assert numbering.tasks_of(items[0]).annotated == 2
    # An item it did not read (another style) is read when asked.
    other = Numbering.of(items, "ar_dot")
    assert other.tasks_of(items[1]) == MeasureTasks.of(items[1])

"""Bounded work (issue 23): segmenting is linear in the notice, and the HTML
report's character diff is bounded.  Costs are compared, not timed against
a clock: the fastest of several runs in this process (CPU time, garbage
collection paused) of an input and of one 8 times its size.

Linear work costs 8 times as much, n log n about 11 times at these sizes,
quadratic 64: the bound, 16, tells them apart with room for a shared
machine (at 10 it failed under a load of 16, at 10.9 for segmenting)."""

from __future__ import annotations

import gc
import random
import time
from collections.abc import Callable

import attrs

import policy_parse
from golden import SAMPLES
from policy_parse.emit.html import _diff
from policy_parse.read import read_text_document
from policy_parse.segment import segment
from policy_parse.segment.annotations import labelled

BOUND = 16  # 8 times the input: linear 8, n log n ~11, quadratic 64

HEAD = "关于印发分工方案的通知\n\n各有关部门：\n\n附件\n\n分工方案\n"


def _cost(make: Callable[[int], Callable[[], object]], runs: int = 3) -> float:
    """The fastest of `runs` runs, each on a fresh input (no cache helps)."""
    best = float("inf")
    for k in range(runs):
        run = make(k)
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            run()
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def _ratio(make: Callable[[int, int], Callable[[], object]], n: int) -> float:
    small = _cost(lambda k: make(n, k))
    large = _cost(lambda k: make(8 * n, k))
    return large / small


def _segmenting(text: Callable[[int, str], str]) -> Callable[[int, int], Callable[[], object]]:
    def make(n: int, k: int) -> Callable[[], object]:
        document = read_text_document(text(n, "甲乙丙丁戊"[k]))
        return lambda: segment(document)

    return make


def test_segmenting_8_times_the_measures_costs_at_most_16_times() -> None:
    def lead_ins(n: int, salt: str) -> str:  # 3． over 3.1 … 3.10: a lead-in each
        lines = []
        for s in range(1, n // 10 + 1):
            lines.append(f"{s}.第{s}项总体任务{salt}：")
            lines += [f"{s}.{k}积极推进第{k}项工作{salt}。" for k in range(1, 11)]
        return HEAD + "\n".join(lines) + "\n"

    assert _ratio(_segmenting(lead_ins), 400) <= BOUND


def test_a_line_with_8_times_the_brackets_costs_at_most_16_times() -> None:
    # Every closing bracket of a line was a place to look for a run-on
    # item, by copying (and caching) the rest of the line: quadratic.
    def long_line(n: int, salt: str) -> str:
        line = "（一）推进工作" + "".join(f"甲{salt}{k}）" for k in range(n)) + "。（市发改委负责）"
        return HEAD + line + "\n（二）开展工作。（市财政局负责）\n"

    assert _ratio(_segmenting(long_line), 1000) <= BOUND


def test_a_line_repeating_the_next_marker_costs_at_most_16_times_for_8_times_as_many() -> None:
    # Each （二） after a bracket is a candidate run-on item: the stretch
    # before it was scanned back to its start for an annotation's bracket.
    def repeated(n: int, salt: str) -> str:
        line = (
            "（一）推进工作"
            + "".join(f"甲{salt}{k}）（二）" for k in range(n))
            + "。（市发改委负责）"
        )
        return HEAD + line + "\n（二）开展工作。（市财政局负责）\n"

    assert _ratio(_segmenting(repeated), 600) <= BOUND


def _long_texts(n: int, seed: int) -> tuple[str, str]:
    rng = random.Random(seed)
    words = ["推进工作", "建立机制", "加强监管", "优化服务", "。", "，"]
    return (
        "".join(rng.choice(words) for _ in range(n)),
        "".join(rng.choice(words) for _ in range(n)),
    )


def test_the_html_diff_of_8_times_longer_texts_costs_at_most_16_times() -> None:
    def make(n: int, k: int) -> Callable[[], object]:
        a, b = _long_texts(n, k)
        return lambda: _diff(a, b)

    assert _ratio(make, 500) <= BOUND


def test_the_diff_marks_what_differs_and_loses_no_text() -> None:
    assert _diff("市发改委牵头", "市发改局牵头") == [
        ("市发改", True),
        ("委", False),
        ("牵头", True),
    ]
    a, _ = _long_texts(2000, 1)  # about 6000 characters and 330 sentences
    b = a.replace("优化服务", "优化营商服务", 1)
    pieces = _diff(a, b)
    assert "".join(p for p, _ in pieces) == a
    assert 0 < sum(len(p) for p, same in pieces if not same) < len(a) // 10
    assert _diff(a, a) == [(a, True)]


def test_the_html_report_costs_about_what_json_does_with_long_texts() -> None:
    notice = policy_parse.parse(SAMPLES / "notice.txt")
    d = next(d for d in notice.discrepancies if isinstance(d.prose, str))

    def with_long(k: int) -> policy_parse.Notice:
        a, b = _long_texts(6000, k)
        return attrs.evolve(notice, discrepancies=(attrs.evolve(d, prose=a, table=b),))

    def html(k: int) -> Callable[[], object]:
        edited = with_long(k)
        return lambda: policy_parse.to_html(edited)

    def json(k: int) -> Callable[[], object]:
        edited = with_long(k)
        return lambda: policy_parse.to_json(edited)

    assert _cost(html) <= 5 * _cost(json)


def test_an_annotation_of_8_times_the_labels_costs_at_most_16_times() -> None:
    # hostile4: whether each label stood inside a bracket was counted from
    # the text's start, once per label: quadratic in an item that holds
    # thousands of labelled lines no rule reads as items of their own
    # (41 times the cost for 8 times the labels).
    def make(n: int, k: int) -> Callable[[], object]:
        salt = "甲乙丙丁戊"[k]
        body = "".join(
            f"牵头单位：甲{salt}{j}局；配合单位：乙局（负责人：张三）；" for j in range(n)
        )
        return lambda: labelled(body, line=True)

    labelled("牵头单位：甲局", line=True)  # warm: the label pattern compiled
    assert _ratio(make, 500) <= BOUND

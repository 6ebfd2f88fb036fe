"""CPU bombs for the reading rules of the last rounds (hostile4): for each,
a generated notice that drives the rule hard, parsed whole (`parse_text`)
at half, once and twice its size.  Linear work doubles from one size to the
next; a ratio well over 2 (above ~2.6 at the larger step) is a bug.

Each figure is the median CPU time (process time, garbage collection paused,
the text caches emptied before each run) of `--repeat` runs in this
process, with the min–max and the median wall time beside it.  Sizes are
the brief's (20,000 bare numbers, 200,000 brackets …) times `--scale`.

    python benchmarks/hostile_rules.py [--scale 1] [--repeat 3] [--only NAME,…]

A case that raises a typed policy_parse error prints its class: that is an
answer too (the input is refused), and its cost is still measured.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable

HEAD = "关于印发分工方案的通知\n\n各有关部门：\n\n附件\n\n分工方案\n"
ANNOTATED = "1.建设社区养老服务网络。（牵头单位：甲局；配合单位：乙局）\n"
COLUMNS = "序号\t主要任务\t牵头单位\t配合单位\t完成时限\n"

_DIGITS = "零一二三四五六七八九"


def _cn(n: int) -> str:
    """An ordinal in Chinese numerals, 1 … 99,999 (十 for 一十 at the start)."""
    out = ""
    for value, unit in ((10000, "万"), (1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if d:
            out += _DIGITS[d] + unit
        elif out and n and not out.endswith("零"):
            out += "零"
    return out[1:] if out.startswith("一十") else out


def bare_numbers(n: int) -> str:
    """A measure, then numbers counting on, each alone on its line."""
    return HEAD + ANNOTATED + "".join(f"{k}\n" for k in range(2, n + 2))


def glued_numbers(n: int) -> str:
    """Numbers counting on glued to their text, no dot (a lost 2.)."""
    return HEAD + ANNOTATED + "".join(f"{k}推进第{k}项工作。\n" for k in range(2, n + 2))


def glued_figures(n: int) -> str:
    """Items whose number is glued to a figure (11.121人 between 10. and 12.)."""
    lines = [f"{k}.{k}0人才项目（牵头单位：甲局）" for k in range(1, n + 1)]
    return HEAD + "\n".join(lines) + "\n"


def label_lines(n: int) -> str:
    """One measure, then label lines, one after another."""
    labels = ("牵头单位：甲局", "配合单位：乙局", "责任单位：丙局", "完成时限：2024年底")
    return HEAD + ANNOTATED + "".join(labels[k % 4] + "\n" for k in range(n))


def label_list(n: int) -> str:
    """A label line, then one unit name a line (a form's list)."""
    names = "".join(f"第{k}局\n" for k in range(n))
    return HEAD + "1.推进工作。\n牵头单位：甲局\n配合单位：\n" + names


def spaced_labels(n: int) -> str:
    """Letter-spaced label lines (牵 头 单 位：A), each under a measure."""
    return HEAD + "".join(f"{k}.推进第{k}项工作。\n牵 头 单 位：甲局\n" for k in range(1, n + 1))


def open_brackets(n: int) -> str:
    return HEAD + "1.推进工作" + "（" * n + "。（牵头单位：甲局）\n"


def close_brackets(n: int) -> str:
    return HEAD + "1.推进工作" + "）" * n + "。（牵头单位：甲局）\n"


def enumeration_commas(n: int) -> str:
    return HEAD + "1.推进工作。（牵头单位：甲局；配合单位：乙局" + "、" * n + "丙局）\n"


def comma_units(n: int) -> str:
    """One annotation naming n units (the lead among them: lead_also_support)."""
    units = "、".join(f"第{k}局" for k in range(n))
    return HEAD + f"1.推进工作。（牵头单位：甲局；配合单位：甲局、{units}）\n"


def nested_details(n: int) -> str:
    """One annotated measure with n unannotated （k） sub-items."""
    return HEAD + ANNOTATED + "".join(f"（{k}）新建站点{k}个。\n" for k in range(1, n + 1))


def empty_deadlines(n: int) -> str:
    """A 分工表 of n rows, the 时限 cell empty on every row."""
    rows = "".join(f"{k}\t推进第{k}项工作\t甲局\t乙局\t\n" for k in range(1, n + 1))
    return HEAD + COLUMNS + rows


def merged_deadlines(n: int) -> str:
    """A 分工表 of n rows, the 时限 written on the first row only (a merge)."""
    rows = "".join(f"{k}\t推进第{k}项工作\t甲局\t乙局\t\n" for k in range(2, n + 1))
    return HEAD + COLUMNS + "1\t推进工作\t甲局\t乙局\t2024年底\n" + rows


def long_cell(n: int) -> str:
    """A 分工表 whose one task cell is n characters."""
    cell = ("推进工作、" * (n // 5 + 1))[:n]
    return HEAD + COLUMNS + f"1\t{cell}\t甲局\t乙局\t2024年底\n2\t开展工作\t乙局\t甲局\t\n"


def wrapped_units(n: int) -> str:
    """A 分工表 whose units lists are left open (甲局、) on every row."""
    rows = "".join(f"{k}\t推进第{k}项工作\t甲局、\t乙局\t\n\t\t丙局\t\t\n" for k in range(1, n + 1))
    return HEAD + COLUMNS + rows


def bullets(n: int) -> str:
    return HEAD + "".join(f"● 推进第{k}项工作。（牵头单位：甲局）\n" for k in range(n))


def bare_bullets(n: int) -> str:
    """Bullets with no annotation under one measure."""
    return HEAD + ANNOTATED + "".join(f"• 推进第{k}项工作。\n" for k in range(n))


def ordinals(n: int) -> str:
    """一是…… up to the n-th, each on its own line (第一万 at 10,000)."""
    return HEAD + "".join(f"{_cn(k)}是推进工作。（牵头单位：甲局）\n" for k in range(1, n + 1))


def ordinal_di(n: int) -> str:
    return HEAD + "".join(f"第{_cn(k)}，推进工作。（牵头单位：甲局）\n" for k in range(1, n + 1))


def attachments(n: int) -> str:
    """An attachment list of n titles that ends the notice."""
    titles = "".join(f"{k}.第{k}项工作计划表\n" for k in range(2, n + 1))
    return HEAD + ANNOTATED + "附件：1.工作计划表\n" + titles


def page_numbers(n: int) -> str:
    """A page number (— k —) and a running head between every two measures."""
    body = "".join(
        f"{k}.推进第{k}项工作。（牵头单位：甲局）\n— {k} —\n分工方案\n" for k in range(1, n + 1)
    )
    return HEAD + body


def run_on(n: int) -> str:
    """n items written on one line: （一）…。（甲局负责）（二）…"""
    line = "".join(f"（{_cn(k)}）推进工作。（甲局负责）" for k in range(1, n + 1))
    return HEAD + line + "\n"


def sponsor(n: int) -> str:
    """n measures, the notice ending on a 主办单位 line."""
    body = "".join(f"{k}.推进第{k}项工作。（牵头单位：甲局）\n" for k in range(1, n + 1))
    return HEAD + body + "主办单位：乙局\n"


def spaces_line(n: int) -> str:
    """A line of n ideographic and no-break spaces inside a measure."""
    return HEAD + "1.推进工作" + "\u3000\u00a0 " * (n // 3) + "。（牵头单位：甲局）\n"


# name: (generator, the brief's size)
CASES: dict[str, tuple[Callable[[int], str], int]] = {
    "bare_numbers": (bare_numbers, 20_000),
    "glued_numbers": (glued_numbers, 20_000),
    "glued_figures": (glued_figures, 10_000),
    "label_lines": (label_lines, 10_000),
    "label_list": (label_list, 10_000),
    "spaced_labels": (spaced_labels, 10_000),
    "open_brackets": (open_brackets, 200_000),
    "close_brackets": (close_brackets, 200_000),
    "enumeration_commas": (enumeration_commas, 200_000),
    "comma_units": (comma_units, 10_000),
    "nested_details": (nested_details, 5_000),
    "empty_deadlines": (empty_deadlines, 10_000),
    "merged_deadlines": (merged_deadlines, 10_000),
    "long_cell": (long_cell, 100_000),
    "wrapped_units": (wrapped_units, 5_000),
    "bullets": (bullets, 10_000),
    "bare_bullets": (bare_bullets, 10_000),
    "ordinals": (ordinals, 10_000),
    "ordinal_di": (ordinal_di, 10_000),
    "attachments": (attachments, 10_000),
    "page_numbers": (page_numbers, 10_000),
    "run_on": (run_on, 2_000),
    "sponsor": (sponsor, 10_000),
    "spaces_line": (spaces_line, 200_000),
}


def measure(text: str, repeat: int) -> tuple[list[float], list[float], str]:
    import policy_parse
    from policy_parse._support import memo
    from policy_parse.errors import PolicyParseError

    cpu, wall, outcome = [], [], ""
    for _ in range(repeat):
        memo.clear()
        gc.collect()
        gc.disable()
        try:
            c, w = time.process_time(), time.perf_counter()
            try:
                notice = policy_parse.parse_text(text)
                outcome = f"{len(notice.measures)} measures"
            except PolicyParseError as e:
                outcome = type(e).__name__
            cpu.append(time.process_time() - c)
            wall.append(time.perf_counter() - w)
        finally:
            gc.enable()
    return cpu, wall, outcome


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--scale", type=float, default=1.0)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--only", default="")
    args = p.parse_args()
    import policy_parse

    policy_parse.parse_text(HEAD + ANNOTATED)  # warm: data files, regexes
    names = [s for s in args.only.split(",") if s] or list(CASES)
    print(f"{'case':20} {'size':>8} {'cpu ms (min-max)':>26} {'wall ms':>9} {'x prev':>7}  outcome")
    for name in names:
        make, size = CASES[name]
        prev = None
        for factor in (0.5, 1, 2):
            n = max(2, int(size * args.scale * factor))
            cpu, wall, outcome = measure(make(n), args.repeat)
            med = statistics.median(cpu) * 1000
            ratio = f"{med / prev:7.2f}" if prev else " " * 7
            span = f"{med:9.1f} ({min(cpu) * 1000:.0f}-{max(cpu) * 1000:.0f})"
            wmed = statistics.median(wall) * 1000
            print(f"{name:20} {n:>8} {span:>26} {wmed:9.1f} {ratio}  {outcome}", flush=True)
            prev = med


if __name__ == "__main__":
    main()

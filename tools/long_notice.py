"""An invented 分工方案 of N distinct, continuously numbered measures: a prose
list (under 一、… 九、 sections of 40 measures, or more when there are
more than 360) whose measures carry
their lead and supporting departments in a （牵头单位：…；配合单位：…） note,
then the same measures as a tab-separated 分工表 (序号 / 具体措施 / 牵头单位 /
配合单位 / 完成时限).

Issue 26's scaling specimen: pasting one real notice k times repeats its
numbers and texts, so it never exercises pairing and numbering at length.
Here every measure's text and its departments differ from every other's (a
place name spelled from the measure's index in an alphabet of plain
characters, never a digit), so each size is a notice a person could have
written.

    python tools/long_notice.py N [OUT]        # OUT defaults to stdout
"""

from __future__ import annotations

import sys
from typing import NamedTuple

# Characters that spell a place: none is a digit, a numeral, a unit suffix
# or a punctuation mark the segmenter reads.
_ALPHA = "安宁和平康泰丰盛兴华长青明光永乐嘉新德怡茂源昌祥瑞福"
_VERB = ["推进", "完善", "建设", "加快", "落实", "健全", "提升", "优化"]
_OBJ = [
    "老旧小区改造工作",
    "农村公路养护体系",
    "中小学校舍安全工程",
    "社区卫生服务网络",
    "河道综合治理项目",
    "智慧停车服务平台",
    "公共文化服务设施",
]
_BODY = ["发展改革", "财政", "住房城乡建设", "交通运输", "水务", "教育", "卫生健康", "文化旅游"]
_END = ["局", "委", "办", "中心"]
_DEADLINE = ["2025年底前", "持续推进", "2026年6月底前", "长期坚持"]
_SECTION = "一二三四五六七八九"
SECTION_SIZE = 40


class Measure(NamedTuple):
    """One invented measure as written on both sides."""

    number: int
    text: str
    lead: str
    support: tuple[str, ...]
    deadline: str


def place(i: int) -> str:
    """A name of four characters, a different one for every 0 ≤ i < 27⁴ (all
    of one length, so that no name is another with characters left out)."""
    n = len(_ALPHA)
    chars = []
    for _ in range(4):
        chars.append(_ALPHA[i % n])
        i //= n
    return "".join(chars)


def _unit(i: int) -> str:
    """A department of a named district: distinct across measures too."""
    return place(i) + "区" + _BODY[i % len(_BODY)] + _END[i % len(_END)]


def measures(n: int) -> list[Measure]:
    out = []
    for k in range(1, n + 1):
        name = place(k)
        text = (
            f"{_VERB[k % len(_VERB)]}{name}片区{_OBJ[k % len(_OBJ)]}，"
            f"确保{name}片区按期完成各项任务。"
        )
        lead = _unit(3 * k)
        support = (_unit(3 * k + 1), _unit(3 * k + 2))[: 1 + k % 2]
        out.append(Measure(k, text, lead, support, _DEADLINE[k % len(_DEADLINE)]))
    return out


def notice(n: int) -> str:
    """The whole notice, prose then table, as text."""
    ms = measures(n)
    lines = [
        "某县人民政府办公室文件",
        "",
        "关于印发《某县城乡建设重点任务分工方案》的通知",
        "",
        "各乡镇人民政府，县直有关单位：",
        "现将《某县城乡建设重点任务分工方案》印发给你们，请认真贯彻落实。",
        "",
        "某县城乡建设重点任务分工方案",
        "",
    ]
    size = max(SECTION_SIZE, -(-n // len(_SECTION)))
    for s, start in enumerate(range(0, n, size)):
        lines.append(f"{_SECTION[s]}、{_OBJ[s % len(_OBJ)][:4]}方面重点任务")
        for m in ms[start : start + size]:
            lines.append(
                f"{m.number}.{m.text}（牵头单位：{m.lead}；配合单位：{'、'.join(m.support)}）"
            )
    lines += ["", "附件", "", "某县城乡建设重点任务分工表", ""]
    lines.append("序号\t具体措施\t牵头单位\t配合单位\t完成时限")
    for m in ms:
        lines.append(f"{m.number}\t{m.text}\t{m.lead}\t{'、'.join(m.support)}\t{m.deadline}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = notice(int(args[0]))
    if len(args) > 1:
        with open(args[1], "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

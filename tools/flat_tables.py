"""Random 分工表s, flattened to text in every layout a copy leaves behind.

    python tools/flat_tables.py --show 7 pipes     # one table, one layout, printed
    python tools/flat_tables.py --rate 2000        # recovery rate per layout (benchmarks/README.md)

A table is drawn from a seed (`random.Random(seed)`): 2–9 columns chosen
among 序号, a group column, the measure text, persons (责任领导), a lead and
a supporting units column (or one combined 责任单位), a deadline and a
remarks column; rowspans in the group, number, person, lead and deadline
columns; empty cells; group title rows spanning the table; numbers written
in the text cell instead of a 序号 column; a header over two rows; a header
cell wrapped over two lines; the header repeated at a page break; and
Traditional script.  `flatten` writes it in one of `LAYOUTS` (what a
browser, a PDF viewer, a crawler or a Markdown converter makes of it), and
`variants` adds a blank line after every line, an indent, or a re-wrap at a
random width.

Every name and measure is invented: 县甲局-style units, made-up tasks.  The
truth (`Drawn.rows`) is the grid as the table holds it, one list of cell
texts per body row ("" for an empty cell or one a rowspan covers), and the
text line each row starts on, so `check` can say which rows the reader got
right and whether every row it got wrong carries a `structure` finding.
"""

from __future__ import annotations

import argparse
import functools
import random
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

# --- vocabulary (invented) --------------------------------------------------------

_PLACE = ["县", "区", "市"]
_BODY = [
    "发展改革",
    "财政",
    "教育",
    "科技",
    "工业信息化",
    "公安",
    "民政",
    "司法",
    "人力资源社会保障",
    "自然资源",
    "生态环境",
    "住房城乡建设",
    "交通运输",
    "水利",
    "农业农村",
    "商务",
    "文化旅游",
    "卫生健康",
    "应急管理",
    "审计",
    "市场监管",
    "统计",
    "医疗保障",
    "城市管理",
    "数据资源",
]
_END = ["局", "局", "局", "委", "办", "中心", "服务中心"]
_OTHER_UNITS = ["各乡镇人民政府", "各街道办事处", "县直有关单位", "经开区管委会", "县供电公司"]
_VERB = [
    "推进",
    "完善",
    "建设",
    "开展",
    "落实",
    "加快",
    "实施",
    "优化",
    "健全",
    "提升",
    "组织",
    "深化",
]
_OBJ = [
    "乡村道路修缮工程",
    "城乡供水一体化项目",
    "社区养老服务设施",
    "智慧停车管理平台",
    "农村人居环境整治",
    "政务服务一网通办",
    "中小学校舍改造",
    "河道生态治理",
    "营商环境评价机制",
    "公共文化服务体系",
    "安全生产专项检查",
    "垃圾分类收运体系",
    "中小企业融资服务",
    "高标准农田建设",
    "老旧小区改造计划",
    "医疗卫生服务网络",
]
_TAIL = ["", "，年内完成", "，确保取得实效", "，形成长效机制", "，覆盖全部乡镇", "10处", "20公里"]
_GROUP = [
    "优化营商环境",
    "推动产业升级",
    "保障改善民生",
    "加强生态保护",
    "推进城乡融合",
    "提升治理能力",
]
_SURNAME = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高"
_GIVEN = "东明华强伟芳敏静丽军平刚杰涛斌超波辉"
_DEADLINE = [
    "2024年6月底前",
    "2024年底前",
    "2025年3月底前",
    "持续推进",
    "长期坚持",
    "全年",
    "每季度",
    "2024年10月底前",
]
_CN = "一二三四五六七八九十"

LAYOUTS = (
    "pipes",  # a | b | c |, a rowspan's cells left out at the front
    "markdown",  # | a | b | c |, a rowspan's cells as empty cells
    "pipes-shifted",  # a rowspan's empty cells written last: b | c | |
    "tabs",  # a<TAB>b<TAB>c, every cell in place
    "gaps",  # a  b  c, empty cells vanish
    "spaces",  # a b c, empty cells vanish
    "lines",  # one cell per line, rows apart by a blank line
    "paragraphs",  # a blank line after every cell, an empty cell one more
    "closed-lines",  # one cell per line, each closed by ` |`
    "bar-lines",  # cells between lone | lines, rows ending with two
)
VARIANTS = ("plain", "blank", "indent", "wrap", "wrap-blank")


@dataclass
class Drawn:
    """A table and its truth."""

    header: list[str]  # column names (the header's second row merged in)
    header_rows: list[list[str]]  # as written: one row, or two (a merged 责任单位)
    kinds: list[str]  # number, group, text, persons, lead, support, combined, deadline, extra
    rows: list[list[str]]  # body rows: cell texts, "" where empty or covered by a rowspan
    covered: list[list[bool]]  # a rowspan covers this cell (written in no layout that drops it)
    titles: dict[int, str]  # body row index → a group title row standing before it
    traditional: bool = False
    wrapped_header: int | None = None  # column whose header cell wraps over two lines
    no_number_header: bool = False  # the header omits the 序号 column the rows write
    repeat_at: int | None = None  # body row before which the header is repeated
    letter_spaced: int | None = None  # column whose header word is letter-spaced
    features: list[str] = field(default_factory=list)


def _unit(rng: random.Random) -> str:
    if rng.random() < 0.1:
        return rng.choice(_OTHER_UNITS)
    return rng.choice(_PLACE[:1]) + rng.choice(_BODY) + rng.choice(_END)


def _units(rng: random.Random, k: int) -> str:
    names: list[str] = []
    while len(names) < k:
        u = _unit(rng)
        if u not in names:
            names.append(u)
    return "、".join(names)


def _text(rng: random.Random) -> str:
    return rng.choice(_VERB) + rng.choice(_OBJ) + rng.choice(_TAIL) + "。"


def _person(rng: random.Random) -> str:
    name = rng.choice(_SURNAME) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))
    return name if len(name) == 3 else name[0] + " " + name[1]  # 王 东: a two-character name spaced


def draw(seed: int) -> Drawn:
    """A random table from `seed`."""
    rng = random.Random(seed)
    kinds: list[str] = []
    number_in_text = rng.random() < 0.12
    if not number_in_text:
        kinds.append("number")
    if rng.random() < 0.35:
        kinds.append("group")
    kinds.append("text")
    if rng.random() < 0.25:
        kinds.append("persons")
    two_unit_cols = rng.random() < 0.6
    kinds += ["lead", "support"] if two_unit_cols else ["combined"]
    if rng.random() < 0.6:
        kinds.insert(rng.randrange(kinds.index("text") + 1, len(kinds) + 1), "deadline")
    if rng.random() < 0.2:
        kinds.append("extra")
    if len(kinds) < 2:
        kinds.append("lead")
    names = {
        "number": rng.choice(["序号", "编号"]),
        "group": rng.choice(["重点任务", "主要任务", "方面"]),
        "text": rng.choice(["具体措施", "工作任务", "工作内容", "具体任务"]),
        "persons": rng.choice(["责任领导", "县政府分管领导", "牵头领导"]),
        "lead": rng.choice(["牵头单位", "牵头部门"]),
        "support": rng.choice(["配合单位", "协办单位", "配合部门"]),
        "combined": rng.choice(["责任单位", "责任部门"]),
        "deadline": rng.choice(["完成时限", "时间节点", "完成时间"]),
        "extra": "备注",
    }
    if "group" in kinds and names["group"] == "重点任务" and names["text"] == "工作任务":
        names["text"] = "具体措施"
    header = [names[k] for k in kinds]
    n_rows = rng.randint(2, 9)
    rows: list[list[str]] = []
    covered: list[list[bool]] = []
    titles: dict[int, str] = {}
    spans: dict[int, int] = {}  # column → rows it still covers
    number = rng.choice([1, 1, 1, 5, 12])
    features: list[str] = []
    group_title_rows = "group" not in kinds and rng.random() < 0.35
    for r in range(n_rows):
        if group_title_rows and (r == 0 or rng.random() < 0.25):
            k = len(titles)
            titles[r] = (
                f"{_CN[k % 10]}、{rng.choice(_GROUP)}" if rng.random() < 0.7 else rng.choice(_GROUP)
            )
        row: list[str] = []
        cov: list[bool] = []
        for c, kind in enumerate(kinds):
            if spans.get(c, 0) > 0:
                spans[c] -= 1
                row.append("")
                cov.append(True)
                continue
            value = ""
            if kind == "number":
                value = str(number)
            elif kind == "group":
                value = rng.choice(_GROUP)
            elif kind == "text":
                value = _text(rng)
                if number_in_text:
                    value = f"{number}.{value}"
            elif kind == "persons":
                value = _person(rng)
            elif kind in ("lead", "combined"):
                value = _units(
                    rng, 1 if kind == "lead" and rng.random() < 0.85 else rng.randint(1, 4)
                )
            elif kind == "support":
                value = "" if rng.random() < 0.2 else _units(rng, rng.randint(1, 4))
            elif kind == "deadline":
                value = rng.choice(_DEADLINE)
            elif kind == "extra":
                value = "" if rng.random() < 0.7 else rng.choice(["已完成", "新增", "续建"])
            row.append(value)
            cov.append(False)
            # A rowspan down from here (grouping, number, person, lead, deadline).
            spannable = kind in ("group", "persons", "lead", "deadline") or (
                kind == "number" and rng.random() < 0.3
            )
            if spannable and value and r < n_rows - 1 and rng.random() < 0.25:
                spans[c] = rng.randint(1, min(3, n_rows - 1 - r))
                features.append("rowspan")
        rows.append(row)
        covered.append(cov)
        if not (kinds[0] == "number" and covered[-1][0]):
            number += 1
    if "number" in kinds:
        # A covered 序号 is a sub-row of the number above: numbers count rows with their own.
        pass
    drawn = Drawn(
        header=header,
        header_rows=[list(header)],
        kinds=kinds,
        rows=rows,
        covered=covered,
        titles=titles,
        features=features,
    )
    if titles:
        drawn.features.append("title rows")
    if number_in_text:
        drawn.features.append("number in text")
    if rng.random() < 0.12 and two_unit_cols and kinds[kinds.index("lead") + 1] == "support":
        # 责任单位 over 牵头单位 | 配合单位.
        lead = kinds.index("lead")
        top = list(header)
        top[lead], top[lead + 1] = "责任单位", ""
        sub = ["" for _ in header]
        sub[lead], sub[lead + 1] = header[lead], header[lead + 1]
        drawn.header_rows = [top, sub]
        drawn.features.append("two-row header")
    if (
        "persons" in kinds
        and header[kinds.index("persons")] == "县政府分管领导"
        and rng.random() < 0.5
    ):
        drawn.wrapped_header = kinds.index("persons")
        drawn.features.append("wrapped header cell")
    if kinds[0] == "number" and len(drawn.header_rows) == 1 and rng.random() < 0.1:
        drawn.no_number_header = True
        drawn.features.append("header without 序号")
    if n_rows >= 4 and rng.random() < 0.15:
        drawn.repeat_at = rng.randint(1, n_rows - 1)
        drawn.features.append("header repeated")
    if rng.random() < 0.2:
        drawn.letter_spaced = kinds.index("text")
        drawn.features.append("letter-spaced header")
    if rng.random() < 0.1:
        drawn.traditional = True
        drawn.features.append("Traditional")
    return drawn


# --- flattening ------------------------------------------------------------------------


@dataclass
class Flat:
    """A flattened table: its text and the line each body row starts on (1-based)."""

    text: str
    row_lines: list[int]
    layout: str


def _header_cells(d: Drawn, layout: str) -> list[list[str]]:
    rows = [list(r) for r in d.header_rows]
    if d.letter_spaced is not None and layout in ("spaces", "gaps", "pipes", "markdown", "tabs"):
        w = rows[0][d.letter_spaced]
        rows[0][d.letter_spaced] = " ".join(w)
    if d.no_number_header:
        rows = [r[1:] for r in rows]
    return rows


def flatten(d: Drawn, layout: str) -> Flat:
    """The table as `layout` writes it."""
    out: list[str] = ["某县重点工作任务分工表"]
    row_lines: list[int] = []
    header = _header_cells(d, layout)
    positional = layout in ("markdown", "tabs")
    if len(header) > 1 and layout not in ("pipes", "markdown", "tabs", "pipes-shifted"):
        # Only a layout that keeps cell positions can show a second header row.
        header = [d.header[1:] if d.no_number_header else list(d.header)]

    def emit_row(cells: list[str], *, title: bool = False) -> None:
        if layout in ("pipes", "pipes-shifted"):
            out.append(" | ".join(cells) + " |")
        elif layout == "markdown":
            out.append("| " + " | ".join(cells) + " |")
        elif layout == "tabs":
            out.append("\t".join(cells))
        elif layout == "gaps":
            out.append("  ".join(c for c in cells if c))
        elif layout == "spaces":
            out.append(" ".join(c for c in cells if c))
        elif layout == "lines":
            out.extend(c for c in cells if c)
            out.append("")
        elif layout == "paragraphs":
            for c in cells:
                if c:
                    out.append(c)
                out.append("")
        elif layout == "closed-lines":
            out.extend(f"{c} |" for c in cells if c)
        elif layout == "bar-lines":
            for c in cells:
                if c:
                    out.append(c)
                    out.append("|")
            out.append("|")

    def header_rows() -> None:
        for hrow in header:
            cells = list(hrow)
            if d.wrapped_header is not None and layout in ("lines", "paragraphs", "bar-lines"):
                k = d.wrapped_header - (1 if d.no_number_header else 0)
                w = cells[k]
                cells[k : k + 1] = [w[:3], w[3:]]
            emit_row(cells)

    header_rows()
    n = len(d.kinds)
    for r, (row, cov) in enumerate(zip(d.rows, d.covered, strict=True)):
        if r == d.repeat_at and layout in (
            "lines",
            "paragraphs",
            "closed-lines",
            "bar-lines",
            "pipes",
        ):
            header_rows()
        if r in d.titles:
            t = d.titles[r]
            if positional:
                emit_row([t] + [""] * (n - 1))
            else:
                emit_row([t])
        start = len(out) + 1
        if layout in ("markdown", "tabs"):
            cells = list(row)
        elif layout == "pipes":
            cells = [c for c, v in zip(row, cov, strict=True) if not v]
        elif layout == "pipes-shifted":
            cells = [c for c, v in zip(row, cov, strict=True) if not v]
            cells += [""] * (n - len(cells))
        else:
            cells = [c for c, v in zip(row, cov, strict=True) if not v]
            if layout in ("paragraphs",):
                # An empty cell is a blank line more; a covered one is not written.
                cells = [c for c, v in zip(row, cov, strict=True) if not v]
        emit_row(cells)
        row_lines.append(start)
    text = "\n".join(out) + "\n"
    return Flat(text=text, row_lines=row_lines, layout=layout)


def variant(flat: Flat, kind: str, rng: random.Random) -> Flat:
    """A blank line after every line, an indent, a re-wrap at a random width,
    or a re-wrap and then a blank line after every line (a PDF copy pasted
    into a portal that spaces its paragraphs)."""
    if kind == "wrap-blank":
        return variant(variant(flat, "wrap", rng), "blank", rng)
    lines = flat.text.split("\n")
    if kind == "plain":
        return flat
    if kind == "indent":
        return Flat(
            text="\n".join("\u3000\u3000" + ln if ln.strip() else ln for ln in lines),
            row_lines=flat.row_lines,
            layout=flat.layout,
        )
    if kind == "blank":
        new: list[str] = []
        where: dict[int, int] = {}
        for k, ln in enumerate(lines, start=1):
            where[k] = len(new) + 1
            new.append(ln)
            if ln.strip():
                new.append("")
        return Flat(
            text="\n".join(new),
            row_lines=[where[k] for k in flat.row_lines],
            layout=flat.layout,
        )
    width = rng.randint(24, 40)
    new = []
    where = {}
    for k, ln in enumerate(lines, start=1):
        where[k] = len(new) + 1
        if len(ln) <= width:
            new.append(ln)
        else:
            new.extend(ln[i : i + width] for i in range(0, len(ln), width))
    return Flat(
        text="\n".join(new), row_lines=[where[k] for k in flat.row_lines], layout=flat.layout
    )


def traditional(flat: Flat) -> Flat:
    text: str = _converter("s2t").convert(flat.text)
    return Flat(text=text, row_lines=flat.row_lines, layout=flat.layout)


# --- checking ----------------------------------------------------------------------------

_WS = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _WS.sub("", text)


@dataclass
class Checked:
    rows: int
    right: int
    flagged_wrong: int  # rows read wrong but carrying a structure finding
    silent_wrong: list[int]  # body row indices read wrong without one


def check(d: Drawn, flat: Flat) -> Checked:
    """Which body rows the text reader rebuilt exactly (the cell texts of the
    row, whitespace aside), and whether every other carries a finding."""
    import policy_parse
    from policy_parse.models import Format, Source, Table
    from policy_parse.read.text.reader import read_text

    source = Source(path=None, format=Format.TXT, sha256="0" * 64)
    document = read_text(flat.text, source)
    tables = [b for b in document.blocks if isinstance(b, Table)]
    got: dict[int, list[str]] = {}
    doubtful: set[int] = set()  # every line of a row the reader doubts
    if tables:
        t = tables[0]
        doubted = set(t.alignment.doubtful) if t.alignment is not None else set()
        for row in t.rows:
            first, last = row.span.start_line, row.span.end_line
            if first is not None:
                got.setdefault(first, [_norm(c.text) for c in row.cells])
                if first in doubted:
                    doubtful.update(range(first, (last or first) + 1))
    unaligned = {
        r.span.start_line
        for r in document.residue
        if r.reason.startswith(("table row that cannot be aligned", "looks like a table"))
    }
    lost = not tables
    try:
        notice = policy_parse.parse_text(flat.text)
        noted = any(d_.kind.value == "structure" for d_ in notice.discrepancies)
    except policy_parse.PolicyParseError:
        noted = False
    right = flagged = 0
    silent: list[int] = []
    ends = [*flat.row_lines[1:], flat.row_lines[-1] + 60 if flat.row_lines else 0]
    for r, (row, start) in enumerate(zip(d.rows, flat.row_lines, strict=True)):
        want = [_norm(c) for c in row]
        if d.traditional:
            want = [_norm(_t2s(c)) for c in row]
        mine = got.get(start)
        if mine is not None and d.traditional:
            mine = [_t2s(c) for c in mine]
        if mine == want:
            right += 1
            continue
        near = set(range(start - 1, ends[r] + 1))
        if near & (doubtful | unaligned) or (lost and noted):
            flagged += 1
        else:
            silent.append(r)
    return Checked(rows=len(d.rows), right=right, flagged_wrong=flagged, silent_wrong=silent)


@functools.cache
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def _t2s(text: str) -> str:
    out: str = _converter("t2s").convert(text)
    return out


def sample(seed: int, layout: str, kind: str) -> tuple[Drawn, Flat]:
    d = draw(seed)
    flat = flatten(d, layout)
    if d.traditional:
        flat = traditional(flat)
    return d, variant(flat, kind, random.Random(seed * 7 + 1))


def rates(count: int, layouts: Sequence[str] = LAYOUTS, kinds: Sequence[str] = VARIANTS) -> str:
    """A Markdown table: per layout, rows rebuilt exactly, and rows read
    wrong without a finding, over `count` tables per layout and variant."""
    lines = [
        "| layout | tables | rows | rebuilt exactly | wrong, with a finding | wrong, silent |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for layout in layouts:
        rows = right = flagged = silent = 0
        for kind in kinds:
            for seed in range(count):
                d, flat = sample(seed, layout, kind)
                c = check(d, flat)
                rows += c.rows
                right += c.right
                flagged += c.flagged_wrong
                silent += len(c.silent_wrong)
        tables = count * len(kinds)
        lines.append(
            f"| {layout} | {tables} | {rows} | {right / rows:.1%} | {flagged / rows:.1%} "
            f"| {silent / rows:.1%} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", nargs=2, metavar=("SEED", "LAYOUT"))
    ap.add_argument("--variant", default="plain", choices=VARIANTS)
    ap.add_argument("--rate", type=int, metavar="N", help="N tables per layout and variant")
    args = ap.parse_args(argv)
    if args.show:
        seed, layout = int(args.show[0]), args.show[1]
        d, flat = sample(seed, layout, args.variant)
        print(flat.text)
        print("features:", ", ".join(d.features) or "-")
        for r, (row, line) in enumerate(zip(d.rows, flat.row_lines, strict=True)):
            print(f"row {r} @ line {line}: {row}")
        print(check(d, flat))
        return 0
    if args.rate:
        print(rates(args.rate))
        return 0
    ap.print_help()
    return 2


__all__: list[str] = ["LAYOUTS", "VARIANTS", "Drawn", "Flat", "check", "draw", "flatten", "sample"]
_: Callable[..., object] = main

if __name__ == "__main__":
    sys.exit(main())

"""read/text/reader.py + read/text/tables.py: tables flattened to text, rebuilt as grids.

Every specimen is made up (县甲局, 县乙局 …) in the shapes a browser or PDF
copy leaves behind; docs/formats.md, "Tables written as text", names them.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

import pytest

import policy_parse
from policy_parse.audit import characters_in, lost_and_invented
from policy_parse.models import Document, Format, Source, Table
from policy_parse.read.text.reader import read_text
from policy_parse.read.text.tables import column_role

SOURCE = Source(path=None, format=Format.TXT, sha256="0" * 64)
PREAMBLE = "某县重点任务分工方案\n\n"


def doc(text: str) -> Document:
    return read_text(text, SOURCE)


def grid(document: Document) -> list[list[str]]:
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    return [[c.text for c in row.cells] for row in table.rows]


def records(text: str) -> list[tuple[str, list[str], list[str]]]:
    notice = policy_parse.parse_text(text)
    return [
        (str(e.number), [u.written for u in e.lead], [u.written for u in e.support])
        for e in notice.table
        if e.number is not None
    ]


# --- one cell per line, rows apart by blank lines ------------------------------------

GROUPED = """序号
重点任务
牵头单位
配合单位

1
推行一窗受理。
县甲局
县乙局、县丙局

2
压缩审批时间。
县乙局
县甲局
"""


def test_it_reads_one_cell_per_line_rows_apart_by_blank_lines():
    assert grid(doc(PREAMBLE + GROUPED)) == [
        ["序号", "重点任务", "牵头单位", "配合单位"],
        ["1", "推行一窗受理。", "县甲局", "县乙局、县丙局"],
        ["2", "压缩审批时间。", "县乙局", "县甲局"],
    ]


def test_a_lone_title_line_between_grouped_rows_is_a_title_row():
    text = GROUPED.replace("\n2\n", "\n二、压缩时间\n\n2\n")
    rows = grid(doc(PREAMBLE + text))
    assert rows[2] == ["二、压缩时间"]
    notice = policy_parse.parse_text(PREAMBLE + text)
    assert notice.table[1].part_written == "二、压缩时间"


def test_a_lone_bar_line_separates_rows_like_a_blank_one():
    text = GROUPED.replace("\n\n", "\n|\n")
    assert records(PREAMBLE + text) == [
        ("1", ["县甲局"], ["县乙局", "县丙局"]),
        ("2", ["县乙局"], ["县甲局"]),
    ]


def test_prose_after_a_grouped_table_stays_prose():
    text = GROUPED + "\n各单位要认真落实，按时报送进展。\n"
    blocks = doc(PREAMBLE + text).blocks
    assert blocks[-1].text == "各单位要认真落实，按时报送进展。"  # type: ignore[union-attr]


# --- one cell per paragraph --------------------------------------------------------

# Every cell is followed by a blank line; an empty cell is one blank line more;
# the header cell 县政府分管领导 wrapped over two lines; a title row (its
# marker lost) and a （一） row come before the numbered rows.
PARAGRAPHS = """序号

重点工作

县政府

分管领导

牵头单位

配合单位

备注

优化营商环境。





（一）

深化审批改革。





1

推行一窗受理。

张 三

县甲局

县乙局、县丙局


2

压缩审批时间。

张 三

县乙局



3

清理证明事项。

李 四

县丙局

县甲局

已完成
"""


def test_it_reads_one_cell_per_paragraph_rows_by_where_the_number_recurs():
    rows = grid(doc(PREAMBLE + PARAGRAPHS))
    assert rows[0] == ["序号", "重点工作", "县政府分管领导", "牵头单位", "配合单位", "备注"]
    assert rows[1] == ["优化营商环境。"]  # a one-cell title row
    assert rows[2] == ["（一）", "深化审批改革。", "", "", "", ""]
    assert rows[3] == ["1", "推行一窗受理。", "张 三", "县甲局", "县乙局、县丙局", ""]
    assert rows[4] == ["2", "压缩审批时间。", "张 三", "县乙局", "", ""]
    assert rows[5] == ["3", "清理证明事项。", "李 四", "县丙局", "县甲局", "已完成"]


def test_a_flattened_table_gives_records_with_their_groups():
    notice = policy_parse.parse_text(PREAMBLE + PARAGRAPHS)
    first = notice.table[0]
    assert (str(first.number), [u.written for u in first.lead]) == ("1", ["县甲局"])
    assert first.part_written == "优化营商环境。"
    assert first.section_written == "（一）深化审批改革。"
    assert first.leaders == ("张三",)  # a person: never a unit, kept as leaders
    assert not any(k == "县政府分管领导" for k, _ in first.extra)
    assert [u.written for u in notice.table[1].support] == []


# --- pipe rows -----------------------------------------------------------------------

PIPES = """| 序号 | 重点任务 | 具体措施 | 牵头单位 | 配合单位 |
|---|---|---|---|---|
| 1 | 优化服务 | 推行一窗受理。 | 县甲局 | 县乙局 |
| 2 | 压缩审批时间。 | 县乙局 | |
"""


def test_a_pipe_row_with_fewer_cells_lost_the_cell_a_rowspan_covers_not_its_number():
    # Its 2 is a 序号, not a 重点任务 title: the row lost its group cell to the
    # rowspan above (until issue 21 the cells were padded in front, which put
    # the number in the group column).
    document = doc(PREAMBLE + PIPES)
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    last = table.rows[-1].cells
    assert [c.merged_up for c in last] == [False, True, False, False, False]
    assert [c.text for c in last] == ["2", "", "压缩审批时间。", "县乙局", ""]


def test_the_markdown_rule_line_is_kept_as_residue_not_dropped():
    document = doc(PREAMBLE + PIPES)
    assert [(r.text, r.reason) for r in document.residue] == [
        ("|---|---|---|---|---|", "rule line of a pipe table")
    ]


def test_pipe_rows_without_outer_bars_read_the_same():
    text = "序号 | 具体措施 | 牵头单位\n1 | 推行一窗受理。 | 县甲局\n"
    assert records(PREAMBLE + text) == [("1", ["县甲局"], [])]


# --- space-separated rows ------------------------------------------------------------

SPACED = """序号  具体措施  牵头单位  配合单位
1  推行一窗受理。  县甲局  县乙局、县丙局
2  压缩审批时间。  县乙局  县甲局
"""


def test_it_reads_rows_whose_columns_are_apart_by_wide_gaps():
    assert records(PREAMBLE + SPACED) == [
        ("1", ["县甲局"], ["县乙局", "县丙局"]),
        ("2", ["县乙局"], ["县甲局"]),
    ]


def test_ideographic_spaces_part_columns_too():
    text = SPACED.replace("  ", "\u3000")
    assert records(PREAMBLE + text)[0] == ("1", ["县甲局"], ["县乙局", "县丙局"])


# --- key–value pairs -----------------------------------------------------------------

KEY_VALUE = """重点工作: | 12.推行一窗受理,压缩审批时间。 |
牵头单位: | 县甲局 |
进展情况及下一步工作: |
已完成。 |
重点工作: | 13.清理证明事项。 |
牵头单位: | 县乙局 |
"""


def test_key_value_pairs_are_one_record_each_run_of_keys():
    rows = grid(doc(PREAMBLE + KEY_VALUE))
    assert rows == [
        ["重点工作", "牵头单位", "进展情况及下一步工作"],
        ["12.推行一窗受理,压缩审批时间。", "县甲局", "已完成。"],
        ["13.清理证明事项。", "县乙局", ""],
    ]


def test_the_measure_number_written_in_the_text_cell_is_the_rows_number():
    notice = policy_parse.parse_text(PREAMBLE + KEY_VALUE)
    assert [(str(e.number), e.text) for e in notice.table] == [
        ("12", "推行一窗受理,压缩审批时间。"),
        ("13", "清理证明事项。"),
    ]
    assert [u.written for u in notice.table[0].lead] == ["县甲局"]


def test_repeated_keys_are_kept_as_residue():
    document = doc(PREAMBLE + KEY_VALUE)
    assert sorted(r.text for r in document.residue) == ["牵头单位", "重点工作"]


# --- prose is never a table ------------------------------------------------------------


def test_label_lines_and_sentences_with_column_words_stay_prose():
    text = (
        "一、优化服务\n"
        "1.推行一窗受理。\n"
        "牵头单位：县甲局\n"
        "配合单位：县乙局\n"
        "序号 重点任务 由各单位自行编排。\n"
    )
    document = doc(text)
    assert not any(isinstance(b, Table) for b in document.blocks)
    assert not document.residue


def test_a_lone_column_word_is_not_a_table():
    document = doc("重点任务\n\n推行一窗受理。\n")
    assert not any(isinstance(b, Table) for b in document.blocks)
    assert not document.residue


def test_column_words_without_rows_leave_a_residue_that_says_so():
    text = (
        PREAMBLE
        + "序号\n重点任务\n牵头单位\n\n各单位要认真落实，按时报送进展情况，确保取得实效。\n"
    )
    document = doc(text)
    assert [(r.text, r.reason) for r in document.residue] == [
        (w, "looks like a table (header words 序号、重点任务、牵头单位) but no rows were read")
        for w in ("序号", "重点任务", "牵头单位")
    ]
    # Nothing else is lost: the sentence stays a paragraph.
    assert document.blocks[-1].text.startswith("各单位要认真落实")  # type: ignore[union-attr]


def test_a_pipe_header_with_no_rows_says_so_too():
    document = doc(PREAMBLE + "序号 | 重点任务 | 牵头单位 |\n\n各单位要认真落实。\n")
    assert [r.reason for r in document.residue] == [
        "looks like a table (header words 序号、重点任务、牵头单位) but no rows were read"
    ]


# --- column words -----------------------------------------------------------------------


def test_a_projects_name_column_holds_the_rows_task():
    # 为民办实事项目分工表: 序号 | 项目名称 | 牵头单位 …; the rows' texts were
    # empty (an extra column), and every row "copied" the one above.
    assert column_role("项目名称") == "text"
    assert column_role("项 目 名 称") == "text"


def test_column_words_follow_the_role_word_and_unit_noun_pattern():
    assert column_role("牵头负责部门") == "lead"
    assert column_role("配合责任单位") == "support"
    assert column_role("主要责任单位") == "responsible"
    assert column_role("负责部门") == "responsible"
    assert column_role("责任科室") == "responsible"
    # 主体 names units as 单位 does (牵头主体 | 配合主体 tables had no unit
    # column: table_no_units); 落实/实施单位 carry a measure out, no lead named.
    assert column_role("牵头主体") == "lead"
    assert column_role("配合主体") == "support"
    assert column_role("责任主体") == "responsible"
    assert column_role("落实单位") == "responsible"
    assert column_role("实施单位") == "responsible"
    assert column_role("责任部门") == "units"  # the listed, lead-first word
    assert column_role("牵头") is None
    assert column_role("推行一窗受理") is None


def test_a_traditional_header_is_recognised_before_the_script_is_converted():
    text = "序號 | 具體措施 | 牽頭單位 |\n1 | 推行一窗受理。 | 縣甲局 |\n"
    assert grid(doc("某縣重點任務分工方案\n\n" + text))[0] == ["序號", "具體措施", "牽頭單位"]
    assert records("某縣重點任務分工方案\n\n" + text) == [("1", ["縣甲局"], [])]


# --- nothing lost ------------------------------------------------------------------------


@pytest.mark.parametrize("specimen", [GROUPED, PARAGRAPHS, PIPES, SPACED, KEY_VALUE])
def test_every_character_of_a_flattened_table_is_read_and_kept(specimen):
    text = PREAMBLE + specimen
    document = doc(text)
    # The reader drops nothing but whitespace and punctuation (| and : here).
    assert characters_in(document) == Counter(
        c for c in text if not c.isspace() and unicodedata.category(c)[0] not in "PSZC"
    )
    notice = policy_parse.notice_from_document(policy_parse.read_text_document(text))
    assert lost_and_invented(policy_parse.read_text_document(text), notice) == ("", "")


def test_rows_under_a_rowspan_continue_it_whether_cells_are_empty_or_missing():
    text = """| 序号 | 重点任务 | 具体措施 | 牵头单位 | 配合单位 |
| 1 | 优化服务 | 推行一窗受理。 | 县甲局 | 县乙局 |
|  |  | 压缩审批时间。 | 县乙局 | |
| 2 | 放宽准入 | 清理证明事项。 | 县丙局 | |
| 压缩办理环节。 | 县丁局 |  |
"""
    notice = policy_parse.parse_text(PREAMBLE + text)
    assert [(e.id, e.part_written, [u.written for u in e.lead]) for e in notice.table] == [
        ("1-1", "优化服务", ["县甲局"]),
        ("1-2", "优化服务", ["县乙局"]),
        ("2-1", "放宽准入", ["县丙局"]),
        ("2-2", "放宽准入", ["县丁局"]),
    ]
    assert [u.written for u in notice.table[1].support] == []  # support is never inherited


def test_tab_separated_rows_keep_their_empty_cells():
    text = "序号\t具体措施\t牵头单位\t配合单位\n1\t推行一窗受理。\t\t县乙局\n2\t压缩审批时间。\t县乙局\t\n"
    assert grid(doc(PREAMBLE + text)) == [
        ["序号", "具体措施", "牵头单位", "配合单位"],
        ["1", "推行一窗受理。", "", "县乙局"],
        ["2", "压缩审批时间。", "县乙局", ""],
    ]


def test_full_width_bars_separate_cells_like_ascii_ones():
    text = "序号｜具体措施｜牵头单位\n1｜推行一窗受理。｜县甲局\n"
    assert records(PREAMBLE + text) == [("1", ["县甲局"], [])]


def test_paragraphs_after_the_last_numbered_row_are_no_rows():
    note = "\n\n备注：各单位于每季度末报送进展。\n\n特此说明，请认真落实。\n"
    document = doc(PREAMBLE + PARAGRAPHS.rstrip("\n") + note)
    assert grid(document)[-1] == ["3", "清理证明事项。", "李 四", "县丙局", "县甲局", "已完成"]
    assert [b.text for b in document.blocks[-2:]] == [  # type: ignore[union-attr]
        "备注：各单位于每季度末报送进展。",
        "特此说明，请认真落实。",
    ]


def test_an_unclosed_value_ends_at_a_blank_line():
    text = "重点工作: | 12.推行一窗受理。 |\n牵头单位: | 县甲局\n\n各单位要认真落实。\n"
    document = doc(PREAMBLE + text)
    assert grid(document)[1] == ["12.推行一窗受理。", "县甲局"]
    assert document.blocks[-1].text == "各单位要认真落实。"  # type: ignore[union-attr]


def test_a_short_prose_group_after_a_grouped_table_is_no_row():
    text = GROUPED + "\n各单位要认真落实。\n按时报送进展。\n"
    document = doc(PREAMBLE + text)
    assert len(grid(document)) == 3
    assert [b.text for b in document.blocks[-2:]] == ["各单位要认真落实。", "按时报送进展。"]  # type: ignore[union-attr]


def test_a_tab_separated_header_may_leave_a_spanned_cell_empty():
    # 责任单位 spans two columns; the row under it names them.
    text = PREAMBLE + (
        "序号\t工作任务\t责任单位\t\t完成时限\n"
        "\t\t牵头单位\t配合单位\t\n"
        "1\t推进甲事\t县甲局\t县乙局、县丙局\t2024年底前\n"
    )
    assert grid(doc(text))[0] == ["序号", "工作任务", "责任单位", "", "完成时限"]
    assert records(text) == [("1", ["县甲局"], ["县乙局", "县丙局"])]


# --- page furniture of a PDF copy (read/text/furniture.py) --------------------


PAGED = (
    PREAMBLE + "一、甲类任务\n"
    "（一）推进县甲局牵头的事项办理，年内完成清单。（县甲局牵头，县乙局、\n"
    "- 2 -\n"
    "某县人民政府办公室\n"
    "县丙局配合）\n"
    "（二）完善县丁局服务。（县丁局负责）\n"
    "— 3 —\n"
    "某县人民政府办公室\n"
    "（三）开展县戊局检查。（县戊局负责）\n"
)


def test_page_numbers_and_the_running_head_beside_them_are_residue_not_measure_text():
    document = doc(PAGED)
    reasons = {r.text: r.reason for r in document.residue}
    assert reasons["- 2 -"].startswith("page number")
    assert reasons["— 3 —"].startswith("page number")
    assert reasons["某县人民政府办公室"].startswith("running head")
    notice = policy_parse.parse_text(PAGED)
    first = notice.measures[0]
    assert [u.written for u in first.lead] == ["县甲局"]
    assert sorted(u.written for u in first.support) == ["县丙局", "县乙局"]


def test_a_line_beside_only_one_page_number_stays_text():
    text = PREAMBLE + "（一）推进事项。（县甲局负责）\n- 2 -\n某县人民政府办公室\n"
    texts = {r.text for r in doc(text).residue}
    assert "- 2 -" in texts
    assert "某县人民政府办公室" not in texts


@pytest.mark.parametrize("line", ["3", "2023", "-3", "第三部分"])
def test_a_bare_number_or_a_heading_is_no_page_number(line):
    text = PREAMBLE + f"（一）推进事项。（县甲局负责）\n{line}\n"
    assert not any(r.reason.startswith("page number") for r in doc(text).residue)


def test_a_bare_page_number_inside_an_open_annotation_is_residue_not_part_of_a_unit():
    text = PREAMBLE + "（一）推进事项。（县甲局牵头，县乙局、\n7\n县丙局配合）\n"
    assert [r.text for r in doc(text).residue if r.reason.startswith("page number")] == ["7"]
    (measure,) = policy_parse.parse_text(text).measures
    assert sorted(u.written for u in measure.support) == ["县丙局", "县乙局"]


@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
def test_a_bare_page_number_where_the_page_also_broke_the_annotation_is_residue(indent):
    # The bracket opened a line above the one before the number, and closes a
    # line below the one after it; every line indented alike (perturb's indent).
    lines = ["（一）推进事项。（县甲局牵头，县乙", "局、", "7", "县丙局", "配合）"]
    text = PREAMBLE + "".join(f"{indent}{ln}\n" for ln in lines)
    assert [r.text for r in doc(text).residue if r.reason.startswith("page number")] == ["7"]
    (measure,) = policy_parse.parse_text(text).measures
    assert sorted(u.written for u in measure.support) == ["县丙局", "县乙局"]


def test_a_bare_number_after_a_closed_line_stays_text_it_may_be_a_serial_cell():
    text = PREAMBLE + "（一）推进事项。（县甲局负责）\n2\n县丙局配合）\n"
    assert not any(r.reason.startswith("page number") for r in doc(text).residue)


@pytest.mark.parametrize("sep", ["|", "\t"])
def test_a_bare_page_number_between_rows_written_one_per_line_does_not_end_the_table(sep):
    def row(*cells):
        return (f"| {' | '.join(cells)} |" if sep == "|" else "\t".join(cells)) + "\n"

    text = (
        "某县分工表\n"
        + row("序号", "具体措施", "牵头单位", "配合单位")
        + row("1", "推行一窗受理。", "县审批局", "县发改局")
        + row("2", "压缩开办时间。", "县市场监管局", "县税务局")
        + "3\n"
        + row("3", "推进一网通办。", "县住建局", "县自然资源局")
    )
    notice = policy_parse.parse_text(text)
    assert [e.id for e in notice.table] == ["1", "2", "3"]
    assert [r.text for r in notice.residue if r.reason.startswith("page number")] == ["3"]


def test_a_bare_number_between_prose_lines_stays_text():
    text = PREAMBLE + "（一）推进事项。（县甲局负责）\n3\n（二）优化服务。（县乙局负责）\n"
    assert not any(r.reason.startswith("page number") for r in doc(text).residue)


def test_the_t2s_character_list_is_the_installed_opencc_s():
    # data/script.toml `t2s_changes` lets a Simplified cell skip OpenCC: it
    # must name every character t2s changes on its own, and no other.
    import opencc

    from policy_parse.read.text.tables import _t2s_changes

    ranges = [(0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00)]
    chars = [chr(i) for a, b in ranges for i in range(a, b)]
    out = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    assert _t2s_changes() == {c for c, s in zip(chars, out, strict=True) if c != s}


def test_a_simplified_table_is_read_without_loading_opencc():
    import subprocess
    import sys

    code = (
        "import sys, policy_parse\n"
        "n = policy_parse.parse_text('序号\\t具体措施\\t牵头单位\\n1\\t建设某公园。\\t某区园林局\\n')\n"
        "print(len(n.table), 'opencc' in sys.modules)"
    )
    assert subprocess.check_output([sys.executable, "-c", code], text=True).split() == [
        "1",
        "False",
    ]


def test_a_traditional_header_is_still_read():
    assert column_role("牽頭單位") == column_role("牵头单位") is not None


# A pipe table whose 配合单位 cells list names apart by spaces; re-wrapped at a
# fixed width, some cuts fall on one of those spaces.
_SPACED_ROWS = (
    ("1", "加快推进科技创新平台建设培育高新技术企业", "区科技局", "区统计局 区财政局"),
    ("2", "完善统计监测制度做好数据质量核查工作", "区统计局", "区科技局 区财政局 区审计局"),
    ("3", "加强财政资金绩效管理优化支出结构提高效益", "区财政局", "区审计局 区发展改革委"),
    ("4", "推动招商引资提质增效培育新兴产业集群发展", "区商务局", "区工信局 区市场监管局"),
)
SPACED_TABLE = "甲区重点工作任务分工表\n| 序号 | 重点任务 | 牵头单位 | 配合单位 |\n" + "".join(
    f"| {n} | {task} | {lead} | {support} |\n" for n, task, lead, support in _SPACED_ROWS
)


def _rewrap(text: str, width: int) -> str:
    return "\n".join(
        piece
        for line in text.split("\n")
        for piece in ([line[k : k + width] for k in range(0, len(line), width)] or [line])
    )


def test_a_space_list_in_a_pipe_cell_reads_one_unit_per_name():
    assert [r[2] for r in records(SPACED_TABLE)] == [s.split() for *_, s in _SPACED_ROWS]


@pytest.mark.parametrize("width", [38, 40, 44])
def test_a_cut_on_the_space_between_two_names_keeps_them_apart(width):
    # At these widths a cut falls on a space of a 配合单位 list (`| 区统计局` /
    # ` 区财政局 |`); glued over it, the two names read as one unit before.
    wrapped = _rewrap(SPACED_TABLE, width)
    assert any(ln.startswith(" 区") or ln.endswith("局 ") for ln in wrapped.split("\n"))
    assert records(wrapped) == records(SPACED_TABLE)
    assert grid(doc(wrapped)) == grid(doc(SPACED_TABLE))


def test_a_cut_that_dropped_the_space_between_two_names_parts_them_and_says_so():
    # The same copy with the space at each cut lost (a PDF-to-text copy):
    # `| 区统计局` / `区财政局 |`.  Read as two names, with a finding naming them.
    wrapped = "\n".join(ln.strip(" ") for ln in _rewrap(SPACED_TABLE, 40).split("\n"))
    assert "| 区统计局\n区财政局 |" in wrapped
    assert records(wrapped) == records(SPACED_TABLE)
    notice = policy_parse.parse_text(wrapped)
    apart = [dict(d.fields) for d in notice.discrepancies if d.note == "units_at_break"]
    assert apart == [
        {"line": "4", "head": "区统计局", "tail": "区财政局"},
        {"line": "8", "head": "区审计局", "tail": "区发展改革委"},
        {"line": "10", "head": "区工信局", "tail": "区市场监管局"},
    ]
    assert notice.table_alignment is not None
    assert [n for n, *_ in notice.table_alignment.apart] == [4, 8, 10]


def test_a_task_cell_cut_the_same_way_is_glued_as_before():
    # Only units cells read a cut as a break between names: a task cut at the
    # wrap width right between 区科技局 and 区统计局 stays one text, unsaid.
    task = "加快推进数据资源整合共享建设区科技局区统计局联合统计平台"
    wrapped = _rewrap(SPACED_TABLE.replace(_SPACED_ROWS[0][1], task), 24)
    assert "区科技局\n区统计局联合" in wrapped
    assert grid(doc(wrapped))[1][1] == task
    notice = policy_parse.parse_text(wrapped)
    assert not any(d.note == "units_at_break" for d in notice.discrepancies)


@pytest.mark.parametrize("between", ["附件2\n县改革事项分工表\n", "县改革事项分工表\n"])
def test_a_second_table_with_other_columns_is_not_read_into_the_first(between):
    # 附件1's 分工表, then 附件2's with other columns: its header and rows were
    # aligned into the first table's columns, the lead cell filled from the row
    # above as if merged (县丙局 leading a reform it never named).
    text = (
        PREAMBLE
        + "| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n"
        + "| 1 | 修路 | 县甲局 | 县乙局 |\n"
        + "| 2 | 建桥 | 县丙局 | 县丁局 |\n"
        + between
        + "| 序号 | 改革事项 | 责任单位 | 完成时限 |\n"
        + "| 1 | 深化改革 | 县戊局 | 年底前 |\n"
        + "| 2 | 精简审批 | 县己局 | 年底前 |\n"
    )
    tables = [b for b in doc(text).blocks if isinstance(b, Table)]
    firsts = [[c.text for c in t.rows[0].cells] for t in tables]
    assert [f[:3] for f in firsts] == [
        ["序号", "工作任务", "牵头单位"],
        ["序号", "改革事项", "责任单位"],
    ]
    assert [len(t.rows) for t in tables] == [3, 3]
    notice = policy_parse.parse_text(text)
    assert [(str(e.number), [u.written for u in e.lead]) for e in notice.table] == [
        ("1", ["县甲局"]),
        ("2", ["县丙局"]),
    ]
    assert "second_table" in [d.note for d in notice.discrepancies]


def test_the_header_repeated_at_a_page_break_does_not_end_the_table():
    text = (
        PREAMBLE
        + "| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n"
        + "| 1 | 修路 | 县甲局 | 县乙局 |\n"
        + "| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n"
        + "| 2 | 建桥 | 县丙局 | 县丁局 |\n"
    )
    notice = policy_parse.parse_text(text)
    assert [(str(e.number), [u.written for u in e.lead]) for e in notice.table] == [
        ("1", ["县甲局"]),
        ("2", ["县丙局"]),
    ]


def test_records_written_as_key_value_lines_without_bars_are_a_table():
    # 序号：1 / 工作任务：… / 牵头单位：… per measure (a portal's cards) was no
    # notice at all (NotANoticeError).
    cards = "".join(
        f"序号：{n}\n工作任务：{task}\n牵头单位：{lead}\n配合单位：县戊局\n\n"
        for n, task, lead in ((1, "建食堂", "县甲局"), (2, "改小区", "县乙局"))
    )
    notice = policy_parse.parse_text(PREAMBLE + cards)
    assert [(str(e.number), e.text, [u.name for u in e.lead]) for e in notice.table] == [
        ("1", "建食堂", ["县甲局"]),
        ("2", "改小区", ["县乙局"]),
    ]


def test_label_lines_under_a_numbered_measure_are_no_key_value_table():
    text = PREAMBLE + (
        "1.加强建设\n具体措施：新建道路。\n牵头单位：县甲局\n"
        "2.提升服务\n具体措施：新建学校。\n牵头单位：县乙局\n"
    )
    notice = policy_parse.parse_text(text)
    assert not notice.table
    assert [[u.name for u in m.lead] for m in notice.measures] == [["县甲局"], ["县乙局"]]


# --- a wrap that fell on a space, the space kept at the next line's start ---

WRAPPED_ON_SPACE = (
    "某县数字政务实施方案\n"
    "一、工作任务\n"
    "1.推进平台建设，完善平台功能。（县甲局\n"
    " 县乙局负责）\n"
    "2.推进平台建设，完善平台功能。责任单位：县甲局\n"
    " 县乙局\n"
)


def test_a_line_opened_by_the_space_a_wrap_fell_on_goes_on_its_annotation_with_the_space():
    paragraphs = [b for b in doc(WRAPPED_ON_SPACE).blocks if not isinstance(b, Table)]
    texts = [p.text for p in paragraphs]
    assert texts[2] == "1.推进平台建设，完善平台功能。（县甲局 县乙局负责）"
    assert (paragraphs[2].span.start_line, paragraphs[2].span.end_line) == (3, 4)
    assert texts[3] == "2.推进平台建设，完善平台功能。责任单位：县甲局 县乙局"


def test_two_names_a_wrap_parted_on_a_kept_space_are_two_units_not_one():
    notice = policy_parse.parse_text(WRAPPED_ON_SPACE)
    got = [[u.written for u in m.support] for m in notice.measures]
    assert got == [["县甲局", "县乙局"], ["县甲局", "县乙局"]]
    assert all(not m.lead for m in notice.measures)


@pytest.mark.parametrize(
    "text",
    [
        "某县数字政务实施方案\n 各乡镇人民政府：\n",  # an indent of one space after a title
        "1.推进平台建设。（县甲局负责）\n 2.完善平台功能。\n",  # the bracket closed
        "1.推进平台建设（县甲局\n  县乙局负责）\n",  # two spaces: an indent
    ],
)
def test_a_line_after_a_closed_text_or_indented_wider_stays_a_line_of_its_own(text: str) -> None:
    paragraphs = [b.text for b in doc(text).blocks]
    assert len(paragraphs) == 2


def test_a_space_the_wrap_left_at_the_cut_lines_end_parts_the_names_too():
    text = "某县数字政务实施方案\n1.推进平台建设，完善平台功能。（县甲局 \n县乙局负责）\n"
    (measure,) = policy_parse.parse_text(text).measures
    assert [u.written for u in measure.support] == ["县甲局", "县乙局"]


def test_where_most_lines_end_in_a_space_a_trailing_one_parts_nothing():
    # A PDF copy that ends every line in a space: the space is its habit.
    text = "某县数字政务实施方案 \n1.推进平台建设，完善平台功能。（县甲局 \n乙科负责） \n"
    paragraphs = [b.text for b in doc(text).blocks]
    assert paragraphs == [
        "某县数字政务实施方案",
        "1.推进平台建设，完善平台功能。（县甲局",
        "乙科负责）",
    ]


# --- a name a re-wrap cut before its organ word, no wrap width to read ---

ORGAN_CUT = GROUPED.replace(
    "县乙局、县丙局\n",
    "县乙局、县丙局、县丁局、县戊局、县己局、甲城经开区\n管委会，县庚局。\n",
)


def test_a_place_and_its_organ_a_wrap_parted_in_a_units_cell_are_one_name():
    rows = grid(doc(PREAMBLE + ORGAN_CUT))
    assert rows[1][3] == "县乙局、县丙局、县丁局、县戊局、县己局、甲城经开区管委会，县庚局。"
    (first, _) = policy_parse.parse_text(PREAMBLE + ORGAN_CUT).table
    assert "甲城经开区管委会" in [u.written for u in first.support]


def test_a_short_line_of_one_place_and_an_organ_on_the_next_stay_two_units():
    # One unit a line, as a clerk types them: no wrap cut 各乡镇.
    text = GROUPED.replace("县乙局、县丙局\n", "各乡镇\n管委会\n")
    rows = grid(doc(PREAMBLE + text))
    assert rows[1][3] == "各乡镇\n管委会"


def test_where_every_line_a_wrap_cut_ends_in_a_space_that_space_parts_nothing():
    # A converter that ends each line it cut in a space: here one falls
    # inside the label 牵头单位, which must stay whole.
    paragraphs = [
        "1.推进平台建设，完善平台功能，提升服务水平。（牵头单位：县甲局）",
        "2.推进平台建设，完善平台。（责任领导：张三；牵头单位：县乙局、县丁局）",
        "3.完善平台功能，提升服务水平，推进平台建设。（牵头单位：县丙局）",
    ]
    width = 13

    def wrapped(p: str) -> list[str]:
        cuts = [p[k : k + width] for k in range(0, len(p), width)]
        return [c + " " for c in cuts[:-1]] + [cuts[-1]]

    # Short lines no wrap cut (a title, a salutation, headings) outnumber the cut ones.
    short = "某县实施方案\n\n各乡镇：\n\n现印发如下。\n\n一、总体要求\n\n二、主要任务\n\n"
    text = short + "\n\n".join("\n".join(wrapped(p)) for p in paragraphs) + "\n\n三、保障措施\n"
    assert "牵头单 \n位" in text
    leads = [[u.written for u in m.lead] for m in policy_parse.parse_text(text).measures]
    assert leads == [["县甲局"], ["县乙局", "县丁局"], ["县丙局"]]


def test_a_space_a_wrap_kept_at_a_line_start_inside_a_cell_of_its_own_line_stays():
    # One cell per line, re-wrapped at 15: the support cell was cut on the
    # space before 县己局, the space kept at the next line's start.
    width = 15
    task = "推行一窗受理，压缩审批时间，提升服务水平，推进数字政务建设，完善平台功能。"
    units = "县乙局 县丙局 县丁局 县戊局 县己局"
    cut = [units[:width], units[width:]]
    assert cut[1] == " 县己局"
    rows = [task[k : k + width] for k in range(0, len(task), width)]
    text = (
        PREAMBLE
        + "序号\n重点任务\n牵头单位\n配合单位\n\n1\n"
        + "\n".join(rows)
        + "\n县甲局\n"
        + "\n".join(cut)
        + "\n"
    )
    grid_rows = grid(doc(text))
    assert grid_rows[1][3] == units
    (entry,) = policy_parse.parse_text(text).table
    assert [u.written for u in entry.support] == units.split()


def test_a_bracket_opened_lines_above_the_break_still_holds_the_kept_space():
    text = "某县实施方案\n1.推进平台建设，完善平台功能。（\n县甲局 县乙局 \n县丙局负责）\n"
    (measure,) = policy_parse.parse_text(text).measures
    assert [u.written for u in measure.support] == ["县甲局", "县乙局", "县丙局"]


# --- hostile4: a long run of key–value lines is read once, not from every line ---


class _Counted(list[str]):
    """Lines that count how often the table detectors read one."""

    reads = 0

    def __getitem__(self, i):  # type: ignore[no-untyped-def, override]
        type(self).reads += 1
        return super().__getitem__(i)


def test_a_run_of_label_lines_is_read_a_bounded_number_of_times_per_line():
    # 2,000 label lines (no table: no number or task key): the key–value
    # detector read the run to its end from each of its lines (4 million reads).
    from policy_parse.read.text.tables import read_region

    labels = ("牵头单位：甲局", "配合单位：乙局", "责任单位：丙局", "完成时限：2024年底")
    lines = _Counted(labels[k % 4] for k in range(2000))
    _Counted.reads = 0
    blocks, residue = read_region(lines, 0, len(lines))
    assert [b.text for b in blocks] == list(lines) and not residue
    assert _Counted.reads < 40 * len(lines)


def test_a_barred_table_after_plain_label_lines_is_still_read():
    # Refused from the first line (a pair with no bars, and no 序号), the
    # run's barred tail is still a table of its own.
    text = PREAMBLE + (
        "牵头单位：县丙局\n"
        "工作任务: | 建食堂 |\n牵头单位: | 县甲局 |\n"
        "工作任务: | 改小区 |\n牵头单位: | 县乙局 |\n"
    )
    assert grid(doc(text)) == [
        ["工作任务", "牵头单位"],
        ["建食堂", "县甲局"],
        ["改小区", "县乙局"],
    ]

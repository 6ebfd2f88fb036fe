"""read/text/: a flattened 分工表 read by one aligner, whatever its layout (issue 21).

Every specimen is invented (县甲局, 县乙局 …), one per layout a copy leaves
behind; the same table in every layout must give the same records, and a
row the aligner cannot place is residue with a `structure` finding, never a
record with shifted fields.
"""

from __future__ import annotations

import pytest

import policy_parse
from policy_parse.models import Format, Source, Table
from policy_parse.read.text.cells import Mode, split_line, stream
from policy_parse.read.text.fit import shape_of
from policy_parse.read.text.header import Kind, find_header
from policy_parse.read.text.reader import read_text

SOURCE = Source(path=None, format=Format.TXT, sha256="0" * 64)
TITLE = "某县重点任务分工表\n"

# The records every layout of the table below must give.
RECORDS = [
    ("1", ["县甲局"], ["县乙局", "县丙局"]),
    ("2", ["县乙局"], []),
    ("3", ["县丙局"], ["县甲局"]),
]


def records(text: str) -> list[tuple[str, list[str], list[str]]]:
    notice = policy_parse.parse_text(text)
    return [
        (str(e.number), [u.written for u in e.lead], [u.written for u in e.support])
        for e in notice.table
        if e.number is not None
    ]


def notes(text: str) -> list[str]:
    return [d.note or "" for d in policy_parse.parse_text(text).discrepancies]


def grid(text: str) -> list[list[str]]:
    document = read_text(text, SOURCE)
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    return [[c.text for c in row.cells] for row in table.rows]


LAYOUTS = {
    "pipes": (
        "| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n"
        "| 1 | 修缮乡村道路。 | 县甲局 | 县乙局、县丙局 |\n"
        "| 2 | 建设文化广场。 | 县乙局 | |\n"
        "| 3 | 开展安全检查。 | 县丙局 | 县甲局 |\n"
    ),
    "tabs": (
        "序号\t工作任务\t牵头单位\t配合单位\n"
        "1\t修缮乡村道路。\t县甲局\t县乙局、县丙局\n"
        "2\t建设文化广场。\t县乙局\t\n"
        "3\t开展安全检查。\t县丙局\t县甲局\n"
    ),
    "wide gaps": (
        "序号  工作任务  牵头单位  配合单位\n"
        "1  修缮乡村道路。  县甲局  县乙局、县丙局\n"
        "2  建设文化广场。  县乙局\n"
        "3  开展安全检查。  县丙局  县甲局\n"
    ),
    "one space, letter-spaced header": (
        "序号 工 作 任 务 牵头单位 配合单位\n"
        "1 修缮乡村道路。 县甲局 县乙局、县丙局\n"
        "2 建设文化广场。 县乙局\n"
        "3 开展安全检查。 县丙局 县甲局\n"
    ),
    "cell lines, rows apart by blank lines": (
        "序号\n工作任务\n牵头单位\n配合单位\n\n"
        "1\n修缮乡村道路。\n县甲局\n县乙局、县丙局\n\n"
        "2\n建设文化广场。\n县乙局\n\n"
        "3\n开展安全检查。\n县丙局\n县甲局\n"
    ),
    "cell per paragraph, an empty cell a blank line more": (
        "序号\n\n工作任务\n\n牵头单位\n\n配合单位\n\n"
        "1\n\n修缮乡村道路。\n\n县甲局\n\n县乙局、县丙局\n\n"
        "2\n\n建设文化广场。\n\n县乙局\n\n\n"
        "3\n\n开展安全检查。\n\n县丙局\n\n县甲局\n"
    ),
    "cell lines closed by a bar": (
        "序号 |\n工作任务 |\n牵头单位 |\n配合单位 |\n"
        "1 |\n修缮乡村道路。 |\n县甲局 |\n县乙局、县丙局 |\n"
        "2 |\n建设文化广场。 |\n县乙局 |\n |\n"
        "3 |\n开展安全检查。 |\n县丙局 |\n县甲局 |\n"
    ),
    "cell lines between bar lines": (
        "序号\n|\n工作任务\n|\n牵头单位\n|\n配合单位\n|\n|\n"
        "1\n|\n修缮乡村道路。\n|\n县甲局\n|\n县乙局、县丙局\n|\n|\n"
        "2\n|\n建设文化广场。\n|\n县乙局\n|\n|\n|\n"
        "3\n|\n开展安全检查。\n|\n县丙局\n|\n县甲局\n|\n|\n"
    ),
}


def _blank_after_every_line(text: str) -> str:
    return "".join(line + "\n\n" if line.strip() else "\n" for line in text.split("\n"))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_of_one_table_gives_the_same_records(layout):
    assert records(TITLE + LAYOUTS[layout]) == RECORDS


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_blank_line_after_every_line_changes_no_record(layout):
    assert records(_blank_after_every_line(TITLE + LAYOUTS[layout])) == RECORDS


@pytest.mark.parametrize("layout", LAYOUTS)
def test_an_indent_before_every_line_changes_no_record(layout):
    text = "".join("\u3000\u3000" + ln + "\n" for ln in (TITLE + LAYOUTS[layout]).split("\n"))
    assert records(text) == RECORDS


# --- cells -------------------------------------------------------------------------------


def test_a_bar_always_separates_and_a_trailing_one_closes_the_line():
    pieces = split_line("3.及时反馈意见。 | 各科室 | |", Mode.PIPE)
    assert pieces.texts == ("3.及时反馈意见。", "各科室", "")
    assert pieces.closed
    assert split_line("重点工作 |", Mode.LINE).texts == ("重点工作",)


def test_a_line_that_fills_the_wrap_width_marks_its_break_as_a_rewrap():
    lines = ["序号 | 工作任务 | 牵头单位 |"] + ["甲" * 20] * 3 + ["乙"]
    s = stream(lines, 1, len(lines), Mode.PIPE)
    assert s.wrap == 20
    assert [sep.full for sep in s.seps[1:4]] == [True, True, True]


def test_framed_rows_of_one_length_are_whole_rows_not_a_rewrap():
    # A Markdown table whose rows happen to have one length: the bar opening
    # each row is no empty cell after a cut (probe9: rows 3 and 4 were lost).
    rows = ["| 1 | 甲乙丙丁 | 县甲局 |", "| 2 | 乙丙丁戊 | 县乙局 |", "| 3 | 丙丁戊己 | 县丙局 |"]
    lines = ["| 序号 | 任务 | 单位 |", "|---|---|---|", *rows]
    s = stream(lines, 2, len(lines), Mode.PIPE)
    assert s.wrap is None
    assert [a.text for a in s.atoms] == [c.strip() for r in rows for c in r.strip("|").split("|")]


# --- header ------------------------------------------------------------------------------


def test_a_letter_spaced_header_is_joined_back_into_its_column_words():
    header = find_header(["序号 工 作 任 务 牵头负责部门"], 0, 1)
    assert header is not None and header.mode is Mode.SPACE
    assert [c.kind for c in header.columns] == [Kind.NUMBER, Kind.TEXT, Kind.LEAD]


def test_a_traditional_header_cell_is_converted_whole_not_by_a_character_list():
    # 內 is in no list of Traditional characters; 工作內容 names the text.
    header = find_header(["序號 | 工作內容 | 負責科室 |"], 0, 1)
    assert header is not None
    assert [c.role for c in header.columns] == ["number", "text", "responsible"]


def test_a_short_body_line_after_a_header_written_one_cell_per_line_is_no_header_cell():
    lines = ["工作任务", "具体要求", "责任科室", "规范公开目录", "1", "清理文件。", "办公室"]
    header = find_header(lines, 0, len(lines))
    assert header is not None
    assert [c.name for c in header.columns] == ["工作任务", "具体要求", "责任科室"]


def test_role_words_run_together_name_a_column():
    header = find_header(["序号 | 重点工作任务 | 主要责任单位 | 协同配合单位"], 0, 1)
    assert header is not None
    assert [c.kind for c in header.columns][-1] is Kind.SUPPORT


# --- shapes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("14", "number"),
        ("（一）", "marker"),
        ("14.改扩建县中学。", "numbered"),
        ("县甲局、县乙局", "units"),
        ("办公室牵头，各科室配合", "units"),
        ("相关县(市、区)政府", "units"),
        ("王 东", "person"),
        ("2024年底前", "deadline"),
        ("持续推进", "deadline"),
        ("—", "empty"),
    ],
)
def test_each_cell_has_its_shape(text, what):
    sh = shape_of(text)
    got = {
        "number": sh.number,
        "marker": sh.marker,
        "numbered": sh.numbered,
        "units": sh.items > 0 and sh.others == 0,
        "person": sh.person,
        "deadline": sh.deadline,
        "empty": sh.empty,
    }
    assert got[what]
    assert sum(got.values()) == 1, got


def test_a_long_sentence_ending_like_a_unit_is_no_unit():
    assert shape_of("加快建设全市域科技创新关键节点中心。").others == 1
    assert shape_of("县科技创新服务中心").others == 0


# --- alignment ---------------------------------------------------------------------------


def test_a_rowspan_whose_empty_cell_is_written_last_is_not_shifted():
    text = TITLE + (
        "工作任务 | 具体要求 | 责任部门 |\n"
        "一、做好公开。 | 1.推进预算公开。 | 财务科 |\n"
        "2.及时更新概况。 | 办公室 | |\n"
    )
    assert grid(text)[-1] == ["", "2.及时更新概况。", "办公室"]
    assert records(text) == [("1", [], ["财务科"]), ("2", [], ["办公室"])]


@pytest.mark.parametrize(
    ("two", "three"),
    [
        ("2.", "3."),
        ("（2）", "（3）"),
        ("(2)", "(3)"),
        ("2）", "3）"),
        ("2、", "3、"),
        ("②", "③"),
        ("第2项 ", "第3项 "),
        ("第二项：", "第三项："),
    ],
)
def test_a_row_number_in_a_text_cell_is_read_in_every_form_a_clerk_writes(two, three):
    # Rows under a merged group cell start in the text column and end with
    # the group's empty cell: the number inside the text is the row's.
    text = TITLE + (
        "工作任务 | 具体要求 | 责任部门 |\n"
        "一、做好公开。 | 1.推进预算公开。 | 财务科 |\n"
        f"{two}及时更新概况。 | 办公室 | |\n"
        f"{three}及时反馈意见。 | 各科室 | |\n"
    )
    assert grid(text)[-1] == ["", f"{three}及时反馈意见。", "各科室"]
    assert records(text) == [("1", [], ["财务科"]), ("2", [], ["办公室"]), ("3", [], ["各科室"])]


def test_a_tab_row_whose_trailing_tab_was_trimmed_keeps_its_lead_and_says_the_doubt():
    # 县乙局 may be the lead with no supporters or the supporters under a lead
    # merged from above: an editor trims a line's last tab more often.
    text = TITLE + (
        "序号\t工作任务\t牵头单位\t配合单位\n"
        "1\t修缮乡村道路。\t县甲局\t县乙局、县丙局\n"
        "2\t建设文化广场。\t县乙局\n"
        "3\t开展安全检查。\t县丙局\t县甲局\n"
    )
    assert records(text) == RECORDS
    assert "table_doubt" in notes(text)


def test_a_header_that_omits_the_number_column_gets_one_implied():
    text = TITLE + (
        "工作任务\n|\n具体要求\n|\n责任科室\n|\n"
        "规范公开目录\n|\n1\n|\n清理规范性文件。\n|\n办公室\n|\n"
        "深化政策解读\n|\n2\n|\n丰富解读形式。\n|\n各科室\n|\n"
        "3\n|\n做好解读回应。\n|\n办公室\n|\n"
    )
    assert records(text) == [
        ("1", [], ["办公室"]),
        ("2", [], ["各科室"]),
        ("3", [], ["办公室"]),
    ]


def test_lines_rewrapped_by_a_pdf_copy_read_as_their_cells():
    rows = [
        "序号 | 工作任务 | 牵头单位 | 配合单位 |",
        "1 | 修缮全县各乡镇通村公路和桥梁,完成危桥改造。 | 县交通运输局 | 县财政局、县自然资源局 |",
        "2 | 建设县城文化广场及配套停车设施。 | 县文化旅游局 | 县住房城乡建设局、县城市管理局 |",
        "3 | 开展全县安全生产大检查。 | 县应急管理局 | 县市场监管局 |",
    ]
    width = 24
    wrapped = [ln[k : k + width] for ln in rows for k in range(0, len(ln), width)]
    want = records(TITLE + "\n".join(rows) + "\n")
    assert want[1] == ("2", ["县文化旅游局"], ["县住房城乡建设局", "县城市管理局"])
    assert records(TITLE + "\n".join(wrapped) + "\n") == want


def test_two_units_on_two_lines_of_one_cell_stay_together_and_the_doubt_is_said():
    text = TITLE + (
        "序号 工作任务 牵头单位 配合单位\n"
        "1 修缮乡村道路。 县甲局 县乙局、县丙局\n"
        "2 建设文化广场。 县乙局\n县丁局\n县甲局、县丙局\n"
        "3 开展安全检查。 县丙局 县甲局\n"
    )
    assert records(text)[1] == ("2", ["县乙局", "县丁局"], ["县甲局", "县丙局"])
    assert "table_doubt" in notes(text)


def test_a_row_that_fits_no_reading_is_residue_with_a_finding_not_a_record():
    text = TITLE + (
        "序号 | 工作任务 | 牵头单位\n"
        "1 | 修缮乡村道路。 | 县甲局 | 县乙局 | 2024年 | 另注\n"
        "2 | 建设文化广场。 | 县乙局\n"
    )
    notice = policy_parse.parse_text(text)
    assert [str(e.number) for e in notice.table] == ["2"]
    assert {r.text for r in notice.residue} >= {"修缮乡村道路。", "县甲局", "另注"}
    assert "table_unaligned" in [d.note for d in notice.discrepancies]


def test_the_header_repeated_at_a_page_break_is_no_row():
    text = TITLE + (
        "序号\n工作任务\n牵头单位\n配合单位\n\n"
        "1\n修缮乡村道路。\n县甲局\n县乙局、县丙局\n\n"
        "序号\n工作任务\n牵头单位\n配合单位\n\n"
        "2\n建设文化广场。\n县乙局\n\n"
        "3\n开展安全检查。\n县丙局\n县甲局\n"
    )
    assert records(text) == RECORDS
    assert policy_parse.parse_text(text).table_header_repeats == 1


def test_the_alignment_cost_is_in_the_json():
    data = policy_parse.to_dict(policy_parse.parse_text(TITLE + LAYOUTS["tabs"]))
    alignment = data["source"]["table_alignment"]
    assert alignment["cost"] >= 0
    assert alignment["runner_up"] is None or alignment["runner_up"] >= alignment["cost"]
    assert alignment["doubtful_lines"] == []


def test_a_table_the_file_draws_has_no_alignment():
    text = TITLE + "\n\t序号\n\t工作任务\n\t牵头单位\n\n\t1\n\t修路。\n\t县甲局\n"
    data = policy_parse.to_dict(policy_parse.parse_text(text))
    assert data["source"]["table_alignment"] is None


# --- who leads, numbers and joins (issue 21, points 5 and 6) ---------------------------------


def test_a_responsible_column_beside_a_supporting_one_names_the_lead():
    text = TITLE + (
        "序号\t重点工作任务\t主要责任单位\t协同配合单位\n1\t修缮乡村道路。\t县甲局\t县乙局\n"
    )
    assert records(text) == [("1", ["县甲局"], ["县乙局"])]


def test_a_lone_responsible_column_names_no_lead():
    text = TITLE + "序号\t工作任务\t责任单位\n1\t修缮乡村道路。\t县甲局、县乙局\n"
    assert records(text) == [("1", [], ["县甲局", "县乙局"])]


def test_a_lone_responsible_column_leads_with_its_first_unit_where_the_notice_says_so():
    text = (
        "表中责任单位列第一位的为牵头单位。\n"
        + TITLE
        + "序号\t工作任务\t责任单位\n1\t修缮乡村道路。\t县甲局、县乙局\n"
    )
    assert records(text) == [("1", ["县甲局"], ["县乙局"])]


def test_a_cover_letters_own_items_do_not_outrank_the_table_rows():
    text = (
        "关于印发某县重点任务分工的通知\n各乡镇人民政府：\n"
        "一、各单位要高度重视，认真落实。\n二、各单位要按时报送进展。\n"
        "某县人民政府办公室\n2024年3月1日\n" + TITLE + LAYOUTS["tabs"]
    )
    notice = policy_parse.parse_text(text)
    assert [m.origin for m in notice.measures] == ["table"] * 3
    assert "cover_letter" in [d.note for d in notice.discrepancies]


def test_a_table_without_numbers_is_joined_to_the_prose_it_repeats():
    text = (
        "某县政务公开工作要点\n"
        "1.深化政策解读。对本局起草的政策文件进行全面解读。\n"
        "2.注重回应关切。对群众普遍关注的问题及时回应。\n"
        "3.加强制度建设。建立政府信息公开制度。\n"
        "重点任务 | 工作内容 | 负责科室 |\n"
        "政策解读 | 对本局起草的政策文件进行全面解读。 | 各业务科室 |\n"
        "制度建设 | 建立政府信息公开制度。 | 综合科 |\n"
    )
    notice = policy_parse.parse_text(text)
    got = [(str(m.number), [u.written for u in m.support]) for m in notice.measures]
    assert got == [("1", ["各业务科室"]), ("2", []), ("3", ["综合科"])]
    kinds = [d.kind.value for d in notice.discrepancies]
    assert kinds.count("missing-in-table") == 1
    assert "numbering" not in kinds


# The smallest example of each layout, as docs/formats.md shows them.
SMALLEST = {
    "pipes": "序号 | 工作任务 | 牵头单位 |\n1 | 修路。 | 县甲局 |\n",
    "markdown": "| 序号 | 工作任务 | 牵头单位 |\n| 1 | 修路。 | 县甲局 |\n",
    "tabs": "序号\t工作任务\t牵头单位\n1\t修路。\t县甲局\n",
    "wide gaps": "序号  工作任务  牵头单位\n1  修路。  县甲局\n",
    "single spaces": "序号 工 作 任 务 牵头单位\n1 修路。 县甲局\n",
    "cell lines": "序号\n工作任务\n牵头单位\n\n1\n修路。\n县甲局\n",
    "cell paragraphs": "序号\n\n工作任务\n\n牵头单位\n\n1\n\n修路。\n\n县甲局\n",
    "closed lines": "序号 |\n工作任务 |\n牵头单位 |\n1 |\n修路。 |\n县甲局 |\n",
    "bar lines": "序号\n|\n工作任务\n|\n牵头单位\n|\n|\n1\n|\n修路。\n|\n县甲局\n",
}


@pytest.mark.parametrize("layout", SMALLEST)
def test_the_smallest_example_of_each_layout_in_the_docs_reads(layout):
    assert records("某县分工表\n" + SMALLEST[layout]) == [("1", ["县甲局"], [])]


def test_the_smallest_padded_pipe_table_in_the_docs_reads():
    text = "某县分工表\n工作任务 | 具体要求 | 责任部门 |\n一、公开。 | 1.修路。 | 财务科 |\n2.建桥。 | 办公室 | |\n"
    assert records(text) == [("1", [], ["财务科"]), ("2", [], ["办公室"])]

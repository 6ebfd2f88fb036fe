"""read/docx/joins.py: a 分工表 Word shows as one table but the file holds as
two (split by an empty paragraph) is read as one, and the reader says so."""

from __future__ import annotations

from test_docx import p, tbl, tc, texts, tr

import policy_parse

HEAD = tr(tc(p("序号")), tc(p("主要任务")), tc(p("牵头单位")), tc(p("配合单位")))


def _row(n: str, task: str, lead: str, support: str) -> str:
    return tr(tc(p(n)), tc(p(task)), tc(p(lead)), tc(p(support)))


def _measures(data: bytes) -> list[tuple[str, list[str], list[str]]]:
    return [
        (str(m.number), [u.written for u in m.lead], [u.written for u in m.support])
        for m in policy_parse.parse(data).measures
    ]


def test_a_table_split_by_an_empty_paragraph_is_read_as_one(build_docx, read_docx):
    body = (
        p("某县任务分工表")
        + tbl(4, HEAD, _row("1", "推行一网通办。", "县甲局", "县乙局"))
        + p("")
        + tbl(
            4,
            _row("2", "压减开办时间。", "县丁局", "县丙局"),
            _row("3", "优化审批。", "县甲局", "县丙局"),
        )
    )
    data = build_docx(body)
    document = read_docx(data)
    assert [len(b) for b in texts(document)[1:]] == [4]
    assert [n.note for n in document.notes] == ["docx_table_joined"]
    assert _measures(data) == [
        ("1", ["县甲局"], ["县乙局"]),
        ("2", ["县丁局"], ["县丙局"]),
        ("3", ["县甲局"], ["县丙局"]),
    ]
    notice = policy_parse.parse(data)
    assert not notice.residue


def test_a_merge_the_split_cut_is_a_merge_again(build_docx, read_docx):
    # The 牵头单位 cell of row 1 goes on into the second half (Word writes
    # the continuation with nothing above it in its own table).
    body = (
        tbl(
            4,
            HEAD,
            tr(
                tc(p("1")),
                tc(p("推行一网通办。")),
                tc(p("县甲局"), vmerge="restart"),
                tc(p("县乙局")),
            ),
        )
        + p("")
        + tbl(
            4,
            tr(tc(p("2")), tc(p("压减开办时间。")), tc(vmerge="continue"), tc(p("县丙局"))),
        )
    )
    data = build_docx(body)
    table = read_docx(data).blocks[0]
    assert table.rows[2].cells[2].merged_up
    assert _measures(data) == [("1", ["县甲局"], ["县乙局"]), ("2", ["县甲局"], ["县丙局"])]


def test_a_second_half_that_repeats_the_header_is_joined_with_the_header_marked(
    build_docx, read_docx
):
    body = (
        tbl(4, HEAD, _row("1", "推行一网通办。", "县甲局", "县乙局"))
        + p("")
        + tbl(4, HEAD, _row("2", "压减开办时间。", "县丁局", "县丙局"))
    )
    table = read_docx(build_docx(body)).blocks[0]
    assert len(table.rows) == 4
    assert table.rows[2].repeat_header


def test_tables_of_their_own_are_not_joined(build_docx, read_docx):
    other_head = tr(tc(p("序号")), tc(p("指标名称")), tc(p("目标值")), tc(p("责任单位")))
    apart_by_header = (
        tbl(4, HEAD, _row("1", "推行一网通办。", "县甲局", "县乙局"))
        + p("")
        + tbl(4, other_head, _row("1", "办件量", "10万件", "县甲局"))
    )
    apart_by_text = (
        tbl(4, HEAD, _row("1", "推行一网通办。", "县甲局", "县乙局"))
        + p("附件2")
        + tbl(4, _row("1", "办件量", "10万件", "县甲局"))
    )
    apart_by_width = (
        tbl(4, HEAD, _row("1", "推行一网通办。", "县甲局", "县乙局"))
        + p("")
        + tbl(3, tr(tc(p("1")), tc(p("办件量")), tc(p("县甲局"))))
    )
    for body in (apart_by_header, apart_by_text, apart_by_width):
        document = read_docx(build_docx(body))
        assert sum(1 for b in texts(document) if isinstance(b, list)) == 2
        assert not document.notes


def test_a_xubiao_line_between_the_halves_is_residue_and_the_halves_join(build_docx, read_docx):
    body = (
        p("某县任务分工表")
        + tbl(4, HEAD, _row("1", "推行一网通办。", "县甲局", "县乙局"))
        + p("续表")
        + tbl(4, HEAD, _row("2", "压减开办时间。", "县丁局", "县丙局"))
    )
    data = build_docx(body)
    document = read_docx(data)
    assert [len(b) for b in texts(document)[1:]] == [4]
    assert [(r.text, r.reason) for r in document.residue] == [
        ("续表", "table continuation marker (续表)")
    ]
    assert [m[0] for m in _measures(data)] == ["1", "2"]


def test_a_xubiao_line_that_follows_no_table_is_text(build_docx, read_docx):
    document = read_docx(build_docx(p("续表") + p("推行一网通办。")))
    assert texts(document) == ["续表", "推行一网通办。"]

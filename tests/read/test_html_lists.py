"""read/html_lists.py: an <ol>'s items read with the numbers a browser draws."""

from __future__ import annotations

from pathlib import Path

import pytest

import policy_parse
from policy_parse.errors import InputTooLargeError
from policy_parse.models import Paragraph, Source
from policy_parse.read.html import read_html
from policy_parse.read.limits import Limits


def _lines(body: str) -> list[str]:
    page = f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>"
    doc = read_html(page.encode(), Source(path="x.html", format="html", sha256="0" * 64), Limits())
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def test_an_ordered_list_s_items_get_the_numbers_a_browser_shows() -> None:
    assert _lines("<ol><li>甲任务</li><li>乙任务</li></ol>") == ["1. 甲任务", "2. 乙任务"]


def test_start_value_and_reversed_set_the_count() -> None:
    assert _lines('<ol start="7"><li>甲</li><li value="20">乙</li><li>丙</li></ol>') == [
        "7. 甲",
        "20. 乙",
        "21. 丙",
    ]
    assert _lines("<ol reversed><li>甲</li><li>乙</li><li>丙</li></ol>") == [
        "3. 甲",
        "2. 乙",
        "1. 丙",
    ]


def test_the_list_s_type_or_inline_style_picks_the_script() -> None:
    assert _lines('<ol type="a"><li>甲</li><li>乙</li></ol>') == ["a. 甲", "b. 乙"]
    assert _lines('<ol type="I" start="4"><li>甲</li></ol>') == ["IV. 甲"]
    assert _lines(
        '<ol style="list-style-type: cjk-ideographic" start="11"><li>甲</li><li>乙</li></ol>'
    ) == ["十一、甲", "十二、乙"]
    # The item's own style wins over its list's.
    assert _lines('<ol type="a"><li style="list-style: decimal inside">甲</li></ol>') == ["1. 甲"]


def test_no_number_where_the_style_is_none_or_the_list_is_unordered() -> None:
    assert _lines('<ol style="list-style:none"><li>甲</li></ol>') == ["甲"]
    assert _lines("<ul><li>甲</li><li>乙</li></ul>") == ["甲", "乙"]


@pytest.mark.parametrize("own", ["1.甲", "（一）甲", "二、甲", "③甲", "第四条 甲", "12、甲"])
def test_an_item_that_numbers_itself_gets_no_second_number(own: str) -> None:
    assert _lines(f"<ol><li><span>{own}</span></li></ol>") == [own]


def test_a_hidden_item_is_neither_read_as_text_nor_counted() -> None:
    assert _lines('<ol><li>甲</li><li style="display:none">藏</li><li>乙</li></ol>') == [
        "1. 甲",
        "2. 乙",
    ]


def test_nested_lists_count_on_their_own() -> None:
    assert _lines("<ol><li>甲<ol><li>子</li><li>丑</li></ol></li><li>乙</li></ol>") == [
        "1. 甲",
        "1. 子",
        "2. 丑",
        "2. 乙",
    ]


def test_a_letter_number_past_the_marker_limit_is_refused_by_name() -> None:
    with pytest.raises(InputTooLargeError, match="web page list"):
        _lines('<ol type="A" start="999999999"><li>甲</li></ol>')


def test_a_notice_whose_measures_are_an_ordered_list_keeps_its_numbers_and_parts(
    tmp_path: Path,
) -> None:
    page = tmp_path / "notice.html"
    page.write_text(
        "<html><head><meta charset='utf-8'></head><body>"
        "<p>关于印发甲县优化营商环境若干措施分工方案的通知</p>"
        "<p>一、提升政务服务效能</p>"
        "<ol><li>推行一网通办，实现高频事项全程网办。（牵头单位：县行政审批局；配合单位：县大数据中心）</li>"
        "<li>压缩企业开办时间至1个工作日以内。（牵头单位：县市场监管局）</li></ol>"
        "<p>二、强化要素保障</p>"
        '<ol start="3"><li>保障重点项目用地需求。（牵头单位：县自然资源局）</li></ol>'
        "</body></html>",
        encoding="utf-8",
    )
    notice = policy_parse.parse(page)
    assert [m.id for m in notice.measures] == ["1", "2", "3"]
    assert [u.name for u in notice.measures[2].lead] == ["县自然资源局"]
    assert len(notice.parts) == 2


# --- an exporter's unstyled lists (LibreOffice's HTML of a Word file) ------

H = '<p><font face="黑体">{}</font></p>'  # a heading level, formatted as the exporter does
K = '<p><font face="楷体">{}</font></p>'  # the level below it


def _notes(body: str) -> list[str]:
    page = f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>"
    doc = read_html(page.encode(), Source(path="x.html", format="html", sha256="0" * 64), Limits())
    return [n.note for n in doc.notes]


FLATTENED = (
    "<ol><li>" + H.format("总体要求") + "</li></ol>"
    "<ol><li>" + K.format("建设甲平台。（县甲局负责）") + "</li>"
    "<li>" + K.format("建设乙平台。（县乙局负责）") + "</li></ol>"
    '<ol start="2"><li>' + H.format("保障措施") + "</li></ol>"
    '<ol start="3"><li>' + K.format("加强督查。（县丙局负责）") + "</li></ol>"
)


def test_two_levels_an_exporter_flattened_into_side_by_side_lists_are_drawn_as_levels() -> None:
    # A browser draws 1. 1. 2. 2. 3.; the lists count on apart, side by side.
    assert _lines(FLATTENED) == [
        "一、总体要求",
        "（一）建设甲平台。（县甲局负责）",
        "（二）建设乙平台。（县乙局负责）",
        "二、保障措施",
        "（三）加强督查。（县丙局负责）",
    ]
    assert _notes(FLATTENED) == ["list_levels"]


def test_the_flattened_levels_give_the_measures_their_own_numbers() -> None:
    page = f"<html><head><meta charset='utf-8'></head><body>{FLATTENED}</body></html>"
    notice = policy_parse.parse(page.encode())
    assert [str(m.number) for m in notice.measures] == ["1", "2", "3"]
    assert [u.written for u in notice.measures[2].lead] == ["县丙局"]


def test_a_list_whose_first_number_the_exporter_wrote_again_counts_on() -> None:
    body = (
        '<ol start="7"><li>甲任务</li><li>乙任务</li></ol>'
        "<p>——第二部分</p>"
        '<ol start="7"><li>丙任务</li></ol>'
    )
    assert _lines(body) == ["7. 甲任务", "8. 乙任务", "——第二部分", "9. 丙任务"]
    assert _notes(body) == ["list_continued"]


def test_lists_apart_by_text_that_begin_at_one_are_drawn_as_a_browser_draws_them() -> None:
    body = "<ol><li>甲</li><li>乙</li></ol><p>二、其他</p><ol><li>丙</li></ol>"
    assert _lines(body) == ["1. 甲", "2. 乙", "二、其他", "1. 丙"]
    assert _notes(body) == []


def test_a_typed_list_is_never_redrawn() -> None:
    body = '<ol type="a"><li>甲</li></ol><ol><li>乙</li></ol>'
    assert _lines(body) == ["a. 甲", "1. 乙"]


def test_an_items_number_opens_the_line_of_its_first_paragraph() -> None:
    assert _lines("<ol><li><p>甲任务</p><p>续写</p></li><li></li></ol>") == [
        "1. 甲任务",
        "续写",
        "2.",
    ]

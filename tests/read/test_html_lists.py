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

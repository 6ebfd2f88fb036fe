"""Header elements: 版头, 主体, the plan's title and preamble."""

from __future__ import annotations

import policy_parse

NOTICE = """某某县人民政府办公室文件
某政办发〔2021〕3号

关于印发某某县
重点任务分工方案的通知

各乡镇人民政府，县政府各部门：

现将方案印发给你们，请认真贯彻执行。

附件：某某县重点任务分工方案

某某县人民政府办公室
2021年3月1日

（此件公开发布）

附件

某某县重点任务分工方案

为抓好落实，现将任务分工如下：
一、优化服务
1.推行一窗受理。（牵头单位：县行政审批局）
"""


def test_it_reads_every_header_element() -> None:
    h = policy_parse.parse_text(NOTICE).header
    assert h.issuer == "某某县人民政府办公室文件"
    assert h.doc_number == "某政办发〔2021〕3号"
    assert h.title == "关于印发某某县重点任务分工方案的通知"
    assert h.recipients == ("各乡镇人民政府", "县政府各部门")
    assert h.attachments == ("某某县重点任务分工方案",)
    assert h.signature == ("某某县人民政府办公室",)
    assert (h.date, h.note, h.attachment_mark) == ("2021-03-01", "此件公开发布", "附件")


def test_a_preamble_ending_in_a_colon_is_not_part_of_the_plan_title() -> None:
    h = policy_parse.parse_text(NOTICE).header
    assert h.plan_title == "某某县重点任务分工方案"
    assert h.preamble == ("为抓好落实，现将任务分工如下：",)


def test_a_title_above_the_document_number_is_the_title_and_the_signature_the_issuer() -> None:
    text = NOTICE.replace(
        "某某县人民政府办公室文件\n某政办发〔2021〕3号\n\n关于印发某某县\n重点任务分工方案的通知\n",
        "来源：某某县政府网站　发布日期：2021-03-05\n\n关于印发某某县\n重点任务分工方案的通知\n某政办发〔2021〕3号\n",
    )
    notice = policy_parse.parse_text(text)
    assert notice.header.title == "关于印发某某县重点任务分工方案的通知"
    assert notice.header.issuer == "某某县人民政府办公室"
    assert notice.header.date == "2021-03-01"  # not the portal's publication date
    assert any(r.reason.startswith("web portal") for r in notice.residue)


def test_attachment_items_keep_their_numbers_and_a_second_list_is_residue() -> None:
    text = NOTICE.replace(
        "附件：某某县重点任务分工方案\n",
        "附件：1.某某县重点任务分工方案\n2.任务清单\n附件：3.又一份\n",
    )
    notice = policy_parse.parse_text(text)
    assert notice.header.attachments == ("1.某某县重点任务分工方案", "2.任务清单")
    assert [r.text for r in notice.residue] == ["附件：3.又一份"]


# --- furniture a web page leaves around the notice ---------------------------------------

PORTAL_COPY = """当前位置: 首页 > 政务公开 > 通知公告

关于印发某某县重点任务分工方案的通知

  • 听全文
  • 2021-03-05
  • 来源: 某某县政府办公室
  • 分享到
  • -

某政办发〔2021〕3号

关于印发某某县重点任务分工方案的通知

各乡镇人民政府，县政府各部门：

现将方案印发给你们，请认真贯彻执行。

某某县人民政府办公室
二○二一年三月一日

附件

某某县重点任务分工方案

一、优化服务
1.推行一窗受理。（牵头单位：县行政审批局）
"""


def _furniture(text: str) -> list[str]:
    notice = policy_parse.parse_text(text)
    return [r.text for r in notice.residue if r.reason == "web portal line above the notice"]


def test_breadcrumbs_widgets_and_ascii_colon_portal_lines_are_furniture() -> None:
    assert _furniture(PORTAL_COPY) == [
        "当前位置: 首页 > 政务公开 > 通知公告",
        "• 听全文",
        "• 2021-03-05",
        "• 来源: 某某县政府办公室",
        "• 分享到",
        "• -",
    ]


def test_a_title_the_portal_printed_twice_is_kept_once() -> None:
    notice = policy_parse.parse_text(PORTAL_COPY)
    assert notice.header.title == "关于印发某某县重点任务分工方案的通知"
    assert notice.header.doc_number == "某政办发〔2021〕3号"
    assert [(r.text, r.reason) for r in notice.residue if "title" in r.reason] == [
        ("关于印发某某县重点任务分工方案的通知", "title repeated by the web portal")
    ]


def test_a_title_repeated_with_other_line_breaks_and_the_site_name_above_it() -> None:
    text = PORTAL_COPY.replace(
        "当前位置: 首页 > 政务公开 > 通知公告\n\n关于印发某某县重点任务分工方案的通知\n",
        "某某政策网\n关于印发某某县重点任务分工方案的通知\n关于印发某某县\n重点任务分工方案的通知\n",
    ).replace("某政办发〔2021〕3号\n\n关于印发某某县重点任务分工方案的通知\n", "")
    notice = policy_parse.parse_text(text)
    assert notice.header.title == "关于印发某某县重点任务分工方案的通知"
    assert "某某政策网" in _furniture(text)


def test_portal_metadata_lines_with_spaces_before_the_colon_are_furniture() -> None:
    text = PORTAL_COPY.replace(
        "  • 来源: 某某县政府办公室\n", "时间 : 2021-03-05 10:01:43 来源 : 本网\n"
    )
    assert "时间 : 2021-03-05 10:01:43 来源 : 本网" in _furniture(text)


def test_a_portal_timestamp_is_never_the_notices_date() -> None:
    text = PORTAL_COPY.replace("  • 2021-03-05\n", "13.03.2021  07:51\n")
    notice = policy_parse.parse_text(text)
    assert "13.03.2021  07:51" in _furniture(text)
    assert notice.header.date == "2021-03-01"


def test_a_year_written_with_a_circle_for_zero_is_read() -> None:
    h = policy_parse.parse_text(PORTAL_COPY).header
    assert (h.date, h.date_written) == ("2021-03-01", "二○二一年三月一日")


def test_a_sentence_in_the_body_that_names_a_source_is_not_furniture() -> None:
    text = PORTAL_COPY.replace(
        "现将方案印发给你们，请认真贯彻执行。", "来源：各部门报送的材料，现汇总印发。"
    )
    assert policy_parse.parse_text(text).header.body[0] == "来源：各部门报送的材料，现汇总印发。"


def test_a_timestamp_beside_the_document_number_is_set_apart() -> None:
    text = PORTAL_COPY.replace("某政办发〔2021〕3号\n", "某政办发〔2021〕3号        2021-03-05\n")
    notice = policy_parse.parse_text(text)
    assert notice.header.doc_number == "某政办发〔2021〕3号"
    assert ("2021-03-05", "web portal timestamp beside the 文号") in [
        (r.text, r.reason) for r in notice.residue
    ]


def test_the_pages_heading_of_number_and_title_is_furniture() -> None:
    text = PORTAL_COPY.replace(
        "当前位置: 首页 > 政务公开 > 通知公告\n",
        "某政办发[2021]3号 关于印发某某县重点任务分工方案的通知\n",
    )
    notice = policy_parse.parse_text(text)
    assert notice.header.title == "关于印发某某县重点任务分工方案的通知"
    assert "某政办发[2021]3号 关于印发某某县重点任务分工方案的通知" in _furniture(text)


def test_metadata_words_common_in_sentences_make_furniture_only_at_the_start() -> None:
    from policy_parse.segment.header import is_furniture

    assert is_furniture("时间：2021-03-05 来源：本网")
    assert not is_furniture("完成时间：2021年6月底前")
    assert not is_furniture("各单位完成时间：2021年6月底前")


def test_the_short_line_above_the_date_is_the_signature_when_no_attachment_line_parts_them() -> (
    None
):
    h = policy_parse.parse_text(PORTAL_COPY).header
    assert h.body == ("现将方案印发给你们，请认真贯彻执行。",)
    assert h.issuer == "某某县人民政府办公室"  # no 版头: the 署名 names the issuer


def test_the_issuers_banner_above_a_doubled_title_stays_the_issuer() -> None:
    text = PORTAL_COPY.replace(
        "当前位置: 首页 > 政务公开 > 通知公告\n", "某某县人民政府办公室文件\n"
    )
    h = policy_parse.parse_text(text).header
    assert h.issuer == "某某县人民政府办公室文件"
    assert h.title == "关于印发某某县重点任务分工方案的通知"


def test_a_line_is_a_value_equal_by_its_text_and_span() -> None:
    """segment's Line is a plain class now: equal and hashed by its text and
    span (a set of lines counts the distinct ones), positional or by name."""
    from policy_parse.models import Span
    from policy_parse.segment.header import Line

    one = Line("一、总体要求", Span(start_line=3, end_line=3))
    assert one == Line(text="一、总体要求", span=Span(start_line=3, end_line=3))
    assert one != Line("一、总体要求", Span(start_line=4, end_line=4))
    assert len({one, Line("一、总体要求", Span(start_line=3, end_line=3))}) == 1
    assert repr(one).startswith("Line(text='一、总体要求', span=Span(")

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
    h = policy_parse.parse(NOTICE).header
    assert h.issuer == "某某县人民政府办公室文件"
    assert h.doc_number == "某政办发〔2021〕3号"
    assert h.title == "关于印发某某县重点任务分工方案的通知"
    assert h.recipients == ("各乡镇人民政府", "县政府各部门")
    assert h.attachments == ("某某县重点任务分工方案",)
    assert h.signature == ("某某县人民政府办公室",)
    assert (h.date, h.note, h.attachment_mark) == ("2021-03-01", "此件公开发布", "附件")


def test_a_preamble_ending_in_a_colon_is_not_part_of_the_plan_title() -> None:
    h = policy_parse.parse(NOTICE).header
    assert h.plan_title == "某某县重点任务分工方案"
    assert h.preamble == ("为抓好落实，现将任务分工如下：",)


def test_a_title_above_the_document_number_is_the_title_and_the_signature_the_issuer() -> None:
    text = NOTICE.replace(
        "某某县人民政府办公室文件\n某政办发〔2021〕3号\n\n关于印发某某县\n重点任务分工方案的通知\n",
        "来源：某某县政府网站　发布日期：2021-03-05\n\n关于印发某某县\n重点任务分工方案的通知\n某政办发〔2021〕3号\n",
    )
    notice = policy_parse.parse(text)
    assert notice.header.title == "关于印发某某县重点任务分工方案的通知"
    assert notice.header.issuer == "某某县人民政府办公室"
    assert notice.header.date == "2021-03-01"  # not the portal's publication date
    assert any(r.reason.startswith("web portal") for r in notice.residue)


def test_attachment_items_keep_their_numbers_and_a_second_list_is_residue() -> None:
    text = NOTICE.replace(
        "附件：某某县重点任务分工方案\n",
        "附件：1.某某县重点任务分工方案\n2.任务清单\n附件：3.又一份\n",
    )
    notice = policy_parse.parse(text)
    assert notice.header.attachments == ("1.某某县重点任务分工方案", "2.任务清单")
    assert [r.text for r in notice.residue] == ["附件：3.又一份"]

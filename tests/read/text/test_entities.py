"""read/text/entities.py: a text copy that kept a page's HTML character
references reads as the page did.  The specimens are invented."""

from __future__ import annotations

import policy_parse
from helpers import notes_of, units_of
from policy_parse.read.text.entities import decoded

NOTICE = (
    "甲县任务分工方案\n"
    "一、提升服务\n"
    "1.推进“放管服”改革。（牵头单位：县数据局；责任单位：县财政局、县发改局）\n"
    "2.完善养老服务体系。（县民政局负责）\n"
)


def test_a_copy_with_the_pages_references_reads_as_the_page() -> None:
    copied = "\n".join(
        "&nbsp;&nbsp;"
        + line.replace("“", "&ldquo;").replace("”", "&rdquo;").replace("、", "&#12289;")
        for line in NOTICE.splitlines()
    )
    notice = policy_parse.parse_text(copied)
    assert units_of(notice) == units_of(policy_parse.parse_text(NOTICE))
    assert units_of(notice)[0] == ("1", ["县数据局"], ["县财政局", "县发改局"])
    assert notice.measures[0].text == "推进“放管服”改革。"
    assert notes_of(notice, "entities_decoded") == [
        {"count": "12"}
    ]  # 4 lines × 2 &nbsp;, 2 quotes, 2 、


def test_a_few_ampersands_of_the_notice_stay_text() -> None:
    assert decoded("推进R&D投入；A&B两家；&amp;") is None
    assert decoded("无") is None
    assert decoded("&lt;通知&gt;&#x3001;") == ("<通知>、", 3)

"""policy_parse.audit on tables whose merges copy text (issue 13)."""

from __future__ import annotations

import badfiles
import policy_parse
from policy_parse.audit import lost_and_invented


def _merged_text_table() -> bytes:
    cell = badfiles.cell
    header = "".join(cell(h) for h in ("序号", "具体落实举措", "牵头单位", "完成时限"))
    first = (
        cell("1")
        + cell("加强组织领导，健全工作机制", '<w:vMerge w:val="restart"/>')
        + cell("区科技局")
        + cell("2021年底前")
    )
    second = cell("2") + cell("", "<w:vMerge/>") + cell("区财政局") + cell("持续推进")
    return badfiles.word_package(badfiles.table([header, first, second], 4))


def test_a_vertically_merged_measure_text_is_counted_once() -> None:
    document = policy_parse.read_document(_merged_text_table())
    notice = policy_parse.notice_from_document(document)
    assert [e.text for e in notice.table] == ["加强组织领导，健全工作机制"] * 2
    assert "text" in notice.table[1].inherited
    assert lost_and_invented(document, notice) == ("", "")


def test_the_audit_still_counts_a_measure_text_that_is_not_inherited() -> None:
    import attrs

    document = policy_parse.read_document(_merged_text_table())
    notice = policy_parse.notice_from_document(document)
    second = attrs.evolve(notice.table[1], inherited=())
    doubled = attrs.evolve(notice, table=(notice.table[0], second))
    lost, invented = lost_and_invented(document, doubled)
    assert lost == "" and sorted(invented) == sorted("加强组织领导健全工作机制")

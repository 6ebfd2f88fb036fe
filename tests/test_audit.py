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


def _merged_columns_table() -> bytes:
    """配合单位 and an unclaimed column (备注) merged down over two rows."""
    cell = badfiles.cell
    header = "".join(cell(h) for h in ("序号", "具体落实举措", "牵头单位", "配合单位", "备注"))
    first = (
        cell("1")
        + cell("加强组织领导")
        + cell("区科技局")
        + cell("区财政局、区人社局", '<w:vMerge w:val="restart"/>')
        + cell("重点督办", '<w:vMerge w:val="restart"/>')
    )
    second = (
        cell("2")
        + cell("强化要素保障")
        + cell("区发改委")
        + cell("", "<w:vMerge/>")
        + cell("", "<w:vMerge/>")
    )
    return badfiles.word_package(badfiles.table([header, first, second], 5))


def test_supporters_and_unclaimed_columns_merged_down_are_counted_once() -> None:
    document = policy_parse.read_document(_merged_columns_table())
    notice = policy_parse.notice_from_document(document)
    second = notice.table[1]
    assert [u.name for u in second.support] == ["区财政局", "区人社局"]
    assert [v for _, v in second.extra] == ["重点督办"]
    assert {"support", "extra"} <= set(second.inherited)
    assert lost_and_invented(document, notice) == ("", "")


def test_a_unit_made_only_of_a_variation_selector_loses_nothing() -> None:
    text = badfiles.sample_text().replace("\t经发局、办公室\n", "\t经发局、办公室\n\ufe0f\n", 1)
    document = policy_parse.read_text_document(text)
    notice = policy_parse.notice_from_document(document)
    assert lost_and_invented(document, notice) == ("", "")

"""Traditional script: detected, matched in Simplified, written kept."""

from __future__ import annotations

import opencc
from hypothesis import given
from hypothesis import strategies as st

import policy_parse
from golden import SAMPLES
from policy_parse.audit import lost_and_invented
from policy_parse.normalize.script import _traditional_only, is_traditional, to_simplified


def test_every_marker_character_is_traditional_only() -> None:
    # A Simplified character in the list would send every notice down the slow
    # path, or tip a Simplified notice into conversion.
    t2s = opencc.OpenCC("t2s").convert
    assert [c for c in sorted(_traditional_only()) if t2s(c) == c] == []


def test_one_traditional_only_character_anywhere_is_seen() -> None:
    """The quick test (one search per marker character) sees a marker at
    either end and alone: with no other Han character it is all there is."""
    mark = max(_traditional_only())
    assert is_traditional(mark) is True
    # One in 401 Han characters: below the share.
    assert is_traditional("甲局牵头，乙局配合。" * 50 + mark) is False
    assert is_traditional(mark + "局" + mark + "牵头") is True
    assert is_traditional("甲局牵头，乙局配合。") is False


def test_the_samples_are_told_apart() -> None:
    verdicts = {p.name: is_traditional(p.read_text("utf-8")) for p in sorted(SAMPLES.glob("*.txt"))}
    assert verdicts.pop("family-hk-republished-trad.txt") is True
    assert set(verdicts.values()) == {False}


@given(
    st.text(
        alphabet="關於印發南灣市深化與港澳服務業合作若干措施任務分工方案的通知，。、（）1a ",
        max_size=60,
    )
)
def test_conversion_keeps_every_offset(text: str) -> None:
    assert len(to_simplified(text)) == len(text)


def test_written_keeps_the_traditional_characters_and_names_are_simplified() -> None:
    notice = policy_parse.parse(SAMPLES / "family-hk-republished-trad.txt")
    lead = notice.measures[0].lead[0]
    assert lead.written == "市商務局" and lead.name == "市商务局"
    assert notice.measures[0].text.startswith("支持港澳投資者")


# A Traditional notice that also writes some words in Simplified (a line
# pasted from a mainland copy): each field comes back as its own line wrote
# it, not as the first place the same Simplified text occurs.
_MIXED_PROSE = """東灣市推進智慧港口建設任務分工方案
為確保各項措施落地見效，請各單位按照完善港口设施要求，現將任務分工如下：
一、完善港口設施
（1）建設東灣港區自動化碼頭，提升裝卸效率。（市交通運輸局牽頭，市發展改革委配合）
二、完善港口设施
（2）推進港區電力設施改造，擴大岸電覆蓋。（市交通運输局牵头，市发展改革委配合）
（3）建設港口數據平台，實現信息共享。（市數據局負責）
"""

_MIXED_TABLE = """東灣市智慧港口建設任務分工表
| 序號 | 具體措施 | 牽頭單位 | 配合單位 |
| 1 | 建置港區單一入口網站 | 市資訊處 | 市研考會 |
| 2 | 推動港區公文線上簽核 | 市资讯处 | 市研考会 |
"""


def _mixed(text: str) -> policy_parse.Notice:
    document = policy_parse.read_text_document(text)
    notice = policy_parse.notice_from_document(document)
    assert lost_and_invented(document, notice) == ("", "")
    return notice


def test_a_simplified_annotation_in_a_traditional_notice_stays_simplified() -> None:
    notice = _mixed(_MIXED_PROSE)
    assert [m.annotation for m in notice.measures[:2]] == [
        "市交通運輸局牽頭，市發展改革委配合",
        "市交通運输局牵头，市发展改革委配合",
    ]
    assert notice.measures[1].lead[0].written == "市交通運输局"
    assert notice.measures[1].lead[0].name == notice.measures[0].lead[0].name


def test_a_simplified_heading_is_not_taken_from_a_sentence_quoting_it() -> None:
    notice = _mixed(_MIXED_PROSE)
    assert [p.title for p in notice.parts] == ["完善港口設施", "完善港口设施"]


def test_a_simplified_table_cell_stays_simplified() -> None:
    notice = _mixed(_MIXED_TABLE)
    assert [[u.written for u in e.lead] for e in notice.table] == [["市資訊處"], ["市资讯处"]]
    assert [[u.written for u in e.support] for e in notice.table] == [["市研考會"], ["市研考会"]]


_MIXED_MERGED = """金門灣區智慧城市建設任務分工表
| 序號 | 主要任務 | 具體措施 | 牽頭單位 | 協辦單位 |
| 1 | 數位政府 | 建置市民服務單一入口網站 | 資訊處 | 研考會 |
| 2 | | 推動公文全面線上簽核 | 秘書處 | 資訊處 |
| 3 | 数位政府 | 推动数据开放共享 | 资讯处 | 研考会 |
"""


def test_a_value_copied_from_above_comes_back_as_the_row_above_wrote_it() -> None:
    # Row 2's group is row 1's, written in Traditional; row 3 writes the same
    # group in Simplified, after row 2: the copy is not taken from there.
    notice = _mixed(_MIXED_MERGED)
    assert [e.part_written for e in notice.table] == ["數位政府", "數位政府", "数位政府"]
    assert notice.table[1].inherited == ("part",)

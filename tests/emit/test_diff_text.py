"""emit/diff_text.py: the diff as a text report, in zh and en."""

from __future__ import annotations

import policy_parse
from diffcases import OLD, every_kind
from policy_parse.compare.diff import diff
from policy_parse.emit.diff_text import to_text


def test_a_reworded_measure_shows_what_went_and_what_came_on_one_line() -> None:
    report = to_text(every_kind())
    assert "推行企业开办一网通办{+<b>+}，压缩办理时间至[-一-]{+半+}个工作日。" in report


def test_each_change_is_one_line_with_its_severity_in_the_language_asked_for() -> None:
    zh, en = to_text(every_kind()), to_text(every_kind(), lang="en")
    assert "[警告] 牵头单位变化: 措施2→措施2：牵头单位由“区发展改革委”改为“区数据局”" in zh
    assert "[warning] lead changed: measure 2 → measure 2: lead 区发展改革委 → 区数据局" in en
    assert "[提示] 合并: 措施6、措施7合并为措施7" in zh
    assert "变化9处" in zh and "9 changes" in en


def test_a_split_lists_the_old_measure_and_its_new_pieces() -> None:
    lines = to_text(every_kind()).splitlines()
    at = next(k for k, x in enumerate(lines) if "措施5拆分为措施5、措施6" in x)
    assert lines[at + 1 : at + 4] == [
        "    - 措施5 盘活存量工业用地，推行标准地出让改革，提高土地利用效率。",
        "    + 措施5 盘活存量工业用地，推行标准地出让改革。",
        "    + 措施6 提高土地利用效率。",
    ]


def test_two_equal_versions_say_so() -> None:
    notice = policy_parse.parse_text(OLD)
    assert "两版措施内容相同" in to_text(diff(notice, notice))
    assert "numbering aside" in to_text(diff(notice, notice), lang="en")


def test_every_kind_has_a_severity_a_word_and_a_sentence_in_both_languages() -> None:
    from policy_parse.compare.diff import ChangeKind, severity
    from policy_parse.messages import LANGS, catalogue

    words = catalogue()["diff"]
    for kind in ChangeKind:
        assert severity(kind).value in ("warning", "info")
        for table in ("kind", "message"):
            assert set(LANGS) <= set(words[table][kind.value]), (table, kind)
    for table in ("ui", "column", "sheet", "cli"):
        for key, entry in words[table].items():
            assert set(LANGS) <= set(entry), (table, key)


def test_one_change_is_counted_in_the_singular_in_english() -> None:
    old = policy_parse.parse_text(OLD)
    new = policy_parse.parse_text(OLD.replace("2024年9月", "2024年10月"))
    assert "\n1 change: deadline changed 1\n" in to_text(diff(old, new), lang="en")
    assert "\n变化1处：完成时限变化 1\n" in to_text(diff(old, new))

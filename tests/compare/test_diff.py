"""compare/diff.py: two versions of a notice, measure by measure.

Invented specimens for each kind of change, the sample notice against an
edited copy of its text, a corpus notice against a later version built from
it, and a property: k random edits to a notice, and the diff reports exactly
those k.
"""

from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import policy_parse
from golden import ROOT, SAMPLES
from policy_parse.compare.diff import ChangeKind, NoticeDiff, diff, text_edits
from policy_parse.compare.match import MATCH, dice, grams, key_text
from policy_parse.models import Deadline, Measure, Notice, Unit, UnitStatus

CORPUS = ROOT.parent / "shared" / "corpus" / "real"

# An invented notice: two parts, four measures with labelled annotations.
SPECIMEN = """关于印发某区优化营商环境分工方案的通知
一、提升政务服务
1.推行企业开办一网通办，压缩办理时间至一个工作日。（牵头单位：区政务服务办；责任单位：区市场监管局、区税务局；完成时限：2024年底前）
2.建设区级政务服务中心综合窗口，实现一窗受理集成服务。（牵头单位：区发展改革委；责任单位：区财政局；完成时限：长期坚持）
二、强化要素保障
3.设立中小企业应急转贷资金池，缓解企业资金周转压力。（牵头单位：区财政局；责任单位：区金融局；完成时限：2025年6月）
4.盘活存量工业用地，推行标准地出让改革，提高土地利用效率。（牵头单位：区规划资源局；责任单位：区发展改革委；完成时限：持续推进）
"""


def _pair(edited: str, old: str = SPECIMEN) -> NoticeDiff:
    return diff(policy_parse.parse_text(old), policy_parse.parse_text(edited))


def _kinds(d: NoticeDiff) -> list[tuple[str, tuple[str | None, ...], tuple[str | None, ...]]]:
    return [
        (c.kind.value, tuple(s.id for s in c.old), tuple(s.id for s in c.new)) for c in d.changes
    ]


def test_a_notice_against_itself_has_no_change() -> None:
    d = _pair(SPECIMEN)
    assert (d.matched, d.unchanged, d.changes) == (4, 4, ())


def test_a_measure_inserted_first_is_the_only_change_though_all_are_renumbered() -> None:
    new = (
        SPECIMEN.replace("\n4.盘活", "\n5.盘活")
        .replace("\n3.设立", "\n4.设立")
        .replace("\n2.建设", "\n3.建设")
        .replace(
            "\n1.推行",
            "\n1.开展涉企收费专项清理，坚决纠正乱收费行为。（牵头单位：区市场监管局）\n2.推行",
        )
    )
    d = _pair(new)
    assert _kinds(d) == [("added", (), ("1",))]
    assert d.unchanged == 4


def test_a_reworded_measure_marks_exactly_the_characters_that_differ() -> None:
    d = _pair(SPECIMEN.replace("一个工作日", "半个工作日"))
    (change,) = d.changes
    assert change.kind is ChangeKind.TEXT and not change.doubtful
    old, new = change.old[0].text, change.new[0].text
    (edit,) = change.edits
    assert old[edit.old_start : edit.old_end] == "一"
    assert new[edit.new_start : edit.new_end] == "半"


def test_punctuation_and_width_alone_are_no_change() -> None:
    d = _pair(SPECIMEN.replace("一网通办，压缩", "一网通办,压缩"))
    assert d.changes == ()


def test_a_new_lead_is_reported_by_canonical_name() -> None:
    d = _pair(SPECIMEN.replace("牵头单位：区财政局", "牵头单位：区金融局；配合单位：区财政局"))
    lead = [c for c in d.changes if c.kind is ChangeKind.LEAD]
    assert [(c.before, c.after) for c in lead] == [(("区财政局",), ("区金融局",))]
    assert lead[0].severity.value == "warning"


def test_an_abbreviation_in_one_version_and_the_full_name_in_the_other_is_no_change() -> None:
    # The old version writes 区发改委 only; the new one the full name.
    old = SPECIMEN.replace("区发展改革委", "区发改委")
    d = _pair(SPECIMEN, old=old)
    assert d.changes == ()


def test_two_bodies_that_share_a_name_but_not_a_level_are_a_change() -> None:
    d = _pair(SPECIMEN.replace("牵头单位：区财政局", "牵头单位：市财政局"))
    assert [(c.kind.value, c.before, c.after) for c in d.changes] == [
        ("lead", ("区财政局",), ("市财政局",))
    ]


def test_a_new_deadline_is_a_change_and_the_same_date_in_other_words_is_not() -> None:
    later = _pair(SPECIMEN.replace("2025年6月", "2025年9月"))
    assert [(c.kind.value, c.before, c.after) for c in later.changes] == [
        ("deadline", "2025年6月", "2025年9月")
    ]
    same = _pair(SPECIMEN.replace("2024年底前", "2024年12月底前"))
    assert same.changes == ()


def test_a_measure_moved_to_another_part_is_moved_and_its_neighbours_are_not() -> None:
    line = next(x for x in SPECIMEN.splitlines() if x.startswith("2."))
    new = SPECIMEN.replace(line + "\n", "").replace("\n3.设立", "\n2.设立")
    new = new.replace("\n4.盘活", "\n3.盘活") + line.replace("2.", "4.", 1) + "\n"
    d = _pair(new)
    assert [(c.kind.value, c.before, c.after) for c in d.changes] == [
        ("moved", "一、提升政务服务", "二、强化要素保障")
    ]


def test_one_measure_written_as_two_is_a_split() -> None:
    new = SPECIMEN.replace(
        "4.盘活存量工业用地，推行标准地出让改革，提高土地利用效率。",
        "4.盘活存量工业用地，推行标准地出让改革。（牵头单位：区规划资源局）\n5.提高土地利用效率。",
    )
    d = _pair(new)
    assert _kinds(d) == [("split", ("4",), ("4", "5"))]


def test_two_measures_written_as_one_is_a_merge() -> None:
    old = SPECIMEN.replace(
        "4.盘活存量工业用地，推行标准地出让改革，提高土地利用效率。",
        "4.盘活存量工业用地，推行标准地出让改革。（牵头单位：区规划资源局）\n5.提高土地利用效率。",
    )
    d = _pair(SPECIMEN, old=old)
    assert _kinds(d) == [("merged", ("4", "5"), ("4",))]


def test_a_measure_rewritten_beyond_recognition_is_removed_and_added() -> None:
    d = _pair(
        SPECIMEN.replace("设立中小企业应急转贷资金池，缓解企业资金周转压力", "组织银企对接会")
    )
    assert sorted(k for k, _, _ in _kinds(d)) == ["added", "removed"]


def test_a_match_that_keeps_little_of_the_text_says_it_is_doubtful() -> None:
    d = _pair(SPECIMEN.replace("推行标准地出让改革，提高", "开展闲置厂房清查，提高"))
    (change,) = d.changes
    assert change.kind is ChangeKind.TEXT
    assert change.similarity is not None and change.similarity < 0.7 and change.doubtful


def test_of_two_equal_measures_the_one_in_the_same_place_is_matched() -> None:
    # The same sentence in both parts: each stays with its own.
    twice = SPECIMEN.replace("缓解企业资金周转压力。", "实现一窗受理集成服务。")
    twice = twice.replace("设立中小企业应急转贷资金池，", "建设区级政务服务中心综合窗口，")
    d = _pair(twice.replace("完成时限：2025年6月", "完成时限：2025年9月"), old=twice)
    (change,) = d.changes
    assert (change.kind, change.old[0].id, change.new[0].id) == (ChangeKind.DEADLINE, "3", "3")


def test_text_edits_of_long_texts_mark_them_whole() -> None:
    old, new = "甲" * 600, "乙" * 600
    (edit,) = text_edits(old, new)
    assert (edit.old_start, edit.old_end, edit.new_start, edit.new_end) == (0, 600, 0, 600)


def test_the_library_diff_reads_paths_and_notices_alike(tmp_path: Path) -> None:
    a, b = tmp_path / "old.txt", tmp_path / "new.txt"
    a.write_text(SPECIMEN, encoding="utf-8")
    b.write_text(SPECIMEN.replace("2025年6月", "2025年9月"), encoding="utf-8")
    from_paths = policy_parse.diff(a, b)
    from_notices = policy_parse.diff(policy_parse.parse(a), policy_parse.parse(b))
    assert isinstance(from_paths, policy_parse.NoticeDiff)
    assert _kinds(from_paths) == _kinds(from_notices) == [("deadline", ("3",), ("3",))]


# --- the sample notice against an edited copy of its text --------------------


def test_the_sample_against_an_edited_copy_finds_the_three_edits() -> None:
    text = (SAMPLES / "notice.txt").read_text("utf-8")
    old = policy_parse.parse_text(text)
    lines = text.splitlines(keepends=True)

    def line_of(m: Measure) -> int:
        assert m.span.start_line == m.span.end_line is not None  # one line of prose
        return m.span.start_line - 1

    # 1) the 31st measure's prose reworded; 2) the 41st's lead becomes
    # another department of the notice; 3) the 11th's line dropped.
    reworded, relead, gone = old.measures[30], old.measures[40], old.measures[10]
    lines[line_of(reworded)] = lines[line_of(reworded)].replace("，", "，切实", 1)
    lead = relead.lead[0].written
    other = next(u.written for m in old.measures for u in m.lead if u.written != lead)
    lines[line_of(relead)] = lines[line_of(relead)].replace(
        f"牵头部门：{lead}", f"牵头部门：{other}"
    )
    del lines[line_of(gone)]
    d = diff(old, policy_parse.parse_text("".join(lines)))
    found = sorted((c.kind.value, c.old[0].id) for c in d.changes)
    assert found == sorted([("text", reworded.id), ("removed", gone.id), ("lead", relead.id)])


# --- a corpus notice and a later version built from it ------------------------


@functools.cache
def _corpus_text(name: str) -> str:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"no corpus file {name} (../shared/corpus/real)")
    lines = path.read_text("utf-8").splitlines(keepends=True)
    return "".join(x for x in lines if not x.startswith("# "))


@pytest.mark.parametrize(
    "name",
    [
        "20_guoban-2018-117-jili.txt",
        "24_guangzhou-2012-rencai.txt",
        "35_guoban-2018-129-xiaofei.txt",
    ],
)
def test_a_real_notice_against_a_later_version_of_it(name: str) -> None:
    text = _corpus_text(name)
    old = policy_parse.parse_text(text)
    lines = text.splitlines(keepends=True)
    one_line = [
        m
        for m in old.measures
        if (m.lead or m.support)
        and m.span.start_line == m.span.end_line is not None
        and m.text in lines[m.span.start_line - 1]
    ]
    assert len(one_line) >= 4
    # The later version, edited as a drafter would: the first measure's
    # first unit is another body (written in its annotation, the line's
    # last mention), the second reworded, the last dropped.
    first, second, last = one_line[0], one_line[1], one_line[-1]
    unit = (first.lead or first.support)[0]
    line = lines[first.span.start_line - 1]  # type: ignore[operator]
    at = line.rindex(unit.written)
    lines[first.span.start_line - 1] = line[:at] + "档案馆" + line[at + len(unit.written) :]  # type: ignore[operator]
    k = second.span.start_line - 1  # type: ignore[operator]
    lines[k] = lines[k].replace(second.text, second.text[:-1] + "，每季度通报一次进展。", 1)
    del lines[last.span.start_line - 1]  # type: ignore[operator]
    d = diff(old, policy_parse.parse_text("".join(lines)))
    found = {(c.kind.value, c.old[0].id) for c in d.changes}
    role = ChangeKind.LEAD if first.lead else ChangeKind.SUPPORT
    assert found == {(role.value, first.id), ("text", second.id), ("removed", last.id)}


# --- the property: k random edits, exactly k changes ---------------------------


def _without_table(notice: Notice) -> Notice:
    """The sample's measures with their table rows' deadlines, and no table:
    the edits below change measures only, so a deadline lives on each."""
    rows = {e.id: e for e in notice.table}
    measures = tuple(
        attrs.evolve(m, deadline=m.deadline or (rows[m.id].deadline if m.id in rows else None))
        for m in notice.measures
    )
    return attrs.evolve(notice, measures=measures, table=())


@functools.cache
def _base() -> Notice:
    return _without_table(policy_parse.parse(SAMPLES / "notice.txt"))


# Texts of inserted measures, invented, sharing little with the sample.
INSERTS = (
    "开展农村集体经营性建设用地入市试点，探索宅基地制度改革路径。",
    "健全养老服务体系，推动社区嵌入式养老机构全覆盖。",
    "实施河湖长制考核，严格落实水域岸线空间管控要求。",
    "推进中小学校舍安全工程，完善校园安保设施配备。",
)
# A unit no measure of the sample names, and no abbreviation of one.
NEW_UNIT = Unit(name="档案馆", written="档案馆", expanded="档案馆", status=UnitStatus.AS_WRITTEN)
EDITS = ("text", "unit", "deadline", "delete", "insert", "split")


@functools.cache
def _editable() -> list[int]:
    """Measures an edit may touch: a text no other measure nearly repeats
    (the sample writes a few twice, in other words: a version that drops
    one of them keeps the other, and no diff can say which went), long
    enough to split at a comma in its middle third, with a lead."""
    base = _base()
    keys = [grams(key_text(m.text)) for m in base.measures]
    out = []
    for k, m in enumerate(base.measures):
        third = len(m.text) // 3
        alone = all(dice(keys[k], g) < MATCH for i, g in enumerate(keys) if i != k)
        if alone and m.lead and "，" in m.text[third : 2 * third]:
            out.append(k)
    return out


def _apply(
    base: Notice, edits: list[tuple[str, int]], renumber: bool
) -> tuple[Notice, set[tuple[str, tuple[str, ...], tuple[str, ...]]]]:
    """The edited notice, and the changes it must show: (kind, old texts,
    new texts)."""
    measures: list[list[Measure]] = [[m] for m in base.measures]
    expected = set()
    for n, (edit, k) in enumerate(edits):
        m = base.measures[k]
        if edit == "text":
            cut = len(m.text) // 2
            new = attrs.evolve(m, text=m.text[:cut] + "切实" + m.text[cut:])
            measures[k] = [new]
            expected.add(("text", (m.text,), (new.text,)))
        elif edit == "unit":
            measures[k] = [attrs.evolve(m, lead=(NEW_UNIT,))]
            expected.add(("lead", (m.text,), (m.text,)))
        elif edit == "deadline":
            due = Deadline(written=f"{2031 + n}年底前", kind="date", value=f"{2031 + n}-12-31")
            measures[k] = [attrs.evolve(m, deadline=due)]
            expected.add(("deadline", (m.text,), (m.text,)))
        elif edit == "delete":
            measures[k] = []
            expected.add(("removed", (m.text,), ()))
        elif edit == "insert":
            extra = attrs.evolve(m, text=INSERTS[n % len(INSERTS)], id=f"{m.id}+")
            measures[k] = [m, extra]
            expected.add(("added", (), (extra.text,)))
        else:  # split at the comma nearest the middle
            mid = len(m.text) // 2
            cut = min((i for i, ch in enumerate(m.text) if ch == "，"), key=lambda i: abs(i - mid))
            a, b = m.text[: cut + 1], m.text[cut + 1 :]
            measures[k] = [attrs.evolve(m, text=a), attrs.evolve(m, text=b, id=f"{m.id}-2")]
            expected.add(("split", (m.text,), (a, b)))
    flat = [m for group in measures for m in group]
    if renumber:  # numbers shift: the diff matches by content, so no change
        flat = [attrs.evolve(m, id=str(k + 101)) for k, m in enumerate(flat)]
    return attrs.evolve(base, measures=tuple(flat)), expected


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(data=st.data())
def test_k_random_edits_are_reported_as_exactly_those_k(data: st.DataObject) -> None:
    base = _base()
    places = _editable()
    k = data.draw(st.integers(min_value=0, max_value=6), label="k")
    targets = data.draw(
        st.lists(st.sampled_from(places), min_size=k, max_size=k, unique=True), label="measures"
    )
    edits = [(data.draw(st.sampled_from(EDITS), label="edit"), t) for t in targets]
    renumber = data.draw(st.booleans(), label="renumber")
    edited, expected = _apply(base, edits, renumber)
    d = diff(base, edited)
    found = {
        (c.kind.value, tuple(s.text for s in c.old), tuple(s.text for s in c.new))
        for c in d.changes
    }
    assert found == expected
    assert len(d.changes) == k


# --- a corpus notice against another copy of itself ----------------------------

PERTURB = ROOT.parent / "shared" / "tools" / "perturb.py"


@pytest.mark.parametrize("kind", ["punct-ascii", "wrap38"])
def test_a_real_notice_against_a_rewrapped_or_repunctuated_copy_has_no_change(
    kind: str, tmp_path: Path
) -> None:
    # Another portal's copy of the same notice (shared/tools/perturb.py):
    # the same measures, so no change — on every corpus file once run by
    # hand (52 files × punct-ascii, wrap38, labels-dept: one change, a
    # label word inside a measure whose annotation stays in its text).
    if not (CORPUS.is_dir() and PERTURB.is_file()):
        pytest.skip("no corpus or perturb.py in ../shared")
    src = tmp_path / "src"
    src.mkdir()
    names = ["20_guoban-2018-117-jili", "24_guangzhou-2012-rencai", "35_guoban-2018-129-xiaofei"]
    for name in names:
        for suffix in (".txt", ".expected.json"):
            (src / (name + suffix)).write_bytes((CORPUS / (name + suffix)).read_bytes())
    subprocess.run(
        [sys.executable, str(PERTURB), str(src), str(tmp_path / kind), kind],
        check=True,
        capture_output=True,
    )
    for name in names:
        old = policy_parse.parse_text(_corpus_text(name + ".txt"))
        text = (tmp_path / kind / (name + ".txt")).read_text("utf-8")
        new = policy_parse.parse_text(
            "".join(x for x in text.splitlines(True) if not x.startswith("# "))
        )
        d = diff(old, new)
        assert (name, d.changes) == (name, ())
        assert d.matched == len(old.measures) == len(new.measures) > 5


@pytest.mark.parametrize("suffix", [".docx", ".html"])
def test_the_sample_in_another_format_is_the_same_notice(suffix: str) -> None:
    # samples/notice.* are one notice in several formats: no measure differs.
    from golden import need_reader_for

    other = SAMPLES / f"notice{suffix}"
    need_reader_for(other)
    d = policy_parse.diff(SAMPLES / "notice.txt", other)
    assert (d.matched, d.unchanged, d.changes) == (78, 78, ())

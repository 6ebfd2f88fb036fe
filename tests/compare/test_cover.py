"""Which parent items a notice implements (compare/cover.py): on the seed,
whose table copies each parent task beside its measures, and on a corpus
notice without such a column, against a parent written for it."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import policy_parse
from golden import SAMPLES
from policy_parse.compare.cover import aligned, cover, likeness, normalised

FIXTURES = Path(__file__).parent.parent / "fixtures" / "cover"
CORPUS = Path("/work/shared/corpus/real/32_suining-2016-table.txt")


@pytest.fixture(scope="module")
def seed() -> policy_parse.Notice:
    return policy_parse.parse(SAMPLES / "notice.txt")


@pytest.fixture(scope="module")
def seed_parent() -> policy_parse.Notice:
    return policy_parse.parse(FIXTURES / "seed-parent.txt")


def test_the_seed_parent_reads_as_its_59_items(seed_parent: policy_parse.Notice) -> None:
    assert [m.id for m in seed_parent.measures] == [str(k) for k in range(1, 60)]


def test_the_seed_links_every_measure_by_its_column(
    seed: policy_parse.Notice, seed_parent: policy_parse.Notice
) -> None:
    result = cover(seed_parent, seed)
    links = {lk.measure: lk for lk in result.links}
    assert len(links) == 78 and {lk.how for lk in result.links} == {"column"}
    # Read off the sample's table: rows 3 and 4 sit under row 2's merged
    # cell; rows 8 and 9 repeat one task.
    expected = {"1": ("1",), "2": ("2",), "3": ("2",), "4": ("2",), "5": ("3",), "6": ("4",),
                "7": ("5",), "8": ("6",), "9": ("6",), "12": ("7",), "77": ("59",)}  # fmt: skip
    assert {m: links[m].items for m in expected} == expected
    assert all(lk.score == 1.0 and lk.doubt is None for lk in result.links)
    # Every task the column copies is covered: the parent was cut from it.
    assert result.uncovered == () and result.unlinked == ()
    assert result.items[1].measures == ("2", "3", "4")


def test_a_parent_item_the_notice_leaves_out_is_uncovered(
    seed: policy_parse.Notice, seed_parent: policy_parse.Notice
) -> None:
    extra = (FIXTURES / "seed-parent.txt").read_text("utf-8") + "60.建设国家高新区月球分园。\n"
    result = cover(policy_parse.parse_text(extra), seed)
    assert [i.id for i in result.uncovered] == ["60"]


def test_without_the_column_text_likeness_mostly_agrees_with_it(
    seed: policy_parse.Notice, seed_parent: policy_parse.Notice
) -> None:
    by_column = cover(seed_parent, seed)
    by_text = cover(seed_parent, attrs.evolve(seed, table=()))
    assert {lk.how for lk in by_text.links} <= {"text", "none"}
    agree = sum(a.items == b.items for a, b in zip(by_column.links, by_text.links, strict=True))
    # 49 of 78 when written (benchmarks/cover.py); each weak link says so.
    assert agree >= 45
    weak = [lk for lk in by_text.links if lk.how == "text" and lk.score < 0.3]
    assert weak and all(lk.doubt in ("weak", "close") for lk in weak)


@pytest.mark.skipif(not CORPUS.exists(), reason="the shared corpus is not here")
def test_a_corpus_notice_against_a_parent_written_for_it() -> None:
    result = cover(policy_parse.parse(FIXTURES / "suining-parent.txt"), policy_parse.parse(CORPUS))
    # What the parent was written to say (tests/fixtures/cover/README.md).
    expected = {"1": ("1", "2"), "2": ("3",), "3": ("4",), "4": ("5",), "5": ("6",),
                "6": ("7",), "7": ("8", "9"), "8": ("10",), "9": ("11",), "10": (), "11": ()}  # fmt: skip
    assert {i.id: i.measures for i in result.items} == expected
    assert [i.id for i in result.uncovered] == ["10", "11"]
    assert {lk.how for lk in result.links} == {"text"}
    # 加快环境卫生设施建设 is as like 编制环境卫生设施专项规划: said, not hidden.
    seven = next(lk for lk in result.links if lk.measure == "7")
    assert seven.doubt == "close" and seven.runner_up == "3"


@pytest.mark.skipif(not CORPUS.exists(), reason="the shared corpus is not here")
def test_a_parent_in_another_order_still_links_by_likeness() -> None:
    lines = (FIXTURES / "suining-parent.txt").read_text("utf-8").splitlines()
    items = [ln for ln in lines if ln[:1].isdigit()]
    reordered = "上级文件\n\n" + "\n".join(
        f"{k}.{ln.split('.', 1)[1]}" for k, ln in enumerate(reversed(items), start=1)
    )
    result = cover(policy_parse.parse_text(reordered), policy_parse.parse(CORPUS))
    # Item n of the written parent is item 12 - n here.
    assert {i.id: i.measures for i in result.items}["11"] == ("1", "2")
    assert {i.id: i.measures for i in result.items}["5"] == ("8", "9")
    # Measure 7, as like the written parent's items 3 and 6 (here 9 and 6),
    # follows the order the other way now; the doubt names the other item.
    seven = next(lk for lk in result.links if lk.measure == "7")
    assert seven.doubt == "close" and {*seven.items, seven.runner_up} == {"9", "6"}
    uncovered = {"1", "2"} | ({"6"} if seven.items == ("9",) else set())
    assert {i.id for i in result.uncovered} == uncovered


def test_a_parent_without_items_is_refused(seed: policy_parse.Notice) -> None:
    empty = attrs.evolve(seed, measures=())
    with pytest.raises(policy_parse.NoParentItemsError):
        cover(empty, seed)
    assert issubclass(policy_parse.NoParentItemsError, policy_parse.NotANoticeError)


def test_the_library_entry_takes_paths_or_notices(
    seed: policy_parse.Notice, seed_parent: policy_parse.Notice
) -> None:
    a = policy_parse.cover(FIXTURES / "seed-parent.txt", SAMPLES / "notice.txt")
    b = policy_parse.cover(seed_parent, seed)
    assert a.items == b.items and a.links == b.links


def test_normalised_text_ignores_punctuation_width_and_spaces() -> None:
    assert normalised("加快 建设，创新平台。") == normalised("加快建设,创新平台.")
    assert likeness(frozenset({"ab"}), frozenset({"ab"})) == 1.0
    assert likeness(frozenset({"ab"}), frozenset({"cd"})) == 0.0


def test_alignment_prefers_the_parents_order_when_two_items_tie() -> None:
    # Measure 2 is as like item 0 as item 2: after measure 1 on item 1, the
    # order picks item 2; with a free step back it would take the first best.
    scores = [[0.1, 0.9, 0.1], [0.5, 0.1, 0.5]]
    assert aligned(scores, back_step=0.05) == [1, 2]
    # A clearly better earlier item still wins: the step back is cheap.
    assert aligned([[0.1, 0.9, 0.1], [0.8, 0.1, 0.5]], back_step=0.05) == [1, 0]
    assert aligned([], back_step=0.05) == []


@pytest.mark.parametrize("doc", ["cover.md", "names.md"])
def test_the_docs_examples_run_as_written(doc: str) -> None:
    import doctest

    path = Path(__file__).resolve().parents[2] / "docs" / doc
    result = doctest.testfile(str(path), module_relative=False, verbose=False)
    assert result.attempted >= 3 and result.failed == 0


def test_a_column_that_copies_another_parent_falls_back_to_text(
    seed: policy_parse.Notice,
) -> None:
    # The seed's 国家重点任务 cells copy none of these items.
    result = cover(policy_parse.parse(FIXTURES / "suining-parent.txt"), seed)
    assert {lk.how for lk in result.links} <= {"text", "none"}
    assert all(lk.column for lk in result.links)  # the cell is still reported

"""parse_many: one result per source, in order, the same wherever it runs."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import policy_parse
from golden import SAMPLES
from policy_parse import CorruptFileError, InputNotFoundError, Notice, PolicyParseError
from policy_parse.batch import find_inputs

SOURCES = [
    SAMPLES / "notice.txt",
    SAMPLES / "notice.pdf",
    SAMPLES / "missing.txt",
    b"PK\x03\x04 a broken docx",
    SAMPLES / "family-district-renewal.docx",
]


def _records(results: list[Notice | PolicyParseError]) -> list[Any]:
    out: list[Any] = []
    for r in results:
        if isinstance(r, Notice):
            data = policy_parse.to_dict(r)
            out.append((data["measures"], data["discrepancies"]))
        else:
            out.append(type(r))
    return out


@pytest.fixture(scope="module")
def serial() -> list[Any]:
    return _records(list(policy_parse.parse_many(SOURCES, jobs=1)))


def test_serially_each_source_gives_its_notice_or_its_error_in_order(serial: list[Any]) -> None:
    assert serial[2] is InputNotFoundError and serial[3] is CorruptFileError
    assert [len(r[0]) for k, r in enumerate(serial) if k in (0, 1)] == [78, 78]
    texts = [[m["text"] for m in r[0]] for r in serial[:2]]
    assert texts[0] == texts[1]  # the same notice as .txt and .pdf


def test_two_worker_processes_give_the_same_records(serial: list[Any]) -> None:
    assert _records(list(policy_parse.parse_many(SOURCES, jobs=2))) == serial


def test_any_executor_gives_the_same_records(serial: list[Any]) -> None:
    with ThreadPoolExecutor(4) as pool:
        assert _records(list(policy_parse.parse_many(SOURCES, executor=pool))) == serial


def test_options_reach_parse() -> None:
    aliases = {"人社局": "人力资源和社会保障局"}
    (n,) = policy_parse.parse_many([SAMPLES / "notice.txt"], jobs=1, aliases=aliases)
    assert isinstance(n, Notice)
    assert any(u.name == "人力资源和社会保障局" for m in n.measures for u in m.support)


def test_a_dask_local_cluster_gives_the_same_records(serial: list[Any]) -> None:
    distributed = pytest.importorskip("dask.distributed")
    import dask

    # The PDF reader bounds each parse in a child process; Dask's workers
    # are daemonic by default, and daemonic processes may have no children.
    with (
        dask.config.set({"distributed.worker.daemon": False}),
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        results = list(policy_parse.parse_many(SOURCES, executor=client.get_executor()))
    assert _records(results) == serial


def test_a_folder_is_searched_for_every_readable_format(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("x\n")
    (tmp_path / "b.PDF").write_bytes(b"%PDF-1.4")
    (tmp_path / "c.docx").write_bytes(b"")
    (tmp_path / "notes.md").write_text("no")
    (tmp_path / ".hidden.txt").write_text("no")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "y.txt").write_text("no")
    found = find_inputs(tmp_path, skip=tmp_path / "out")
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a/x.txt", "b.PDF", "c.docx"]

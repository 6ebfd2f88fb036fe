"""parse_many: one result per source, in order, the same wherever it runs."""

from __future__ import annotations

import subprocess
import sys
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


def test_workers_times_pdf_page_workers_never_exceed_the_cpus(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from policy_parse import batch

    for n in (1, 2, 3, 4, 8):
        monkeypatch.setattr(batch, "cpus", lambda n=n: n)
        for jobs in (None, 1, 2, 3, 16):
            workers, limits = batch.plan_workers(jobs, None)
            assert 1 <= workers <= n and workers * limits.pdf_workers <= n, (n, jobs)
            assert limits.pdf_workers <= policy_parse.Limits().pdf_workers
    monkeypatch.setattr(batch, "cpus", lambda: 8)
    assert batch.plan_workers(2, None)[1].pdf_workers == 2  # room left: PDFs still split
    assert batch.plan_workers(None, None) == (8, policy_parse.Limits(pdf_workers=1))
    monkeypatch.setattr(batch, "cpus", lambda: 2)
    assert batch.plan_workers(1, None) == (1, policy_parse.Limits())  # one file: both CPUs


def _script(tmp_path: Path, body: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "run.py"
    script.write_text(
        "import policy_parse\n"
        f"paths = [{str(SAMPLES / 'notice.txt')!r}, {str(SAMPLES / 'family-zone-business-environment.txt')!r}]\n"
        + body,
        "utf-8",
    )
    return subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=False, timeout=300,
        cwd=tmp_path,
    )  # fmt: skip


@pytest.mark.slow
def test_parse_many_in_a_script_without_a_main_guard_fails_with_one_clear_sentence(
    tmp_path: Path,
) -> None:
    body = "print([len(n.measures) for n in policy_parse.parse_many(paths, jobs=2)])\n"
    r = _script(tmp_path, body)
    assert r.returncode != 0 and "[78" not in r.stdout
    last = r.stderr.strip().splitlines()[-1]
    assert last.startswith("RuntimeError: parse_many(jobs>1) starts worker processes")
    assert 'if __name__ == "__main__":' in last and "jobs=1" in last
    # With jobs=1, or under the guard, the same script works.
    ok = _script(tmp_path, body.replace("jobs=2", "jobs=1"))
    assert ok.returncode == 0 and ok.stdout.startswith("[78, "), ok.stderr
    guarded = _script(tmp_path, 'if __name__ == "__main__":\n    ' + body)
    assert guarded.returncode == 0 and guarded.stdout == ok.stdout, guarded.stderr


@pytest.mark.slow
def test_the_dask_recipe_in_docs_batch_md_runs_as_written(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    import re

    doc = (Path(__file__).parent.parent / "docs" / "batch.md").read_text("utf-8")
    section = doc.split("## On a cluster (Dask)")[1].split("\n## ")[0]
    (recipe,) = re.findall(r"```python\n(.*?)```", section, re.DOTALL)
    paths = [str(SAMPLES / "notice.txt"), str(SAMPLES / "family-zone-business-environment.txt")]
    r = _script(tmp_path, f"paths = {paths!r}\n" + recipe)
    assert r.returncode == 0, r.stderr[-2000:]
    # notice.txt has 78 measures; the zone sample 14, written (1)…(n) under its sections.
    assert r.stdout.splitlines() == [f"{p} {n}" for p, n in zip(paths, (78, 14), strict=True)]

"""data/__init__.py: the TOML files and their marshal cache (issue 26).

The cache must give exactly what parsing gives, notice an edit, and never
be needed: an unwritable folder or a value marshal cannot hold leaves the
file parsed each time."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from policy_parse import data

NAMES = sorted(p.stem for p in Path(data._HERE).glob("*.toml"))


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A data folder of one's own, so that the package's cache is untouched."""
    monkeypatch.setattr(data, "_HERE", str(tmp_path))
    monkeypatch.setattr(data, "_CACHE", str(tmp_path / "__pycache__"))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(data, "_BUNDLE", [])  # the package's own bundle, not read
    data.load.cache_clear()
    yield tmp_path
    data.load.cache_clear()


def test_every_data_file_reads_from_its_cache_as_parsed(folder):
    for name in NAMES:
        (folder / f"{name}.toml").write_bytes(
            (Path(data.__file__).parent / f"{name}.toml").read_bytes()
        )
    parsed = {n: tomllib.loads((folder / f"{n}.toml").read_text("utf-8")) for n in NAMES}
    first = {n: data.load(n) for n in NAMES}  # parses, writes the caches
    data.load.cache_clear()
    assert sorted(p.name.split(".")[0] for p in (folder / "__pycache__").iterdir()) == NAMES
    again = {n: data.load(n) for n in NAMES}  # from the caches
    assert first == parsed and again == parsed


def test_an_edited_file_is_parsed_again(folder):
    f = folder / "x.toml"
    f.write_text('words = ["一"]\n', "utf-8")
    assert data.load("x") == {"words": ["一"]}
    data.load.cache_clear()
    f.write_text('words = ["一", "二"]\n', "utf-8")
    assert data.load("x") == {"words": ["一", "二"]}


def test_an_unwritable_cache_or_a_date_still_loads(folder):
    (folder / "__pycache__").write_text("not a folder")  # the cache cannot be made
    (folder / "x.toml").write_text("a = 1\n", "utf-8")
    assert data.load("x") == {"a": 1}
    (folder / "d.toml").write_text("day = 2024-05-01\n", "utf-8")
    assert str(data.load("d")["day"]) == "2024-05-01"  # marshal holds no date


def test_a_damaged_cache_is_parsed_over(folder):
    (folder / "x.toml").write_text("a = 1\n", "utf-8")
    data.load("x")
    (cache,) = (folder / "__pycache__").iterdir()
    cache.write_bytes(cache.read_bytes()[:-3])
    data.load.cache_clear()
    assert data.load("x") == {"a": 1}


def test_a_warm_cache_loads_without_importing_tomllib():
    code = (
        "import sys; from policy_parse.data import load\n"
        "load('units'); print('tomllib' in sys.modules)"
    )
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": ""}
    run = [sys.executable, "-c", code]
    subprocess.run(run, check=True, capture_output=True, env=env)  # writes it if missing
    assert subprocess.check_output(run, text=True, env=env).strip() == "False"


def test_write_caches_writes_one_per_file_even_when_bytecode_is_not_written(folder, monkeypatch):
    for name in ("a", "b"):
        (folder / f"{name}.toml").write_text(f"{name} = 1\n", "utf-8")
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert data.write_caches() == ["a", "b"]
    cached = sorted(p.name.split(".")[0] for p in (folder / "__pycache__").iterdir())
    assert cached == ["a", "b", "data"]  # and the bundle of them all


def _only_bundle(folder: Path) -> None:
    """Every per-file cache removed: what is still served comes from the bundle."""
    for p in (folder / "__pycache__").iterdir():
        if not p.name.startswith("data."):
            p.unlink()


def test_the_warm_up_bundle_serves_every_file_as_parsed(folder, monkeypatch):
    (folder / "x.toml").write_text('words = ["牵头", "配合"]\n', "utf-8")
    (folder / "y.toml").write_text("[t]\nn = 3\n", "utf-8")
    data.write_caches()
    _only_bundle(folder)
    data.load.cache_clear()
    monkeypatch.setattr(sys, "dont_write_bytecode", True)  # nothing new written meanwhile
    monkeypatch.setitem(sys.modules, "tomllib", None)  # parsing would fail
    assert (data.load("x"), data.load("y")) == ({"words": ["牵头", "配合"]}, {"t": {"n": 3}})
    assert [p.name.split(".")[0] for p in (folder / "__pycache__").iterdir()] == ["data"]


def test_a_file_edited_after_the_warm_up_is_parsed_not_taken_from_the_bundle(folder):
    f = folder / "x.toml"
    f.write_text("a = 1\n", "utf-8")
    data.write_caches()
    _only_bundle(folder)
    f.write_text("a = 22\n", "utf-8")  # another size: another stamp
    data.load.cache_clear()
    data._BUNDLE.clear()
    assert data.load("x") == {"a": 22}


def test_a_damaged_bundle_reads_as_none(folder):
    (folder / "x.toml").write_text("a = 1\n", "utf-8")
    data.write_caches()
    _only_bundle(folder)
    (whole,) = (folder / "__pycache__").iterdir()
    for damaged in (whole.read_bytes()[:-5], b"PPBUNDLE2\ndata\n\x00\x01", b""):
        whole.write_bytes(damaged)
        data.load.cache_clear()
        data._BUNDLE.clear()
        assert data.load("x") == {"a": 1}

"""_support/bundle.py: a whole cache in one file, valid under its stamp only."""

from __future__ import annotations

import marshal

from policy_parse._support import bundle


def test_entries_come_back_as_written_under_the_same_stamp(tmp_path):
    path = bundle.path_for(str(tmp_path), "all", "engine 7")
    entries = {("str", r"(?P<n>\d+)、", 0): (1, [2, 3], {"n": 1}), "units": {"w": ["局"]}}
    assert bundle.write(path, "engine 7", entries)
    got = bundle.read(path, "engine 7")
    assert len(got) == 2
    assert got.get(("str", r"(?P<n>\d+)、", 0)) == (1, [2, 3], {"n": 1})
    assert got.get("units") == {"w": ["局"]} and got.get("absent") is None


def test_another_stamp_a_damaged_file_or_none_reads_as_empty(tmp_path):
    path = bundle.path_for(str(tmp_path), "all", "engine 7")
    bundle.write(path, "engine 7", {"a": 1})
    assert len(bundle.read(path, "engine 8")) == 0
    with open(path, "rb") as f:
        body = f.read()
    with open(path, "wb") as f:
        f.write(body[:-4])
    assert len(bundle.read(path, "engine 7")) == 0
    assert len(bundle.read(str(tmp_path / "none.marshal"), "engine 7")) == 0


def test_a_damaged_entry_reads_as_none_and_the_others_still_read(tmp_path):
    path = str(tmp_path / "b.marshal")
    bundle.write(path, "s", {"good": [1, 2]})
    with open(path, "rb") as f:
        head, _, _ = f.read().partition(b"s\n")
    with open(path, "wb") as f:
        f.write(head + b"s\n" + marshal.dumps({"good": marshal.dumps([1, 2]), "bad": b"\x00"}))
    got = bundle.read(path, "s")
    assert got.get("good") == [1, 2] and got.get("bad") is None


def test_a_stamp_names_its_own_file_and_an_unwritable_one_is_no_error(tmp_path):
    assert bundle.path_for("d", "all", "x") != bundle.path_for("d", "all", "y")
    (tmp_path / "f").write_text("a file, not a folder")
    assert not bundle.write(str(tmp_path / "f" / "all.marshal"), "s", {"a": 1})

"""_support/paths.py: a path's text, name and suffix as pathlib gives them,
for any path, odd ones included."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given as for_any
from hypothesis import strategies as st

from policy_parse._support.paths import path_name, path_suffix, path_text

# Pieces a path may be made of: separators alone and doubled, ".", "..",
# names with dots anywhere, spaces, Chinese.
_PIECES = st.sampled_from(
    [
        "/",
        "//",
        "///",
        ".",
        "..",
        "a",
        "b.txt",
        ".hidden",
        "c.",
        "d.tar.gz",
        "通知.pdf",
        " ",
        "x..y",
    ]
)


@pytest.mark.parametrize(
    ("path", "text", "name", "suffix"),
    [
        ("./samples//notice.pdf", "samples/notice.pdf", "notice.pdf", ".pdf"),
        ("out/", "out", "out", ""),
        ("", ".", "", ""),
        ("//share/a.b.", "//share/a.b.", "a.b.", ""),
        ("///x/../.bashrc", "/x/../.bashrc", ".bashrc", ""),
    ],
)
def test_a_path_reads_as_pathlib_reads_it(path: str, text: str, name: str, suffix: str) -> None:
    assert (path_text(path), path_name(path), path_suffix(path)) == (text, name, suffix)


@pytest.mark.skipif(os.name != "posix", reason="elsewhere pathlib itself answers")
@for_any(st.lists(_PIECES, max_size=6))
def test_any_path_gives_what_pathlib_gives(pieces: list[str]) -> None:
    for given in ("".join(pieces), "/".join(pieces)):
        assert path_text(given) == str(Path(given))
        assert path_name(given) == Path(given).name
        assert path_suffix(given) == Path(given).suffix

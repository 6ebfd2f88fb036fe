"""A path is a path (issue 23): a `str` or path-like given to `parse` or
`read_document` is never taken for a notice's text because it holds a line
break or is long; text goes through `parse_text` / `read_text_document`,
which obey the same size limit as a file."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import policy_parse
from golden import SAMPLES
from policy_parse import InputNotFoundError, InputTooLargeError, Limits

NOTICE = SAMPLES / "notice.txt"


@pytest.fixture(scope="module")
def expected() -> dict[str, object]:
    data = policy_parse.to_dict(policy_parse.parse(NOTICE))
    return {"measures": data["measures"], "discrepancies": data["discrepancies"]}


def _same(notice: policy_parse.Notice, expected: dict[str, object]) -> bool:
    data = policy_parse.to_dict(notice)
    return {"measures": data["measures"], "discrepancies": data["discrepancies"]} == expected


def test_a_file_named_after_a_notices_first_lines_is_read_as_that_file(
    tmp_path: Path, expected: dict[str, object]
) -> None:
    first = NOTICE.read_text("utf-8").splitlines()[:2]
    named = tmp_path / ("\n".join(first) + ".txt")
    shutil.copy(NOTICE, named)
    assert "\n" in str(named)
    notice = policy_parse.parse(str(named))
    assert notice.source.path == str(named) and _same(notice, expected)
    assert policy_parse.read_document(str(named)).source.path == str(named)
    # The command line too: the report of the file, its name escaped in messages.
    r = subprocess.run(
        [sys.executable, "-m", "policy_parse", str(named), "--format", "json"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["measures"] == policy_parse.to_dict(notice)["measures"]


def test_a_notice_under_a_path_of_1100_characters_is_read_as_that_file(
    tmp_path: Path, expected: dict[str, object]
) -> None:
    folder = tmp_path
    while len(str(folder)) < 1100:
        folder = folder / ("分工方案" * 20)  # 240 bytes a level: under NAME_MAX
    folder.mkdir(parents=True)
    path = folder / "notice.txt"
    shutil.copy(NOTICE, path)
    assert len(str(path)) > 1100
    assert _same(policy_parse.parse(str(path)), expected)
    assert _same(policy_parse.parse(path), expected)


def test_a_str_holding_a_notices_text_is_a_missing_file_not_a_notice() -> None:
    text = NOTICE.read_text("utf-8")
    with pytest.raises(InputNotFoundError, match="parse_text") as info:
        policy_parse.parse(text)
    assert len(str(info.value)) < 400  # the text is not echoed whole
    with pytest.raises(InputNotFoundError):
        policy_parse.read_document("第一行\n第二行")
    with pytest.raises(InputNotFoundError):
        policy_parse.read_document("x" * 2000)
    with pytest.raises(InputNotFoundError):  # a NUL in a name is no file either
        policy_parse.parse("notice\0.txt")


def test_parse_text_and_bytes_obey_the_input_limit_as_a_file_does(tmp_path: Path) -> None:
    data = NOTICE.read_bytes()
    small = Limits(max_input_bytes=len(data) - 1)
    path = tmp_path / "n.txt"
    path.write_bytes(data)
    for source in (path, str(path), data):
        with pytest.raises(InputTooLargeError):
            policy_parse.parse(source, limits=small)
    text = data.decode("utf-8")
    with pytest.raises(InputTooLargeError, match="max_input_bytes"):
        policy_parse.parse_text(text, limits=small)
    with pytest.raises(InputTooLargeError):
        policy_parse.read_text_document(text, limits=small)
    # Counted in UTF-8 bytes, as the file's: fewer characters than bytes.
    assert len(text) < len(data)
    with pytest.raises(InputTooLargeError):
        policy_parse.parse_text(text, limits=Limits(max_input_bytes=len(text)))
    assert policy_parse.parse_text(text, limits=Limits(max_input_bytes=len(data))).measures
    # The default limit applies without being asked for.
    with pytest.raises(InputTooLargeError):
        policy_parse.parse_text("一" * (Limits().max_input_bytes + 1))

"""Bad input is a typed error and exit 2, never a traceback or exit 3
(issue 23): zips asking for what no Office or OFD file uses, alias files
nested too deeply, an output folder that cannot be made, a web page past
one of libxml2's limits (saying which)."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import policy_parse
from golden import SAMPLES
from policy_parse import AliasFileError, CorruptFileError, InputTooLargeError

NOTICE = str(SAMPLES / "notice.txt")
PACKAGES = ["notice.docx", "notice.xlsx", "notice.ofd"]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policy_parse", *args], capture_output=True, text=True, check=False
    )


def _one_line_exit_2(r: subprocess.CompletedProcess[str]) -> None:
    assert r.returncode == 2, r.stderr
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr, r.stderr


def _rezipped(sample: str, *, version: int | None = None) -> bytes:
    """The sample's package written again, its first member claiming to
    need zip `version` (zipfile knows up to 6.3)."""
    out = io.BytesIO()
    with zipfile.ZipFile(SAMPLES / sample) as src, zipfile.ZipFile(out, "w") as dst:
        for k, info in enumerate(src.infolist()):
            copy = zipfile.ZipInfo(info.filename, info.date_time)
            copy.compress_type = zipfile.ZIP_DEFLATED
            if k == 0 and version is not None:
                copy.extract_version = version
            dst.writestr(copy, src.read(info))
    return out.getvalue()


def _method(data: bytes, method: int) -> bytes:
    """`data` with its first member's compression method (local header and
    central directory) set to `method`."""
    raw = bytearray(data)
    local = raw.index(b"PK\x03\x04")
    central = raw.index(b"PK\x01\x02")
    raw[local + 8 : local + 10] = method.to_bytes(2, "little")
    raw[central + 10 : central + 12] = method.to_bytes(2, "little")
    return bytes(raw)


@pytest.mark.parametrize("sample", PACKAGES)
def test_a_zip_asking_for_an_unknown_version_is_a_damaged_file(sample: str, tmp_path: Path) -> None:
    assert policy_parse.parse(_rezipped(sample)).measures  # the rewrite itself reads
    data = _rezipped(sample, version=99)
    with pytest.raises(CorruptFileError, match="zip"):
        policy_parse.parse(data)
    path = tmp_path / sample
    path.write_bytes(data)
    _one_line_exit_2(cli(str(path)))


@pytest.mark.parametrize("sample", PACKAGES)
@pytest.mark.parametrize("method", [12, 14, 99])  # bzip2, lzma: zipfile reads them, OPC does not
def test_a_zip_asking_for_another_compression_method_is_a_damaged_file(
    sample: str, method: int
) -> None:
    with pytest.raises(CorruptFileError, match="compression method"):
        policy_parse.parse(_method(_rezipped(sample), method))


def test_an_alias_file_nested_too_deeply_is_an_alias_file_error(tmp_path: Path) -> None:
    deep = tmp_path / "deep.toml"
    deep.write_text('[departments]\n"甲" = ' + "[" * 100_000 + "]" * 100_000 + "\n")
    with pytest.raises(AliasFileError, match="nested too deeply"):
        policy_parse.load_aliases(deep)
    r = cli(NOTICE, "--aliases", str(deep), "--lang", "en")
    _one_line_exit_2(r)
    assert "nested too deeply" in r.stderr


def test_an_alias_file_too_large_to_be_one_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from policy_parse import aliases

    big = tmp_path / "big.toml"
    big.write_text('[departments]\n"甲" = ["乙"]\n' + "#" * 2000 + "\n")
    monkeypatch.setattr(aliases, "MAX_ALIAS_BYTES", 1000)
    with pytest.raises(AliasFileError, match="over 1000"):
        policy_parse.load_aliases(big)


def test_an_output_folder_that_cannot_be_created_is_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    r = cli(NOTICE, NOTICE, "-o", str(blocker / "out"))
    _one_line_exit_2(r)
    assert "cannot create the output folder" in r.stderr


def test_a_web_page_with_a_text_run_over_libxml2s_limit_says_so() -> None:
    page = "<html><body><p>1.推进工作。（市发改委负责）</p><p>{}</p></body></html>"
    data = page.format("甲" * 3_400_000).encode("utf-8")  # 10.2 MB in one text node
    with pytest.raises(InputTooLargeError, match="10 000 000 bytes") as info:
        policy_parse.read_document(data)
    assert "nest" not in str(info.value)
    deep = ("<div>" * 300 + "1.推进工作。" + "</div>" * 300).encode("utf-8")
    with pytest.raises(InputTooLargeError, match="256 levels"):
        policy_parse.read_document(deep)

"""Legacy .doc/.wps/.rtf/.xls through LibreOffice (read/legacy.py).

Tests marked `needs_soffice` skip on a machine without LibreOffice and fail
in CI (which installs it, .ci/run) rather than pass unseen.  The timeout and
missing-LibreOffice paths use a stand-in `soffice` script and always run.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from policy_parse.errors import LegacyFormatError, PolicyParseError
from policy_parse.models import Format
from policy_parse.read import Limits, detect_format, read_document
from policy_parse.read.legacy import ConversionFailedError, ConversionTimeoutError

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def need_soffice() -> None:
    if shutil.which("soffice"):
        return
    if os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) must be installed in CI (.ci/run)")
    pytest.skip("soffice not on PATH")


def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> Path:
    """Put a stand-in `soffice` first on PATH; returns the folder it lives in."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    exe = bin_dir / "soffice"
    exe.write_text("#!/bin/sh\n" + script)
    exe.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    return bin_dir


# ---------------------------------------------------------------------------
# Detection: RTF is never text, whatever its name


@pytest.mark.parametrize("name", ["notice.rtf", "notice.doc", "notice.txt", "notice"])
def test_rtf_is_detected_by_content_whatever_its_name(name: str) -> None:
    assert detect_format(b"{\\rtf1\\ansi\\deff0 {\\fonttbl}}", name) is Format.RTF


def test_a_word_97_file_is_doc_and_an_excel_97_file_is_xls() -> None:
    assert detect_format((SAMPLES / "notice.doc").read_bytes()) is Format.DOC
    fake_xls = OLE + b"\x00" * 504 + "Workbook".encode("utf-16-le") + b"\x00\x00"
    assert detect_format(fake_xls) is Format.XLS


# ---------------------------------------------------------------------------
# Without LibreOffice, or when it misbehaves (stand-ins; always run)


@pytest.mark.parametrize(
    ("sample", "package"),
    [("notice.doc", "libreoffice-writer-nogui"), ("notice.rtf", "libreoffice-writer-nogui")],
)
def test_without_libreoffice_the_error_names_what_to_install(
    sample: str, package: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(LegacyFormatError, match=package):
        read_document(SAMPLES / sample)


def test_a_hanging_conversion_is_killed_at_the_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid_file = tmp_path / "pid"
    fake_soffice(tmp_path, monkeypatch, f"echo $$ > {pid_file}\nexec sleep 60\n")
    start = time.monotonic()
    with pytest.raises(ConversionTimeoutError, match="legacy_seconds"):
        read_document(SAMPLES / "notice.doc", limits=Limits(legacy_seconds=1))
    assert time.monotonic() - start < 10
    pid = int(pid_file.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # the hung converter is gone, not left running


def test_a_conversion_that_writes_nothing_is_a_typed_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_soffice(tmp_path, monkeypatch, "echo 'Error: source file could not be loaded' >&2\n")
    with pytest.raises(ConversionFailedError, match="could not be loaded"):
        read_document(SAMPLES / "notice.rtf")


def test_the_converter_gets_a_private_profile_and_no_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "args"
    fake_soffice(tmp_path, monkeypatch, f'echo "$@" > {log}\nenv >> {log}\n')
    with pytest.raises(ConversionFailedError):
        read_document(SAMPLES / "notice.doc")
    seen = log.read_text()
    assert "-env:UserInstallation=file:///" in seen and "--headless" in seen
    assert "http_proxy=http://127.0.0.1:9" in seen


def test_the_profile_routes_libreoffice_s_own_fetching_to_a_closed_port(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "settings.xcu"
    script = (
        'for a in "$@"; do case "$a" in -env:UserInstallation=file://*) '
        f'cp "${{a#-env:UserInstallation=file://}}/user/registrymodifications.xcu" {copy};; '
        "esac; done\n"
    )
    fake_soffice(tmp_path, monkeypatch, script)
    with pytest.raises(ConversionFailedError):
        read_document(SAMPLES / "notice.doc")
    settings = copy.read_text()
    assert '"ooInetProxyType" oor:op="fuse"><value>1<' in settings
    assert '"ooInetHTTPProxyPort" oor:op="fuse"><value>9<' in settings
    assert '"MacroSecurityLevel" oor:op="fuse"><value>3<' in settings


# ---------------------------------------------------------------------------
# With LibreOffice


def test_a_real_conversion_past_its_time_limit_is_a_typed_error() -> None:
    need_soffice()
    with pytest.raises(ConversionTimeoutError):
        read_document(SAMPLES / "notice.doc", limits=Limits(legacy_seconds=0.05))


def test_a_doc_named_docx_and_an_rtf_named_doc_are_read_as_what_they_are(tmp_path: Path) -> None:
    need_soffice()
    doc = tmp_path / "notice.docx"
    doc.write_bytes((SAMPLES / "notice.doc").read_bytes())
    rtf = tmp_path / "notice.doc"
    rtf.write_bytes((SAMPLES / "notice.rtf").read_bytes())
    for path, fmt in ((doc, Format.DOC), (rtf, Format.RTF)):
        document = read_document(path)
        assert document.source.format is fmt
        assert any("分工方案" in t for t in document.texts())
        assert not any("\\rtf" in t or "\\par" in t for t in document.texts())


def test_garbage_in_an_ole_container_is_a_typed_error() -> None:
    need_soffice()
    with pytest.raises(ConversionFailedError):
        read_document(OLE + b"\x00" * 4096)


@pytest.mark.parametrize("sample", ["notice.doc", "notice.rtf"])
def test_a_truncated_legacy_file_is_an_error_or_its_first_part(sample: str) -> None:
    need_soffice()
    data = (SAMPLES / sample).read_bytes()
    try:
        document = read_document(data[: len(data) // 2])
    except PolicyParseError:
        return
    full = read_document(SAMPLES / sample)
    assert len(document.texts()) <= len(full.texts())


def test_a_wps_file_is_read_as_the_word_file_it_is(tmp_path: Path) -> None:
    # Kingsoft WPS writes the Word 97 binary format under .wps.
    need_soffice()
    p = tmp_path / "notice.wps"
    p.write_bytes((SAMPLES / "notice.doc").read_bytes())
    document = read_document(p)
    assert document.source.format is Format.DOC
    assert document.blocks == read_document(SAMPLES / "notice.doc").blocks


def test_an_xls_is_converted_and_read_as_the_table_of_the_xlsx() -> None:
    need_soffice()
    document = read_document((SAMPLES / "notice.xls").read_bytes())
    assert document.source.format is Format.XLS
    assert document.blocks == read_document(SAMPLES / "notice.xlsx").blocks

"""Legacy .doc/.wps/.xls through LibreOffice (read/legacy.py), and .rtf when
POLICY_PARSE_RTF=libreoffice asks for it (read/rtf reads .rtf otherwise).
Every test here sets POLICY_PARSE_DOC=libreoffice: a .doc is read natively
otherwise (read/doc, tests/read/doc/), and this file tests the conversion.

Tests marked `needs_soffice` skip on a machine without LibreOffice and fail
in CI (which installs it, .ci/run) rather than pass unseen.  The timeout and
missing-LibreOffice paths use a stand-in `soffice` script and always run.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from policy_parse.errors import InputTooLargeError, LegacyFormatError, PolicyParseError
from policy_parse.models import Format
from policy_parse.read import Limits, detect_format, read_document
from policy_parse.read.legacy import ConversionFailedError, ConversionTimeoutError

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.fixture(autouse=True)
def _libreoffice_reads_doc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICY_PARSE_DOC", "libreoffice")


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
    monkeypatch.setenv("POLICY_PARSE_RTF", "libreoffice")  # .rtf: the escape hatch
    with pytest.raises(LegacyFormatError, match=package):
        read_document(SAMPLES / sample)


def test_an_rtf_is_read_without_libreoffice_unless_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice to be found
    document = read_document(SAMPLES / "notice.rtf")
    assert document.source.format is Format.RTF
    assert any("分工方案" in t for t in document.texts())


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
        read_document(SAMPLES / "notice.doc")


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


@pytest.mark.parametrize("route", ["libreoffice", "native"])
def test_a_wps_file_is_read_as_the_word_file_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, route: str
) -> None:
    if route == "native":
        monkeypatch.delenv("POLICY_PARSE_DOC")
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


# ---------------------------------------------------------------------------
# The converter never outlives its caller, and never gets more memory than it


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting to be reaped."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


def _caller(tmp_path: Path, code: str, **popen: object) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PATH": f"{tmp_path / 'bin'}:/usr/bin:/bin", "TMPDIR": str(tmp_path)}
    return subprocess.Popen(
        [sys.executable, "-c", code],
        env=env,
        stderr=subprocess.PIPE,
        **popen,  # type: ignore[call-overload]
    )


def _wait_for(check: Callable[[], bool], seconds: float = 60) -> bool:
    """Poll `check` until it holds (True) or `seconds` pass (False)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return check()


_PROC = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="Linux's /proc")


@_PROC
def test_a_killed_caller_leaves_no_converter_or_its_children_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pids = tmp_path / "pids"
    # A converter that starts a child of its own and then hangs.
    fake_soffice(
        tmp_path, monkeypatch, f"sleep 300 &\necho $! >> {pids}\necho $$ >> {pids}\nwait\n"
    )
    caller = _caller(
        tmp_path,
        "from policy_parse.read import read_document; "
        f"read_document({str(SAMPLES / 'notice.doc')!r})",
    )
    try:
        assert _wait_for(lambda: pids.exists() and len(pids.read_text().split()) == 2)
        started = [int(p) for p in pids.read_text().split()]
        assert all(_running(p) for p in started)
    finally:
        caller.kill()  # SIGKILL: no cleanup code of the caller runs
        caller.wait()
    assert _wait_for(lambda: not any(_running(p) for p in started)), started


@_PROC
def test_a_killed_caller_leaves_no_libreoffice_running(tmp_path: Path) -> None:
    need_soffice()

    def ours() -> list[int]:  # LibreOffice processes working in this test's folder
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit() and _running(int(entry.name)):
                try:
                    cmd = (entry / "cmdline").read_bytes()
                except OSError:
                    continue
                if b"office" in cmd and str(tmp_path).encode() in cmd:
                    found.append(int(entry.name))
        return found

    (tmp_path / "bin").mkdir()
    caller = _caller(
        tmp_path,
        "from policy_parse.read import read_document, Limits; "
        f"read_document({str(SAMPLES / 'notice.doc')!r}, limits=Limits(legacy_seconds=300))",
    )
    try:
        assert _wait_for(lambda: bool(ours()) or caller.poll() is not None)
    finally:
        caller.kill()
        caller.wait()
    assert _wait_for(lambda: not ours()), ours()


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_AS")
def test_the_memory_cap_is_never_above_the_callers_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = tmp_path / "ulimit"
    fake_soffice(tmp_path, monkeypatch, f"ulimit -v > {seen}\n")
    code = (
        "import resource; from policy_parse.read import read_document, Limits; "
        "from policy_parse.read.legacy import ConversionFailedError\n"
        "lim = 1536 << 20\n"
        "resource.setrlimit(resource.RLIMIT_AS, (lim, lim))\n"
        "for cap in (None, 1 << 30):\n"
        "    limits = Limits() if cap is None else Limits(legacy_memory_bytes=cap)\n"
        "    try:\n"
        f"        read_document({str(SAMPLES / 'notice.doc')!r}, limits=limits)\n"
        "    except ConversionFailedError:\n"
        f"        print(open({str(seen)!r}).read().strip(), flush=True)\n"
    )
    caller = _caller(tmp_path, code, stdout=subprocess.PIPE)
    out, err = caller.communicate(timeout=120)
    # The default cap (2 GiB) is over the caller's 1.5 GiB: the converter
    # runs under 1.5 GiB, not refused outright; a lower cap is kept.
    assert out.decode().split() == [str(1536 << 10), str(1 << 20)], err.decode()


def test_a_converter_out_of_memory_is_reported_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_soffice(
        tmp_path, monkeypatch, "echo 'terminate called: std::bad_alloc' >&2\nkill -ABRT $$\n"
    )
    with pytest.raises(InputTooLargeError, match="legacy_memory_bytes") as info:
        read_document(SAMPLES / "notice.doc")
    assert not isinstance(info.value, ConversionFailedError)


# ---------------------------------------------------------------------------
# A batch: one LibreOffice run for all its legacy files (stand-ins; always run)

# A stand-in that "converts" each input by copying the sample .docx, the way
# LibreOffice names its outputs (<stem>.docx in --outdir), logs every start,
# and misbehaves on inputs that ask it to: BAD is not loadable, HANG hangs.
_BATCH_SOFFICE = """echo start >> {log}
prev=""; out=""
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done
for a in "$@"; do
  case "$a" in
    *.doc|*.rtf)
      grep -q HANG "$a" && exec sleep 60
      if grep -q BAD "$a"; then echo "Error: source file could not be loaded" >&2; continue; fi
      n=$(basename "$a"); cp {docx} "$out/${{n%.*}}.docx";;
  esac
done
"""


def _batch_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    log = tmp_path / "starts"
    fake_soffice(
        tmp_path, monkeypatch, _BATCH_SOFFICE.format(log=log, docx=SAMPLES / "notice.docx")
    )
    return log


def _docs(folder: Path, words: list[str]) -> list[str]:
    """Stand-in Word 97 files (a Compound File naming its WordDocument
    stream), each with a word the stand-in converter reacts to."""
    folder.mkdir()
    paths = []
    for k, word in enumerate(words):
        p = folder / f"{k}.doc"
        head = OLE + b"\x00" * 504 + "WordDocument".encode("utf-16-le")
        p.write_bytes(head + f" notice {k} {word}".encode())
        paths.append(str(p))
    return paths


def test_a_batch_leaves_its_rtf_files_to_the_native_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, prepared: Path
) -> None:
    from policy_parse.read import legacy

    log = _batch_soffice(tmp_path, monkeypatch)
    folder = tmp_path / "in"
    folder.mkdir()
    rtf = folder / "notice.rtf"
    rtf.write_bytes((SAMPLES / "notice.rtf").read_bytes())
    assert legacy.prepare_batch([str(rtf)], str(prepared), Limits()) == 0
    assert not log.exists()  # LibreOffice never started
    monkeypatch.setenv("POLICY_PARSE_RTF", "libreoffice")
    assert legacy.prepare_batch([str(rtf)], str(prepared), Limits()) == 1


def test_a_batch_leaves_its_word_97_files_to_the_native_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, prepared: Path
) -> None:
    """Without POLICY_PARSE_DOC=libreoffice (this file's default) a .doc the
    native reader takes (read/doc) starts no LibreOffice in a batch; one it
    declines (a container olefile cannot open) is still converted."""
    from policy_parse.read import legacy

    monkeypatch.delenv("POLICY_PARSE_DOC")
    log = _batch_soffice(tmp_path, monkeypatch)
    folder = tmp_path / "in"
    folder.mkdir()
    doc = folder / "notice.doc"
    doc.write_bytes((SAMPLES / "notice.doc").read_bytes())
    assert legacy.prepare_batch([str(doc)], str(prepared), Limits()) == 0
    assert not log.exists()  # LibreOffice never started
    declined = _docs(tmp_path / "declined", ["fine"])
    assert legacy.prepare_batch(declined, str(prepared), Limits()) == 1


@pytest.fixture
def prepared(tmp_path: Path):
    from policy_parse.read import legacy

    folder = tmp_path / "converted"
    folder.mkdir()
    yield folder
    legacy.use_prepared(None)


def test_a_batch_converts_its_legacy_files_in_one_libreoffice_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, prepared: Path
) -> None:
    from policy_parse.read import legacy

    log = _batch_soffice(tmp_path, monkeypatch)
    paths = _docs(tmp_path / "in", ["a", "b", "c"])
    assert legacy.prepare_batch(paths, str(prepared), Limits()) == 3
    assert log.read_text().count("start") == 1
    legacy.use_prepared(str(prepared))
    (tmp_path / "x").mkdir()
    fake_soffice(tmp_path / "x", monkeypatch, "exit 1\n")  # no converter left to run
    for p in paths:
        document = read_document(p)
        assert document.source.format is Format.DOC and document.source.path == p
        assert document.blocks  # the sample .docx's content, converted in the batch


def test_a_file_the_batch_run_could_not_convert_fails_alone_with_its_own_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, prepared: Path
) -> None:
    from policy_parse.read import legacy

    log = _batch_soffice(tmp_path, monkeypatch)
    paths = _docs(tmp_path / "in", ["a", "BAD", "c"])
    assert legacy.prepare_batch(paths, str(prepared), Limits()) == 2
    legacy.use_prepared(str(prepared))
    assert read_document(paths[0]).blocks and read_document(paths[2]).blocks
    with pytest.raises(ConversionFailedError, match="could not be loaded"):
        read_document(paths[1])  # converted alone again: the single file's error
    assert log.read_text().count("start") == 2


def test_a_file_that_stalls_the_batch_run_is_left_alone_and_the_rest_converted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, prepared: Path
) -> None:
    from policy_parse.read import legacy

    log = _batch_soffice(tmp_path, monkeypatch)
    paths = _docs(tmp_path / "in", ["a", "HANG", "c", "d"])
    limits = Limits(legacy_seconds=1)
    assert legacy.prepare_batch(paths, str(prepared), limits) == 3
    assert log.read_text().count("start") == 2  # stopped at HANG, started again after it
    legacy.use_prepared(str(prepared))
    assert all(read_document(p, limits=limits).blocks for p in paths[2:])
    with pytest.raises(ConversionTimeoutError):
        read_document(paths[1], limits=limits)  # alone, within its own time limit


def test_the_batch_command_starts_libreoffice_once_for_its_legacy_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from policy_parse.__main__ import main

    log = _batch_soffice(tmp_path, monkeypatch)
    _docs(tmp_path / "in", ["a", "b", "BAD"])
    out = tmp_path / "out"
    status = main([str(tmp_path / "in"), "-o", str(out), "--jobs", "1", "--quiet", "--lang", "en"])
    assert status == 2  # the BAD file
    rows = list(csv.DictReader((out / "summary.csv").read_text("utf-8-sig").splitlines()))
    assert [(r["code"], r["measures"]) for r in rows] == [
        ("ok", "78"),
        ("ok", "78"),
        ("legacy-format", "0"),
    ]
    assert "could not be loaded" in rows[2]["message"]
    assert log.read_text().count("start") == 2  # the batch run, then BAD alone
    assert not list(tmp_path.glob("policy_parse-lo-batch-*"))

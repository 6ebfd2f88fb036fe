"""Outputs are written whole or not at all (issue 23): a temporary file in
the target's folder, renamed over the target once every byte is on disk;
on any failure the temporary file is gone and an older output untouched."""

from __future__ import annotations

import errno
import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from golden import SAMPLES
from policy_parse.__main__ import main
from policy_parse._support import atomic

NOTICE = str(SAMPLES / "notice.txt")
ZONE = str(SAMPLES / "family-zone-business-environment.txt")


def _full_disk_after(budget: int):  # type: ignore[no-untyped-def]
    """A write that puts `budget` bytes on the disk in all, then fails as a
    full disk does: part of the data written, then ENOSPC."""
    left = [budget]
    real = atomic._write_all

    def write(fd: int, data: bytes) -> None:
        n = min(left[0], len(data))
        left[0] -= n
        real(fd, data[:n])
        if n < len(data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    return write


def test_write_atomic_replaces_a_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    atomic.write_atomic(target, b"new report")
    assert target.read_bytes() == b"new report"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_a_new_output_gets_the_usual_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic.write_atomic(tmp_path / "a.txt", b"x")
    finally:
        os.umask(old)
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o644


def test_a_failed_write_keeps_the_old_output_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"an earlier good report")
    monkeypatch.setattr(atomic, "_write_all", _full_disk_after(5))
    with pytest.raises(OSError) as info:
        atomic.write_atomic(target, b"a new report, longer than five bytes")
    assert info.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"an earlier good report"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_an_interrupted_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(fd: int, data: bytes) -> None:
        os.write(fd, data[:3])
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic, "_write_all", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_atomic(tmp_path / "out.json", b"a report")
    assert list(tmp_path.iterdir()) == []


def test_the_cli_on_a_full_disk_keeps_the_earlier_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.json"
    assert main([NOTICE, "--format", "json", "-o", str(out), "--lang", "en"]) == 0
    good = out.read_bytes()
    monkeypatch.setattr(atomic, "_write_all", _full_disk_after(100))
    capsys.readouterr()
    assert main([NOTICE, "--format", "json", "-o", str(out), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no space left on the device" in err and str(out) in err
    assert out.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_batch_onto_a_full_disk_says_so_and_leaves_no_empty_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main([NOTICE, ZONE, "-o", str(out), "--jobs", "1", "--quiet", "--lang", "en"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert sorted(before) == [
        "family-zone-business-environment.txt.txt", "notice.txt.txt", "summary.csv",
    ]  # fmt: skip
    capsys.readouterr()
    monkeypatch.setattr(atomic, "_write_all", _full_disk_after(0))
    assert main([NOTICE, ZONE, "-o", str(out), "--jobs", "1", "--quiet", "--lang", "en"]) == 2
    err = capsys.readouterr().err.splitlines()
    # One line per output not written, and one for the summary, each naming the cause.
    assert len(err) == 3, err
    assert all("no space left on the device" in line for line in err)
    assert "notice.txt" in err[0] and "family-zone" in err[1] and "summary.csv" in err[2]
    # Every earlier output is as it was; no empty or temporary file is left.
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_batch_where_only_some_outputs_fail_lists_them_in_the_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    import policy_parse

    report = policy_parse.to_text(policy_parse.parse(NOTICE), lang="en").encode("utf-8")
    # Room for notice.txt's report and not for the zone's (826 bytes) after it.
    monkeypatch.setattr(atomic, "_write_all", _full_disk_after(len(report) + 400))
    assert main([NOTICE, ZONE, "-o", str(out), "--jobs", "1", "--quiet", "--lang", "en"]) == 2
    # No empty or half file of the zone's report or of the summary.
    assert sorted(p.name for p in out.iterdir()) == ["notice.txt.txt"]
    assert (out / "notice.txt.txt").read_bytes() == report
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and "family-zone" in err[0] and "summary.csv" in err[1], err


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="no RLIMIT_FSIZE")
def test_a_file_size_limit_in_a_real_process_keeps_the_earlier_report(tmp_path: Path) -> None:
    # A real kernel refusal (EFBIG under RLIMIT_FSIZE, with SIGXFSZ ignored),
    # not a patched write.
    out = tmp_path / "report.json"
    shutil.copy(NOTICE, tmp_path / "n.txt")
    first = subprocess.run(
        [sys.executable, "-m", "policy_parse", str(tmp_path / "n.txt"), "--format", "json",
         "-o", str(out)], check=False, capture_output=True,
    )  # fmt: skip
    assert first.returncode == 0, first.stderr
    good = out.read_bytes()

    def limit() -> None:  # runs in the child before exec
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    r = subprocess.run(
        [sys.executable, "-m", "policy_parse", str(tmp_path / "n.txt"), "--format", "json",
         "-o", str(out)], check=False, capture_output=True, text=True, preexec_fn=limit,
    )  # fmt: skip
    assert r.returncode == 2 and r.stderr.count("\n") == 1, r.stderr
    assert "File too large" in r.stderr and "Traceback" not in r.stderr
    assert out.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.txt", "report.json"]


def test_a_device_or_pipe_output_is_written_in_place(tmp_path: Path) -> None:
    # /dev/stdout and FIFOs cannot be renamed over: they are opened and written.
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    atomic.write_atomic(fifo, b"through the pipe")
    assert reader.communicate()[0] == b"through the pipe"
    assert fifo.is_fifo()


def test_a_symlinked_output_replaces_the_file_it_points_at(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(b"old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    atomic.write_atomic(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_pieces_are_written_in_order_and_a_failure_while_making_them_keeps_the_old_output(
    tmp_path: Path,
) -> None:
    target = tmp_path / "out.json"
    atomic.write_atomic(target, iter([b"{", b'"a": 1', b"}"]))
    assert target.read_bytes() == b'{"a": 1}'

    def broken():  # type: ignore[no-untyped-def]
        yield b"half of a new "
        raise RuntimeError("the emitter failed")

    with pytest.raises(RuntimeError):
        atomic.write_atomic(target, broken())
    assert target.read_bytes() == b'{"a": 1}'
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]

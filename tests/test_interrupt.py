"""Ctrl-C in a batch (issue 23): it stops promptly, writes summary.csv for
what finished with the rest marked `interrupted`, leaves no partial output
and no process behind, and exits 130, the same way every time."""

from __future__ import annotations

import csv
import fcntl
import io
import json
import os
import pty
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

import policy_parse
from golden import SAMPLES

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="POSIX signals and Linux's /proc"
)

FILES = 40


def _inputs(folder: Path, *, pdf: bool, count: int = FILES) -> list[str]:
    folder.mkdir()
    names = []
    for k in range(count):
        sample = "notice.pdf" if pdf and k % 2 else "notice.txt"
        name = f"n{k:02d}{Path(sample).suffix}"
        shutil.copy(SAMPLES / sample, folder / name)
        names.append(name)
    return names


def _session(sid: int) -> list[str]:
    """Processes (pid and command) of the session `sid`, zombies included."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[3]) == sid:  # state ppid pgrp session
            found.append(f"{entry.name} {fields[0]} ppid={fields[1]} {cmd}")
    return found


def _interrupt_batch(tmp_path: Path, jobs: str, *, pdf: bool = False, group: bool = True):  # type: ignore[no-untyped-def]
    src, out = tmp_path / "in", tmp_path / "out"
    names = _inputs(src, pdf=pdf)
    proc = subprocess.Popen(
        [sys.executable, "-m", "policy_parse", str(src), "-o", str(out), "--jobs", jobs,
         "--lang", "en"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    # Wait for the first finished output: the workers are busy by then.
    reports = []
    while not reports and proc.poll() is None:
        reports = [p for p in out.glob("n*") if not p.name.startswith(".")] if out.exists() else []
        time.sleep(0.05)
    seen = len(reports)
    assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
    if group:  # Ctrl-C at a terminal: the whole foreground process group
        os.killpg(proc.pid, signal.SIGINT)
    else:
        os.kill(proc.pid, signal.SIGINT)
    try:
        _, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    return proc.returncode, stderr.decode(), out, names, seen, proc.pid


def _check(tmp_path: Path, jobs: str, **kwargs: bool) -> None:
    code, err, out, names, seen, sid = _interrupt_batch(tmp_path, jobs, **kwargs)
    assert code == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    lines = err.splitlines()
    assert len(lines) == 1 and "interrupted" in lines[0] and "summary.csv" in lines[0], err
    assert _session(sid) == []  # no worker, page worker or zombie left behind
    text = (out / "summary.csv").read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [Path(r["file"]).name for r in rows] == names
    status = [r["status"] for r in rows]
    assert set(status) <= {"ok", "interrupted"}, status
    ok = [Path(r["file"]).name for r in rows if r["status"] == "ok"]
    # Promptly: no new work after Ctrl-C; what ran was cancelled, or had
    # just finished.  `seen` is counted a few milliseconds before the signal
    # lands, and a sample notice takes about as long on an idle machine, so a
    # worker may finish one file in that window and one more while it is
    # told: at most two files a worker past what was seen, and far from all.
    assert seen <= len(ok) <= seen + 2 * int(jobs) + 1, (seen, ok)
    assert len(ok) < FILES // 2, ok
    assert "interrupted" in status
    # Exactly the finished files have outputs, each whole; nothing else.
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{n}.txt" for n in ok] + ["summary.csv"]
    )
    for n in ok:
        whole = policy_parse.to_text(policy_parse.parse(tmp_path / "in" / n), lang="en")
        assert (out / f"{n}.txt").read_text("utf-8") == whole
    first = next(r for r in rows if r["status"] == "interrupted")
    assert first["message"] and first["measures"] == "0"


def test_ctrl_c_stops_a_batch_of_worker_processes(tmp_path: Path) -> None:
    _check(tmp_path, "2")


def test_ctrl_c_stops_a_batch_reading_pdfs_with_page_workers(tmp_path: Path) -> None:
    _check(tmp_path, "2", pdf=True)


def test_sigint_to_the_parent_alone_stops_it_the_same_way(tmp_path: Path) -> None:
    _check(tmp_path, "2", pdf=True, group=False)


def test_ctrl_c_stops_a_batch_run_in_one_process(tmp_path: Path) -> None:
    _check(tmp_path, "1", pdf=True)


class _Dies:
    """Unpickled in a worker, ends it on the spot (as the OOM killer would)."""

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (os._exit, (3,))


def test_a_worker_that_dies_is_one_internal_row_and_the_rest_go_on(tmp_path: Path) -> None:
    from policy_parse.interrupts import Stop, WorkerPool

    def task(k: int, **extra: object) -> tuple[object, ...]:
        return (str(SAMPLES / "notice.txt"), str(tmp_path / f"{k}.json"), "json", "zh", None,
                dict(extra))  # fmt: skip

    tasks = [task(0), task(1, dies=_Dies()), task(2), task(3)]
    done: dict[int, dict[str, object]] = {}
    pool = WorkerPool(2)
    with Stop() as stop:
        try:
            finished = sorted(pool.run(tasks, done, stop))
        finally:
            pool.close(done)
    assert finished == [0, 1, 2, 3]
    assert [done[k]["status"] for k in range(4)] == ["ok", "internal", "ok", "ok"]
    assert "exit 3" in str(done[1]["message"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0.json", "2.json", "3.json"]


# --- --combine: the same promises, and --resume goes on from where it stopped

COMBINED = 16  # files: each combined case runs three times over them


def _until_done(fd: int, files: int, at_least: int) -> str:
    """Read the progress bar (a terminal on `fd`) until `at_least` files are
    done; what it showed."""
    seen, deadline = "", time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            seen += os.read(fd, 4096).decode(errors="replace")
        done = [int(n) for n in re.findall(rf"(\d+)/{files}", seen)]
        if done and max(done) >= at_least:
            return seen
    raise AssertionError(f"no progress: {seen!r}")


def _rest(fd: int) -> str:
    out = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the other end is closed
            break
        if not chunk:
            break
        out += chunk
    return out.decode(errors="replace")


@pytest.mark.parametrize("jobs", ["2", "1"])
def test_ctrl_c_stops_a_combined_run_and_resume_finishes_it(tmp_path: Path, jobs: str) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    names = _inputs(src, pdf=False, count=COMBINED)
    target = out / "all.csv"
    command = [sys.executable, "-m", "policy_parse", str(src), "--combine", "-o", str(target),
               "--jobs", jobs, "--lang", "en"]  # fmt: skip
    # stderr a terminal: the progress bar says when files are done.
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # 0 wide: no bar
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=slave, start_new_session=True)
    os.close(slave)
    try:
        seen = max(
            int(n) for n in re.findall(rf"(\d+)/{COMBINED}", _until_done(master, COMBINED, 2))
        )
        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=120)
        err = _rest(master)
    finally:
        os.close(master)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    lines = [line for line in re.split(r"[\r\n]+", err) if line.strip() and "files [" not in line]
    assert len(lines) == 1 and "interrupted" in lines[0] and "summary.csv" in lines[0], err
    assert _session(proc.pid) == []  # no worker or zombie left behind
    # No combined output: it would lack the files not read.  The summary
    # and the parts that finished, for --resume.
    assert sorted(p.name for p in out.iterdir()) == [".all.csv.parts.jsonl", "all.summary.csv"]
    rows = list(csv.DictReader(io.StringIO((out / "all.summary.csv").read_text("utf-8")[1:])))
    assert [Path(r["file"]).name for r in rows] == names
    codes = [r["code"] for r in rows]
    assert set(codes) == {"ok", "interrupted"}, codes
    ok = [r["file"] for r in rows if r["code"] == "ok"]
    assert seen <= len(ok) <= seen + 2 * int(jobs) + 1, (seen, ok)
    assert all(r["output"] == "" for r in rows)
    parts = (out / ".all.csv.parts.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(line)["file"] for line in parts] == ok
    # --resume reads only the rest, and writes what a run from scratch writes.
    resumed = subprocess.run([*command, "--resume"], capture_output=True, text=True, check=False)
    assert resumed.returncode == 0, resumed.stderr
    rows = list(csv.DictReader(io.StringIO((out / "all.summary.csv").read_text("utf-8")[1:])))
    again = {r["file"]: r["code"] for r in rows}
    assert {f for f, c in again.items() if c == "unchanged"} == set(ok)
    assert {f for f, c in again.items() if c == "ok"} == {str(src / n) for n in names} - set(ok)
    fresh = tmp_path / "fresh" / "all.csv"
    subprocess.run([*command[:6], str(fresh), "--lang", "en"], check=True, capture_output=True)
    for name in ("all.csv", "all.findings.csv", "all.departments.csv", "all.notices.csv"):
        assert (out / name).read_text("utf-8") == (fresh.parent / name).read_text("utf-8"), name


class _Stuck:
    """Unpickled in a worker, blocks it as a long C call would: asleep, and
    with `deaf` deaf to SIGTERM too."""

    def __init__(self, deaf: bool) -> None:
        self.deaf = deaf

    def __reduce__(self):  # type: ignore[no-untyped-def]
        block = "signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM}); " if self.deaf else ""
        return (exec, (f"import signal, time; {block}time.sleep(600)",))


def test_a_worker_stuck_past_the_timeout_is_stopped_and_its_file_is_a_timeout(
    tmp_path: Path,
) -> None:
    from policy_parse.interrupts import Stop, WorkerPool

    def task(k: int, **extra: object) -> tuple[object, ...]:
        return (str(SAMPLES / "notice.txt"), str(tmp_path / f"{k}.json"), "json", "en", None,
                dict(extra))  # fmt: skip

    tasks = [task(0), task(1, stuck=_Stuck(False)), task(2, stuck=_Stuck(True)), task(3)]
    done: dict[int, dict[str, object]] = {}
    pool = WorkerPool(2, seconds=0.5)
    with Stop() as stop:
        try:
            finished = sorted(pool.run(tasks, done, stop))
        finally:
            pool.close(done)
    assert finished == [0, 1, 2, 3]
    assert [done[k]["status"] for k in range(4)] == ["ok", "timeout", "timeout", "ok"]
    assert "over --timeout 0.5 s" in str(done[2]["message"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0.json", "3.json"]
    assert all(proc.returncode is not None for proc, _ in pool._workers)

"""Legacy Office files LibreOffice reads for us: .doc and Kingsoft .wps that
read.doc declines (Word 6/95, encrypted, fast-saved, a .wps in WPS's own
format) or all of them when POLICY_PARSE_DOC=libreoffice; .xls when xlrd,
the `[legacy]` extra, is not installed (read.xls reads it otherwise); .rtf
only when POLICY_PARSE_RTF=libreoffice (read.rtf reads it otherwise):
converted by LibreOffice headless, then read by the .docx or .xlsx reader.

LibreOffice reads every old Word and WPS variant, and is what clerks' own
machines use.  The conversion treats the input as hostile (docs/security.md):

* the bytes are written to a private temporary directory under a name chosen
  by the detected format (a misnamed file converts as what it is);
* LibreOffice runs with its own throw-away profile
  (``-env:UserInstallation=``), so it never touches or waits on a user's
  running instance, and with no macros (the default security level);
* its environment is cut to PATH and locale, and both the environment's
  and the profile's own proxy settings point at a closed local port, so that
  a linked image or an update check cannot reach out; the profile also sets
  the highest macro security and blocks untrusted referer links;
* it runs under a small supervisor (`_SUPERVISOR`), in a process group of
  its own that is killed, and everything in it reaped, on every way out:
  done, failed, past `Limits.legacy_seconds`, this process interrupted, or
  this process killed outright (the supervisor sees its stdin close);
* its address space is capped at `Limits.legacy_memory_bytes`, never above
  this process's own RLIMIT_AS; running out of it is `InputTooLargeError`;
* the converted file goes through the same size limits and zip checks as
  any .docx/.xlsx.

Without LibreOffice the error names what to install.

In a batch (`prepare_batch`, used by the batch command) every legacy file
of the batch is converted by one LibreOffice run per target format, with one
profile, in one private temporary folder: starting LibreOffice and making
its profile is most of a file's second, and is paid once.  The run is
watched, not trusted: a file that makes no progress within
`Limits.legacy_seconds` has the run stopped and restarted after it, the
address-space cap is the same, and any file the batch run did not convert
(damaged, too big, killed) is converted again alone by `read_legacy`, with
the single-file limits and errors — one bad file fails alone, with the
error it would get on its own.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from ..errors import CorruptFileError, InputTooLargeError, LegacyFormatError
from ..models import Document, Format, Source
from .limits import Limits

__all__ = [
    "ConversionFailedError",
    "ConversionTimeoutError",
    "prepare_batch",
    "read_legacy",
    "use_prepared",
]

_WHAT = {
    Format.DOC: (".doc", "docx", "legacy Word/WPS (.doc/.wps)", "libreoffice-writer-nogui"),
    Format.RTF: (".rtf", "docx", "RTF", "libreoffice-writer-nogui"),
    Format.XLS: (".xls", "xlsx", "legacy Excel (.xls)", "libreoffice-calc-nogui"),
}
_CLOSED_PROXY = "http://127.0.0.1:9"  # the discard port: nothing listens there
# Settings written into the throw-away profile before LibreOffice starts:
# its own proxy setting (manual, to the closed port) so that a linked image
# or an INCLUDEPICTURE field cannot fetch anything whatever the environment
# says, links to untrusted referers blocked, macros at the highest security
# level (never run), no update check.
_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetProxyType" oor:op="fuse"><value>1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPProxyName" oor:op="fuse"><value>127.0.0.1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPProxyPort" oor:op="fuse"><value>9</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPSProxyName" oor:op="fuse"><value>127.0.0.1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPSProxyPort" oor:op="fuse"><value>9</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetNoProxy" oor:op="fuse"><value></value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Jobs/Jobs/org.openoffice.Office.Jobs:Job['UpdateCheck']/Arguments"><prop oor:name="AutoCheckEnabled" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


class ConversionTimeoutError(InputTooLargeError):
    """LibreOffice did not finish within `Limits.legacy_seconds`."""


class ConversionFailedError(LegacyFormatError, CorruptFileError):
    """LibreOffice could not convert the file (damaged, or not what it seems)."""


def read_legacy(data: bytes, source: Source, limits: Limits) -> Document:
    """Convert with LibreOffice and read the result as .docx / .xlsx."""
    suffix, target, what, package = _WHAT[source.format]
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise LegacyFormatError(
            f"{what} file: reading it needs LibreOffice (soffice on PATH; Debian/Ubuntu: "
            f"apt-get install {package}), or convert it to "
            f".{target} first"
        )
    converted = _prepared_conversion(source, target, limits)
    if converted is None:
        converted = convert(data, soffice, suffix, target, what, limits)
    if target == "xlsx":
        from .xlsx import read_xlsx

        return read_xlsx(converted, source, limits)
    from .docx.reader import read_docx

    return read_docx(converted, source, limits)


# The folder a batch converted its legacy files into (prepare_batch), named
# to this process by use_prepared: <sha256>.<target> per converted input.
_prepared: list[str] = []


def use_prepared(folder: str | None) -> None:
    """Read legacy files from `folder`'s batch conversions where there is one
    (None: convert each file alone again)."""
    _prepared[:] = [folder] if folder else []


def _prepared_conversion(source: Source, target: str, limits: Limits) -> bytes | None:
    if not _prepared or not source.sha256:
        return None
    path = Path(_prepared[0]) / f"{source.sha256}.{target}"
    try:
        size = path.stat().st_size
        if size > limits.max_input_bytes:
            return None  # converted alone, which says why
        return path.read_bytes()
    except OSError:
        return None  # not converted in the batch run: alone, with its own error


def prepare_batch(paths: list[str], folder: str, limits: Limits) -> int:
    """Convert every legacy file among `paths` into `folder` as
    <sha256>.<docx|xlsx>, one LibreOffice run per target format; the number
    converted.  Nothing here fails a file: one left unconverted is converted
    alone later, and reports its own error then."""
    import hashlib

    from .detect import detect_format
    from .doc import reads_natively
    from .rtf import wants_libreoffice
    from .xls import available as xls_available

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return 0
    inbox = Path(folder) / "in"
    inbox.mkdir(parents=True, exist_ok=True)
    groups: dict[str, list[Path]] = {}
    for given in paths:
        try:
            if os.path.getsize(given) > limits.max_input_bytes:
                continue
            data = Path(given).read_bytes()
        except OSError:
            continue
        fmt = detect_format(data, given)
        if fmt not in _WHAT or (fmt is Format.RTF and not wants_libreoffice()):
            continue  # .rtf is read natively (read.rtf) unless told otherwise
        if fmt is Format.XLS and xls_available():
            continue  # read by xlrd (read.xls)
        if fmt is Format.DOC and reads_natively(data, limits):
            continue  # read natively (read.doc) unless it declines or is told otherwise
        suffix, target, _, _ = _WHAT[fmt]
        staged = inbox / f"{hashlib.sha256(data).hexdigest()}{suffix}"
        if not staged.exists():
            staged.write_bytes(data)
            groups.setdefault(target, []).append(staged)
    done = 0
    for target, files in groups.items():
        done += _convert_watched(files, soffice, target, Path(folder), limits)
    return done


def _convert_watched(
    files: list[Path], soffice: str, target: str, folder: Path, limits: Limits
) -> int:
    """One LibreOffice run over `files` (restarted after a file it stalls or
    dies on); the number of outputs it wrote."""
    written = 0
    left = list(files)
    while left:
        outputs = [folder / f"{f.stem}.{target}" for f in left]
        finished = _run_watched(left, soffice, target, folder, limits, outputs)
        made = [o.exists() for o in outputs]
        written += sum(made)
        if finished or all(made):
            break
        # Stopped on the first file without an output: that file is left to be
        # converted alone; the run starts again after it, on what is not done.
        first = made.index(False)
        left = [f for f, m in zip(left[first + 1 :], made[first + 1 :], strict=True) if not m]
    return written


def _soffice_command(
    soffice: str, root: Path, limits: Limits, target: str, out_dir: Path, files: list[Path]
) -> list[str]:
    """The command converting `files` to `target` into `out_dir`, with a
    throw-away profile under `root` (made once, reused by a batch's restarts).
    A small supervisor (no preexec_fn: unsafe in a threaded caller) sets the
    address-space cap and starts soffice in its own process group, which it
    kills if this process dies (_SUPERVISOR)."""
    profile = root / "profile"
    user = profile / "user"
    if not user.exists():
        user.mkdir(parents=True)
        (user / "registrymodifications.xcu").write_text(_PROFILE_SETTINGS, encoding="utf-8")
    return [
        sys.executable,
        "-I",
        "-c",
        _SUPERVISOR,
        str(max(limits.legacy_memory_bytes, 1)),
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        *_FLAGS,
        "--convert-to",
        target,
        "--outdir",
        str(out_dir),
        *map(str, files),
    ]


def _run_watched(
    files: list[Path],
    soffice: str,
    target: str,
    folder: Path,
    limits: Limits,
    outputs: list[Path],
) -> bool:
    """True when LibreOffice went through every file; False when it was
    stopped (no new output within `legacy_seconds`) or died on one."""
    import time

    cmd = _soffice_command(soffice, folder, limits, target, folder, files)
    log = open(folder / "soffice.log", "ab")  # noqa: SIM115 - closed below; a pipe could fill
    try:
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE,
            stdout=log,
            stderr=log,
            env=_environment(folder),
            cwd=folder,
            start_new_session=True,
        )
    except OSError:
        log.close()
        return True  # every file is converted alone, and says why
    try:
        seen, since = 0, time.monotonic()
        while proc.poll() is None:
            now = sum(1 for o in outputs if o.exists())
            if now != seen:
                seen, since = now, time.monotonic()
            elif time.monotonic() - since > limits.legacy_seconds:
                return False
            time.sleep(0.05)
        return proc.returncode == 0 or all(o.exists() for o in outputs)
    finally:
        _stop(proc)
        log.close()


_FLAGS = ("--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck")


def _environment(root: Path) -> dict[str, str]:
    """PATH and locale only, the proxies pointed at a closed port."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(root),
        "LANG": os.environ.get("LANG", "C.UTF-8"),
        "http_proxy": _CLOSED_PROXY,
        "https_proxy": _CLOSED_PROXY,
        "ftp_proxy": _CLOSED_PROXY,
        "no_proxy": "",
    }


def convert(
    data: bytes, soffice: str, suffix: str, target: str, what: str, limits: Limits
) -> bytes:
    """The bytes of `data` converted to `target` by LibreOffice headless."""
    with tempfile.TemporaryDirectory(prefix="policy_parse-lo-") as tmp:
        root = Path(tmp)
        source = root / f"input{suffix}"
        source.write_bytes(data)
        out_dir = root / "out"
        env = _environment(root)
        cmd = _soffice_command(soffice, root, limits, target, out_dir, [source])
        try:
            proc = subprocess.Popen(
                cmd,
                stdin=subprocess.PIPE,  # never written: its end closing says this process died
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
                cwd=root,
                start_new_session=True,  # its own process group: killed whole
            )
        except OSError as exc:
            raise LegacyFormatError(f"{what} file: cannot start LibreOffice ({exc})") from exc
        try:
            _, err = _wait(proc, limits.legacy_seconds)
        except subprocess.TimeoutExpired as exc:
            raise ConversionTimeoutError(
                f"{what} file: LibreOffice did not convert it within "
                f"{limits.legacy_seconds:g} s (a hostile or broken file?); it was stopped; "
                "raise Limits.legacy_seconds if the file is genuine"
            ) from exc
        finally:
            _stop(proc)  # on every path: whatever it started is gone
        result = out_dir / f"input.{target}"
        detail = err.decode("utf-8", "replace").strip().splitlines()
        if not result.is_file() and _out_of_memory(proc.returncode, detail):
            raise InputTooLargeError(
                f"{what} file: LibreOffice ran out of memory converting it (its cap is "
                f"{_cap(limits.legacy_memory_bytes)} bytes of address space); raise "
                "Limits.legacy_memory_bytes, or the process's own limit, if the file is genuine"
            )
        if not result.is_file():
            reason = detail[-1] if detail else f"exit status {proc.returncode}"
            raise ConversionFailedError(
                f"{what} file: LibreOffice could not convert it ({reason}); "
                f"the file is damaged or not what it seems: open it and save it as .{target}"
            )
        size = result.stat().st_size
        if size > limits.max_input_bytes:
            raise InputTooLargeError(
                f"{what} file converts to {size} bytes of .{target}, over the "
                f"{limits.max_input_bytes}-byte input limit"
            )
        return result.read_bytes()


def _wait(proc: subprocess.Popen[bytes], seconds: float) -> tuple[bytes, bytes]:
    """`proc.communicate` within `seconds`, its stdin kept open (the
    supervisor reads its closing as this process dying)."""
    stdin, proc.stdin = proc.stdin, None
    try:
        return proc.communicate(timeout=seconds)
    finally:
        proc.stdin = stdin


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop the supervisor: it kills LibreOffice's process group, reaps
    everything LibreOffice started, and exits.  Should it not answer, its
    own group is killed."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()


def _cap(memory_bytes: int) -> int:
    """The address-space cap LibreOffice gets: `memory_bytes`, never above
    this process's own limit (a caller that set a lower RLIMIT_AS keeps it;
    asking for more than it would fail, and every file looked damaged)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return memory_bytes
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    return memory_bytes if soft == resource.RLIM_INFINITY else min(memory_bytes, soft)


def _out_of_memory(code: int | None, detail: list[str]) -> bool:
    """LibreOffice stopped by its memory cap: an allocation failure it
    reports, or killed by SIGABRT/SIGKILL (exit 128 + signal from the
    supervisor)."""
    said = any("bad_alloc" in line or "out of memory" in line.lower() for line in detail)
    return said or code in (128 + signal.SIGABRT, 128 + signal.SIGKILL)


# Run as `python -I -c _SUPERVISOR CAP SOFFICE ARGS...` in a session of its
# own: it lowers its address-space limit to CAP (never above the limit it
# inherited), starts SOFFICE as the leader of a new process group, and exits
# with its status (128 + the signal that killed it) once the group is
# killed and every process in it reaped (it is their subreaper on Linux, so
# no zombie is left to init).  It stops at once, killing the group, on
# SIGTERM (the caller's timeout or clean-up) and when its stdin, a pipe
# nobody writes, closes: the caller died, even by SIGKILL.
_SUPERVISOR = """
import os, resource, select, signal, sys
try:
    import ctypes
    ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
except Exception:
    pass
cap = int(sys.argv[1])
soft, hard = resource.getrlimit(resource.RLIMIT_AS)
if soft == resource.RLIM_INFINITY or cap < soft:
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
wake_r, wake_w = os.pipe()
os.set_blocking(wake_w, False)
signal.set_wakeup_fd(wake_w)
for s in (signal.SIGCHLD, signal.SIGTERM):
    signal.signal(s, lambda *_: None)
pid = os.fork()
if pid == 0:
    try:
        os.setpgid(0, 0)
        os.execvp(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
try:
    os.setpgid(pid, pid)
except OSError:
    pass

def finish(code):
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        pass
    signal.signal(signal.SIGALRM, lambda *_: os._exit(code))
    signal.alarm(5)  # the reaping below never blocks for long
    try:
        while True:
            os.waitpid(-1, 0)
    except (ChildProcessError, InterruptedError, OSError):
        pass
    os._exit(code)

while True:
    ready = select.select([0, wake_r], [], [])[0]
    if 0 in ready and os.read(0, 1) == b"":
        finish(137)
    if wake_r in ready and signal.SIGTERM in os.read(wake_r, 512):
        finish(143)
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        code = os.waitstatus_to_exitcode(status)
        finish(128 - code if code < 0 else code)
"""

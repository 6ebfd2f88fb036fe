"""Legacy Office files (.doc, Kingsoft .wps, .rtf, .xls): converted by
LibreOffice headless, then read by the .docx or .xlsx reader.

No maintained pure-Python reader gets Word 97 tables (merges included) or
RTF right; LibreOffice does, and is what clerks' own machines use.  The
conversion treats the input as hostile (docs/security.md):

* the bytes are written to a private temporary directory under a name chosen
  by the detected format (a misnamed file converts as what it is);
* LibreOffice runs with its own throw-away profile
  (``-env:UserInstallation=``), so it never touches or waits on a user's
  running instance, and with no macros (the default security level);
* its environment is cut to PATH and locale, and both the environment's
  and the profile's own proxy settings point at a closed local port, so that
  a linked image or an update check cannot reach out; the profile also sets
  the highest macro security and blocks untrusted referer links;
* it gets `Limits.legacy_seconds` and `Limits.legacy_memory_bytes`
  (address space); on timeout its whole process group is killed;
* the converted file goes through the same size limits and zip checks as
  any .docx/.xlsx.

Without LibreOffice the error names what to install.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ..errors import CorruptFileError, InputTooLargeError, LegacyFormatError
from ..models import Document, Format, Source
from .limits import Limits

__all__ = ["ConversionFailedError", "ConversionTimeoutError", "read_legacy"]

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
    converted = convert(data, soffice, suffix, target, what, limits)
    if target == "xlsx":
        from .xlsx import read_xlsx

        return read_xlsx(converted, source, limits)
    from .docx.reader import read_docx

    return read_docx(converted, source, limits)


def convert(
    data: bytes, soffice: str, suffix: str, target: str, what: str, limits: Limits
) -> bytes:
    """The bytes of `data` converted to `target` by LibreOffice headless."""
    with tempfile.TemporaryDirectory(prefix="policy_parse-lo-") as tmp:
        root = Path(tmp)
        source = root / f"input{suffix}"
        source.write_bytes(data)
        out_dir = root / "out"
        user = root / "profile" / "user"
        user.mkdir(parents=True)
        (user / "registrymodifications.xcu").write_text(_PROFILE_SETTINGS, encoding="utf-8")
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(root),
            "LANG": os.environ.get("LANG", "C.UTF-8"),
            "http_proxy": _CLOSED_PROXY,
            "https_proxy": _CLOSED_PROXY,
            "ftp_proxy": _CLOSED_PROXY,
            "no_proxy": "",
        }
        # The address-space cap is set by a shell that then becomes soffice
        # (no preexec_fn: unsafe in a threaded caller); children inherit it.
        kib = str(max(limits.legacy_memory_bytes // 1024, 1))
        cmd = [
            "/bin/sh",
            "-c",
            'ulimit -v "$0" && exec "$@"',
            kib,
            soffice,
            f"-env:UserInstallation={(root / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            target,
            "--outdir",
            str(out_dir),
            str(source),
        ]
        try:
            proc = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
                cwd=root,
                start_new_session=True,  # its own process group: killed whole on timeout
            )
        except OSError as exc:
            raise LegacyFormatError(f"{what} file: cannot start LibreOffice ({exc})") from exc
        try:
            _, err = proc.communicate(timeout=limits.legacy_seconds)
        except subprocess.TimeoutExpired as exc:
            _kill_group(proc)
            raise ConversionTimeoutError(
                f"{what} file: LibreOffice did not convert it within "
                f"{limits.legacy_seconds:g} s (a hostile or broken file?); "
                "raise Limits.legacy_seconds if the file is genuine"
            ) from exc
        result = out_dir / f"input.{target}"
        if not result.is_file():
            detail = err.decode("utf-8", "replace").strip().splitlines()
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


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.communicate()

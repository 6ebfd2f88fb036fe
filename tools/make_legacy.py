"""Generate samples/notice.doc and samples/notice.rtf from samples/notice.docx
(and samples/notice.xls from samples/notice.xlsx when that exists) with
LibreOffice headless.

    python tools/make_legacy.py

The Word sample is the reference; LibreOffice writes it back as Word 97
(.doc, "MS Word 97" filter: the binary format Kingsoft WPS also writes) and
as RTF, as a clerk's "Save as" would.  LibreOffice's output is not
byte-reproducible (it stamps dates): regenerate only when notice.docx changes,
and regenerate the goldens with it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

JOBS = (("notice.docx", "doc"), ("notice.docx", "rtf"), ("notice.xlsx", "xls"))


def convert(source: Path, target: str, out_dir: Path) -> Path:
    """Convert with a private LibreOffice profile (a running instance or a
    stale lock cannot interfere)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit(
            "soffice not found: apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui"
        )
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                target,
                "--outdir",
                str(out_dir),
                str(source),
            ],
            check=True,
            timeout=300,
        )
    return out_dir / f"{source.stem}.{target}"


def main() -> int:
    for name, target in JOBS:
        source = SAMPLES / name
        if not source.exists():
            print(f"skipped {target}: no {source}")
            continue
        print(f"wrote {convert(source, target, SAMPLES)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

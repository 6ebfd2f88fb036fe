"""The native Word 97 reader (read/doc) against the LibreOffice route, file
by file: the same blocks, residue, measures and findings, or the first
difference.

    PYTHONPATH=src python tools/compare_doc_routes.py /tmp/docs/*.doc

Make the .doc files with LibreOffice from any notice (never into the repo):

    soffice --headless --convert-to doc --outdir /tmp/docs samples/*.docx
    soffice --headless --infilter="Text (encoded):UTF8,LF,,," \\
        --convert-to doc --outdir /tmp/docs /work/shared/corpus/real/*.txt

All the LibreOffice conversions run in one LibreOffice (read.legacy's batch
preparation).  Exit status 1 when any file differs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import policy_parse
from policy_parse.errors import PolicyParseError
from policy_parse.models import Document, Format, Source
from policy_parse.read import Limits, legacy
from policy_parse.read.dispatch import _sha256
from policy_parse.read.doc import read_doc


def _summary(document: Document) -> tuple[object, ...]:
    notice = policy_parse.notice_from_document(document)
    measures = [
        (str(m.id), [u.name for u in m.lead], [u.name for u in m.support], m.text)
        for m in notice.measures
    ]
    findings = sorted(str(d) for d in notice.discrepancies)
    return measures, findings


def main() -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("files", nargs="+", type=Path)
    args = p.parse_args()
    limits = Limits()
    os.environ["POLICY_PARSE_DOC"] = "libreoffice"  # the batch converts every .doc
    differ = 0
    with tempfile.TemporaryDirectory(prefix="compare-doc-") as folder:
        legacy.prepare_batch([str(f) for f in args.files], folder, limits)
        legacy.use_prepared(folder)
        for path in args.files:
            data = path.read_bytes()
            source = Source(path=None, format=Format.DOC, sha256=_sha256(data))
            try:
                native = read_doc(data, source, limits)
            except PolicyParseError as exc:
                print(f"NATIVE FAILS {path.name}: {type(exc).__name__}: {exc}")
                differ += 1
                continue
            converted = legacy.read_legacy(data, source, limits)
            what = ""
            if native.blocks != converted.blocks:
                pairs = zip(native.blocks, converted.blocks, strict=False)
                first = next(
                    (i for i, (a, b) in enumerate(pairs) if a != b),
                    min(len(native.blocks), len(converted.blocks)),
                )
                what = (
                    f"blocks differ from {first} ({len(native.blocks)} vs "
                    f"{len(converted.blocks)}):\n  native {_show(native.blocks, first)}\n"
                    f"  LO     {_show(converted.blocks, first)}"
                )
            elif native.residue != converted.residue:
                what = f"residue differs: {native.residue!r:.300} vs {converted.residue!r:.300}"
            elif _summary(native) != _summary(converted):
                what = "measures or findings differ"
            if what:
                differ += 1
                print(f"DIFFERS {path.name}: {what}")
            else:
                print(f"same    {path.name}: {len(native.blocks)} blocks")
    print(f"{len(args.files) - differ}/{len(args.files)} files read the same both ways")
    return 1 if differ else 0


def _show(blocks: tuple[object, ...], i: int) -> str:
    return repr(blocks[i])[:400] if i < len(blocks) else "(none)"


if __name__ == "__main__":
    sys.exit(main())

"""Command line: python -m policy_parse NOTICE [--format text|json] [-o FILE]."""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Sequence

from . import parse, read_document, to_json, to_text
from .emit import document_to_dict
from .errors import PolicyParseError
from .models import Severity


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m policy_parse",
        description="Turn a 分工方案 notice (.txt, .docx, .pdf) into structured records "
        "and report where its prose list and its table disagree.",
    )
    p.add_argument("file", help="the notice: a .txt, .docx or .pdf file")
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: a readable summary (default); json: the policy_parse/1 contract",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    p.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        help="exit 1 when a discrepancy at or above this severity exists",
    )
    p.add_argument("--password", help="password of an encrypted PDF")
    p.add_argument(
        "--stage",
        choices=("read", "notice"),
        default="notice",
        help="read: print the reader's intermediate form (paragraphs and table "
        "cells, ^ = merged from above, < = merged from the left) as JSON, to "
        "debug a reader; notice: the parsed notice (default)",
    )
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.stage == "read":
            document = read_document(args.file, password=args.password)
            text = json.dumps(document_to_dict(document), ensure_ascii=False, indent=2) + "\n"
            return _write(text, args.output)
        notice = parse(args.file, password=args.password)
    except PolicyParseError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"policy_parse: error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug: still one line unless --debug
        if args.debug:
            raise
        print(
            f"policy_parse: internal error ({type(exc).__name__}: {exc}); rerun with --debug",
            file=sys.stderr,
        )
        return 3
    out = to_json(notice) if args.format == "json" else to_text(notice)
    if (status := _write(out, args.output)) != 0:
        return status
    if args.fail_on:
        threshold = Severity(args.fail_on).rank
        if any(d.severity.rank >= threshold for d in notice.discrepancies):
            return 1
    return 0


def _write(text: str, output: str | None) -> int:
    if not output:
        sys.stdout.write(text)
        return 0
    try:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        print(f"policy_parse: error: cannot write {output}: {exc.strerror}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

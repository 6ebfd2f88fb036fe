"""Command line: policy-parse PATH... [--format] [-o] [--lang] [--jobs] [--fail-on].

One input writes to standard output or `-o FILE`; several inputs (or a
folder) write one output per input into `-o DIR` plus `summary.csv`.
`policy-parse diff OLD NEW` compares two versions (cli/diff.py).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from ._support.paths import path_text
from .emit.outputs import SUFFIX
from .errors import PolicyParseError

if TYPE_CHECKING:
    from .messages import Lang
    from .models import Notice
    from .read.pdf.pages import StartedPages

# The rest of the pipeline is imported inside the functions that use it: a
# PDF's page workers are forked before it is (`_start_pdf_early`).

from .cli.console import (  # the exit codes, re-exported: documented by number in --help
    EXIT_FAIL_ON,
    EXIT_OK,
    EXIT_USAGE,
    bad_input,
    error,
    internal,
    refuse_output_onto_input,
    write,
)


class _Version(argparse.Action):
    """--version: the installed version, looked up only when asked for
    (importlib.metadata is a tenth of the CLI's start-up)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> NoReturn:
        from . import __version__

        print(f"{parser.prog} {__version__}")  # on stdout, as argparse's own action
        parser.exit()


def _input_name(exc: PolicyParseError, given: str, lang: Lang) -> str:
    from .messages import ui

    path = exc.path or given
    return ui("stdin", lang) if path == "-" else path


def _options(args: argparse.Namespace) -> dict[str, Any]:
    opts: dict[str, Any] = {"password": args.password, "pdf_engine": args.pdf_engine}
    if args.no_ocr:
        opts["ocr"] = False
    if args.timeout is not None:
        # The whole parse of each document, any format (_support/deadline.py),
        # and the readers that run in a child process at their own clocks: a
        # PDF's page workers, LibreOffice.
        from .read.limits import Limits

        opts["limits"] = Limits(
            pdf_seconds=args.timeout,
            legacy_seconds=args.timeout,
            document_seconds=args.timeout,
        )
    if args.aliases:
        from .aliases import load_aliases

        opts["aliases"] = load_aliases(args.aliases)
    return opts


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # A subcommand first, each in its own module; a file of that name in the
    # current folder is a notice (a path is a path), as `./diff` always is.
    if argv and argv[0] in ("diff", "cover", "names") and not os.path.exists(argv[0]):
        if argv[0] == "diff":
            from .cli.diff import main as diff

            return diff(argv[1:])
        from .cli.commands import main as command  # policy_parse cover / names

        return command(argv, write, error)
    from .cli.args import Usage, folder_hint, needs, output_format, parse_args
    from .messages import usage

    args = parse_args(argv, _Version)
    lang: Lang = args.lang
    try:
        if args.jobs is not None and args.jobs < 1:
            raise Usage(usage("jobs", lang))
        if args.timeout is not None and not args.timeout > 0:
            raise Usage(usage("timeout", lang))
        batch = len(args.paths) > 1 or any(p != "-" and os.path.isdir(p or ".") for p in args.paths)
        fmt = "text" if args.combine else output_format(args, batch=batch)
        needs(fmt, lang)
        refuse_output_onto_input(args.output, args.paths, lang)
        if args.resume and args.force:
            raise Usage(usage("resume_force", lang))
        if args.combine:
            if args.stage != "notice":
                raise Usage(usage("stage_one", lang))
            from .cli.many import run_combined

            return run_combined(args, _options(args))
        if batch:
            if args.stage != "notice":
                raise Usage(usage("stage_one", lang))
            if not args.output:
                raise Usage(folder_hint(args))
            from .cli.many import run_batch

            return run_batch(args, fmt, _options(args))
        started = _start_pdf_early(
            args.paths[0],
            args.password,
            args.pdf_engine,
            seconds=args.timeout,
            allow_ocr=not args.no_ocr,
        )
        try:
            return _single(args, fmt, _options(args), started)
        finally:
            if started is not None:
                started.cancel()  # a no-op once they were waited for
    except Usage as exc:
        error(str(exc), lang)
        return EXIT_USAGE
    except PolicyParseError as exc:
        given = args.aliases if type(exc).__name__ == "AliasFileError" else args.paths[0]
        return bad_input(exc, lang, file=_input_name(exc, given, lang), debug=args.debug)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: still one line unless --debug
        if args.debug:
            raise
        return internal(exc, lang, file=args.paths[0])


def _start_pdf_early(
    given: str,
    password: str | None,
    engine: str,
    *,
    seconds: float | None = None,
    allow_ocr: bool = True,
) -> StartedPages | None:
    """The page workers of a PDF input, started now, before the rest of the
    pipeline is imported: they read the pages while this process imports it,
    so the import costs no wall time (benchmarks/README.md).  None for
    anything else — not a regular file, over the default input limit, not a
    PDF by its bytes, cut off, unreadable — which the normal path then reads,
    or refuses with the error it deserves: this start only makes the normal
    path's work earlier, with the same checks and the default limits it
    uses."""
    if given == "-":
        return None
    from .read import limit_defaults, magic

    path = path_text(given)  # as str(Path(given)), which names the file for read_document
    try:
        if not os.path.isfile(path) or os.path.getsize(path) > limit_defaults.MAX_INPUT_BYTES:
            return None
        with open(path, "rb") as fh:
            if not magic.looks_like_pdf(fh.read(magic.HEAD)):
                return None
            fh.seek(0)
            data = fh.read()
    except OSError:
        return None
    # Only now, for a PDF: a text input never imports the page workers' modules.
    from .read.pdf.pages import looks_truncated, start_pages

    if len(data) > limit_defaults.MAX_INPUT_BYTES or looks_truncated(data):
        return None
    try:
        if seconds is not None:  # --timeout
            return start_pages(
                data,
                path,
                password=password,
                engine=engine,
                seconds=seconds,
                allow_ocr=allow_ocr,
            )
        return start_pages(data, path, password=password, engine=engine, allow_ocr=allow_ocr)
    except (PolicyParseError, ValueError, OSError):
        return None


def _single(
    args: argparse.Namespace,
    fmt: str,
    options: dict[str, Any],
    started: StartedPages | None = None,
) -> int:
    from .batch import failed_on, render

    source: str | bytes = sys.stdin.buffer.read() if args.paths[0] == "-" else args.paths[0]
    if args.stage == "read":
        from .emit.json import document_to_dict
        from .emit.jsonout import dumps
        from .read import read_document, read_started_pdf

        document = (
            read_started_pdf(started)
            if started is not None
            else read_document(
                source,
                password=args.password,
                pdf_engine=args.pdf_engine,
                allow_ocr=not args.no_ocr,
            )
        )
        text = dumps(document_to_dict(document), sort_keys=False) + "\n"
        return write(text, args.output, args.lang)
    output = args.output
    if output and os.path.isdir(output):
        from pathlib import Path  # only for an output folder

        name = "stdin" if args.paths[0] == "-" else Path(args.paths[0]).name
        output = str(Path(output) / (name + SUFFIX[fmt]))
    notice = _parse(source, options, started)
    if fmt == "json":  # written a record at a time, never whole in memory
        from .emit.json import to_json_chunks

        data: str | bytes | Iterator[bytes] = to_json_chunks(notice, lang=args.lang)
    else:
        data = render(notice, fmt, args.lang)
    if (status := write(data, output, args.lang)) != 0:
        return status
    return EXIT_FAIL_ON if failed_on(notice, args.fail_on) else EXIT_OK


def _parse(source: str | bytes, options: dict[str, Any], started: StartedPages | None) -> Notice:
    """`policy_parse.parse(source, **options)`, from the workers already
    reading it when there are (the same steps `parse` takes)."""
    if started is None:
        from . import parse

        return parse(source, **options)
    from . import _clock
    from .pipeline import notice_from_document
    from .read import read_started_pdf
    from .warmup import import_text_stages

    with _clock(options.get("limits")):
        document = read_started_pdf(started, while_waiting=import_text_stages)
        return notice_from_document(document, aliases=options.get("aliases"))


def run() -> NoReturn:
    """The console entry: `main()`, then exit without tearing the interpreter
    down.  Freeing every module, pattern and PDFium's library at exit took
    about 30 ms of a PDF run's 300 (benchmarks/README.md) for nothing: the
    output is written and flushed by then, and whatever `main()` opened it
    closed (files in `with`, pools shut down, temporary folders removed).
    A process of its own, so the collector collects the young rarely
    (`_support.gc_pause.collect_young_rarely`)."""
    from ._support.gc_pause import collect_young_rarely

    collect_young_rarely()
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: _write has said so
            pass
    os._exit(code)


if __name__ == "__main__":
    run()

"""Command line: policy-parse PATH... [--format] [-o] [--lang] [--jobs] [--fail-on].

One input writes to standard output or `-o FILE`; several inputs (or a
folder) write one output per input into `-o DIR` plus `summary.csv`.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
import time
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn, TypeVar

from .errors import PolicyParseError
from .outputs import SUFFIX

if TYPE_CHECKING:
    from .messages import Lang
    from .models import Notice
    from .read.pdf_pages import StartedPages

# The rest of the pipeline is imported inside the functions that use it: a
# PDF's page workers are forked before it is (`_start_pdf_early`).

T = TypeVar("T")

EXIT_OK, EXIT_FAIL_ON, EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_USAGE = 0, 1, 2, 3, 4


EPILOG = """\
exit codes:
  0  every input parsed, no finding at or above --fail-on
  1  a finding at or above --fail-on
  2  bad input: an input could not be read (one line each on stderr)
  3  internal error (a bug: rerun with --debug and report it)
  4  usage error (bad options, -o naming an input)
  130 interrupted (Ctrl-C); a batch still writes summary.csv, the files it
     did not finish marked interrupted

several inputs or a folder need -o DIR: one output per input, named after
it (notice.docx -> notice.docx.xlsx), plus summary.csv.
"""


class _Usage(Exception):
    """A usage error: exit 4, one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _prog() -> str:
    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    return "python -m policy_parse" if name in ("", "__main__.py", "-c") else name


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog=_prog(),
        description="Turn 分工方案 notices (.txt, .docx, .pdf) into structured records "
        "and report where each notice's prose list and its table disagree.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="notices: files, folders (searched recursively), or - for standard input",
    )
    p.add_argument(
        "--format",
        choices=tuple(SUFFIX),
        default="text",
        help="text: a readable report (default); json: the policy_parse/1 contract; "
        "csv: one row per measure; xlsx: a workbook; html: a report for the browser",
    )
    p.add_argument(
        "-o", "--output", metavar="PATH", help="output file (one input) or folder (several)"
    )
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of messages")
    p.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        help="exit 1 when a discrepancy at or above this severity exists",
    )
    p.add_argument(
        "--jobs", type=int, metavar="N", help="worker processes for several inputs (default: CPUs)"
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar, no closing summary")
    p.add_argument(
        "--aliases", metavar="FILE", help="TOML of canonical department names and abbreviations"
    )
    p.add_argument("--password", help="password of an encrypted PDF")
    p.add_argument(
        "--pdf-engine",
        choices=("pdfium", "pdfplumber"),
        default="pdfium",
        help="who draws a PDF's pages: pdfium (fast, default) or pdfplumber (the reference)",
    )
    p.add_argument(
        "--stage",
        choices=("read", "notice"),
        default="notice",
        help="read: print the reader's intermediate form (paragraphs and table "
        "cells, ^ = merged from above, < = merged from the left) as JSON, to "
        "debug a reader; notice: the parsed notice (default)",
    )
    p.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    return p


class _Version(argparse.Action):
    """--version: the installed version, looked up only when asked for
    (importlib.metadata is a tenth of the CLI's start-up)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> NoReturn:
        from . import __version__

        print(f"{parser.prog} {__version__}")  # on stdout, as argparse's own action
        parser.exit()


def _missing(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is None


def _say(message: str) -> None:
    """One line on stderr: a file name or message that carries escape codes,
    bidi overrides or a newline is shown escaped, never acted on."""
    from .printable import printable

    print(f"policy_parse: {printable(message)}", file=sys.stderr)


def _options(args: argparse.Namespace) -> dict[str, Any]:
    opts: dict[str, Any] = {"password": args.password, "pdf_engine": args.pdf_engine}
    if args.aliases:
        from .aliases import load_aliases

        opts["aliases"] = load_aliases(args.aliases)
    return opts


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.jobs is not None and args.jobs < 1:
            raise _Usage("--jobs must be at least 1")
        if args.format == "xlsx" and _missing("openpyxl"):
            raise _Usage("--format xlsx needs openpyxl: pip install 'policy_parse[xlsx]'")
        batch = len(args.paths) > 1 or any(p != "-" and Path(p).is_dir() for p in args.paths)
        _refuse_output_onto_input(args.output, args.paths)
        if batch:
            if args.stage != "notice":
                raise _Usage("--stage read takes one input")
            if not args.output:
                raise _Usage("several inputs need -o DIR")
            return _batch(args, _options(args))
        started = _start_pdf_early(args.paths[0], args.password, args.pdf_engine)
        try:
            return _single(args, _options(args), started)
        finally:
            if started is not None:
                started.cancel()  # a no-op once they were waited for
    except _Usage as exc:
        _say(f"error: {exc}")
        return EXIT_USAGE
    except PolicyParseError as exc:
        if args.debug:
            traceback.print_exc()
        _say(f"error: {exc}")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: still one line unless --debug
        if args.debug:
            raise
        _say(f"internal error ({type(exc).__name__}: {exc}); rerun with --debug")
        return EXIT_INTERNAL


def _refuse_output_onto_input(output: str | None, paths: Sequence[str]) -> None:
    if not output:
        return
    out = Path(output)
    for p in paths:
        if p == "-":
            continue
        try:
            if out.exists() and out.is_file() and out.samefile(p):
                raise _Usage(f"-o {output} is an input; refusing to overwrite it")
        except OSError:
            continue


def _start_pdf_early(given: str, password: str | None, engine: str) -> StartedPages | None:
    """The page workers of a PDF input, started now, before the rest of the
    pipeline is imported: they read the pages while this process imports it
    (issue 11, benchmarks/README.md).  None for anything else — not a
    regular file, over the default input limit, not a PDF by its bytes, cut
    off, unreadable — which the normal path then reads, or refuses with the
    error it deserves: this start only makes the normal path's work earlier,
    with the same checks and the default limits it uses."""
    if given == "-":
        return None
    from .read import limit_defaults, magic
    from .read.pdf_pages import looks_truncated, start_pages

    path = Path(given)
    try:
        if not path.is_file() or path.stat().st_size > limit_defaults.MAX_INPUT_BYTES:
            return None
        with open(path, "rb") as fh:
            if not magic.looks_like_pdf(fh.read(magic.HEAD)):
                return None
        data = path.read_bytes()
    except OSError:
        return None
    if len(data) > limit_defaults.MAX_INPUT_BYTES or looks_truncated(data):
        return None
    try:
        return start_pages(data, str(path), password=password, engine=engine)
    except (PolicyParseError, ValueError, OSError):
        return None


def _single(
    args: argparse.Namespace, options: dict[str, Any], started: StartedPages | None = None
) -> int:
    from .batch import failed_on, render

    source: str | bytes = sys.stdin.buffer.read() if args.paths[0] == "-" else args.paths[0]
    if args.stage == "read":
        from .emit import document_to_dict
        from .jsonout import dumps
        from .read import read_document, read_started_pdf

        document = (
            read_started_pdf(started)
            if started is not None
            else read_document(source, password=args.password, pdf_engine=args.pdf_engine)
        )
        text = dumps(document_to_dict(document), sort_keys=False) + "\n"
        return _write(text, args.output)
    output = args.output
    if output and Path(output).is_dir():
        name = "stdin" if args.paths[0] == "-" else Path(args.paths[0]).name
        output = str(Path(output) / (name + SUFFIX[args.format]))
    notice = _parse(source, options, started)
    if (status := _write(render(notice, args.format, args.lang), output)) != 0:
        return status
    return EXIT_FAIL_ON if failed_on(notice, args.fail_on) else EXIT_OK


def _parse(source: str | bytes, options: dict[str, Any], started: StartedPages | None) -> Notice:
    """`policy_parse.parse(source, **options)`, from the workers already
    reading it when there are (the same steps `parse` takes)."""
    if started is None:
        from . import parse

        return parse(source, **options)
    from .pipeline import notice_from_document
    from .read import read_started_pdf
    from .warmup import prepare_text_stages

    document = read_started_pdf(started, while_waiting=prepare_text_stages)
    return notice_from_document(document, aliases=options.get("aliases"))


def _write(data: str | bytes, output: str | None) -> int:
    """Write to `output` (whole or not at all: atomic.py) or standard output;
    a full disk or a closed pipe is one line on stderr and exit 2, never a
    traceback."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    target = output or "standard output"
    try:
        if output:
            from .atomic import write_atomic

            write_atomic(output, raw)
        else:
            sys.stdout.flush()
            sys.stdout.buffer.write(raw)
            sys.stdout.buffer.flush()
    except BrokenPipeError:
        # The reader went away (| head): nothing more to say to it.
        _silence_stdout()
        _say(f"error: cannot write {target}: the pipe was closed")
        return EXIT_BAD_INPUT
    except OSError as exc:
        if not output:
            _silence_stdout()
        reason = exc.strerror or errno.errorcode.get(exc.errno or 0, str(exc))
        _say(f"error: cannot write {target}: {reason}")
        return EXIT_BAD_INPUT
    return EXIT_OK


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


# --- many inputs --------------------------------------------------------------


def _targets(paths: Sequence[str], out: Path) -> list[tuple[str, Path]]:
    """Each input file with its output name: a folder's files keep their
    place below it; a name already taken gets -2, -3 …"""
    from .batch import find_inputs

    pairs: list[tuple[str, Path]] = []
    taken: set[Path] = set()
    for given in paths:
        root = Path(given)
        for f in find_inputs(root, skip=out.resolve() if root.is_dir() else None):
            rel = f.relative_to(root) if root.is_dir() else Path(f.name)
            target = out / rel.parent / rel.name
            k = 1
            while target in taken:
                k += 1
                target = out / rel.parent / f"{rel.stem}-{k}{rel.suffix}"
            taken.add(target)
            pairs.append((str(f), target))
    return pairs


def _batch(args: argparse.Namespace, options: dict[str, Any]) -> int:
    from .batch import one_pdf_worker

    if "-" in args.paths:
        raise _Usage("- (standard input) takes no other input")
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise _Usage(f"-o {args.output} must be a folder with several inputs")
    start = time.monotonic()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file on the way, no permission, a read-only disk
        reason = exc.strerror or str(exc)
        _say(f"error: cannot create the output folder {args.output}: {reason}")
        return EXIT_BAD_INPUT
    pairs = _targets(args.paths, out)
    suffix = SUFFIX[args.format]
    jobs = min(args.jobs or os.cpu_count() or 1, max(len(pairs), 1))
    if jobs > 1:
        options = {**options, "limits": one_pdf_worker(options.get("limits"))}
    tasks = [
        (src, str(t) + suffix, args.format, args.lang, args.fail_on, options) for src, t in pairs
    ]
    from .interrupts import Stop, WorkerPool, serially

    done: dict[int, dict[str, Any]] = {}
    with Stop() as stop:  # Ctrl-C from here on: stop handing out files (interrupts.py)
        pool = WorkerPool(jobs) if jobs > 1 else None
        try:
            steps = pool.run(tasks, done, stop) if pool else serially(tasks, done, stop)
            for _ in _progress(steps, len(tasks), quiet=args.quiet):
                pass
        finally:
            if pool is not None:
                pool.close(done)
        rows = [done.get(k) or _interrupted(t[0]) for k, t in enumerate(tasks)]
        for r in rows:
            if r["status"] not in ("ok", "interrupted"):
                _say(f"{r['file']}: {r['status']}: {r['message']}")
        # After the files' own lines: on a full disk, the last line says so too.
        status = _write(_summary_csv(rows), str(out / "summary.csv"))
        if stop.signal is not None:
            finished = sum(1 for r in rows if r["status"] != "interrupted")
            summary = "summary.csv marks the rest interrupted" if status == 0 else "no summary"
            _say(f"interrupted: {finished} of {len(rows)} files done; {summary}")
            return 128 + stop.signal
    if status != 0:
        return status
    if not args.quiet:
        _say(_closing_line(rows, time.monotonic() - start, args.lang))
    if any(r["status"] == "internal" for r in rows):
        return EXIT_INTERNAL
    if any(r["status"] != "ok" for r in rows):
        return EXIT_BAD_INPUT
    return EXIT_FAIL_ON if any(r["failed_on"] for r in rows) else EXIT_OK


def _interrupted(source: str) -> dict[str, Any]:
    """The summary row of a file Ctrl-C stopped before it was done."""
    return {
        "file": source, "format": "", "status": "interrupted", "measures": 0, "table_rows": 0,
        "errors": 0, "warnings": 0, "infos": 0, "failed_on": False,
        "message": "not read: the batch was interrupted (Ctrl-C) first",
    }  # fmt: skip


def _progress(
    rows: Iterator[T], total: int, *, quiet: bool, stream: IO[str] | None = None
) -> Iterator[T]:
    """A progress bar on stderr when it is a terminal; nothing otherwise."""
    stream = stream or sys.stderr
    if quiet or not stream.isatty():
        yield from rows
        return
    from tqdm import tqdm

    yield from tqdm(rows, total=total, file=stream, unit="file", leave=False, mininterval=0.2)


SUMMARY_COLUMNS = (
    "file", "format", "status", "measures", "table_rows", "errors", "warnings", "infos", "message",
)  # fmt: skip


def _summary_csv(rows: Sequence[dict[str, Any]]) -> str:
    # A file name or an error message may start like a formula (=cmd|…).
    from .emit_tabular import csv_text

    def cell(v: object) -> str:
        return "" if v is None else str(v)

    return csv_text(SUMMARY_COLUMNS, ([cell(r.get(c)) for c in SUMMARY_COLUMNS] for r in rows))


def _closing_line(rows: Sequence[dict[str, Any]], seconds: float, lang: Lang) -> str:
    from .messages import count, ui

    ok = sum(1 for r in rows if r["status"] == "ok")
    by = {
        s: sum(r[k] for r in rows)
        for s, k in (("error", "errors"), ("warning", "warnings"), ("info", "infos"))
    }
    sep = "，" if lang == "zh" else ", "
    findings = sep.join(count(by[s], s, lang) for s in by)
    return ui(
        "batch_done",
        lang,
        files=count(len(rows), "file", lang),
        ok=ok,
        failed=len(rows) - ok,
        findings=findings,
        seconds=f"{seconds:.1f}",
    )


def run() -> NoReturn:
    """The console entry: `main()`, then exit without tearing the interpreter
    down.  Freeing every module, pattern and PDFium's library at exit took
    about 30 ms of a PDF run's 300 (benchmarks/README.md) for nothing: the
    output is written and flushed by then, and whatever `main()` opened it
    closed (files in `with`, pools shut down, temporary folders removed)."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: _write has said so
            pass
    os._exit(code)


if __name__ == "__main__":
    run()

"""Command line: policy-parse PATH... [--format] [-o] [--lang] [--jobs] [--fail-on].

One input writes to standard output or `-o FILE`; several inputs (or a
folder) write one output per input into `-o DIR` plus `summary.csv`.
`policy-parse diff OLD NEW` compares two versions (cli/diff.py).
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn, TypeVar

from .emit.outputs import SUFFIX
from .errors import PolicyParseError

if TYPE_CHECKING:
    from .messages import Lang
    from .models import Notice
    from .read.pdf.pages import StartedPages

# The rest of the pipeline is imported inside the functions that use it: a
# PDF's page workers are forked before it is (`_start_pdf_early`).

EXIT_OK, EXIT_FAIL_ON, EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_USAGE = 0, 1, 2, 3, 4


class _Version(argparse.Action):
    """--version: the installed version, looked up only when asked for
    (importlib.metadata is a tenth of the CLI's start-up)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> NoReturn:
        from . import __version__

        print(f"{parser.prog} {__version__}")  # on stdout, as argparse's own action
        parser.exit()


def _say(message: str) -> None:
    """One line on stderr: a file name or message that carries escape codes,
    bidi overrides or a newline is shown escaped, never acted on."""
    from ._support.printable import printable

    print(f"policy_parse: {printable(message)}", file=sys.stderr)


def _error(message: str, lang: Lang) -> None:
    """`message` as an error line: policy_parse: 错误：… / error: …"""
    from .messages import cli

    _say(cli("error", lang) + message)


def _input_name(exc: PolicyParseError, given: str, lang: Lang) -> str:
    from .messages import ui

    path = exc.path or given
    return ui("stdin", lang) if path == "-" else path


def _options(args: argparse.Namespace) -> dict[str, Any]:
    opts: dict[str, Any] = {"password": args.password, "pdf_engine": args.pdf_engine}
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
    if argv and argv[0] in ("diff", "cover", "names") and not Path(argv[0]).exists():
        if argv[0] == "diff":
            from .cli.diff import main as diff

            return diff(argv[1:])
        from .cli.commands import main as command  # policy_parse cover / names

        return command(argv, _write, _error)
    from .cli.args import Usage, folder_hint, needs, output_format, parse_args
    from .messages import error_line, usage

    args = parse_args(argv, _Version)
    lang: Lang = args.lang
    try:
        if args.jobs is not None and args.jobs < 1:
            raise Usage(usage("jobs", lang))
        if args.timeout is not None and not args.timeout > 0:
            raise Usage(usage("timeout", lang))
        batch = len(args.paths) > 1 or any(p != "-" and Path(p).is_dir() for p in args.paths)
        fmt = "text" if args.combine else output_format(args, batch=batch)
        needs(fmt, lang)
        _refuse_output_onto_input(args.output, args.paths, lang)
        if args.resume and args.force:
            raise Usage(usage("resume_force", lang))
        if args.combine:
            if args.stage != "notice":
                raise Usage(usage("stage_one", lang))
            return _combined(args, _options(args))
        if batch:
            if args.stage != "notice":
                raise Usage(usage("stage_one", lang))
            if not args.output:
                raise Usage(folder_hint(args))
            return _batch(args, fmt, _options(args))
        started = _start_pdf_early(
            args.paths[0], args.password, args.pdf_engine, seconds=args.timeout
        )
        try:
            return _single(args, fmt, _options(args), started)
        finally:
            if started is not None:
                started.cancel()  # a no-op once they were waited for
    except Usage as exc:
        _error(str(exc), lang)
        return EXIT_USAGE
    except PolicyParseError as exc:
        if args.debug:
            import traceback

            traceback.print_exc()
        given = args.aliases if type(exc).__name__ == "AliasFileError" else args.paths[0]
        _error(error_line(exc, lang, file=_input_name(exc, given, lang)), lang)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: still one line unless --debug
        if args.debug:
            raise
        detail = f"{type(exc).__name__}: {exc}"
        _error(error_line("internal", lang, file=args.paths[0], detail=detail), lang)
        return EXIT_INTERNAL


def _refuse_output_onto_input(output: str | None, paths: Sequence[str], lang: Lang) -> None:
    from .cli.args import Usage
    from .messages import usage

    if not output:
        return
    out = Path(output)
    for p in paths:
        if p == "-":
            continue
        try:
            if out.exists() and out.is_file() and out.samefile(p):
                raise Usage(usage("output_is_input", lang, output=output))
        except OSError:
            continue


def _start_pdf_early(
    given: str, password: str | None, engine: str, *, seconds: float | None = None
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
    # Only now, for a PDF: a text input never imports the page workers' modules.
    from .read.pdf.pages import looks_truncated, start_pages

    if len(data) > limit_defaults.MAX_INPUT_BYTES or looks_truncated(data):
        return None
    try:
        if seconds is not None:  # --timeout
            return start_pages(data, str(path), password=password, engine=engine, seconds=seconds)
        return start_pages(data, str(path), password=password, engine=engine)
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
            else read_document(source, password=args.password, pdf_engine=args.pdf_engine)
        )
        text = dumps(document_to_dict(document), sort_keys=False) + "\n"
        return _write(text, args.output, args.lang)
    output = args.output
    if output and Path(output).is_dir():
        name = "stdin" if args.paths[0] == "-" else Path(args.paths[0]).name
        output = str(Path(output) / (name + SUFFIX[fmt]))
    notice = _parse(source, options, started)
    if (status := _write(render(notice, fmt, args.lang), output, args.lang)) != 0:
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
    from .warmup import prepare_text_stages

    with _clock(options.get("limits")):
        document = read_started_pdf(started, while_waiting=prepare_text_stages)
        return notice_from_document(document, aliases=options.get("aliases"))


def _write(data: str | bytes, output: str | None, lang: Lang = "zh") -> int:
    """Write to `output` (whole or not at all: _support/atomic.py) or standard
    output; a full disk or a closed pipe is one line on stderr and exit 2,
    never a traceback."""
    from .messages import error_line, os_reason, ui

    raw = data.encode("utf-8") if isinstance(data, str) else data
    target = output or ui("stdout", lang)
    try:
        if output:
            from ._support.atomic import write_atomic

            write_atomic(output, raw)
        else:
            sys.stdout.flush()
            sys.stdout.buffer.write(raw)
            sys.stdout.buffer.flush()
    except BrokenPipeError:
        # The reader went away (| head): nothing more to say to it.
        _silence_stdout()
        detail = os_reason(BrokenPipeError(errno.EPIPE, "broken pipe"), lang)
        _error(error_line("OutputError", lang, file=target, detail=detail), lang)
        return EXIT_BAD_INPUT
    except OSError as exc:
        if not output:
            _silence_stdout()
        _error(error_line("OutputError", lang, file=target, detail=os_reason(exc, lang)), lang)
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


def _targets(selected: Sequence[tuple[str, Path]], out: Path) -> list[tuple[str, Path]]:
    """Each input file (with the folder it was found below, cli.select)
    with its output name: a folder's files keep their place below it; a
    name already taken gets -2, -3 …"""
    pairs: list[tuple[str, Path]] = []
    taken: set[Path] = set()
    for given, root in selected:
        f = Path(given)
        rel = f.relative_to(root) if root.is_dir() else Path(f.name)
        target = out / rel.parent / rel.name
        k = 1
        while target in taken:
            k += 1
            target = out / rel.parent / f"{rel.stem}-{k}{rel.suffix}"
        taken.add(target)
        pairs.append((str(f), target))
    return pairs


def _batch(args: argparse.Namespace, fmt: str, options: dict[str, Any]) -> int:
    from .batch import cpus, plan_workers
    from .cli.args import Usage
    from .messages import usage

    lang: Lang = args.lang
    if "-" in args.paths:
        raise Usage(usage("stdin_alone", lang))
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise Usage(usage("output_folder", lang, output=args.output))
    from .cli.select import select

    start = time.monotonic()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file on the way, no permission, a read-only disk
        reason = exc.strerror or str(exc)
        _say(f"error: cannot create the output folder {args.output}: {reason}")
        return EXIT_BAD_INPUT
    selected, unknown = select(args.paths, include=args.include, exclude=args.exclude, skip=out)
    pairs = _targets(selected, out)
    suffix = SUFFIX[fmt]
    jobs, limits = plan_workers(min(args.jobs or cpus(), max(len(pairs), 1)), options.get("limits"))
    options = {**options, "limits": limits}
    tasks = [(src, str(t) + suffix, fmt, lang, args.fail_on, options) for src, t in pairs]
    standing: dict[int, dict[str, Any]] = {}  # by the input's place
    if args.resume:
        from .cli.resume import kept, previous

        before = previous(out / "summary.csv")
        for k, t in enumerate(tasks):
            if (row := kept(t[0], t[1], before, lang, args.fail_on)) is not None:
                standing[k] = row
    todo_keys = [k for k in range(len(tasks)) if k not in standing]
    todo = [tasks[k] for k in todo_keys]
    from .batch import legacy_converted
    from .interrupts import Stop, WorkerPool, serially

    done: dict[int, dict[str, Any]] = {}
    # The batch's .doc/.rtf/.xls converted by one LibreOffice run first (read/legacy.py);
    # Ctrl-C from the Stop on: stop handing out files (interrupts.py).
    with legacy_converted([t[0] for t in todo], options), Stop() as stop:
        pool = WorkerPool(jobs, seconds=limits.document_seconds) if jobs > 1 else None
        try:
            steps = pool.run(todo, done, stop) if pool else serially(todo, done, stop)
            for _ in _progress(steps, len(todo), quiet=args.quiet, lang=lang):
                pass
        finally:
            if pool is not None:
                pool.close(done)
        ran = {k: done.get(i) or _interrupted(tasks[k][0], lang) for i, k in enumerate(todo_keys)}
        rows = [standing[k] if k in standing else ran[k] for k in range(len(tasks))]
        for r in rows:
            if r["status"] not in ("ok", "unchanged", "interrupted"):
                _error(r["message"], lang)
        # After the files' own lines: on a full disk, the last line says so too.
        passed = _passed_over(unknown, lang)
        status = _write(_summary_csv(rows + passed, lang), str(out / "summary.csv"), lang)
        if stop.signal is not None:
            from .messages import cli

            finished = sum(1 for r in rows if r["status"] != "interrupted")
            key = "interrupted_summary" if status == 0 else "interrupted_no_summary"
            _say(cli(key, lang).format(finished=finished, total=len(rows)))
            return 128 + stop.signal
    if status != 0:
        return status
    return _batch_end(rows, args, start, errors_said=True)


_Row = TypeVar("_Row")


def _passed_over(files: Sequence[str], lang: Lang) -> list[dict[str, Any]]:
    """Summary rows of the files a folder held in a type no reader knows."""
    from .batch import unread_row

    return [unread_row(f, "skipped", lang) for f in files]


def _combined(args: argparse.Namespace, options: dict[str, Any]) -> int:
    """--combine: every input parsed, its rows stacked into one output.
    Ctrl-C stops it as it stops a batch (interrupts.py): no output is
    written (it would lack the rest), summary.csv and the parts that
    finished are, so --resume goes on from there."""
    from .batch import cpus, plan_workers
    from .cli.args import Usage, combined_format, needs
    from .cli.combined import outputs, summary_path
    from .cli.resume import kept_part, parts_path, previous, previous_parts
    from .messages import usage

    lang: Lang = args.lang
    fmt = combined_format(args)
    needs(fmt, lang)
    if "-" in args.paths:
        raise Usage(usage("stdin_alone", lang))
    target = Path(args.output)
    start = time.monotonic()
    from .cli.select import select

    # A workbook written into the folder it reads is no input the next time.
    written = {p.resolve() for p in [*outputs(target, fmt), summary_path(target)]}
    selected, unknown = select(args.paths, include=args.include, exclude=args.exclude)
    files = [f for f, _ in selected if Path(f).resolve() not in written]
    unknown = [f for f in unknown if Path(f).resolve() not in written]
    jobs, limits = plan_workers(min(args.jobs or cpus(), max(len(files), 1)), options.get("limits"))
    options = {**options, "limits": limits}
    results: dict[int, tuple[dict[str, Any], dict[str, Any] | None]] = {}
    if args.resume:
        before = previous(summary_path(target))
        parts = previous_parts(parts_path(target))
        for k, f in enumerate(files):
            if (kept := kept_part(f, before, parts, lang, args.fail_on)) is not None:
                results[k] = kept
    todo_keys = [k for k in range(len(files)) if k not in results]
    tasks = [(files[k], lang, args.fail_on, options) for k in todo_keys]
    from .batch import legacy_converted
    from .interrupts import Stop, WorkerPool, serially

    done: dict[int, tuple[dict[str, Any], dict[str, Any] | None]] = {}
    # As in a batch of outputs: legacy files converted by one LibreOffice run
    # first; Ctrl-C from the Stop on: stop handing out files (interrupts.py).
    with legacy_converted([t[0] for t in tasks], options), Stop() as stop:
        pool = WorkerPool(jobs, "part_one", limits.document_seconds) if jobs > 1 else None
        try:
            steps = pool.run(tasks, done, stop) if pool else serially(tasks, done, stop, "part_one")
            for _ in _progress(steps, len(tasks), quiet=args.quiet, lang=lang):
                pass
        finally:
            if pool is not None:
                pool.close(done)
        for i, k in enumerate(todo_keys):
            results[k] = done.get(i) or (_interrupted(files[k], lang), None)
        status = _write_combined(
            args, fmt, target, files, results, unknown, stop.requested, options.get("aliases")
        )
        if stop.signal is not None:
            from .messages import cli

            rows = [results[k][0] for k in range(len(files))]
            finished = sum(1 for r in rows if r["status"] != "interrupted")
            key = "interrupted_summary" if status == 0 else "interrupted_no_summary"
            _say(cli(key, lang).format(finished=finished, total=len(rows)))
            return 128 + stop.signal
    if status != 0:
        return status
    return _batch_end([results[k][0] for k in range(len(files))], args, start)


def _write_combined(
    args: argparse.Namespace,
    fmt: str,
    target: Path,
    files: Sequence[str],
    results: dict[int, tuple[dict[str, Any], dict[str, Any] | None]],
    unknown: Sequence[str],
    interrupted: bool,
    aliases: Mapping[str, str] | None = None,
) -> int:
    """The combined output (unless `interrupted`), the parts kept for
    --resume, and summary.csv; the exit status of the first that fails."""
    from .cli.combined import outputs, render, summary_path
    from .cli.resume import parts_jsonl, parts_path
    from .emit.combined import Combined

    lang: Lang = args.lang
    rows = [results[k][0] for k in range(len(files))]
    parts = [(k, results[k][1]) for k in range(len(files)) if results[k][1] is not None]
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # _write says why, in one line
    if not interrupted:
        combined = Combined(lang, aliases=aliases)
        for _, part in parts:
            assert part is not None
            combined.add(part)
        for path, data in render(combined, target, fmt).items():
            if (status := _write(data, str(path), lang)) != 0:
                return status
        names = "; ".join(str(p) for p in outputs(target, fmt))
        for r in rows:
            r["output"] = names if r["status"] in ("ok", "unchanged") else ""
    kept = parts_jsonl(
        (files[k], rows[k].get("sha256", ""), lang, part) for k, part in parts if part is not None
    )
    if (status := _write(kept, str(parts_path(target)), lang)) != 0:
        return status
    passed = _passed_over(unknown, lang)
    return _write(_summary_csv(rows + passed, lang), str(summary_path(target)), lang)


def _batch_end(
    rows: list[dict[str, Any]], args: argparse.Namespace, start: float, *, errors_said: bool = False
) -> int:
    """Each failure on stderr (unless said already), the closing line, and
    the batch's exit code."""
    failed = [r for r in rows if r["status"] not in ("ok", "unchanged")]
    for r in [] if errors_said else failed:
        _error(r["message"], args.lang)
    if not args.quiet:
        _say(_closing_line(rows, time.monotonic() - start, args.lang))
    if any(r["status"] == "internal" for r in rows):
        return EXIT_INTERNAL
    if failed:
        return EXIT_BAD_INPUT
    return EXIT_FAIL_ON if any(r["failed_on"] for r in rows) else EXIT_OK


def _interrupted(source: str, lang: Lang) -> dict[str, Any]:
    """The summary row of a file Ctrl-C stopped before it was done."""
    from .batch import unread_row

    return unread_row(source, "interrupted", lang)


def _progress(
    rows: Iterator[_Row],
    total: int,
    *,
    quiet: bool,
    stream: IO[str] | None = None,
    lang: Lang = "zh",
) -> Iterator[_Row]:
    """A progress bar on stderr when it is a terminal, in `lang`; nothing
    otherwise."""
    from .messages import cli

    stream = stream or sys.stderr
    if quiet or not stream.isatty():
        yield from rows
        return
    from tqdm import tqdm

    yield from tqdm(
        rows, total=total, file=stream, leave=False, mininterval=0.2,
        bar_format=cli("progress", lang),
    )  # fmt: skip


# summary.csv's columns: `status` is read (成功, 文件损坏 …), `code` stable
# ("ok", "corrupt" …) for scripts, whatever the language.
SUMMARY_COLUMNS = (
    "file", "format", "status", "code", "measures", "table_rows", "errors", "warnings", "infos",
    "output", "sha256", "message",
)  # fmt: skip


def _summary_csv(rows: Sequence[dict[str, Any]], lang: Lang = "zh") -> str:
    # A file name or an error message may start like a formula (=cmd|…).
    from .emit.tabular import csv_text
    from .messages import status_label, summary_column

    def cell(r: dict[str, Any], c: str) -> str:
        if c == "code":
            return str(r["status"])
        if c == "status":
            return status_label(r["status"], lang)
        v = r.get(c)
        return "" if v is None else str(v)

    header = [summary_column(c, lang) for c in SUMMARY_COLUMNS]
    return csv_text(header, ([cell(r, c) for c in SUMMARY_COLUMNS] for r in rows))


def _closing_line(rows: Sequence[dict[str, Any]], seconds: float, lang: Lang) -> str:
    from .messages import count, ui

    ok = sum(1 for r in rows if r["status"] in ("ok", "unchanged"))
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

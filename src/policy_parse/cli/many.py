"""Many inputs on the command line: a batch writing one output per input
plus summary.csv (run_batch), or one stacked output for all (run_combined,
--combine); the progress bar, summary.csv and the closing line."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

from ..emit.outputs import SUFFIX
from .console import EXIT_BAD_INPUT, EXIT_FAIL_ON, EXIT_INTERNAL, EXIT_OK, error, say, write

if TYPE_CHECKING:
    from ..messages import Lang


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


def run_batch(args: argparse.Namespace, fmt: str, options: dict[str, Any]) -> int:
    from ..batch import cpus, plan_workers
    from ..messages import usage
    from .args import Usage

    lang: Lang = args.lang
    if "-" in args.paths:
        raise Usage(usage("stdin_alone", lang))
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise Usage(usage("output_folder", lang, output=args.output))
    from .select import select

    start = time.monotonic()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file on the way, no permission, a read-only disk
        reason = exc.strerror or str(exc)
        say(f"error: cannot create the output folder {args.output}: {reason}")
        return EXIT_BAD_INPUT
    selected, unknown = select(args.paths, include=args.include, exclude=args.exclude, skip=out)
    pairs = _targets(selected, out)
    suffix = SUFFIX[fmt]
    jobs, limits = plan_workers(min(args.jobs or cpus(), max(len(pairs), 1)), options.get("limits"))
    options = {**options, "limits": limits}
    tasks = [(src, str(t) + suffix, fmt, lang, args.fail_on, options) for src, t in pairs]
    standing: dict[int, dict[str, Any]] = {}  # by the input's place
    if args.resume:
        from .resume import kept, previous

        before = previous(out / "summary.csv")
        for k, t in enumerate(tasks):
            if (row := kept(t[0], t[1], before, lang, args.fail_on)) is not None:
                standing[k] = row
    todo_keys = [k for k in range(len(tasks)) if k not in standing]
    todo = [tasks[k] for k in todo_keys]
    from ..batch import legacy_converted
    from ..interrupts import Stop, WorkerPool, serially

    done: dict[int, dict[str, Any]] = {}
    # The batch's .doc/.rtf/.xls converted by one LibreOffice run first (read/legacy.py);
    # Ctrl-C from the Stop on: stop handing out files (interrupts.py).
    with legacy_converted([t[0] for t in todo], options), Stop() as stop:
        pool = WorkerPool(jobs, seconds=limits.document_seconds) if jobs > 1 else None
        try:
            steps = pool.run(todo, done, stop) if pool else serially(todo, done, stop)
            for _ in progress(steps, len(todo), quiet=args.quiet, lang=lang):
                pass
        finally:
            if pool is not None:
                pool.close(done)
        ran = {k: done.get(i) or _interrupted(tasks[k][0], lang) for i, k in enumerate(todo_keys)}
        rows = [standing[k] if k in standing else ran[k] for k in range(len(tasks))]
        for r in rows:
            if r["status"] not in ("ok", "unchanged", "interrupted"):
                error(r["message"], lang)
        # After the files' own lines: on a full disk, the last line says so too.
        passed = _passed_over(unknown, lang)
        status = write(summary_csv(rows + passed, lang), str(out / "summary.csv"), lang)
        if stop.signal is not None:
            return _stopped(rows, status, stop.signal, lang)
    if status != 0:
        return status
    return _batch_end(rows, args, start, errors_said=True)


_Row = TypeVar("_Row")


def _passed_over(files: Sequence[str], lang: Lang) -> list[dict[str, Any]]:
    """Summary rows of the files a folder held in a type no reader knows."""
    from ..batch import unread_row

    return [unread_row(f, "skipped", lang) for f in files]


def run_combined(args: argparse.Namespace, options: dict[str, Any]) -> int:
    """--combine: every input parsed, its rows stacked into one output.
    Ctrl-C stops it as it stops a batch (interrupts.py): no output is
    written (it would lack the rest), summary.csv and the parts that
    finished are, so --resume goes on from there."""
    from ..batch import cpus, plan_workers
    from ..messages import usage
    from .args import Usage, combined_format, needs
    from .combined import outputs, summary_path
    from .resume import kept_part, parts_path, previous, previous_parts

    lang: Lang = args.lang
    fmt = combined_format(args)
    needs(fmt, lang)
    if "-" in args.paths:
        raise Usage(usage("stdin_alone", lang))
    target = Path(args.output)
    start = time.monotonic()
    from .select import select

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
    from ..batch import legacy_converted
    from ..interrupts import Stop, WorkerPool, serially

    done: dict[int, tuple[dict[str, Any], dict[str, Any] | None]] = {}
    # As in a batch of outputs: legacy files converted by one LibreOffice run
    # first; Ctrl-C from the Stop on: stop handing out files (interrupts.py).
    with legacy_converted([t[0] for t in tasks], options), Stop() as stop:
        pool = WorkerPool(jobs, "part_one", limits.document_seconds) if jobs > 1 else None
        try:
            steps = pool.run(tasks, done, stop) if pool else serially(tasks, done, stop, "part_one")
            for _ in progress(steps, len(tasks), quiet=args.quiet, lang=lang):
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
            rows = [results[k][0] for k in range(len(files))]
            return _stopped(rows, status, stop.signal, lang)
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
    from ..emit.combined import Combined
    from .combined import outputs, render, summary_path
    from .resume import parts_jsonl, parts_path

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
            if (status := write(data, str(path), lang)) != 0:
                return status
        names = "; ".join(str(p) for p in outputs(target, fmt))
        for r in rows:
            r["output"] = names if r["status"] in ("ok", "unchanged") else ""
    kept = parts_jsonl(
        (files[k], rows[k].get("sha256", ""), lang, part) for k, part in parts if part is not None
    )
    if (status := write(kept, str(parts_path(target)), lang)) != 0:
        return status
    passed = _passed_over(unknown, lang)
    return write(summary_csv(rows + passed, lang), str(summary_path(target)), lang)


def _batch_end(
    rows: list[dict[str, Any]], args: argparse.Namespace, start: float, *, errors_said: bool = False
) -> int:
    """Each failure on stderr (unless said already), the closing line, and
    the batch's exit code."""
    failed = [r for r in rows if r["status"] not in ("ok", "unchanged")]
    for r in [] if errors_said else failed:
        error(r["message"], args.lang)
    if not args.quiet:
        say(_closing_line(rows, time.monotonic() - start, args.lang))
    if any(r["status"] == "internal" for r in rows):
        return EXIT_INTERNAL
    if failed:
        return EXIT_BAD_INPUT
    return EXIT_FAIL_ON if any(r["failed_on"] for r in rows) else EXIT_OK


def _interrupted(source: str, lang: Lang) -> dict[str, Any]:
    """The summary row of a file Ctrl-C stopped before it was done."""
    from ..batch import unread_row

    return unread_row(source, "interrupted", lang)


def progress(
    rows: Iterator[_Row],
    total: int,
    *,
    quiet: bool,
    stream: IO[str] | None = None,
    lang: Lang = "zh",
) -> Iterator[_Row]:
    """A progress bar on stderr when it is a terminal, in `lang`; nothing
    otherwise."""
    from ..messages import cli

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


def summary_csv(rows: Sequence[dict[str, Any]], lang: Lang = "zh") -> str:
    # A file name or an error message may start like a formula (=cmd|…).
    from ..emit.tabular import csv_text
    from ..messages import status_label, summary_column

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
    from ..messages import count, ui

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


def _stopped(rows: list[dict[str, Any]], status: int, signal: int, lang: Lang) -> int:
    """Ctrl-C (or SIGTERM) during a batch: say how far it got and whether the
    summary was written; the exit code is 128 + the signal, as a shell's."""
    from ..messages import cli

    finished = sum(1 for r in rows if r["status"] != "interrupted")
    key = "interrupted_summary" if status == 0 else "interrupted_no_summary"
    say(cli(key, lang).format(finished=finished, total=len(rows)))
    return 128 + signal

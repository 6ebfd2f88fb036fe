"""Many notices at once: `parse_many` over any `concurrent.futures.Executor`.

One bad file never stops the others: each source yields its `Notice` or the
`PolicyParseError` it raised, in input order.  Work is submitted a bounded
window ahead, so a million paths do not become a million pending futures.
"""

from __future__ import annotations

import contextlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from ._support.paths import path_suffix, path_text
from .emit.outputs import SUFFIX
from .errors import PolicyParseError
from .messages import Lang
from .models import Format, Notice, Severity
from .read import Limits, SourceLike

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future
    from pathlib import Path

__all__ = ["SUFFIX", "find_inputs", "parse_many", "process_one", "readable_suffixes", "render"]


Result = Notice | PolicyParseError


def readable_suffixes() -> tuple[str, ...]:
    """File suffixes a folder is searched for: one per format a reader knows,
    and the other names those formats go by (.htm pages, Kingsoft .wps)."""
    return (*(f".{f.value}" for f in Format), ".htm", ".wps")


def find_inputs(path: Path, *, skip: Path | None = None) -> list[Path]:
    """`path` itself, or every readable file under the folder `path` in
    sorted order (hidden files and the folder `skip` left out)."""
    if not path.is_dir():
        return [path]
    suffixes = readable_suffixes()
    found = []
    for p in sorted(path.rglob("*")):
        rel = p.relative_to(path).parts
        if any(part.startswith(".") for part in rel):
            continue
        if skip is not None and (p == skip or skip in p.parents):
            continue
        if p.is_file() and p.suffix.lower() in suffixes:
            found.append(p)
    return found


def _parse_one(source: SourceLike, options: dict[str, Any]) -> Result:
    """Runs in a worker: the notice, or the error the input deserves."""
    from . import parse

    try:
        return parse(source, **options)
    except PolicyParseError as exc:
        return exc


def parse_many(
    sources: Iterable[SourceLike],
    *,
    jobs: int | None = None,
    executor: Executor | None = None,
    **options: Any,
) -> Iterator[Result]:
    """Parse every source; yield its `Notice` or its `PolicyParseError`, in
    input order.  `executor` may be any `concurrent.futures.Executor` (a
    thread or process pool, a Dask `Client.get_executor()`); without one,
    `jobs` worker processes are started (default: the CPU count; 1 parses
    in this process).  `options` go to `parse` (password, limits, aliases).
    A bug (an exception that is no `PolicyParseError`) is raised, not hidden.
    """
    if executor is not None:
        yield from _windowed(executor, sources, options, window=64)
        return
    workers, limits = plan_workers(jobs, options.get("limits"))
    if workers == 1:
        for s in sources:
            yield _parse_one(s, {**options, "limits": limits})
        return
    # spawn, not fork: a forked child inherits locks the caller's other
    # threads may hold and can deadlock on them (Python 3.12+ warns); a
    # spawned one starts clean, whatever the caller runs.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    if _bootstrapping():
        raise RuntimeError(NO_MAIN_GUARD)
    ctx = multiprocessing.get_context("spawn")
    options = {**options, "limits": limits}
    results = 0
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            for result in _windowed(pool, sources, options, window=4 * workers):
                results += 1
                yield result
    except BrokenProcessPool as exc:
        if results == 0 and _main_is_a_script():
            raise RuntimeError(NO_MAIN_GUARD) from exc
        raise


NO_MAIN_GUARD = (
    "parse_many(jobs>1) starts worker processes that import your script again, and the "
    "script called parse_many while they did: put the calling code under "
    '`if __name__ == "__main__":`, or pass jobs=1.'
)


def _bootstrapping() -> bool:
    """True in a spawned worker while it imports the caller's script."""
    import multiprocessing

    return bool(getattr(multiprocessing.current_process(), "_inheriting", False))


def _main_is_a_script() -> bool:
    import sys

    return getattr(sys.modules.get("__main__"), "__file__", None) is not None


def cpus() -> int:
    """The CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def plan_workers(jobs: int | None, limits: Limits | None) -> tuple[int, Limits]:
    """Files parsed side by side and PDF page workers per file, so their
    product never exceeds the CPUs: `jobs` (default: the CPUs) at most the
    CPUs, and each file's PDF workers what is left per job (at least 1,
    at most `limits.pdf_workers`)."""
    limits = limits or Limits()
    n = cpus()
    workers = max(1, min(jobs or n, n))
    per_file = max(1, min(limits.pdf_workers, n // workers))
    return workers, attrs.evolve(limits, pdf_workers=per_file)


def _windowed(
    executor: Executor, sources: Iterable[SourceLike], options: dict[str, Any], *, window: int
) -> Iterator[Result]:
    pending: deque[Future[Result]] = deque()
    for s in sources:
        pending.append(executor.submit(_parse_one, s, options))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


# --- the command line's worker (importable, so spawned processes find it) ----


def render(notice: Notice, fmt: str, lang: Lang) -> str | bytes:
    """`notice` in the output format `fmt` (a key of SUFFIX).  Each output
    module is imported only for its own format."""
    if fmt == "json":
        from .emit.json import to_json

        return to_json(notice, lang=lang)
    if fmt == "html":
        from .emit.html import to_html

        return to_html(notice, lang=lang)
    if fmt == "csv":
        from .emit.tabular import to_csv

        return to_csv(notice, lang=lang)
    if fmt == "xlsx":
        from .emit.tabular import to_xlsx

        return to_xlsx(notice, lang=lang)
    from .emit.text import to_text

    return to_text(notice, lang=lang)


LEGACY_SUFFIXES = (".doc", ".wps", ".rtf", ".xls")


@contextlib.contextmanager
def legacy_converted(sources: list[str], options: dict[str, Any]) -> Iterator[None]:
    """While a batch runs: its legacy files (by suffix, two or more) converted
    by one LibreOffice run into a private folder (read.legacy.prepare_batch),
    which `options` names to the workers; the folder is gone afterwards."""
    if sum(1 for s in sources if path_suffix(s).lower() in LEGACY_SUFFIXES) < 2:
        yield
        return
    import tempfile

    from .read import legacy

    with tempfile.TemporaryDirectory(prefix="policy_parse-lo-batch-") as folder:
        legacy.prepare_batch(sources, folder, options.get("limits") or Limits())
        options[_PREPARED] = folder
        try:
            yield
        finally:
            options.pop(_PREPARED, None)
            legacy.use_prepared(None)  # this process, when it parsed them itself (--jobs 1)


_PREPARED = "legacy_prepared"


def _parse_options(options: dict[str, Any]) -> dict[str, Any]:
    """`options` for `parse`, once this worker knows its batch's converted
    legacy files (legacy_converted)."""
    if _PREPARED not in options:
        return options
    from .read import legacy

    legacy.use_prepared(options[_PREPARED])
    return {k: v for k, v in options.items() if k != _PREPARED}


def failed_on(notice: Notice, fail_on: str | None) -> bool:
    if not fail_on:
        return False
    threshold = Severity(fail_on).rank
    return any(d.severity.rank >= threshold for d in notice.discrepancies)


def process_one(
    source: str,
    target: str,
    fmt: str,
    lang: Lang,
    fail_on: str | None,
    options: dict[str, Any],
    deliver: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """One input in a worker: parse, write its output, return its summary row
    (and hand it to `deliver`).  Whatever goes wrong stays in the row, in
    `lang`.  An output renamed into place is delivered before Ctrl-C can stop
    this (interrupts.held): the batch's summary always knows the files it wrote."""
    from .messages import error_line, os_reason, status_code

    row: dict[str, Any] = {"file": source, "format": "", "status": "ok", "message": ""}
    row.update(measures=0, table_rows=0, errors=0, warnings=0, infos=0, output="")
    row.update(failed_on=False)
    give = deliver or (lambda _row: None)
    from . import parse

    try:
        notice = parse(source, **_parse_options(options))
    except PolicyParseError as exc:
        row = {**row, "status": status_code(exc), "message": error_line(exc, lang, file=source)}
        give(row)
        return row
    except Exception as exc:  # noqa: BLE001 - a bug in one file must not stop the batch
        row = {**row, **_internal(exc, source, lang)}
        give(row)
        return row
    row.update(_counts(notice, fail_on))
    written = False
    try:
        from ._support.atomic import write_atomic
        from .interrupts import held

        data = render(notice, fmt, lang)
        os.makedirs(os.path.dirname(path_text(target)) or ".", exist_ok=True)
        with held():
            write_atomic(target, data.encode("utf-8") if isinstance(data, str) else data)
            written = True
            row = {**row, "output": target}
            give(row)
        return row
    except OSError as exc:
        if written:
            raise  # delivering failed (the batch went away), not the output
        line = error_line("OutputError", lang, file=target, detail=os_reason(exc, lang))
        row = {**row, "status": status_code("OutputError"), "message": line}
    except Exception as exc:  # a bug in rendering: as above
        if written:
            raise
        row = {**row, **_internal(exc, source, lang)}
    give(row)
    return row


def part_one(
    source: str,
    lang: Lang,
    fail_on: str | None,
    options: dict[str, Any],
    deliver: Callable[[tuple[dict[str, Any], dict[str, Any] | None]], None] | None = None,
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """One input of a combined run, in a worker: its summary row and its
    part of the stacked tables (emit.combined.notice_part), None on failure;
    also handed to `deliver` (a batch's worker sends it back with it)."""
    row, part = _part(source, lang, fail_on, options)
    if deliver is not None:
        from .interrupts import held

        with held():
            deliver((row, part))
    return row, part


def _part(
    source: str, lang: Lang, fail_on: str | None, options: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    from .emit.combined import notice_part
    from .messages import error_line, status_code

    row: dict[str, Any] = {"file": source, "format": "", "status": "ok", "message": ""}
    row.update(measures=0, table_rows=0, errors=0, warnings=0, infos=0, output="")
    row.update(failed_on=False)
    from . import parse

    try:
        notice = parse(source, **_parse_options(options))
        part = notice_part(notice, source, lang)
    except PolicyParseError as exc:
        return {
            **row,
            "status": status_code(exc),
            "message": error_line(exc, lang, file=source),
        }, None
    except Exception as exc:  # noqa: BLE001 - a bug in one file must not stop the batch
        return {**row, **_internal(exc, source, lang)}, None
    row.update(_counts(notice, fail_on))
    return row, part


def unread_row(
    source: str, status: str, lang: Lang, *, key: str | None = None, detail: object = None
) -> dict[str, Any]:
    """The summary row of a file no notice came from (skipped, interrupted,
    its worker died): zero counts, `message` from the [error] entry `key`
    (default: the status)."""
    from .messages import error_line

    return {
        "file": source, "format": "", "status": status, "measures": 0, "table_rows": 0,
        "errors": 0, "warnings": 0, "infos": 0, "output": "", "failed_on": False,
        "message": error_line(key or status, lang, file=source, detail=detail),
    }  # fmt: skip


def _counts(notice: Notice, fail_on: str | None) -> dict[str, Any]:
    """A parsed notice's summary columns: format, counts, --fail-on, hash."""
    counts = {s: sum(1 for d in notice.discrepancies if d.severity is s) for s in Severity}
    return {
        "format": notice.source.format.value,
        "measures": len(notice.measures),
        "table_rows": len(notice.table),
        "errors": counts[Severity.ERROR],
        "warnings": counts[Severity.WARNING],
        "infos": counts[Severity.INFO],
        "failed_on": failed_on(notice, fail_on),
        "sha256": notice.source.sha256,
    }


def _internal(exc: Exception, source: str, lang: Lang) -> dict[str, Any]:
    from .messages import error_line

    detail = f"{type(exc).__name__}: {exc}"
    return {
        "status": "internal",
        "message": error_line("internal", lang, file=source, detail=detail),
    }

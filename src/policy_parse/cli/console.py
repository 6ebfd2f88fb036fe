"""The command line's console: one readable line on stderr for every
message, output written whole or not at all, and the exit codes — shared by
the main command and its subcommands (diff, names, cover)."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .._support.paths import path_text

if TYPE_CHECKING:
    from ..errors import PolicyParseError
    from ..messages import Lang

EXIT_OK, EXIT_FAIL_ON, EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_USAGE = 0, 1, 2, 3, 4


def say(message: str) -> None:
    """One line on stderr: a file name or message that carries escape codes,
    bidi overrides or a newline is shown escaped, never acted on."""
    from .._support.printable import printable

    print(f"policy_parse: {printable(message)}", file=sys.stderr)


def error(message: str, lang: Lang) -> None:
    """`message` as an error line: policy_parse: 错误：… / error: …"""
    from ..messages import cli

    say(cli("error", lang) + message)


def write(data: str | bytes | Iterable[bytes], output: str | None, lang: Lang = "zh") -> int:
    """Write to `output` (whole or not at all: _support/atomic.py) or standard
    output; a full disk or a closed pipe is one line on stderr and exit 2,
    never a traceback.  Pieces of bytes are written as they come (a long
    notice's JSON: emit.json.to_json_chunks)."""
    from ..messages import error_line, os_reason, ui

    raw = data.encode("utf-8") if isinstance(data, str) else data
    target = output or ui("stdout", lang)
    try:
        if output:
            from .._support.atomic import write_atomic

            write_atomic(output, raw)
        else:
            sys.stdout.flush()
            for piece in [raw] if isinstance(raw, bytes) else raw:
                sys.stdout.buffer.write(piece)
            sys.stdout.buffer.flush()
    except BrokenPipeError:
        # The reader went away (| head): nothing more to say to it.
        silence_stdout()
        detail = os_reason(BrokenPipeError(errno.EPIPE, "broken pipe"), lang)
        error(error_line("OutputError", lang, file=target, detail=detail), lang)
        return EXIT_BAD_INPUT
    except OSError as exc:
        if not output:
            silence_stdout()
        error(error_line("OutputError", lang, file=target, detail=os_reason(exc, lang)), lang)
        return EXIT_BAD_INPUT
    return EXIT_OK


def silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def refuse_output_onto_input(output: str | None, paths: Sequence[str], lang: Lang) -> None:
    from ..messages import usage
    from .args import Usage

    if not output:
        return
    out = path_text(output)  # as pathlib reads it: "out.txt/" is the file out.txt
    for p in paths:
        if p == "-":
            continue
        try:
            if os.path.isfile(out) and os.path.samefile(out, path_text(p)):
                raise Usage(usage("output_is_input", lang, output=output))
        except OSError:
            continue


def bad_input(exc: PolicyParseError, lang: Lang, *, file: str, debug: bool) -> int:
    """A file the command could not read: its one line (the traceback too
    under --debug), exit 2."""
    from ..messages import error_line

    if debug:
        import traceback

        traceback.print_exc()
    error(error_line(exc, lang, file=file), lang)
    return EXIT_BAD_INPUT


def internal(exc: Exception, lang: Lang, *, file: str) -> int:
    """A bug: still one line naming the file and the exception, exit 3 (the
    caller re-raises instead under --debug)."""
    from ..messages import error_line

    detail = f"{type(exc).__name__}: {exc}"
    error(error_line("internal", lang, file=file, detail=detail), lang)
    return EXIT_INTERNAL

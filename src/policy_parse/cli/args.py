"""The command line's arguments, in the user's language.

`--lang` is read before anything else, so `--help`, argparse's own errors
and every usage error come from the catalogue (data/messages.toml [cli],
[usage], [argparse]) in that language.  The output format follows `-o`'s
suffix unless `--format` says otherwise; a contradiction is a usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from typing import NoReturn

from .._support.paths import path_suffix
from ..emit.outputs import SUFFIX
from ..messages import Lang, catalogue, cli, usage

EXIT_USAGE = 4

# -o's suffix → the format it names (one input).
FORMAT_OF_SUFFIX = {
    ".txt": "text", ".json": "json", ".csv": "csv", ".xlsx": "xlsx", ".html": "html",
    ".htm": "html",
}  # fmt: skip
# --combine -o's suffix → the combined format.
COMBINED_SUFFIXES = (".xlsx", ".csv", ".jsonl", ".parquet")
BINARY = frozenset({"xlsx", "parquet"})


class Usage(Exception):
    """A usage error: exit 4, one line, already in the user's language."""


def lang_of(argv: Sequence[str]) -> Lang:
    """The --lang asked for, read before argparse (which speaks in it)."""
    lang = "zh"
    for k, a in enumerate(argv):
        if a == "--lang" and k + 1 < len(argv):
            lang = argv[k + 1]
        elif a.startswith("--lang="):
            lang = a.split("=", 1)[1]
    return "en" if lang == "en" else "zh"


class Formatter(argparse.RawDescriptionHelpFormatter):
    """argparse's raw-description help, its width found without `shutil`:
    argparse makes a formatter for every option it adds (to check its
    metavar) and each asked `shutil.get_terminal_size`, importing shutil
    (and bz2, lzma) for a notice's run that prints no help."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = _columns() - 2  # what argparse subtracts from shutil's figure
        super().__init__(prog, indent_increment, max_help_position, width)


def _columns() -> int:
    """The terminal's width as `shutil.get_terminal_size` reads it: $COLUMNS,
    else standard output's terminal, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: {self.error_word}{message}\n")

    error_word = "error: "


@contextlib.contextmanager
def speaking(lang: Lang) -> Iterator[None]:
    """argparse's own words (usage:, options, its error sentences) in `lang`
    while the arguments are parsed: argparse looks its `_` up at each call."""
    words = catalogue().get("argparse", {})
    original = argparse._  # type: ignore[attr-defined]

    def translate(msgid: str) -> str:
        entry = words.get(msgid)
        return str(entry[lang]) if entry else str(original(msgid))

    argparse._ = translate  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]


def prog() -> str:
    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    return "python -m policy_parse" if name in ("", "__main__.py", "-c") else name


def add_reading_options(p: argparse.ArgumentParser, lang: Lang) -> None:
    """The options of every command that reads notices (the main one, diff):
    an alias file, a password, the PDF engine."""
    p.add_argument("--aliases", metavar="FILE", help=cli("aliases", lang))
    p.add_argument("--password", help=cli("password", lang))
    p.add_argument(
        "--pdf-engine",
        choices=("pdfium", "pdfplumber"),
        default="pdfium",
        help=cli("pdf_engine", lang),
    )


def parser(lang: Lang, version_action: type[argparse.Action]) -> argparse.ArgumentParser:
    p = _Parser(
        prog=prog(),
        description=cli("description", lang),
        epilog=cli("epilog", lang),
        formatter_class=Formatter,
    )
    p.error_word = cli("error", lang)
    p.add_argument("paths", nargs="+", metavar="PATH", help=cli("paths", lang))
    p.add_argument("--format", choices=tuple(SUFFIX), help=cli("format", lang))
    p.add_argument("-o", "--output", metavar="PATH", help=cli("output", lang))
    p.add_argument("--combine", action="store_true", help=cli("combine", lang))
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help=cli("lang", lang))
    p.add_argument("--fail-on", choices=("error", "warning", "info"), help=cli("fail_on", lang))
    p.add_argument("--jobs", type=int, metavar="N", help=cli("jobs", lang))
    p.add_argument(
        "--include", action="append", default=[], metavar="GLOB", help=cli("include", lang)
    )
    p.add_argument(
        "--exclude", action="append", default=[], metavar="GLOB", help=cli("exclude", lang)
    )
    p.add_argument("--timeout", type=float, metavar="SECONDS", help=cli("timeout", lang))
    p.add_argument("--resume", action="store_true", help=cli("resume", lang))
    p.add_argument("--force", action="store_true", help=cli("force", lang))
    p.add_argument("--quiet", action="store_true", help=cli("quiet", lang))
    add_reading_options(p, lang)
    ocr = p.add_mutually_exclusive_group()
    ocr.add_argument("--ocr", action="store_true", help=cli("ocr", lang))
    ocr.add_argument("--no-ocr", action="store_true", help=cli("no_ocr", lang))
    p.add_argument("--stage", choices=("read", "notice"), default="notice", help=cli("stage", lang))
    p.add_argument("--version", action=version_action, nargs=0, help=cli("version", lang))
    p.add_argument("--debug", action="store_true", help=cli("debug", lang))
    return p


def parse_args(
    argv: Sequence[str] | None, version_action: type[argparse.Action]
) -> argparse.Namespace:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = lang_of(argv)
    with speaking(lang):
        args = parser(lang, version_action).parse_args(argv)
    if args.ocr:  # every page read from its image: the "ocr" engine (read.ocr)
        args.pdf_engine = "ocr"
    return args


def output_format(args: argparse.Namespace, *, batch: bool) -> str:
    """The format to write: --format, else -o's suffix (one input), else
    text.  A --format that contradicts -o's suffix is a usage error; so is a
    binary format bound for a terminal."""
    lang: Lang = args.lang
    given: str | None = args.format
    out: str | None = args.output
    named = None
    if out and not batch and not getattr(args, "combine", False) and not os.path.isdir(out):
        suffix = path_suffix(out).lower()
        named = FORMAT_OF_SUFFIX.get(suffix)
        if given and named and given != named:
            raise Usage(
                usage(
                    "format_conflict",
                    lang,
                    format=given,
                    output=out,
                    suffix=suffix,
                    wanted=SUFFIX[given],
                )
            )
    fmt = given or named or "text"
    if fmt in BINARY and not out and sys.stdout.isatty():
        raise Usage(usage("binary_terminal", lang, format=fmt, suffix=SUFFIX[fmt]))
    return fmt


def combined_format(args: argparse.Namespace) -> str:
    """--combine's format: the suffix of -o FILE (.xlsx .csv .jsonl .parquet);
    a --format that says otherwise is a usage error."""
    lang: Lang = args.lang
    out: str | None = args.output
    suffix = path_suffix(out).lower() if out else ""
    if not out or suffix not in COMBINED_SUFFIXES or os.path.isdir(out):
        raise Usage(usage("combine_output", lang))
    fmt = suffix[1:]
    if args.format and args.format != fmt:  # there is no --format jsonl: any contradicts
        raise Usage(
            usage(
                "format_conflict",
                lang,
                format=args.format,
                output=out,
                suffix=suffix,
                wanted=SUFFIX[args.format],
            )
        )
    return fmt


def missing(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is None


def needs(fmt: str, lang: Lang) -> None:
    """The optional library a format needs, or a usage error naming the extra."""
    if fmt == "xlsx" and missing("openpyxl"):
        raise Usage(usage("needs_openpyxl", lang))
    if fmt == "parquet" and missing("pyarrow"):
        raise Usage(usage("needs_pyarrow", lang))


def folder_hint(args: argparse.Namespace) -> str:
    """Several inputs (or a folder) without -o: what to type instead."""
    paths = " ".join(args.paths[:3]) + (" …" if len(args.paths) > 3 else "")
    return usage("needs_output", args.lang, prog=prog(), paths=paths)

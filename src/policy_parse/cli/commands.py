"""The commands beside parsing notices: `policy_parse cover PARENT NOTICE`
and `policy_parse names PATH...`.  __main__ hands them the arguments after
the command's name with its own writer and error line, so they write and
fail as the rest of the CLI does (whole files or nothing; one line, exit 2
for bad input, 4 for a usage error)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

from ..emit.outputs import SUFFIX
from ..messages import Lang, across, cli
from .args import _Parser, prog

Write = Callable[[str | bytes, str | None, Lang], int]
Say = Callable[[str, Lang], None]

COMMANDS = ("cover", "names")
EXIT_BAD_INPUT, EXIT_USAGE = 2, 4


def parser(command: str, lang: Lang) -> argparse.ArgumentParser:
    p = _Parser(prog=f"{prog()} {command}", description=across(f"{command}_description", lang))
    p.error_word = cli("error", lang)
    if command == "cover":
        p.add_argument("parent", metavar="PARENT", help=across("cover_parent", lang))
        p.add_argument("notice", metavar="NOTICE", help=across("cover_notice", lang))
    else:
        p.add_argument("paths", nargs="+", metavar="PATH", help=across("names_paths", lang))
        p.add_argument("--jobs", type=int, metavar="N", help=cli("jobs", lang))
        p.add_argument("--include", action="append", default=[], metavar="GLOB",
                       help=cli("include", lang))  # fmt: skip
        p.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                       help=cli("exclude", lang))  # fmt: skip
    p.add_argument("--format", choices=tuple(SUFFIX), help=across(f"{command}_format", lang))
    p.add_argument("-o", "--output", metavar="FILE", help=across("output", lang))
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help=cli("lang", lang))
    p.add_argument("--aliases", metavar="FILE", help=cli("aliases", lang))
    p.add_argument("--password", help=cli("password", lang))
    p.add_argument("--debug", action="store_true", help=cli("debug", lang))
    return p


def main(argv: Sequence[str], write: Write, say: Say) -> int:
    """`argv[0]` names the command (one of COMMANDS)."""
    from .args import Usage, lang_of, needs, output_format, speaking

    command, rest = argv[0], list(argv[1:])
    lang = lang_of(rest)
    with speaking(lang):
        args = parser(command, lang).parse_args(rest)
    try:
        if getattr(args, "jobs", None) is not None and args.jobs < 1:
            from ..messages import usage

            raise Usage(usage("jobs", lang))
        fmt = output_format(args, batch=False)
        needs(fmt, lang)
        if command == "cover":
            from .cover import run as run_cover

            return run_cover(args, fmt, write, say)
        from .names import run as run_names

        return run_names(args, fmt, write, say)
    except Usage as exc:
        say(str(exc), lang)
        return EXIT_USAGE

"""`policy_parse diff OLD NEW`: what changed between two versions of a
notice, in any output format; exit codes as for findings (--fail-on).

Its own argument parser, in the user's language as the main one; the
output, errors and exit codes go through cli/console.py, so a bad
file, a full disk or a closed pipe reads as it does for one notice.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..emit.outputs import SUFFIX
from ..errors import PolicyParseError
from ..messages import Lang, cli, diff_word
from .console import (
    EXIT_FAIL_ON,
    EXIT_OK,
    EXIT_USAGE,
    bad_input,
    error,
    internal,
    refuse_output_onto_input,
    write,
)

if TYPE_CHECKING:
    from ..compare.diff import NoticeDiff


def parser(lang: Lang) -> argparse.ArgumentParser:
    from .args import Formatter, _Parser, add_reading_options, prog

    p = _Parser(
        prog=f"{prog()} diff",
        description=diff_word("cli", "description", lang),
        epilog=diff_word("cli", "epilog", lang),
        formatter_class=Formatter,
    )
    p.error_word = cli("error", lang)
    p.add_argument("old", metavar="OLD", help=diff_word("cli", "old", lang))
    p.add_argument("new", metavar="NEW", help=diff_word("cli", "new", lang))
    p.add_argument("--format", choices=tuple(SUFFIX), help=diff_word("cli", "format", lang))
    p.add_argument("-o", "--output", metavar="FILE", help=diff_word("cli", "output", lang))
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help=cli("lang", lang))
    p.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        help=diff_word("cli", "fail_on", lang),
    )
    add_reading_options(p, lang)
    p.add_argument("--debug", action="store_true", help=cli("debug", lang))
    return p


def render(d: NoticeDiff, fmt: str, lang: Lang) -> str | bytes:
    """`d` in the output format `fmt`; each emitter imported for its own."""
    if fmt == "json":
        from ..emit.diff_json import to_json

        return to_json(d, lang=lang)
    if fmt == "html":
        from ..emit.diff_html import to_html

        return to_html(d, lang=lang)
    if fmt in ("csv", "xlsx"):
        from ..emit import diff_tabular

        return (
            diff_tabular.to_csv(d, lang=lang)
            if fmt == "csv"
            else diff_tabular.to_xlsx(d, lang=lang)
        )
    from ..emit.diff_text import to_text

    return to_text(d, lang=lang)


def failed_on(d: NoticeDiff, fail_on: str | None) -> bool:
    from ..models import Severity

    return fail_on is not None and any(c.severity >= Severity(fail_on) for c in d.changes)


def main(argv: Sequence[str]) -> int:
    from .args import Usage, lang_of, needs, output_format, speaking

    lang = lang_of(argv)
    with speaking(lang):
        args = parser(lang).parse_args(list(argv))
    lang = args.lang
    given = args.old
    try:
        fmt = output_format(args, batch=False)
        needs(fmt, lang)
        refuse_output_onto_input(args.output, [args.old, args.new], lang)
        if "-" in (args.old, args.new):
            raise Usage(diff_word("cli", "no_stdin", lang))
        options: dict[str, Any] = {"password": args.password, "pdf_engine": args.pdf_engine}
        if args.aliases:
            from ..aliases import load_aliases

            given = args.aliases
            options["aliases"] = load_aliases(args.aliases)
        from .. import parse
        from ..compare.diff import diff

        given = args.old  # the file an error names when it names none
        old = parse(args.old, **options)
        given = args.new
        new = parse(args.new, **options)
        result = diff(old, new, aliases=options.get("aliases"))
        if (status := write(render(result, fmt, lang), args.output, lang)) != 0:
            return status
        return EXIT_FAIL_ON if failed_on(result, args.fail_on) else EXIT_OK
    except Usage as exc:
        error(str(exc), lang)
        return EXIT_USAGE
    except PolicyParseError as exc:
        return bad_input(exc, lang, file=exc.path or given, debug=args.debug)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: still one line unless --debug
        if args.debug:
            raise
        return internal(exc, lang, file=given)

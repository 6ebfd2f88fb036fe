"""`policy_parse cover PARENT NOTICE`: parse both, link them
(compare/cover.py), write the result in the format asked for."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ..errors import PolicyParseError
from ..messages import error_line

if TYPE_CHECKING:
    from .commands import Say, Write

EXIT_BAD_INPUT = 2


def run(args: argparse.Namespace, fmt: str, write: Write, say: Say) -> int:
    from .. import cover, parse
    from ..emit.cover import render_cover

    lang = args.lang
    options: dict[str, Any] = {"password": args.password}
    given = args.parent
    try:
        if args.aliases:
            from ..aliases import load_aliases

            given = args.aliases
            options["aliases"] = load_aliases(args.aliases)
        given = args.parent
        parent = parse(args.parent, password=args.password)
        given = args.notice
        notice = parse(args.notice, **options)
        given = args.parent  # cover() refuses a parent without items
        result = cover(parent, notice)
    except PolicyParseError as exc:
        if args.debug:
            raise
        say(error_line(exc, lang, file=exc.path or given), lang)
        return EXIT_BAD_INPUT
    return write(render_cover(result, fmt, lang), args.output, lang)

"""`policy_parse names PATH...`: parse every notice found, build the batch's
department registry (compare/registry.py), write it.  A file that cannot be
read is one error line and exit 2 at the end; the registry of the others is
still written, and names the files it was built from."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ..errors import PolicyParseError
from ..messages import error_line

if TYPE_CHECKING:
    from .commands import Say, Write

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def run(args: argparse.Namespace, fmt: str, write: Write, say: Say) -> int:
    from ..batch import parse_many
    from ..compare.registry import name_registry
    from ..emit.registry import render_registry
    from .select import select

    lang = args.lang
    options: dict[str, Any] = {"password": args.password}
    if args.aliases:
        from ..aliases import load_aliases

        try:
            options["aliases"] = load_aliases(args.aliases)
        except PolicyParseError as exc:
            say(error_line(exc, lang, file=args.aliases), lang)
            return EXIT_BAD_INPUT
    selected, _ = select(args.paths, include=args.include, exclude=args.exclude)
    files = [f for f, _ in selected]
    parsed = []
    failed = 0
    for f, result in zip(files, parse_many(files, jobs=args.jobs or 1, **options), strict=True):
        if isinstance(result, PolicyParseError):
            failed += 1
            say(error_line(result, lang, file=result.path or f), lang)
        else:
            parsed.append((f, result))
    registry = name_registry(parsed, aliases=options.get("aliases"))
    status = write(render_registry(registry, fmt, lang), args.output, lang)
    return status or (EXIT_BAD_INPUT if failed else EXIT_OK)

"""Which files a batch reads: --include / --exclude globs over the files
found below each folder, and the files passed over for a type no reader
knows (listed in the summary, not dropped silently)."""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from pathlib import Path


def _matches(rel: str, name: str, patterns: Sequence[str]) -> bool:
    """A glob matches the path below the folder (notices/*.pdf) or the
    file's name alone (*.pdf, 2021*)."""
    return any(fnmatch.fnmatchcase(rel, p) or fnmatch.fnmatchcase(name, p) for p in patterns)


def select(
    paths: Sequence[str],
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    skip: Path | None = None,
) -> tuple[list[tuple[str, Path]], list[str]]:
    """(the files to read, each with the folder it was found below — or
    itself when given by name —, the files of a folder passed over for their
    type).  A file given by name is always read; globs filter what folders
    hold.  Hidden files and the folder `skip` (the output) are left out."""
    from ..batch import find_inputs, readable_suffixes

    suffixes = readable_suffixes()
    chosen: list[tuple[str, Path]] = []
    unknown: list[str] = []
    for given in paths:
        root = Path(given)
        if not root.is_dir():
            chosen.append((given, root))
            continue
        readable = set(find_inputs(root, skip=skip.resolve() if skip else None))
        for p in sorted(root.rglob("*")):
            rel = p.relative_to(root)
            if any(part.startswith(".") for part in rel.parts) or not p.is_file():
                continue
            if skip is not None and (
                p.resolve() == skip.resolve() or skip.resolve() in p.resolve().parents
            ):
                continue
            posix = rel.as_posix()
            if include and not _matches(posix, p.name, include):
                continue
            if exclude and _matches(posix, p.name, exclude):
                continue
            if p in readable:
                chosen.append((str(p), root))
            elif p.suffix.lower() not in suffixes:
                unknown.append(str(p))
    return chosen, unknown

"""The user's own department names: a TOML of canonical names and the
abbreviations people write for them (`--aliases FILE`, `parse(aliases=...)`).

    [departments]
    "市场监管局" = ["市场局", "市监局"]

They are merged with the notice's own inventory (normalize/abbreviations.py): an
abbreviation the notice does not resolve by itself takes the user's name;
where the notice's own names read it otherwise, the notice wins and the
conflict is reported as an `alias` info.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from os import PathLike
from pathlib import Path

from .errors import AliasFileError
from .models import Discrepancy, Kind, Notice, Severity, Unit, UnitStatus

__all__ = ["MAX_ALIAS_BYTES", "alias_conflicts", "load_aliases", "parse_aliases"]

MAX_ALIAS_BYTES = 16 * 1024 * 1024
"""An alias file larger than this is refused unread: a list of a country's
department names is well under a megabyte."""


def load_aliases(path: str | PathLike[str]) -> dict[str, str]:
    """abbreviation → canonical name, from the TOML file at `path`."""
    try:
        size = Path(path).stat().st_size
        if size > MAX_ALIAS_BYTES:
            raise AliasFileError(
                f"{path}: the alias file is {size} bytes, over {MAX_ALIAS_BYTES}: "
                "not a list of department names"
            )
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AliasFileError(f"{path}: cannot read the alias file ({exc})") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise AliasFileError(f"{path}: not valid TOML ({exc})") from exc
    except RecursionError as exc:  # tomllib recurses once per nested array or table
        raise AliasFileError(
            f"{path}: not an alias file (arrays or tables nested too deeply to read)"
        ) from exc
    return parse_aliases(data, str(path))


def parse_aliases(data: Mapping[str, object], where: str = "aliases") -> dict[str, str]:
    """abbreviation → canonical name, from the file's parsed content."""
    table = data.get("departments")
    if not isinstance(table, Mapping):
        raise AliasFileError(f'{where}: expected a [departments] table of "name" = ["abbr", ...]')
    out: dict[str, str] = {}
    for canonical, shorts in table.items():
        if isinstance(shorts, str):
            shorts = [shorts]
        if not isinstance(shorts, list) or not all(isinstance(s, str) for s in shorts):
            raise AliasFileError(f"{where}: {canonical} must list its abbreviations as strings")
        for short in shorts:
            if out.get(short, canonical) != canonical:
                raise AliasFileError(
                    f"{where}: {short} abbreviates both {out[short]} and {canonical}"
                )
            out[short] = canonical
    return out


def _units(notice: Notice) -> list[tuple[str, Unit]]:
    """Every unit with the side that names it, prose first."""
    out: list[tuple[str, Unit]] = []
    for m in notice.measures:
        out.extend(("prose", u) for u in (*m.lead, *m.support))
    for e in notice.table:
        out.extend(("table", u) for u in (*e.lead, *e.support))
    return out


def alias_conflicts(notice: Notice, aliases: Mapping[str, str]) -> list[Discrepancy]:
    """One `alias` info per abbreviation the notice reads otherwise than the
    user's file does: the notice's reading was kept."""
    out: list[Discrepancy] = []
    seen: set[str] = set()
    for side, u in _units(notice):
        user = aliases.get(u.expanded)
        if user is None or u.expanded in seen or u.status is UnitStatus.AS_WRITTEN:
            continue
        if u.status is UnitStatus.RESOLVED and u.name == user:
            continue
        seen.add(u.expanded)
        reading = u.name if u.status is UnitStatus.RESOLVED else "、".join(u.candidates)
        out.append(
            Discrepancy(
                kind=Kind.ALIAS,
                severity=Severity.INFO,
                measure=None,
                prose=u.written if side == "prose" else None,
                table=u.written if side == "table" else None,
                message=f"the alias file reads {u.written} as {user}, the notice's own names "
                f"as {reading}; the notice wins",
            )
        )
    return out
